"""The standard library's bytecode: a zip of modules made into one of ``.pyc`` files."""

from __future__ import annotations

import importlib
import importlib.util
import io
import sys
import traceback
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools._bytecode import compile_in_runtime
from build_tools._runtime import find_runtime
from build_tools.pyc_zip import compile_zip

DATE = (2026, 9, 14, 3, 3, 0)
FILES = {
    "shapes/": b"",
    "shapes/__init__.py": b"from .square import area\n",
    "shapes/square.py": (
        b"def area(side):\n    if side < 0:\n        raise ValueError(side)\n    return side * side\n"
    ),
    "shapes/py.typed": b"",
    "tomllib/mypy.ini": b"[mypy]\n",
}


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=DATE), body)
    return out.getvalue()


@pytest.fixture
def on_path(tmp_path: Path) -> Iterator[Path]:
    """A zip path put first on ``sys.path`` for the test, and the package it holds forgotten after."""
    path = tmp_path / "compiled.zip"
    sys.path.insert(0, str(path))
    try:
        yield path
    finally:
        sys.path.remove(str(path))
        for name in [name for name in sys.modules if name.split(".")[0] == "shapes"]:
            del sys.modules[name]
        importlib.invalidate_caches()


def test_modules_become_bytecode_and_other_files_stay() -> None:
    with zipfile.ZipFile(io.BytesIO(compile_zip(zip_of(FILES)))) as archive:
        assert archive.namelist() == [
            "shapes/",
            "shapes/__init__.pyc",
            "shapes/square.pyc",
            "shapes/py.typed",
            "tomllib/mypy.ini",
        ]
        assert {info.date_time for info in archive.infolist()} == {DATE}
        assert archive.read("tomllib/mypy.ini") == FILES["tomllib/mypy.ini"]
        assert archive.read("shapes/square.pyc")[:4] == importlib.util.MAGIC_NUMBER


def test_python_imports_the_bytecode_from_the_zip_without_its_source(on_path: Path) -> None:
    on_path.write_bytes(compile_zip(zip_of(FILES), prefix=f"{on_path}/"))
    shapes = importlib.import_module("shapes")
    assert shapes.area(3) == 9
    assert shapes.__spec__.origin == f"{on_path}/shapes/__init__.pyc"
    with pytest.raises(ValueError, match="-1") as raised:
        shapes.area(-1)
    where = traceback.extract_tb(raised.value.__traceback__)[-1]
    assert (where.filename, where.lineno) == (f"{on_path}/shapes/square.py", 3)  # the line, as from source


def test_the_same_zip_gives_the_same_bytes() -> None:
    assert compile_zip(zip_of(FILES)) == compile_zip(zip_of(FILES))


def test_source_python_cannot_compile_stops_with_its_error() -> None:
    with pytest.raises(SyntaxError):
        compile_zip(zip_of({"bad.py": b"def (:\n"}))


def test_the_pinned_runtime_compiles_for_itself() -> None:
    """The real step: Pyodide under Node, whose magic number is 3.14's, not this Python's."""
    compiled = compile_in_runtime(zip_of(FILES), find_runtime())
    with zipfile.ZipFile(io.BytesIO(compiled)) as archive:
        magic = archive.read("shapes/square.pyc")[:4]
        assert [name for name in archive.namelist() if name.endswith(".pyc")] == [
            "shapes/__init__.pyc",
            "shapes/square.pyc",
        ]
    assert magic != importlib.util.MAGIC_NUMBER  # 3.14's bytecode, which this 3.13 could not run
    assert compile_in_runtime(zip_of(FILES), find_runtime()) == compiled
