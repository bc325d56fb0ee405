"""The pruned standard library: the tracked list, the check against the runtime, the zip."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from build_tools import BuildError
from build_tools._runtime import Runtime, find_runtime
from build_tools._stdlib import (
    LIST_PATH,
    STDLIB_ZIP,
    StdlibList,
    check_list,
    file_sha256,
    make_pruned_zip,
    minify,
    pruned_stdlib,
    read_list,
)
from build_tools.pyc_zip import compile_zip

MODULE = '''"""A module's docstring."""

# a comment
from dataclasses import dataclass


@dataclass
class Point:
    """A point."""

    x: int
    y: int = 0

    def moved(self, by: int, /) -> "Point":
        """Moved along x."""
        assert by is not None
        return Point(self.x + by, self.y)
'''


def write_zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 9, 14, 3, 3, 0)), text)
    return path


@pytest.fixture
def runtime(tmp_path: Path) -> Runtime:
    """A runtime folder whose standard library holds a package, two modules and a data file."""
    folder = tmp_path / "pyodide"
    folder.mkdir()
    write_zip(
        folder / STDLIB_ZIP,
        {
            "json/": "",
            "json/__init__.py": "from .decoder import *  # the package\n",
            "json/decoder.py": '"""Decoding."""\nVALUE = 1\n',
            "point.py": MODULE,
            "unused.py": "X = 1\n",
            "tomllib/mypy.ini": "[mypy]\n",
        },
    )
    return Runtime(version="314.0.7", directory=folder)


def listing(
    runtime: Runtime, files: tuple[str, ...] = ("json/__init__.py", "json/decoder.py", "point.py")
) -> StdlibList:
    return StdlibList(
        pyodide=runtime.version,
        stdlib_sha256=file_sha256(runtime.directory / STDLIB_ZIP),
        requests=3,
        files=files,
    )


def test_the_list_reads_back_as_written(runtime: Runtime) -> None:
    listed = listing(runtime)
    text = listed.to_text()
    assert text.startswith("# ")
    assert StdlibList.from_text(text) == dataclasses.replace(listed, files=tuple(sorted(listed.files)))


@pytest.mark.parametrize(
    "text", ["", "pyodide: 1\nfiles:\n", "pyodide: 1\nstdlib-sha256: a\nrequests: many\nfiles:\n"]
)
def test_a_list_that_is_not_one_stops_the_build(text: str) -> None:
    with pytest.raises(BuildError, match="make stdlib-trace"):
        StdlibList.from_text(text)


def test_the_tracked_list_was_traced_with_the_pinned_runtime() -> None:
    listed = read_list()
    check_list(listed, find_runtime())
    assert listed.requests > 1000  # the tests' corpus, not a handful of requests
    assert {"json/__init__.py", "dataclasses.py", "difflib.py"} <= set(listed.files)
    assert LIST_PATH.read_text(encoding="utf-8") == listed.to_text()  # as the trace writes it


def test_a_list_traced_with_another_runtime_stops_the_build(runtime: Runtime) -> None:
    listed = listing(runtime)
    check_list(listed, runtime)
    for stale in (
        dataclasses.replace(listed, pyodide="314.0.6"),
        dataclasses.replace(listed, stdlib_sha256="0" * 64),
    ):
        with pytest.raises(BuildError, match=r"traced with Pyodide .* run `make stdlib-trace`"):
            check_list(stale, runtime)


def test_the_zip_holds_only_the_listed_files_and_their_folders(runtime: Runtime) -> None:
    data = make_pruned_zip(runtime.directory / STDLIB_ZIP, listing(runtime).files)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["json/", "json/__init__.py", "json/decoder.py", "point.py"]
        assert {info.date_time for info in archive.infolist()} == {(2026, 9, 14, 3, 3, 0)}
        point = archive.read("point.py").decode()
    assert "docstring" not in point
    assert "comment" not in point
    assert "x:int" in point  # dataclasses read annotations: they stay
    assert "by:int,/)" in point  # and so do positional-only parameters
    assert "assert" in point
    namespace: dict[str, object] = {}
    exec(compile(point, "point.py", "exec"), namespace)  # noqa: S102 (our own test module)
    moved = namespace["Point"](1).moved(2)  # type: ignore[operator]
    assert (moved.x, moved.y) == (3, 0)


def test_the_same_inputs_make_the_same_bytes(runtime: Runtime) -> None:
    files = listing(runtime).files
    assert make_pruned_zip(runtime.directory / STDLIB_ZIP, files) == make_pruned_zip(
        runtime.directory / STDLIB_ZIP, tuple(reversed(files))
    )


def test_a_listed_file_the_runtime_lacks_stops_the_build(runtime: Runtime) -> None:
    with pytest.raises(BuildError, match=r"lacks \['gone\.py'\]"):
        make_pruned_zip(runtime.directory / STDLIB_ZIP, ("gone.py",))


def test_syntax_newer_than_the_building_python_is_kept_as_it_is() -> None:
    newer = "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n"  # 3.14's except without brackets
    assert minify(newer, "site.py") == newer
    assert minify('"""Doc."""\nX = 1  # one\n', "x.py") == "X=1"


def with_this_python(data: bytes, runtime: Runtime) -> bytes:  # noqa: ARG001 (the build's compiler's shape)
    """The bytecode step done by the Python running the tests, not by a runtime under Node."""
    return compile_zip(data)


def test_the_zip_is_made_once_and_kept_under_its_inputs(runtime: Runtime, tmp_path: Path) -> None:
    list_path = tmp_path / "pruned-stdlib.txt"
    list_path.write_text(listing(runtime).to_text(), encoding="utf-8")
    cache = tmp_path / "cache"
    first = pruned_stdlib(runtime, cache, list_path, with_this_python)
    assert pruned_stdlib(runtime, cache, list_path, with_this_python) == first
    list_path.write_text(listing(runtime, ("point.py",)).to_text(), encoding="utf-8")
    second = pruned_stdlib(runtime, cache, list_path, with_this_python)
    assert second != first
    assert list(first.parent.iterdir()) == [second]  # the older zip is gone
    with zipfile.ZipFile(second) as archive:
        assert archive.namelist() == ["point.pyc"]


def test_a_build_with_another_pinned_runtime_stops_until_the_trace_is_run_again(
    runtime: Runtime, tmp_path: Path
) -> None:
    list_path = tmp_path / "pruned-stdlib.txt"
    list_path.write_text(listing(runtime).to_text(), encoding="utf-8")
    upgraded = Runtime(version="314.0.8", directory=runtime.directory)
    with pytest.raises(BuildError, match=r"Pyodide 314\.0\.7 .* pinned runtime is Pyodide 314\.0\.8"):
        pruned_stdlib(upgraded, tmp_path / "cache", list_path)
    write_zip(runtime.directory / STDLIB_ZIP, {"point.py": MODULE})  # same version, another zip
    with pytest.raises(BuildError, match="run `make stdlib-trace`"):
        pruned_stdlib(runtime, tmp_path / "cache", list_path)
    assert not (tmp_path / "cache").exists()
