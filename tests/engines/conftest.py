"""The system's Firefox and WebKit, each in a fresh profile for every test.

An engine that cannot be driven here skips its tests with what it lacks (``make browser``
installs both on Debian); under CI, where they must run, it fails them instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from build_tools.browser import (
    find_firefox,
    find_webkit_driver,
    find_xvfb,
    missing_engines,
    needs_virtual_display,
)
from tests.engines.drivers import Browser, firefox, virtual_display, webkit


@pytest.fixture(params=["firefox", "webkit"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Browser]:
    """A page in the system's Firefox or WebKit, closed after the test."""
    missing = missing_engines().get(request.param)
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{request.param}: {missing}; `make browser` installs it")
        pytest.skip(f"{request.param}: {missing}")
    with ExitStack() as stack:
        if request.param == "firefox":
            program = find_firefox()
            assert program is not None
            profile = tmp_path / "firefox-profile"
            profile.mkdir()
            yield stack.enter_context(firefox(program, profile))
        else:
            driver = find_webkit_driver()
            assert driver is not None
            display = None
            if needs_virtual_display():
                xvfb = find_xvfb()
                assert xvfb is not None
                display = stack.enter_context(virtual_display(xvfb))
            yield stack.enter_context(webkit(driver, display))
