"""What to do next about one interview, on the reader's today: the line My interviews shows.

A plan passes through five stages, each starting on a day of the plan:

- ``thank_you``: up to and on the thank-you day, send the note;
- ``wait``: after it and before the call day, wait;
- ``call``: on the call day, get in touch (overdue after it, until the follow-up day);
- ``follow_up``: on the day of the last follow-up, try once more (overdue after it, until
  the day to let go);
- ``let_go``: ``LET_GO_WORKING_DAYS`` working days after the last follow-up, close the loop
  and stop (the source post's advice: two follow-ups is enough).

The calculator has no clock: ``today`` is the plan's own (the reader's, sent by the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator._calendar import WorkCalendar
from calculator._dates import long_date
from calculator._errors import OutsideTableError
from calculator._plan import Plan
from calculator._table import HolidayTable, default_table
from calculator._wording import from_today

#: Working days from the last follow-up to the day to close the loop and let it go.
LET_GO_WORKING_DAYS = 5
#: The step's kinds, in the order a plan passes through them.
KINDS = ("thank_you", "wait", "call", "follow_up", "let_go")
_DAY = timedelta(days=1)
#: How to get in touch, by the plan's channel (``ChannelAdvice.method``).
_REACH = {"phone": "call them", "email": "email them", "recruiter": "contact your recruiter"}


@dataclass(frozen=True, slots=True)
class NextStep:
    """The one thing to do next about an interview.

    Attributes:
        kind: one of ``KINDS``.
        day: the step's day (for ``wait``, the day the waiting ends: the call day).
        text: what to do, a finished sentence without the date: ``Call them today.``
        date_text: the day written out: ``Wednesday 30 December`` (the year when not today's).
        when: the day from today: ``today``, ``tomorrow``, ``in 12 days``, ``3 days ago``.
        overdue: the day has passed and the next stage has not begun.
    """

    kind: str
    day: date
    text: str
    date_text: str
    when: str
    overdue: bool


def let_go_day(plan: Plan, table: HolidayTable | None = None) -> date:
    """The day to close the loop: ``LET_GO_WORKING_DAYS`` working days after the last follow-up.

    Past the holiday table's years, a week after the follow-up. ``table`` is the one the
    plan was made with (the package's by default).
    """
    table = default_table() if table is None else table
    calendar = WorkCalendar(table, table.region(plan.region.code))
    try:
        return calendar.add_working_days(plan.next_follow_up.day, LET_GO_WORKING_DAYS, "reply")
    except OutsideTableError:
        return plan.next_follow_up.day + timedelta(days=7)


def _stage(plan: Plan, table: HolidayTable | None) -> tuple[str, date, str, bool]:
    """The stage ``plan.today`` falls in: its kind, day, sentence and whether it is overdue."""
    reach = _REACH[plan.advice.method]
    call, follow_up = plan.call_on, plan.next_follow_up.day
    # The day to let go is counted only once the follow-up has passed (most plans are younger).
    let_go = let_go_day(plan, table) if plan.today > follow_up else date.max
    late = "now, if you haven’t yet."
    # Each stage from its first day on: (first day, kind, the step's day, what to do, overdue).
    stages = (
        (date.min, "thank_you", plan.thank_you_by, "Send your thank-you note.", False),
        (plan.thank_you_by + _DAY, "wait", call, f"Wait, then {reach}.", False),
        (call, "call", call, f"{reach.capitalize()} today.", False),
        (call + _DAY, "call", call, f"{reach.capitalize()} {late}", True),
        (follow_up, "follow_up", follow_up, "No news? Follow up once more today.", False),
        (follow_up + _DAY, "follow_up", follow_up, f"No news? Follow up once more {late}", True),
        (let_go, "let_go", let_go, "Close the loop with one last friendly message, then let it go.", False),
    )
    _, kind, day, text, overdue = next(stage for stage in reversed(stages) if stage[0] <= plan.today)
    return kind, day, text, overdue


def next_step(plan: Plan, table: HolidayTable | None = None) -> NextStep:
    """What to do next on ``plan.today`` (see the module's stages).

    ``table`` is the one the plan was made with (the package's by default).
    """
    kind, day, text, overdue = _stage(plan, table)
    return NextStep(kind, day, text, long_date(day, plan.today), from_today((day - plan.today).days), overdue)


def interview_title(plan: Plan) -> str:
    """The interview in a few words, for a list.

    ``Interview of Thursday 17 December, New South Wales, Australia``.
    """
    return f"Interview of {long_date(plan.interviewed, plan.today)}, {plan.region.name}"
