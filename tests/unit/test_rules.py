from datetime import date

import pytest

from calculator import (
    HolidayTable,
    InvalidDateError,
    MissingFieldError,
    OutsideTableError,
    PendingNotUnderstoodError,
    ReplyBeforeInterviewError,
    ReplyNotUnderstoodError,
    SpanTooLongError,
    UnknownRegionError,
    parse_pending,
    parse_reply,
    plan_from_fields,
)

# region, interviewed, reply, R (reply expected), call_on; each checked by hand on a calendar.
CALL_DATES = [
    pytest.param(
        "AU-NSW", "2026-12-17", "1w", "2026-12-24", "2026-12-30", id="nsw-christmas-boxing-day-observed"
    ),
    pytest.param(
        "US", "2026-07-02", "0d", "2026-07-02", "2026-07-07", id="us-independence-day-observed-friday"
    ),
    pytest.param("GB-ENG", "2028-02-22", "1w", "2028-02-29", "2028-03-02", id="leap-day-29-february"),
    pytest.param("GB-ENG", "2026-01-23", "1w", "2026-01-30", "2026-02-03", id="month-end-over-a-weekend"),
    pytest.param("US", "2027-12-24", "1w", "2027-12-31", "2028-01-04", id="year-end-into-new-year"),
    pytest.param(
        "GB-ENG", "2026-12-18", "1w", "2026-12-25", "2026-12-30", id="england-christmas-boxing-day-observed"
    ),
    pytest.param(
        "GB-ENG", "2026-03-27", "1w", "2026-04-03", "2026-04-08", id="easter-england-good-friday-monday"
    ),
    pytest.param(
        "GB-SCT", "2026-03-27", "1w", "2026-04-03", "2026-04-07", id="easter-scotland-no-easter-monday"
    ),
    pytest.param("SA", "2026-06-04", "1w", "2026-06-11", "2026-06-15", id="saudi-friday-saturday-weekend"),
    pytest.param("IL", "2026-06-04", "1w", "2026-06-11", "2026-06-15", id="israel-friday-saturday-weekend"),
    pytest.param("CA-ON", "2026-02-06", "1w", "2026-02-13", "2026-02-18", id="ontario-family-day"),
    pytest.param("GB-ENG", "2026-09-07", "3d", "2026-09-10", "2026-09-14", id="reply-days"),
    pytest.param("GB-ENG", "2026-09-07", "2 weeks", "2026-09-21", "2026-09-23", id="reply-weeks-in-words"),
    pytest.param("GB-ENG", "2026-09-07", "5bd", "2026-09-14", "2026-09-16", id="reply-working-days"),
    pytest.param("GB-ENG", "2026-09-07", "2026-09-18", "2026-09-18", "2026-09-22", id="reply-named-date"),
    pytest.param("GB-ENG", "2026-09-07", "eow", "2026-09-11", "2026-09-15", id="reply-end-of-week"),
    pytest.param(
        "GB-ENG", "2026-09-12", "eow", "2026-09-18", "2026-09-22", id="reply-end-of-week-weekend-interview"
    ),
    pytest.param(
        "SA", "2026-06-04", "eow", "2026-06-04", "2026-06-08", id="reply-end-of-week-thursday-in-riyadh"
    ),
    pytest.param(
        "GB-ENG", "2026-09-07", "none", "2026-09-14", "2026-09-16", id="reply-none-five-working-days"
    ),
    pytest.param("GB-ENG", "2026-09-07", "", "2026-09-14", "2026-09-16", id="reply-empty-means-none"),
    pytest.param("AU-NSW", "2026-12-21", "none", "2026-12-30", "2027-01-04", id="reply-none-over-christmas"),
]


@pytest.mark.parametrize(("region", "interviewed", "reply", "expected", "call_on"), CALL_DATES)
def test_call_dates(table: HolidayTable, region, interviewed, reply, expected, call_on):  # noqa: PLR0913, PLR0917 - one per column
    fields = {"interviewed": interviewed, "reply": reply, "region": region, "today": "2026-01-01"}
    plan = plan_from_fields(fields, table)
    assert (plan.reply_expected.isoformat(), plan.call_on.isoformat()) == (expected, call_on)


def test_nsw_example_steps_say_why(table: HolidayTable):
    fields = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}
    plan = plan_from_fields(fields, table)
    texts = [step.text for step in plan.steps]
    assert texts[2:] == [
        "Thu 24 Dec: they said they would answer by today",
        "Fri 25 Dec: Christmas Day — nobody is in",
        "Sat 26 Dec: weekend",
        "Sun 27 Dec: weekend",
        "Mon 28 Dec: Boxing Day (observed) — nobody is in",
        "Tue 29 Dec: a day's grace",
        "Wed 30 Dec: call them",
        "Thu 7 Jan 2027: one last follow-up, if you have heard nothing",
    ]
    assert plan.days_until_call == 12
    assert plan.best_day == date(2026, 12, 30)
    assert plan.next_follow_up.day == date(2027, 1, 7)
    assert [s.day for s in plan.steps] == sorted(s.day for s in plan.steps)


