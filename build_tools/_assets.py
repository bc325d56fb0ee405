"""Put the runtime and the calculator wheel into the built site.

Layout under the site directory::

    assets/pyodide/<pyodide version>/   the runtime, never changes for a version
    assets/calculator/<hash>/           the wheel, the lock file that names it, the pruned
                                        standard library (python_stdlib.zip), and
                                        zoneinfo/<zone> for every time zone (tzdata)

The calculator's folder is named by the hash of the wheel, the pruned standard library, the
runtime's version and the time zone data's version, so a change to any of them gets a new
address (and a new memory snapshot key) and a cached copy is never stale. The lock file
lists only what the site serves (the calculator), each with its sha256, so the browser
checks the wheel's integrity, and a new deploy never pairs an old lock with a new wheel.
The runtime's own, full python_stdlib.zip stays in its folder: the worker falls back to it
if the pruned one ever lacks a module.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

from build_tools._paths import CACHE_DIR
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._stdlib import STDLIB_ZIP, file_sha256, pruned_stdlib
from build_tools._wheel import build_wheel
from build_tools._zones import ZONES_FOLDER, publish_zones, zones_version

LOCK_NAME = "pyodide-lock.json"


@dataclass(frozen=True, slots=True)
class CalculatorAssets:
    """A built wheel, the pruned standard library and the runtime, ready to be published."""

    runtime: Runtime
    wheel: Path
    wheel_sha256: str
    #: The pruned standard library's zip (see ``build_tools._stdlib``).
    stdlib: Path
    stdlib_sha256: str
    zones_version: str = ""

    @property
    def runtime_dir(self) -> PurePosixPath:
        """The runtime's folder, relative to the site root."""
        return PurePosixPath("assets", "pyodide", self.runtime.version)

    @property
    def calculator_dir(self) -> PurePosixPath:
        """The wheel's folder, relative to the site root; named by what it holds."""
        held = f"{self.wheel_sha256} {self.stdlib_sha256} {self.runtime.version} tzdata {self.zones_version}"
        return PurePosixPath("assets", "calculator", hashlib.sha256(held.encode()).hexdigest()[:12])

    @property
    def lock_file(self) -> PurePosixPath:
        """The site's lock file, relative to the site root."""
        return self.calculator_dir / LOCK_NAME

    def publish(self, site_dir: Path) -> None:
        """Copy the runtime, the wheel, a lock file naming the wheel and the zone files into ``site_dir``."""
        runtime_target = site_dir / self.runtime_dir
        runtime_target.mkdir(parents=True, exist_ok=True)
        for name in RUNTIME_FILES:
            if name != LOCK_NAME:  # the site's lock file lives beside the wheel it names
                shutil.copyfile(self.runtime.directory / name, runtime_target / name)
        calculator_target = site_dir / self.calculator_dir
        calculator_target.mkdir(parents=True, exist_ok=True)
        wheel = calculator_target / self.wheel.name
        shutil.copyfile(self.wheel, wheel)
        # The worker finds the pruned standard library beside the lock file.
        shutil.copyfile(self.stdlib, calculator_target / STDLIB_ZIP)
        runtime_lock = PyodideLockSpec.from_json(self.runtime.lock_file)
        lock = add_wheels_to_spec(runtime_lock, [wheel])
        # Keep only what this site serves: the runtime's other packages are not copied.
        lock.packages = {name: p for name, p in lock.packages.items() if name not in runtime_lock.packages}
        lock.to_json(site_dir / self.lock_file, indent=1)
        publish_zones(calculator_target / ZONES_FOLDER)


def prepare_calculator(
    scratch_dir: Path, runtime: Runtime | None = None, cache_dir: Path = CACHE_DIR
) -> CalculatorAssets:
    """Build the wheel into ``scratch_dir``, find the pinned runtime and its pruned library."""
    wheel = build_wheel(scratch_dir)
    runtime = runtime or find_runtime()
    stdlib = pruned_stdlib(runtime, cache_dir)
    return CalculatorAssets(
        runtime=runtime,
        wheel=wheel,
        wheel_sha256=file_sha256(wheel),
        stdlib=stdlib,
        stdlib_sha256=file_sha256(stdlib),
        zones_version=zones_version(),
    )
