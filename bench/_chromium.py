"""The measures taken in headless Chromium, through Playwright.

Each visit runs :func:`bench._pages.observer_script` before the page's own scripts; it
collects long tasks, long animation frames, LCP and when the answer first shows.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypedDict, cast

from playwright.sync_api import Browser, Page, Playwright, Response

from bench._pages import observer_script, probe
from devtools import find_chromium

VISIT_TIMEOUT_MS = 120_000
#: The time zone and language of every browser context: a reader in Sydney.
_CONTEXT = {"timezone_id": "Australia/Sydney", "locale": "en-AU"}


class _Task(TypedDict):
    start: float
    duration: float


class _Frame(_Task):
    calculator: float


class _Observed(TypedDict):
    """What ``observe`` (``bench/pages/probes.js``) collected in a page."""

    longTasks: list[_Task]
    frames: list[_Frame] | None
    lcp: float
    answerAt: float


@dataclass
class Visit:
    """What one page load showed."""

    answer_ms: float
    long_tasks: list[float]
    lcp_ms: float
    #: The most the calculator's own scripts ran in one long animation frame; NaN where the
    #: browser does not report frames.
    calculator_frame_ms: float = float("nan")
    #: Every file the page and its workers fetched until the answer showed.
    urls: list[str] = field(default_factory=list)
    #: What the service worker fetched in the background to keep the site offline.
    offline_urls: list[str] = field(default_factory=list)
    #: How the calculator's Python started ("fresh" or "snapshot"); "" for the floor.
    python_start: str = ""
    round_trips: list[float] = field(default_factory=list)
    #: After the answer, the answers for regions not fetched yet (``new_regions``).
    region_trips: list[float] = field(default_factory=list)


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


def visit(  # noqa: PLR0913 (what to do after the answer is keyword-only)
    page: Page,
    url: str,
    *,
    answer: bool = True,
    round_trips: int = 0,
    new_regions: Sequence[tuple[str, str]] = (),
    network: Network | None = None,
) -> Visit:
    """Open ``url`` and wait for the answer (or, with ``answer=False``, for the load).

    Then time the answers for ``new_regions`` (each region's code and the call date it
    gives for the question asked), regions the page has not fetched yet, and then
    ``round_trips`` calculations.
    """
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
        page.wait_for_function(probe("answered"), timeout=VISIT_TIMEOUT_MS)
    page.wait_for_timeout(300)  # let the last paint and long-task entries arrive
    visited = list(urls)  # the visit's own files: not what the questions below fetch
    data = cast("_Observed", page.evaluate(probe("observed")))
    # The regions first: their call dates are the question's own (the round trips change it).
    regions = (
        cast("list[float]", page.evaluate(probe("newRegions"), list(new_regions))) if new_regions else []
    )
    trips = cast("list[float]", page.evaluate(probe("roundTrips"), round_trips)) if round_trips else []

    def until_answer[T: _Task](entries: list[T]) -> list[T]:
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
        urls=visited,
        offline_urls=offline_urls,
        python_start=cast("str", page.evaluate(probe("pythonStart"))) if answer else "",
        round_trips=trips,
        region_trips=regions,
    )


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium: the system's (see :func:`devtools.find_chromium`) or Playwright's."""
    chromium = find_chromium()
    return playwright.chromium.launch(executable_path=str(chromium) if chromium else None, headless=True)


@contextmanager
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A page in a context of its own (an empty cache), observed from its first script."""
    context = browser.new_context(**_CONTEXT)  # type: ignore[arg-type]
    context.add_init_script(observer_script())
    try:
        yield context.new_page()
    finally:
        context.close()


def warm_visit(playwright: Playwright, url: str, network: Network | None = None) -> Visit:
    """Visit ``url`` twice with one persistent profile; the second visit's figures."""
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="second-date-bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            headless=True,
            executable_path=str(chromium) if chromium else None,
            **_CONTEXT,  # type: ignore[arg-type]
        )
        try:
            context.add_init_script(observer_script())
            first = context.pages[0] if context.pages else context.new_page()
            visit(first, url, network=network)
            # A reader who stays a moment: the calculator keeps its snapshot (the floor has none).
            first.wait_for_function(probe("snapshotSettled"), timeout=VISIT_TIMEOUT_MS)
            first.close()
            return visit(context.new_page(), url, network=network)
        finally:
            context.close()
