"""The call as a calendar entry: an RFC 5545 ``.ics`` file and an "Add to Google Calendar" link.

Both are all-day entries on ``call_on``, so no time zone is needed. The alarm fires at
09:00 on the day in the reader's calendar (Google Calendar ignores alarms in imported files).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from calculator._dates import label
from calculator._errors import FieldError
from calculator._plan import Plan

PRODID = "-//Second Date//Call-date calculator//EN"
SUMMARY = "Call about your interview"
_GOOGLE = "https://calendar.google.com/calendar/render"
_FOLD_AT = 75
#: RFC 3986's unreserved characters: the only bytes a query value keeps as they are.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def describe(plan: Plan) -> str:
    """The entry's description: the call, the best day and hour, and why."""
    call = next(step for step in plan.steps if step.kind == "call")
    window = plan.call_window
    lines = [
        f"Follow up on your interview of {label(plan.interviewed)} with {plan.region.name}.",
        call.why,
        f"{plan.advice.headline} Best between {window.start} and {window.end} their time ({window.tz}).",
    ]
    if plan.best_day != plan.call_on:
        lines.append(f"If you can, wait until {label(plan.best_day)}: mid-week tends to suit.")
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1)."""
    parts: list[str] = []
    current, size, limit = "", 0, _FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, _FOLD_AT - 1  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(stamp: datetime) -> str:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise FieldError("dtstamp", "The time stamp needs a time zone, like 2026-12-18T09:00:00Z.")
    return stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def to_ics(plan: Plan, *, uid: str, dtstamp: datetime) -> str:
    """The call as an iCalendar file (CRLF line ends, lines folded at 75 octets).

    Args:
        plan: the plan.
        uid: a globally unique id for the event (the page makes one).
        dtstamp: when the file is made, time-zone aware (the calculator has no clock).

    Raises:
        FieldError: ``uid`` is empty or ``dtstamp`` has no time zone.
    """
    if not uid.strip():
        raise FieldError("uid", "The calendar entry needs an id.")
    start = plan.call_on
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{_escape(uid.strip())}",
        f"DTSTAMP:{_utc(dtstamp)}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(SUMMARY)}",
        f"DESCRIPTION:{_escape(describe(plan))}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=START:PT9H",
        f"DESCRIPTION:{_escape(SUMMARY)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def google_calendar_url(plan: Plan) -> str:
    """An "Add to Google Calendar" link for the call, as an all-day entry."""
    end = plan.call_on + timedelta(days=1)
    query = {
        "action": "TEMPLATE",
        "text": SUMMARY,
        "dates": f"{plan.call_on:%Y%m%d}/{end:%Y%m%d}",
        "details": describe(plan),
    }
    return f"{_GOOGLE}?{query_string(query)}"


def query_string(query: Mapping[str, str]) -> str:
    """``query`` percent-encoded as UTF-8, every byte but the unreserved ones escaped.

    The same text as ``urllib.parse.urlencode(query, quote_via=quote)``, written out here
    because importing ``urllib.parse`` (and the ``ipaddress`` module it pulls in) costs the
    calculator's first answer in the browser about 130 ms.
    """

    def encoded(text: str) -> str:
        return "".join(chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in text.encode("utf-8"))

    return "&".join(f"{encoded(key)}={encoded(value)}" for key, value in query.items())
