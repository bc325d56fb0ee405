"""The standard library the site ships: only the part of Pyodide's the calculator uses.

Pyodide's ``python_stdlib.zip`` holds all of Python's standard library (2.5 MB compressed);
the calculator's worker imports about a quarter of its files. Which ones is found by
running the worker's steps and the calculator in Pyodide under Node over the whole test
corpus (``python -m devtools.stdlib_trace``, ``make stdlib-trace``), and written to a
tracked, reviewed list (:data:`LIST_PATH`) that names the runtime it was traced with.

A build takes the list, checks it was traced with the pinned runtime's own zip (else it
stops: the trace must be run again), and writes a zip of just those files, each with its
docstrings, comments and layout taken out by python-minifier, then compiled to bytecode by
the pinned runtime itself (``build_tools._bytecode``: ``x.py`` ships as ``x.pyc``, which
Python imports without compiling). The result is kept in the build's cache under a key
naming every input (the runtime's zip, the list, the minifier and its options, the building
Python, the bytecode step), so most builds reuse it.

The worker starts Python with this zip, and with the runtime's full zip only when an
import misses (see ``docs/assets/javascripts/calculator/worker-stdlib.js``).

List format (text; ``#`` lines are comments)::

    pyodide: 314.0.7
    stdlib-sha256: <sha256 of the runtime's python_stdlib.zip>
    requests: <how many requests the trace answered>
    files:
    _collections_abc.py
    ...
"""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath

from build_tools._bytecode import bytecode_inputs, compile_in_runtime
from build_tools._errors import BuildError
from build_tools._minify import MINIFY_OPTIONS, minify
from build_tools._paths import PROJECT_ROOT
from build_tools._runtime import Runtime

#: The tracked list of the standard library's files the calculator uses.
LIST_PATH = PROJECT_ROOT / "build_tools" / "pruned-stdlib.txt"
#: The runtime's own zip, which the list is traced from and the pruned zip taken from.
STDLIB_ZIP = "python_stdlib.zip"
#: The command that traces the list again.
TRACE_COMMAND = "make stdlib-trace"
#: Bumped when the way a zip is made changes, so cached zips are made again.
_ZIP_FORMAT = 2


_HEADER = f"""\
# The files of Pyodide's python_stdlib.zip that the calculator's worker imports: the
# site ships a zip of just these (build_tools/_stdlib.py). Written by `{TRACE_COMMAND}`,
# which runs the worker's steps and every request of the test corpus in Pyodide under
# Node; review the diff, never edit by hand. A build stops when the pinned runtime's zip
# is not the one named here.
"""


@dataclass(frozen=True, slots=True)
class StdlibList:
    """The traced list: the runtime it was traced with, and the files to ship."""

    pyodide: str
    stdlib_sha256: str
    requests: int
    files: tuple[str, ...]

    def to_text(self) -> str:
        """The list as the tracked file holds it."""
        lines = [
            f"pyodide: {self.pyodide}",
            f"stdlib-sha256: {self.stdlib_sha256}",
            f"requests: {self.requests}",
            "files:",
            *sorted(self.files),
        ]
        return _HEADER + "\n".join(lines) + "\n"

    @classmethod
    def from_text(cls, text: str, source: str = str(LIST_PATH)) -> StdlibList:
        """Read a list written by :meth:`to_text`; ``BuildError`` if it is not one."""
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
        if "files:" not in lines:
            raise BuildError(f"{source}: no `files:` line; write it again with `{TRACE_COMMAND}`")
        split = lines.index("files:")
        header = dict(line.partition(": ")[::2] for line in lines[:split])
        missing = {"pyodide", "stdlib-sha256", "requests"} - set(header)
        if missing or not header["requests"].isdigit():
            raise BuildError(f"{source}: a bad header; write it again with `{TRACE_COMMAND}`")
        return cls(
            pyodide=header["pyodide"],
            stdlib_sha256=header["stdlib-sha256"],
            requests=int(header["requests"]),
            files=tuple(lines[split + 1 :]),
        )


