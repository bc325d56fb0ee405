"""The walking skeleton: the calculator answers in a real browser, under a sub-path,
on first load and after Material's instant navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.widget import ARTICLE, CALL_ON, wait_until_ready

pytestmark = pytest.mark.e2e


def test_answers_from_the_query_string(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w")
    wait_until_ready(page)
    # Thu 17 Dec + a week = Thu 24 Dec; the second working day after it (Mon–Fri) is Mon 28 Dec.
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-28")
    expect(page.locator(CALL_ON)).to_have_text("Monday, 28 December 2026")


def test_answers_what_the_reader_types_and_keeps_it_in_the_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    wait_until_ready(page)
    page.get_by_label("Interview date").fill("2026-03-02")
    page.get_by_label("When they said they would answer").fill("5d")
    page.get_by_role("button", name="Work out my call date").click()
    # Mon 2 Mar + 5 days = Sat 7 Mar; two working days after it: Tue 10 Mar.
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-03-10")
    assert "interviewed=2026-03-02" in page.url
    assert "reply=5d" in page.url


def test_a_reply_it_cannot_read_is_named_at_its_field(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=soon")
    wait_until_ready(page)
    reply = page.get_by_label("When they said they would answer")
    expect(reply).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#cc-reply-error")).to_be_visible()
    expect(reply).to_have_value("soon")  # what the reader typed is still there to correct
    reply.fill("2w")
    reply.press("Enter")
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2027-01-04")
    expect(reply).not_to_have_attribute("aria-invalid", "true")


def test_works_after_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="How soon is too soon to call?").first.click()
    expect(page).to_have_url(f"{site_url}{ARTICLE}")
    wait_until_ready(page)
    # Instant navigation swapped the content without loading a new document.
    assert page.evaluate("window.__sameDocument") is True
    page.get_by_label("Interview date").fill("2026-12-17")
    page.get_by_label("When they said they would answer").fill("1w")
    page.get_by_role("button", name="Work out my call date").click()
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-28")

    # Away and back again: the new copy of the widget is wired to the same worker.
    page.get_by_role("link", name="Home").first.click()
    expect(page).to_have_url(site_url)
    page.go_back()  # to the article, its address holding what was typed
    wait_until_ready(page)
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-28")
