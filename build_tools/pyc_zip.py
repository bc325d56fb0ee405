"""A zip of Python modules made into one of their bytecode: each ``x.py`` becomes ``x.pyc``.

Runs inside the Python that will import the result (the pinned Pyodide, under Node: see
``build_tools._bytecode``), because a ``.pyc`` holds one Python version's bytecode and is
refused by any other. Only the standard library is used, so it runs anywhere.

The ``.pyc`` layout is CPython's (PEP 552): the interpreter's magic number, then flags 0
(checked by timestamp), a source time and size of 0, and the marshalled code object. A zip
holds no source beside them, so Python never compares the time: it loads the code as it is.
Entries keep their order, dates and attributes; the output is the same for the same input.
"""

from __future__ import annotations

import importlib.util
import io
import marshal
import zipfile

#: What follows the magic number in each file: flags, source time, source size (all zero).
_HEADER_TAIL = bytes(12)


def bytecode_of(source: bytes, filename: str) -> bytes:
    """One module's ``.pyc`` bytes: ``source`` compiled as this Python compiles it.

    ``filename`` is the name tracebacks give. Docstrings and asserts stay as the source has
    them (no optimisation level): the bytecode behaves as the source does. Raises
    ``SyntaxError`` for source this Python cannot compile.
    """
    code = compile(source, filename, "exec", dont_inherit=True, optimize=0)
    return importlib.util.MAGIC_NUMBER + _HEADER_TAIL + marshal.dumps(code)


def compile_zip(data: bytes, prefix: str = "") -> bytes:
    """``data`` (a zip) with each ``.py`` entry replaced by its ``.pyc``; other entries as they are.

    ``prefix`` goes before each entry's name in the code's file name (where the zip will be
    mounted, ``/lib/python314.zip/``), so a traceback names the module as it would have.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            name = info.filename
            if name.endswith(".py"):
                body = bytecode_of(body, prefix + name)
                name += "c"
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
            entry.external_attr = info.external_attr
            entry.compress_type = zipfile.ZIP_DEFLATED if body else zipfile.ZIP_STORED
            target.writestr(entry, body, compresslevel=9)
    return out.getvalue()
