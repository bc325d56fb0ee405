"""Fuzzing the public API and the CLI with what readers (and broken pages) send.

The properties in ``test_properties.py`` check the engine's rules on well-formed input;
here the input is anything: real values, near misses (2026-02-30, -3d, 99999w, far past
and far future), markup, and plain garbage. Nothing but ``CalculatorError`` may escape,
every error names a field the page can show it at, and whenever a plan comes out the
engine's invariants hold. About 11,000 examples in all; to see the counts:

    .venv/bin/pytest tests/unit/test_fuzz.py -q --hypothesis-show-statistics
"""

import contextlib
import io
import json
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from calculator import (
    PROTOCOL_VERSION,
    CalculatorError,
    HolidayTable,
    Plan,
    default_table,
    google_calendar_url,
    handle_request,
    make_plan,
    parse_pending,
    parse_reply,
    plan_from_fields,
    plan_to_dict,
    to_ics,
)
from calculator.__main__ import main
from calculator._calendar import WorkCalendar
from tests.protocol import check_answer

#: The fields a reader can fix, as the page and the CLI name them.
FIELDS = ("interviewed", "reply", "region", "pending", "channel", "today", "considering")
#: The reader's optional details, the same in the page and the CLI.
DETAILS = ("name", "interviewer", "role", "company", "tz", "missed")
MARKUP = "<img src=x onerror=alert(1)>"
TABLE = default_table()  # what ships: the region data a build made today reads
CODES = [info.code for info in TABLE.regions]
NAMES = [info.name for info in TABLE.regions]
SHIPPED = date(TABLE.first_year, 1, 1), date(TABLE.last_year, 12, 31)

garbage = st.text(max_size=40) | st.sampled_from([MARKUP, "\0", "😀", "NaN", "-1", "1e9", "null", " "])
#: Dates the table covers, most of the time; any date at all, some of the time.
real_days = st.dates(min_value=SHIPPED[0], max_value=SHIPPED[1]) | st.dates()
#: Dates that do not exist or are not written as dates.
bad_days = st.builds(
    "{:04d}-{:02d}-{:02d}".format,
    st.integers(0, 9999),
    st.integers(0, 99),
    st.integers(0, 99),
) | st.sampled_from(["2026-02-30", "2026-13-01", "17/12/2026", "2026-12-17T25:00", "2026-12-17T16:61"])
day_text = (
    real_days.map(date.isoformat)
    | st.builds("{}T{:d}:{:02d}".format, real_days, st.integers(0, 30), st.integers(0, 70))
    | bad_days
    | garbage
)
counts = st.integers(-10, 20) | st.integers(-(10**6), 10**9)
units = st.sampled_from(["d", "w", "bd", "wd", " days", " weeks", " business days", " working day", "x", ""])
replies = (
    st.builds("{}{}".format, counts, units)
    | real_days.map(date.isoformat)
    | bad_days
    | st.sampled_from(["eow", "none", "", "End of the week", "didn't say", "4 Weeks", " 2 w "])
    | garbage
)
regions = (
    st.sampled_from(CODES)
    | st.sampled_from(NAMES)
    | st.sampled_from(CODES).map(str.lower)
    | st.sampled_from(["NSW", "AU-NWS", "XX", "GB", "", MARKUP])
    | garbage
)
pending_items = st.sampled_from(
    ["references", "background", "clearance", "hr", "more-candidates", "recruiter"]
)
pendings = st.lists(pending_items | garbage, max_size=4).map(",".join)
channels = st.sampled_from(["phone", "email", "", "Email", "fax", MARKUP]) | garbage
#: What lands in a free-text field: names in any script, markup, emoji, direction controls, far too much.
texts = (
    st.sampled_from(["", "Sam", "Zoë O'Brien", "שרה כהן", "محمد", "李华", "Café 😀👩‍💻", MARKUP, "a\u202eb"])
    | st.text(max_size=90)
    | st.integers(50, 10_000).map(lambda n: "x" * n)
    | garbage
)
zones = st.sampled_from(
    ["", "Europe/London", "Australia/Sydney", "America/New_York", "Asia/Kolkata", "Nope/Zone"]
)


