"""Two small WebDriver clients, for the engines Playwright cannot bring to every machine.

Playwright drives Firefox and WebKit only in builds of its own, downloaded from outside the
package registries. These clients drive the system's browsers instead (``_browsers.py`` finds
them), through the protocols they speak themselves:

- Firefox: WebDriver BiDi, over the WebSocket that ``--remote-debugging-port`` opens;
- WebKitGTK: classic WebDriver over HTTP, through its ``WebKitWebDriver`` server, which opens
  MiniBrowser (in Xvfb where there is no display).

Both offer what the engine tests (``tests/engines``) and the benchmark need: open a page,
run an async function in it and get its JSON-able result, and the console errors and
warnings the page logged (Firefox only: classic WebDriver has no log).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Protocol

from websockets.sync.client import ClientConnection, connect

from devtools._browsers import find_firefox, find_webkit_driver, find_xvfb, needs_virtual_display

#: The engines besides Chromium, by the names the tests and the benchmark use.
ENGINES = ("firefox", "webkit")

#: Longest wait for one command: a page load, or a script waiting for Python's cold start.
COMMAND_TIMEOUT_S = 150
#: Longest wait for a browser or its driver to start listening.
START_TIMEOUT_S = 60

#: Runs ``function`` with the JSON-encoded arguments and returns its awaited result as JSON:
#: strings cross both protocols the same way, whatever the result's shape.
_CALL = "async (json) => JSON.stringify((await ({function})(...JSON.parse(json))) ?? null)"


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
def _running(
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


@contextmanager
def firefox(program: Path, profile: Path) -> Iterator[Firefox]:
    """Firefox, headless, in ``profile`` (a fresh folder), for as long as the block runs."""
    command: list[str | Path] = [
        program,
        "--headless",
        "--no-remote",
        "--profile",
        profile,
        "--remote-debugging-port=0",
    ]
    with _running(command, stops_within=10, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        address = _bidi_address(process)
        with connect(f"{address}/session", max_size=None, open_timeout=START_TIMEOUT_S) as connection:
            browser = Firefox(connection)
            try:
                yield browser
            finally:
                browser.close()


def _bidi_address(process: subprocess.Popen[str]) -> str:
    """The WebSocket address Firefox prints once its remote agent listens."""
    found = threading.Event()
    lines: list[str] = []
    address = ""

    def read() -> None:  # reads stderr to its end, so Firefox never blocks on a full pipe
        nonlocal address
        for line in process.stderr or ():
            lines.append(line)
            match = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if match and not address:
                address = match.group(1)
                found.set()
        found.set()

    threading.Thread(target=read, name="firefox-stderr", daemon=True).start()
    if not found.wait(START_TIMEOUT_S) or not address:
        msg = "Firefox did not open its WebDriver BiDi port:\n" + "".join(lines[-20:])
        raise RuntimeError(msg)
    return address


class Firefox:
    """A page in Firefox, driven over a WebDriver BiDi connection (see :func:`firefox`)."""

    def __init__(self, socket: ClientConnection) -> None:
        """Start a WebDriver session over ``socket``, in the browser's first tab."""
        self._socket = socket
        self._ids = itertools.count(1)
        self._logs: list[str] = []
        capabilities = self._command("session.new", capabilities={})["capabilities"]
        self.version = f"Firefox {capabilities['browserVersion']}"
        self._command("session.subscribe", events=["log.entryAdded"])
        self._context = self._command("browsingContext.getTree")["contexts"][0]["context"]

    def _command(self, method: str, **params: object) -> Any:  # noqa: ANN401 (the protocol's JSON)
        number = next(self._ids)
        self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=COMMAND_TIMEOUT_S))
            if message.get("id") == number:
                if message.get("type") == "error":
                    msg = f"{method}: {message.get('error')}: {message.get('message')}"
                    raise RuntimeError(msg)
                return message["result"]
            if message.get("method") == "log.entryAdded":
                entry = message["params"]
                if entry.get("level") in {"error", "warn"}:
                    self._logs.append(f"{entry['level']}: {entry.get('text')}")

    def goto(self, url: str) -> None:
        """Open ``url`` and wait for its load event."""
        self._command("browsingContext.navigate", context=self._context, url=url, wait="complete")

    def call(self, function: str, *args: object) -> Any:  # noqa: ANN401 (whatever the function returns)
        """Await ``function(*args)`` (JavaScript source) in the page; its result."""
        result = self._command(
            "script.callFunction",
            functionDeclaration=_CALL.format(function=function),
            arguments=[{"type": "string", "value": json.dumps(args)}],
            target={"context": self._context},
            awaitPromise=True,
        )
        if result["type"] == "exception":
            raise RuntimeError(result["exceptionDetails"]["text"])
        return json.loads(result["result"]["value"])

    def problems(self) -> list[str]:
        """Console errors and warnings seen so far."""
        return list(self._logs)

    def close(self) -> None:
        """Close Firefox (it then exits, and the connection ends)."""
        self._command("browser.close")


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
    with _running(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
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
            f"({_CALL.format(function=function)})(arguments[0])"
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
    with _running(command, pass_fds=(write,), **quiet) as process:
        os.close(write)
        with os.fdopen(read) as announced:
            number = announced.readline().strip()  # Xvfb writes it once it is ready
        if not number:
            msg = f"Xvfb did not start (exit code {process.poll()})"
            raise RuntimeError(msg)
        yield f":{number}"


@contextmanager
def open_engine(name: str, scratch: Path) -> Iterator[Browser]:
    """A page in the system's ``name`` engine ("firefox" or "webkit"), for as long as the block runs.

    Firefox keeps its fresh profile in ``scratch`` (an empty folder). ``missing_engines``
    says beforehand whether the engine can be had here.
    """
    with ExitStack() as stack:
        if name == "firefox":
            program = find_firefox()
            if program is None:
                msg = "no Firefox"
                raise FileNotFoundError(msg)
            yield stack.enter_context(firefox(program, scratch))
        elif name == "webkit":
            driver = find_webkit_driver()
            if driver is None:
                msg = "no WebKitWebDriver"
                raise FileNotFoundError(msg)
            display = None
            xvfb = find_xvfb()
            if needs_virtual_display() and xvfb is not None:
                display = stack.enter_context(virtual_display(xvfb))
            yield stack.enter_context(webkit(driver, display))
        else:
            msg = f"no engine named {name!r}: {', '.join(ENGINES)}"
            raise ValueError(msg)
