"""A plan's steps: each date the plan passes through, what happens on it, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculator import _sources
from calculator._calendar import Tick, WorkCalendar
from calculator._dates import WEEKDAY_NAMES, label


@dataclass(frozen=True, slots=True)
class Step:
    """One dated line of the plan.

    Attributes:
        day: the day.
        kind: what sort of step: ``interview``, ``thank_you``, ``reply``, ``closed``,
            ``pending``, ``grace``, ``call``, ``best_day``, ``follow_up``.
        text: ``Sat 26 Dec: weekend`` — the day and what happens.
        why: the reason, in a sentence or two.
        source: a public page backing the reason, if there is one.
    """

    day: date
    kind: str
    text: str
    why: str
    source: str | None = None


class StepWriter:
    """Writes steps for one plan, naming days relative to the interview's year."""

    def __init__(self, calendar: WorkCalendar, home_year: int) -> None:
        """Write steps for ``calendar``'s region; years other than ``home_year`` are spelled out."""
        self.calendar = calendar
        self.home_year = home_year
        self.steps: list[Step] = []

    def label(self, day: date) -> str:
        """``Thu 24 Dec``."""
        return label(day, self.home_year)

    def add(self, day: date, kind: str, what: str, why: str, source: str | None = None) -> None:
        """Add the step ``<day>: <what>``."""
        self.steps.append(Step(day, kind, f"{self.label(day)}: {what}", why, source))

    def closed_day(self, day: date, reason: str) -> None:
        """A day nobody is in: a weekend day or a public holiday."""
        region = self.calendar.region
        if reason == "weekend":
            weekend = (
                " and ".join(f"{WEEKDAY_NAMES[d]}s" for d in sorted(region.weekend_on(day))) or "weekends"
            )
            why = f"Offices in {region.name} are closed on {weekend}; it does not count."
            holiday = self.calendar.holiday(day)
            if holiday:
                why += f" {holiday} falls on it this year."
            self.add(day, "closed", "weekend", why)
        else:
            why = f"A public holiday in {region.name}: nobody is in to take your call, so it does not count."
            self.add(day, "closed", f"{reason} — nobody is in", why, _sources.HOLIDAYS)

    def holidays_among(self, ticks: list[Tick]) -> None:
        """Steps for the public holidays met while counting (weekends are taken as read)."""
        for tick in ticks:
            if tick.closed is not None and tick.closed != "weekend":
                self.closed_day(tick.day, tick.closed)
