"""The widget as a reader uses it: by keyboard, on a phone, with the reasons shown, and with
a plan to take away (calendar file, Google Calendar link, a link to share, a print-out)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.cases import PARITY_CASES, cpython, fields_of
from tests.e2e.widget import (
    ARTICLE,
    WIDGET,
    answers,
    call_on,
    fits_across,
    freeze_today,
    run_worker,
    wait_until_ready,
)

pytestmark = pytest.mark.e2e

NSW_CHRISTMAS = "?interviewed=2026-12-17&reply=1w&region=AU-NSW"


def tab_to(page: Page, target: Locator, most: int = 6) -> None:
    """Press Tab until ``target`` has the focus (a date input takes a Tab per part)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{most} presses of Tab did not reach {target}")


def test_completed_by_keyboard_alone(page: Page, site_url: str) -> None:
    freeze_today(page, "2026-12-17")  # the interview was today: the form's own default
    page.goto(f"{site_url}{ARTICLE}")
    interviewed = page.get_by_label("When was the interview?")
    interviewed.focus()
    expect(interviewed).to_have_value("2026-12-17")
    tab_to(page, page.get_by_label("A number of days or weeks"))
    page.keyboard.press("Tab")
    count = page.get_by_label("How many")
    expect(count).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    expect(page.get_by_label("of what")).to_be_focused()  # weeks is already chosen
    page.keyboard.press("Tab")
    region = page.get_by_label("Where is the employer?")
    expect(region).to_be_focused()
    expect(region).to_have_value("AU-NSW")  # suggested for a reader in Sydney
    page.keyboard.press("Enter")  # submits the form
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    # The answer takes the focus, so a screen reader reads it next.
    expect(page.get_by_test_id("answer-heading")).to_be_focused()


def test_fits_a_360_pixel_screen(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    expect(call_on(page)).to_be_visible()
    widget = page.locator(WIDGET)
    fits_across(page, widget)
    box = widget.bounding_box()
    assert box is not None
    for control in widget.locator("input:visible, select:visible, button:visible, a.md-button:visible").all():
        edge = control.bounding_box()
        assert edge is not None
        assert edge["x"] + edge["width"] <= box["x"] + box["width"] + 0.5, control.evaluate(
            "e => e.outerHTML"
        )


def test_shows_why_with_every_step(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    page.get_by_text("Why this date").click()
    steps = page.get_by_test_id("steps").locator("li")
    expect(steps.filter(has_text="Fri 25 Dec: Christmas Day")).to_have_count(1)
    expect(steps.filter(has_text="Sat 26 Dec: weekend")).to_have_count(1)
    expect(steps.filter(has_text="Mon 28 Dec: Boxing Day (observed)")).to_have_count(1)
    expect(steps.filter(has_text="Wed 30 Dec: call them")).to_have_count(1)
    expect(page.get_by_test_id("best-time")).to_contain_text("09:30")
    expect(page.get_by_test_id("best-time")).to_contain_text("Australia/Sydney")
    expect(page.get_by_test_id("thank-you")).to_have_text("Send it by Thursday 17 December.")
    expect(page.get_by_test_id("channel-advice")).to_contain_text("Call them.")
    # Sources are links, and reader-visible text never arrives as markup.
    christmas = steps.filter(has_text="Christmas Day")
    expect(christmas.get_by_role("link", name="source")).to_have_attribute(
        "href", "https://pypi.org/project/holidays/"
    )


def test_is_it_too_soon(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    considering = page.get_by_label("The day you have in mind")
    considering.fill("2026-12-29")
    considering.dispatch_event("change")
    verdict = page.get_by_test_id("too-soon-verdict")
    expect(verdict).to_have_attribute("data-verdict", "too_soon")
    expect(verdict).to_contain_text("Too soon")
    considering.fill("2026-12-30")
    considering.dispatch_event("change")
    expect(verdict).to_have_attribute("data-verdict", "ok")
    # The address follows the answer once it is drawn (widget.js, afterNextFrame).
    expect(page).to_have_url(re.compile(r"[?&]considering=2026-12-30(&|$)"))
    assert parse_qs(urlsplit(page.url).query)["considering"] == ["2026-12-30"]


def test_calendar_file_is_valid_icalendar(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    with page.expect_download() as download_info:
        page.get_by_test_id("ics").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    parsed = icalendar.Calendar.from_ical(saved.read_bytes())
    assert parsed["VERSION"] == "2.0"
    assert parsed["PRODID"]
    events = parsed.walk("VEVENT")
    assert len(events) == 4  # thank-you, call, follow-up, let go
    assert len({str(event["UID"]) for event in events}) == 4
    call = events[1]
    # 09:30 in Sydney on Wed 30 Dec (AEDT, UTC+11), in UTC: the worker gave zoneinfo its zone.
    assert call.decoded("DTSTART") == datetime(2026, 12, 29, 22, 30, tzinfo=UTC)
    assert call.decoded("DTEND") == datetime(2026, 12, 30, 0, 30, tzinfo=UTC)
    asked = parse_qs(urlsplit(NSW_CHRISTMAS).query)
    for event in events:
        assert event["DTSTAMP"]
        # Each event leads back to the plan: the calculator's own page, asking the same question.
        link = urlsplit(str(event["URL"]))
        assert f"{link.scheme}://{link.netloc}{link.path}" == f"{site_url}calculator/"
        assert asked.items() <= parse_qs(link.query).items()
        assert str(event["URL"]) in str(event["DESCRIPTION"])
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"])


def test_google_calendar_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    # Ready means Python is up; the answer (and its link) follows a moment later.
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    link = page.get_by_test_id("google-calendar")
    href = link.get_attribute("href")
    assert href is not None
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render")
    query = parse_qs(parts.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["dates"] == ["20261229T223000Z/20261230T003000Z"]  # 09:30-11:30 AEDT in UTC
    assert query["ctz"] == ["Australia/Sydney"]
    assert query["text"][0]
    assert "09:30–11:30 in Sydney" in query["details"][0]
    expect(link).to_have_attribute("rel", "noopener noreferrer")


def test_copy_link_copies_the_address_with_the_plan(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    page.get_by_test_id("copy-link").click()
    expect(page.get_by_test_id("copy-status")).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlsplit(copied).query)["region"] == ["AU-NSW"]
    # A shared link leads to the calculator's own page, with the same question (issue 15).
    assert copied == f"{site_url}calculator/?{urlsplit(page.url).query}"


def test_print_layout_shows_the_plan_not_the_form(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{NSW_CHRISTMAS}")
    wait_until_ready(page)
    page.emulate_media(media="print")
    expect(page.locator(f"{WIDGET} form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(call_on(page)).to_be_visible()
    expect(page.get_by_test_id("steps").locator("li").first).to_be_visible()  # reasons printed open


def test_unknown_region_suggests_a_near_match(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NWS")
    wait_until_ready(page)
    region = page.get_by_label("Where is the employer?")
    expect(region).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#cc-region-error")).to_contain_text("AU-NSW")
    expect(region).to_have_value("AU-NWS")
    expect(page.get_by_test_id("answer")).to_be_hidden()


@pytest.mark.parametrize("case", PARITY_CASES, ids=[case["name"] for case in PARITY_CASES])
def test_pyodide_answers_exactly_as_cpython(page: Page, site_url: str, case: dict[str, str]) -> None:
    fields = fields_of(case)
    page.goto(f"{site_url}{ARTICLE}")
    (answer,) = answers(run_worker(page, [fields]))
    assert answer == cpython(fields)
