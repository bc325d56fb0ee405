"""Offline after one visit: the service worker keeps the pages and the calculator.

The test server counts what reaches it, so "offline" here means it: once the context is
offline, not one request may get through to the server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from devtools import _server as serve
from tests.e2e.widget import ARTICLE, CALL_ON, WIDGET, wait_until_ready

pytestmark = pytest.mark.e2e

OFFLINE_READY = 'html[data-offline="calculator"]'


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """The service worker is what this module tests (conftest.py blocks it elsewhere)."""
    return {**browser_context_args, "service_workers": "allow"}


@pytest.fixture
def server_hits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path the test server is asked for while the test runs."""
    hits: list[str] = []
    original = serve._PagesHandler.send_head  # noqa: SLF001 (the test server is the project's own)

    def counting(handler: Any) -> Any:
        hits.append(handler.path)
        return original(handler)

    monkeypatch.setattr(serve._PagesHandler, "send_head", counting)  # noqa: SLF001
    return hits


@pytest.fixture
def online(page: Page) -> Iterator[None]:
    yield
    page.context.set_offline(False)


def visit_once(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    expect(page.locator(OFFLINE_READY)).to_have_count(1, timeout=60_000)


@pytest.mark.usefixtures("online")
def test_after_one_visit_the_article_and_calculator_work_offline(
    page: Page, site_url: str, server_hits: list[str]
) -> None:
    visit_once(page, site_url)
    page.context.set_offline(True)
    server_hits.clear()

    response = page.reload()
    assert response is not None
    assert response.from_service_worker
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    expect(page.get_by_role("heading", level=1)).to_contain_text("How soon is too soon to call")

    # Instant navigation to another page works offline too, and so does coming back.
    page.get_by_role("link", name="Second Date").first.click()  # the header's home link
    expect(page).to_have_url(site_url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.go_back()
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    # Only the browser's check for a new deploy (it fetches sw.js itself) reached the server.
    assert [hit for hit in server_hits if not hit.endswith("/sw.js")] == []


@pytest.mark.usefixtures("online")
def test_reaching_the_calculator_by_instant_navigation_also_keeps_it(
    page: Page, site_url: str, server_hits: list[str]
) -> None:
    # The service worker is active before the calculator's worker starts: the runtime then
    # comes through the service worker, which keeps it as it passes.
    page.goto(site_url)
    expect(page.locator('html[data-offline="pages"]')).to_have_count(1)
    page.get_by_role("link", name="How soon is too soon to call?").first.click()
    expect(page).to_have_url(f"{site_url}{ARTICLE}")
    wait_until_ready(page)
    expect(page.locator(OFFLINE_READY)).to_have_count(1, timeout=60_000)
    page.context.set_offline(True)
    server_hits.clear()

    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    assert [hit for hit in server_hits if not hit.endswith("/sw.js")] == []


@pytest.mark.usefixtures("online")
def test_a_page_never_visited_answers_with_the_site_404_page_offline(page: Page, site_url: str) -> None:
    visit_once(page, site_url)
    page.context.set_offline(True)
    page.goto(f"{site_url}never/visited/")
    expect(page.get_by_role("heading", name="404 - Not found")).to_be_visible()


def test_a_new_deploy_replaces_the_old_caches(page: Page, site_url: str, built_site: Path) -> None:
    visit_once(page, site_url)
    # The calculator's worker keeps Python's snapshot in a cache of its own, beside the service worker's.
    expect(page.locator(WIDGET)).to_have_attribute("data-python-snapshot", "kept", timeout=60_000)
    worker = built_site / "sw.js"
    source = worker.read_text(encoding="utf-8")
    old = re.search(r'"version":"([0-9a-f]+)"', source)
    assert old
    prefix = f"second-date:{urlsplit(site_url).path}:"  # the site's own caches, by its path
    old_pages = f"{prefix}pages-{old.group(1)}"
    calculator = re.search(r'"calculator_version":"([0-9a-f]+)"', source)
    assert calculator
    calculator_cache = f"{prefix}calculator-{calculator.group(1)}"
    snapshot_cache = f"{prefix}python-snapshot"
    regions = re.search(r'"regions_version":"([0-9a-f]+)"', source)
    assert regions
    regions_cache = f"{prefix}regions-{regions.group(1)}"  # the index and AU-NSW's file, used
    assert sorted(page.evaluate("caches.keys()")) == sorted(
        [calculator_cache, old_pages, regions_cache, snapshot_cache]
    )
    # Another project site of the same owner shares the origin, and so Cache Storage.
    neighbour = "second-date:/another-repo/:pages-0ld"
    page.evaluate("name => caches.open(name).then(() => true)", neighbour)
    try:
        # A new deploy: the same site with a new version in its service worker. The runtime
        # did not change, so its cache stays: the reader does not download it again; nor
        # does the snapshot's (the calculator's worker replaces it when the runtime changes),
        # nor the regions' (the region data did not change either).
        worker.write_text(source.replace(old.group(0), '"version":"0new0deploy0"'), encoding="utf-8")
        new_pages = f"{prefix}pages-0new0deploy0"
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_function(
            "expected => caches.keys().then(names => names.sort().join(' ') === expected)",
            arg=" ".join(sorted([calculator_cache, snapshot_cache, regions_cache, new_pages, neighbour])),
        )
    finally:
        worker.write_text(source, encoding="utf-8")
