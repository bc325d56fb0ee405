"""The rules: from the interview and what they said to the day to call, with every step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from calculator import _sources
from calculator._advice import (
    FOLLOW_UP_WORKING_DAYS,
    CallWindow,
    ChannelAdvice,
    best_day,
    call_window,
    channel_advice,
    thank_you_by,
)
from calculator._calendar import WorkCalendar
from calculator._details import Details
from calculator._errors import ChannelNotUnderstoodError
from calculator._pending import Pending
from calculator._reply import Reply, expected_reply
from calculator._steps import Step, StepWriter
from calculator._table import HolidayTable, Region, default_table
from calculator._verdict import Verdict, judge

#: Working days of grace after the day the answer was due: the source post's "and two days".
GRACE_WORKING_DAYS = 2
CHANNELS = {
    "": "phone",
    "phone": "phone",
    "call": "phone",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
}


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The second and last follow-up, if the call brings no news."""

    day: date
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Plan:
    """When to call, and every date on the way, each with its reason.

    Attributes:
        interviewed: the interview day; ``interview_ended`` the time it ended, if given.
        reply: what they said about timing; ``region``, ``pending``, ``channel``, ``today``:
            the other inputs, parsed.
        thank_you_by: the day to send a thank-you note by.
        reply_expected: R, the day their answer was due (moved on for pending steps when
            they gave no timeline).
        call_on: the second working day after R: the first day to call.
        best_day: the first mid-week working day from ``call_on``, at most two working days on.
        call_window: the hours to call in, employer local time.
        next_follow_up: the second and last follow-up, five working days after ``call_on``.
        advice: how to get in touch.
        steps: every date the plan passes through, in date order, with its reason.
        too_soon: the verdict on the day the reader had in mind, if they gave one.
        holiday_source: the ``holidays`` release the table was made from;
            ``holiday_years`` the first and last year it covers.
        details: what the reader added for the words to say, and their time zone.
        calendar: the region's working days, for whatever else is worked out from the plan.
    """

    interviewed: date
    interview_ended: time | None
    reply: Reply
    region: Region
    pending: tuple[Pending, ...]
    channel: str
    today: date
    thank_you_by: date
    reply_expected: date
    call_on: date
    best_day: date
    call_window: CallWindow
    next_follow_up: FollowUp
    advice: ChannelAdvice
    steps: tuple[Step, ...]
    too_soon: Verdict | None
    holiday_source: str
    holiday_years: tuple[int, int]
    details: Details
    calendar: WorkCalendar = field(compare=False, repr=False)

    @property
    def days_until_call(self) -> int:
        """Days from ``today`` to ``call_on``; negative once it has passed."""
        return (self.call_on - self.today).days


def parse_channel(text: str) -> str:
    """``phone`` (the default) or ``email``.

    Raises:
        ChannelNotUnderstoodError: anything else.
    """
    channel = CHANNELS.get(text.strip().lower())
    if channel is None:
        raise ChannelNotUnderstoodError("channel", "Choose phone or email.")
    return channel