#: What a reader who fills the form in properly sends.
VALID = {
    "interviewed": st.dates(min_value=SHIPPED[0], max_value=SHIPPED[1] - timedelta(days=90)).map(
        date.isoformat
    ),
    "reply": st.sampled_from(["1w", "2w", "5d", "10bd", "eow", "none", "", "3 weeks", "4 business days"]),
    "region": st.sampled_from(CODES),
    "pending": st.lists(pending_items, max_size=3).map(",".join),
    "channel": st.sampled_from(["phone", "email", ""]),
    "today": st.dates(min_value=SHIPPED[0], max_value=SHIPPED[1]).map(date.isoformat),
    "considering": st.just("") | st.dates(min_value=SHIPPED[0], max_value=SHIPPED[1]).map(date.isoformat),
    "name": st.sampled_from(["", "Alex Chen", "Zoë"]),
    "interviewer": st.sampled_from(["", "Sam", "שרה כהן"]),
    "role": st.sampled_from(["", "Data Analyst", "the engineer role"]),
    "company": st.sampled_from(["", "Acme", "Café 😀"]),
    "tz": zones,
    "missed": st.sampled_from(["", "on"]),
}
#: Anything at all in each field: near misses, other fields' values, markup, garbage.
ANY = {
    "interviewed": day_text,
    "reply": replies,
    "region": regions,
    "pending": pendings,
    "channel": channels,
    "today": day_text,
    "considering": day_text,
    "name": texts,
    "interviewer": texts,
    "role": texts,
    "company": texts,
    "tz": zones | garbage,
    "missed": garbage,
}


@st.composite
def request_fields(draw: st.DrawFn) -> dict[str, str]:
    """A form's worth of fields: mostly right, with none, one or a few of them wrong or missing."""
    broken = draw(st.sets(st.sampled_from(FIELDS + DETAILS), max_size=3))
    fields = {}
    for name in FIELDS + DETAILS:
        if name not in broken:
            fields[name] = draw(VALID[name])
        elif draw(st.booleans()):
            fields[name] = draw(ANY[name])
        # else: the field is missing altogether
    return fields


def check_error(error: CalculatorError, allowed: tuple[str, ...] = FIELDS + DETAILS) -> None:
    """An error the page can show at a field, in words."""
    event(f"error: {error.code}")
    assert error.field in allowed, (error.field, error.message)
    assert error.message.strip()
    assert error.code
    assert "Traceback" not in error.message


def check_plan(plan: Plan, table: HolidayTable = TABLE) -> None:
    """The engine's invariants, whatever the input was."""
    event("plan")
    calendar = WorkCalendar(table, plan.region)
    assert plan.call_on > plan.reply_expected
    assert calendar.is_working_day(plan.call_on)
    second = calendar.add_working_days(plan.reply_expected, 2, "reply")
    if not plan.pending:
        assert plan.call_on == second
    assert plan.call_on >= second
    assert plan.call_on <= plan.best_day <= plan.next_follow_up.day
    assert calendar.is_working_day(plan.best_day)
    assert plan.thank_you_by >= plan.interviewed
    assert plan.reply_expected >= plan.interviewed - timedelta(days=6)  # "eow" said late in a week
    assert [step.day for step in plan.steps] == sorted(step.day for step in plan.steps)
    assert [step.kind for step in plan.steps].count("call") == 1
    answer = plan_to_dict(plan)
    json.dumps(answer)
    assert answer["call_on"] == plan.call_on.isoformat()
    assert to_ics(plan, dtstamp=datetime(2026, 1, 1, tzinfo=UTC)).count("BEGIN:VEVENT") == 4
    assert answer["glance"][0]["days"][0]["date"] == plan.interviewed.isoformat()
    assert answer["clocks"]["text"].startswith(f"{plan.call_window.start}–{plan.call_window.end} in ")
    emails = ("thank_you", "follow_up", "second_follow_up", "closing")
    assert all(answer["words"][kind]["body"] for kind in emails)
    assert google_calendar_url(plan).startswith("https://calendar.google.com/")


@settings(max_examples=4000, deadline=None)
@given(request_fields())
def test_any_form_gives_a_sound_plan_or_an_error_at_a_field(fields):
    try:
        plan = plan_from_fields(fields)
    except CalculatorError as error:
        check_error(error)
    else:
        check_plan(plan)


