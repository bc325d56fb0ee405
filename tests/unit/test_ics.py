import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import FieldError, HolidayTable, google_calendar_url, plan_from_fields, to_ics
from calculator._calendar_export import query_string

STAMP = datetime(2026, 12, 18, 9, 30, tzinfo=UTC)


@pytest.fixture
def plan(table: HolidayTable):
    fields = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}
    return plan_from_fields(fields, table)


def test_ics_parses_with_icalendar(plan):
    text = to_ics(plan, uid="call-1@second-date.example", dtstamp=STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0"
    assert "Second Date" in str(calendar["PRODID"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "call-1@second-date.example"
    assert event.decoded("DTSTAMP") == STAMP
    assert event.decoded("DTSTART") == date(2026, 12, 30)
    assert event.decoded("DTEND") == date(2026, 12, 31)
    assert str(event["SUMMARY"]) == "Call about your interview"
    assert "second working day after the answer was due" in str(event["DESCRIPTION"])
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert str(alarm["DESCRIPTION"])


def test_ics_lines_end_crlf_and_fold_at_75_octets(plan):
    text = to_ics(plan, uid="é" * 100 + "@x", dtstamp=STAMP)
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert str(icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["UID"]) == "é" * 100 + "@x"


def test_dtstamp_in_another_zone_becomes_utc(plan):
    local = datetime(2026, 12, 18, 20, 30, tzinfo=timezone(timedelta(hours=11)))
    assert "DTSTAMP:20261218T093000Z\r\n" in to_ics(plan, uid="u", dtstamp=local)


@pytest.mark.parametrize(
    ("uid", "stamp", "field"),
    [
        pytest.param("", STAMP, "uid", id="empty-uid"),
        pytest.param("u", datetime(2026, 12, 18, 9, 30), "dtstamp", id="naive-dtstamp"),  # noqa: DTZ001 - the error under test
    ],
)
def test_ics_refuses_bad_ids_and_stamps(plan, uid, stamp, field):
    with pytest.raises(FieldError) as raised:
        to_ics(plan, uid=uid, dtstamp=stamp)
    assert raised.value.field == field


def test_google_calendar_link(plan):
    url = urlsplit(google_calendar_url(plan))
    assert (url.scheme, url.netloc, url.path) == ("https", "calendar.google.com", "/calendar/render")
    query = parse_qs(url.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Call about your interview"]
    assert query["dates"] == ["20261230/20261231"]
    assert "New South Wales" in query["details"][0]


@given(st.dictionaries(st.text(), st.text(), max_size=4))
def test_query_string_encodes_as_urllib_does(query):
    assert query_string(query) == urlencode(query, quote_via=quote)


def test_a_first_answer_imports_none_of_the_slow_modules():
    # Each of these costs the browser's first answer tens of milliseconds to import
    # (urllib.parse pulls in ipaddress: ~130 ms in Pyodide); a fresh interpreter tells.
    script = (
        "import sys, json, calculator;"
        "calculator.handle_request(json.dumps({'v': calculator.PROTOCOL_VERSION, 'fields': "
        "{'interviewed': '2026-11-12', 'reply': '1w', 'region': 'AU-NSW', 'today': '2026-11-13'}}));"
        "print(sorted({'urllib.parse', 'ipaddress', 'difflib', 'importlib.resources'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
