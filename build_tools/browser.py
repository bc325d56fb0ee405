"""Find, or install, the Chromium the end-to-end tests drive.

``python -m build_tools.browser --install`` makes sure one exists:

1. ``$CHROMIUM``, when it names a program;
2. Debian's ``/usr/bin/chromium``;
3. as root on Debian or Ubuntu, ``apt-get install chromium`` (then 2.);
4. elsewhere, Playwright's own build (``python -m playwright install chromium``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools._system import apt_install, can_apt_install

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")


def find_chromium() -> Path | None:
    """The Chromium to launch, or None to use the one Playwright installed."""
    named = os.environ.get("CHROMIUM")
    if named:
        path = Path(shutil.which(named) or named)
        if not path.is_file():
            msg = f"CHROMIUM={named} is not a program"
            raise FileNotFoundError(msg)
        return path
    return SYSTEM_CHROMIUM if SYSTEM_CHROMIUM.is_file() else None


def install() -> str:
    """Make sure a Chromium exists; say which one."""
    found = find_chromium()
    if found is not None:
        return str(found)
    if can_apt_install():
        apt_install("chromium")
        return str(SYSTEM_CHROMIUM)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    return "Playwright's Chromium"


def main() -> None:
    """Command line: print the Chromium in use, installing one with ``--install``."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--install", action="store_true", help="install a Chromium if none is found")
    args = parser.parse_args()
    found = install() if args.install else (find_chromium() or "Playwright's Chromium")
    print(f"Chromium for the browser tests: {found}")  # noqa: T201


if __name__ == "__main__":
    main()
