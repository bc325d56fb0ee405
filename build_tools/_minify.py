"""Python source without docstrings, comments or spare layout, for what the browser downloads.

Python itself drops docstrings under ``-OO`` (and the standard library is tested that way);
nothing here changes what the code does: annotations (which dataclasses read), positional-only
parameters, names, literals and asserts stay. The calculator's wheel ships its modules so
(``build_tools._wheel``), and so does the pruned standard library (``build_tools._stdlib``):
the reader's browser downloads the code, not its documentation. The library is
python-minifier (kept, and exact about Python's grammar; our own token-level stripping would
be the riskier code).

Minifying is slow (about 85 ms a module), so each result is kept in the build's cache, under
a hash of the source, the options, python-minifier's version and the building Python's: a
build whose modules did not change minifies nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
import warnings
from importlib import metadata
from pathlib import Path
from typing import TypedDict

import python_minifier

from build_tools._paths import CACHE_DIR

#: Where minified modules are kept between builds.
MINIFY_CACHE = CACHE_DIR / "minified"


class _MinifyOptions(TypedDict):
    remove_literal_statements: bool
    remove_annotations: bool
    remove_pass: bool
    combine_imports: bool
    hoist_literals: bool
    rename_locals: bool
    rename_globals: bool
    remove_object_base: bool
    convert_posargs_to_args: bool
    preserve_shebang: bool
    remove_asserts: bool
    remove_debug: bool
    remove_explicit_return_none: bool
    remove_builtin_exception_brackets: bool
    constant_folding: bool
    remove_dead_branches: bool


#: python-minifier's options: docstrings, comments and layout go, nothing else.
MINIFY_OPTIONS = _MinifyOptions(
    remove_literal_statements=True,
    remove_annotations=False,
    remove_pass=False,
    combine_imports=False,
    hoist_literals=False,
    rename_locals=False,
    rename_globals=False,
    remove_object_base=False,
    convert_posargs_to_args=False,
    preserve_shebang=True,
    remove_asserts=False,
    remove_debug=False,
    remove_explicit_return_none=False,
    remove_builtin_exception_brackets=False,
    constant_folding=False,
    remove_dead_branches=False,
)


@functools.cache
def _made_by() -> bytes:
    """What a minified module depends on besides its source: the tool, its options, the Python."""
    return json.dumps(
        [metadata.version("python-minifier"), list(sys.version_info[:2]), MINIFY_OPTIONS]
    ).encode()


def _cache_key(source: str) -> str:
    return hashlib.sha256(_made_by() + b"\0" + source.encode("utf-8", "surrogatepass")).hexdigest()


def minify(source: str, name: str, cache_dir: Path | None = MINIFY_CACHE) -> str:
    """``source`` without docstrings, comments or spare layout (python-minifier).

    A file the building Python cannot parse (syntax newer than it knows) is kept as it is.
    The result is kept in ``cache_dir`` (None: not kept) and read from there next time.
    """
    if cache_dir is None:
        return _minify(source, name)
    kept = cache_dir / f"{_cache_key(source)}.py"
    try:
        return kept.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    minified = _minify(source, name)
    kept.parent.mkdir(parents=True, exist_ok=True)
    scratch = kept.with_suffix(".tmp")
    scratch.write_text(minified, encoding="utf-8")
    scratch.replace(kept)  # whole or not at all, should two builds run at once
    return minified


def _minify(source: str, name: str) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)  # invalid escapes in old modules' strings
            return str(python_minifier.minify(source, filename=name, **MINIFY_OPTIONS))
    except SyntaxError:
        return source
