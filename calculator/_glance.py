"""The plan at a glance: every day from the interview to the last follow-up, week by week.

Each day says what it is: the interview, the thank-you deadline, a working day (numbered from
the day after the interview), a weekend day, a public holiday (named), the day they said they
would answer, the call, the follow-up. Weeks start on the day after the region's weekend
(Monday for a Saturday-Sunday weekend, Sunday for Friday-Saturday). A run of two or more weeks
with nothing but working days, weekends and holidays in it is one row that says so (with how
many working days and holidays it held), so a wait of months stays short.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator._dates import label, written
from calculator._plan import Plan

_DAY = timedelta(days=1)
#: The fewest quiet weeks in a row that are folded into one row.
FOLD_QUIET_WEEKS = 2
#: What each step of the plan makes of its day, in the order a day's labels are read.
_MARKS = ("interview", "thank_you", "reply", "pending", "grace", "call", "best_day", "follow_up")
#: Kinds that are only the calendar, not something to do or wait for.
_PLAIN = frozenset({"working_day", "weekend", "holiday"})


@dataclass(frozen=True, slots=True)
class GlanceDay:
    """One day of the strip.

    Attributes:
        day: the date.
        kinds: what the day is, most telling first: any of ``interview``, ``thank_you``,
            ``reply``, ``pending``, ``grace``, ``call``, ``best_day``, ``follow_up``, then
            ``holiday``, ``weekend`` or ``working_day``.
        working_day: its number among the working days after the interview, or None.
        holiday: the public holiday's name, or None.
        text: the date written out: ``Wednesday 30 December``.
        short: ``Wed 30 Dec``.
        what: what the day is, in words: ``Working day 7 · call them``.
    """

    day: date
    kinds: tuple[str, ...]
    working_day: int | None
    holiday: str | None
    text: str
    short: str
    what: str


@dataclass(frozen=True, slots=True)
class GlanceRow:
    """A week of days, or (with no days) a run of quiet weeks folded into one line."""

    label: str
    days: tuple[GlanceDay, ...]


def _marks(plan: Plan) -> dict[date, list[str]]:
    """The plan's own marks by day, from its steps (weekends and holidays come later)."""
    marks: dict[date, list[str]] = {}
    for step in plan.steps:
        if step.kind in _MARKS and step.kind not in marks.setdefault(step.day, []):
            marks[step.day].append(step.kind)
    return marks


#: What a working day, a weekend day and a public holiday are called in a day's words.
_HEADS = {"weekend": "Weekend", "holiday": "Public holiday"}


def _words(plan: Plan) -> dict[str, str]:
    """What each mark means for this plan, in a few words."""
    method = plan.advice.method
    return {
        "interview": "your interview",
        "thank_you": "thank-you note by today",
        "reply": "the day they said they'd answer" if plan.reply.timeline_given else "a fair time to decide",
        "pending": "extra time for what they still have to do",
        "grace": "a day's grace",
        "call": {"phone": "call them", "email": "email them"}.get(method, "contact your recruiter"),
        "best_day": "best day to call",
        "follow_up": "last follow-up, if no news",
    }


def _day(  # noqa: PLR0913 (one day's parts, worked out once by glance_days)
    day: date,
    marks: list[str],
    count: int | None,
    *,
    holiday: str | None,
    closed: str | None,
    words: dict[str, str],
    home_year: int,
) -> GlanceDay:
    plain = "working_day" if closed is None else "holiday" if closed != "weekend" else "weekend"
    marked = sorted(marks, key=_MARKS.index) if marks else ()
    kinds = (*marked, plain, "holiday") if holiday and plain == "weekend" else (*marked, plain)
    head = (f"Working day {count}" if count else "") if closed is None else _HEADS[plain]
    parts = [head, holiday or "", *(words[kind] for kind in marked)]
    what = " · ".join(part for part in parts if part)
    return GlanceDay(
        day=day,
        kinds=kinds,
        working_day=count,
        holiday=holiday,
        text=written(day, home_year),
        short=label(day, home_year),
        what=what[:1].upper() + what[1:],
    )


def glance_days(plan: Plan) -> list[GlanceDay]:
    """Every day from the interview to the last follow-up, both included."""
    marks, words, calendar, home_year = _marks(plan), _words(plan), plan.calendar, plan.interviewed.year
    days, count, day = [], 0, plan.interviewed
    while day <= plan.next_follow_up.day:
        closed = calendar.closed(day)
        counted = day > plan.interviewed and closed is None
        count += counted
        holiday = calendar.holiday(day)
        mine = marks.get(day, [])
        kept = count if counted else None
        days.append(_day(day, mine, kept, holiday=holiday, closed=closed, words=words, home_year=home_year))
        day += _DAY
    return days


def week_start(weekend: frozenset[int]) -> int:
    """The weekday a working week starts on: the day after the weekend (Monday without one)."""
    for weekday in range(7):
        if (weekday - 1) % 7 in weekend and weekday not in weekend:
            return weekday
    return 0


def _quiet(days: tuple[GlanceDay, ...]) -> bool:
    return all(set(day.kinds) <= _PLAIN for day in days)


def _folded(weeks: list[tuple[GlanceDay, ...]]) -> GlanceRow:
    days = [day for week in weeks for day in week]
    worked = sum(day.working_day is not None for day in days)
    holidays = sum("holiday" in day.kinds for day in days)
    also = f", {holidays} public holiday{'s' if holidays != 1 else ''} among them" if holidays else ""
    return GlanceRow(f"{len(weeks)} quiet weeks: {worked} working days of waiting{also}", ())


def glance(plan: Plan) -> tuple[GlanceRow, ...]:
    """The strip as rows: a row per week, and one row for each run of quiet weeks."""
    start = week_start(plan.region.weekend_on(plan.interviewed))  # the weekend when it starts
    weeks: list[tuple[GlanceDay, ...]] = []
    for day in glance_days(plan):
        if not weeks or day.day.weekday() == start:
            weeks.append(())
        weeks[-1] += (day,)
    rows: list[GlanceRow] = []
    quiet: list[tuple[GlanceDay, ...]] = []
    for week in [*weeks, None]:
        if week is not None and _quiet(week) and week is not weeks[0]:
            quiet.append(week)
            continue
        if len(quiet) >= FOLD_QUIET_WEEKS:
            rows.append(_folded(quiet))
        else:
            rows += [GlanceRow(f"Week of {week_of[0].text}", week_of) for week_of in quiet]
        quiet = []
        if week is not None:
            rows.append(GlanceRow(f"Week of {week[0].text}", week))
    return tuple(rows)
