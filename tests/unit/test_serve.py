"""The test server: a reader hanging up is not an error worth a traceback; a real error is."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from devtools._server import QuietHTTPServer


@pytest.fixture
def server() -> Iterator[QuietHTTPServer]:
    with QuietHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as httpd:
        yield httpd


def report_while_handling(server: QuietHTTPServer, error: Exception) -> None:
    """Call the server's error report as socketserver does: inside the handler's ``except``."""
    try:
        raise error  # noqa: TRY301 (the report reads the error being handled)
    except Exception:  # noqa: BLE001 (any error a handler might raise)
        server.handle_error(None, ("127.0.0.1", 1))


@pytest.mark.parametrize("error", [BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")])
def test_a_connection_cut_by_the_browser_prints_nothing(
    server: QuietHTTPServer, error: Exception, capsys: pytest.CaptureFixture[str]
) -> None:
    report_while_handling(server, error)
    assert capsys.readouterr().err == ""


def test_any_other_error_is_still_reported(
    server: QuietHTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    report_while_handling(server, ValueError("a bug in the handler"))
    assert "ValueError: a bug in the handler" in capsys.readouterr().err
