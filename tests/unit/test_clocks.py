"""Both clocks: the call window in the employer's zone and the reader's, across daylight saving."""

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import PROTOCOL_VERSION, handle_request
from calculator._advice import CallWindow
from calculator._clocks import both_clocks, find_zone, missing_zones, place, window_instants, zones_needed
from calculator._dates import written
from calculator._details import reader_zone
from tests.protocol import check_answer

SYDNEY = CallWindow("09:30", "11:30", "Australia/Sydney", "", "")
NEW_YORK = CallWindow("09:30", "11:30", "America/New_York", "", "")


# Each expected time is worked out by hand from the offsets in force that day:
# Sydney AEDT +11 until Sun 5 Apr 2026 03:00, then AEST +10 (until Sun 4 Oct 2026);
# London GMT +0 until Sun 29 Mar 2026 01:00 UTC, then BST +1 (until Sun 25 Oct 2026);
# New York EST -5 until Sun 8 Mar 2026 02:00, then EDT -4 (until Sun 1 Nov 2026).
@pytest.mark.parametrize(
    ("window", "day", "reader", "text"),
    [
        pytest.param(
            SYDNEY,
            date(2026, 12, 30),
            "Europe/London",
            (
                "09:30–11:30 in Sydney — "
                "22:30–00:30 your time in London, the evening before (Tuesday 29 December)"
            ),
            id="sydney-summer-london-winter",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 3, 27),
            "Europe/London",
            (
                "09:30–11:30 in Sydney — "
                "22:30–00:30 your time in London, the evening before (Thursday 26 March)"
            ),
            id="before-london-springs-forward",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 3, 31),
            "Europe/London",
            ("09:30–11:30 in Sydney — 23:30–01:30 your time in London, the evening before (Monday 30 March)"),
            id="after-london-springs-forward",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 4, 7),
            "Europe/London",
            ("09:30–11:30 in Sydney — 00:30–02:30 your time in London"),
            id="after-sydney-falls-back-same-day",
        ),
        pytest.param(
            NEW_YORK,
            date(2026, 3, 3),
            "Europe/London",
            ("09:30–11:30 in New York — 14:30–16:30 your time in London"),
            id="new-york-winter",
        ),
        pytest.param(
            NEW_YORK,
            date(2026, 3, 10),
            "Europe/London",
            ("09:30–11:30 in New York — 13:30–15:30 your time in London"),
            id="after-new-york-springs-forward-before-london",
        ),
        pytest.param(
            NEW_YORK,
            date(2026, 3, 31),
            "Europe/London",
            ("09:30–11:30 in New York — 14:30–16:30 your time in London"),
            id="after-both-spring-forward",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 12, 30),
            "America/Los_Angeles",
            (
                "09:30–11:30 in Sydney — "
                "14:30–16:30 your time in Los Angeles, the afternoon before (Tuesday 29 December)"
            ),
            id="a-day-behind-in-the-afternoon",
        ),
        pytest.param(
            NEW_YORK,
            date(2026, 12, 30),
            "Asia/Tokyo",
            ("09:30–11:30 in New York — 23:30–01:30 your time in Tokyo"),
            id="a-day-ahead-starting-the-same-evening",
        ),
        pytest.param(
            CallWindow("09:30", "11:30", "America/Los_Angeles", "", ""),
            date(2026, 12, 30),
            "Pacific/Auckland",
            (
                "09:30–11:30 in Los Angeles — "
                "06:30–08:30 your time in Auckland, the next morning (Thursday 31 December)"
            ),
            id="the-next-morning",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 12, 30),
            "Australia/Sydney",
            "09:30–11:30 in Sydney, your time too",
            id="same-zone",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 6, 10),
            "Australia/Brisbane",
            "09:30–11:30 in Sydney, the same time for you in Brisbane",
            id="same-clock-in-winter",
        ),
        pytest.param(
            SYDNEY,
            date(2026, 12, 30),
            "Australia/Brisbane",
            ("09:30–11:30 in Sydney — 08:30–10:30 your time in Brisbane"),
            id="an-hour-apart-in-summer",
        ),
        pytest.param(SYDNEY, date(2026, 12, 30), "", "09:30–11:30 in Sydney", id="reader-zone-unknown"),
        pytest.param(
            SYDNEY, date(2026, 12, 30), "Mars/Olympus_Mons", "09:30–11:30 in Sydney", id="no-such-zone"
        ),
        pytest.param(
            SYDNEY, date(2026, 12, 30), "America", "09:30–11:30 in Sydney", id="a-folder-not-a-zone"
        ),
    ],
)
def test_window_sentence(window, day, reader, text):
    assert both_clocks(day, window, reader).text == text


@pytest.mark.parametrize(
    ("window", "day", "reader", "night", "note"),
    [
        pytest.param(
            SYDNEY, date(2026, 12, 30), "Europe/London", "all", "That falls in your night.", id="all-night"
        ),
        pytest.param(
            SYDNEY,
            date(2026, 12, 30),
            "Asia/Bangkok",
            "part",
            "aim for 07:00–07:30 your time",
            id="early-morning",
        ),
        pytest.param(
            NEW_YORK,
            date(2026, 12, 30),
            "Asia/Yangon",
            "part",
            "aim for 21:00–22:00 your time",
            id="late-evening",
        ),
        pytest.param(
            CallWindow("09:30", "11:30", "America/Los_Angeles", "", ""),
            date(2026, 12, 30),
            "Pacific/Auckland",
            "part",
            "aim for 07:00–08:30 your time",
            id="early-next-morning",
        ),
        pytest.param(
            NEW_YORK, date(2026, 12, 30), "Asia/Tokyo", "all", "That falls in your night.", id="past-22"
        ),
        pytest.param(NEW_YORK, date(2026, 3, 10), "Europe/London", "none", "", id="daytime"),
    ],
)
def test_night_note(window, day, reader, night, note):
    clocks = both_clocks(day, window, reader)
    assert clocks.night == night
    assert note in clocks.note


