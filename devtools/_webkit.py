"""WebKitGTK's MiniBrowser, driven over classic WebDriver through its ``WebKitWebDriver`` server.

MiniBrowser opens a window: where there is no display, in Xvfb (:func:`virtual_display`).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from devtools._webdriver import CALL, COMMAND_TIMEOUT_S, START_TIMEOUT_S, running


@contextmanager
def webkit(driver: Path, display: str | None) -> Iterator[WebKit]:
    """WebKitGTK's MiniBrowser, through ``driver`` (WebKitWebDriver).

    With ``display`` (an Xvfb display: see :func:`virtual_display`), MiniBrowser draws there,
    without accelerated compositing. Xvfb has no GPU, so WebKitGTK's compositor would run
    OpenGL in software (Mesa's llvmpipe): about 2 s of processor time for each load of the
    calculator's article on two cores, taken from Python's start-up, which no reader's
    browser with a GPU pays. Drawing with the processor directly costs little.
    """
    port = _free_port()
    env = {**os.environ}
    if display:
        env |= {"DISPLAY": display, "WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
    command: list[str | Path] = [driver, f"--port={port}"]
    with running(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        _wait_for_port(process, port)
        browser = WebKit(f"http://127.0.0.1:{port}")
        try:
            yield browser
        finally:
            browser.end()


def _wait_for_port(process: subprocess.Popen[str], port: int) -> None:
    """Until ``process`` accepts connections on ``port`` (WebKitWebDriver says nothing when ready)."""
    for _ in range(START_TIMEOUT_S * 20):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except ConnectionRefusedError:
            try:  # a twentieth of a second, or less if the driver has died
                code = process.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            msg = f"WebKitWebDriver exited with {code}"
            raise RuntimeError(msg) from None
        else:
            return
    msg = "WebKitWebDriver did not start listening"
    raise RuntimeError(msg)


class WebKit:
    """A page in MiniBrowser, driven through a WebKitWebDriver session (see :func:`webkit`)."""

    def __init__(self, base: str) -> None:
        """Start a WebDriver session with the driver listening at ``base``."""
        self._base = base
        capabilities = {"alwaysMatch": {"webkitgtk:browserOptions": {"args": ["--automation"]}}}
        session = self._request("POST", "/session", {"capabilities": capabilities})
        browser = session["capabilities"]
        self.version = f"WebKitGTK {browser['browserVersion']} ({browser['browserName']})"
        self._session = f"/session/{session['sessionId']}"
        self._request("POST", f"{self._session}/timeouts", {"script": COMMAND_TIMEOUT_S * 1000})

    def _request(self, method: str, path: str, body: object = None) -> Any:  # noqa: ANN401 (the protocol's JSON)
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 (our own driver on 127.0.0.1)
            self._base + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=COMMAND_TIMEOUT_S) as response:  # noqa: S310
                return json.load(response)["value"]
        except urllib.error.HTTPError as error:
            value = json.load(error)["value"]
            msg = f"{method} {path}: {value.get('error')}: {value.get('message')}"
            raise RuntimeError(msg) from None

    def goto(self, url: str) -> None:
        """Open ``url`` and wait for its load event."""
        self._request("POST", f"{self._session}/url", {"url": url})

    def call(self, function: str, *args: object) -> Any:  # noqa: ANN401 (whatever the function returns)
        """Await ``function(*args)`` (JavaScript source) in the page; its result."""
        script = (
            "const done = arguments[arguments.length - 1];"
            f"({CALL.format(function=function)})(arguments[0])"
            ".then(done, (error) => done(JSON.stringify({error: String(error && error.stack || error)})));"
        )
        body = {"script": script, "args": [json.dumps(args)]}
        result = json.loads(self._request("POST", f"{self._session}/execute/async", body))
        if isinstance(result, dict) and set(result) == {"error"}:
            raise RuntimeError(result["error"])
        return result

    def problems(self) -> list[str]:
        """Nothing: classic WebDriver has no console log to read."""
        return []

    def end(self) -> None:
        """End the WebDriver session (MiniBrowser closes)."""
        self._request("DELETE", self._session)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def virtual_display(xvfb: Path) -> Iterator[str]:
    """An Xvfb display for as long as the block runs; yields its name (``:N``)."""
    read, write = os.pipe()
    command: list[str | Path] = [
        xvfb,
        "-displayfd",
        str(write),
        "-screen",
        "0",
        "1280x1024x24",
        "-nolisten",
        "tcp",
    ]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    with running(command, pass_fds=(write,), **quiet) as process:
        os.close(write)
        with os.fdopen(read) as announced:
            number = announced.readline().strip()  # Xvfb writes it once it is ready
        if not number:
            msg = f"Xvfb did not start (exit code {process.poll()})"
            raise RuntimeError(msg)
        yield f":{number}"
