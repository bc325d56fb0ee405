"""The region picker: the region field as a WAI-ARIA combobox over the region index, by keyboard,
pointer and screen reader, at 360 px, light and dark; and the plain field without JavaScript."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.test_site import describe, serious_violations
from tests.e2e.widget import ARTICLE, call_on, fits_across, hold_region_index, wait_until_ready

pytestmark = pytest.mark.e2e

#: Buddha's Birthday falls on Sunday 24 May 2026: in Korea, call on Wednesday 27.
QUESTION = "?interviewed=2026-05-20&reply=2d&region=KR"
CALLS = {"KR": "2026-05-27", "CA-QC": "2026-05-26"}


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Let the test inject axe-core (as test_site.py does): the policy is tested on its own."""
    return {**browser_context_args, "bypass_csp": True}


def picker(page: Page, *, come: bool = False) -> Locator:
    """The region field, once the picker has made it a combobox.

    ``come``: the reader comes to the field first, as a page with a question needs: it
    fetches the list of regions only then.
    """
    if come:
        page.get_by_label("Where is the employer?").focus()
    region = page.get_by_role("combobox", name="Where is the employer?")
    expect(region).to_have_attribute("aria-expanded", "false")
    return region


def options(page: Page) -> Locator:
    return page.get_by_role("listbox").get_by_role("option")


def test_no_list_of_every_region_rides_in_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    assert page.locator("datalist").count() == 0
    assert page.locator("#cc-region [list], option[value='AU-NSW']").count() == 0
    expect(picker(page)).to_have_value("AU-NSW")  # suggested for a reader in Sydney, from the index


def test_typed_names_and_codes_any_case_any_accents(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    region = picker(page)
    for typed, first in [
        ("Québec", "CA-QC"),
        ("quebec", "CA-QC"),
        ("QC", "CA-QC"),
        ("CA-QC", "CA-QC"),
        ("Sao Paulo", "BR-SP"),
        ("south korea", "KR"),
        ("UK", "GB"),
    ]:
        region.fill(typed)
        expect(region).to_have_attribute("aria-expanded", "true")
        expect(options(page).first).to_have_attribute("data-sd-code", first)
        count = options(page).count()
        places = "place" if count == 1 else "places"
        expect(page.get_by_role("status").filter(has_text="found")).to_have_text(
            f"{count} {places} found: use the down arrow to choose."
        )


def test_chosen_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", CALLS["KR"])
    region = picker(page, come=True)
    region.fill("")
    region.press_sequentially("que")
    expect(region).to_have_attribute("aria-expanded", "true")
    expect(region).not_to_have_attribute("aria-activedescendant", r".+")
    region.press("ArrowDown")
    first = options(page).first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(region).to_have_attribute("aria-activedescendant", first.get_attribute("id") or "?")
    region.press("End")
    expect(options(page).last).to_have_attribute("aria-selected", "true")
    region.press("Home")
    expect(first).to_have_attribute("aria-selected", "true")
    region.press("Escape")  # closes the list, keeps what was typed
    expect(region).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(region).to_have_value("que")
    region.press("ArrowDown")  # opens it again, on the first option
    expect(first).to_have_attribute("aria-selected", "true")
    region.press("Enter")
    expect(region).to_have_value("CA-QC")
    expect(region).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_test_id("region-name")).to_have_text("Quebec, Canada")
    expect(call_on(page)).to_have_attribute("datetime", CALLS["CA-QC"])
    expect(page).to_have_url(re.compile(r"[?&]region=CA-QC(&|$)"))  # the address follows


def test_what_was_typed_before_the_list_came_is_offered_when_it_comes(page: Page, site_url: str) -> None:
    release = hold_region_index(page)
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", CALLS["KR"])
    field = page.get_by_label("Where is the employer?")
    field.fill("que")  # the page asks for the list of regions now; it does not come yet
    release()
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(options(page).first).to_have_attribute("data-sd-code", "CA-QC")
    expect(field).to_have_value("que")


#: Puts the reader in the region field as soon as the parser has made it, before the page's
#: module scripts (deferred) run.
FOCUS_THE_FIELD_AT_ONCE = """
new MutationObserver((_, observer) => {
  const field = document.getElementById("cc-region");
  if (field) {
    observer.disconnect();
    field.focus();
  }
}).observe(document, { childList: true, subtree: true });
"""


def test_a_reader_in_the_field_before_the_script_runs_gets_the_picker(page: Page, site_url: str) -> None:
    page.add_init_script(FOCUS_THE_FIELD_AT_ONCE)
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    region = picker(page)
    expect(region).to_be_focused()
    expect(region).to_have_value("KR")


def test_chosen_by_pointer_and_kept_through_a_reload(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-05-20&reply=2d&region=CA-QC")
    wait_until_ready(page)
    region = picker(page, come=True)
    region.fill("south k")
    options(page).filter(has_text="South Korea").click()
    expect(region).to_have_value("KR")
    expect(region).to_be_focused()
    expect(call_on(page)).to_have_attribute("datetime", CALLS["KR"])
    expect(page).to_have_url(re.compile(r"[?&]region=KR(&|$)"))  # the address follows the answer
    page.reload()
    expect(picker(page, come=True)).to_have_value("KR")
    expect(page.get_by_test_id("region-name")).to_have_text("South Korea")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_list_is_accessible_and_fits_360_pixels(page: Page, site_url: str, scheme: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}{ARTICLE}")
    region = picker(page)
    region.fill("new")
    region.press("ArrowDown")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    fits_across(page, listbox)
    found = describe(f"open list ({scheme})", serious_violations(page))
    assert not found, "\n".join(found)


def test_without_javascript_the_field_takes_a_name(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    page = context.new_page()
    try:
        page.goto(f"{site_url}{ARTICLE}")
        region = page.get_by_role("textbox", name="Where is the employer?")
        expect(region).to_be_visible()
        expect(region).not_to_have_attribute("role", "combobox")
        region.fill("Québec")
        expect(region).to_have_value("Québec")
    finally:
        context.close()
