"""What the end-to-end tests know of the calculator page: its address, test ids and form."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

ARTICLE = "articles/how-soon-is-too-soon-to-call/"
WIDGET = '[data-testid="call-calculator"]'
CALL_ON = '[data-testid="call-on"] time'

#: How long a page may wait for Python: a cold start on a slow CI machine.
READY_TIMEOUT_MS = 90_000


def wait_until_ready(page: Page) -> Locator:
    """Wait for the widget to say Python is ready; return the widget."""
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-status", "ready", timeout=READY_TIMEOUT_MS)
    return widget


def call_on(page: Page) -> Locator:
    """The ``<time>`` of the answer's headline."""
    return page.locator(CALL_ON)


def fill_span(page: Page, count: str, unit: str) -> None:
    """Say the interviewer gave a span: ``unit`` is the option's label (days, weeks, working days)."""
    page.get_by_label("A number of days or weeks").check()
    page.get_by_label("How many").fill(count)
    page.get_by_label("of what").select_option(label=unit)


def freeze_today(page: Page, day: str) -> None:
    """Make the reader's clock say ``day`` (mid-morning, local time): answers depend on today."""
    page.clock.set_fixed_time(f"{day}T10:00:00")
