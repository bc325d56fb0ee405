"""From the form's fields, all strings, to a plan: the one parser the page and the CLI share."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from calculator._calendar_export import to_ics
from calculator._dates import parse_date, parse_interview
from calculator._errors import FieldError
from calculator._pending import parse_pending
from calculator._plan import Plan, make_plan
from calculator._reply import parse_reply
from calculator._table import HolidayTable

#: The fields a request may carry; any may be missing or empty.
FIELDS = ("interviewed", "reply", "region", "pending", "channel", "today", "considering")


def plan_from_fields(fields: Mapping[str, str], table: HolidayTable | None = None) -> Plan:
    """Parse the fields and make the plan.

    An empty ``reply`` means they didn't say, an empty ``pending`` nothing pending, an
    empty ``channel`` phone, an empty ``considering`` no day to judge. ``interviewed``,
    ``region`` and ``today`` are needed.

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
    )


def ics_from_fields(plan: Plan, fields: Mapping[str, str]) -> str | None:
    """The plan's ``.ics`` text when the fields carry ``dtstamp`` (the reader's clock), else None.

    The event's UID is ``uid`` when given, else one named from the interview day and region,
    so every download of the same interview, from the calculator or from My interviews,
    carries the same UID.

    Raises:
        FieldError: ``dtstamp`` is not an ISO instant with its zone.
    """
    stamp = (fields.get("dtstamp") or "").strip()
    if not stamp:
        return None
    uid = (
        fields.get("uid") or ""
    ).strip() or f"call-{plan.interviewed.isoformat()}-{plan.region.code}@second-date"
    try:
        dtstamp = datetime.fromisoformat(stamp)
    except ValueError:
        raise FieldError("dtstamp", "The time stamp should look like 2026-12-18T09:00:00Z.") from None
    if dtstamp.tzinfo is None:
        raise FieldError("dtstamp", "The time stamp should name its zone, like 2026-12-18T09:00:00Z.")
    return to_ics(plan, uid=uid, dtstamp=dtstamp)
