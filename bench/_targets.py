"""Targets: what a figure should be, said once, both in words for the table and as the test.

A measure's row gets its *Target* and *Met* cells from one :class:`Target`, so the words and
the verdict cannot drift apart. The helpers make the usual kinds from their numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    """A goal for one figure.

    Attributes:
        text: the goal in words, as the table's *Target* column shows it.
        holds: whether a figure meets it, given the figure and its baseline (NaN where the
            goal has none); None for a figure with no goal, which is never judged.
    """

    text: str
    holds: Callable[[float, float], bool] | None = None

    def met(self, value: float, base: float = float("nan")) -> str:
        """The *Met* column: "yes" or "no" ("no" for a figure not measured); "–" without a goal."""
        if self.holds is None:
            return "–"
        return "yes" if self.holds(value, base) else "no"


def at_most(limit: float, unit: str, *, note: str = "") -> Target:
    """The figure is ``limit`` ``unit`` or less: "≤ 20 ms", "≤ 50 ms in every run"."""
    return Target(f"≤ {limit:g} {unit}" + (f" {note}" if note else ""), lambda value, _: value <= limit)


def at_most_times(factor: float, baseline: str) -> Target:
    """The figure is at most ``factor`` times its baseline: "≤ 1.10 × cold floor"."""
    return Target(f"≤ {factor:.2f} × {baseline}", lambda value, base: value <= factor * base)


def at_most_over(margin: float, unit: str, baseline: str) -> Target:
    """The figure is at most its baseline plus ``margin``: "≤ floor + 100 KB"."""
    return Target(f"≤ {baseline} + {margin:g} {unit}", lambda value, base: value <= base + margin)


def no_target(note: str = "") -> Target:
    """No goal; ``note`` says why, or where the figure is judged: "– (see the next line)"."""
    return Target(f"– ({note})" if note else "–")
