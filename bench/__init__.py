"""How fast is the calculator? ``python -m bench`` (``make bench``) measures it.

The site is built into a temporary folder for a :class:`~devtools.PagesServer`
under ``/second-date/`` on 127.0.0.1, with a *floor* page added at bench time (never
shipped): a bare page whose module worker loads the same self-hosted Pyodide, from the
same ``indexURL`` and lock file, and runs one statement. Headless Chromium then opens the
floor and the calculator's article (with a question in its address), alternating within
each run, and measures:

- **cold answer**: navigation to answer shown, in a fresh browser context (empty cache);
- **warm answer**: the same, on the second visit with a persistent profile;
- **round trip**: one calculation after ready (a field changes, the new answer shows);
- **long tasks**: main-thread tasks over 50 ms until the answer shows, and how much of the
  longest frame the calculator's own scripts took (Long Animation Frames script attribution);
- **bytes**: every response of a cold visit, compressed with gzip level 9 (what a server
  that compresses would send at best; both pages are counted the same way);
- **LCP**: the article's largest contentful paint, as built, and as built from a copy of
  the Markdown without the widget's marker;
- **build**: ``mkdocs build`` of a copy of the project with 1, 10 and 100 generated articles;
- **other engines**: the cold answer (floor, ours, the worker alone) and the warm answer in
  the system's Firefox and WebKitGTK too, driven over WebDriver (``--engines``; unthrottled
  runs only).

Medians are printed as a Markdown table and written, with every sample, as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Response, sync_playwright

import devtools._webdriver as webdriver
from build_tools._offline import CALCULATOR_FOLDERS
from build_tools._paths import PROJECT_ROOT
from build_tools._widget import WIDGET_MARKER
from devtools import PagesServer, find_chromium, missing_engines, new_article

#: The article that carries the widget, and the question its address asks.
ARTICLE_SOURCE = Path("articles", "posts", "how-soon-is-too-soon-to-call.md")
ARTICLE_PATH = "articles/how-soon-is-too-soon-to-call/"
QUESTION = "?interviewed=2026-11-12&reply=1w&region=AU-NSW"
#: Where the floor page lives in the built site (bench time only).
FLOOR_DIR = "bench-floor"
#: Where the page that runs the calculator's own worker on an empty page lives (bench time only).
WORKER_DIR = "bench-worker"
#: The article whose body the generated articles reuse, so each is a realistic length.
BODY_SOURCE = Path("articles", "posts", "call-or-email.md")
VISIT_TIMEOUT_MS = 120_000
LONG_TASK_MS = 50.0
#: LCP varies by tens of milliseconds between loads of one page: more pairs per run than of
#: the other measures (which take seconds each) keep its median steady.
LCP_PAIRS_PER_RUN = 3
#: The calculator's scripts on the page's main thread (the worker has a thread of its own).
CALCULATOR_SCRIPTS = ("calculator.js", "offline.js")

#: Installed in every page before its own scripts: collects long tasks and LCP, and
#: notes when the answer (ours) or the floor's marker first appears.
_OBSERVE = """
(() => {
  if (typeof document === "undefined") return;
  const bench = { longTasks: [], frames: null, lcp: 0, answerAt: 0 };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  // Long animation frames name the scripts that ran in them: the calculator's share of each.
  const ours = __CALCULATOR_SCRIPTS__;
  if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")) {
    bench.frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const mine = e.scripts.filter((s) => ours.test(s.sourceURL)).reduce((sum, s) => sum + s.duration, 0);
        bench.frames.push({ start: e.startTime, duration: e.duration, calculator: mine });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch {}
  const shown = __SHOWN__;
  const observer = new MutationObserver(() => {
    if (!bench.answerAt && shown()) {
      bench.answerAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["datetime", "data-bench-done"],
  });
})();
"""
#: Whether the answer shows: the calculator's date, or the floor's (and worker page's) marker.
_SHOWN = """() =>
    document.querySelector('[data-testid="call-on"] time[datetime]:not([datetime=""])') ||
    document.querySelector("[data-bench-done]")"""
_OBSERVE = _OBSERVE.replace("__SHOWN__", _SHOWN).replace(
    "__CALCULATOR_SCRIPTS__",
    r"/\/assets\/javascripts\/(" + "|".join(re.escape(name) for name in CALCULATOR_SCRIPTS) + r")(\?|$)/",
)

#: For browsers driven over WebDriver (no script before the page's own): run once the page has
#: loaded, resolves with the time since navigation at which the answer shows, or null when it
#: showed before it could be watched (not timed).
_ANSWER_AT = """() => new Promise((resolve) => {
  const shown = __SHOWN__;
  if (shown()) return resolve(null);
  const observer = new MutationObserver(() => {
    if (shown()) {
      observer.disconnect();
      resolve(performance.now());
    }
  });
  observer.observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["datetime", "data-bench-done"],
  });
})""".replace("__SHOWN__", _SHOWN)

#: Run in the page once the answer shows: change the reply and time each new answer.
_ROUND_TRIPS = """
async (count) => {
  const input = document.querySelector("#cc-reply-count");
  const time = document.querySelector('[data-testid="call-on"] time');
  const took = [];
  for (let i = 0; i < count; i++) {
    const before = time.getAttribute("datetime");
    const started = performance.now();
    const answered = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (time.getAttribute("datetime") !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(time, { attributes: true });
      setTimeout(() => reject(new Error("no new answer within 10 s")), 10000);
    });
    input.value = String(2 + i);
    input.dispatchEvent(new Event("change", { bubbles: true }));
    took.push((await answered) - started);
  }
  return took;
}
"""


#: The widget's marker of how Python started; "" on the floor page.
_PYTHON_START = "() => document.querySelector('[data-testid=\"call-calculator\"]')?.dataset.pythonStart ?? ''"
#: True once the widget has kept (or failed to keep) its snapshot, or on a page without one.
_SNAPSHOT_SETTLED = """() => {
  const widget = document.querySelector('[data-testid="call-calculator"]');
  return !widget || Boolean(widget.dataset.pythonSnapshot);
}"""
#: Resolves once ``_SNAPSHOT_SETTLED`` holds (for browsers driven over WebDriver).
_SNAPSHOT_SETTLES = """() => new Promise((resolve) => {
  const settled = __SETTLED__;
  if (settled()) return resolve(true);
  const observer = new MutationObserver(() => settled() && (observer.disconnect(), resolve(true)));
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-python-snapshot"] });
})""".replace("__SETTLED__", _SNAPSHOT_SETTLED)


# ---- Pure parts -------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    """The median of ``values``; NaN when there are none."""
    return statistics.median(values) if values else float("nan")


def compressed_size(data: bytes) -> int:
    """Bytes on the wire for ``data`` sent gzip-compressed at level 9 (no timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def floor_page(runtime: str, lock: str, depth: int = 1) -> dict[str, str]:
    """The floor: a bare page and a module worker that load Pyodide and run one statement.

    Args:
        runtime: the runtime's folder, relative to the site root (``assets/pyodide/<v>/``).
        lock: the site's lock file, relative to the site root.
        depth: how many folders below the site root the page is published.

    Returns:
        File names (relative to the page's folder) mapped to their text. The page marks
        its ``<p id="floor">`` with ``data-bench-done`` once Python has answered.
    """
    up = "../" * depth
    runtime = runtime if runtime.endswith("/") else runtime + "/"
    page = f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pyodide floor</title></head>
<body>
<p id="floor">Loading Python…</p>
<script type="module">
const worker = new Worker(new URL("floor-worker.js", location.href), {{ type: "module" }});
worker.addEventListener("message", (event) => {{
  const floor = document.getElementById("floor");
  floor.textContent = `Python says 1+1 = ${{event.data}}`;
  floor.dataset.benchDone = "true";
}});
worker.postMessage({{
  runtime: new URL("{up}{runtime}", location.href).href,
  lock: new URL("{up}{lock}", location.href).href,
}});
</script>
</body>
</html>
"""
    worker = """self.addEventListener("message", async (event) => {
  const { runtime, lock } = event.data;
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: lock });
  self.postMessage(pyodide.runPython("1+1"));
});
"""
    return {"index.html": page, "floor-worker.js": worker}


def worker_page(runtime: str, lock: str, query: str, depth: int = 1) -> str:
    """An empty page that runs the calculator's own worker, as the loader does, on one question.

    It tells apart what the calculator costs (its worker, wheel and first answer) from what
    the article's page costs around it (the theme, the text and the form, all drawn on the
    same processor cores that start Python). The question is ``query`` (a query string) plus
    today's date, as the loader adds it; ``<p id="floor">`` gets ``data-bench-done`` at the answer.
    """
    up = "../" * depth
    runtime = runtime if runtime.endswith("/") else runtime + "/"
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The calculator's worker alone</title></head>
<body>
<p id="floor">Loading the calculator…</p>
<script type="module">
const root = new URL("{up}", location.href);
const url = new URL("assets/javascripts/calculator-worker.js", root);
url.searchParams.set("runtime", new URL("{runtime}", root).href);
url.searchParams.set("lock", new URL("{lock}", root).href);
const worker = new Worker(url, {{ type: "module" }});
worker.addEventListener("message", ({{ data }}) => {{
  if (data.type === "answer") document.getElementById("floor").dataset.benchDone = "true";
}});
const now = new Date();
const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
const today = day.map((n) => String(n).padStart(2, "0")).join("-");
const fields = {{ ...Object.fromEntries(new URLSearchParams("{query}")), today }};
worker.postMessage({{ v: 1, type: "plan", id: 1, fields }});
</script>
</body>
</html>
"""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the results table."""

    measure: str
    baseline: str
    ours: str
    ratio: str
    target: str
    met: str


HEADERS = ("Measure", "Floor / baseline", "Ours", "Ratio", "Target", "Met")


def format_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, columns padded so it reads as text too."""
    cells = [HEADERS, *((r.measure, r.baseline, r.ours, r.ratio, r.target, r.met) for r in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *(line(c) for c in cells[1:])])


