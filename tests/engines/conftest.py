"""The system's Firefox and WebKit, each in a fresh profile for every test.

An engine that cannot be driven here skips its tests with what it lacks (``make browser``
installs both on Debian); under CI, where they must run, it fails them instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import ENGINES, Browser, missing_engines, open_engine


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Browser]:
    """A page in the system's Firefox or WebKit, closed after the test."""
    missing = missing_engines().get(request.param)
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{request.param}: {missing}; `make browser` installs it")
        pytest.skip(f"{request.param}: {missing}")
    with open_engine(request.param, tmp_path) as browser:
        yield browser
