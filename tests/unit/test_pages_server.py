"""The local server the tests, the benchmark and `make serve` use: GitHub Pages' ways."""

from __future__ import annotations

import gzip
import http.client
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import PagesServer

WASM = b"\0asm" + bytes(4000)
SCRIPT = "export const answer = 42;\n" * 100
ZIP = b"PK\3\4" + bytes(3000)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    server = PagesServer(tmp_path)
    site = server.site_dir
    site.mkdir(parents=True)
    (site / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    (site / "a.js").write_text(SCRIPT, encoding="utf-8")
    (site / "runtime.wasm").write_bytes(WASM)
    (site / "stdlib.zip").write_bytes(ZIP)
    try:
        with server.serving() as url:
            yield url
    finally:
        server.close()


def get(url: str, encoding: str | None = "gzip, deflate, br") -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": encoding} if encoding else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (our own local server)
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 (our own local server)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(
    ("name", "body", "kind"),
    [("a.js", SCRIPT.encode(), "text/javascript"), ("runtime.wasm", WASM, "application/wasm")],
)
def test_text_and_webassembly_go_gzipped_to_a_browser_that_accepts_it(
    served: str, name: str, body: bytes, kind: str
) -> None:
    status, headers, sent = get(served + name)
    assert (status, headers["Content-Encoding"], headers["Content-Type"]) == (200, "gzip", kind)
    assert int(headers["Content-Length"]) == len(sent) < len(body)
    assert gzip.decompress(sent) == body
    assert headers["Vary"] == "Accept-Encoding"


def test_a_client_that_does_not_accept_gzip_gets_the_file_as_it_is(served: str) -> None:
    status, headers, sent = get(served + "a.js", encoding=None)
    assert (status, sent) == (200, SCRIPT.encode())
    assert "Content-Encoding" not in headers


def test_compressed_files_go_as_they_are(served: str) -> None:
    status, headers, sent = get(served + "stdlib.zip")
    assert (status, sent) == (200, ZIP)
    assert "Content-Encoding" not in headers


def test_every_answer_may_be_kept_ten_minutes_as_on_github_pages(served: str) -> None:
    for name in ("a.js", "stdlib.zip", "gone.js"):
        assert get(served + name)[1]["Cache-Control"] == "max-age=600"
    assert get(served + "gone.js")[:1] == (404,)


def test_one_connection_serves_one_request_after_another(served: str) -> None:
    parts = urllib.parse.urlsplit(served)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port)
    try:
        for name in ("a.js", "stdlib.zip", "gone.js", "a.js"):
            connection.request("GET", parts.path + name, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            assert response.status == (404 if name == "gone.js" else 200)
        connection.request("GET", parts.path.rstrip("/"))  # the site's address without its slash
        moved = connection.getresponse()
        assert (moved.status, moved.getheader("Location"), moved.read()) == (301, parts.path, b"")
    finally:
        connection.close()