def _ms(value: float) -> str:
    return "–" if value != value else f"{value:,.0f} ms"  # noqa: PLR0124 (NaN check)


def _ratio(ours: float, base: float) -> str:
    return "–" if not base or ours != ours or base != base else f"{ours / base:.2f}×"  # noqa: PLR0124


def _yes(condition: bool) -> str:  # noqa: FBT001 (a verdict, not a switch)
    return "yes" if condition else "no"


def _restored(starts: Sequence[str]) -> str:
    """How many warm visits restored Python from its snapshot, as a note; "" when unknown."""
    return f" ({starts.count('snapshot')}/{len(starts)} from snapshot)" if starts else ""


def _worker_alone(m: dict[str, Any], cold_floor: float, browser: str = "") -> list[Row]:
    """The cold answer of the calculator's worker alone on an empty page, when measured."""
    alone = _measured(m["cold_answer_ms"].get("worker", []))
    if not alone:
        return []
    worker = median(alone)
    return [
        Row(
            "… the calculator's worker alone, on an empty page" + (f", {browser}" if browser else ""),
            _ms(cold_floor),
            _ms(worker),
            _ratio(worker, cold_floor),
            "– (what the article's page adds is the rest)",
            "–",
        )
    ]


def _measured(values: Sequence[float]) -> list[float]:
    """``values`` without the NaNs that stand for "not measured"."""
    return [value for value in values if value == value]  # noqa: PLR0124 (NaN check)


