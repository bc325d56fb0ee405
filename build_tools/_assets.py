"""Put the runtime and the calculator wheel into the built site.

Layout under the site directory::

    assets/pyodide/<pyodide version>/   the runtime, never changes for a version
    assets/calculator/<hash>/           the wheel, the lock file that names it, and
                                        zoneinfo/<zone> for every time zone (tzdata)

The calculator's folder is named by the hash of the wheel and the time zone data's version,
so a new release of either gets a new address and a cached copy is never stale.

The lock file lists only what the site serves (the calculator), each with its sha256,
so the browser checks the wheel's integrity, and a new deploy never pairs an old lock
with a new wheel.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._wheel import build_wheel
from build_tools._zones import ZONES_FOLDER, publish_zones, zones_version

LOCK_NAME = "pyodide-lock.json"


@dataclass(frozen=True, slots=True)
class CalculatorAssets:
    """A built wheel and the runtime, ready to be published into a site."""

    runtime: Runtime
    wheel: Path
    wheel_sha256: str
    zones_version: str = ""

    @property
    def runtime_dir(self) -> PurePosixPath:
        """The runtime's folder, relative to the site root."""
        return PurePosixPath("assets", "pyodide", self.runtime.version)

    @property
    def calculator_dir(self) -> PurePosixPath:
        """The wheel's folder, relative to the site root; named by the wheel's hash and the zones' version."""
        digest = hashlib.sha256(f"{self.wheel_sha256} tzdata {self.zones_version}".encode()).hexdigest()
        return PurePosixPath("assets", "calculator", digest[:12])

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
        runtime_lock = PyodideLockSpec.from_json(self.runtime.lock_file)
        lock = add_wheels_to_spec(runtime_lock, [wheel])
        # Keep only what this site serves: the runtime's other packages are not copied.
        lock.packages = {name: p for name, p in lock.packages.items() if name not in runtime_lock.packages}
        lock.to_json(site_dir / self.lock_file, indent=1)
        publish_zones(calculator_target / ZONES_FOLDER)


def prepare_calculator(scratch_dir: Path, runtime: Runtime | None = None) -> CalculatorAssets:
    """Build the wheel into ``scratch_dir`` and find the pinned runtime."""
    wheel = build_wheel(scratch_dir)
    return CalculatorAssets(
        runtime=runtime or find_runtime(),
        wheel=wheel,
        wheel_sha256=hashlib.sha256(wheel.read_bytes()).hexdigest(),
        zones_version=zones_version(),
    )