def make_plan(  # noqa: PLR0913 - each input is one of the form's fields
    interviewed: date,
    reply: Reply,
    region: str,
    *,
    today: date,
    pending: tuple[Pending, ...] = (),
    channel: str = "phone",
    interview_ended: time | None = None,
    considering: date | None = None,
    table: HolidayTable | None = None,
    details: Details | None = None,
) -> Plan:
    """Work out the plan.

    Args:
        interviewed: the day of the interview.
        reply: what they said about timing (see ``parse_reply``).
        region: where the employer is: a code like ``AU-NSW`` or a region's name.
        today: the reader's today; the calculator never reads a clock.
        pending: what is still to happen on their side (see ``parse_pending``).
        channel: ``phone`` or ``email``.
        interview_ended: when the interview ended, if known.
        considering: a day the reader has in mind to call, to judge.
        table: the region data; ``default_table()`` by default.
        details: the reader's optional details (see ``parse_details``).

    Raises:
        CalculatorError: an input the plan cannot be made from; the error names the field.
    """
    table = default_table() if table is None else table
    calendar = WorkCalendar(table, table.find(region))
    channel = parse_channel(channel)
    steps = StepWriter(calendar, interviewed.year)
    calendar.check(interviewed, "interviewed")
    steps.add(interviewed, "interview", "your interview", "Day zero: the count starts the day after.")
    thanks, thanks_why = thank_you_by(interviewed, interview_ended)
    steps.add(thanks, "thank_you", "send a thank-you note", thanks_why, _sources.THANK_YOU)
    due = expected_reply(reply, interviewed, calendar, steps)
    due = _allow_for_pending(due, reply, pending, calendar, steps)
    call_on = _grace(due, reply, calendar, steps)
    best = best_day(calendar, call_on, "reply")
    if best != call_on:
        steps.add(
            best,
            "best_day",
            "best day to call",
            "Mid-week calls tend to find people less swamped than the first or last day of "
            "the working week. The evidence is weak: any day from your call date is fine.",
            _sources.BEST_TIME,
        )
    follow_up_on = calendar.add_working_days(call_on, FOLLOW_UP_WORKING_DAYS, "reply")
    follow_up = FollowUp(
        follow_up_on,
        "No news after your call? Try once more, then stop: two follow-ups is enough.",
        _sources.SECOND_FOLLOW_UP,
    )
    steps.add(
        follow_up_on,
        "follow_up",
        "one last follow-up, if you have heard nothing",
        "About a week after the first follow-up; after a second with no answer, put your energy elsewhere.",
        _sources.SECOND_FOLLOW_UP,
    )
    return Plan(
        interviewed=interviewed,
        interview_ended=interview_ended,
        reply=reply,
        region=calendar.region,
        pending=pending,
        channel=channel,
        today=today,
        thank_you_by=thanks,
        reply_expected=due,
        call_on=call_on,
        best_day=best,
        call_window=call_window(calendar),
        next_follow_up=follow_up,
        advice=channel_advice(channel, pending),
        steps=tuple(sorted(steps.steps, key=lambda step: step.day)),  # stable: a day's steps keep their order
        too_soon=None if considering is None else judge(considering, interviewed, call_on, calendar),
        holiday_source=table.source,
        holiday_years=(table.first_year, table.last_year),
        details=details or Details(),
        calendar=calendar,
    )


def _allow_for_pending(
    due: date, reply: Reply, pending: tuple[Pending, ...], calendar: WorkCalendar, steps: StepWriter
) -> date:
    """Move R on for each pending step, when they gave no timeline of their own."""
    for item in pending:
        extra = item.extends_by(timeline_given=reply.timeline_given)
        if not extra:
            continue
        ticks = calendar.walk(due, extra, "pending")
        steps.holidays_among(ticks)
        due = ticks[-1].day
        steps.add(
            due,
            "pending",
            f"allow for {item.name} (+{item.extra_working_days} working days)",
            item.note,
            item.sources[0] if item.sources else None,
        )
    return due


def _grace(due: date, reply: Reply, calendar: WorkCalendar, steps: StepWriter) -> date:
    """Call on the second working day after R, with a step for every day passed."""
    ticks = calendar.walk(due, GRACE_WORKING_DAYS, "reply")
    source = _sources.WAIT_AFTER_DEADLINE if reply.timeline_given else _sources.NO_DEADLINE
    for tick in ticks:
        if tick.closed is not None:
            steps.closed_day(tick.day, tick.closed)
        elif tick.counted == GRACE_WORKING_DAYS:
            steps.add(
                tick.day,
                "call",
                "call them",
                "The second working day after the answer was due: they have had the time they "
                "asked for, and a little more, without you looking impatient.",
                source,
            )
        else:
            steps.add(
                tick.day,
                "grace",
                "a day's grace",
                "Decisions often slip by a day or two; give them one working day more before you call.",
                source,
            )
    return ticks[-1].day
