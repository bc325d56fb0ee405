"""Finding and installing the browsers the tests drive (devtools/_browsers.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from devtools import _browsers as browser


@pytest.fixture
def path_with(tmp_path, monkeypatch):
    """Make ``PATH`` hold only the named (empty, executable) programs; no display, no overrides."""

    def make(*programs: str) -> None:
        for program in programs:
            executable = tmp_path / program
            executable.write_text("")
            executable.chmod(0o755)
        monkeypatch.setenv("PATH", str(tmp_path))

    for variable in ("FIREFOX", "WEBKIT_DRIVER", "XVFB", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    return make


def test_finds_debians_firefox_and_webkit_on_the_path(path_with):
    path_with("firefox-esr", "WebKitWebDriver", "Xvfb")
    assert browser.find_firefox().name == "firefox-esr"
    assert browser.missing_engines() == {}


def test_says_what_each_missing_engine_lacks(path_with):
    path_with("firefox")
    assert browser.find_firefox().name == "firefox"
    assert browser.missing_engines() == {
        "webkit": "no WebKitWebDriver (set WEBKIT_DRIVER, or install webkit2gtk-driver)"
    }


def test_webkit_on_linux_without_a_display_needs_xvfb(path_with, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    path_with("WebKitWebDriver")
    assert "install xvfb" in browser.missing_engines()["webkit"]
    monkeypatch.setenv("DISPLAY", ":0")
    assert "webkit" not in browser.missing_engines()


def test_a_variable_naming_no_program_is_an_error(path_with, monkeypatch):
    path_with()
    monkeypatch.setenv("FIREFOX", "/no/such/firefox")
    with pytest.raises(FileNotFoundError, match="FIREFOX=/no/such/firefox"):
        browser.find_firefox()


def test_installs_only_the_missing_engines_packages(monkeypatch):
    missing = iter([{"webkit": "no WebKitWebDriver"}, {}])
    installed = []
    monkeypatch.setattr(browser, "missing_engines", lambda: next(missing))
    monkeypatch.setattr(browser, "can_apt_install", lambda: True)
    monkeypatch.setattr(browser, "apt_install", lambda *packages: installed.append(packages))
    assert browser.install_engines() == {}
    assert installed == [("webkit2gtk-driver", "xvfb")]


def test_a_failed_install_leaves_the_engine_missing_and_says_so(monkeypatch, capsys):
    monkeypatch.setattr(browser, "missing_engines", lambda: {"firefox": "no Firefox"})
    monkeypatch.setattr(browser, "can_apt_install", lambda: True)

    def refuse(*packages: str) -> None:
        raise subprocess.CalledProcessError(100, ["apt-get", "install", *packages])

    monkeypatch.setattr(browser, "apt_install", refuse)
    assert browser.install_engines() == {"firefox": "no Firefox"}
    assert "Could not install firefox-esr" in capsys.readouterr().err


def test_installs_nothing_without_root(monkeypatch):
    monkeypatch.setattr(browser, "missing_engines", lambda: {"firefox": "no Firefox"})
    monkeypatch.setattr(browser, "can_apt_install", lambda: False)
    monkeypatch.setattr(browser, "apt_install", lambda *_: pytest.fail("must not install"))
    assert browser.install_engines() == {"firefox": "no Firefox"}
