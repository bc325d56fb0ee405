"""What the end-to-end tests know of the calculator page: its address, test ids, form and worker."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page, Route, expect

from calculator import PROTOCOL_VERSION

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


def hold_region_index(page: Page) -> Callable[[], None]:
    """Keep the list of regions (``index.json``) from coming, for the page and its worker alike.

    Returns the function that lets it come: every request held so far goes on, and later ones
    are not held.
    """
    held: list[Route] = []
    index = re.compile(r"/assets/regions/[^/]+/index\.json")

    def hold(route: Route) -> None:
        held.append(route)

    def release() -> None:
        page.context.unroute(index, hold)
        for route in held:
            route.fallback()

    page.context.route(index, hold)
    return release


def wait_until_wired(page: Page) -> Locator:
    """Wait for the page's script to have wired the widget (before Python is ready); return it.

    A button pressed before that submits the form itself: the path without JavaScript.
    """
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-wired", "true", timeout=READY_TIMEOUT_MS)
    return widget


def fits_across(page: Page, element: Locator, width: int = 360) -> None:
    """``element`` lies within a screen ``width`` pixels wide, and the page does not scroll sideways."""
    box = element.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow == 0, f"the page scrolls sideways by {overflow}px"


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


#: Starts the calculator's worker as the loader does, asks it every request in turn, and
#: resolves with every message it sent once it has answered them all (and, when
#: ``waitForSnapshot``, said whether it kept a snapshot).
RUN_WORKER = """
async ({ requests, waitForSnapshot, version }) => {
  const widget = document.querySelector('[data-testid="call-calculator"]');
  const loader = document.querySelector('script[src*="calculator.js"]').src;
  const root = new URL("../../", loader);
  const url = new URL("calculator-worker.js", loader);
  url.searchParams.set("runtime", new URL(widget.dataset.runtime, root).href);
  url.searchParams.set("lock", new URL(widget.dataset.lock, root).href);
  const worker = new Worker(url, { type: "module" });
  const messages = [];
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        messages.push(data);
        if (data.type === "failed") reject(new Error(data.message));
        const answers = messages.filter((m) => m.type === "answer").length;
        const told = messages.some((m) => m.type === "snapshot");
        if (answers === requests.length && (told || !waitForSnapshot)) resolve(messages);
      };
      requests.forEach((fields, id) => worker.postMessage({ v: version, type: "plan", id, fields }));
    });
  } finally {
    worker.terminate();
  }
}
"""


def run_worker(
    page: Page, requests: list[dict[str, str]], *, wait_for_snapshot: bool = False
) -> list[dict[str, Any]]:
    """Every message a fresh worker of the page sends while answering ``requests``."""
    messages = page.evaluate(
        RUN_WORKER, {"requests": requests, "waitForSnapshot": wait_for_snapshot, "version": PROTOCOL_VERSION}
    )
    assert isinstance(messages, list)
    return messages


def answers(messages: list[dict[str, Any]]) -> list[Any]:
    answered = sorted((m for m in messages if m["type"] == "answer"), key=lambda m: m["id"])
    return [json.loads(m["answer"]) for m in answered]  # posted as Python's JSON text
