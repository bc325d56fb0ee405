"""The calculator's own page: the answer first on a phone and a desktop, both clocks, the plan
at a glance, the words to say, the law's reply deadline, and the reader's optional details
(kept out of every address and request, shown only as text)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.e2e.widget import READY_TIMEOUT_MS, WIDGET, freeze_today, wait_until_ready

pytestmark = pytest.mark.e2e

PAGE = "calculator/"
QUESTION = "?interviewed=2026-12-17&reply=1w&region=AU-NSW"
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def open_answer(page: Page, site_url: str, question: str = QUESTION) -> None:
    page.goto(f"{site_url}{PAGE}{question}")
    wait_until_ready(page)
    expect(page.get_by_test_id("answer")).to_be_visible(timeout=READY_TIMEOUT_MS)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_answer_is_on_the_first_screen(browser: Browser, site_url: str, screen: str) -> None:
    context = browser.new_context(
        viewport=SCREENS[screen], service_workers="block", timezone_id="Australia/Sydney"
    )
    page = context.new_page()
    try:
        open_answer(page, site_url)
        box = page.get_by_test_id("answer-heading").bounding_box()
        assert box is not None
        assert page.evaluate("window.scrollY") == 0
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= SCREENS[screen]["height"]
    finally:
        context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_without_a_question_the_first_field_is_on_the_first_screen(
    browser: Browser, site_url: str, screen: str
) -> None:
    context = browser.new_context(viewport=SCREENS[screen], service_workers="block")
    page = context.new_page()
    try:
        page.goto(f"{site_url}{PAGE}")
        field = page.get_by_label("When was the interview?")
        expect(field).to_be_visible()
        box = field.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= SCREENS[screen]["height"]
    finally:
        context.close()


def test_both_clocks_for_a_reader_far_away(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block", timezone_id="Europe/London", locale="en-GB")
    page = context.new_page()
    try:
        freeze_today(page, "2026-12-18")
        open_answer(page, site_url)
        clocks = page.get_by_test_id("clocks")
        expect(clocks).to_contain_text("09:30–11:30 in Sydney")
        expect(clocks).to_contain_text("your time in London")
        expect(clocks).to_contain_text("22:30–00:30")
    finally:
        context.close()


def test_one_clock_when_reader_and_employer_share_a_zone(page: Page, site_url: str) -> None:
    open_answer(page, site_url)  # the reader is in Sydney (conftest)
    clocks = page.get_by_test_id("clocks")
    expect(clocks).to_contain_text("09:30–11:30")
    expect(clocks).not_to_contain_text("your time in")  # one clock: "…, your time too"


def test_the_plan_at_a_glance_names_every_day(page: Page, site_url: str) -> None:
    freeze_today(page, "2026-12-18")
    open_answer(page, site_url)
    glance = page.get_by_test_id("glance")
    call = glance.locator('li[data-kinds~="call"]')
    expect(call).to_have_count(1)
    expect(call.locator("time")).to_have_attribute("datetime", "2026-12-30")
    expect(call).to_contain_text("call")
    christmas = glance.locator('time[datetime="2026-12-25"]').locator("..")
    expect(christmas).to_contain_text("Christmas Day")  # named, not colour alone
    expect(glance.locator('time[datetime="2026-12-17"]').locator("..")).to_contain_text("interview")


def test_the_words_to_say_with_links_that_open_them(page: Page, site_url: str) -> None:
    open_answer(page, site_url)
    thanks = page.get_by_test_id("words-thank_you")
    expect(thanks).to_contain_text("Thank you")
    mailto = page.get_by_test_id("mailto-thank_you")
    href = mailto.get_attribute("href") or ""
    assert href.startswith("mailto:")
    assert len(href) < 1800
    gmail = page.get_by_test_id("gmail-thank_you").get_attribute("href") or ""
    assert gmail.startswith("https://mail.google.com/")
    for part in (
        "words-call",
        "words-voicemail",
        "words-follow_up",
        "words-second_follow_up",
        "words-closing",
    ):
        expect(page.get_by_test_id(part)).not_to_be_empty()


def test_copy_puts_the_words_on_the_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_answer(page, site_url)
    thanks = page.get_by_test_id("words-thank_you")
    thanks.get_by_role("button", name="Copy").click()
    expect(thanks.get_by_role("status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Subject:" in copied
    assert "Thank you" in copied


def test_ontarios_reply_deadline(page: Page, site_url: str) -> None:
    open_answer(page, site_url, "?interviewed=2026-03-02&reply=2w&region=CA-ON")
    law = page.get_by_test_id("law")
    expect(law).to_be_visible()
    expect(law).to_contain_text("45 days")
    expect(law.get_by_role("link").first).to_have_attribute("href", re.compile(r"^https://"))


def test_no_law_box_where_no_law_applies(page: Page, site_url: str) -> None:
    open_answer(page, site_url)
    expect(page.get_by_test_id("law")).to_be_hidden()


HOSTILE = {
    "markup": '<img src=x onerror="window.__owned = 1"><script>window.__owned = 1</script>',
    "emoji": "Zoë 👩🏽‍💻 ✨",
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u202eevil\u202c",
    "long": "A" * 10_000,
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_the_readers_details_are_text_and_never_leave_the_page(page: Page, site_url: str, kind: str) -> None:
    requests: list[Request] = []
    open_answer(page, site_url)
    page.on("request", lambda request: requests.append(request))  # noqa: PLW0108 - Playwright cannot take a bound builtin
    page.get_by_text("Make the words yours (optional)").click()
    typed = HOSTILE[kind]
    page.get_by_label("Your name").fill(typed)
    page.get_by_label("The company").fill(typed)
    page.get_by_label("The company").press("Tab")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "ready")
    words = page.get_by_test_id("words-thank_you")
    if kind == "long":  # capped at the field, or else told so there
        if len(page.get_by_label("Your name").input_value()) > 80:
            expect(page.locator('[data-sd-error="name"]')).to_be_visible()
    else:
        expect(words).to_contain_text(typed.split()[0])
    assert page.evaluate("window.__owned") is None  # nothing the reader typed ran
    expect(page.locator("img[src=x]")).to_have_count(0)
    address = unquote(page.url)
    for request in requests:
        assert typed[:20] not in unquote(request.url)
        assert typed[:20] not in (request.post_data or "")
    assert typed[:20] not in address
    page.get_by_role("button", name="Work out my call date").click()  # still usable
    expect(page.get_by_test_id("answer")).to_be_visible()


def test_articles_send_readers_to_the_calculator(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}articles/call-or-email/")
    link = page.get_by_role("link", name="Work out the day to call")
    expect(link).to_have_attribute("href", re.compile(r"/calculator/$"))
    link.click()
    expect(page.get_by_label("When was the interview?")).to_be_visible()
