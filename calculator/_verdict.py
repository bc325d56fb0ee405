"""Is it too soon? A verdict on the day a reader has in mind to call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculator._calendar import WorkCalendar
from calculator._dates import label

FIELD = "considering"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one day.

    Attributes:
        day: the day judged.
        verdict: ``too_soon``, ``not_a_working_day`` or ``ok``.
        text: the verdict in a sentence.
        why: the reason.
        suggest: a better day, when there is one.
    """

    day: date
    verdict: str
    text: str
    why: str
    suggest: date | None


def judge(day: date, interviewed: date, call_on: date, calendar: WorkCalendar) -> Verdict:
    """Judge ``day`` against the plan's call date.

    Raises:
        OutsideTableError: ``day`` is on or after the call date but outside the holiday table.
    """
    when = label(day, call_on.year)
    call = label(call_on, call_on.year)
    if day < interviewed:
        return Verdict(day, "too_soon", f"{when} is before your interview.", "Check the date.", call_on)
    if day < call_on:
        gap = (call_on - day).days
        return Verdict(
            day,
            "too_soon",
            f"Too soon: {when} is {gap} day{'s' if gap != 1 else ''} before your call date.",
            f"Give them until {call}: calling before they have had the time they asked for "
            "(and a little more) can look impatient.",
            call_on,
        )
    calendar.check(day, FIELD)
    closed = calendar.closed(day)
    if closed is not None:
        nearest = calendar.add_working_days(day, 1, FIELD)
        what = "a weekend day" if closed == "weekend" else closed
        return Verdict(
            day,
            "not_a_working_day",
            f"Not then: {when} is {what} in {calendar.region.name}.",
            f"Nobody will be in to take your call. Try {label(nearest, call_on.year)} instead.",
            nearest,
        )
    return Verdict(
        day,
        "ok",
        f"Not too soon: {when} is on or after your call date, {call}.",
        "They have had the time they asked for and a little more. Go ahead.",
        None,
    )
