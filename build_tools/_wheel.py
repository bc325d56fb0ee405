"""Build the calculator wheel with the project's own PEP 517 backend, then slim it.

Every reader downloads the wheel before the first answer, so its modules go without
docstrings, comments or spare layout (``build_tools._minify``), with the wheel's ``RECORD``
written again for the new bytes (PEP 376/427: each file's urlsafe-base64 SHA-256 and size).
Nothing the code does changes; the source tree keeps its documentation.

The site serves the wheel gzipped whole (``calculator-….whl.gz``, :func:`gzip_wheel`), its
entries stored rather than deflated one by one: one stream packs the 30 small modules
together, 28 KB against 39 KB for the same wheel deflated entry by entry (GitHub Pages
compresses neither: a ``.whl`` is served as it is). The worker unzips it with the browser's
``DecompressionStream``.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from build import ProjectBuilder
from pyproject_hooks import default_subprocess_runner

from build_tools._errors import BuildError
from build_tools._minify import minify
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
    slim_wheel(wheel)
    return wheel


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def slim_wheel(wheel: Path) -> None:
    """Rewrite ``wheel`` in place: its ``.py`` files minified, every file stored, a new RECORD.

    The entries keep their order, names, dates and permissions, so the same source still
    gives the same bytes.
    """
    with zipfile.ZipFile(wheel) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    slimmed: list[tuple[zipfile.ZipInfo, bytes]] = []
    record: list[str] = []
    for info, data in entries:
        if info.filename.endswith(".dist-info/RECORD"):
            record_info = info
            continue
        text = minify(data.decode("utf-8"), info.filename).encode() if info.filename.endswith(".py") else data
        slimmed.append((info, text))
        record.append(_record_line(info.filename, text))
    record.append(f"{record_info.filename},,")
    slimmed.append((record_info, ("\n".join(record) + "\n").encode()))
    with zipfile.ZipFile(wheel, "w") as target:
        for info, data in slimmed:
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.external_attr = info.external_attr
            target.writestr(entry, data, compress_type=zipfile.ZIP_STORED)


def gzip_wheel(wheel: Path, folder: Path) -> Path:
    """Write ``wheel`` gzipped into ``folder`` (level 9, no timestamp: the same wheel, the same bytes).

    Returns:
        The new file's path: the wheel's name with ``.gz`` added.
    """
    packed = folder / f"{wheel.name}.gz"
    packed.write_bytes(gzip.compress(wheel.read_bytes(), compresslevel=9, mtime=0))
    return packed
