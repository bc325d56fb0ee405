"""Advice around the call date: the thank-you, the best day and hour, the channel, the next try."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from calculator import _sources
from calculator._calendar import WorkCalendar
from calculator._pending import Pending

#: An interview ending at or after this time gets its thank-you the next morning.
LATE_INTERVIEW = time(15, 0)
#: Working days from the call to the second and last follow-up.
FOLLOW_UP_WORKING_DAYS = 5
#: How many working days past ``call_on`` the best day may be.
BEST_DAY_REACH = 2


@dataclass(frozen=True, slots=True)
class CallWindow:
    """The hours to call in, employer local time (``HH:MM``), and the employer's time zone."""

    start: str
    end: str
    tz: str
    note: str
    source: str


@dataclass(frozen=True, slots=True)
class ChannelAdvice:
    """How to get in touch: ``method`` is ``phone``, ``email`` or ``recruiter``."""

    method: str
    headline: str
    tips: tuple[str, ...]
    sources: tuple[str, ...]


def thank_you_by(interviewed: date, ended: time | None) -> tuple[date, str]:
    """The day to send the thank-you by, and why."""
    if ended is not None and ended >= LATE_INTERVIEW:
        return interviewed + timedelta(days=1), (
            "Your interview ended late in the day, so a note first thing the next morning is just as good."
        )
    return (
        interviewed,
        "Send it within 24 hours, ideally the same day, while they still remember you clearly.",
    )


def middle_of_week(calendar: WorkCalendar, day: date) -> bool:
    """Whether ``day`` is neither the first nor the last day of the region's working week.

    With a Saturday and Sunday weekend that is Tuesday to Thursday; with Friday and Saturday,
    Monday to Wednesday.
    """
    weekend = calendar.region.weekend_on(day)
    return (day.weekday() - 1) % 7 not in weekend and (day.weekday() + 1) % 7 not in weekend


def best_day(calendar: WorkCalendar, call_on: date, field: str) -> date:
    """The first mid-week working day from ``call_on``, at most two working days on; else ``call_on``."""
    day = call_on
    for _ in range(BEST_DAY_REACH + 1):
        if middle_of_week(calendar, day):
            return day
        day = calendar.add_working_days(day, 1, field)
    return call_on


def call_window(calendar: WorkCalendar) -> CallWindow:
    """Mid-morning in the employer's time zone."""
    return CallWindow(
        start="09:30",
        end="11:30",
        tz=calendar.region.tz,
        note=(
            "Mid-morning, once they have settled in and before meetings pile up. The evidence "
            "for any best hour or day is weak (opinion pieces and sales-call data), so treat it "
            "as a nudge, not a rule."
        ),
        source=_sources.BEST_TIME,
    )


def channel_advice(channel: str, pending: tuple[Pending, ...]) -> ChannelAdvice:
    """Phone or email, and through the recruiter when there is one."""
    if any(p.code == "recruiter" for p in pending):
        via = "phone" if channel == "phone" else "email"
        return ChannelAdvice(
            "recruiter",
            f"Contact your recruiter first, by {via}.",
            (
                "Recruiters hear about timelines first and can nudge the employer for you.",
                "Only go to the employer directly if the recruiter has gone quiet too.",
            ),
            (_sources.RECRUITER,),
        )
    if channel == "email":
        return ChannelAdvice(
            "email",
            "Send a short email.",
            (
                "Thank them again, say you are still keen, and ask whether there is news on timing.",
                "Email gives them room to answer when they can, and to give feedback if it is a no.",
                (
                    "In one survey most HR managers preferred email for follow-ups after a résumé; "
                    "that was not about calls after an interview."
                ),
            ),
            (_sources.EMAIL_OR_PHONE,),
        )
    return ChannelAdvice(
        "phone",
        "Call them.",
        (
            (
                "Your voice carries your enthusiasm in a way an email can't, which can help when "
                "they are choosing between candidates."
            ),
            (
                "If you reach voicemail, leave a short message (your name, the role, your number), "
                "then send a brief email the same day."
            ),
            "If it is a no, ask what would have made the difference: it may be a no for now.",
        ),
        (_sources.EMAIL_OR_PHONE,),
    )
