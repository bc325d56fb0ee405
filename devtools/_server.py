"""Serve a built site the way GitHub Pages serves a project site.

The site lives under a sub-path (``/second-date/``), folders answer with their
``index.html``, and a missing path answers 404 with the site's own ``404.html``. Text,
JSON and WebAssembly go gzipped to a browser that accepts it, as GitHub Pages sends them
(its CDN compresses them on the way, ``.wasm`` included: go-app issue #866 shows the
``content-encoding: gzip`` of a Pages-hosted ``.wasm``); files that are compressed already
(zips, ``.gz``, images, fonts) go as they are. Every answer may be kept ten minutes
(``max-age=600``, as Pages sends), and a connection stays open for the next request (HTTP/1.1
keep-alive: Pages speaks HTTP/2, one connection for a whole page).
Used by the end-to-end tests and the benchmark, and by ``python -m devtools.serve``.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import io
import sys
import threading
import time
from collections.abc import Iterator
from functools import lru_cache, partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: The types sent gzipped: what compresses well and is not compressed already.
COMPRESSED_TYPES = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "text/plain",
        "text/xml",
        "application/json",
        "application/xml",
        "application/wasm",
        "image/svg+xml",
    }
)
#: How long a browser may keep a file without asking again: GitHub Pages' ``max-age=600``.
CACHE_SECONDS = 600
#: gzip's level for them: the usual default of servers and CDNs, not the slowest.
GZIP_LEVEL = 6


@lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:  # noqa: ARG001 (the file's state is the cache key)
    """``path``'s bytes gzipped (no timestamp); cached while the file keeps its time and size."""
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


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

    #: Connections stay open between requests (the base class's HTTP/1.0 opens one a file);
    #: every answer says its length, as HTTP/1.1 needs.
    protocol_version = "HTTP/1.1"
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
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target /= "index.html"
        if not path.startswith(self.prefix) or not target.is_file():
            return self._not_found()
        content_type = self.guess_type(str(target))
        if content_type in COMPRESSED_TYPES and self._accepts_gzip():
            return self._send_gzipped(target, content_type)
        return super().send_head()

    def end_headers(self) -> None:
        """Every answer may be kept ten minutes, as GitHub Pages lets browsers keep its files."""
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        super().end_headers()

    def _accepts_gzip(self) -> bool:
        accepted = self.headers.get("Accept-Encoding", "")
        return any(part.split(";")[0].strip() == "gzip" for part in accepted.split(","))

    def _send_gzipped(self, target: Path, content_type: str) -> io.BytesIO:
        stat = target.stat()
        body = _gzipped(target, stat.st_mtime_ns, stat.st_size)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

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
