"""Serve a built site the way GitHub Pages serves a project site.

The site lives under a sub-path (``/second-date/``), folders answer with their
``index.html``, and a missing path answers 404 with the site's own ``404.html``.
Used by the end-to-end tests and the benchmark, and by ``python -m devtools.serve``.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _PagesHandler(SimpleHTTPRequestHandler):
    """Static files under one prefix, GitHub Pages' 404 page, and no log noise."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain dict)
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".gz": "application/gzip",
        ".json": "application/json",
    }

    #: The sub-path the site is served under, with both slashes.
    prefix = "/"
    #: Seconds every answer waits, as on a slow network (each request has its own thread).
    delay = 0.0

    def send_head(self) -> Any:  # noqa: ANN401 (the base class returns a file or None)
        if self.delay:
            time.sleep(self.delay)
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == self.prefix.rstrip("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return None
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target /= "index.html"
        if not path.startswith(self.prefix) or not target.is_file():
            return self._not_found()
        return super().send_head()

    def _not_found(self) -> Any:  # noqa: ANN401 (same as send_head)
        page = Path(self.directory) / self.prefix.strip("/") / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class names it)
        """Stay quiet: tests and benchmarks print what matters."""


class QuietHTTPServer(ThreadingHTTPServer):
    """A threading server that lets a browser hang up mid-answer without a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:  # noqa: ANN401 (the base class's types)
        """A reader navigating away cuts the connection: that is no error of the server's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PagesServer:
    """A server for ``root``, whose child folder named by ``prefix`` holds the site.

    Binding happens at once, so the port is known before the site is built (the site's
    address goes into the build); ``serving()`` answers requests until its block ends.
    """

    def __init__(
        self,
        root: Path,
        prefix: str = "/second-date/",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        delay: float = 0.0,
    ) -> None:
        """Bind to ``host`` and ``port`` (0: any free port); ``delay`` slows every answer (seconds)."""
        self.root = root
        self.prefix = "/" + prefix.strip("/") + "/"
        handler = type("PagesHandler", (_PagesHandler,), {"prefix": self.prefix, "delay": delay})
        self._httpd = QuietHTTPServer((host, port), partial(handler, directory=str(root)))
        bound_host, bound_port = self._httpd.server_address[:2]
        self.url = f"http://{bound_host!s}:{bound_port}{self.prefix}"

    @property
    def site_dir(self) -> Path:
        """Where the site must be built to be served at ``url``."""
        return self.root / self.prefix.strip("/")

    @contextlib.contextmanager
    def serving(self) -> Iterator[str]:
        """Answer requests in a background thread; yields ``url``."""
        thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        thread.start()
        try:
            yield self.url
        finally:
            self._httpd.shutdown()
            thread.join()

    def close(self) -> None:
        """Release the port."""
        self._httpd.server_close()