def _long_task_rows(m: dict[str, Any]) -> list[Row]:
    """The longest task, and what the calculator's own scripts took of a frame, when measured.

    A task can be long on a page with the calculator without the calculator running in it:
    Python's start-up in the worker takes processor time from the theme's scripts. Where
    the browser names the scripts of each long frame, the verdict is the calculator's own
    share; otherwise, the longest task against the article's without the widget.
    """
    longest = {name: median(values) for name, values in m["longest_task_ms"].items()}
    frames = m.get("calculator_frame_ms", {})
    own = _measured(frames.get("ours", []))
    task = Row(
        "Longest main-thread task until answer",
        f"floor {_ms(longest['floor'])}; article without widget {_ms(longest['without'])}",
        _ms(longest["ours"]),
        "–",
        "no task > 50 ms caused by the calculator",
        _yes(longest["ours"] <= max(LONG_TASK_MS, longest["without"])),
    )
    if not own:
        return [task]
    without = _measured(frames.get("without", []))
    worst = max(own)
    return [
        Row(task.measure, task.baseline, task.ours, task.ratio, "– (see the next line)", "–"),
        Row(
            "… of which the calculator's own scripts, most in one frame",
            f"article without widget {_ms(median(without))}",
            f"{_ms(median(own))} (worst run {_ms(worst)})",
            "–",
            "≤ 50 ms in every run",
            _yes(worst <= LONG_TASK_MS),
        ),
    ]


def _engine_rows(m: dict[str, Any]) -> list[Row]:
    """The cold and warm answers in Firefox and WebKit, each against its own cold floor."""
    rows = []
    for engine in m.get("engines", {}).values():
        cold_floor = median(_measured(engine["cold_answer_ms"]["floor"]))
        cold = median(_measured(engine["cold_answer_ms"]["ours"]))
        warm = median(_measured(engine["warm_answer_ms"]["ours"]))
        rows += [
            Row(
                f"Cold answer, {engine['browser']}",
                _ms(cold_floor),
                _ms(cold),
                _ratio(cold, cold_floor),
                "≤ 1.10 × cold floor",
                _yes(cold <= 1.10 * cold_floor),
            ),
            *_worker_alone(engine, cold_floor, engine["browser"]),
            Row(
                f"Warm answer (2nd visit), {engine['browser']}",
                "–",
                _ms(warm) + _restored(engine["warm_python_start"]["ours"]),
                f"{_ratio(warm, cold_floor)} of cold floor",
                "≤ 0.60 × cold floor",
                _yes(warm <= 0.60 * cold_floor),
            ),
        ]
    rows += [
        Row(f"{engine}: not measured", "–", reason, "–", "–", "–")
        for engine, reason in m.get("engines_missing", {}).items()
    ]
    return rows


