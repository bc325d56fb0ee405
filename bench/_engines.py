"""The answers in the engines besides Chromium: the system's Firefox and WebKitGTK."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bench._answers import cold_answer_rows, warm_answer_row
from bench._metrics import EngineMetrics, Metrics, Page
from bench._pages import page_urls, probe
from bench._rows import Row
from devtools import Browser, missing_engines, open_engine


def _answer_at(browser: Browser, url: str) -> float:
    """Open ``url``; when its answer showed (ms since navigation), NaN if before it could be timed."""
    browser.goto(url)
    at = browser.call(probe("answerAt"))
    return float("nan") if at is None else float(at)


def _engine_runs(engine: str, urls: dict[str, str], runs: int, log: Callable[[str], None]) -> EngineMetrics:
    """``runs`` runs in ``engine``: cold floor, ours and worker alone; warm ours after each cold ours."""
    m: EngineMetrics = {
        "cold_answer_ms": {"floor": [], "ours": [], "worker": []},
        "warm_answer_ms": {"ours": []},
        "warm_python_start": {"ours": []},
    }
    for run in range(runs):
        order: list[Page] = ["floor", "ours"] if run % 2 == 0 else ["ours", "floor"]
        for page in [*order, "worker"]:
            with (
                tempfile.TemporaryDirectory(prefix="second-date-bench-") as scratch,
                open_engine(engine, Path(scratch)) as browser,
            ):
                m["browser"] = browser.version
                cold = _answer_at(browser, urls[page])
                m["cold_answer_ms"][page].append(cold)
                log(f"run {run + 1}: {engine} cold {page} {cold:,.0f} ms")
                if page == "ours":
                    browser.call(probe("snapshotSettles"))
                    warm = _answer_at(browser, urls["ours"])
                    m["warm_answer_ms"]["ours"].append(warm)
                    m["warm_python_start"]["ours"].append(browser.call(probe("pythonStart")))
                    log(f"run {run + 1}: {engine} warm ours {warm:,.0f} ms")
    return m


def measure_engines(
    server_url: str, *, engines: Sequence[str], runs: int, log: Callable[[str], None]
) -> Metrics:
    """The cold and warm answers, and the cold floor, in each engine besides Chromium.

    Firefox and WebKitGTK are driven over WebDriver (``devtools._webdriver``), which runs
    no script before the page's own: the answer is timed by an observer set once the page
    has loaded, long before Python answers (a visit whose answer came first is not timed).
    Every cold visit has a browser and profile of its own; the warm visit is the second in
    the profile of a cold one, once its snapshot is kept.
    """
    missing = missing_engines()
    results: Metrics = {"engines": {}, "engines_missing": {}}
    for engine in engines:
        if engine in missing:
            results["engines_missing"][engine] = missing[engine]
            log(f"{engine}: not measured ({missing[engine]})")
            continue
        results["engines"][engine] = _engine_runs(engine, page_urls(server_url), runs, log)
    return results


def engines(m: Metrics) -> list[Row]:
    """The cold and warm answers in Firefox and WebKit, each against its own cold floor."""
    rows = []
    for engine in m.get("engines", {}).values():
        browser = engine.get("browser", "")
        rows += [*cold_answer_rows(engine, browser), warm_answer_row(engine, "–", browser)]
    rows += [
        Row(f"{engine}: not measured", "–", reason, "–", "–", "–")
        for engine, reason in m.get("engines_missing", {}).items()
    ]
    return rows
