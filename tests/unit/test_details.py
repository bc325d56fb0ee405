"""The reader's optional details: capped, tidied, and only ever text."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import PROTOCOL_VERSION, Details, TextTooLongError, handle_request, parse_details
from calculator._details import LIMITS, reader_zone, tidy
from tests.protocol import check_answer

BASE = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}


def ask(fields):
    answer = json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": {**BASE, **fields}})))
    check_answer(answer)
    return answer


def test_nothing_given_is_no_details():
    assert parse_details({}) == Details()


@pytest.mark.parametrize("field", list(LIMITS))
def test_ten_thousand_characters_are_refused_at_the_field(field):
    answer = ask({field: "x" * 10_000})
    assert answer["ok"] is False
    assert answer["error"]["field"] == field
    assert answer["error"]["code"] == "text_too_long"
    assert f"under {LIMITS[field]} characters" in answer["error"]["message"]
    assert "x" * 50 not in answer["error"]["message"]


@pytest.mark.parametrize("field", list(LIMITS))
def test_the_limit_itself_is_fine(field):
    assert getattr(parse_details({field: "y" * LIMITS[field]}), field) == "y" * LIMITS[field]
    with pytest.raises(TextTooLongError):
        parse_details({field: "y" * (LIMITS[field] + 1)})


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        pytest.param("<script>alert(1)</script>", "<script>alert(1)</script>", id="markup-is-text"),
        pytest.param("Zoë 😀👩‍💻", "Zoë 😀👩‍💻", id="emoji-with-joiners"),
        pytest.param("שרה כהן", "שרה כהן", id="hebrew"),
        pytest.param("محمد\u200f", "محمد\u200f", id="arabic-with-a-mark"),
        pytest.param("Sam\u202eevil", "Sam evil", id="right-to-left-override-removed"),
        pytest.param("\u2066Sam\u2069", "Sam", id="isolates-removed"),
        pytest.param("Sam\nOrtiz\r\n", "Sam Ortiz", id="one-line"),
        pytest.param("  Sam \t  Ortiz ", "Sam Ortiz", id="spaces"),
        pytest.param("Sam\x00\x07", "Sam", id="controls"),
    ],
)
def test_tidy(typed, kept):
    assert tidy(typed) == kept


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        pytest.param("Europe/London", "Europe/London", id="zone"),
        pytest.param(" America/Argentina/Buenos_Aires ", "America/Argentina/Buenos_Aires", id="three-parts"),
        pytest.param("Etc/GMT+5", "Etc/GMT+5", id="fixed-offset"),
        pytest.param("UTC", "UTC", id="utc"),
        pytest.param("../../etc/passwd", "", id="a-path"),
        pytest.param("/usr/share/zoneinfo/UTC", "", id="absolute"),
        pytest.param("Europe/London<script>", "", id="markup"),
        pytest.param("A" * 65, "", id="too-long"),
        pytest.param("", "", id="empty"),
    ],
)
def test_reader_zone(typed, zone):
    assert reader_zone(typed) == zone


@pytest.mark.parametrize(
    ("typed", "ticked"),
    [("on", True), ("1", True), ("Yes", True), ("true", True), ("", False), ("off", False), ("<b>", False)],
)
def test_missed_is_a_tick_box(typed, ticked):
    assert parse_details({"missed": typed}).missed is ticked


@settings(deadline=None)  # validating each answer against the protocol's schema takes its time
@given(st.dictionaries(st.sampled_from([*LIMITS, "tz", "missed"]), st.text(max_size=120)))
def test_any_details_give_a_plan_or_an_error_at_their_field(fields):
    answer = ask(fields)
    if not answer["ok"]:
        assert answer["error"]["code"] == "text_too_long"
        assert answer["error"]["field"] in LIMITS
