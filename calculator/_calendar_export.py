"""The whole plan as calendar entries: one RFC 5545 ``.ics`` file and a Google Calendar link each.

Four events: the thank-you deadline, the call (timed, in the employer's window, when the
employer's zone has data; else the whole day), the next and last follow-up, and the day to
close the loop and let it go. Each has the words to say in its DESCRIPTION and a VALARM, and,
when the page sent the plan's own address (``Details.link``), a URL back to the plan and the
same address at the end of its DESCRIPTION (Google Calendar's links carry no URL of their own).

Identity: every event's UID is made from the interview day, the region, the company (as typed,
case and spaces folded) and the page's own key, if it sends one, so a second download of the
same interview carries the same four UIDs whatever else changed; no name or other detail can
be read back from it. SEQUENCE is DTSTAMP in seconds since 2025-01-01 UTC: each download
is later than the last, so its SEQUENCE is higher, with no counter for the page to keep.

Written here rather than with the ``icalendar`` package: that library (with its ``dateutil``
and ``tzdata`` dependencies) is several times the calculator's whole download budget, for a
file of twenty-odd kinds of line. The tests read every file back with ``icalendar``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from calculator._clocks import Clocks, both_clocks, window_instants
from calculator._errors import FieldError
from calculator._links import google_calendar
from calculator._plan import Plan
from calculator._scripts import Email, Words, words

PRODID = "-//Second Date//Call-date calculator//EN"
#: What a calendar app does with a second import of the file, as far as is known (weak
#: evidence: bug reports; see shared/research/follow-up-words.md).
SECOND_IMPORT = (
    "Each entry keeps the same identity in every download, so some calendar apps update the "
    "entries they already have when you open a newer file. Not all do: Google Calendar may skip "
    "entries it already holds, and Outlook may add second copies. If your dates change, delete "
    "the old entries first. Google Calendar also leaves out the file's reminders and uses your own."
)
_SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
_SEQUENCE_MAX = 2**31 - 1  # SEQUENCE is an INTEGER: 32 bits, signed
_FOLD_AT = 75
#: A UTF-8 continuation byte is 10xxxxxx.
_CONTINUATION_MASK, _CONTINUATION = 0xC0, 0x80
_SUMMARIES = {
    "phone": "Call about your interview",
    "email": "Email about your interview",
    "recruiter": "Contact your recruiter about your interview",
}


@dataclass(frozen=True, slots=True)
class Event:
    """One calendar entry.

    Attributes:
        kind: ``thank_you``, ``call``, ``follow_up`` or ``let_go``.
        summary: its title; ``description`` the words to say, as plain text.
        day: its day; ``start`` and ``end`` in UTC for a timed event, None for a whole day.
        zone: the zone to show a timed event in ("" for a whole day).
        url: the plan's address on the calculator's page ("" when there is none).
        alarm: when the reminder fires: before ``start`` (negative), or after the day's
            midnight for a whole day.
    """

    kind: str
    summary: str
    description: str
    day: date
    alarm: timedelta = timedelta(hours=9)
    start: datetime | None = None
    end: datetime | None = None
    zone: str = ""
    url: str = ""

    @property
    def dates(self) -> str:
        """The event's dates as Google Calendar's link takes them."""
        if self.start is None or self.end is None:
            return f"{self.day:%Y%m%d}/{self.day + timedelta(days=1):%Y%m%d}"
        return f"{_utc(self.start)}/{_utc(self.end)}"

    @property
    def google_url(self) -> str:
        """An "Add to Google Calendar" link for this event."""
        return google_calendar(self.summary, self.dates, self.description, self.zone)


def _as_text(email: Email) -> str:
    return f"Subject: {email.subject}\n\n{email.body}\n\n({email.tip})"


def _call_event(plan: Plan, said: Words, summary: str, clocks: Clocks) -> Event:
    call = said.call
    lines = [
        plan.advice.headline,
        f"Best {clocks.text}.",
        *([clocks.note] if clocks.note else []),
        "",
        f"To open: {call.opening}",
        f"To ask: {call.question}",
        f"To close: {call.close}",
        f"({call.tip})",
        "",
        f"If nobody answers, leave this message: {said.voicemail.text}",
        "",
        "Or write:",
        _as_text(said.follow_up),
    ]
    instants = window_instants(plan.call_on, plan.call_window)
    if instants is None:
        return Event("call", summary, "\n".join(lines), plan.call_on)
    start, end = (moment.astimezone(UTC) for moment in instants)
    return Event(
        "call",
        summary,
        "\n".join(lines),
        plan.call_on,
        -timedelta(minutes=15),
        start,
        end,
        plan.call_window.tz,
    )


def plan_events(plan: Plan, said: Words | None = None, clocks: Clocks | None = None) -> tuple[Event, ...]:
    """The plan's four events, in date order: thank-you, call, follow-up, let go.

    ``said`` is ``words(plan)`` and ``clocks`` the call's ``both_clocks``, when the caller
    has them already.
    """
    said = words(plan) if said is None else said
    if clocks is None:
        clocks = both_clocks(plan.call_on, plan.call_window, plan.details.zone)
    company = plan.details.company
    named = (lambda text: f"{text} ({company})") if company else (lambda text: text)
    same_day = plan.thank_you_by == plan.interviewed
    thanks = Event(
        "thank_you",
        named("Send your thank-you note"),
        f"Send it by the end of the day.\n\n{_as_text(said.thank_you)}",
        plan.thank_you_by,
        alarm=timedelta(hours=17 if same_day else 9),
    )
    follow_up = Event(
        "follow_up",
        named("Last follow-up, if there is no news"),
        f"{plan.next_follow_up.text}\n\n{_as_text(said.second_follow_up)}",
        plan.next_follow_up.day,
    )
    let_go = Event(
        "let_go",
        named("Close the loop, then let it go"),
        "Still nothing after two follow-ups? Send one last, friendly message and stop.\n\n"
        + _as_text(said.closing),
        said.let_go,
    )
    call = _call_event(plan, said, named(_SUMMARIES[plan.advice.method]), clocks)
    events = (thanks, call, follow_up, let_go)
    link = plan.details.link
    if not link:
        return events
    return tuple(
        replace(event, description=f"{event.description}\n\nYour whole plan: {link}", url=link)
        for event in events
    )


def event_uid(plan: Plan, kind: str, key: str = "") -> str:
    """A UID for one of the plan's events, the same for the same interview and employer."""
    company = " ".join(plan.details.company.casefold().split())
    seed = f"{key.strip()}\x1f{plan.interviewed.isoformat()}\x1f{plan.region.code}\x1f{company}".encode()
    digest = f"{zlib.crc32(b'uid:' + seed):08x}{zlib.crc32(b'id:' + seed):08x}"
    return f"{kind}-{plan.interviewed:%Y%m%d}-{digest}@second-date"


