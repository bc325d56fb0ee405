"""Installing system packages: the commands, run as apt-get expects them."""

from __future__ import annotations

from devtools import _system


def test_apt_install_refreshes_the_lists_then_installs_quietly(monkeypatch):
    commands = []
    monkeypatch.setattr(_system.subprocess, "run", lambda cmd, **kwargs: commands.append((cmd, kwargs)))
    _system.apt_install("chromium")
    assert [cmd for cmd, _ in commands] == [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "chromium"],
    ]
    assert all(kwargs["check"] for _, kwargs in commands)
    assert all(kwargs["env"]["DEBIAN_FRONTEND"] == "noninteractive" for _, kwargs in commands)


def test_apt_install_takes_several_packages_in_one_go(monkeypatch):
    commands = []
    monkeypatch.setattr(_system.subprocess, "run", lambda cmd, **_: commands.append(cmd))
    _system.apt_install("firefox-esr", "xvfb")
    assert commands == [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "firefox-esr", "xvfb"],
    ]
