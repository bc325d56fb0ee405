"""The seam the browser worker calls: a JSON request of strings in, a JSON answer out.

Requests:

- ``{"v": 1, "fields": {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW",
  "pending": "references,hr", "channel": "phone", "today": "2026-12-18",
  "considering": "2026-12-29", "uid": "...", "dtstamp": "2026-12-18T09:00:00Z"}}``:
  every value a string, any missing or empty (see ``plan_from_fields``). With ``uid`` and
  ``dtstamp`` the plan carries ``ics``, the call as an ``.ics`` file's text.
- ``{"v": 1, "kind": "regions"}``: the regions the calculator knows.

Answers: ``{"v": 1, "ok": true, "plan": {...}}`` (keys in ``calculator._export``),
``{"v": 1, "ok": true, "regions": [{"code", "name", "tz"}, ...]}``, or
``{"v": 1, "ok": false, "error": {"field": ..., "message": ..., "code": ...}}``, with
``suggestions`` in the error for an unknown region. Never raises on what a reader types.

Region data reaches the calculator in the browser one file at a time: the worker hands
it the index once (:func:`use_region_index`), asks which region a request needs whose file
it has not handed over yet (:func:`region_needed`), fetches that one file and hands it over
(:func:`add_region`), then asks :func:`handle_request`.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from calculator._calendar_export import to_ics
from calculator._errors import BadRequestError, CalculatorError, FieldError, UnknownRegionError
from calculator._export import plan_to_dict
from calculator._request import plan_from_fields
from calculator._table import HolidayTable, default_table, use_table

PROTOCOL_VERSION = 1
_UNREADABLE = "The page sent a request the calculator could not read. Reload and try again."


def regions() -> list[dict[str, str]]:
    """Every region the calculator knows: ``{"code", "name", "tz"}``, sorted by code."""
    return [{"code": r.code, "name": r.name, "tz": r.tz} for r in default_table().regions]


def use_region_index(index_text: str) -> None:
    """Read the region index (``index.json``); region files are then handed over one by one."""
    use_table(HolidayTable.from_json(index_text))


def add_region(region_text: str) -> str:
    """Hand over one region's file (``KR.json``, as fetched); return the region's code."""
    return default_table().add(region_text)


def region_needed(request_json: str) -> str:
    """The code of the region ``request_json`` asks about whose file is not here yet, else ``""``.

    ``""`` too for a request that names no region the index knows: :func:`handle_request`
    answers it with the error. Only codes from the index come out, never the reader's text.
    """
    try:
        request = json.loads(request_json)
        region = str(request["fields"]["region"])
    except (ValueError, RecursionError, TypeError, KeyError):
        return ""
    table = default_table()
    try:
        code = table.code_for(region)
    except CalculatorError:
        return ""
    return "" if table.has(code) else code


def _fields(request: dict[str, Any]) -> dict[str, str]:
    fields = request.get("fields", {})
    if not isinstance(fields, dict):
        raise BadRequestError(_UNREADABLE)
    return {str(k): "" if v is None else str(v) for k, v in fields.items()}


def _plan(fields: dict[str, str]) -> dict[str, Any]:
    plan = plan_from_fields(fields)
    answer = plan_to_dict(plan)
    uid, stamp = fields.get("uid", "").strip(), fields.get("dtstamp", "").strip()
    if uid and stamp:
        try:
            dtstamp = datetime.fromisoformat(stamp)
        except ValueError:
            raise FieldError("dtstamp", "The time stamp should look like 2026-12-18T09:00:00Z.") from None
        answer["ics"] = to_ics(plan, uid=uid, dtstamp=dtstamp)
    return answer


def _answer(request_json: str) -> dict[str, Any]:
    try:
        request = json.loads(request_json)
    except (ValueError, RecursionError):
        request = None
    if not isinstance(request, dict):
        raise BadRequestError(_UNREADABLE)
    if request.get("v") != PROTOCOL_VERSION:
        raise BadRequestError("This page and the calculator are out of step. Reload the page.")
    if request.get("kind") == "regions":
        return {"regions": regions()}
    return {"plan": _plan(_fields(request))}


def handle_request(request_json: str) -> str:
    """Answer one request from the page; never raises for bad reader input."""
    try:
        answer: dict[str, Any] = {"v": PROTOCOL_VERSION, "ok": True, **_answer(request_json)}
    except CalculatorError as error:
        detail: dict[str, Any] = {"field": error.field, "message": error.message, "code": error.code}
        if isinstance(error, UnknownRegionError):
            detail["suggestions"] = list(error.suggestions)
        answer = {"v": PROTOCOL_VERSION, "ok": False, "error": detail}
    return json.dumps(answer, ensure_ascii=False)
