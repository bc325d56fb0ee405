"""Loading: a staged status while Python starts, and a clear failure with a working Retry
when the runtime or the wheel cannot be had; the article stays readable throughout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from devtools import PagesServer
from tests.e2e.conftest import Trouble
from tests.e2e.widget import ARTICLE, WIDGET, call_on, wait_until_ready, wait_until_wired

pytestmark = pytest.mark.e2e

QUESTION = "?interviewed=2026-12-17&reply=1w&region=AU-NSW"
#: Appended to the worker by ``Breaker(how="crash")``: it dies on the first question it gets,
#: with a request outstanding, as a worker does when Python runs out of memory.
CRASH = """
self.addEventListener("message", (event) => {
  if (event.data?.type !== "plan") return;
  event.stopImmediatePropagation();
  throw new Error("simulated worker crash");
});
"""


class Breaker:
    """Fails every request whose URL matches, until ``mend()``."""

    def __init__(self, page: Page, pattern: str, trouble: Trouble, how: str = "404") -> None:
        self.broken = True
        self.hits = 0
        self.how = how
        trouble.expect(pattern.strip("*"))
        page.context.route(re.compile(re.escape(pattern.strip("*"))), self._handle)

    def _handle(self, route: Route) -> None:
        if not self.broken:
            route.fallback()
            return
        self.hits += 1
        if self.how == "404":
            route.fulfill(status=404, body="Not found")
        elif self.how == "corrupt":
            response = route.fetch()
            route.fulfill(response=response, body=response.body()[:-20] + b"\0" * 20)
        elif self.how == "crash":  # a listener ahead of the worker's own, so it runs first
            response = route.fetch()
            route.fulfill(response=response, body=CRASH.encode() + response.body())
        else:
            route.abort("failed")

    def mend(self) -> None:
        self.broken = False


def expect_failure_then_retry(page: Page, breaker: Breaker) -> None:
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "error", timeout=60_000)
    alert = widget.get_by_role("alert").filter(has_text="could not")
    expect(alert).to_be_visible()
    assert breaker.hits > 0
    # The article around the widget is still there to read.
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    breaker.mend()
    widget.get_by_role("button", name="Retry").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    expect(widget.get_by_role("button", name="Retry")).to_be_hidden()


def test_missing_wheel_fails_clearly_and_retry_recovers(page: Page, site_url: str, trouble: Trouble) -> None:
    breaker = Breaker(page, ".whl", trouble)
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    expect_failure_then_retry(page, breaker)


def test_wheel_with_a_wrong_hash_is_refused(page: Page, site_url: str, trouble: Trouble) -> None:
    breaker = Breaker(page, ".whl", trouble, how="corrupt")
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    expect_failure_then_retry(page, breaker)


def test_missing_runtime_fails_clearly_and_retry_recovers(
    page: Page, site_url: str, trouble: Trouble
) -> None:
    breaker = Breaker(page, "pyodide.asm.wasm", trouble)
    trouble.expect("wasm instantiation failed")  # Pyodide's own warnings
    trouble.expect("WebAssembly")
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    expect_failure_then_retry(page, breaker)


def test_a_worker_that_crashes_mid_calculation_fails_clearly_and_retry_recovers(
    page: Page, site_url: str, trouble: Trouble
) -> None:
    breaker = Breaker(page, "calculator-worker.js", trouble, how="crash")
    trouble.expect("simulated worker crash")
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "error", timeout=60_000)
    expect(widget.get_by_role("alert").filter(has_text="stopped unexpectedly")).to_be_visible()
    expect(page.get_by_test_id("answer")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert breaker.hits == 1
    breaker.mend()
    widget.get_by_role("button", name="Retry").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")  # the lost question, asked again
    expect(widget.get_by_role("button", name="Retry")).to_be_hidden()


@pytest.fixture
def slow_site(built_site: Path, tmp_path: Path) -> Iterator[str]:
    """The same built site behind a slow network: every answer, page or runtime, 3 s late."""
    server = PagesServer(tmp_path, "/second-date/", delay=3.0)
    server.site_dir.symlink_to(built_site, target_is_directory=True)
    with server.serving() as url:
        yield url
    server.close()


def test_offline_before_python_arrives_fails_clearly_and_retry_recovers(
    page: Page, site_url: str, trouble: Trouble
) -> None:
    # A first visit: the article and its scripts arrived, then the connection dropped before Python did
    # (no service worker has kept anything yet: the browser context blocks them). The
    # page's clock stands still, so the idle-time start cannot beat the drop.
    page.clock.install()
    page.goto(f"{site_url}{ARTICLE}")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "loading")
    wait_until_wired(page)  # the page's own scripts are in; only Python is still to come
    page.context.set_offline(True)
    trouble.expect("ERR_INTERNET_DISCONNECTED")  # how the runtime's fetches fail offline
    trouble.expect("(net::ERR_ABORTED)")  # and the worker's own script, if it was not in yet
    # Material fetches its search index and sitemap when it gets round to them, and does
    # not catch the failure offline: its errors, not the calculator's.
    trouble.expect("page error: Failed to fetch")
    page.get_by_label("When was the interview?").fill("2026-12-17")
    page.get_by_label("How many").fill("1")
    page.get_by_label("Where is the employer?").fill("AU-NSW")
    page.get_by_role("button", name="Work out my call date").click()
    expect(widget).to_have_attribute("data-status", "error", timeout=60_000)
    expect(widget.get_by_role("alert").filter(has_text="Check your connection")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.context.set_offline(False)
    widget.get_by_role("button", name="Retry").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    expect(page.get_by_label("Where is the employer?")).to_have_value("AU-NSW")  # nothing typed was lost


def test_a_slow_network_only_makes_it_slower(page: Page, slow_site: str) -> None:
    page.goto(f"{slow_site}{ARTICLE}{QUESTION}", timeout=30_000)
    widget = page.locator(WIDGET)
    status = widget.get_by_role("status").first
    # Each of the runtime's files takes 3 s: the reader sees why they are waiting.
    expect(status).to_have_text(re.compile("Downloading Python|Starting the calculator"), timeout=30_000)
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    expect(widget.get_by_test_id("load-error")).to_be_hidden()


def test_a_load_that_never_ends_times_out(page: Page, site_url: str, trouble: Trouble) -> None:
    page.add_init_script("globalThis.SECOND_DATE_LOAD_TIMEOUT_MS = 1500")
    stalled: list[Route] = []

    def stall(route: Route) -> None:
        stalled.append(route)  # never answered while the test waits for the time-out

    page.context.route(re.compile(r"python_stdlib\.zip"), stall)
    trouble.expect("python_stdlib.zip")
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "error", timeout=30_000)
    expect(widget.get_by_role("alert").filter(has_text="too long")).to_be_visible()
    page.context.unroute(re.compile(r"python_stdlib\.zip"))
    for route in stalled:
        route.abort()
    page.evaluate("globalThis.SECOND_DATE_LOAD_TIMEOUT_MS = 0")  # back to the real limit
    widget.get_by_role("button", name="Retry").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")


def test_status_is_announced_while_python_loads(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    status = page.locator(WIDGET).get_by_role("status").first
    expect(status).to_have_attribute("aria-live", "polite")
    # Loading takes seconds here, so the staged status appears before the answer.
    expect(status).to_have_text(re.compile("Downloading Python|Starting the calculator"), timeout=30_000)
    wait_until_ready(page)
    expect(status).to_have_text("Ready.")


def test_the_form_takes_input_while_python_loads(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "loading")
    wait_until_wired(page)  # the page's script is in, while Python still loads
    page.get_by_label("When was the interview?").fill("2026-12-17")
    page.get_by_label("How many").fill("1")
    page.get_by_role("button", name="Work out my call date").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")


def test_article_reads_without_javascript(site_url: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}{ARTICLE}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("article")).to_contain_text("working day")  # the rule, in words
    # Playwright turns off script execution, not the parser's scripting flag, so the
    # <noscript> note is checked as markup here rather than as rendered text.
    assert "The calculator needs JavaScript" in page.locator("noscript").inner_html()
    context.close()
