"""The setup step that makes sure the social cards can be drawn."""

from __future__ import annotations

import pytest

from devtools import _cairo as cairo_library


def test_cairo_is_found_here():
    assert cairo_library.install() == "found"


def test_without_cairo_and_apt_it_says_what_to_install(monkeypatch):
    monkeypatch.setattr(cairo_library, "cairo_loads", lambda: False)
    monkeypatch.setattr(cairo_library, "can_apt_install", lambda: False)
    with pytest.raises(SystemExit, match="apt-get install libcairo2"):
        cairo_library.install()


def test_as_root_on_debian_it_installs_libcairo2(monkeypatch):
    installed = []
    monkeypatch.setattr(cairo_library, "cairo_loads", lambda: False)
    monkeypatch.setattr(cairo_library, "can_apt_install", lambda: True)
    monkeypatch.setattr(cairo_library, "apt_install", installed.append)
    assert cairo_library.install() == "installed libcairo2"
    assert installed == ["libcairo2"]
