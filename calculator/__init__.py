"""Second Date's call-date calculator.

Pure date logic: the interview date and what the interviewer said go in, a dated plan
comes out, each date with its reason. No clock, no I/O beyond reading the region data it is
handed or finds, no browser: ``today`` is always a parameter.
"""

from calculator._browser import (
    PROTOCOL_VERSION,
    add_region,
    handle_request,
    region_files_needed,
    regions,
    use_region_codes,
    use_region_index,
)
from calculator._calendar_export import google_calendar_url, to_ics
from calculator._details import Details, parse_details
from calculator._errors import (
    BadRequestError,
    CalculatorError,
    ChannelNotUnderstoodError,
    FieldError,
    InvalidDateError,
    MissingFieldError,
    OutsideTableError,
    PendingNotUnderstoodError,
    ReplyBeforeInterviewError,
    ReplyNotUnderstoodError,
    SpanTooLongError,
    TextTooLongError,
    UnknownRegionError,
)
from calculator._export import plan_to_dict
from calculator._form import (
    CHANNELS,
    DEFAULT_SPAN,
    DETAIL_FIELDS,
    EMAILS,
    PENDING,
    REPLY_KINDS,
    REPLY_UNITS,
    Choice,
    DetailField,
)
from calculator._pending import Pending, parse_pending
from calculator._plan import Plan, make_plan
from calculator._reply import Reply, parse_reply
from calculator._request import plan_from_fields
from calculator._steps import Step
from calculator._table import (
    HolidayTable,
    Region,
    RegionDataMissingError,
    RegionInfo,
    default_table,
    use_table,
)

__all__ = [
    "CHANNELS",
    "DEFAULT_SPAN",
    "DETAIL_FIELDS",
    "EMAILS",
    "PENDING",
    "PROTOCOL_VERSION",
    "REPLY_KINDS",
    "REPLY_UNITS",
    "BadRequestError",
    "CalculatorError",
    "ChannelNotUnderstoodError",
    "Choice",
    "DetailField",
    "Details",
    "FieldError",
    "HolidayTable",
    "InvalidDateError",
    "MissingFieldError",
    "OutsideTableError",
    "Pending",
    "PendingNotUnderstoodError",
    "Plan",
    "Region",
    "RegionDataMissingError",
    "RegionInfo",
    "Reply",
    "ReplyBeforeInterviewError",
    "ReplyNotUnderstoodError",
    "SpanTooLongError",
    "Step",
    "TextTooLongError",
    "UnknownRegionError",
    "add_region",
    "default_table",
    "google_calendar_url",
    "handle_request",
    "make_plan",
    "parse_details",
    "parse_pending",
    "parse_reply",
    "plan_from_fields",
    "plan_to_dict",
    "region_files_needed",
    "regions",
    "to_ics",
    "use_region_codes",
    "use_region_index",
    "use_table",
]
