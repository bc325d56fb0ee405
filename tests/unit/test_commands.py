"""The commands the README, the Makefile and the workflow name are there to run."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMED_IN = ["README.md", "Makefile", ".github/workflows/pages.yml"]


@pytest.mark.parametrize("name", NAMED_IN)
def test_every_python_module_named_there_exists(name: str):
    # Not the tools' own Python, which only installs uv (Makefile: $(TOOLS)/bin/python -m pip).
    text = (ROOT / name).read_text(encoding="utf-8")
    modules = set(re.findall(r"(?<!\(TOOLS\)/bin/)python -m ([\w.]+)", text))
    assert modules
    for module in sorted(modules):
        assert importlib.util.find_spec(module) is not None, module
