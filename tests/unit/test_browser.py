import json

import pytest

from calculator import PROTOCOL_VERSION, handle_request, regions
from tests.cases import PARITY_CASES, fields_of
from tests.protocol import schema

#: Every key a plan carries (without ``ics``, which needs a ``dtstamp``): the schema's required ones.
PLAN_KEYS = set(schema()["$defs"]["Plan"]["required"])


def ask(fields: dict[str, str], **extra: object) -> dict:
    return json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": fields, **extra})))


@pytest.mark.parametrize("case", PARITY_CASES, ids=[case["name"] for case in PARITY_CASES])
def test_parity_cases_answer(case):
    fields = fields_of(case)
    answer = ask(fields)
    expected_ok = not case["name"].startswith("error-")
    assert answer["ok"] is expected_ok
    if expected_ok:
        assert set(answer["plan"]) == PLAN_KEYS | ({"ics"} if "dtstamp" in fields else set())
    else:
        assert set(answer["error"]) >= {"field", "message", "code"}
    assert handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": fields})) == json.dumps(
        answer, ensure_ascii=False
    )


def test_nsw_answer():
    plan = ask({"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"})[
        "plan"
    ]
    assert (plan["interviewed"], plan["reply_expected"], plan["call_on"]) == (
        "2026-12-17",
        "2026-12-24",
        "2026-12-30",
    )
    assert plan["best_day"] == "2026-12-30"
    assert plan["call_window"] == {
        "start": "09:30",
        "end": "11:30",
        "tz": "Australia/Sydney",
        "note": plan["call_window"]["note"],
        "source": plan["call_window"]["source"],
    }
    assert plan["days_until_call"] == 12
    assert plan["region"] == {
        "code": "AU-NSW",
        "name": "New South Wales, Australia",
        "tz": "Australia/Sydney",
    }
    assert plan["next_follow_up"]["date"] == "2027-01-07"
    assert plan["channel"]["method"] == "phone"
    assert plan["too_soon"] is None
    assert {"date": "2026-12-26", "kind": "closed", "text": "Sat 26 Dec: weekend"}.items() <= plan["steps"][
        4
    ].items()
    assert all(set(step) == {"date", "kind", "text", "why", "source"} for step in plan["steps"])
    assert plan["google_calendar_url"].startswith(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Call%20about%20your%20interview"
        "&dates=20261229T223000Z%2F20261230T003000Z&details="  # 09:30-11:30 AEDT, in UTC
    )
    assert plan["google_calendar_url"].endswith("&ctz=Australia%2FSydney")


def test_ics_only_with_a_dtstamp():
    fields = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}
    assert "ics" not in ask(fields)["plan"]
    plan = ask({**fields, "dtstamp": "2026-12-18T09:00:00Z"})["plan"]
    assert plan["ics"].startswith("BEGIN:VCALENDAR\r\n")
    keyed = ask({**fields, "uid": "call-1@second-date", "dtstamp": "2026-12-18T09:00:00Z"})["plan"]
    assert keyed["ics"].count("BEGIN:VEVENT") == 4
    bad = ask({**fields, "uid": "call-1@second-date", "dtstamp": "yesterday"})
    assert bad["error"]["field"] == "dtstamp"


def test_unknown_region_error_carries_suggestions():
    answer = ask({"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NWS", "today": "2026-12-18"})
    assert answer["ok"] is False
    assert answer["error"]["field"] == "region"
    assert answer["error"]["code"] == "unknown_region"
    assert "AU-NSW" in answer["error"]["suggestions"]


def test_regions_request():
    answer = json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, "kind": "regions"})))
    assert answer["ok"] is True
    assert answer["regions"] == regions()
    codes = [region["code"] for region in answer["regions"]]
    assert len(codes) >= 100
    assert codes == sorted(codes)
    expected = {
        "AU-NSW",
        "AU-ACT",
        "AU-NT",
        "GB-ENG",
        "GB-NIR",
        "GB-SCT",
        "GB-WLS",
        "US",
        "US-CA",
        "US-DC",
        "CA-ON",
    }
    expected |= {
        "CA-NU",
        "NZ",
        "IE",
        "IN",
        "SG",
        "ZA",
        "DE",
        "DE-BY",
        "FR",
        "NL",
        "ES",
        "IT",
        "SA",
        "AE",
        "IL",
    }
    assert expected <= set(codes)
    # Every subdivision the holidays package knows: the US's 50 states, DC and 6 territories.
    assert sum(code.startswith("US-") for code in codes) == 57
    assert sum(code.startswith("AU-") for code in codes) == 9  # and NSW's Western Division
    assert sum(code.startswith("CA-") for code in codes) == 13
    assert sum(code.startswith("DE-") for code in codes) == 17  # and Augsburg
    assert all(region["tz"] and region["name"] for region in answer["regions"])


@pytest.mark.parametrize(
    "request_json",
    [
        pytest.param("", id="empty"),
        pytest.param("not json", id="garbage"),
        pytest.param("[1, 2]", id="a-list"),
        pytest.param(json.dumps({"v": PROTOCOL_VERSION + 1, "fields": {}}), id="wrong-version"),
        pytest.param(json.dumps({"v": PROTOCOL_VERSION, "fields": "x"}), id="fields-not-an-object"),
        pytest.param("[" * 100_000, id="deeply-nested-unclosed"),
        pytest.param("[" * 100_000 + "]" * 100_000, id="deeply-nested"),
    ],
)
def test_bad_requests_answer_an_error(request_json):
    answer = json.loads(handle_request(request_json))
    assert answer == {"v": PROTOCOL_VERSION, "ok": False, "error": answer["error"]}
    assert answer["error"]["code"] == "bad_request"
    assert answer["error"]["field"] is None


def test_missing_fields_name_the_first_one_needed():
    assert ask({})["error"] == {
        "field": "interviewed",
        "message": "Enter the day of your interview, like 2026-12-17.",
        "code": "missing_field",
    }


def test_non_string_values_are_read_as_text():
    answer = ask(
        {"interviewed": "2026-12-17", "reply": None, "region": "AU-NSW", "today": "2026-12-18", "x": 3}
    )
    assert answer["plan"]["reply"]["kind"] == "none"