PENDING = [
    pytest.param("", "2026-09-14", id="nothing-pending"),
    pytest.param("references", "2026-09-17", id="references-three-days"),
    pytest.param("references,background", "2026-09-22", id="references-and-background"),
    pytest.param("clearance", "2026-09-14", id="clearance-never-extends"),
    pytest.param("recruiter", "2026-09-14", id="recruiter-never-extends"),
    pytest.param("hr, more-candidates", "2026-09-23", id="hr-and-more-candidates"),
]


@pytest.mark.parametrize(("pending", "expected"), PENDING)
def test_pending_extends_only_without_a_timeline(table: HolidayTable, pending, expected):
    base = {"interviewed": "2026-09-07", "region": "GB-ENG", "today": "2026-09-07", "pending": pending}
    assert plan_from_fields({**base, "reply": "none"}, table).reply_expected.isoformat() == expected
    assert plan_from_fields({**base, "reply": "1w"}, table).reply_expected == date(2026, 9, 14)


BEST_DAYS = [
    pytest.param("GB-ENG", "2026-09-07", "3d", "2026-09-15", id="monday-call-moves-to-tuesday"),
    pytest.param("GB-ENG", "2026-09-07", "5bd", "2026-09-16", id="wednesday-stays"),
    pytest.param("SA", "2026-06-04", "eow", "2026-06-08", id="monday-is-mid-week-in-riyadh"),
    pytest.param("AU-NSW", "2026-09-10", "1w", "2026-09-22", id="friday-call-moves-to-tuesday"),
]


@pytest.mark.parametrize(("region", "interviewed", "reply", "best"), BEST_DAYS)
def test_best_day(table: HolidayTable, region, interviewed, reply, best):
    fields = {"interviewed": interviewed, "reply": reply, "region": region, "today": "2026-01-01"}
    assert plan_from_fields(fields, table).best_day.isoformat() == best


THANK_YOU = [
    pytest.param("2026-09-07", "2026-09-07", id="no-time-same-day"),
    pytest.param("2026-09-07T11:00", "2026-09-07", id="morning-same-day"),
    pytest.param("2026-09-07 16:30", "2026-09-08", id="late-afternoon-next-morning"),
]


@pytest.mark.parametrize(("interviewed", "by"), THANK_YOU)
def test_thank_you_by(table: HolidayTable, interviewed, by):
    fields = {"interviewed": interviewed, "reply": "1w", "region": "GB", "today": "2026-09-07"}
    assert plan_from_fields(fields, table).thank_you_by.isoformat() == by


VERDICTS = [
    pytest.param("2026-12-29", "too_soon", "2026-12-30", id="day-before-call"),
    pytest.param("2026-12-01", "too_soon", "2026-12-30", id="before-the-interview"),
    pytest.param("2026-12-30", "ok", None, id="on-the-call-date"),
    pytest.param("2027-01-01", "not_a_working_day", "2027-01-04", id="new-years-day"),
    pytest.param("2027-01-05", "ok", None, id="after-the-call-date"),
]


@pytest.mark.parametrize(("considering", "verdict", "suggest"), VERDICTS)
def test_is_it_too_soon(table: HolidayTable, considering, verdict, suggest):
    fields = {
        "interviewed": "2026-12-17",
        "reply": "1w",
        "region": "AU-NSW",
        "today": "2026-12-18",
        "considering": considering,
    }
    judged = plan_from_fields(fields, table).too_soon
    assert judged is not None
    assert (judged.verdict, None if judged.suggest is None else judged.suggest.isoformat()) == (
        verdict,
        suggest,
    )


