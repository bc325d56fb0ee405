"""The whole plan as a calendar file, read back with the icalendar library, and the Google links."""

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import FieldError, HolidayTable, google_calendar_url, plan_from_fields, to_ics
from calculator._calendar_export import SECOND_IMPORT, _fold, ics_file_name, plan_events, sequence

STAMP = datetime(2026, 12, 18, 9, 30, tzinfo=UTC)
FIELDS = {
    "interviewed": "2026-12-17",
    "reply": "1w",
    "region": "AU-NSW",
    "today": "2026-12-18",
    "tz": "Europe/London",
    "name": "Alex Chen",
    "interviewer": "Sam Ortiz",
    "role": "Data Analyst",
    "company": "Acme Pty Ltd",
}
KINDS = ["thank_you", "call", "follow_up", "let_go"]


def events_of(text: str) -> dict[str, icalendar.Event]:
    """The file's events by kind (the UID's first part)."""
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    return {str(event["UID"]).split("-")[0]: event for event in events}


@pytest.fixture
def plan(table: HolidayTable):
    return plan_from_fields(FIELDS, table)


def test_four_events_with_distinct_uids(plan):
    text = to_ics(plan, dtstamp=STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0"
    assert "Second Date" in str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    assert len({str(event["UID"]) for event in events}) == 4
    assert list(events_of(text)) == KINDS


def test_each_event_has_a_stamp_a_sequence_an_alarm_and_its_words(plan):
    events = events_of(to_ics(plan, dtstamp=STAMP))
    for event in events.values():
        assert event.decoded("DTSTAMP") == STAMP
        assert int(event["SEQUENCE"]) == sequence(STAMP)
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert "Acme Pty Ltd" in str(event["SUMMARY"])
    assert "Thank you for taking the time" in str(events["thank_you"]["DESCRIPTION"])
    call = str(events["call"]["DESCRIPTION"])
    assert "To open: Hello Sam Ortiz, this is Alex Chen." in call
    assert "If nobody answers, leave this message:" in call
    assert "22:30–00:30 your time in London" in call
    assert "I was in touch on Wednesday 30 December" in str(events["follow_up"]["DESCRIPTION"])
    assert "this will be my last message about it" in str(events["let_go"]["DESCRIPTION"])


def test_the_dates_and_the_call_window_in_its_zone(plan):
    events = events_of(to_ics(plan, dtstamp=STAMP))
    # Hand-checked in New South Wales: a week after Thu 17 Dec is Thu 24 Dec; two working days
    # on, past Christmas, Boxing Day (observed Mon 28) and the weekend, is Wed 30 Dec; five
    # working days on, past New Year's Day, Thu 7 Jan; five more, Thu 14 Jan.
    assert events["thank_you"].decoded("DTSTART") == date(2026, 12, 17)
    assert events["thank_you"].decoded("DTEND") == date(2026, 12, 18)
    start, end = events["call"].decoded("DTSTART"), events["call"].decoded("DTEND")
    sydney = ZoneInfo("Australia/Sydney")
    assert start.astimezone(sydney) == datetime(2026, 12, 30, 9, 30, tzinfo=sydney)
    assert end.astimezone(sydney) == datetime(2026, 12, 30, 11, 30, tzinfo=sydney)
    assert start == datetime(2026, 12, 29, 22, 30, tzinfo=UTC)  # AEDT is UTC+11
    assert events["follow_up"].decoded("DTSTART") == date(2027, 1, 7)
    assert events["let_go"].decoded("DTSTART") == date(2027, 1, 14)


@pytest.mark.parametrize(
    ("kind", "trigger"),
    [
        pytest.param("thank_you", timedelta(hours=17), id="thank-you-due-today-at-five"),
        pytest.param("call", timedelta(minutes=-15), id="call-a-quarter-hour-before"),
        pytest.param("follow_up", timedelta(hours=9), id="follow-up-at-nine"),
        pytest.param("let_go", timedelta(hours=9), id="let-go-at-nine"),
    ],
)
def test_alarms(plan, kind, trigger):
    (alarm,) = events_of(to_ics(plan, dtstamp=STAMP))[kind].walk("VALARM")
    assert alarm.decoded("TRIGGER") == trigger


def test_a_late_interview_moves_the_thank_you_reminder_to_the_next_morning(table):
    plan = plan_from_fields({**FIELDS, "interviewed": "2026-12-17T16:30"}, table)
    thanks = events_of(to_ics(plan, dtstamp=STAMP))["thank_you"]
    assert thanks.decoded("DTSTART") == date(2026, 12, 18)
    assert thanks.walk("VALARM")[0].decoded("TRIGGER") == timedelta(hours=9)


def test_a_second_download_with_a_changed_reply_keeps_the_uids_and_moves_the_dates(table):
    first = events_of(to_ics(plan_from_fields(FIELDS, table), dtstamp=STAMP))
    later = STAMP + timedelta(days=2, minutes=3)
    second = events_of(to_ics(plan_from_fields({**FIELDS, "reply": "2w", "tz": ""}, table), dtstamp=later))
    assert [str(e["UID"]) for e in first.values()] == [str(e["UID"]) for e in second.values()]
    assert all(int(second[k]["SEQUENCE"]) > int(first[k]["SEQUENCE"]) for k in KINDS)
    # Two weeks from Thu 17 Dec is Thu 31 Dec; past New Year's Day and the weekend the call is Tue 5 Jan.
    sydney = ZoneInfo("Australia/Sydney")
    assert second["call"].decoded("DTSTART").astimezone(sydney).date() == date(2027, 1, 5)
    assert first["call"].decoded("DTSTART") != second["call"].decoded("DTSTART")
    assert first["thank_you"].decoded("DTSTART") == second["thank_you"].decoded("DTSTART")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"interviewed": "2026-12-16"}, id="another-interview-day"),
        pytest.param({"region": "AU-VIC"}, id="another-region"),
        pytest.param({"company": "Globex"}, id="another-company"),
    ],
)
def test_another_interview_or_employer_gets_other_uids(table, change):
    first = events_of(to_ics(plan_from_fields(FIELDS, table), dtstamp=STAMP))
    other = events_of(to_ics(plan_from_fields({**FIELDS, **change}, table), dtstamp=STAMP))
    assert {str(e["UID"]) for e in first.values()}.isdisjoint(str(e["UID"]) for e in other.values())


