"""The benchmark's results, typed: what ``bench-results/bench.json`` holds.

Every figure is kept as its samples (one per run), by the page it was measured on; the table
shows medians. The JSON file is these dictionaries as they are, so a saved run can be tabled
again with :func:`bench.results_table`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Literal, NotRequired, Required, TypedDict

#: The pages measured: see :class:`ByPage`.
Page = Literal["floor", "ours", "worker", "without"]
PAGES: tuple[Page, ...] = ("floor", "ours", "worker", "without")


class ByPage[T](TypedDict, total=False):
    """Samples of one figure, by the page measured.

    ``floor`` is the bare Pyodide page, ``ours`` the calculator's article (with its question),
    ``worker`` the calculator's worker alone on an empty page, ``without`` the article built
    without the widget.
    """

    floor: list[T]
    ours: list[T]
    worker: list[T]
    without: list[T]


#: The article's largest contentful paint (ms), built with and without the widget.
Lcp = TypedDict("Lcp", {"with": list[float], "without": list[float]}, total=False)

#: Seconds by generated-article count (JSON object keys are text: ``"100"``).
ByCount = dict[str, list[float]]


class EngineMetrics(TypedDict):
    """The answers in one browser besides Chromium, driven over WebDriver."""

    #: The browser and its version ("Firefox 153.8.0").
    browser: NotRequired[str]
    cold_answer_ms: ByPage[float]
    warm_answer_ms: ByPage[float]
    #: How Python started on each warm visit: "snapshot" or "fresh".
    warm_python_start: ByPage[str]


class RegionSizes(TypedDict):
    """The region data as the built site serves it (bytes; gzip -9 where it says so)."""

    wheel: int
    index_gzip: int
    region_gzip_median: int
    region_gzip_largest: int
    #: The region whose file is the largest.
    largest: str


class Metrics(TypedDict, total=False):
    """Every figure measured, as samples; a part not measured (``--skip-pages``…) is absent."""

    #: Navigation to answer shown, fresh browser context (ms); NaN: not timed.
    cold_answer_ms: ByPage[float]
    #: The same on a second visit with a persistent profile (ms).
    warm_answer_ms: ByPage[float]
    #: One calculation after ready: a field changes, the new answer shows (ms).
    round_trip_ms: ByPage[float]
    #: After ready, the region changes to one not fetched yet: its answer shows (ms).
    region_answer_ms: ByPage[float]
    #: The wheel's, the index's and the region files' sizes, as built.
    region_sizes: RegionSizes
    #: Generating every region's file (wall-clock and CPU seconds), and a rebuild finding it cached.
    region_build_s: list[float]
    region_build_cpu_s: list[float]
    region_rebuild_s: list[float]
    #: The longest main-thread task until the answer (ms).
    longest_task_ms: ByPage[float]
    #: How many main-thread tasks until the answer were over 50 ms.
    long_tasks_over_50ms: ByPage[int]
    #: The most the calculator's own scripts ran in one long animation frame (ms); NaN: unknown.
    calculator_frame_ms: ByPage[float]
    #: Every response of a cold visit: as served, and compressed with gzip level 9 (bytes).
    bytes_raw: ByPage[int]
    bytes_gzip: ByPage[int]
    #: The Python runtime's part of ``bytes_gzip``: Pyodide's files and the standard library.
    runtime_bytes_gzip: ByPage[int]
    #: What the service worker fetched to keep the site offline, but the runtime and wheel (bytes).
    offline_bytes_gzip: ByPage[int]
    #: How Python started on each warm visit: "snapshot" or "fresh".
    warm_python_start: ByPage[str]
    lcp_ms: Lcp
    #: My interviews: from Python ready to every one of 200 saved interviews listed with its dates (ms).
    interviews_listed_ms: list[float]
    #: … and from opening the page, and when Python was ready, on the same clock (ms).
    interviews_open_to_listed_ms: list[float]
    interviews_ready_ms: list[float]
    #: My interviews: the site's own scripts on its main thread, gzip level 9 (bytes) …
    interviews_script_gzip: list[int]
    #: … and its worker's own scripts (bytes).
    interviews_worker_script_gzip: list[int]
    #: The paths each page fetched (the last run's).
    files: dict[str, list[str]]
    #: Chromium's version.
    browser: str
    #: The emulated network's download speed (Mbit/s, ``--throttle``); absent on 127.0.0.1 as it is.
    network_mbps: float
    engines: dict[str, EngineMetrics]
    #: Engines that could not be driven here, each with what it lacks.
    engines_missing: dict[str, str]
    #: ``mkdocs build`` of a fresh copy, and its rebuild: wall-clock and CPU seconds.
    build_s: ByCount
    build_cpu_s: ByCount
    rebuild_s: ByCount
    rebuild_cpu_s: ByCount


class Machine(TypedDict):
    """Where the figures were measured."""

    cpus: int | None
    cpu_model: str
    system: str
    python: str


class Results(TypedDict, total=False):
    """The JSON file: the metrics, how they were measured, and the table made of them."""

    machine: Machine
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    runs: int
    build_runs: int
    question: str
    compression: str
    python_dont_write_bytecode: bool
    network: str
    metrics: Required[Metrics]
    table: list[dict[str, str]]


def median(values: Sequence[float]) -> float:
    """The median of ``values``; NaN when there are none."""
    return statistics.median(values) if values else float("nan")


def measured(values: Sequence[float]) -> list[float]:
    """``values`` without the NaNs that stand for "not measured"."""
    return [value for value in values if value == value]  # noqa: PLR0124 (NaN check)


def page_median[T: float](samples: ByPage[T], page: Page) -> float:
    """The median of ``page``'s samples; NaN when it has none."""
    return median(samples.get(page, []))
