"""Build the calculator wheel with the project's own PEP 517 backend."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from build import ProjectBuilder
from pyproject_hooks import default_subprocess_runner

from build_tools._errors import BuildError
from build_tools._paths import PROJECT_ROOT

#: A fixed timestamp for every file in the wheel, so the same source gives the same
#: bytes, the same hash and so the same URL: browsers keep their cached copy.
_SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, the earliest a zip file can say


def _reproducible_runner(
    cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None
) -> None:
    default_subprocess_runner(cmd, cwd, {**(extra_environ or {}), "SOURCE_DATE_EPOCH": _SOURCE_DATE_EPOCH})


def build_wheel(out_dir: Path, project_dir: Path = PROJECT_ROOT) -> Path:
    """Build ``calculator``'s py3-none-any wheel into ``out_dir`` and return its path.

    The backend (flit_core) is installed in the development environment, so the build
    runs without isolation and needs no network.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    builder = ProjectBuilder(project_dir, runner=_reproducible_runner)
    missing = builder.check_dependencies("wheel")
    if missing:
        raise BuildError(f"the wheel's build backend is not installed: {sorted(missing)}")
    wheel = Path(builder.build("wheel", out_dir))
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise BuildError(f"expected a pure-Python wheel, got {wheel.name}")
    return wheel
