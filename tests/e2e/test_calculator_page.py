"""The calculator in the article: answering in a real browser, under a sub-path, from the
address bar and from the form, and after Material's instant navigation."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.widget import ARTICLE, call_on, fill_span, freeze_today, wait_until_ready, wait_until_wired

pytestmark = pytest.mark.e2e


def test_answers_from_the_query_string(page: Page, site_url: str) -> None:
    freeze_today(page, "2026-12-18")
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    wait_until_ready(page)
    # Thu 24 Dec was the day; Christmas, the weekend and Boxing Day (observed) don't count.
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    expect(call_on(page)).to_have_text("Wednesday 30 December")  # this year: no year to read
    expect(page.get_by_test_id("countdown")).to_have_text("That’s in 12 days.")

    freeze_today(page, "2027-01-05")
    page.reload()
    wait_until_ready(page)
    expect(call_on(page)).to_have_text("Wednesday 30 December 2026")
    expect(page.get_by_test_id("countdown")).to_have_text("That was 6 days ago: call now.")


def test_form_answers_and_the_address_keeps_the_state(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    wait_until_wired(page)
    page.get_by_label("When was the interview?").fill("2026-03-02")
    fill_span(page, "5", "days")
    page.get_by_label("Email").check()
    page.get_by_role("button", name="Work out my call date").click()
    wait_until_ready(page)
    # Mon 2 Mar + 5 days = Sat 7 Mar; the two working days after it: Mon 9, Tue 10 Mar.
    expect(call_on(page)).to_have_attribute("datetime", "2026-03-10")
    # The address follows the answer once it is drawn (widget.js, afterNextFrame).
    expect(page).to_have_url(re.compile(r"[?&]interviewed=2026-03-02(&|$)"))
    state = parse_qs(urlsplit(page.url).query)
    assert state["interviewed"] == ["2026-03-02"]
    assert state["reply"] == ["5d"]
    assert state["channel"] == ["email"]
    assert state["region"] == ["AU-NSW"]  # suggested from the reader's time zone, Sydney

    # The address alone brings the same form back.
    page.goto(page.url)
    wait_until_ready(page)
    expect(page.get_by_label("How many")).to_have_value("5")
    expect(page.get_by_label("of what")).to_have_value("d")
    expect(page.get_by_label("Email")).to_be_checked()
    expect(call_on(page)).to_have_attribute("datetime", "2026-03-10")


def test_state_from_the_address_fills_every_control(page: Page, site_url: str) -> None:
    page.goto(
        f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=2027-01-08&region=GB-SCT"
        "&pending=references,hr&channel=email"
    )
    wait_until_ready(page)
    expect(page.get_by_label("A day they named")).to_be_checked()
    expect(page.get_by_label("The day they named")).to_have_value("2027-01-08")
    expect(page.get_by_label("Reference checks")).to_be_checked()
    expect(page.get_by_label("HR forms and approvals")).to_be_checked()
    expect(page.get_by_label("A security clearance")).not_to_be_checked()
    expect(page.get_by_label("Email")).to_be_checked()
    expect(page.get_by_label("Where is the employer?")).to_have_value("GB-SCT")
    expect(page.get_by_test_id("region-name")).to_have_text("Scotland, United Kingdom")


def test_a_reply_it_cannot_read_is_named_at_its_field(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=soon&region=AU-NSW")
    wait_until_ready(page)
    count = page.get_by_label("How many")
    expect(count).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#cc-reply-error")).to_be_visible()
    expect(count).to_have_value("soon")  # what the reader typed is still there to correct
    count.fill("2")
    count.press("Enter")
    # Thu 31 Dec; New Year's Day and the weekend pass; Mon 4 and Tue 5 Jan are the two days.
    expect(call_on(page)).to_have_attribute("datetime", "2027-01-05")
    expect(count).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#cc-reply-error")).to_be_hidden()


def test_works_after_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="How soon is too soon to call?").first.click()
    expect(page).to_have_url(f"{site_url}{ARTICLE}")
    wait_until_wired(page)  # the new page's widget, once its modules are in
    page.get_by_label("When was the interview?").fill("2026-12-17")
    fill_span(page, "1", "weeks")
    page.get_by_role("button", name="Work out my call date").click()
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    expect(page).to_have_url(re.compile(r"[?&]interviewed=2026-12-17(&|$)"))  # it follows the answer
    # Instant navigation swapped the content without loading a new document.
    assert page.evaluate("window.__sameDocument") is True

    # Away and back again: the new copy of the widget is wired to the same worker.
    page.get_by_role("link", name="Second Date").first.click()  # the header's home link
    expect(page).to_have_url(site_url)
    page.go_back()  # to the article, its address holding what was typed
    wait_until_ready(page)
    assert page.evaluate("window.__sameDocument") is True
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
