"""The seam the browser worker calls: a JSON request of strings in, a JSON answer out.

The request is ``{"v": 1, "fields": {"interviewed": "2026-12-17", "reply": "1w", ...}}``.
The answer is ``{"v": 1, "ok": true, "plan": {...}}`` with every date an ISO string, or
``{"v": 1, "ok": false, "error": {"field": ..., "message": ...}}`` for input a reader can fix.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from calculator._errors import CalculatorError, FieldError
from calculator._plan import make_plan
from calculator._reply import parse_reply

PROTOCOL_VERSION = 1


def _parse_date(field: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FieldError(field, "Enter a real date, like 2026-12-17.") from None


def _answer(fields: dict[str, str]) -> dict[str, Any]:
    interviewed = _parse_date("interviewed", fields.get("interviewed", ""))
    plan = make_plan(interviewed, parse_reply(fields.get("reply", "")))
    return {
        "interviewed": plan.interviewed.isoformat(),
        "reply_expected": plan.reply_expected.isoformat(),
        "call_on": plan.call_on.isoformat(),
    }


def handle_request(request_json: str) -> str:
    """Answer one request from the page; never raises for bad reader input."""
    request = json.loads(request_json)
    fields = {str(k): str(v) for k, v in dict(request.get("fields", {})).items()}
    try:
        answer: dict[str, Any] = {"v": PROTOCOL_VERSION, "ok": True, "plan": _answer(fields)}
    except CalculatorError as error:
        answer = {
            "v": PROTOCOL_VERSION,
            "ok": False,
            "error": {"field": error.field, "message": error.message},
        }
    return json.dumps(answer)
