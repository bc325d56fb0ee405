"""System packages the build and the tests need, installed the Debian way where we may."""

from __future__ import annotations

import os
import shutil
import subprocess


def can_apt_install() -> bool:
    """Whether this process may install Debian packages: root, with apt-get at hand."""
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(*packages: str) -> None:
    """``apt-get install`` the packages, after refreshing the package lists."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)  # noqa: S603, S607 (our package names)
