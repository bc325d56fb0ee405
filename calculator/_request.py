"""From the form's fields, all strings, to a plan: the one parser the page and the CLI share."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from calculator._calendar_export import Event, to_ics
from calculator._dates import parse_date, parse_interview
from calculator._details import parse_details
from calculator._errors import FieldError
from calculator._pending import parse_pending
from calculator._plan import Plan, make_plan
from calculator._reply import parse_reply
from calculator._table import HolidayTable

#: The fields a request may carry; any may be missing or empty. The last six are the
#: reader's optional details (``calculator._details``): the page sends them to the worker
#: only, never in an address.
FIELDS = (
    "interviewed", "reply", "region", "pending", "channel", "today", "considering",
    "name", "interviewer", "role", "company", "tz", "missed",
)  # fmt: skip


def plan_from_fields(fields: Mapping[str, str], table: HolidayTable | None = None) -> Plan:
    """Parse the fields and make the plan.

    An empty ``reply`` means they didn't say, an empty ``pending`` nothing pending, an
    empty ``channel`` phone, an empty ``considering`` no day to judge. ``interviewed``,
    ``region`` and ``today`` are needed; the reader's details are optional.

    Raises:
        CalculatorError: a field the plan cannot be made from; the error names it.
    """

    def get(name: str) -> str:
        return fields.get(name) or ""

    interviewed, ended = parse_interview("interviewed", get("interviewed"))
    reply = parse_reply(get("reply"))
    pending = parse_pending(get("pending"))
    today = parse_date("today", get("today"), "today's date")
    considering = get("considering").strip()
    details = parse_details(fields)
    return make_plan(
        interviewed,
        reply,
        get("region"),
        today=today,
        pending=pending,
        channel=get("channel"),
        interview_ended=ended,
        considering=parse_date("considering", considering, "the day you have in mind")
        if considering
        else None,
        table=table,
        details=details,
    )


def ics_from_fields(
    plan: Plan, fields: Mapping[str, str], events: tuple[Event, ...] | None = None
) -> str | None:
    """The plan's ``.ics`` text when the fields carry ``dtstamp`` (the reader's clock), else None.

    ``events`` are the plan's (``plan_events``), when the caller has them already.

    Every event's UID is made from the interview day, region and company, and ``uid`` (the
    page's own key for the interview) when given (``calculator._calendar_export.event_uid``),
    so every download of the same interview, from the calculator or from My interviews,
    carries the same UIDs.

    Raises:
        FieldError: ``dtstamp`` is not an ISO instant with its zone.
    """
    stamp = (fields.get("dtstamp") or "").strip()
    if not stamp:
        return None
    try:
        dtstamp = datetime.fromisoformat(stamp)
    except ValueError:
        raise FieldError("dtstamp", "The time stamp should look like 2026-12-18T09:00:00Z.") from None
    if dtstamp.tzinfo is None:
        raise FieldError("dtstamp", "The time stamp should name its zone, like 2026-12-18T09:00:00Z.")
    return to_ics(plan, dtstamp=dtstamp, key=fields.get("uid") or "", events=events)