def sequence(dtstamp: datetime) -> int:
    """SEQUENCE for a file made at ``dtstamp``: seconds since 2025-01-01 UTC, within 0 and 2³¹−1."""
    return min(max(int((dtstamp - _SEQUENCE_EPOCH).total_seconds()), 0), _SEQUENCE_MAX)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1)."""
    if len(line) <= _FOLD_AT and line.isascii():  # most lines: one octet a character, short
        return line
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return line
    parts: list[bytes] = []
    start, limit = 0, _FOLD_AT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & _CONTINUATION_MASK == _CONTINUATION:  # inside a character: end before it
            end -= 1
        parts.append(data[start:end])
        start, limit = end, _FOLD_AT - 1  # continuation lines start with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _utc(stamp: datetime) -> str:
    return stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _duration(span: timedelta) -> str:
    """An RFC 5545 DURATION in hours and minutes: ``PT9H``, ``-PT15M``."""
    minutes = int(span.total_seconds() // 60)
    sign, minutes = ("-", -minutes) if minutes < 0 else ("", minutes)
    hours, minutes = divmod(minutes, 60)
    return f"{sign}PT{f'{hours}H' if hours else ''}{f'{minutes}M' if minutes or not hours else ''}"


def _vevent(event: Event, uid: str, stamp: str, seq: int) -> list[str]:
    if event.start is None or event.end is None:
        when = [
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
        ]
    else:
        when = [f"DTSTART:{_utc(event.start)}", f"DTEND:{_utc(event.end)}"]
    return [
        "BEGIN:VEVENT",
        f"UID:{_escape(uid)}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{seq}",
        *when,
        f"SUMMARY:{_escape(event.summary)}",
        f"DESCRIPTION:{_escape(event.description)}",
        *([f"URL;VALUE=URI:{event.url}"] if event.url else []),
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER;RELATED=START:{_duration(event.alarm)}",
        f"DESCRIPTION:{_escape(event.summary)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def to_ics(plan: Plan, *, dtstamp: datetime, key: str = "", events: tuple[Event, ...] | None = None) -> str:
    """The plan's four events as an iCalendar file (CRLF line ends, lines folded at 75 octets).

    Args:
        plan: the plan.
        dtstamp: when the file is made, time-zone aware (the calculator has no clock); it
            sets every event's DTSTAMP and SEQUENCE.
        key: the page's own id for this interview, if it keeps one; part of every UID.
        events: ``plan_events(plan)``, when the caller has them already.

    Raises:
        FieldError: ``dtstamp`` has no time zone.
    """
    if dtstamp.tzinfo is None or dtstamp.utcoffset() is None:
        raise FieldError("dtstamp", "The time stamp needs a time zone, like 2026-12-18T09:00:00Z.")
    stamp, seq = _utc(dtstamp), sequence(dtstamp)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in plan_events(plan) if events is None else events:
        lines += _vevent(event, event_uid(plan, event.kind, key), stamp, seq)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def ics_file_name(plan: Plan) -> str:
    """A name for the ``.ics`` file: the interview day and region only, never a reader's detail."""
    return f"interview-plan-{plan.interviewed.isoformat()}-{plan.region.code}.ics"


def google_calendar_url(plan: Plan) -> str:
    """An "Add to Google Calendar" link for the call."""
    return next(event for event in plan_events(plan) if event.kind == "call").google_url
