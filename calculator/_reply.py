"""The ``reply`` language: what the interviewer said about when they would answer.

Shared by the CLI and the page's query string:

=============  ==============================================  =========================
form           meaning                                         the answer is due (R)
=============  ==============================================  =========================
``Nd``         N calendar days                                  interview + N days
``Nw``         N weeks                                          interview + 7N days
``Nbd``        N working (business) days                        Nth working day after
``YYYY-MM-DD`` a date they named                                that date
``eow``        by the end of this week                          last working day of the week
``none``       they didn't say (also an empty field)            5th working day after
=============  ==============================================  =========================

Spaces, capitals and whole words are fine too: ``2 weeks``, ``10 business days``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from calculator import _sources
from calculator._calendar import WorkCalendar
from calculator._dates import parse_date
from calculator._errors import ReplyBeforeInterviewError, ReplyNotUnderstoodError, SpanTooLongError
from calculator._steps import StepWriter

FIELD = "reply"
#: Longest wait the calculator accepts, in calendar days.
MAX_DAYS = 366
#: Most working days in a year of five-day weeks.
MAX_WORKING_DAYS = 261
#: Working days to wait when nobody named a time (Indeed, JournalismJobs: about 5 to 7).
NO_DEADLINE_WORKING_DAYS = 5

_UNITS = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "bd": "working_days",
    "wd": "working_days",
    "business day": "working_days",
    "business days": "working_days",
    "working day": "working_days",
    "working days": "working_days",
}
_SPAN = re.compile(r"(?P<count>\d{1,4})\s*(?P<unit>[a-z ]+)")
_NONE = {"", "none", "not said", "didn't say", "didnt say", "no", "unknown"}
_EOW = {"eow", "end of week", "end of the week", "this week", "by the end of the week"}
_TOO_LONG = "That is more than a year after the interview; check the number."


@dataclass(frozen=True, slots=True)
class Reply:
    """What the interviewer said, parsed.

    Attributes:
        kind: ``days``, ``weeks``, ``working_days``, ``date``, ``eow`` or ``none``.
        count: N for the span forms, else 0.
        named: the date they named, for ``date``.
    """

    kind: str
    count: int = 0
    named: date | None = None

    @property
    def timeline_given(self) -> bool:
        """Whether they gave any timeline at all."""
        return self.kind != "none"

    def describe(self) -> str:
        """What they said, as words: ``a week``, ``10 working days``."""
        plural = "" if self.count == 1 else "s"
        match self.kind:
            case "days":
                return f"{self.count} day{plural}"
            case "weeks":
                return "a week" if self.count == 1 else f"{self.count} weeks"
            case "working_days":
                return f"{self.count} working day{plural}"
            case "date" if self.named is not None:
                return f"by {self.named.isoformat()}"
            case "eow":
                return "by the end of the week"
        return "nothing about timing"


def parse_reply(text: str) -> Reply:
    """Read the ``reply`` field.

    Raises:
        ReplyNotUnderstoodError: not one of the forms above.
        InvalidDateError: a named date that does not exist.
        SpanTooLongError: a span of more than a year.
    """
    if text.strip().startswith("-"):  # hyphens become spaces below: "-3d" must not read as 3 days
        raise ReplyNotUnderstoodError(FIELD, "A wait cannot be negative: try 5d, 1w or 10bd.")
    words = " ".join(text.strip().lower().replace("-", " ").split())
    if words in _NONE:
        return Reply("none")
    if words in _EOW:
        return Reply("eow")
    if re.fullmatch(r"\d{4} \d{1,2} \d{1,2}", words):
        return Reply("date", named=parse_date(FIELD, text.strip(), "the date they named"))
    match = _SPAN.fullmatch(words)
    unit = _UNITS.get(match["unit"].strip()) if match else None
    if match is None or unit is None:
        raise ReplyNotUnderstoodError(
            FIELD,
            "We couldn't read that. Try 5d (five days), 1w (a week), 10bd (ten working days), "
            "a date like 2026-12-24, eow (end of this week) or none.",
        )
    count = int(match["count"])
    span = count * 7 if unit == "weeks" else count
    if span > (MAX_WORKING_DAYS if unit == "working_days" else MAX_DAYS):
        raise SpanTooLongError(FIELD, _TOO_LONG)
    return Reply(unit, count=count)


def expected_reply(reply: Reply, interviewed: date, calendar: WorkCalendar, steps: StepWriter) -> date:
    """R, the day the answer is due, with steps saying how it was found.

    Raises:
        ReplyBeforeInterviewError: a named date before the interview.
        SpanTooLongError: a named date more than a year after the interview.
        OutsideTableError: R, or a day counted to reach it, is outside the holiday table.
    """
    interview = steps.label(interviewed)
    match reply.kind:
        case "days" | "weeks":
            days = reply.count * (7 if reply.kind == "weeks" else 1)
            due = interviewed + timedelta(days=days)
            why = f"You were told {reply.describe()}: {days} days after the interview on {interview}."
        case "working_days" | "none":
            count = reply.count if reply.kind == "working_days" else NO_DEADLINE_WORKING_DAYS
            ticks = calendar.walk(interviewed, count, FIELD)
            steps.holidays_among(ticks)
            due = ticks[-1].day if ticks else interviewed
            if reply.kind == "none":
                why = (
                    "They gave no timeline, so give them about a week: the 5th working day after "
                    f"the interview on {interview}, weekends and holidays skipped."
                )
                steps.add(due, "reply", "a fair time for them to have decided", why, _sources.NO_DEADLINE)
                return due
            why = (
                f"You were told {reply.describe()}: counted from the day after the interview, "
                "weekends and holidays skipped."
            )
        case "eow":
            due = _end_of_week(interviewed, calendar)
            why = f"They said by the end of the week: the last working day of the week of {interview}."
        case _:
            due = reply.named or interviewed
            if due < interviewed:
                raise ReplyBeforeInterviewError(
                    FIELD,
                    f"The date they named, {due.isoformat()}, is before your interview. Check both dates.",
                )
            if (due - interviewed).days > MAX_DAYS:
                raise SpanTooLongError(FIELD, _TOO_LONG)
            why = f"They named {steps.label(due)} as the day they would answer by."
    calendar.check(due, FIELD)
    closed = calendar.closed(due)
    if closed is not None:
        why += f" It is not a working day there ({closed}), so the count of grace days starts after it."
    steps.add(due, "reply", "they said they would answer by today", why)
    return due


def _end_of_week(interviewed: date, calendar: WorkCalendar) -> date:
    """The last working day before the next weekend; the week after, for a weekend interview."""
    calendar.check(interviewed, FIELD)
    day = interviewed
    for _ in range(7):  # step off a weekend
        if not calendar.is_weekend(day):
            break
        day += timedelta(days=1)
    for _ in range(7):  # run to the last weekday before the weekend
        if calendar.is_weekend(day + timedelta(days=1)):
            break
        day += timedelta(days=1)
    calendar.check(day, FIELD)
    while day > interviewed and not calendar.is_working_day(day):  # a holiday at the week's end
        day -= timedelta(days=1)
    return day
