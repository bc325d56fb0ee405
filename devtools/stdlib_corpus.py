"""A pytest plugin that records every request the calculator's tests put to it.

``python -m devtools.stdlib_trace`` runs the calculator's tests with it (``-p
devtools.stdlib_corpus``): every table case, parity case, error path and hypothesis example
that reaches ``handle_request`` or ``plan_from_fields`` is kept as the request text the
browser's worker would send, and written, once the tests end, as a JSON list to the file
named by the environment variable ``STDLIB_CORPUS``.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import calculator
from calculator._browser import PROTOCOL_VERSION

#: The environment variable naming the file the corpus is written to.
CORPUS_VARIABLE = "STDLIB_CORPUS"
#: The public functions whose input is (or holds) a request, by name.
RECORDED = ("handle_request", "plan_from_fields")

_requests: dict[str, None] = {}


def _as_request(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> str | None:
    first = args[0] if args else next(iter(kwargs.values()), None)
    if name == "handle_request":
        return first if isinstance(first, str) else None
    if isinstance(first, Mapping):
        fields = {str(key): "" if value is None else str(value) for key, value in first.items()}
        return json.dumps({"v": PROTOCOL_VERSION, "fields": fields}, ensure_ascii=False)
    return None


def _recording(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def record(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 (the wrapped function's own)
        request = _as_request(name, args, kwargs)
        if request is not None:
            _requests.setdefault(request)
        return original(*args, **kwargs)

    return record


def pytest_configure(config: pytest.Config) -> None:  # noqa: ARG001 (pytest's hook signature)
    """Wrap the recorded functions wherever the calculator's modules name them, before tests import them."""
    for name in RECORDED:
        original = getattr(calculator, name)
        wrapped = _recording(name, original)
        for module_name, module in list(sys.modules.items()):
            ours = module_name == "calculator" or module_name.startswith("calculator.")
            if ours and getattr(module, name, None) is original:
                setattr(module, name, wrapped)


def pytest_unconfigure(config: pytest.Config) -> None:  # noqa: ARG001 (pytest's hook signature)
    """Write the requests seen, in the order first seen."""
    target = os.environ.get(CORPUS_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(list(_requests), ensure_ascii=False), encoding="utf-8")