ERRORS = [
    pytest.param({"interviewed": "2027-02-29"}, InvalidDateError, "interviewed", id="impossible-date"),
    pytest.param({"interviewed": "17/12/2026"}, InvalidDateError, "interviewed", id="not-iso"),
    pytest.param({"interviewed": "2026-12-17T25:00"}, InvalidDateError, "interviewed", id="impossible-time"),
    pytest.param({"interviewed": ""}, MissingFieldError, "interviewed", id="no-interview-date"),
    pytest.param({"reply": "soon"}, ReplyNotUnderstoodError, "reply", id="reply-not-understood"),
    pytest.param(
        {"reply": "2026-12-01"}, ReplyBeforeInterviewError, "reply", id="named-date-before-interview"
    ),
    pytest.param({"reply": "53w"}, SpanTooLongError, "reply", id="span-over-a-year"),
    pytest.param({"reply": "367d"}, SpanTooLongError, "reply", id="days-over-a-year"),
    pytest.param({"reply": "262bd"}, SpanTooLongError, "reply", id="working-days-over-a-year"),
    pytest.param({"reply": "2027-12-20"}, SpanTooLongError, "reply", id="named-date-over-a-year"),
    pytest.param({"region": "AU-NWS"}, UnknownRegionError, "region", id="unknown-region"),
    pytest.param({"region": ""}, MissingFieldError, "region", id="no-region"),
    pytest.param({"pending": "references,luck"}, PendingNotUnderstoodError, "pending", id="unknown-pending"),
    pytest.param({"interviewed": "2024-06-03"}, OutsideTableError, "interviewed", id="before-the-table"),
    pytest.param({"interviewed": "2028-12-20"}, OutsideTableError, "reply", id="call-after-the-table"),
    pytest.param({"today": ""}, MissingFieldError, "today", id="no-today"),
    pytest.param({"considering": "2026-13-01"}, InvalidDateError, "considering", id="bad-considering"),
]


@pytest.mark.parametrize(("change", "error", "field"), ERRORS)
def test_errors_name_the_field(table: HolidayTable, change, error, field):
    fields = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18", **change}
    with pytest.raises(error) as raised:
        plan_from_fields(fields, table)
    assert raised.value.field == field
    assert raised.value.message
    assert "Traceback" not in raised.value.message


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        pytest.param("AU-NWS", "AU-NSW", id="typo"),
        pytest.param("New South Wale", "AU-NSW", id="name-typo"),
        pytest.param("Bavaria", None, id="nothing-near"),
    ],
)
def test_unknown_region_suggests_near_matches(table: HolidayTable, typed, suggested):
    with pytest.raises(UnknownRegionError) as raised:
        table.find(typed)
    if suggested is None:
        assert raised.value.suggestions == ()
        assert "Did you mean" not in raised.value.message
    else:
        assert raised.value.suggestions[0] == suggested
        assert suggested in raised.value.message


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        pytest.param("au-nsw", "AU-NSW", id="lower-case"),
        pytest.param(" AU_NSW ", "AU-NSW", id="underscore-and-spaces"),
        pytest.param("New South Wales", "AU-NSW", id="by-name"),
        pytest.param("ontario", "CA-ON", id="by-name-any-case"),
        pytest.param("Saudi Arabia", "SA", id="country-by-name"),
        pytest.param("UK", "GB", id="uk-means-gb"),
        pytest.param("uk-sct", "GB-SCT", id="uk-scotland"),
        # Issue 16: a subdivision's own code finds it, as a name does, with or without accents.
        pytest.param("NSW", "AU-NSW", id="state-without-country"),
        pytest.param("Québec", "CA-QC", id="accented-name"),
        pytest.param("quebec", "CA-QC", id="name-without-accents"),
        pytest.param("QC", "CA-QC", id="subdivision-code"),
        pytest.param("CA-QC", "CA-QC", id="full-code"),
        pytest.param("Quebec, Canada", "CA-QC", id="name-as-listed"),
        pytest.param("Sao Paulo", "BR-SP", id="sao-paulo"),
        pytest.param("south korea", "KR", id="country-name-any-case"),
        pytest.param("Korea", "KR", id="the-packages-own-name"),
        pytest.param("Deutschland", "DE", id="own-language-name"),
        pytest.param("KOR", "KR", id="alpha-3"),
        pytest.param("Georgia", "GE", id="a-country-before-its-namesake-state"),
        pytest.param("br sao paulo capital", "BR-SAO_PAULO_CAPITAL", id="a-subdivision-named-in-words"),
    ],
)
def test_region_spellings(table: HolidayTable, typed, code):
    assert table.find(typed).code == code


def test_longest_spans_are_accepted():
    assert parse_reply("366d").count == 366
    assert parse_reply("52w").count == 52
    assert parse_reply("261bd").count == 261


def test_reply_forms():
    assert parse_reply("10 business days").kind == "working_days"
    assert parse_reply("End of the week").kind == "eow"
    assert parse_reply("  ").kind == "none"
    assert parse_reply("2026-12-24").named == date(2026, 12, 24)
    with pytest.raises(InvalidDateError):
        parse_reply("2026-02-30")


def test_pending_is_canonical():
    assert [p.code for p in parse_pending("HR, refs ,references;security")] == [
        "references",
        "hr",
        "clearance",
    ]
