"""`make serve` (``mkdocs serve``): the calculator works, the publishing step stays out, and a
content problem shows in the page while the server keeps answering.

Live reload injects an inline script the site's policy would block, and a service worker
would keep answering with pages you have since edited: the dev server gets neither.

The server serves a copy of the project's pages (made per module), so the tests can break
and mend an article without touching the repository's.
"""

from __future__ import annotations

import html
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from build_tools._preview import BANNER_ATTRIBUTE, ERROR_ATTRIBUTE
from tests.e2e.widget import ARTICLE, CALL_ON, wait_until_ready

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[2]
#: What `mkdocs serve` reads: the configuration, the pages, the hooks, the templates, the sources.
SERVED = ("mkdocs.yml", "docs", "hooks", "overrides", "research")
#: How long a rebuild may take on a loaded CI machine, and how long a request may wait for its answer:
#: bounds on waits for the server's own words, never a pause.
REBUILD_SECONDS = 300
ANSWER_SECONDS = 10
BROKEN_ARTICLE = "articles/posts/call-or-email.md"
BROKEN_PAGE = "articles/call-or-email/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class DevServer:
    """A running ``mkdocs serve``, the folder it serves from, and what it says, line by line."""

    url: str
    project: Path
    said: queue.Queue[str]

    def edit(self, page: str, text: str) -> None:
        """Write a page of ``docs/`` and wait until the server has rebuilt (or given up) and reloaded."""
        while not self.said.empty():
            self.said.get_nowait()
        (self.project / "docs" / page).write_text(text, encoding="utf-8")
        while "Reloading browsers" not in self.said.get(timeout=REBUILD_SECONDS):
            pass

    def fetch(self, path: str) -> str:
        """The page at ``path``, waiting at most ``ANSWER_SECONDS`` for the answer."""
        with urllib.request.urlopen(f"{self.url}{path}", timeout=ANSWER_SECONDS) as answer:  # noqa: S310 (our own server)
            return html.unescape(answer.read().decode("utf-8"))


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    """``mkdocs serve`` as ``make serve`` runs it, on a copy of the pages, once it says where it serves."""
    project = tmp_path_factory.mktemp("preview")
    for name in SERVED:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=project,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    said: queue.Queue[str] = queue.Queue()
    # Read every line, so the server never blocks on a full pipe, and keep them for the tests.
    reader = threading.Thread(target=lambda: [said.put(line) for line in server.stderr or ()], daemon=True)
    reader.start()
    try:
        while server.poll() is None:
            found = re.search(r"Serving on (http://\S+)", said.get(timeout=REBUILD_SECONDS))
            if found:
                yield DevServer(found.group(1), project, said)
                break
        else:
            pytest.fail(f"mkdocs serve stopped (exit code {server.returncode})")
    finally:
        server.terminate()  # the preview takes SIGTERM as Ctrl-C, and cleans up
        server.wait(timeout=60)
        reader.join()
        server.stderr.close()


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Service workers allowed (conftest.py blocks them), to show none gets registered."""
    return {**browser_context_args, "service_workers": "allow"}


def test_the_calculator_answers_under_mkdocs_serve(page: Page, dev_server: DevServer) -> None:
    page.goto(f"{dev_server.url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    wait_until_ready(page)
    expect(page.locator(CALL_ON)).to_have_attribute("datetime", "2026-12-30")
    expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).to_have_count(0)
    expect(page.locator('script[src*="offline.js"]')).to_have_count(0)
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


def test_a_broken_link_shows_in_its_page_and_the_banner_goes_when_it_is_mended(dev_server: DevServer) -> None:
    article = dev_server.project / "docs" / BROKEN_ARTICLE
    original = article.read_text(encoding="utf-8")
    broken = original.replace("(how-soon-is-too-soon-to-call.md)", "(how-soon-is-too-soon-to-cal.md)", 1)
    assert broken != original
    line = next(n for n, text in enumerate(broken.split("\n"), 1) if "too-soon-to-cal.md" in text)
    try:
        dev_server.edit(BROKEN_ARTICLE, broken)
        shown = dev_server.fetch(BROKEN_PAGE)
        assert BANNER_ATTRIBUTE in shown
        assert f"{BROKEN_ARTICLE}:{line}: link target 'how-soon-is-too-soon-to-cal.md' is not a file" in shown
        assert BANNER_ATTRIBUTE not in dev_server.fetch("articles/the-thank-you-note/")
    finally:
        dev_server.edit(BROKEN_ARTICLE, original)
    mended = dev_server.fetch(BROKEN_PAGE)
    assert BANNER_ATTRIBUTE not in mended
    assert "too-soon-to-cal.md" not in mended


def test_a_build_that_fails_serves_an_error_page_until_it_is_mended(dev_server: DevServer) -> None:
    post = "articles/posts/when-they-say-no.md"
    original = (dev_server.project / "docs" / post).read_text(encoding="utf-8")
    unknown = original.replace("authors:\n  - second-date\n", "authors:\n  - nobody\n", 1)
    assert unknown != original
    try:
        # The blog refuses a post by an author it does not know: the whole build stops.
        dev_server.edit(post, unknown)
        shown = dev_server.fetch(BROKEN_PAGE)
        assert ERROR_ATTRIBUTE in shown
        assert "Couldn't find author 'nobody'" in shown
        assert f"{post}:" in shown  # the content checks' own line for it
        assert "livereload" in shown  # so the page turns back by itself once mended
    finally:
        dev_server.edit(post, original)
    assert ERROR_ATTRIBUTE not in dev_server.fetch(BROKEN_PAGE)
