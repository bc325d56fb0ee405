"""`make serve` (``mkdocs serve``): the calculator works, and the publishing step stays out.

Live reload injects an inline script the site's policy would block, and a service worker
would keep answering with pages you have since edited: the dev server gets neither.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.widget import ARTICLE, CALL_ON, wait_until_ready

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Service workers allowed (conftest.py blocks them), to show none gets registered."""
    return {**browser_context_args, "service_workers": "allow"}


@pytest.fixture(scope="module")
def dev_url() -> Iterator[str]:
    """``mkdocs serve`` as ``make serve`` runs it, once it says where it serves."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--strict",
            "--livereload",
            "--dev-addr",
            f"127.0.0.1:{free_port()}",
        ],
        cwd=PROJECT,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    drain = threading.Thread(target=server.stderr.read, daemon=True)
    try:
        for line in server.stderr:  # waits on the server's own words, not on a clock
            found = re.search(r"Serving on (http://\S+)", line)
            if found:
                # Keep reading, so the server never blocks on a full pipe.
                drain.start()
                yield found.group(1)
                break
        else:
            pytest.fail(f"mkdocs serve stopped (exit code {server.wait()})")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if drain.is_alive():
            drain.join()
        server.stderr.close()


def test_the_calculator_answers_under_mkdocs_serve(page: Page, dev_url: str) -> None:
    page.goto(f"{dev_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).to_have_count(0)
    expect(page.locator('script[src*="offline.js"]')).to_have_count(0)
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")
