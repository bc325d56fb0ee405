"""Requests for telling two standard libraries apart: the parity cases, and a fixed sample of
the fuzz tests' generated requests (hypothesis, derandomized: the same ones every run).

The pruned standard library the site ships must answer each of them exactly as Pyodide's
full one does (``tests/build/test_pruned_stdlib.py`` under Node, ``tests/e2e/test_stdlib_fallback.py``
in Chromium, ``tests/engines`` in Firefox and WebKit).
"""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings

from tests.cases import parity_fields
from tests.unit.test_fuzz import request_fields

#: How many fuzz examples the comparisons send.
FUZZ_EXAMPLES = 200


def fuzz_fields(count: int = FUZZ_EXAMPLES) -> list[dict[str, str]]:
    """``count`` requests' fields as the fuzz tests generate them, the same every run."""
    drawn: list[dict[str, str]] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(request_fields())
    def draw(fields: dict[str, str]) -> None:
        drawn.append(fields)

    draw()
    return drawn


def comparison_fields() -> list[dict[str, str]]:
    """The parity cases' fields, then the fuzz sample's."""
    return parity_fields() + fuzz_fields()
