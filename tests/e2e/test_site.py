"""Every page of the built site, in the light and the dark scheme: no serious or critical
accessibility violation (axe-core, from the npm registry, injected from node_modules) and a
quiet console (the ``trouble`` fixture fails the test on any error or warning)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.interviews import INTERVIEWS, interview, keep_in_storage, wait_listed
from tests.e2e.widget import ARTICLE, WIDGET, call_on, freeze_today, wait_until_ready

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
#: What Material sets on <body> for each of the site's two palettes.
SCHEMES = {"light": "default", "dark": "slate"}
RUN_AXE = """async () => {
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + ": " + n.failureSummary),
        }));
}"""


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Let the test inject axe-core: the site's policy (tested on its own in
    ``test_published_site.py``) rightly refuses an inline script it does not know."""
    return {**browser_context_args, "bypass_csp": True}


def site_pages(site: Path) -> list[str]:
    """Every HTML page the build wrote, as a path under the site's address."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site)
        if relative.parts[0] == "assets":
            continue
        path = relative.as_posix()
        pages.append(path.removesuffix("index.html"))
    return pages


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical findings for the page as it stands."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE)
    return violations


def describe(where: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        nodes = "\n    ".join(violation["nodes"])
        lines.append(f"{where}: {violation['impact']} {violation['id']} ({violation['help']})\n    {nodes}")
    return lines


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_is_accessible_and_quiet(page: Page, site_url: str, built_site: Path, scheme: str) -> None:
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    pages = site_pages(built_site)
    assert len(pages) >= 10, pages
    found: list[str] = []
    for path in pages:
        response = page.goto(f"{site_url}{path}")
        assert response is not None
        assert response.status == 200, path
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
        if page.locator(WIDGET).count():
            wait_until_ready(page)  # Python loaded without a murmur, and nothing left half-done
        found += describe(f"/{path} ({scheme})", serious_violations(page))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_calculator_with_an_answer_and_with_an_error_is_accessible(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW&considering=2026-12-29")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    page.get_by_text("Why this date").click()  # the reasons open, with their links
    expect(page.get_by_test_id("too-soon-verdict")).to_contain_text("Too soon")
    page.get_by_test_id("save-plan").click()  # saved: the status and the way to My interviews
    expect(page.get_by_test_id("interviews-link")).to_be_visible()
    found = describe(f"answer ({scheme})", serious_violations(page))

    region = page.get_by_label("Where is the employer?")
    region.fill("Atlantis")
    region.dispatch_event("change")
    expect(region).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#cc-region-error")).to_be_visible()
    found += describe(f"field error ({scheme})", serious_violations(page))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_my_interviews_with_interviews_and_a_refused_file_is_accessible(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    freeze_today(page, "2027-01-04")
    page.goto(f"{site_url}{INTERVIEWS}")
    wait_listed(page)
    nsw = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "channel": "phone"}
    keep_in_storage(
        page,
        site_url,
        [
            interview("late", "Overdue Co", **nsw),
            interview("wait", "", **{**nsw, "interviewed": "2027-01-04"}),
            interview("odd", "Odd Co", **{**nsw, "region": "AU-XX"}),
            interview("done", "Done Co", outcome="offer", **nsw),
        ],
    )
    page.reload()
    wait_listed(page)
    page.get_by_test_id("import-file").set_input_files(
        {"name": "x.json", "mimeType": "application/json", "buffer": b"{"}
    )
    expect(page.get_by_test_id("import-error")).to_be_visible()
    page.get_by_test_id("delete-all").click()  # the question it asks once
    expect(page.get_by_test_id("confirm-delete-all")).to_be_visible()
    found = describe(f"My interviews ({scheme})", serious_violations(page))
    assert not found, "\n".join(found)