def test_the_company_is_folded_for_the_uid_and_the_page_key_is_part_of_it(table):
    plan = plan_from_fields(FIELDS, table)
    shouted = plan_from_fields({**FIELDS, "company": "  ACME   pty LTD "}, table)
    uids = lambda p, key="": [str(e["UID"]) for e in events_of(to_ics(p, dtstamp=STAMP, key=key)).values()]  # noqa: E731
    assert uids(plan) == uids(shouted)
    assert uids(plan, "saved-interview-7") != uids(plan)


def test_uids_and_file_name_carry_no_reader_details(plan):
    text = to_ics(plan, dtstamp=STAMP)
    for event in events_of(text).values():
        uid = str(event["UID"])
        words = ("alex", "chen", "sam", "ortiz", "acme", "data")
        assert not any(word in uid.lower() for word in words)
    assert ics_file_name(plan) == "interview-plan-2026-12-17-AU-NSW.ics"


def test_sequence_rises_with_the_stamp_and_stays_a_32_bit_integer():
    assert sequence(datetime(2025, 1, 1, tzinfo=UTC)) == 0
    assert sequence(datetime(2025, 1, 1, 0, 1, tzinfo=UTC)) == 60
    assert sequence(datetime(1999, 1, 1, tzinfo=UTC)) == 0
    assert sequence(datetime(9999, 1, 1, tzinfo=UTC)) == 2**31 - 1


def test_lines_end_crlf_and_fold_at_75_octets(table):
    plan = plan_from_fields({**FIELDS, "company": "é" * 80, "role": "数据分析师" * 16}, table)
    text = to_ics(plan, dtstamp=STAMP)
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "é" * 80 in str(events_of(text)["thank_you"]["SUMMARY"])


def test_markup_in_a_field_is_text_in_the_file(table):
    plan = plan_from_fields({**FIELDS, "company": "<b>Acme</b>; DROP,\\"}, table)
    event = events_of(to_ics(plan, dtstamp=STAMP))["call"]
    assert str(event["SUMMARY"]) == "Call about your interview (<b>Acme</b>; DROP,\\)"


def test_dtstamp_in_another_zone_becomes_utc(plan):
    local = datetime(2026, 12, 18, 20, 30, tzinfo=timezone(timedelta(hours=11)))
    assert "DTSTAMP:20261218T093000Z\r\n" in to_ics(plan, dtstamp=local)


def test_a_dtstamp_without_a_zone_is_refused(plan):
    with pytest.raises(FieldError) as raised:
        to_ics(plan, dtstamp=datetime(2026, 12, 18, 9, 30))  # noqa: DTZ001 - the error under test
    assert raised.value.field == "dtstamp"


