"""The reader's saved interviews (My interviews), replanned: each one's next step, and one calendar file.

The page keeps only what the reader typed (each interview's form fields) and sends them here
whenever it shows the list, so a corrected holiday table reaches old plans. The request is
the protocol's ``Request`` of kind ``interviews``; see ``interviews_answer``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from calculator._errors import BadRequestError, CalculatorError
from calculator._next_step import interview_title, next_step
from calculator._plan import Plan
from calculator._request import ics_from_fields, plan_from_fields
from calculator._wording import problem

_UNREADABLE = "The page sent a list of interviews the calculator could not read. Reload and try again."


def _entries(request: Mapping[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """The request's interviews as (key, fields), every value a string."""
    entries = request.get("interviews")
    if not isinstance(entries, list):
        raise BadRequestError(_UNREADABLE)
    read = []
    for entry in entries:
        fields = entry.get("fields") if isinstance(entry, dict) else None
        if not isinstance(fields, dict):
            raise BadRequestError(_UNREADABLE)
        read.append(
            (str(entry.get("key", "")), {str(k): "" if v is None else str(v) for k, v in fields.items()})
        )
    return read


def _clock(request: Mapping[str, Any]) -> dict[str, str]:
    """The reader's clock the request carries for every interview: ``today`` and zone ``tz``."""
    return {name: str(request.get(name) or "") for name in ("today", "tz")}


def interviews_fields(request: Mapping[str, Any]) -> list[dict[str, str]]:
    """Each interview's fields as planned for the request's calendar file; none without ``dtstamp``.

    What the worker asks the zones of (the calendar's timed calls need them; the list does not).

    Raises:
        BadRequestError: the request holds no list of interviews.
    """
    if not str(request.get("dtstamp") or "").strip():
        return []
    return [{**fields, **_clock(request)} for _, fields in _entries(request)]


def _summary(key: str, plan: Plan) -> dict[str, Any]:
    step = next_step(plan)
    return {
        "key": key,
        "ok": True,
        "title": interview_title(plan),
        "next": {
            "kind": step.kind,
            "date": step.day.isoformat(),
            "text": step.text,
            "date_text": step.date_text,
            "when": step.when,
            "overdue": step.overdue,
        },
    }


def calendar_file(files: Sequence[str]) -> str:
    """One iCalendar file holding every component of ``files``, each a whole ``.ics`` text.

    The calendar's own properties (VERSION, PRODID…) are the first file's; every file comes
    from ``calculator.to_ics``, so they are the same in all. CRLF line ends, as in each file.
    No files, no calendar: "".
    """
    if not files:
        return ""
    head: list[str] = []
    body: list[str] = []
    for number, text in enumerate(files):
        depth = 0
        for line in text.split("\r\n"):
            if not line or line in {"BEGIN:VCALENDAR", "END:VCALENDAR"}:
                continue
            depth += line.startswith("BEGIN:")
            if depth:
                body.append(line)
            elif number == 0:
                head.append(line)
            depth -= line.startswith("END:")
    return "".join(f"{line}\r\n" for line in ["BEGIN:VCALENDAR", *head, *body, "END:VCALENDAR"])


def _uids(ics: str) -> set[str]:
    return {line for line in ics.split("\r\n") if line.startswith("UID:")}


def _calendar(planned: list[tuple[str, Plan, dict[str, str]]], dtstamp: str) -> str:
    """Every planned interview's events, each with the UID the calculator's own file gives it.

    Two interviews on the same day, in the same region, with the same company (or none)
    would share those UIDs: the second one's events then get UIDs of their own, made with
    the page's key for it.
    """
    files: list[str] = []
    seen: set[str] = set()
    for key, plan, fields in planned:
        ics = ics_from_fields(plan, {**fields, "dtstamp": dtstamp, "uid": ""}) or ""
        if _uids(ics) & seen:
            ics = ics_from_fields(plan, {**fields, "dtstamp": dtstamp, "uid": key}) or ""
        seen |= _uids(ics)
        files.append(ics)
    return calendar_file(files)


def interviews_answer(request: Mapping[str, Any]) -> dict[str, Any]:
    """Replan every saved interview of ``request`` on its ``today``.

    ``request["interviews"]`` is a list of ``{"key": ..., "fields": {...}}`` (the page's key
    for the interview, and its form fields as ``plan_from_fields`` reads them);
    ``request["today"]`` the reader's date and ``request["tz"]`` their time zone (both for
    every interview: they are the reader's clock, not what they told us about one); with
    ``request["dtstamp"]`` the answer also
    carries ``ics``, one calendar file holding every planned interview's events ("" when
    none could be planned).

    Returns ``{"interviews": [...]}``, in the request's order: for each, ``{"key", "ok":
    true, "title", "next"}`` (``next``: ``calculator._next_step.NextStep`` as JSON) or
    ``{"key", "ok": false, "error"}`` (why it cannot be planned, as the protocol's Problem).

    Raises:
        BadRequestError: the request holds no list of interviews.
        FieldError: ``dtstamp`` is not an ISO instant with its zone.
    """
    clock = _clock(request)
    answers: list[dict[str, Any]] = []
    planned: list[tuple[str, Plan, dict[str, str]]] = []
    for key, fields in _entries(request):
        try:
            plan = plan_from_fields({**fields, **clock})
        except CalculatorError as error:
            answers.append({"key": key, "ok": False, "error": problem(error, fields.get("reply_kind", ""))})
            continue
        answers.append(_summary(key, plan))
        planned.append((key, plan, fields))
    answer: dict[str, Any] = {"interviews": answers}
    dtstamp = str(request.get("dtstamp") or "").strip()
    if dtstamp:
        answer["ics"] = _calendar(planned, dtstamp)
    return answer
