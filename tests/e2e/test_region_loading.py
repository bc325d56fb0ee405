"""Region data in the browser: a region's file is fetched when the reader asks about it, checked
by its hash; a missing, altered or stalled file ends in the same alert and working Retry as a
failed start, with the reader's inputs kept; text that is no region's asks for no file."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import Trouble
from tests.e2e.test_loading import Breaker
from tests.e2e.widget import ARTICLE, WIDGET, call_on, hold_region_index, wait_until_ready

pytestmark = pytest.mark.e2e

#: Buddha's Birthday falls on Sunday 24 May 2026, so Monday 25 is off: call on Wednesday 27.
QUESTION = "?interviewed=2026-05-20&reply=2d&region=KR"
KOREA_CALL = "2026-05-27"
#: Lets the worker give up on a region file after 1.5 s, as the page does on a start with
#: ``SECOND_DATE_LOAD_TIMEOUT_MS``; prepended to the worker's module.
SHORT_REGION_TIMEOUT = b"globalThis.SECOND_DATE_REGION_TIMEOUT_MS = 1500;\n"


def region_requests(page: Page) -> list[str]:
    """The file names of every request for region data from now on, the worker's included."""
    names: list[str] = []

    def note(route: Route) -> None:
        names.append(unquote(route.request.url.rsplit("/", 1)[1].split("?")[0]))
        route.fallback()

    page.context.route(re.compile(r"/assets/regions/"), note)
    return names


def expect_alert_then_retry(page: Page, breaker: Breaker) -> None:
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "error", timeout=60_000)
    expect(widget.get_by_role("alert").filter(has_text="could not load")).to_be_visible()
    assert breaker.hits > 0
    expect(page.get_by_label("Where is the employer?")).to_have_value("KR")  # nothing typed was lost
    breaker.mend()
    widget.get_by_role("button", name="Retry").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", KOREA_CALL)
    expect(widget.get_by_role("button", name="Retry")).to_be_hidden()


def test_a_region_file_is_fetched_when_asked_for(page: Page, site_url: str) -> None:
    asked = region_requests(page)
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", KOREA_CALL)
    assert asked.count("KR.json") == 1
    # Another region, typed as a reader might: its own file, once, and no other region's.
    before = len(asked)
    page.get_by_label("Where is the employer?").fill("Québec")
    page.get_by_role("button", name="Work out my call date").click()
    expect(call_on(page)).to_have_attribute("datetime", "2026-05-26")
    assert [name for name in asked[before:] if name != "index.json"] == ["CA-QC.json"]


def test_a_region_named_by_code_is_answered_without_the_index(page: Page, site_url: str) -> None:
    release = hold_region_index(page)  # the list of regions does not come, for now
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", KOREA_CALL)
    expect(page.get_by_test_id("region-name")).to_have_text("South Korea")  # as the answer names it
    # When the reader comes to the field, the list comes and the field becomes the picker over it.
    release()
    page.get_by_label("Where is the employer?").focus()
    region = page.get_by_role("combobox", name="Where is the employer?")
    region.fill("Québec")
    page.get_by_role("button", name="Work out my call date").click()
    expect(call_on(page)).to_have_attribute("datetime", "2026-05-26")
    expect(page.get_by_test_id("region-name")).to_have_text("Quebec, Canada")


def test_text_that_names_no_region_asks_for_no_file(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    asked = region_requests(page)
    region = page.get_by_label("Where is the employer?")
    for typed in ("../", "..%2F..%2Findex", "x" * 500):
        region.fill(typed)
        page.get_by_role("button", name="Work out my call date").click()
        expect(page.locator("#cc-region-error")).to_contain_text("We don't have holidays for")
        expect(region).to_have_attribute("aria-invalid", "true")
        expect(region).to_have_value(typed)  # kept as typed, to be put right
    assert set(asked) <= {"index.json"}, asked  # the list of regions, to find the text in: no region's file


@pytest.mark.parametrize("odd", ["..%2F..%2Findex", "%2e%2e%2fKR", "../AU-NSW.json", "x" * 500])
def test_an_odd_region_in_the_address_asks_for_no_file(page: Page, site_url: str, odd: str) -> None:
    asked = region_requests(page)
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-05-20&reply=2d&region={odd}")
    wait_until_ready(page)
    error = page.locator("#cc-region-error")
    expect(error).to_contain_text("We don't have holidays for")
    expect(error).to_contain_text("Use a country code like GB, or a state like AU-NSW.")  # what to type
    expect(page.get_by_label("Where is the employer?")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("answer")).to_be_hidden()
    # The index, and the region this reader's zone suggests (Sydney's), fetched ahead: nothing else.
    assert set(asked) <= {"index.json", "AU-NSW.json"}, asked


def test_a_missing_region_file_fails_clearly_and_retry_recovers(
    page: Page, site_url: str, trouble: Trouble
) -> None:
    breaker = Breaker(page, "/KR.json", trouble)
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    expect_alert_then_retry(page, breaker)


def test_a_region_file_with_a_wrong_hash_is_refused(page: Page, site_url: str, trouble: Trouble) -> None:
    breaker = Breaker(page, "/KR.json", trouble, how="corrupt")
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    failure = page.locator(WIDGET).get_by_test_id("load-error")
    expect(failure).to_have_attribute("data-detail", re.compile("KR did not match its hash"), timeout=60_000)
    expect_alert_then_retry(page, breaker)


def test_a_region_file_that_never_arrives_times_out(page: Page, site_url: str, trouble: Trouble) -> None:
    def shorten(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=SHORT_REGION_TIMEOUT + response.body())

    page.context.route(re.compile(r"calculator-worker\.js"), shorten)
    stalled: list[Route] = []

    def stall(route: Route) -> None:
        stalled.append(route)  # never answered while the worker waits

    page.context.route(re.compile(r"/KR\.json"), stall)
    trouble.expect("KR.json")
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "error", timeout=60_000)
    expect(widget.get_by_role("alert").filter(has_text="could not load")).to_be_visible()
    page.context.unroute(re.compile(r"/KR\.json"))
    for route in stalled:
        route.abort()
    widget.get_by_role("button", name="Retry").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", KOREA_CALL)
    expect(page.get_by_label("Where is the employer?")).to_have_value("KR")
