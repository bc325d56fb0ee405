"""Reply deadlines set by law: Ontario's 45 days, from 1 January 2026 only."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import PROTOCOL_VERSION, handle_request
from calculator._law import ONTARIO, RULES, reply_deadline


@pytest.mark.parametrize(
    ("region", "interviewed", "due"),
    [
        # 1 January 2026 + 45 days: 30 days to 31 January, 15 more to Sunday 15 February.
        pytest.param("CA-ON", date(2026, 1, 1), date(2026, 2, 15), id="ontario-first-day"),
        pytest.param("CA-ON", date(2026, 12, 17), date(2027, 1, 31), id="ontario-over-new-year"),
        pytest.param("CA-ON", date(2025, 12, 31), None, id="ontario-the-day-before-it-starts"),
        pytest.param("CA-QC", date(2026, 6, 1), None, id="quebec"),
        pytest.param("CA", date(2026, 6, 1), None, id="canada-as-a-whole"),
        pytest.param("GB-ENG", date(2026, 6, 1), None, id="england"),
    ],
)
def test_which_interviews_get_a_deadline(region, interviewed, due):
    deadline = reply_deadline(region, interviewed)
    assert (deadline and deadline.due) == due


@given(
    region=st.sampled_from(["CA-ON", "CA-BC", "US-NJ", "AU-NSW"]),
    interviewed=st.dates(max_value=date(9000, 1, 1)),
)
def test_the_rule_applies_exactly_from_its_start_in_its_region(region, interviewed):
    deadline = reply_deadline(region, interviewed)
    assert (deadline is not None) == (region == "CA-ON" and interviewed >= date(2026, 1, 1))
    if deadline is not None:
        assert deadline.due - interviewed == timedelta(days=45)


def test_each_rule_carries_its_source_start_and_what_to_do():
    for rule in RULES:
        assert rule.sources[0].startswith("https://www.ontario.ca/laws/regulation/240476")
        assert rule.starts == date(2026, 1, 1)
        assert "Ministry of Labour" in rule.if_missed
        assert any("25 or more employees" in condition for condition in rule.conditions)
        assert any("last interview" in condition for condition in rule.conditions)
    assert ONTARIO.days == 45


def test_the_plan_says_so_with_the_date_and_conditions():
    fields = {"interviewed": "2026-12-17", "reply": "1w", "region": "CA-ON", "today": "2026-12-18"}
    plan = json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": fields})))["plan"]
    law = plan["law"]
    assert law["due"] == "2027-01-31"
    assert law["due_text"] == "Sunday 31 January 2027"
    assert "has 45 days from your last interview" in law["text"]
    assert "until Sunday 31 January 2027" in law["text"]
    assert "whether a hiring decision has been made" in law["text"]
    assert law["starts"] == "2026-01-01"
    assert law["conditions"]
    assert law["sources"]
    assert law["if_missed"]
    before = {**fields, "interviewed": "2025-12-17", "today": "2025-12-18"}
    assert (
        json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": before})))["plan"]["law"]
        is None
    )
