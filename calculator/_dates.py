"""Reading dates a reader typed, and writing them back the way a person says them."""

from __future__ import annotations

import re
from datetime import date, time

from calculator._errors import InvalidDateError, MissingFieldError

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_TIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2}))?")

#: Day names in full, for sentences ("on a Saturday").
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Month names in full, for dates written out.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def parse_date(field: str, text: str, what: str = "the date") -> date:
    """A ``YYYY-MM-DD`` date that exists.

    Raises:
        MissingFieldError: ``text`` is empty.
        InvalidDateError: it is not such a date.
    """
    text = text.strip()
    if not text:
        raise MissingFieldError(field, f"Enter {what}, like 2026-12-17.")
    match = _DATE.fullmatch(text)
    if match is None:
        raise InvalidDateError(field, f"Write {what} as year-month-day, like 2026-12-17.")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InvalidDateError(field, f"{text} is not a day on the calendar: check {what}.") from None


def parse_interview(field: str, text: str) -> tuple[date, time | None]:
    """The interview date, optionally with the time it ended (``2026-12-17T16:30``).

    Raises:
        MissingFieldError: ``text`` is empty.
        InvalidDateError: the date or the time does not exist.
    """
    what = "the day of your interview"
    match = _DATE_TIME.fullmatch(text.strip())
    if match is None:
        return parse_date(field, text, what), None  # raises, naming what is wrong
    day = parse_date(field, match["date"], what)
    if match["hour"] is None:
        return day, None
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:  # noqa: PLR2004 - the clock's own limits
        raise InvalidDateError(
            field, f"{hour}:{minute:02d} is not a time of day: use 24-hour time, like 16:30."
        )
    return day, time(hour, minute)


def label(day: date, home_year: int | None = None) -> str:
    """``Thu 24 Dec``, with the year added when it is not ``home_year``."""
    text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == home_year else f"{text} {day.year}"


def written(day: date, home_year: int | None = None) -> str:
    """``Wednesday 30 December``, with the year added when it is not ``home_year``."""
    text = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return text if day.year == home_year else f"{text} {day.year}"


def long_date(day: date, today: date) -> str:
    """``Wednesday 30 December``, with the year when it is not ``today``'s year."""
    return written(day, today.year)
