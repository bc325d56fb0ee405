"""My interviews, Python's side: each saved interview's next step on the reader's today, the
list request, and one calendar file of every interview."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import icalendar
import pytest

from calculator import PROTOCOL_VERSION, HolidayTable, handle_request, plan_from_fields
from calculator._next_step import LET_GO_WORKING_DAYS, let_go_day, next_step
from calculator._saved import interviews_fields
from calculator._wording import countdown, from_today
from tests.protocol import check_answer

NSW = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "channel": "phone"}
DAY = timedelta(days=1)


def step_on(today: date, table: HolidayTable, **change: str) -> Any:
    return next_step(plan_from_fields({**NSW, **change, "today": today.isoformat()}, table), table)


def ask(interviews: list[dict[str, Any]], today: str = "2026-12-18", **extra: str) -> dict[str, Any]:
    request = {"v": PROTOCOL_VERSION, "kind": "interviews", "interviews": interviews, "today": today, **extra}
    answer = json.loads(handle_request(json.dumps(request)))
    check_answer(answer)
    return answer


@pytest.fixture
def plan(table: HolidayTable) -> Any:
    return plan_from_fields({**NSW, "today": NSW["interviewed"]}, table)


def test_each_stage_begins_on_its_own_day_of_the_plan(plan: Any, table: HolidayTable) -> None:
    follow_up = plan.next_follow_up.day
    let_go = let_go_day(plan, table)
    expected = [
        (plan.interviewed, "thank_you", plan.thank_you_by, False),
        (plan.thank_you_by, "thank_you", plan.thank_you_by, False),
        (plan.thank_you_by + DAY, "wait", plan.call_on, False),
        (plan.call_on - DAY, "wait", plan.call_on, False),
        (plan.call_on, "call", plan.call_on, False),
        (plan.call_on + DAY, "call", plan.call_on, True),
        (follow_up - DAY, "call", plan.call_on, True),
        (follow_up, "follow_up", follow_up, False),
        (follow_up + DAY, "follow_up", follow_up, True),
        (let_go - DAY, "follow_up", follow_up, True),
        (let_go, "let_go", let_go, False),
        (let_go + 300 * DAY, "let_go", let_go, False),
    ]
    for today, kind, day, overdue in expected:
        step = step_on(today, table)
        assert (step.kind, step.day, step.overdue) == (kind, day, overdue), today


def test_letting_go_comes_the_set_number_of_working_days_after_the_last_follow_up(
    plan: Any, table: HolidayTable
) -> None:
    # Thu 7 Jan 2027: Fri 8, Mon 11, Tue 12, Wed 13, Thu 14 (the weekend does not count).
    assert plan.next_follow_up.day == date(2027, 1, 7)
    assert LET_GO_WORKING_DAYS == 5
    assert let_go_day(plan, table) == date(2027, 1, 14)


def test_python_writes_the_step_and_its_day(table: HolidayTable) -> None:
    step = step_on(date(2026, 12, 18), table)
    assert (step.text, step.date_text, step.when) == (
        "Wait, then call them.",
        "Wednesday 30 December",
        "in 12 days",
    )
    late = step_on(date(2027, 1, 2), table, channel="email")
    assert (late.text, late.date_text, late.when) == (
        "Email them now, if you haven’t yet.",
        "Wednesday 30 December 2026",
        "3 days ago",
    )
    assert step_on(date(2026, 12, 30), table).text == "Call them today."


@pytest.mark.parametrize(
    ("days", "said", "counted"),
    [
        (0, "today", "That’s today."),
        (1, "tomorrow", "That’s tomorrow."),
        (12, "in 12 days", "That’s in 12 days."),
        (-1, "yesterday", "That was yesterday: call now."),
        (-3, "3 days ago", "That was 3 days ago: call now."),
    ],
)
def test_a_day_from_today_in_words_and_the_answers_countdown(days: int, said: str, counted: str) -> None:
    assert from_today(days) == said
    assert countdown(days) == counted


def test_the_list_request_replans_every_interview_in_its_order() -> None:
    answer = ask(
        [
            {"key": "a", "fields": NSW},
            {"key": "b", "fields": {**NSW, "region": "AU-XYZ"}},
            {"key": "c", "fields": {**NSW, "interviewed": "2026-12-01"}},
        ]
    )
    a, b, c = answer["interviews"]
    assert [a["key"], b["key"], c["key"]] == ["a", "b", "c"]
    assert a["title"] == "Interview of Thursday 17 December, New South Wales, Australia"
    assert a["next"] == {
        "kind": "wait",
        "date": "2026-12-30",
        "text": "Wait, then call them.",
        "date_text": "Wednesday 30 December",
        "when": "in 12 days",
        "overdue": False,
    }
    assert (b["ok"], b["error"]["field"], b["error"]["code"]) == (False, "region", "unknown_region")
    assert c["next"]["overdue"] is True
    assert "ics" not in answer


def test_an_interview_past_the_holiday_table_says_why_it_cannot_be_planned() -> None:
    (entry,) = ask([{"key": "old", "fields": {**NSW, "interviewed": "1999-03-01"}}])["interviews"]
    assert (entry["ok"], entry["error"]["code"]) == (False, "outside_holiday_table")
    assert "1999-03-01" in entry["error"]["message"]


def test_a_reply_problem_is_worded_for_the_control_the_reader_used() -> None:
    fields = {**NSW, "reply": "soon", "reply_kind": "span"}
    (entry,) = ask([{"key": "k", "fields": fields}])["interviews"]
    assert entry["error"]["message"].startswith("Enter how many days or weeks they said")


@pytest.mark.parametrize(
    "request_",
    [
        pytest.param({"kind": "interviews"}, id="no-list"),
        pytest.param({"kind": "interviews", "interviews": [{"key": "a"}]}, id="entry-without-fields"),
        pytest.param({"kind": "interviews", "interviews": ["a"]}, id="entry-not-an-object"),
    ],
)
def test_a_list_the_calculator_cannot_read_is_a_bad_request(request_: dict[str, Any]) -> None:
    answer = json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, **request_})))
    check_answer(answer)
    assert (answer["ok"], answer["error"]["code"], answer["error"]["field"]) == (False, "bad_request", None)


def test_the_calendar_file_holds_every_planned_interview_with_the_calculators_own_uids() -> None:
    stamp = "2026-12-18T09:00:00Z"
    other = {**NSW, "interviewed": "2026-12-10", "region": "GB"}
    answer = ask(
        [
            {"key": "a", "fields": NSW},
            {"key": "x", "fields": {**NSW, "region": "nowhere"}},
            {"key": "b", "fields": other},
        ],
        dtstamp=stamp,
    )
    calendar = icalendar.Calendar.from_ical(answer["ics"])
    events = calendar.walk("VEVENT")
    # Each interview's events are the ones the calculator's own file gives it, UIDs and all.
    own = [
        icalendar.Calendar.from_ical(
            json.loads(
                handle_request(
                    json.dumps(
                        {"v": PROTOCOL_VERSION, "fields": {**f, "today": "2026-12-18", "dtstamp": stamp}}
                    )
                )
            )["plan"]["ics"]
        ).walk("VEVENT")
        for f in (NSW, other)
    ]
    assert [str(event["UID"]) for event in events] == [str(event["UID"]) for group in own for event in group]
    assert [event.decoded("DTSTART") for event in events] == [
        event.decoded("DTSTART") for group in own for event in group
    ]
    assert answer["ics"].count("BEGIN:VCALENDAR") == 1
    assert answer["ics"].endswith("END:VCALENDAR\r\n")


def test_two_interviews_the_same_day_and_region_keep_apart_in_the_calendar() -> None:
    answer = ask(
        [{"key": "one", "fields": NSW}, {"key": "two", "fields": {**NSW, "reply": "2w"}}],
        dtstamp="2026-12-18T09:00:00Z",
    )
    uids = [str(event["UID"]) for event in icalendar.Calendar.from_ical(answer["ics"]).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 8  # four events an interview


def test_a_bad_time_stamp_is_an_error_naming_it() -> None:
    answer = ask([{"key": "a", "fields": NSW}], dtstamp="yesterday")
    assert (answer["ok"], answer["error"]["field"]) == (False, "dtstamp")


def test_no_interview_to_plan_makes_no_calendar_file() -> None:
    answer = ask([{"key": "x", "fields": {**NSW, "region": "nowhere"}}], dtstamp="2026-12-18T09:00:00Z")
    assert answer["ics"] == ""


def test_the_zones_asked_for_are_those_of_the_calendar_file_only() -> None:
    entries = [{"key": "a", "fields": NSW}, {"key": "b", "fields": {**NSW, "region": "GB"}}]

    def zones(**extra: str) -> list[str]:
        request = {
            "v": PROTOCOL_VERSION,
            "kind": "zones",
            "interviews": entries,
            "today": "2026-12-18",
            **extra,
        }
        answer = json.loads(handle_request(json.dumps(request)))
        check_answer(answer)
        return answer["zones"]

    assert zones(tz="America/Chicago") == []  # the list itself needs no clock
    wanted = {"Australia/Sydney", "Europe/London", "America/Chicago"}
    assert set(zones(tz="America/Chicago", dtstamp="2026-12-18T09:00:00Z")) <= wanted
    fields = interviews_fields(
        {"interviews": entries, "today": "2026-12-18", "tz": "Asia/Tokyo", "dtstamp": "x"}
    )
    assert [(f["region"], f["today"], f["tz"]) for f in fields] == [
        ("AU-NSW", "2026-12-18", "Asia/Tokyo"),
        ("GB", "2026-12-18", "Asia/Tokyo"),
    ]
