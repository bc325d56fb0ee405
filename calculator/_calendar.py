"""Working days in one region: its weekend days and its public holidays, observed days included."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator._errors import OutsideTableError
from calculator._table import HolidayTable, Region

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Tick:
    """One day passed while counting working days: counted, or skipped with a reason."""

    day: date
    counted: int | None
    closed: str | None


class WorkCalendar:
    """One region's working days, limited to the years the holiday table covers."""

    def __init__(self, table: HolidayTable, region: Region) -> None:
        """Count working days in ``region``, using ``table``'s years."""
        self.table = table
        self.region = region

    def check(self, day: date, field: str) -> None:
        """Make sure the table knows ``day``'s holidays.

        Raises:
            OutsideTableError: ``day`` is outside the table's years; ``field`` is to blame.
        """
        if not self.table.covers(day):
            first, last = self.table.first_year, self.table.last_year
            raise OutsideTableError(
                field,
                f"The calculator knows public holidays from {first} to {last} only, and this "
                f"plan needs {day.isoformat()}. Pick dates in those years.",
            )

    def holiday(self, day: date) -> str | None:
        """The public holiday's name on ``day``, if there is one."""
        return self.region.holidays.get(day)

    def is_weekend(self, day: date) -> bool:
        """Whether ``day`` falls on one of the region's weekend days."""
        return day.weekday() in self.region.weekend_on(day)

    def closed(self, day: date) -> str | None:
        """Why nobody is in on ``day`` (the holiday's name, or ``"weekend"``), or None on a working day."""
        if day in self.region.workdays:
            return None
        if self.is_weekend(day):
            return "weekend"
        return self.holiday(day)

    def is_working_day(self, day: date) -> bool:
        """Whether offices in the region are open on ``day``."""
        return self.closed(day) is None

    def walk(self, start: date, count: int, field: str) -> list[Tick]:
        """Every day after ``start`` up to its ``count``-th working day (``start`` not counted).

        With ``count`` 0 the answer is empty: ``start`` itself is the end.

        Raises:
            OutsideTableError: the count runs out of the table's years.
        """
        ticks: list[Tick] = []
        day, counted = start, 0
        self.check(start, field)
        while counted < count:
            day += _DAY
            self.check(day, field)
            reason = self.closed(day)
            if reason is None:
                counted += 1
            ticks.append(Tick(day, counted if reason is None else None, reason))
        return ticks

    def add_working_days(self, start: date, count: int, field: str) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself when ``count`` is 0)."""
        ticks = self.walk(start, count, field)
        return ticks[-1].day if ticks else start