@settings(max_examples=2000, deadline=None)
@given(
    fields=request_fields(),
    extra=st.dictionaries(
        st.sampled_from(["uid", "dtstamp", "kind", MARKUP]), garbage | st.none(), max_size=3
    ),
    version=st.sampled_from([PROTOCOL_VERSION] * 3 + [PROTOCOL_VERSION - 1, str(PROTOCOL_VERSION), None]),
)
def test_handle_request_answers_every_request_in_the_protocol(fields, extra, version):
    answer = json.loads(handle_request(json.dumps({"v": version, "fields": {**fields, **extra}})))
    check_answer(answer)
    assert answer["v"] == PROTOCOL_VERSION
    event("plan" if answer["ok"] else f"error: {answer['error']['code']}")
    if answer["ok"]:
        plan = answer["plan"]
        assert date.fromisoformat(plan["call_on"]) > date.fromisoformat(plan["reply_expected"])
        assert [step["date"] for step in plan["steps"]] == sorted(step["date"] for step in plan["steps"])
    else:
        error = answer["error"]
        assert error["field"] in {*FIELDS, *DETAILS, "dtstamp", None}
        assert error["message"].strip()
        assert error["code"]
        if error["field"] is None:
            assert error["code"] == "bad_request"


@settings(max_examples=2000, deadline=None)
@given(
    interviewed=real_days,
    today=real_days,
    reply=VALID["reply"] | replies,
    region=st.sampled_from(CODES) | regions,
    pending=VALID["pending"] | pendings,
    channel=VALID["channel"] | channels,
    considering=st.none() | st.dates(),
)
def test_make_plan_over_every_date_python_knows(  # noqa: PLR0913, PLR0917 - one per strategy
    interviewed, today, reply, region, pending, channel, considering
):
    try:
        plan = make_plan(
            interviewed,
            parse_reply(reply),
            region,
            today=today,
            pending=parse_pending(pending),
            channel=channel,
            considering=considering,
        )
    except CalculatorError as error:
        check_error(error)
    else:
        assert SHIPPED[0] <= plan.interviewed <= plan.call_on <= SHIPPED[1]
        check_plan(plan)


@settings(max_examples=1500, deadline=None)
@given(text=replies | st.from_regex(r"\s*-?\d{0,12}\s*[a-zA-Z ]{0,20}\s*", fullmatch=True))
def test_reply_parser_reads_or_names_the_reply_field(text):
    for parse, field in ((parse_reply, "reply"), (parse_pending, "pending")):
        try:
            parse(text)
        except CalculatorError as error:
            check_error(error, (field,))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=request_fields(), as_json=st.booleans())
def test_cli_prints_a_plan_or_exits_2_naming_the_field(fields, as_json):
    fields.setdefault("today", "2026-12-18")  # never this computer's clock
    argv = [f"--{name}={value}" for name, value in fields.items() if name != "today" or value]
    argv = [*argv, "--json"] if as_json else argv
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as leaving:  # argparse itself: a required option missing
            status = leaving.code
            assert "the following arguments are required" in err.getvalue()
    event(f"exit status {status}")
    assert "Traceback" not in err.getvalue()
    if status == 0:
        assert err.getvalue() == ""
        if as_json:
            assert json.loads(out.getvalue())["call_on"]
        else:
            assert out.getvalue().startswith("Call on ")
    else:
        assert status == 2
        assert out.getvalue() == ""
        if not err.getvalue().startswith("usage:"):
            assert err.getvalue().startswith(tuple(f"error: --{name}: " for name in FIELDS + DETAILS))
            assert err.getvalue().count("\n") == 1


@settings(max_examples=300, deadline=None)
@given(count=st.integers(0, 10**6), unit=units, space=st.sampled_from(["", " "]))
def test_a_negative_span_is_never_read_as_a_positive_one(count, unit, space):
    try:
        reply = parse_reply(f"-{space}{count}{unit}")
    except CalculatorError as error:
        check_error(error, ("reply",))
    else:
        raise AssertionError(f"-{count}{unit} read as {reply}")
