"""The seam the browser worker calls: a JSON request of strings in, a JSON answer out.

The messages are defined once, as a JSON Schema:
``docs/assets/javascripts/calculator/protocol.schema.json`` (``Request`` and ``Answer``);
the unit tests validate Python's answers against it. In short:

- ``{"v": 2, "fields": {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW",
  "pending": "references,hr", "channel": "phone", "today": "2026-12-18",
  "considering": "2026-12-29", "reply_kind": "span", "name": "", "interviewer": "", "role": "",
  "company": "", "tz": "Europe/London", "missed": "", "dtstamp": "2026-12-18T09:00:00Z"}}``:
  every value a string, any missing or empty (see ``plan_from_fields``). With ``dtstamp``
  the plan carries ``ics``, the whole plan as an ``.ics`` file's text; ``uid``, if given, is
  the page's own key for the interview, folded into every event's UID.
- ``{"v": 2, "kind": "regions"}``: the regions the calculator knows.
- ``{"v": 2, "kind": "interviews", "interviews": [{"key": "...", "fields": {...}}, ...],
  "today": "2026-12-18", "tz": "Europe/London"}``: the reader's saved interviews, replanned:
  each one's next step (``calculator._saved.interviews_answer``); with ``"dtstamp"`` also
  one ``.ics`` of them all.
- ``{"v": 2, "kind": "zones", "fields": {...}}``: the time zones the same fields' plan needs
  and Python has not found yet (``calculator._clocks``), so the worker can put their files in
  place first. Never an error: an unknown region needs no zone. The same request with
  ``interviews`` instead of ``fields``: the zones their calendar file needs (none without
  ``dtstamp``: their list needs no clock).

Answers: ``{"v": 2, "ok": true, "plan": {...}}`` (keys in ``calculator._export``),
``{"v": 2, "ok": true, "regions": [{"code", "name", "tz"}, ...]}``,
``{"v": 2, "ok": true, "interviews": [...], "ics": "..."}``,
``{"v": 2, "ok": true, "zones": ["Australia/Sydney", "Europe/London"]}``, or
``{"v": 2, "ok": false, "error": {"field": ..., "message": ..., "code": ...}}``, with
``suggestions`` in the error for an unknown region. Never raises on what a reader types.

Region data reaches the calculator in the browser one file at a time: the worker tells it
which regions the data has (:func:`use_region_codes`, the codes from the set's manifest),
asks which files a request needs that it has not handed over yet
(:func:`region_files_needed`: a plan's region's, or every saved interview's, and the index
when a region is typed by name), fetches those files and hands each over
(:func:`add_region`, :func:`use_region_index`), asks again until nothing is missing, then
asks :func:`handle_request`. A question that names its region by code never waits for
the index.
"""

from __future__ import annotations

import json
from typing import Any

from calculator._clocks import missing_zones, zones_needed
from calculator._details import reader_zone
from calculator._errors import BadRequestError, CalculatorError
from calculator._export import plan_to_dict
from calculator._extras import extras_of
from calculator._request import ics_from_fields, plan_from_fields
from calculator._saved import interviews_answer, interviews_fields
from calculator._table import INDEX_NAME, HolidayTable, default_table, use_table
from calculator._wording import problem

#: The protocol's version, the schema's ``Version`` (a unit test holds them equal).
PROTOCOL_VERSION = 2
_UNREADABLE = "The page sent a request the calculator could not read. Reload and try again."


def regions() -> list[dict[str, str]]:
    """Every region the calculator knows: ``{"code", "name", "tz"}``, sorted by code."""
    return [{"code": r.code, "name": r.name, "tz": r.tz} for r in default_table().regions]


def use_region_codes(codes: str) -> None:
    """Start a table of the regions with these codes (``"AD AD-02 … ZW"``); files are handed over later."""
    use_table(HolidayTable.of_codes(codes.split()))


def use_region_index(index_text: str) -> None:
    """Hand over the region index (``index.json``, as fetched): names, other names and zones."""
    default_table().use_index(json.loads(index_text))


def add_region(region_text: str) -> str:
    """Hand over one region's file (``KR.json``, as fetched); return the region's code."""
    return default_table().add(region_text)


