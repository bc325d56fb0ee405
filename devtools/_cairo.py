"""Find, or install, the Cairo library that Material's social cards are drawn with.

``python -m devtools.cairo_library --install`` makes sure ``cairocffi`` can load it:

1. when it loads already (GitHub's Ubuntu runners, most desktops), nothing to do;
2. as root on Debian or Ubuntu, ``apt-get install libcairo2``;
3. elsewhere, say what to install and fail, since the strict build would fail later.
"""

from __future__ import annotations

import importlib

from devtools._system import apt_install, can_apt_install


def cairo_loads() -> bool:
    """Whether ``cairocffi`` (which ``cairosvg`` uses) finds the Cairo library."""
    try:
        importlib.import_module("cairocffi")
    except OSError:
        return False
    return True


def install() -> str:
    """Make sure Cairo loads; say how."""
    if cairo_loads():
        return "found"
    if not can_apt_install():
        raise SystemExit(
            "The social cards need the Cairo library: install it (Debian/Ubuntu: "
            "`sudo apt-get install libcairo2`, macOS: `brew install cairo`), then run make again."
        )
    apt_install("libcairo2")
    return "installed libcairo2"
