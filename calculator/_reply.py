"""The ``reply`` language: what the interviewer said about when they would answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from calculator._errors import FieldError

_SPAN = re.compile(r"(?P<count>\d{1,4})(?P<unit>d|w)")
_MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class Reply:
    """A span of calendar days the interviewer named."""

    days: int

    def expected(self, interviewed: date) -> date:
        """The day the answer was promised for."""
        return interviewed + timedelta(days=self.days)


def parse_reply(text: str) -> Reply:
    """Parse ``Nd`` (N calendar days) or ``Nw`` (N weeks)."""
    match = _SPAN.fullmatch(text.strip().lower())
    if match is None:
        raise FieldError("reply", "Say how long they gave, like 5d for five days or 1w for a week.")
    count = int(match["count"])
    days = count * 7 if match["unit"] == "w" else count
    if days > _MAX_DAYS:
        raise FieldError("reply", "That is more than a year away; check the number.")
    return Reply(days=days)
