import contextlib
import json
from datetime import date, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools._region_data import supported_regions
from calculator import (
    PROTOCOL_VERSION,
    CalculatorError,
    HolidayTable,
    handle_request,
    parse_pending,
    parse_reply,
    plan_from_fields,
)
from calculator._calendar import WorkCalendar
from tests.protocol import check_answer
from tests.unit.conftest import TEST_YEARS

#: Every region the site ships (every country and subdivision the holidays package knows),
#: by our code, with the package's own codes for it: hypothesis samples them all.
PACKAGE_CODES = {source.code: (source.country, source.subdivision) for source in supported_regions()}
REGIONS = sorted(PACKAGE_CODES)
FIRST, LAST = date(TEST_YEARS[0], 1, 1), date(TEST_YEARS[1], 12, 15)
days = st.dates(min_value=FIRST, max_value=LAST)
#: Interviews late enough in the table's last year run out of it (a clear error, tested elsewhere).
interviews = st.dates(min_value=FIRST, max_value=date(TEST_YEARS[1], 10, 1))
spans = st.sampled_from(["0d", "1d", "3d", "1w", "2w", "5bd", "10bd", "eow", "none", "", "4 weeks"])
pending_items = st.lists(
    st.sampled_from(["references", "background", "clearance", "hr", "more-candidates", "recruiter"])
)

_ORACLES: dict[str, holidays.HolidayBase] = {}


def oracle(code: str) -> holidays.HolidayBase:
    if code not in _ORACLES:
        country, sub = PACKAGE_CODES[code]
        _ORACLES[code] = holidays.country_holidays(country, subdiv=sub)
    return _ORACLES[code]


@settings(max_examples=1000, deadline=None)
@given(region=st.sampled_from(REGIONS), due=days)
def test_call_on_matches_the_holidays_package(table: HolidayTable, region, due):
    calendar = WorkCalendar(table, table.find(region))
    assert calendar.add_working_days(due, 2, "reply") == oracle(region).get_nth_working_day(due, 2)


def test_every_region_agrees_with_the_holidays_package_all_year(table: HolidayTable):
    assert [info.code for info in table.regions] == REGIONS
    for info in table.regions:
        calendar = WorkCalendar(table, table.region(info.code))
        expected = oracle(info.code)
        day = date(2026, 1, 1)
        while day.year == 2026:
            assert calendar.is_working_day(day) == expected.is_working_day(day), (info.code, day)
            day += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(region=st.sampled_from(REGIONS), interviewed=interviews, reply=spans)
def test_call_on_is_a_working_day_after_r(table: HolidayTable, region, interviewed, reply):
    fields = {"interviewed": f"{interviewed}T17:00", "reply": reply, "region": region, "today": "2026-01-01"}
    plan = plan_from_fields(fields, table)
    assert plan.call_on > plan.reply_expected >= interviewed - timedelta(days=6)
    assert oracle(region).is_working_day(plan.call_on)
    assert oracle(region).get_nth_working_day(plan.reply_expected, 2) == plan.call_on
    assert plan.call_on <= plan.best_day <= plan.next_follow_up.day
    assert [step.day for step in plan.steps] == sorted(step.day for step in plan.steps)
    assert [step.kind for step in plan.steps].count("call") == 1


@settings(max_examples=150, deadline=None)
@given(
    region=st.sampled_from(REGIONS),
    interviewed=interviews,
    reply=spans,
    pending=pending_items,
    extra=pending_items,
)
def test_adding_a_pending_step_never_moves_the_call_earlier(  # noqa: PLR0913, PLR0917 - one per strategy
    table: HolidayTable, region, interviewed, reply, pending, extra
):
    base = {"interviewed": interviewed.isoformat(), "reply": reply, "region": region, "today": "2026-01-01"}
    fewer = plan_from_fields({**base, "pending": ",".join(pending)}, table)
    more = plan_from_fields({**base, "pending": ",".join(pending + extra)}, table)
    assert more.call_on >= fewer.call_on


fields_text = st.one_of(st.text(max_size=30), st.sampled_from(["2026-12-17", "1w", "AU-NSW", "2026-02-29"]))


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["interviewed", "reply", "region", "pending", "channel", "today", "considering"]),
        fields_text,
    )
)
def test_any_fields_give_a_plan_or_a_calculator_error(table: HolidayTable, fields):
    try:
        plan_from_fields(fields, table)
    except CalculatorError as error:
        failure = error
    else:
        return
    assert failure.message
    assert failure.code


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=200)
    | st.builds(
        json.dumps,
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
            max_leaves=12,
        ),
    )
)
def test_handle_request_never_raises(request_json):
    answer = json.loads(handle_request(request_json))
    check_answer(answer)
    assert answer["v"] == PROTOCOL_VERSION
    assert answer["ok"] in {True, False}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parsers_raise_only_calculator_errors(text):
    for parse in (parse_reply, parse_pending):
        with contextlib.suppress(CalculatorError):
            parse(text)