def _request_dict(request_json: str) -> dict[str, Any]:
    """The request as a dict, or an empty one when it is none: :func:`handle_request` says so."""
    try:
        request = json.loads(request_json)
    except (ValueError, RecursionError):
        return {}
    return request if isinstance(request, dict) else {}


def _regions_asked(request: dict[str, Any]) -> list[str]:
    """What each region field of a request holds: the plan's, or every saved interview's."""
    entries = request.get("interviews", [request])
    asked = []
    for entry in entries if isinstance(entries, list) else []:
        fields = entry.get("fields") if isinstance(entry, dict) else None
        if isinstance(fields, dict) and "region" in fields:
            asked.append(str(fields["region"]))
    return asked


def region_files_needed(request_json: str) -> str:
    """The region data files ``request_json`` needs that are not here yet.

    Space-separated file names, each once, in the request's order (``"KR.json US-CA.json"``);
    ``""`` when none. A plan needs its one region's file, a list of saved interviews each
    one's; a region typed as anything but its exact code first needs ``index.json``, as
    does the list of regions: hand it over and ask again. A region field that names no
    region of the index needs no file: :func:`handle_request` answers it with the error.
    Only codes of the set come out, never the reader's text.
    """
    table = default_table()
    request = _request_dict(request_json)
    names: dict[str, None] = {}
    if request.get("kind") == "regions" and not table.indexed:
        names[INDEX_NAME] = None
    for region in _regions_asked(request):
        names.update(dict.fromkeys(table.files_needed(region)))  # a typo's suggestions wait
    return " ".join(names)


def _fields(request: dict[str, Any]) -> dict[str, str]:
    fields = request.get("fields", {})
    if not isinstance(fields, dict):
        raise BadRequestError(_UNREADABLE)
    return {str(k): "" if v is None else str(v) for k, v in fields.items()}


def _plan(fields: dict[str, str]) -> dict[str, Any]:
    plan = plan_from_fields(fields)
    extras = extras_of(plan)  # worked out once, for the answer and its calendar file
    answer = plan_to_dict(plan, extras)
    ics = ics_from_fields(plan, fields, extras.events)
    if ics is not None:
        answer["ics"] = ics
    return answer


def _needed(fields: dict[str, str]) -> list[str]:
    try:
        employer = default_table().find(fields.get("region", "")).tz
    except CalculatorError:
        return []
    return zones_needed(employer, reader_zone(fields.get("tz", "")))


def _zones(request: dict[str, Any]) -> list[str]:
    """The zones a request's answer needs that Python has not found yet."""
    if "interviews" not in request:
        return missing_zones(_needed(_fields(request)))
    needed = {zone for fields in interviews_fields(request) for zone in _needed(fields)}
    return missing_zones(sorted(needed))


def _read(request_json: str) -> dict[str, Any]:
    """The request as a dict of this protocol's version."""
    try:
        request = json.loads(request_json)
    except (ValueError, RecursionError):
        request = None
    if not isinstance(request, dict):
        raise BadRequestError(_UNREADABLE)
    if request.get("v") != PROTOCOL_VERSION:
        raise BadRequestError("This page and the calculator are out of step. Reload the page.")
    return request


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    kind = request.get("kind", "plan")
    if kind == "regions":
        return {"regions": regions()}
    if kind == "interviews":
        return interviews_answer(request)
    if kind == "zones":
        return {"zones": _zones(request)}
    if kind != "plan":
        raise BadRequestError(_UNREADABLE)
    return {"plan": _plan(_fields(request))}


def handle_request(request_json: str) -> str:
    """Answer one request from the page; never raises for bad reader input.

    An error's message is worded for the form's control when the request names it
    (``reply_kind``): see ``calculator._wording.control_wording``.
    """
    reply_kind = ""
    try:
        request = _read(request_json)
        fields = request.get("fields")
        reply_kind = str(fields.get("reply_kind") or "") if isinstance(fields, dict) else ""
        answer: dict[str, Any] = {"v": PROTOCOL_VERSION, "ok": True, **_answer(request)}
    except CalculatorError as error:
        answer = {"v": PROTOCOL_VERSION, "ok": False, "error": problem(error, reply_kind)}
    return json.dumps(answer, ensure_ascii=False)
