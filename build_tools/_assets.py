"""Put the runtime, the calculator wheel and the region data into the built site.

Layout under the site directory::

    assets/pyodide/<pyodide version>/   the runtime, never changes for a version
    assets/calculator/<hash>/           the wheel (gzipped), the lock file that names it, the pruned
                                        standard library (python_stdlib.zip),
                                        regions.json, the region data's manifest, and
                                        zoneinfo/<zone> for every time zone (tzdata)
    assets/regions/<version>/           index.json and one file per region (KR.json)

The calculator's folder is named by the hash of the wheel, the pruned standard library, the
runtime's version, the time zone data's version and the region data's, so a change to any of
them gets a new address (and a new memory snapshot key), a cached copy is never stale and a
new deploy never pairs an old lock or manifest with new files. The lock file lists only what
the site serves (the calculator), each with its sha256, so the browser checks the wheel's
integrity. The wheel is served gzipped (``build_tools._wheel.gzip_wheel``): the lock's entry
names that file and gives its sha256, the one the browser checks; Pyodide's own installer
is never asked to read it (the worker unpacks the wheel itself). The region manifest does
the same for the region data: each file's digest (a truncated SHA-256,
``_region_data.DIGEST``), how it is written, and where the files are.
The runtime's own, full python_stdlib.zip stays in its folder: the worker falls back to it
if the pruned one ever lacks a module.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

from build_tools._paths import CACHE_DIR
from build_tools._region_data import DIGEST, RegionSet
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._stdlib import STDLIB_ZIP, file_sha256, pruned_stdlib
from build_tools._wheel import build_wheel, gzip_wheel
from build_tools._zones import ZONES_FOLDER, publish_zones, zones_version

LOCK_NAME = "pyodide-lock.json"
#: The region data's manifest, beside the lock file.
REGIONS_MANIFEST = "regions.json"


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
    regions: RegionSet | None = None

    @property
    def runtime_dir(self) -> PurePosixPath:
        """The runtime's folder, relative to the site root."""
        return PurePosixPath("assets", "pyodide", self.runtime.version)

    @property
    def calculator_dir(self) -> PurePosixPath:
        """The wheel's folder, relative to the site root; named by what it holds.

        The hash of the wheel, the pruned standard library, the runtime's version, the time
        zone data's version and the region data's.
        """
        regions = self.regions.version if self.regions else ""
        held = (
            f"{self.wheel_sha256} {self.stdlib_sha256} {self.runtime.version}"
            f" tzdata {self.zones_version} regions {regions}"
        )
        return PurePosixPath("assets", "calculator", hashlib.sha256(held.encode()).hexdigest()[:12])

    @property
    def regions_dir(self) -> PurePosixPath:
        """The region files' folder, relative to the site root; named by their version."""
        return PurePosixPath("assets", "regions", self.regions.version if self.regions else "none")

    def regions_manifest(self) -> dict[str, object]:
        """The manifest the worker reads beside the lock: where the region files are, and their hashes."""
        if self.regions is None:
            return {}
        base = PurePosixPath("..", "..", *self.regions_dir.parts[1:])
        return {
            "version": self.regions.version,
            "base": f"{base}/",
            "digest": DIGEST,
            "files": dict(self.regions.files),
        }

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
        packed = gzip_wheel(self.wheel, calculator_target)
        # The worker finds the pruned standard library beside the lock file.
        shutil.copyfile(self.stdlib, calculator_target / STDLIB_ZIP)
        runtime_lock = PyodideLockSpec.from_json(self.runtime.lock_file)
        lock = add_wheels_to_spec(runtime_lock, [self.wheel])
        # Keep only what this site serves: the runtime's other packages are not copied.
        lock.packages = {name: p for name, p in lock.packages.items() if name not in runtime_lock.packages}
        for entry in lock.packages.values():  # the wheel as served: gzipped
            entry.file_name, entry.sha256 = packed.name, file_sha256(packed)
        lock.to_json(site_dir / self.lock_file, indent=1)
        publish_zones(calculator_target / ZONES_FOLDER)
        if self.regions is not None:
            self._publish_regions(site_dir, self.regions)

    def _publish_regions(self, site_dir: Path, regions: RegionSet) -> None:
        target = site_dir / self.regions_dir
        target.mkdir(parents=True, exist_ok=True)
        for name in regions.files:
            shutil.copyfile(regions.directory / name, target / name)
        manifest = json.dumps(self.regions_manifest(), separators=(",", ":"))
        (site_dir / self.calculator_dir / REGIONS_MANIFEST).write_text(manifest, encoding="utf-8")


def prepare_calculator(
    scratch_dir: Path,
    runtime: Runtime | None = None,
    regions: RegionSet | None = None,
    cache_dir: Path = CACHE_DIR,
) -> CalculatorAssets:
    """Build the wheel into ``scratch_dir``, find the pinned runtime and its pruned library.

    ``regions`` are published beside them; ``cache_dir`` keeps the pruned library between builds.
    """
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
        regions=regions,
    )
