"""Bad input through the page, from the address and from the form: every case ends in a message
at the right field (shown, tied to its control with ``aria-invalid``), nothing the reader typed
is lost, nothing they typed runs or becomes markup."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.e2e.widget import ARTICLE, call_on, fill_span, wait_until_ready

pytestmark = pytest.mark.e2e

MARKUP = "<img src=x onerror=alert(1)>"
GOOD = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW"}


@dataclass(frozen=True)
class Case:
    """One bad value for one field of the address."""

    name: str
    field: str
    value: str
    #: The control marked invalid, and what it must still show (None: it cannot show it).
    control: str
    shown: str | None = None


ADDRESS_CASES = [
    Case("interviewed-empty", "interviewed", "", "#cc-interviewed", ""),
    Case("interviewed-impossible", "interviewed", "2026-02-30", "#cc-interviewed"),
    Case("interviewed-far-past", "interviewed", "1900-01-01", "#cc-interviewed", "1900-01-01"),
    Case("interviewed-far-future", "interviewed", "9999-12-31", "#cc-interviewed", "9999-12-31"),
    Case("interviewed-markup", "interviewed", MARKUP, "#cc-interviewed"),
    Case("reply-not-a-number", "reply", "abc", "#cc-reply-count", "abc"),
    Case("reply-negative", "reply", "-3d", "#cc-reply-count", "-3d"),
    Case("reply-huge", "reply", "400w", "#cc-reply-count", "400"),
    Case("reply-markup", "reply", MARKUP, "#cc-reply-count", MARKUP),
    Case("region-empty", "region", "", "#cc-region", ""),
    Case("region-unknown", "region", "Atlantis", "#cc-region", "Atlantis"),
    Case("region-markup", "region", MARKUP, "#cc-region", MARKUP),
    Case("pending-markup", "pending", MARKUP, "input[name=pending]"),
    Case("channel-markup", "channel", MARKUP, "input[name=channel]"),
    Case("considering-impossible", "considering", "2026-02-30", "#cc-considering"),
    Case("considering-markup", "considering", MARKUP, "#cc-considering"),
]


@pytest.fixture
def dialogs(page: Page) -> Iterator[list[str]]:
    """Every dialog the page opens (an ``alert(1)`` that ran); the test fails if there is one."""
    opened: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield opened
    assert not opened, f"script ran: {opened}"


def visit(page: Page, url: str) -> None:
    """Follow links inside the site to ``url``, as a reader does: home, then the address.

    Material's instant navigation swaps the page in, so Python, started once, answers every case.
    """
    for address in (url.split(ARTICLE, maxsplit=1)[0], url):
        page.evaluate(
            """(address) => {
                document.querySelector("article").dataset.left = "yes";
                const link = document.createElement("a");
                link.href = address;
                link.textContent = "a link a reader followed";
                document.querySelector("article").append(link);
                link.click();
            }""",
            address,
        )
        expect(page.locator("article[data-left]")).to_have_count(0)  # the next page is in


def expect_message_at(page: Page, field: str, control: str) -> None:
    """The field's message is shown and not empty; its control says it is invalid."""
    message = page.locator(f"#cc-{field}-error")
    expect(message).to_be_visible()
    expect(message).not_to_have_text("")
    expect(page.locator(control).first).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("answer")).to_be_hidden()


def expect_nothing_injected(page: Page) -> None:
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("[onerror]").count() == 0


def test_bad_values_in_the_address(page: Page, site_url: str, dialogs: list[str]) -> None:
    page.goto(f"{site_url}{ARTICLE}?{urlencode(GOOD)}")
    wait_until_ready(page)
    page.evaluate("window.__sameDocument = true")
    for case in ADDRESS_CASES:
        visit(page, f"{site_url}{ARTICLE}?{urlencode({**GOOD, case.field: case.value})}")
        expect_message_at(page, case.field, case.control)
        if case.shown is not None:
            expect(page.locator(case.control)).to_have_value(case.shown)
        if case.value:  # still in the address, to share or to correct
            assert parse_qs(urlsplit(page.url).query)[case.field] == [case.value], case.name
        if MARKUP in case.value and case.field in {"region", "pending"}:
            # Python quotes what it could not read; it arrives as text, never as markup.
            expect(page.locator(f"#cc-{case.field}-error")).to_contain_text(MARKUP)
        expect_nothing_injected(page)
    assert page.evaluate("window.__sameDocument") is True  # one Python answered every case
    assert not dialogs


def test_bad_values_typed_into_the_form(page: Page, site_url: str, dialogs: list[str]) -> None:
    page.goto(f"{site_url}{ARTICLE}?{urlencode(GOOD)}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    interviewed = page.get_by_label("When was the interview?")
    count = page.get_by_label("How many")
    region = page.get_by_label("Where is the employer?")
    considering = page.get_by_label("The day you have in mind")

    def submit() -> None:
        page.get_by_role("button", name="Work out my call date").click()

    def corrected(fix: object) -> None:
        """Put the field right again: the message goes and the answer comes back."""
        del fix
        submit()
        expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
        expect(page.locator("[aria-invalid]")).to_have_count(0)
        expect(page.locator(".call-calculator__error:visible")).to_have_count(0)

    # The interview day: empty, impossible (typed as 30/02/2026), far past, far future.
    interviewed.fill("")
    submit()
    expect_message_at(page, "interviewed", "#cc-interviewed")
    corrected(interviewed.fill("2026-12-17"))
    interviewed.focus()
    page.keyboard.type("30022026")  # en-AU: day, month, year
    submit()
    expect_message_at(page, "interviewed", "#cc-interviewed")
    corrected(interviewed.fill("2026-12-17"))
    for far in ("1900-01-01", "9999-12-31"):
        interviewed.fill(far)
        submit()
        expect_message_at(page, "interviewed", "#cc-interviewed")
        expect(interviewed).to_have_value(far)
        corrected(interviewed.fill("2026-12-17"))

    # The span: empty, not a number, negative, huge, markup; what was typed stays in view.
    for typed in ("", "abc", "-3", "400", MARKUP):
        fill_span(page, typed, "weeks")
        submit()
        expect_message_at(page, "reply", "#cc-reply-count")
        expect(count).to_have_value(typed)
        corrected(fill_span(page, "1", "weeks"))

    # The region: empty, unknown, markup.
    for typed in ("", "Atlantis", MARKUP):
        region.fill(typed)
        submit()
        expect_message_at(page, "region", "#cc-region")
        expect(region).to_have_value(typed)
        if typed:
            expect(page.locator("#cc-region-error")).to_contain_text(typed)  # as text
        corrected(region.fill("AU-NSW"))

    # The day in mind: impossible, typed.
    considering.focus()
    page.keyboard.type("30022026")
    considering.dispatch_event("change")
    expect_message_at(page, "considering", "#cc-considering")
    corrected(considering.fill(""))

    expect_nothing_injected(page)
    assert not dialogs
