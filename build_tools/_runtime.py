"""The Pyodide runtime, installed from the npm registry at the version package.json pins."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from build_tools._errors import BuildError
from build_tools._paths import PROJECT_ROOT

#: What the browser needs from the npm package; no source maps, consoles or typings.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


@dataclass(frozen=True, slots=True)
class Runtime:
    """An installed copy of the pinned runtime."""

    version: str
    directory: Path

    @property
    def lock_file(self) -> Path:
        """The runtime's own ``pyodide-lock.json``."""
        return self.directory / "pyodide-lock.json"


def _pinned_version(project_dir: Path) -> str:
    manifest = json.loads((project_dir / "package.json").read_text(encoding="utf-8"))
    version = str(manifest["dependencies"]["pyodide"])
    if not version[:1].isdigit():
        raise BuildError(f"package.json must pin pyodide to an exact version, not {version!r}")
    return version


def find_runtime(project_dir: Path = PROJECT_ROOT) -> Runtime:
    """Find the runtime ``npm ci`` installed and check it is the pinned version."""
    pinned = _pinned_version(project_dir)
    directory = project_dir / "node_modules" / "pyodide"
    manifest = directory / "package.json"
    if not manifest.is_file():
        raise BuildError(f"Pyodide {pinned} is not installed: run `npm ci` in {project_dir}")
    installed = str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    if installed != pinned:
        raise BuildError(f"node_modules has Pyodide {installed}, package.json pins {pinned}: run `npm ci`")
    missing = [name for name in RUNTIME_FILES if not (directory / name).is_file()]
    if missing:
        raise BuildError(f"the Pyodide package lacks {missing}")
    return Runtime(version=installed, directory=directory)
