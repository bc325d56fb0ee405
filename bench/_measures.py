"""The table: its measures, in the order it shows them.

A measure is a function from the :class:`~bench._metrics.Metrics` to its rows; it shows
nothing when its figures were not measured. Each is defined beside the figures it judges,
with its targets (``bench._targets``) defined once right above it: the answers in
``_answers.py``, bytes in ``_sizes.py``, region data in ``_regions.py``, the other engines
in ``_engines.py``, the builds in ``_builds.py``. To add a measure: collect its samples into
``Metrics`` where the others like it are collected, write its function and target beside
them, and name it in :data:`MEASURES`.
"""

from __future__ import annotations

from collections.abc import Callable

from bench._answers import cold_answer, lcp, long_tasks, round_trip, warm_answer
from bench._builds import builds
from bench._engines import engines
from bench._metrics import Metrics, Results
from bench._regions import region_rows
from bench._rows import Row
from bench._sizes import cold_bytes, offline_bytes

Measure = Callable[[Metrics], list[Row]]

#: The table's measures, top to bottom.
MEASURES: tuple[Measure, ...] = (
    cold_answer,
    warm_answer,
    round_trip,
    long_tasks,
    cold_bytes,
    offline_bytes,
    region_rows,
    lcp,
    engines,
    builds,
)


def results_table(results: Results) -> list[Row]:
    """The table's rows from the results (medians of each list of samples)."""
    return [row for measure in MEASURES for row in measure(results["metrics"])]
