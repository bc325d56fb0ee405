"""The built site as GitHub Pages serves it: under a sub-path, private, under its CSP.

Service workers are blocked here (see ``browser_context_args`` in conftest.py): Playwright's
routing (the ``trouble`` guard against other hosts) does not see requests a service worker
answers, so every request goes to the network where the guard sees it. ``test_offline.py``
covers the service worker.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, Response, expect

from tests.e2e.conftest import Trouble
from tests.e2e.site_pages import RECORD_VIOLATIONS, csp_violations, local_addresses, page_urls
from tests.e2e.widget import ARTICLE, CALL_ON, WIDGET, wait_until_ready

pytestmark = pytest.mark.e2e


@pytest.fixture
def watched(page: Page, site_url: str) -> list[str]:
    """Record CSP violations, and every response that is an error or leaves the site's sub-path."""
    page.add_init_script(RECORD_VIOLATIONS)
    problems: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400:
            problems.append(f"{response.status} {response.url}")
        elif not response.url.startswith((site_url, "data:", "blob:")):
            problems.append(f"outside {site_url}: {response.url}")

    page.on("response", on_response)
    return problems


def test_every_page_loads_only_from_the_site_under_its_sub_path(
    page: Page, site_url: str, built_site: Path, watched: list[str]
) -> None:
    urls = page_urls(built_site, site_url)
    assert f"{site_url}{ARTICLE}" in urls
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    for url in urls:
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, url
        if page.locator(WIDGET).count():
            wait_until_ready(page)  # the runtime and the wheel came in too
        page.wait_for_load_state("networkidle")  # Material's later fetches (sitemap, search)
        assert csp_violations(page) == [], url
    assert watched == []
    # The page's and its worker's requests all stayed under the sub-path, runtime included.
    assert all(url.startswith((site_url, "data:", "blob:")) for url in loaded)
    fetched = {url.split("?", 1)[0].removeprefix(site_url) for url in loaded}
    assert any(url.endswith(".min.css") for url in fetched)
    assert any(url.startswith("assets/pyodide/") and url.endswith("pyodide.asm.wasm") for url in fetched)
    assert any(url.startswith("assets/calculator/") and url.endswith(".whl.gz") for url in fetched)


def test_every_address_a_page_names_answers(site_url: str, built_site: Path) -> None:
    addresses = local_addresses(built_site, site_url)
    assert f"{site_url}{ARTICLE}" in addresses
    broken = []
    for url in sorted(addresses):
        try:
            with urllib.request.urlopen(url) as response:  # noqa: S310 (the test server's own http URLs)
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            broken.append(f"{status} {url}")
    assert broken == []


@pytest.mark.parametrize("missing", ["no-such-page/", "articles/no/such/page/", "assets/nothing.js"])
def test_a_missing_path_gets_the_site_404_page_fully_rendered(
    page: Page, site_url: str, missing: str, trouble: Trouble, watched: list[str]
) -> None:
    response = page.goto(f"{site_url}{missing}")
    assert response is not None
    assert response.status == 404
    # The 404 itself is what was asked for; everything it loads must succeed.
    watched.remove(f"404 {site_url}{missing}")
    trouble.expect(f"status of 404 (Not Found) ({site_url}{missing})")
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="404 - Not found")).to_be_visible()
    # Material's stylesheet applied (its header is a fixed bar), its script ran (document$),
    # and the site's own stylesheet and scripts loaded, all from absolute /second-date/ paths.
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") in {"sticky", "fixed"}
    assert page.evaluate("typeof window.document$?.subscribe") == "function"
    sheets = page.evaluate("[...document.styleSheets].map(s => [s.href, s.cssRules.length])")
    assert any(href and "calculator.css?v=" in href and rules for href, rules in sheets)
    assert any(href and "main." in href and rules > 100 for href, rules in sheets)
    # Its links lead back into the site, wherever the missing path was.
    assert page.get_by_role("link", name="Home").evaluate("a => a.href") == site_url
    assert csp_violations(page) == []
    assert watched == []


def test_calculator_answers_under_the_content_security_policy(
    page: Page, site_url: str, watched: list[str]
) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    policy = page.locator('head > meta[http-equiv="Content-Security-Policy"]')
    expect(policy).to_have_count(1)
    content = policy.get_attribute("content") or ""
    assert "'wasm-unsafe-eval'" in content
    assert "'unsafe-eval'" not in content
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    assert csp_violations(page) == []
    assert watched == []


def test_the_policy_is_enforced(page: Page, site_url: str, trouble: Trouble, watched: list[str]) -> None:
    """The control: an inline script the build did not hash does not run, and is reported."""
    page.goto(site_url)
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        ran = page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.append(script);
            return window.__injected === true;
        }""")
    assert ran is False
    page.wait_for_function("window.__cspViolations.length > 0")
    assert csp_violations(page) == ["script-src-elem blocked inline"]
    assert watched == []
    trouble.expect("Content Security Policy")


def test_materials_own_scripts_work_under_the_policy(page: Page, site_url: str, watched: list[str]) -> None:
    """Search (a worker and a fetched index) and the colour toggle (inline state script)."""
    page.goto(site_url)
    # Typed key by key: Material reads the query on keyup (fill() sends no key events).
    page.get_by_role("textbox", name="Search").press_sequentially("call")
    # The search worker answered: results for the article are in the page.
    results = page.locator(".md-search-result__item")
    expect(results.filter(has_text="How soon is too soon to call").first).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # The choice survives a full load: Material's inline script in <head> reads it back.
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert csp_violations(page) == []
    assert watched == []
