"""What the end-to-end tests know of the calculator page: its address and its test ids."""

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