def test_without_zone_data_the_call_is_a_whole_day(plan):
    """An employer's zone the time zone database does not know: the call falls back to its day."""
    nowhere = replace(plan, call_window=replace(plan.call_window, tz="Atlantis/Poseidonis"))
    call = events_of(to_ics(nowhere, dtstamp=STAMP))["call"]
    assert call.decoded("DTSTART") == date(2026, 12, 30)
    assert call.decoded("DTEND") == date(2026, 12, 31)
    assert call.walk("VALARM")[0].decoded("TRIGGER") == timedelta(hours=9)
    assert "09:30–11:30 in Poseidonis." in str(call["DESCRIPTION"])


def test_google_calendar_links_one_per_event(plan):
    links = {event.kind: parse_qs(urlsplit(event.google_url).query) for event in plan_events(plan)}
    assert list(links) == KINDS
    assert all(query["action"] == ["TEMPLATE"] for query in links.values())
    assert links["thank_you"]["dates"] == ["20261217/20261218"]
    assert links["call"]["dates"] == ["20261229T223000Z/20261230T003000Z"]
    assert links["call"]["ctz"] == ["Australia/Sydney"]
    assert links["follow_up"]["dates"] == ["20270107/20270108"]
    assert links["let_go"]["dates"] == ["20270114/20270115"]
    assert "Thank you for taking the time" in links["thank_you"]["details"][0]
    url = urlsplit(google_calendar_url(plan))
    assert (url.scheme, url.netloc, url.path) == ("https", "calendar.google.com", "/calendar/render")
    assert parse_qs(url.query) == links["call"]


def test_the_page_is_told_what_a_second_import_does():
    assert "Google Calendar" in SECOND_IMPORT
    assert "Outlook" in SECOND_IMPORT
    assert "delete the old entries" in SECOND_IMPORT


def test_a_first_answer_imports_none_of_the_slow_modules(region_data):
    # Each of these costs the browser's first answer tens of milliseconds to import
    # (urllib.parse pulls in ipaddress: ~130 ms in Pyodide); a fresh interpreter tells.
    script = (
        "import sys, json, calculator;"
        f"calculator.use_table(calculator.HolidayTable.from_directory(__import__('pathlib').Path({str(region_data.directory)!r})));"
        "calculator.handle_request(json.dumps({'v': calculator.PROTOCOL_VERSION, 'fields': "
        "{'interviewed': '2026-11-12', 'reply': '1w', 'region': 'AU-NSW', 'today': '2026-11-13', "
        "'tz': 'Europe/London', 'dtstamp': '20261113T090000Z'}}));"
        "print(sorted({'urllib.parse', 'ipaddress', 'difflib', 'importlib.resources'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# Lines hold no line ends, and no lone surrogates: tidy() takes those out of what a reader types.
@given(st.text(st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]), max_size=400))
def test_folding_keeps_every_character(text):
    folded = _fold(f"DESCRIPTION:{text}")
    assert all(len(line.encode("utf-8")) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == f"DESCRIPTION:{text}"


LINK = "https://example.github.io/second-date/calculator/?interviewed=2026-12-17&reply=1w&region=AU-NSW"


def test_every_event_leads_back_to_the_plan(table: HolidayTable):
    linked = plan_from_fields({**FIELDS, "link": LINK}, table)
    events = events_of(to_ics(linked, dtstamp=STAMP))
    assert [str(event["URL"]) for event in events.values()] == [LINK] * 4
    assert all(str(event["DESCRIPTION"]).endswith(f"Your whole plan: {LINK}") for event in events.values())
    google = parse_qs(urlsplit(google_calendar_url(linked)).query)
    assert google["details"][0].endswith(LINK)


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "https://example.org/a b",
        "ftp://example.org/",
        "https://x.org/\r\nX:1",
        "https://x.org/" + "a" * 2000,
    ],
)
def test_a_link_that_is_not_a_web_address_is_left_out(table: HolidayTable, link: str):
    unlinked = plan_from_fields({**FIELDS, "link": link}, table)
    text = to_ics(unlinked, dtstamp=STAMP)
    assert "URL" not in icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert text == to_ics(plan_from_fields(FIELDS, table), dtstamp=STAMP)


def test_a_lone_surrogate_in_a_detail_still_makes_a_calendar_file(table: HolidayTable):
    # JSON can carry one ("\\ud800"), as a browser's JSON.stringify writes a broken pair.
    odd = plan_from_fields({**FIELDS, "company": "Acme \ud800 Ltd", "name": "\udfff"}, table)
    events = events_of(to_ics(odd, dtstamp=STAMP))
    assert str(events["thank_you"]["SUMMARY"]) == "Send your thank-you note (Acme Ltd)"
