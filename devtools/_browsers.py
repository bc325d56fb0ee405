"""Find, or install, the browsers the end-to-end tests drive.

Playwright drives Chromium in every end-to-end test (``tests/e2e``). The calculator must also
work in the other two engines readers use, Firefox's and Safari's (WebKit), and
``tests/engines`` checks it there. Playwright's own builds of those two cannot be downloaded
everywhere, so those tests drive the system's browsers through the protocols they speak
themselves (see ``_webdriver.py``).

``python -m devtools.browser --install`` makes sure they exist:

- **Chromium**: ``$CHROMIUM`` when it names a program; else Debian's ``/usr/bin/chromium``;
  else, as root on Debian or Ubuntu, ``apt-get install chromium``; elsewhere Playwright's
  own build (``python -m playwright install chromium``).
- **Firefox**: ``$FIREFOX``, else ``firefox-esr`` or ``firefox`` on the ``PATH``.
- **WebKit**: ``$WEBKIT_DRIVER``, else WebKitGTK's ``WebKitWebDriver`` on the ``PATH``, with
  ``Xvfb`` for its window where there is no display.

Missing Firefox and WebKit packages are installed as root where apt-get has them (Debian:
``firefox-esr``, ``webkit2gtk-driver``, ``xvfb``). Where they cannot be, the engine tests
say what is missing and are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from devtools._system import apt_install, can_apt_install

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
#: Debian's packages for each engine besides Chromium.
ENGINE_PACKAGES = {"firefox": ("firefox-esr",), "webkit": ("webkit2gtk-driver", "xvfb")}


def _named(variable: str, programs: Sequence[str] = ()) -> Path | None:
    """The program ``$variable`` names (it must exist), else the first of ``programs`` on the PATH."""
    named = os.environ.get(variable)
    if named:
        path = Path(shutil.which(named) or named)
        if not path.is_file():
            msg = f"{variable}={named} is not a program"
            raise FileNotFoundError(msg)
        return path
    for program in programs:
        found = shutil.which(program)
        if found:
            return Path(found)
    return None


def find_chromium() -> Path | None:
    """The Chromium to launch, or None to use the one Playwright installed."""
    named = _named("CHROMIUM")
    if named is not None:
        return named
    return SYSTEM_CHROMIUM if SYSTEM_CHROMIUM.is_file() else None


def find_firefox() -> Path | None:
    """The Firefox to drive over WebDriver BiDi, if there is one."""
    return _named("FIREFOX", ("firefox-esr", "firefox"))


def find_webkit_driver() -> Path | None:
    """WebKitGTK's WebDriver server, if there is one."""
    return _named("WEBKIT_DRIVER", ("WebKitWebDriver",))


def find_xvfb() -> Path | None:
    """The virtual X server that gives WebKitGTK a display where there is none."""
    return _named("XVFB", ("Xvfb",))


def needs_virtual_display() -> bool:
    """Whether a WebKitGTK window here needs Xvfb: Linux without a display."""
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def missing_engines() -> dict[str, str]:
    """The engines besides Chromium that cannot be driven here, each with what it lacks."""
    missing = {}
    if find_firefox() is None:
        missing["firefox"] = "no Firefox (set FIREFOX, or install firefox-esr or firefox)"
    if find_webkit_driver() is None:
        missing["webkit"] = "no WebKitWebDriver (set WEBKIT_DRIVER, or install webkit2gtk-driver)"
    elif needs_virtual_display() and find_xvfb() is None:
        missing["webkit"] = "no display for WebKitGTK's window, and no Xvfb (install xvfb)"
    return missing


def install_chromium() -> str:
    """Make sure a Chromium exists; say which one."""
    found = find_chromium()
    if found is not None:
        return str(found)
    if can_apt_install():
        apt_install("chromium")
        return str(SYSTEM_CHROMIUM)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    return "Playwright's Chromium"


def install_engines() -> dict[str, str]:
    """Install what Firefox and WebKit lack, where apt-get may; what is still missing after."""
    missing = missing_engines()
    if missing and can_apt_install():
        packages = [package for engine in missing for package in ENGINE_PACKAGES[engine]]
        try:
            apt_install(*packages)
        except subprocess.CalledProcessError as error:
            print(f"Could not install {' '.join(packages)}: {error}", file=sys.stderr)  # noqa: T201
        missing = missing_engines()
    return missing
