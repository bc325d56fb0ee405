"""Material partials the site overrides for accessibility stay Material's, plus one label."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides" / "partials"
MATERIAL = Path(material.__file__).parent / "templates" / "partials"
LABELLED = ["search.html", "progress.html"]


def without_comments(template: str) -> str:
    return re.sub(r"\{#-.*?-#\}\n", "", template, flags=re.DOTALL)


@pytest.mark.parametrize("name", LABELLED)
def test_override_is_materials_partial_plus_an_aria_label(name: str) -> None:
    ours = without_comments((OVERRIDES / name).read_text(encoding="utf-8"))
    theirs = without_comments((MATERIAL / name).read_text(encoding="utf-8"))
    labels = re.findall(r' aria-label="[^"]*"', ours)
    assert ours.replace(labels[0], "", 1) == theirs, f"Material's {name} changed: copy it again"
    assert len(labels) == len(re.findall(r' aria-label="[^"]*"', theirs)) + 1