def read_list(path: Path = LIST_PATH) -> StdlibList:
    """The tracked list at ``path``."""
    if not path.is_file():
        raise BuildError(f"{path} is missing: trace it with `{TRACE_COMMAND}`")
    return StdlibList.from_text(path.read_text(encoding="utf-8"), str(path))


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_list(listed: StdlibList, runtime: Runtime, source: str = str(LIST_PATH)) -> None:
    """Stop the build unless ``listed`` was traced with this runtime's own zip."""
    digest = file_sha256(runtime.directory / STDLIB_ZIP)
    if (listed.pyodide, listed.stdlib_sha256) != (runtime.version, digest):
        raise BuildError(
            f"{source} was traced with Pyodide {listed.pyodide} (stdlib {listed.stdlib_sha256[:12]}), "
            f"but the pinned runtime is Pyodide {runtime.version} (stdlib {digest[:12]}): "
            f"run `{TRACE_COMMAND}`, review the list's diff and commit it"
        )


def _cache_key(runtime_zip: Path, listed: StdlibList) -> str:
    digest = hashlib.sha256()
    for part in (
        f"format {_ZIP_FORMAT}",
        file_sha256(runtime_zip),
        listed.to_text(),
        f"python-minifier {version('python-minifier')}",
        repr(sorted(MINIFY_OPTIONS.items())),
        f"python {sys.version_info.major}.{sys.version_info.minor}",
        f"bytecode {bytecode_inputs()}",
    ):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:16]


def make_pruned_zip(runtime_zip: Path, files: tuple[str, ...]) -> bytes:
    """A zip of ``files`` from ``runtime_zip``, minified, in the runtime zip's order and dates.

    The same inputs give the same bytes. Folder entries are kept for the folders that hold a
    kept file. ``BuildError`` if a listed file is not in the runtime's zip.
    """
    wanted = set(files)
    folders = {
        str(parent) + "/" for name in files for parent in PurePosixPath(name).parents if str(parent) != "."
    }
    out = io.BytesIO()
    with zipfile.ZipFile(runtime_zip) as source, zipfile.ZipFile(out, "w") as target:
        missing = wanted - set(source.namelist())
        if missing:
            raise BuildError(f"the runtime's {STDLIB_ZIP} lacks {sorted(missing)}: run `{TRACE_COMMAND}`")
        for info in source.infolist():
            if info.filename not in wanted and info.filename not in folders:
                continue
            data = source.read(info)
            if info.filename.endswith(".py"):
                data = minify(data.decode("utf-8"), info.filename).encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.external_attr = info.external_attr
            entry.compress_type = zipfile.ZIP_DEFLATED if data else zipfile.ZIP_STORED
            target.writestr(entry, data, compresslevel=9)
    return out.getvalue()


#: How a zip of modules becomes one of bytecode for a runtime (``compile_in_runtime``).
type Compiler = Callable[[bytes, Runtime], bytes]


def pruned_stdlib(
    runtime: Runtime, cache_dir: Path, list_path: Path = LIST_PATH, compiler: Compiler = compile_in_runtime
) -> Path:
    """The pruned standard library's zip for ``runtime``, made or taken from ``cache_dir``.

    Its modules are bytecode (``x.pyc``) compiled by ``runtime``'s Python (``compiler``);
    other files as listed.

    Raises:
        BuildError: the list was traced with another runtime, or names a file its zip lacks,
            or the bytecode could not be made (see ``build_tools._bytecode``).
    """
    listed = read_list(list_path)
    check_list(listed, runtime, str(list_path))
    runtime_zip = runtime.directory / STDLIB_ZIP
    folder = cache_dir / "stdlib"
    kept = folder / f"python_stdlib-{_cache_key(runtime_zip, listed)}.zip"
    if kept.is_file():
        return kept
    data = compiler(make_pruned_zip(runtime_zip, listed.files), runtime)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("python_stdlib-*.zip"):
        old.unlink()
    partial = kept.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(kept)  # a build stopped half-way leaves no half-written zip behind
    return kept
