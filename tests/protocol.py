"""The protocol's one definition (the JSON Schema the page's types come from), for the tests.

``check_answer`` validates one of Python's answers against the schema's ``Answer``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).parent.parent / "docs/assets/javascripts/calculator/protocol.schema.json"


@cache
def schema() -> dict[str, Any]:
    """The schema, read once."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator(definition: str) -> Draft202012Validator:
    return Draft202012Validator({**schema(), "$ref": f"#/$defs/{definition}"})


def check(definition: str, value: Any) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``value`` is a valid ``definition``."""
    _validator(definition).validate(value)


def check_answer(answer: Any) -> None:
    """Raise unless ``answer`` (decoded) is a valid ``Answer``."""
    check("Answer", answer)
