"""Fixtures shared by every test folder: the site, built once per session as it ships, and
served under a sub-path as GitHub Pages serves it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from build_tools._region_data import build_years, region_set
from build_tools._runtime import find_runtime
from calculator import HolidayTable, use_table
from devtools import PagesServer

PROJECT = Path(__file__).resolve().parent.parent
#: The region data a build made today reads (``make setup`` generated it already): what the
#: site ships, so CPython answers as the browser does. Hand-checked tests use fixed years.
BUILD_REGIONS = region_set(*build_years(date.today().year))  # noqa: DTZ011 - the build's clock
use_table(HolidayTable.from_directory(BUILD_REGIONS.directory))


@pytest.fixture(scope="session")
def pages_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PagesServer]:
    """A server bound to a free port before the build, so the site knows its address."""
    server = PagesServer(tmp_path_factory.mktemp("serve"), "/second-date/")
    yield server
    server.close()


@pytest.fixture(scope="session")
def built_site(pages_server: PagesServer) -> Path:
    """Build the site once, as CI and the publisher do, for the test server's address.

    Returns the built site's folder.
    """
    env = {**os.environ, "SITE_URL": pages_server.url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(pages_server.site_dir),
        ],
        cwd=PROJECT,
        env=env,
        check=True,
    )
    return pages_server.site_dir


@pytest.fixture(scope="session")
def site_url(pages_server: PagesServer, built_site: Path) -> Iterator[str]:
    """The built site's address while the test server answers."""
    assert built_site == pages_server.site_dir
    with pages_server.serving() as url:
        yield url


def pruned_stdlib_of(site: Path) -> Path:
    """The pruned standard library a built site ships, beside its wheel."""
    (found,) = site.glob("assets/calculator/*/python_stdlib.zip")
    return found


@pytest.fixture(scope="session")
def full_stdlib_site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served at a second address, with Pyodide's full standard library where the
    pruned one was: what the calculator answers without the pruning."""
    server = PagesServer(tmp_path_factory.mktemp("serve-full-stdlib"), "/second-date/")
    try:
        shutil.copytree(built_site, server.site_dir, copy_function=os.link)
        pruned = pruned_stdlib_of(server.site_dir)
        pruned.unlink()  # a link to the built site's file: only the copy's name goes
        shutil.copyfile(find_runtime().directory / pruned.name, pruned)
        with server.serving() as url:
            yield url
    finally:
        server.close()
