"""The plan at a glance: every day from the interview to the last follow-up, by week."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import HolidayTable, plan_from_fields, plan_to_dict
from calculator._glance import glance, glance_days, week_start

NSW = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}


@pytest.fixture
def days(table: HolidayTable):
    return {day.day: day for day in glance_days(plan_from_fields(NSW, table))}


# Hand-checked for New South Wales, Christmas 2026 (Boxing Day, a Saturday, observed Monday 28).
@pytest.mark.parametrize(
    ("day", "kinds", "number", "what"),
    [
        pytest.param(
            date(2026, 12, 17),
            ("interview", "thank_you", "working_day"),
            None,
            "Your interview · thank-you note by today",
            id="interview",
        ),
        pytest.param(date(2026, 12, 18), ("working_day",), 1, "Working day 1", id="first-working-day"),
        pytest.param(date(2026, 12, 19), ("weekend",), None, "Weekend", id="saturday"),
        pytest.param(
            date(2026, 12, 24),
            ("reply", "working_day"),
            5,
            "Working day 5 · the day they said they'd answer",
            id="their-day",
        ),
        pytest.param(
            date(2026, 12, 25), ("holiday",), None, "Public holiday · Christmas Day", id="christmas"
        ),
        pytest.param(
            date(2026, 12, 26), ("weekend", "holiday"), None, "Weekend · Boxing Day", id="boxing-day-saturday"
        ),
        pytest.param(
            date(2026, 12, 28), ("holiday",), None, "Public holiday · Boxing Day (observed)", id="observed"
        ),
        pytest.param(
            date(2026, 12, 29), ("grace", "working_day"), 6, "Working day 6 · a day's grace", id="grace"
        ),
        pytest.param(date(2026, 12, 30), ("call", "working_day"), 7, "Working day 7 · call them", id="call"),
        pytest.param(date(2027, 1, 1), ("holiday",), None, "Public holiday · New Year's Day", id="new-year"),
        pytest.param(
            date(2027, 1, 7),
            ("follow_up", "working_day"),
            12,
            "Working day 12 · last follow-up, if no news",
            id="follow-up",
        ),
    ],
)
def test_each_day_says_what_it_is(days, day, kinds, number, what):
    assert days[day].kinds == kinds
    assert days[day].working_day == number
    assert days[day].what == what


def test_the_strip_runs_from_the_interview_to_the_follow_up(days):
    assert min(days) == date(2026, 12, 17)
    assert max(days) == date(2027, 1, 7)
    assert len(days) == 22
    assert days[date(2027, 1, 4)].text == "Monday 4 January 2027"
    assert days[date(2027, 1, 4)].short == "Mon 4 Jan 2027"


def test_weeks_start_after_the_weekend(table: HolidayTable):
    rows = glance(plan_from_fields(NSW, table))
    assert [row.label for row in rows] == [
        "Week of Thursday 17 December",
        "Week of Monday 21 December",
        "Week of Monday 28 December",
        "Week of Monday 4 January 2027",
    ]
    assert all(day.day.weekday() == 0 for row in rows[1:] for day in row.days[:1])


@pytest.mark.parametrize(
    ("weekend", "start"),
    [
        pytest.param(frozenset({5, 6}), 0, id="saturday-sunday-monday"),
        pytest.param(frozenset({4, 5}), 6, id="friday-saturday-sunday"),
        pytest.param(frozenset({6}), 0, id="sunday-only-monday"),
        pytest.param(frozenset({4}), 5, id="friday-only-saturday"),
        pytest.param(frozenset(), 0, id="no-weekend-monday"),
    ],
)
def test_week_start(weekend, start):
    assert week_start(weekend) == start


def test_a_long_wait_folds_its_quiet_weeks(table: HolidayTable):
    plan = plan_from_fields({**NSW, "interviewed": "2026-02-02", "reply": "2026-06-30"}, table)
    rows = glance(plan)
    folded = [row for row in rows if not row.days]
    assert len(folded) >= 1
    assert all("quiet weeks" in row.label for row in folded)
    shown = [day for row in rows for day in row.days]
    assert shown[0].day == plan.interviewed
    assert shown[-1].day == plan.next_follow_up.day
    assert len(rows) < 12


@settings(max_examples=150, deadline=None)
@given(
    interviewed=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 1)),
    reply=st.sampled_from(["1w", "2w", "5bd", "eow", "none", "6w", "20bd"]),
    region=st.sampled_from(["AU-NSW", "US", "GB-ENG", "IL", "SA", "JP", "AE"]),
)
def test_every_day_once_and_working_days_numbered_in_order(table: HolidayTable, interviewed, reply, region):
    plan = plan_from_fields(
        {
            "interviewed": interviewed.isoformat(),
            "reply": reply,
            "region": region,
            "today": interviewed.isoformat(),
        },
        table,
    )
    every = glance_days(plan)
    assert [day.day for day in every] == [
        plan.interviewed + timedelta(days=n)
        for n in range((plan.next_follow_up.day - plan.interviewed).days + 1)
    ]
    numbers = [day.working_day for day in every if day.working_day is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(day.what for day in every)
    assert sum("call" in day.kinds for day in every) == 1
    rows = glance(plan)
    shown = [day for row in rows for day in row.days]
    assert shown == sorted(shown, key=lambda day: day.day)
    assert {day.day for day in every if set(day.kinds) - {"working_day", "weekend", "holiday"}} <= {
        day.day for day in shown
    }


def test_the_plan_dict_carries_the_strip(table: HolidayTable):
    answer = plan_to_dict(plan_from_fields(NSW, table))
    first = answer["glance"][0]
    assert first["label"] == "Week of Thursday 17 December"
    assert first["days"][0] == {
        "date": "2026-12-17",
        "kinds": ["interview", "thank_you", "working_day"],
        "working_day": None,
        "holiday": None,
        "text": "Thursday 17 December",
        "short": "Thu 17 Dec",
        "what": "Your interview · thank-you note by today",
    }
