"""The pruned standard library as bytecode, compiled at build time by the pinned runtime itself.

Python compiles a module's source every time it imports it from a zip (a zip gets no
``__pycache__``), and in the reader's browser that was most of Python's start: under Node,
``loadPyodide`` took 3.1–3.6 s from the pruned zip's source and 0.9–1.1 s from its bytecode
(the prototype's figures; ``make bench`` has the browser's). So the build compiles each
module of the pruned zip into a ``.pyc``, as Pyodide does for the packages it publishes.

A ``.pyc`` holds one Python version's bytecode (3.14 for Pyodide 314.x, not the building
3.13), so it is made inside the pinned Pyodide, run under Node (``bytecode.mjs``, which runs
``pyc_zip.compile_zip``), without column tables (``PYTHONNODEBUGRANGES``): the zip is then
892 KB where the source's is 414 KB and bytecode with the columns about 1.19 MB.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from pathlib import Path

import build_tools.pyc_zip
from build_tools._errors import BuildError
from build_tools._runtime import Runtime

#: The Node script that starts Pyodide, and the Python module it runs there.
NODE_SCRIPT = Path(__file__).with_name("bytecode.mjs")
PYC_ZIP_MODULE = Path(build_tools.pyc_zip.__file__)


def bytecode_inputs() -> str:
    """A hash of the code that makes the bytecode, for the cache keys of what it makes."""
    digest = hashlib.sha256()
    for path in (NODE_SCRIPT, PYC_ZIP_MODULE):
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def compile_in_runtime(data: bytes, runtime: Runtime) -> bytes:
    """``data`` (a zip of modules) with every ``.py`` made ``.pyc`` by ``runtime``'s Python.

    Raises:
        BuildError: Node is missing, or the runtime could not compile a module.
    """
    with tempfile.TemporaryDirectory(prefix="second-date-bytecode-") as scratch:
        source, target = Path(scratch, "in.zip"), Path(scratch, "out.zip")
        source.write_bytes(data)
        command = [
            "node",
            str(NODE_SCRIPT),
            str(runtime.directory),
            str(source),
            str(target),
            str(PYC_ZIP_MODULE),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our script)
        except FileNotFoundError as error:
            raise BuildError(
                "Node.js is needed to compile the standard library: install it (`make setup`)"
            ) from error
        if done.returncode != 0:
            raise BuildError(f"{NODE_SCRIPT.name} failed ({done.returncode}):\n{done.stderr[-4000:]}")
        return target.read_bytes()
