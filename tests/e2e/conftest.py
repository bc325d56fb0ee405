"""Browser fixtures: Chromium, and a page that fails the test on any console error, page
error, failed request or request leaving 127.0.0.1 (the served site is ``site_url``, in
``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, Route

from devtools import find_chromium


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch the system Chromium when there is one (Debian's), else Playwright's."""
    chromium = find_chromium()
    return {**browser_type_launch_args, **({"executable_path": str(chromium)} if chromium else {})}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A reader in Sydney, and no service worker unless a test module allows one.

    Routing does not see what a service worker answers, and a Web Worker started once the
    site's service worker is active (the calculator's, after Retry) fetches through it:
    a test's ``page.route`` would then miss its requests, depending on timing
    (``test_offline.py`` allows service workers).
    """
    return {
        **browser_context_args,
        "timezone_id": "Australia/Sydney",
        "locale": "en-AU",
        "service_workers": "block",
    }


#: The site's icon: the browser fetches it itself after a load, at low priority, and a
#: navigation right after the load (a reload, another page) cuts that fetch off.
FAVICON = "/assets/images/favicon.png"
#: What Playwright logs when it blocks the site's service worker.
SERVICE_WORKER_BLOCKED = "Service Worker registration blocked by Playwright"


@dataclass
class Trouble:
    """Everything that went wrong in a page: the test fails if any of it was not expected."""

    seen: list[str] = field(default_factory=list)
    expected: set[str] = field(default_factory=set)

    def expect(self, fragment: str) -> None:
        """A test that breaks something on purpose names what its trouble will mention."""
        self.expected.add(fragment)

    def report(self) -> list[str]:
        return [line for line in self.seen if not any(fragment in line for fragment in self.expected)]


@pytest.fixture(autouse=True)
def trouble(page: Page) -> Iterator[Trouble]:
    """Watch ``page``; fail the test on console errors, page errors and off-site requests."""
    watch = Trouble()

    def on_console(message: ConsoleMessage) -> None:
        if message.text == SERVICE_WORKER_BLOCKED:
            return  # Playwright's own note on browser_context_args above
        if message.type in {"error", "warning"}:
            watch.seen.append(f"console {message.type}: {message.text} ({message.location['url']})")

    def on_request_failed(request: Request) -> None:
        if request.url.endswith(FAVICON) and request.failure == "net::ERR_ABORTED":
            return  # the browser's own icon fetch, cut off by the test's next navigation
        watch.seen.append(f"request failed: {request.url} ({request.failure})")

    def guard(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1" or route.request.url.startswith(("data:", "blob:")):
            route.fallback()
        else:
            watch.seen.append(f"request left 127.0.0.1: {route.request.url}")
            route.abort("blockedbyclient")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.seen.append(f"page error: {error}"))
    page.on("requestfailed", on_request_failed)
    page.context.route("**/*", guard)
    yield watch
    problems = watch.report()
    assert not problems, "\n".join(problems)
