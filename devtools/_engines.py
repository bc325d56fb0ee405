"""The engines besides Chromium, opened by name for the engine tests and the benchmark."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from devtools._browsers import find_firefox, find_webkit_driver, find_xvfb, needs_virtual_display
from devtools._firefox import firefox
from devtools._webdriver import Browser
from devtools._webkit import virtual_display, webkit

#: The engines besides Chromium, by the names the tests and the benchmark use.
ENGINES = ("firefox", "webkit")


@contextmanager
def open_engine(name: str, scratch: Path) -> Iterator[Browser]:
    """A page in the system's ``name`` engine ("firefox" or "webkit"), for as long as the block runs.

    Firefox keeps its fresh profile in ``scratch`` (an empty folder). ``missing_engines``
    says beforehand whether the engine can be had here.
    """
    with ExitStack() as stack:
        if name == "firefox":
            program = find_firefox()
            if program is None:
                msg = "no Firefox"
                raise FileNotFoundError(msg)
            yield stack.enter_context(firefox(program, scratch))
        elif name == "webkit":
            driver = find_webkit_driver()
            if driver is None:
                msg = "no WebKitWebDriver"
                raise FileNotFoundError(msg)
            display = None
            xvfb = find_xvfb()
            if needs_virtual_display() and xvfb is not None:
                display = stack.enter_context(virtual_display(xvfb))
            yield stack.enter_context(webkit(driver, display))
        else:
            msg = f"no engine named {name!r}: {', '.join(ENGINES)}"
            raise ValueError(msg)