def test_the_reader_clock_as_data():
    clocks = both_clocks(date(2026, 12, 30), SYDNEY, "Europe/London")
    assert (clocks.employer.zone, clocks.employer.place, clocks.employer.day) == (
        "Australia/Sydney",
        "Sydney",
        date(2026, 12, 30),
    )
    assert clocks.reader is not None
    assert (clocks.reader.day, clocks.reader.start, clocks.reader.end) == (
        date(2026, 12, 29),
        "22:30",
        "00:30",
    )


@pytest.mark.parametrize(
    ("zone", "name"),
    [
        pytest.param("America/New_York", "New York", id="underscore"),
        pytest.param("America/Argentina/Buenos_Aires", "Buenos Aires", id="three-parts"),
        pytest.param("Etc/UTC", "UTC", id="utc"),
        pytest.param("Etc/GMT+5", "Etc/GMT+5", id="fixed-offset-kept-whole"),
    ],
)
def test_place_names(zone, name):
    assert place(zone) == name


ZONES = sorted(available_timezones())


@settings(max_examples=300, deadline=None)
@given(
    employer=st.sampled_from(ZONES),
    reader=st.sampled_from(ZONES),
    day=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
)
def test_the_reader_clock_shows_the_same_instants(employer, reader, day):
    window = CallWindow("09:30", "11:30", employer, "", "")
    clocks = both_clocks(day, window, reader)
    instants = window_instants(day, window)
    assert instants is not None
    assert clocks.text.startswith(f"09:30–11:30 in {place(employer)}")
    if clocks.reader is None:
        return
    start, end = (moment.astimezone(ZoneInfo(reader)) for moment in instants)
    assert (clocks.reader.start, clocks.reader.end) == (f"{start:%H:%M}", f"{end:%H:%M}")
    assert clocks.reader.day == start.date()
    if start.date() != day:
        assert written(start.date(), day.year) in clocks.text
    night_at_start = not time(7) <= start.time() < time(22)
    assert clocks.night in ({"part", "all"} if night_at_start else {"none", "part"})


@given(st.text(max_size=80))
def test_any_reader_zone_text_is_a_zone_name_or_unknown(text):
    zone = reader_zone(text)
    assert zone == "" or zone == text.strip()
    assert ".." not in zone
    assert not zone.startswith("/")
    both_clocks(date(2026, 12, 30), SYDNEY, zone)  # never raises


def test_zones_needed():
    assert zones_needed("Australia/Sydney", "") == ["Australia/Sydney"]
    assert zones_needed("Australia/Sydney", "Australia/Sydney") == ["Australia/Sydney"]
    assert zones_needed("Australia/Sydney", "Europe/London") == ["Australia/Sydney", "Europe/London"]


def test_the_worker_is_asked_only_for_zones_python_has_not_found():
    def zones(**fields: str) -> list[str]:
        answer = json.loads(
            handle_request(json.dumps({"v": PROTOCOL_VERSION, "kind": "zones", "fields": fields}))
        )
        check_answer(answer)
        assert answer["ok"] is True
        return answer["zones"]

    assert find_zone("Australia/Sydney") is not None
    assert zones(region="AU-NSW", tz="Nowhere/Atlantis") == ["Nowhere/Atlantis"]
    assert zones(region="AU-NSW", tz="Australia/Sydney") == []
    assert zones(region="AU-NSW", tz="../../etc/passwd") == []  # not a zone name: not asked for
    assert zones(region="nowhere", tz="Nowhere/Atlantis") == []  # no plan, no zones
    assert missing_zones(["Nowhere/Atlantis", "Australia/Sydney"]) == ["Nowhere/Atlantis"]
    assert find_zone("Nowhere/Atlantis") is None
    assert missing_zones(["Nowhere/Atlantis"]) == ["Nowhere/Atlantis"]  # a zone not found stays missing


def test_the_plan_carries_both_clocks():
    fields = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}
    answer = json.loads(
        handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": {**fields, "tz": "Europe/London"}}))
    )
    clocks = answer["plan"]["clocks"]
    assert clocks["reader"] == {
        "zone": "Europe/London",
        "place": "London",
        "date": "2026-12-29",
        "start": "22:30",
        "end": "00:30",
    }
    assert clocks["night"] == "all"
    unknown = json.loads(
        handle_request(json.dumps({"v": PROTOCOL_VERSION, "fields": {**fields, "tz": "Not/A_Zone"}}))
    )
    assert unknown["ok"]
    assert unknown["plan"]["clocks"]["reader"] is None
    assert unknown["plan"]["clocks"]["text"] == "09:30–11:30 in Sydney"


def test_window_instants_are_two_hours_apart_in_absolute_time():
    instants = window_instants(date(2026, 4, 5), SYDNEY)  # the day Sydney falls back, at 03:00
    assert instants is not None
    start, end = instants
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2)
    assert start.astimezone(UTC) == datetime(2026, 4, 4, 23, 30, tzinfo=UTC)
