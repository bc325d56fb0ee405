"""From the form's fields, all strings, to a plan: the one parser the page and the CLI share."""

from __future__ import annotations

from collections.abc import Mapping

from calculator._dates import parse_date, parse_interview
from calculator._details import parse_details
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
