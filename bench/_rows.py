"""The results table: its rows, and how figures are written in them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench._targets import Target

HEADERS = ("Measure", "Floor / baseline", "Ours", "Ratio", "Target", "Met")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the results table."""

    measure: str
    baseline: str
    ours: str
    ratio: str
    target: str
    met: str

    @classmethod
    def judged(  # noqa: PLR0913 (one argument a column, plus the two numbers judged)
        cls,
        measure: str,
        baseline: str,
        ours: str,
        ratio: str,
        target: Target,
        *,
        value: float = float("nan"),
        base: float = float("nan"),
    ) -> Row:
        """A row whose *Target* and *Met* come from ``target``, judging ``value`` against ``base``."""
        return cls(measure, baseline, ours, ratio, target.text, target.met(value, base))


def format_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, columns padded so it reads as text too."""
    cells = [HEADERS, *((r.measure, r.baseline, r.ours, r.ratio, r.target, r.met) for r in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *(line(c) for c in cells[1:])])


def ms(value: float) -> str:
    """Milliseconds as the table writes them: "1,050 ms"; "–" when not measured."""
    return "–" if value != value else f"{value:,.0f} ms"  # noqa: PLR0124 (NaN check)


def ratio(ours: float, base: float) -> str:
    """``ours`` over ``base``: "1.05×"; "–" when either is missing."""
    return "–" if not base or ours != ours or base != base else f"{ours / base:.2f}×"  # noqa: PLR0124


def restored(starts: Sequence[str]) -> str:
    """How many warm visits restored Python from its snapshot, as a note; "" when unknown."""
    return f" ({starts.count('snapshot')}/{len(starts)} from snapshot)" if starts else ""
