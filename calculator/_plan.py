"""The rules: from the interview and the promised reply to the day to call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator._reply import Reply

_GRACE_WORKING_DAYS = 2
_SATURDAY = 5


@dataclass(frozen=True, slots=True)
class Plan:
    """When to call, and the date it was counted from."""

    interviewed: date
    reply_expected: date
    call_on: date


def _is_working_day(day: date) -> bool:
    return day.weekday() < _SATURDAY


def nth_working_day_after(start: date, n: int) -> date:
    """The ``n``-th working day after ``start``, ``start`` itself not counted."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        if _is_working_day(day):
            n -= 1
    return day


def make_plan(interviewed: date, reply: Reply) -> Plan:
    """Call on the second working day after the day the answer was promised."""
    expected = reply.expected(interviewed)
    return Plan(
        interviewed=interviewed,
        reply_expected=expected,
        call_on=nth_working_day_after(expected, _GRACE_WORKING_DAYS),
    )
