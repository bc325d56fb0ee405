"""Worked examples: markers filled from the calculator's seam."""

from __future__ import annotations

import json

import pytest

import build_tools._examples as examples
from build_tools import BuildError
from build_tools._examples import fill_examples
from calculator import PROTOCOL_VERSION


def test_a_marker_becomes_a_worked_example():
    markdown = "Intro.\n<!-- second-date:example interviewed=2026-11-12 reply=1w region=AU-NSW -->\nEnd.\n"
    filled = fill_examples(markdown, "a.md")
    assert "Interview on **Thursday 12 November 2026**" in filled
    assert "within a week, so by **Thursday 19 November 2026**" in filled
    assert "Your day to call: **Monday 23 November 2026**" in filled
    assert filled.startswith("Intro.\n!!! example")
    assert filled.endswith("\nEnd.\n")


def test_public_holidays_on_the_way_are_listed():
    markdown = "<!-- second-date:example interviewed=2026-12-17 reply=1w region=AU-NSW -->\n"
    filled = fill_examples(markdown, "a.md")
    assert "Your day to call: **Wednesday 30 December 2026**" in filled
    assert "    Days that don't count on the way:\n\n" in filled
    assert "    - Fri 25 Dec: Christmas Day — nobody is in\n" in filled
    assert "    - Sat 26 Dec: weekend\n" in filled
    assert "    - Mon 28 Dec: Boxing Day (observed) — nobody is in\n" in filled


def test_weekends_alone_go_unsaid():
    filled = fill_examples(
        "<!-- second-date:example interviewed=2026-11-12 reply=1w region=AU-NSW -->", "a.md"
    )
    assert "don't count" not in filled


def test_the_calculator_is_asked_through_its_seam_with_region_and_today(monkeypatch):
    requests = []

    def handle_request(request_json: str) -> str:
        requests.append(json.loads(request_json))
        plan = {
            "interviewed": "2026-11-12",
            "reply_expected": "2026-11-19",
            "call_on": "2026-11-24",
            "steps": [],
        }
        return json.dumps({"v": PROTOCOL_VERSION, "ok": True, "plan": plan})

    monkeypatch.setattr(examples.calculator, "handle_request", handle_request)
    filled = fill_examples(
        "<!-- second-date:example interviewed=2026-11-12 reply=1w region=AU-VIC -->", "a.md"
    )
    assert requests == [
        {
            "v": PROTOCOL_VERSION,
            "fields": {"interviewed": "2026-11-12", "reply": "1w", "region": "AU-VIC", "today": "2026-11-12"},
        }
    ]
    assert "**Tuesday 24 November 2026**" in filled


def test_a_refusal_names_the_file_and_line():
    markdown = "One\nTwo\n<!-- second-date:example interviewed=2026-02-30 reply=1w -->\n"
    with pytest.raises(BuildError, match=r"^posts/a\.md:12: worked example: the calculator refused"):
        fill_examples(markdown, "posts/a.md", first_line=10)


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        pytest.param("reply=1w", r"needs \['interviewed'\]", id="no-date"),
        pytest.param("interviewed=2026-11-12 reply=1w colour=red", r"unknown example field", id="unknown"),
    ],
)
def test_bad_markers(attrs, message):
    with pytest.raises(BuildError, match=message):
        fill_examples(f"<!-- second-date:example {attrs} -->", "a.md")


def test_other_lines_are_left_alone():
    markdown = "Say <!-- second-date:example interviewed=2026-11-12 reply=1w --> inline.\n"
    assert fill_examples(markdown, "a.md") == markdown


@pytest.mark.parametrize(
    ("reply", "spoken"),
    [
        ("1w", "a week"),
        ("2w", "two weeks"),
        ("1d", "a day"),
        ("5d", "five days"),
        ("12d", "12 days"),
        ("x", "x"),
    ],
)
def test_spans_are_spoken(reply, spoken):
    assert examples.say_span(reply) == spoken