def results_table(results: dict[str, Any]) -> list[Row]:
    """The table's rows from the JSON results (medians of each list of samples)."""
    m = results["metrics"]
    rows: list[Row] = []
    if "cold_answer_ms" in m:
        cold_floor = median(m["cold_answer_ms"]["floor"])
        cold_ours = median(m["cold_answer_ms"]["ours"])
        warm_floor = median(m["warm_answer_ms"]["floor"])
        warm_ours = median(m["warm_answer_ms"]["ours"])
        round_trip = median(m["round_trip_ms"]["ours"])
        rows += [
            Row(
                "Cold answer",
                _ms(cold_floor),
                _ms(cold_ours),
                _ratio(cold_ours, cold_floor),
                "≤ 1.10 × cold floor",
                _yes(cold_ours <= 1.10 * cold_floor),
            ),
            *_worker_alone(m, cold_floor),
            Row(
                "Warm answer (2nd visit)",
                f"{_ms(warm_floor)} (warm floor)",
                _ms(warm_ours) + _restored(m.get("warm_python_start", {}).get("ours", [])),
                f"{_ratio(warm_ours, cold_floor)} of cold floor",
                "≤ 0.60 × cold floor",
                _yes(warm_ours <= 0.60 * cold_floor),
            ),
            Row(
                "Round trip after ready",
                "–",
                _ms(round_trip),
                "–",
                "≤ 20 ms",
                _yes(round_trip <= 20),  # noqa: PLR2004 (the issue's target)
            ),
        ]
        rows += _long_task_rows(m)
        floor_kb = median(m["bytes_gzip"]["floor"]) / 1000
        ours_kb = median(m["bytes_gzip"]["ours"]) / 1000
        page_kb = median(m["bytes_gzip"]["without"]) / 1000
        widget_kb = ours_kb - page_kb - floor_kb
        rows += [
            Row(
                "Bytes, cold visit (gzip -9)",
                f"floor {floor_kb:,.0f} KB; article without widget {page_kb:,.0f} KB",
                f"{ours_kb:,.0f} KB",
                f"+{ours_kb - floor_kb:,.0f} KB over floor",
                "≤ floor + 100 KB",
                _yes(ours_kb <= floor_kb + 100),
            ),
            Row(
                "… of which the calculator beyond the runtime",
                "ours − without widget − floor",
                f"{widget_kb:,.0f} KB",
                "–",
                "≤ 100 KB",
                _yes(widget_kb <= 100),  # noqa: PLR2004 (the issue's target)
            ),
        ]
        if m.get("offline_bytes_gzip", {}).get("ours"):
            offline = {name: median(v) / 1000 for name, v in m["offline_bytes_gzip"].items()}
            rows.append(
                Row(
                    "Pages kept offline by the service worker, after the answer",
                    f"article without widget {offline['without']:,.0f} KB",
                    f"{offline['ours']:,.0f} KB",
                    "–",
                    "– (background, not part of the answer)",
                    "–",
                )
            )
        lcp_without = median(m["lcp_ms"]["without"])
        lcp_with = median(m["lcp_ms"]["with"])
        rows.append(
            Row(
                "Article LCP",
                f"{_ms(lcp_without)} (without widget)",
                _ms(lcp_with),
                _ratio(lcp_with, lcp_without),
                "≤ 1.05 × without",
                _yes(lcp_with <= 1.05 * lcp_without),
            )
        )
    rows += _engine_rows(m)
    if "build_s" in m:
        kinds = ("build_s", "build_cpu_s", "rebuild_s", "rebuild_cpu_s")
        builds = {kind: {int(n): median(v) for n, v in m[kind].items()} for kind in kinds}
        counts = sorted(builds["build_s"])
        for n in counts:
            linear = "–"
            if n == counts[-1] and len(counts) > 1:
                per = [
                    (builds[k][n] - builds[k][counts[0]]) / (n - counts[0]) for k in ("build_s", "rebuild_s")
                ]
                linear = f"+{per[0] * 1000:,.0f} ms per article (rebuild +{per[1] * 1000:,.0f} ms)"
            first, again = builds["build_s"][n], builds["rebuild_s"][n]
            rows.append(
                Row(
                    f"mkdocs build, {n} generated article{'s' if n != 1 else ''}",
                    "–",
                    f"{first:.1f} s (CPU {builds['build_cpu_s'][n]:.1f} s); "
                    f"rebuild {again:.1f} s (CPU {builds['rebuild_cpu_s'][n]:.1f} s)",
                    linear,
                    "≤ 10 s for 100, linear" if n == counts[-1] else "–",
                    _yes(first <= 10) if n == 100 else "–",  # noqa: PLR2004 (the issue's target)
                )
            )
    return rows


# ---- Building ---------------------------------------------------------------------------


