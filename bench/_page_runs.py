"""The page runs in Chromium: the floor and ours alternating, cold and warm, and LCP pairs."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Playwright

from bench._answers import LONG_TASK_MS
from bench._chromium import Network, Visit, fresh_page, launch, visit, warm_visit
from bench._interviews import interviews_visit, saved_interviews
from bench._metrics import Metrics, Page
from bench._pages import ARTICLE_PATH, QUESTION, page_urls
from bench._regions import region_asks, site_table
from bench._sizes import Sizes, pages_kept, runtime_urls
from devtools import PagesServer

#: LCP varies by tens of milliseconds between loads of one page: more pairs per run than of
#: the other measures (which take seconds each) keep its median steady.
LCP_PAIRS_PER_RUN = 3
#: Calculations timed after the answer, on each cold visit of the article.
ROUND_TRIPS = 5

Log = Callable[[str], None]


def _empty_metrics() -> Metrics:
    return {
        "cold_answer_ms": {"floor": [], "ours": [], "worker": []},
        "warm_answer_ms": {"floor": [], "ours": []},
        "round_trip_ms": {"ours": []},
        "region_answer_ms": {"ours": []},
        "longest_task_ms": {"floor": [], "ours": [], "without": [], "worker": []},
        "long_tasks_over_50ms": {"floor": [], "ours": [], "without": [], "worker": []},
        "calculator_frame_ms": {"ours": [], "without": []},
        "bytes_raw": {"floor": [], "ours": [], "without": [], "worker": []},
        "bytes_gzip": {"floor": [], "ours": [], "without": [], "worker": []},
        "runtime_bytes_gzip": {"floor": [], "ours": [], "without": [], "worker": []},
        "offline_bytes_gzip": {"ours": [], "without": []},
        "warm_python_start": {"ours": []},
        "lcp_ms": {"without": [], "with": []},
        "interviews_listed_ms": [],
        "interviews_open_to_listed_ms": [],
        "interviews_ready_ms": [],
        "interviews_script_gzip": [],
        "interviews_worker_script_gzip": [],
        "files": {},
    }


def _record_load(m: Metrics, page: Page, loaded: Visit, sizes: Sizes) -> None:
    """What every measured load adds: its long tasks and its bytes."""
    m["longest_task_ms"][page].append(max(loaded.long_tasks, default=0.0))
    m["long_tasks_over_50ms"][page].append(sum(t > LONG_TASK_MS for t in loaded.long_tasks))
    m["bytes_gzip"][page].append(sizes.total(loaded.urls))
    m["runtime_bytes_gzip"][page].append(sizes.total(runtime_urls(loaded.urls)))
    m["bytes_raw"][page].append(sizes.raw(loaded.urls))
    m["files"][page] = sorted({urlsplit(u).path for u in loaded.urls})
    if page in {"ours", "without"}:
        m["calculator_frame_ms"][page].append(loaded.calculator_frame_ms)
        m["offline_bytes_gzip"][page].append(sizes.total(pages_kept(loaded.offline_urls)))


class _PageVisits:
    """The page runs' visits (cold, warm, LCP pairs), each recorded in ``metrics``."""

    def __init__(
        self,
        playwright: Playwright,
        browser: Browser,
        ours: PagesServer,
        bare: PagesServer,
        network: Network | None,
    ) -> None:
        self.playwright, self.browser, self.network = playwright, browser, network
        self.urls = page_urls(ours.url)
        self.server_url = ours.url
        self.bare_url = f"{bare.url}{ARTICLE_PATH}{QUESTION}"
        self.sizes, self.bare_sizes = Sizes(ours.url, ours.site_dir), Sizes(bare.url, bare.site_dir)
        self.metrics = _empty_metrics()
        self.new_regions = region_asks(ours.site_dir)
        self.saved = saved_interviews(site_table(ours.site_dir))

    def cold(self, order: list[Page], log: Log) -> None:
        """A cold visit of each page in ``order``, then of the worker alone."""
        m = self.metrics
        for page in [*order, "worker"]:
            with fresh_page(self.browser) as tab:
                trips = ROUND_TRIPS if page == "ours" else 0
                regions = self.new_regions if page == "ours" else []
                loaded = visit(
                    tab, self.urls[page], round_trips=trips, new_regions=regions, network=self.network
                )
            m["cold_answer_ms"][page].append(loaded.answer_ms)
            _record_load(m, page, loaded, self.sizes)
            m["round_trip_ms"]["ours"].extend(loaded.round_trips)
            m["region_answer_ms"]["ours"].extend(loaded.region_trips)
            log(f"cold {page} {loaded.answer_ms:,.0f} ms")

    def warm(self, order: list[Page], log: Log) -> None:
        """A warm visit (the second in one profile) of each page in ``order``."""
        for page in order:
            loaded = warm_visit(self.playwright, self.urls[page], self.network)
            self.metrics["warm_answer_ms"][page].append(loaded.answer_ms)
            if page == "ours":
                self.metrics["warm_python_start"]["ours"].append(loaded.python_start)
            log(f"warm {page} {loaded.answer_ms:,.0f} ms")

    def lcp(self, with_first: bool, log: Log) -> None:  # noqa: FBT001 (the run's order)
        """:data:`LCP_PAIRS_PER_RUN` pairs of loads of the article, with the widget and without."""
        pair = ["with", "without"] if with_first else ["without", "with"]
        for name in pair * LCP_PAIRS_PER_RUN:
            with fresh_page(self.browser) as tab:
                url = self.urls["ours"] if name == "with" else self.bare_url
                loaded = visit(tab, url, answer=name == "with", network=self.network)
            self.metrics["lcp_ms"]["with" if name == "with" else "without"].append(loaded.lcp_ms)
            if name == "without":
                _record_load(self.metrics, "without", loaded, self.bare_sizes)
            log(f"LCP {name} widget {loaded.lcp_ms:,.0f} ms")

    def interviews(self, log: Log) -> None:
        """My interviews with its saved interviews, on a cold visit."""
        found = interviews_visit(self.browser, self.server_url, self.sizes, self.network, self.saved)
        m = self.metrics
        m["interviews_listed_ms"] += found["interviews_listed_ms"]
        m["interviews_open_to_listed_ms"] += found["interviews_open_to_listed_ms"]
        m["interviews_ready_ms"] += found["interviews_ready_ms"]
        m["interviews_script_gzip"] += found["interviews_script_gzip"]
        m["interviews_worker_script_gzip"] += found["interviews_worker_script_gzip"]
        log(f"My interviews listed {found['interviews_listed_ms'][0]:,.0f} ms after ready")


def measure_pages(  # noqa: PLR0913 (settings after the two servers are keyword-only)
    playwright: Playwright,
    ours: PagesServer,
    bare: PagesServer,
    *,
    runs: int,
    log: Log,
    network: Network | None = None,
) -> Metrics:
    """Every browser measure, ``runs`` times, floor and ours alternating.

    ``ours`` serves the site as built (with the floor page added), ``bare`` the same
    site built without the widget's marker in the article.
    """
    browser = launch(playwright)
    pages = _PageVisits(playwright, browser, ours, bare, network)
    try:
        for run in range(runs):
            order: list[Page] = ["floor", "ours"] if run % 2 == 0 else ["ours", "floor"]

            def log_run(line: str, run: int = run) -> None:
                log(f"run {run + 1}: {line}")

            pages.cold(order, log_run)
            pages.warm(order, log_run)
            pages.lcp(run % 2 == 1, log_run)
            pages.interviews(log_run)
        pages.metrics["browser"] = browser.version
        if network is not None:
            pages.metrics["network_mbps"] = network.download_mbps
    finally:
        browser.close()
    return pages.metrics
