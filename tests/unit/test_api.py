import re
from pathlib import Path

import calculator


def test_public_api_is_pinned():
    assert calculator.__all__ == [
        "BadRequestError",
        "CalculatorError",
        "ChannelNotUnderstoodError",
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
        "UnknownRegionError",
        "add_region",
        "default_table",
        "google_calendar_url",
        "handle_request",
        "make_plan",
        "parse_pending",
        "parse_reply",
        "plan_from_fields",
        "plan_to_dict",
        "region_needed",
        "regions",
        "to_ics",
        "use_region_index",
        "use_table",
    ]
    for name in calculator.__all__:
        assert hasattr(calculator, name), name


def test_every_error_has_a_stable_distinct_code():
    errors = [getattr(calculator, n) for n in calculator.__all__ if n.endswith("Error")]
    codes = [error.code for error in errors]
    assert len(set(codes)) == len(codes)
    assert all(issubclass(error, calculator.CalculatorError) for error in errors)
    assert issubclass(calculator.CalculatorError, ValueError)


def test_the_core_never_reads_the_clock():
    forbidden = re.compile(
        r"date\.today\(|datetime\.now\(|datetime\.utcnow\(|time\.time\(|^import js$|^from js ", re.MULTILINE
    )
    for path in Path(calculator.__file__).parent.glob("*.py"):
        if path.name == "__main__.py":  # the command line is the clock's edge
            continue
        assert forbidden.search(path.read_text(encoding="utf-8")) is None, path.name