def _mkdocs_build(config: Path, site_dir: Path, site_url: str, cwd: Path) -> tuple[float, float]:
    """Build with ``mkdocs build --strict``; the wall-clock and CPU seconds it took.

    CPU time (the child's user + system time) is less sensitive than wall-clock time to
    other work on a shared machine.
    """
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 (our own interpreter, our own arguments)
        [*command, "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=cwd,
        env=env,
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


#: The folders ``mkdocs build`` reads besides ``mkdocs.yml``: pages, hooks, templates.
BUILD_INPUTS = ("docs", "hooks", "overrides")


def copy_project(target: Path) -> Path:
    """Copy what ``mkdocs build`` reads (config and :data:`BUILD_INPUTS`) into ``target``; the config."""
    shutil.copy2(PROJECT_ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in BUILD_INPUTS:
        shutil.copytree(PROJECT_ROOT / folder, target / folder)
    return target / "mkdocs.yml"


def without_widget(markdown: str) -> str:
    """The article's Markdown with the widget's marker line removed."""
    return WIDGET_MARKER.sub("", markdown)


def generate_articles(docs_dir: Path, count: int, today: date) -> list[Path]:
    """Scaffold ``count`` more parts of the series, each with a real article's body."""
    source = (docs_dir / BODY_SOURCE).read_text(encoding="utf-8")
    body = source.split("\n# ", 1)[1].split("\n", 1)[1]
    made = []
    for number in range(1, count + 1):
        path = new_article(f"Generated article number {number}", docs_dir, today)
        scaffold = path.read_text(encoding="utf-8")
        head = scaffold[: scaffold.index("\n# ")]
        title = scaffold[scaffold.index("\n# ") + 1 :].split("\n", 1)[0]
        path.write_text(f"{head}\n{title}\n{body}", encoding="utf-8")
        made.append(path)
    return made


def time_builds(counts: Sequence[int], runs: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Time ``mkdocs build`` of a fresh project copy with each count of new articles.

    Each copy is built twice: first as a fresh checkout builds (no social-card cache),
    then again (a rebuild, cards cached). Seconds, wall-clock and CPU, per article count.
    """
    times: dict[str, Any] = {
        key: {str(n): [] for n in counts} for key in ("build_s", "build_cpu_s", "rebuild_s", "rebuild_cpu_s")
    }
    for run in range(runs):
        for n in counts:
            with tempfile.TemporaryDirectory(prefix="second-date-bench-build-") as scratch:
                root = Path(scratch)
                config = copy_project(root)
                generate_articles(root / "docs", n, date.today())  # noqa: DTZ011
                for kind in ("build", "rebuild"):
                    wall, cpu = _mkdocs_build(config, root / "site", "http://127.0.0.1:8000/", root)
                    times[f"{kind}_s"][str(n)].append(wall)
                    times[f"{kind}_cpu_s"][str(n)].append(cpu)
                    log(f"build run {run + 1}: {n} generated articles, {kind} {wall:.1f} s (CPU {cpu:.1f} s)")
    return times


# ---- Measuring in the browser -----------------------------------------------------------


@dataclass
class Visit:
    """What one page load showed."""

    answer_ms: float
    long_tasks: list[float]
    lcp_ms: float
    #: The most the calculator's own scripts ran in one long animation frame; NaN where the
    #: browser does not report frames.
    calculator_frame_ms: float = float("nan")
    urls: list[str] = field(default_factory=list)
    #: What the service worker fetched in the background to keep the site offline.
    offline_urls: list[str] = field(default_factory=list)
    #: How the calculator's Python started ("fresh" or "snapshot"); "" for the floor.
    python_start: str = ""
    round_trips: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Network:
    """A slower network than 127.0.0.1's (``--throttle``), emulated by Chromium.

    It applies to every request of a page and of its workers: the runtime then takes
    seconds to arrive, as it does for readers.
    """

    download_mbps: float
    latency_ms: float = 100.0

    def __str__(self) -> str:
        """The network in words, as the results record it."""
        return f"{self.download_mbps:g} Mbit/s down, {self.latency_ms:g} ms latency (emulated)"

    def apply(self, page: Page) -> None:
        """Slow ``page`` (and the workers it starts) down to this network."""
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": self.latency_ms,
                "downloadThroughput": self.download_mbps * 1_000_000 / 8,
                "uploadThroughput": self.download_mbps * 1_000_000 / 8 / 4,
            },
        )


#: What the results say of a run without ``--throttle``.
UNTHROTTLED = "127.0.0.1, unthrottled"


def _visit(
    page: Page, url: str, *, answer: bool = True, round_trips: int = 0, network: Network | None = None
) -> Visit:
    """Open ``url`` and wait for the answer (or, with ``answer=False``, for the load)."""
    if network is not None:
        network.apply(page)
    urls: list[str] = []
    offline_urls: list[str] = []

    def on_response(response: Response) -> None:
        if response.ok:
            (offline_urls if response.request.service_worker else urls).append(response.url)

    page.context.on("response", on_response)
    page.goto(url, wait_until="load", timeout=VISIT_TIMEOUT_MS)
    if answer:
        page.wait_for_function("() => window.__bench.answerAt > 0", timeout=VISIT_TIMEOUT_MS)
    page.wait_for_timeout(300)  # let the last paint and long-task entries arrive
    data = cast("dict[str, Any]", page.evaluate("() => window.__bench"))
    trips = cast("list[float]", page.evaluate(_ROUND_TRIPS, round_trips)) if round_trips else []

    def until_answer(entries: list[dict[str, float]]) -> list[dict[str, float]]:
        return [e for e in entries if e["start"] <= data["answerAt"] or not answer]

    frames = data["frames"]
    return Visit(
        answer_ms=float(data["answerAt"]),
        long_tasks=[float(t["duration"]) for t in until_answer(data["longTasks"])],
        calculator_frame_ms=(
            max((float(f["calculator"]) for f in until_answer(frames)), default=0.0)
            if frames is not None
            else float("nan")
        ),
        lcp_ms=float(data["lcp"]),
        urls=urls,
        offline_urls=offline_urls,
        python_start=page.evaluate(_PYTHON_START) if answer else "",
        round_trips=trips,
    )


_CONTEXT = {"timezone_id": "Australia/Sydney", "locale": "en-AU"}


@contextmanager
def _fresh_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**_CONTEXT)  # type: ignore[arg-type]
    context.add_init_script(_OBSERVE)
    try:
        yield context.new_page()
    finally:
        context.close()


def _warm_visit(playwright: Playwright, url: str, network: Network | None = None) -> Visit:
    """Visit ``url`` twice with one persistent profile; the second visit's figures."""
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="second-date-bench-profile-") as profile:
        context: BrowserContext = playwright.chromium.launch_persistent_context(
            profile,
            headless=True,
            executable_path=str(chromium) if chromium else None,
            **_CONTEXT,  # type: ignore[arg-type]
        )
        try:
            context.add_init_script(_OBSERVE)
            first = context.pages[0] if context.pages else context.new_page()
            _visit(first, url, network=network)
            # A reader who stays a moment: the calculator keeps its snapshot (the floor has none).
            first.wait_for_function(_SNAPSHOT_SETTLED, timeout=VISIT_TIMEOUT_MS)
            first.close()
            return _visit(context.new_page(), url, network=network)
        finally:
            context.close()


def _pages_kept(urls: Sequence[str]) -> list[str]:
    """What the service worker fetched, but the runtime and the wheel.

    The page downloaded those itself just before; the worker's copy comes through the
    browser's HTTP cache.
    """
    return [url for url in urls if not any(f"/{folder}" in url for folder in CALCULATOR_FOLDERS)]


def _url_file(url: str, server_url: str, site_dir: Path) -> Path | None:
    if not url.startswith(server_url):
        return None
    path = urlsplit(url).path[len(urlsplit(server_url).path) :]
    target = site_dir / path
    if target.is_dir() or path.endswith("/") or not path:
        target /= "index.html"
    return target if target.is_file() else None


class _Sizes:
    """Compressed sizes of the files behind URLs, each file compressed once."""

    def __init__(self, server_url: str, site_dir: Path) -> None:
        self.server_url = server_url
        self.site_dir = site_dir
        self._cache: dict[Path, int] = {}

    def total(self, urls: Sequence[str]) -> int:
        total = 0
        for url in dict.fromkeys(urls):
            file = _url_file(url, self.server_url, self.site_dir)
            if file is not None:
                if file not in self._cache:
                    self._cache[file] = compressed_size(file.read_bytes())
                total += self._cache[file]
        return total

    def raw(self, urls: Sequence[str]) -> int:
        files = (_url_file(url, self.server_url, self.site_dir) for url in dict.fromkeys(urls))
        return sum(file.stat().st_size for file in files if file is not None)


def measure_pages(  # noqa: PLR0913 (settings after the two servers are keyword-only)
    playwright: Playwright,
    ours: PagesServer,
    bare: PagesServer,
    *,
    runs: int,
    log: Callable[[str], None],
    network: Network | None = None,
) -> dict[str, Any]:
    """Every browser measure, ``runs`` times, floor and ours alternating.

    ``ours`` serves the site as built (with the floor page added), ``bare`` the same
    site built without the widget's marker in the article.
    """
    server_url, site_dir, bare_url, bare_dir = ours.url, ours.site_dir, bare.url, bare.site_dir
    chromium = find_chromium()
    browser = playwright.chromium.launch(executable_path=str(chromium) if chromium else None, headless=True)
    pages = {
        "floor": f"{server_url}{FLOOR_DIR}/",
        "ours": f"{server_url}{ARTICLE_PATH}{QUESTION}",
        "worker": f"{server_url}{WORKER_DIR}/",
    }
    sizes = _Sizes(server_url, site_dir)
    bare_sizes = _Sizes(bare_url, bare_dir)
    m: dict[str, Any] = {
        "cold_answer_ms": {"floor": [], "ours": [], "worker": []},
        "warm_answer_ms": {"floor": [], "ours": []},
        "round_trip_ms": {"ours": []},
        "longest_task_ms": {"floor": [], "ours": [], "without": [], "worker": []},
        "long_tasks_over_50ms": {"floor": [], "ours": [], "without": [], "worker": []},
        "calculator_frame_ms": {"ours": [], "without": []},
        "bytes_raw": {"floor": [], "ours": [], "without": [], "worker": []},
        "bytes_gzip": {"floor": [], "ours": [], "without": [], "worker": []},
        "offline_bytes_gzip": {"ours": [], "without": []},
        "warm_python_start": {"ours": []},
        "lcp_ms": {"without": [], "with": []},
        "files": {},
    }
    try:
        for run in range(runs):
            order = ["floor", "ours"] if run % 2 == 0 else ["ours", "floor"]
            for name in [*order, "worker"]:
                with _fresh_page(browser) as page:
                    visit = _visit(page, pages[name], round_trips=5 if name == "ours" else 0, network=network)
                m["cold_answer_ms"][name].append(visit.answer_ms)
                m["longest_task_ms"][name].append(max(visit.long_tasks, default=0.0))
                m["long_tasks_over_50ms"][name].append(sum(t > LONG_TASK_MS for t in visit.long_tasks))
                m["bytes_gzip"][name].append(sizes.total(visit.urls))
                m["bytes_raw"][name].append(sizes.raw(visit.urls))
                m["files"][name] = sorted({urlsplit(u).path for u in visit.urls})
                if name == "ours":
                    m["calculator_frame_ms"]["ours"].append(visit.calculator_frame_ms)
                    m["offline_bytes_gzip"]["ours"].append(sizes.total(_pages_kept(visit.offline_urls)))
                    m["round_trip_ms"]["ours"].extend(visit.round_trips)
                log(f"run {run + 1}: cold {name} {visit.answer_ms:,.0f} ms")
            for name in order:
                visit = _warm_visit(playwright, pages[name], network)
                m["warm_answer_ms"][name].append(visit.answer_ms)
                if name == "ours":
                    m["warm_python_start"]["ours"].append(visit.python_start)
                log(f"run {run + 1}: warm {name} {visit.answer_ms:,.0f} ms")
            lcp_pages = {"with": pages["ours"], "without": f"{bare_url}{ARTICLE_PATH}{QUESTION}"}
            pair = ["without", "with"] if run % 2 == 0 else ["with", "without"]
            for name in pair * LCP_PAIRS_PER_RUN:
                with _fresh_page(browser) as page:
                    visit = _visit(page, lcp_pages[name], answer=name == "with", network=network)
                m["lcp_ms"][name].append(visit.lcp_ms)
                if name == "without":
                    m["bytes_gzip"]["without"].append(bare_sizes.total(visit.urls))
                    m["bytes_raw"]["without"].append(bare_sizes.raw(visit.urls))
                    m["offline_bytes_gzip"]["without"].append(
                        bare_sizes.total(_pages_kept(visit.offline_urls))
                    )
                    m["files"]["without"] = sorted({urlsplit(u).path for u in visit.urls})
                    m["longest_task_ms"]["without"].append(max(visit.long_tasks, default=0.0))
                    m["calculator_frame_ms"]["without"].append(visit.calculator_frame_ms)
                    m["long_tasks_over_50ms"]["without"].append(
                        sum(t > LONG_TASK_MS for t in visit.long_tasks)
                    )
                log(f"run {run + 1}: LCP {name} widget {visit.lcp_ms:,.0f} ms")
        m["browser"] = browser.version
    finally:
        browser.close()
    return m


def measure_engines(
    server_url: str, *, engines: Sequence[str], runs: int, log: Callable[[str], None]
) -> dict[str, Any]:
    """The cold and warm answers, and the cold floor, in each engine besides Chromium.

    Firefox and WebKitGTK are driven over WebDriver (``devtools._webdriver``), which runs
    no script before the page's own: the answer is timed by an observer set once the page
    has loaded, long before Python answers (a visit whose answer came first is not timed).
    Every cold visit has a browser and profile of its own; the warm visit is the second in
    the profile of a cold one, once its snapshot is kept.
    """
    pages = {
        "floor": f"{server_url}{FLOOR_DIR}/",
        "ours": f"{server_url}{ARTICLE_PATH}{QUESTION}",
        "worker": f"{server_url}{WORKER_DIR}/",
    }
    missing = missing_engines()
    results: dict[str, Any] = {"engines": {}, "engines_missing": {}}

    def answer_at(browser: webdriver.Browser, url: str) -> float:
        browser.goto(url)
        at = browser.call(_ANSWER_AT)
        return float("nan") if at is None else float(at)

    for engine in engines:
        if engine in missing:
            results["engines_missing"][engine] = missing[engine]
            log(f"{engine}: not measured ({missing[engine]})")
            continue
        m: dict[str, Any] = {
            "cold_answer_ms": {"floor": [], "ours": [], "worker": []},
            "warm_answer_ms": {"ours": []},
            "warm_python_start": {"ours": []},
        }
        for run in range(runs):
            for name in [*(["floor", "ours"] if run % 2 == 0 else ["ours", "floor"]), "worker"]:
                with (
                    tempfile.TemporaryDirectory(prefix="second-date-bench-") as scratch,
                    webdriver.open_engine(engine, Path(scratch)) as browser,
                ):
                    m["browser"] = browser.version
                    cold = answer_at(browser, pages[name])
                    m["cold_answer_ms"][name].append(cold)
                    log(f"run {run + 1}: {engine} cold {name} {cold:,.0f} ms")
                    if name == "ours":
                        browser.call(_SNAPSHOT_SETTLES)
                        warm = answer_at(browser, pages["ours"])
                        m["warm_answer_ms"]["ours"].append(warm)
                        m["warm_python_start"]["ours"].append(browser.call(_PYTHON_START))
                        log(f"run {run + 1}: {engine} warm ours {warm:,.0f} ms")
        results["engines"][engine] = m
    return results


def _floor_into(site_dir: Path) -> None:
    """Write the floor page and the worker-alone page into a built site.

    Both point at the runtime and the lock file the article uses.
    """
    html = (site_dir / ARTICLE_PATH / "index.html").read_text(encoding="utf-8")
    runtime = re.search(r'data-runtime="([^"]+)"', html)
    lock = re.search(r'data-lock="([^"]+)"', html)
    if runtime is None or lock is None:
        msg = f"{ARTICLE_PATH} has no calculator widget to take the runtime's address from"
        raise RuntimeError(msg)
    target = site_dir / FLOOR_DIR
    target.mkdir(exist_ok=True)
    for name, text in floor_page(runtime.group(1), lock.group(1)).items():
        (target / name).write_text(text, encoding="utf-8")
    worker = site_dir / WORKER_DIR
    worker.mkdir(exist_ok=True)
    (worker / "index.html").write_text(
        worker_page(runtime.group(1), lock.group(1), QUESTION), encoding="utf-8"
    )


def _machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text(encoding="utf-8"))
        model = found.group(1).strip() if found else ""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Build, serve, measure; the results (also written to ``args.out``)."""
    network = Network(args.throttle, args.latency) if args.throttle else None

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)  # noqa: T201

    results: dict[str, Any] = {
        "machine": _machine(),
        "load_before": os.getloadavg(),
        "runs": args.runs,
        "build_runs": args.build_runs,
        "question": QUESTION,
        "compression": "gzip level 9 of each file fetched (HTTP 200) in a cold visit",
        "python_dont_write_bytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        "network": str(network or UNTHROTTLED),
        "metrics": {},
    }
    if not args.skip_pages:
        with tempfile.TemporaryDirectory(prefix="second-date-bench-") as scratch:
            root = Path(scratch)
            ours = PagesServer(root / "ours")
            bare = PagesServer(root / "bare")
            try:
                log("building the site, and a copy without the widget…")
                _mkdocs_build(PROJECT_ROOT / "mkdocs.yml", ours.site_dir, ours.url, PROJECT_ROOT)
                _floor_into(ours.site_dir)
                copy = root / "copy"
                copy.mkdir()
                config = copy_project(copy)
                article = copy / "docs" / ARTICLE_SOURCE
                article.write_text(without_widget(article.read_text(encoding="utf-8")), encoding="utf-8")
                _mkdocs_build(config, bare.site_dir, bare.url, PROJECT_ROOT)
                with ours.serving(), bare.serving(), sync_playwright() as playwright:
                    results["metrics"] |= measure_pages(
                        playwright, ours, bare, runs=args.runs, log=log, network=network
                    )
                    if args.engines and network is not None:
                        log("Firefox and WebKit not measured: --throttle slows Chromium only")
                    elif args.engines:
                        results["metrics"] |= measure_engines(
                            ours.url, engines=args.engines, runs=args.runs, log=log
                        )
            finally:
                ours.close()
                bare.close()
    if args.articles:
        results["metrics"] |= time_builds(args.articles, args.build_runs, log)
    results["load_after"] = os.getloadavg()
    results["table"] = [dict(zip(HEADERS, astuple(row), strict=True)) for row in results_table(results)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return results


def _counts(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse_engines(text: str) -> list[str]:
    """``--engines``: a comma-separated list of engine names, each one of ``webdriver.ENGINES``."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(names) - set(webdriver.ENGINES))
    if unknown:
        msg = f"unknown engine {', '.join(unknown)}: choose from {', '.join(webdriver.ENGINES)}"
        raise argparse.ArgumentTypeError(msg)
    return names


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark, print the table, write the JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="page runs (each: floor and ours, cold and warm)")
    parser.add_argument("--build-runs", type=int, default=1, help="runs of each article-count build")
    parser.add_argument(
        "--articles", type=_counts, default=[1, 10, 100], help="generated article counts, e.g. 1,10,100"
    )
    parser.add_argument("--skip-pages", action="store_true", help="only time the builds")
    parser.add_argument(
        "--throttle", type=float, default=0.0, help="emulate a network of this many Mbit/s down (0: none)"
    )
    parser.add_argument(
        "--latency", type=float, default=100.0, help="with --throttle: round-trip latency, ms"
    )
    parser.add_argument(
        "--engines",
        type=parse_engines,
        default=list(webdriver.ENGINES),
        help="engines besides Chromium to time the answer in, e.g. firefox,webkit ('' for none)",
    )
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench-results" / "bench.json")
    args = parser.parse_args(argv)
    results = run(args)
    machine = results["machine"]
    print(format_table(results_table(results)))  # noqa: T201
    print(  # noqa: T201
        f"\n{machine['cpus']} CPUs ({machine['cpu_model']}), {machine['system']}, "
        f"Chromium {results['metrics'].get('browser', '–')}; load average before "
        f"{results['load_before'][0]:.2f}, after {results['load_after'][0]:.2f}; "
        f"runs: {results['runs']} (medians); network: {results['network']}; JSON: {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
