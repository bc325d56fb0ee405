"""Time zone files for the browser: the IANA database as the ``tzdata`` package ships it.

Pyodide's ``zoneinfo`` has no time zone data of its own. Rather than the whole ``tzdata``
wheel (350 KB), the site publishes each zone as its own TZif file (about 1 KB: most are
under 2 KB, a few near 100 KB), and the worker fetches the one or two an answer needs and
writes them where ``zoneinfo`` looks (``/usr/share/zoneinfo``): see
``docs/assets/javascripts/calculator/worker-zones.js``. Every name ``tzdata`` lists is
published, the old aliases browsers still report (``Asia/Calcutta``) included.
"""

from __future__ import annotations

import shutil
from importlib import metadata, resources
from pathlib import Path

from build_tools._errors import BuildError

#: The folder beside the wheel and lock file that holds the zone files.
ZONES_FOLDER = "zoneinfo"


def zones_version() -> str:
    """The ``tzdata`` package's version: it names the data the site publishes (``2025.3``)."""
    try:
        return metadata.version("tzdata")
    except metadata.PackageNotFoundError:
        raise BuildError("the tzdata package is not installed: run make setup") from None


def zone_names() -> list[str]:
    """Every zone ``tzdata`` ships, from its own list (``zones``), sorted."""
    return sorted(resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


def publish_zones(target: Path) -> int:
    """Copy every zone's TZif file into ``target`` (``target/Europe/London``); return how many."""
    source = resources.files("tzdata").joinpath("zoneinfo")
    names = zone_names()
    for name in names:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with source.joinpath(name).open("rb") as data, path.open("wb") as copy:
            shutil.copyfileobj(data, copy)
    return len(names)
