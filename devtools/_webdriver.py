"""Two small WebDriver clients, for the engines Playwright cannot bring to every machine.

Playwright drives Firefox and WebKit only in builds of its own, downloaded from outside the
package registries. These clients drive the system's browsers instead (``_browsers.py`` finds
them), through the protocols they speak themselves:

- Firefox (``_firefox.py``): WebDriver BiDi, over the WebSocket that
  ``--remote-debugging-port`` opens;
- WebKitGTK (``_webkit.py``): classic WebDriver over HTTP, through its ``WebKitWebDriver``
  server, which opens MiniBrowser (in Xvfb where there is no display).

``_engines.open_engine`` opens either by name. This module holds what they share.

Both offer what the engine tests (``tests/engines``) and the benchmark need: open a page,
run an async function in it and get its JSON-able result, and the console errors and
warnings the page logged (Firefox only: classic WebDriver has no log).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

#: Longest wait for one command: a page load, or a script waiting for Python's cold start.
COMMAND_TIMEOUT_S = 150
#: Longest wait for a browser or its driver to start listening.
START_TIMEOUT_S = 60

#: Runs ``function`` with the JSON-encoded arguments and returns its awaited result as JSON:
#: strings cross both protocols the same way, whatever the result's shape.
CALL = "async (json) => JSON.stringify((await ({function})(...JSON.parse(json))) ?? null)"


class Browser(Protocol):
    """A page in a browser, as the engine tests and the benchmark use it."""

    #: The browser and its version, as people know it ("Firefox 153.8.0").
    version: str

    def goto(self, url: str) -> None:
        """Open ``url`` and wait for its load event."""

    def call(self, function: str, *args: object) -> Any:  # noqa: ANN401 (whatever the function returns)
        """Await ``function(*args)`` (JavaScript source) in the page; its result."""

    def problems(self) -> list[str]:
        """Console errors and warnings seen so far."""


@contextmanager
def running(
    command: list[str | Path],
    *,
    stops_within: float = 0,
    **options: Any,  # noqa: ANN401 (subprocess.Popen's)
) -> Iterator[subprocess.Popen[str]]:
    """A process for as long as the block runs.

    After the block, the process has ``stops_within`` seconds to exit by itself (a browser
    told to close); then it is killed, and waited for.
    """
    process = subprocess.Popen(command, text=True, **options)  # noqa: S603 (a browser the caller found)
    try:
        yield process
    finally:
        try:
            process.wait(timeout=stops_within)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
