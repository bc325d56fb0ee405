"""Minified modules are kept between builds, keyed by what made them."""

from pathlib import Path

import pytest

from build_tools import _minify
from build_tools._minify import minify

SOURCE = '"""A module."""\n\n\ndef f(x: int) -> int:\n    """Twice x."""\n    return x * 2  # doubled\n'


def test_a_module_is_minified_once_and_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    first = minify(SOURCE, "m.py", tmp_path)
    assert "Twice" not in first
    assert "doubled" not in first
    namespace: dict[str, object] = {}
    exec(first, namespace)  # noqa: S102 (our own test module's text)
    f = namespace["f"]
    assert callable(f)
    assert f(3) == 6
    assert f.__annotations__ == {"x": int, "return": int}  # annotations stay: dataclasses read them
    assert len(list(tmp_path.glob("*.py"))) == 1

    def refuse(*_: object, **__: object) -> str:
        raise AssertionError("minified again")

    monkeypatch.setattr(_minify.python_minifier, "minify", refuse)
    assert minify(SOURCE, "m.py", tmp_path) == first  # from the cache
    with pytest.raises(AssertionError, match="minified again"):
        minify(SOURCE + "\n# changed\n", "m.py", tmp_path)  # another source, another key


def test_without_a_cache_nothing_is_kept(tmp_path: Path):
    assert minify(SOURCE, "m.py", None) == minify(SOURCE, "m.py", tmp_path / "kept")
    assert not list(tmp_path.glob("*.py"))
