"""Firefox, driven over WebDriver BiDi: the WebSocket that ``--remote-debugging-port`` opens."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

from devtools._webdriver import CALL, COMMAND_TIMEOUT_S, START_TIMEOUT_S, running


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
    with running(command, stops_within=10, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
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
            functionDeclaration=CALL.format(function=function),
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
