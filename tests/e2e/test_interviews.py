"""My interviews as a reader uses it: a plan saved beside the calculator's answer, listed with
its next step (Python replans every interview), heard back, deleted, exported, imported, in
two tabs at once, with storage full or turned off, and without a request carrying any of it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from playwright.sync_api import BrowserType, Page, Request, Route, expect

from build_tools._widget import CALCULATOR_PAGE
from tests.e2e.interviews import (
    INTERVIEWS,
    ITEM,
    LIST,
    export_file,
    interview,
    item,
    keep_in_storage,
    stored,
    wait_listed,
)
from tests.e2e.widget import ARTICLE, WIDGET, call_on, freeze_today, wait_until_ready

pytestmark = pytest.mark.e2e

NSW = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "channel": "phone"}
QUESTION = "?interviewed=2026-12-17&reply=1w&region=AU-NSW"
LABEL = "Zanzibar Lighthouse Co, keeper"


def save_plan(page: Page, site_url: str, question: str = QUESTION, label: str = LABEL) -> None:
    """Ask the calculator ``question`` and save its plan under ``label``."""
    page.goto(f"{site_url}{ARTICLE}{question}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", re.compile(r"\d{4}-\d\d-\d\d"))
    page.get_by_test_id("save-label").fill(label)
    page.get_by_test_id("save-plan").click()
    expect(page.get_by_test_id("save-status")).to_contain_text("Saved in My interviews.")


def list_of(page: Page, site_url: str, interviews: list[dict[str, Any]]) -> None:
    """Open My interviews holding ``interviews``, as an earlier visit saved them, once listed."""
    page.goto(f"{site_url}{INTERVIEWS}")
    wait_listed(page)  # nothing yet: listed at once
    keep_in_storage(page, site_url, interviews)
    page.reload()
    wait_listed(page)


def test_a_saved_plan_is_listed_with_its_next_step_and_opens_on_the_calculator(
    page: Page, site_url: str
) -> None:
    freeze_today(page, "2026-12-18")
    save_plan(page, site_url)
    # Saved once: the same plan with the same label adds nothing.
    page.get_by_test_id("save-plan").click()
    expect(page.get_by_test_id("save-status")).to_contain_text("Already saved in My interviews.")
    page.get_by_test_id("interviews-link").click()
    expect(page).to_have_url(f"{site_url}{INTERVIEWS}")
    wait_listed(page)
    saved = page.locator(ITEM)
    expect(saved).to_have_count(1)
    expect(saved.get_by_test_id("interview-label")).to_have_text(LABEL)
    expect(saved).to_contain_text("Interview of Thursday 17 December, New South Wales, Australia")
    expect(saved.locator("time")).to_have_attribute("datetime", "2026-12-30")
    expect(saved.get_by_test_id("next-step")).to_have_text(
        "Wednesday 30 December (in 12 days): Wait, then call them."
    )
    expect(saved.get_by_test_id("overdue")).to_be_hidden()

    saved.get_by_test_id("open-plan").click()  # on the calculator's own page
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}{CALCULATOR_PAGE}?")))
    assert {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()} == NSW
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")


def test_labels_and_inputs_show_before_python_is_ready(page: Page, site_url: str) -> None:
    list_of(page, site_url, [interview("a", LABEL, **NSW)])
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    # The runtime (fetched by the worker, so routed by the context) waits until the test lets it through.
    page.context.route("**/pyodide.asm.wasm", hold)
    with page.context.expect_event("request", lambda request: request.url.endswith("/pyodide.asm.wasm")):
        page.reload()
    saved = page.locator(ITEM)
    expect(saved.get_by_test_id("interview-label")).to_have_text(LABEL)
    expect(saved).to_contain_text("2026-12-17 · AU-NSW")
    expect(page.locator(LIST)).to_have_attribute("data-listed", "inputs")
    expect(page.locator(LIST)).to_have_attribute("data-status", "loading")
    expect(saved.get_by_test_id("next-step")).to_be_hidden()
    for route in held:
        route.continue_()
    wait_listed(page)
    expect(saved).to_contain_text("Interview of Thursday 17 December")
    expect(saved.get_by_test_id("next-step")).to_be_visible()


def test_overdue_steps_come_first_then_the_soonest_then_what_cannot_be_planned(
    page: Page, site_url: str
) -> None:
    freeze_today(page, "2027-01-04")
    list_of(
        page,
        site_url,
        [
            interview("wait", "Waiting Co", **{**NSW, "interviewed": "2026-12-30", "reply": "2w"}),
            interview("old", "Old Region Co", **{**NSW, "region": "AU-XX"}),  # a code no longer known
            interview("late", "Late Co", **NSW),  # the call was due on 30 December
            interview("past", "Past Co", **{**NSW, "interviewed": "1999-03-01"}),  # before the table
            interview("new", "Today Co", **{**NSW, "interviewed": "2027-01-04"}),
        ],
    )
    labels = page.get_by_test_id("interview-label").all_inner_texts()
    assert labels[:3] == ["Late Co", "Today Co", "Waiting Co"]
    assert sorted(labels[3:]) == ["Old Region Co", "Past Co"]
    late = item(page, "Late Co")
    expect(late.get_by_test_id("overdue")).to_be_visible()
    expect(late.get_by_test_id("next-step")).to_have_text(
        "Wednesday 30 December 2026 (5 days ago): Call them now, if you haven’t yet."
    )
    expect(item(page, "Today Co").get_by_test_id("next-step")).to_contain_text(
        "(today): Send your thank-you note."
    )
    expect(page.locator('[data-testid="overdue"]:visible')).to_have_count(1)
    # Those that no longer plan stay listed with what the reader typed, and say why.
    old = item(page, "Old Region Co")
    expect(old).to_contain_text("2026-12-17 · AU-XX")
    expect(old.get_by_test_id("cannot-plan")).to_contain_text("We don't have holidays for “AU-XX”")
    expect(item(page, "Past Co").get_by_test_id("cannot-plan")).to_contain_text("1999-03-01")


def test_heard_back_moves_an_interview_to_the_ended_list_and_back(page: Page, site_url: str) -> None:
    list_of(page, site_url, [interview("a", "ACME", **NSW), interview("b", "Beta", **NSW)])
    item(page, "ACME").get_by_test_id("outcome").select_option(label="Yes: an offer")
    expect(page.get_by_test_id("ended").locator(ITEM)).to_have_text(re.compile("ACME"))
    expect(page.get_by_test_id("waiting").locator(ITEM)).to_have_count(1)
    expect(item(page, "ACME").get_by_test_id("next-step")).to_be_hidden()
    page.reload()  # kept
    wait_listed(page)
    ended = page.get_by_test_id("ended").locator(ITEM)
    expect(ended.get_by_test_id("outcome")).to_have_value("offer")
    ended.get_by_test_id("outcome").select_option(label="Not yet")
    expect(page.get_by_test_id("waiting").locator(ITEM)).to_have_count(2)
    expect(page.get_by_test_id("ended")).to_be_hidden()


def test_delete_one_and_delete_everything_after_asking_once(page: Page, site_url: str) -> None:
    list_of(page, site_url, [interview(x, f"Company {x}", **NSW) for x in "abc"])
    item(page, "Company b").get_by_test_id("delete").click()
    expect(page.locator(ITEM)).to_have_count(2)
    page.reload()
    wait_listed(page)
    expect(page.locator(ITEM)).to_have_count(2)
    assert sorted(i["label"] for i in stored(page, site_url).values()) == ["Company a", "Company c"]

    page.get_by_test_id("delete-all").click()
    expect(page.get_by_text("Delete all 2 saved interviews from this browser?")).to_be_visible()
    page.get_by_role("button", name="Keep them").click()
    expect(page.locator(ITEM)).to_have_count(2)
    page.get_by_test_id("delete-all").click()
    page.get_by_test_id("confirm-delete-all").click()
    expect(page.locator(ITEM)).to_have_count(0)
    expect(page.get_by_test_id("no-interviews")).to_be_visible()
    assert stored(page, site_url) == {}


def download(page: Page, test_id: str, tmp_path: Path) -> bytes:
    with page.expect_download() as info:
        page.get_by_test_id(test_id).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def test_export_holds_every_interview_and_import_merges_it_back(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    kept = [interview("a", "ACME", **NSW), interview("b", "Beta", outcome="no", **NSW)]
    list_of(page, site_url, kept)
    exported = json.loads(download(page, "export-json", tmp_path))
    assert (exported["format"], exported["version"]) == ("second-date/my-interviews", 1)
    assert sorted(exported["interviews"], key=lambda i: i["id"]) == kept

    page.get_by_test_id("delete-all").click()
    page.get_by_test_id("confirm-delete-all").click()
    expect(page.locator(ITEM)).to_have_count(0)
    upload = {"name": "mine.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}
    page.get_by_test_id("import-file").set_input_files(upload)
    expect(page.get_by_test_id("files-status")).to_have_text("Imported: 2 new, 0 updated, 0 already here.")
    wait_listed(page)
    expect(page.locator(ITEM)).to_have_count(2)
    page.get_by_test_id("import-file").set_input_files(upload)  # again: nothing twice
    expect(page.get_by_test_id("files-status")).to_have_text("Imported: 0 new, 0 updated, 2 already here.")
    expect(page.locator(ITEM)).to_have_count(2)
    assert sorted(stored(page, site_url).values(), key=lambda i: i["id"]) == kept


def test_the_calendar_export_carries_the_calculators_own_events(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    questions = [QUESTION, "?interviewed=2026-12-10&reply=2w&region=GB"]

    def events(ics: bytes) -> list[tuple[str, str, str]]:
        # Each event's UID, start and link back to the plan: the call is timed in the
        # employer's zone when the worker has its zone data, as the calculator's own file has it.
        found = icalendar.Calendar.from_ical(ics).walk("VEVENT")
        return sorted(
            (str(event["UID"]), event["DTSTART"].to_ical().decode(), str(event["URL"])) for event in found
        )

    own: list[tuple[str, str]] = []
    for number, question in enumerate(questions):
        save_plan(page, site_url, question, f"Company {number}")
        own += events(download(page, "ics", tmp_path))
    keep_in_storage(
        page, site_url, [interview("ended", "Ended Co", outcome="other", **{**NSW, "region": "GB"})]
    )
    page.goto(f"{site_url}{INTERVIEWS}")
    wait_listed(page)
    assert events(download(page, "export-ics", tmp_path)) == sorted(own)  # not the ended one
    assert len(own) == 8  # four events an interview
    assert {url for _, _, url in own} == {f"{site_url}{CALCULATOR_PAGE}{q}&channel=phone" for q in questions}


BAD_FILES = {
    "not JSON": (b"BEGIN:VCALENDAR\r\n", "not JSON"),
    "empty": (b"", "That file is empty."),
    "another version": (export_file([], version=2), "another version of the My interviews format"),
    "missing fields": (
        export_file([{"id": "x", "label": "No fields"}]),
        "Interview 1 in that file is missing",
    ),
    "10 MB": (b" " * 10_000_000, "too large"),
    "an entry the engine refuses": (
        export_file([interview("n", "New", **NSW), interview("o", "Odd", **{**NSW, "region": "AU-XX"})]),
        "Interview 2 in that file cannot be planned: We don't have holidays for “AU-XX”",
    ),
}


@pytest.mark.parametrize("bad", BAD_FILES)
def test_a_bad_file_is_refused_at_the_import_control_and_nothing_changes(
    page: Page, site_url: str, bad: str
) -> None:
    list_of(page, site_url, [interview("a", "ACME", **NSW)])
    before = stored(page, site_url)
    content, said = BAD_FILES[bad]
    control = page.get_by_test_id("import-file")
    control.set_input_files({"name": "bad.json", "mimeType": "application/json", "buffer": content})
    error = page.get_by_test_id("import-error")
    expect(error).to_contain_text(said)
    expect(error).to_contain_text("Nothing was changed.")
    expect(control).to_have_attribute("aria-invalid", "true")
    assert stored(page, site_url) == before
    expect(page.locator(ITEM)).to_have_count(1)


def test_saving_in_one_tab_and_deleting_in_another_loses_neither(page: Page, site_url: str) -> None:
    list_of(page, site_url, [interview("first", "First Co", **NSW)])
    other = page.context.new_page()
    try:
        save_plan(other, site_url, "?interviewed=2026-12-10&reply=2w&region=GB", "Second Co")
        expect(item(page, "Second Co")).to_be_visible()  # the list tab hears of it at once
        item(page, "First Co").get_by_test_id("delete").click()
        other.get_by_test_id("save-label").fill("Third Co")  # and saving again after the delete
        other.get_by_test_id("save-plan").click()
        expect(other.get_by_test_id("save-status")).to_contain_text("Saved in My interviews.")
    finally:
        other.close()
    expect(item(page, "Third Co")).to_be_visible()
    page.reload()
    wait_listed(page)
    assert sorted(i["label"] for i in stored(page, site_url).values()) == ["Second Co", "Third Co"]
    expect(page.locator(ITEM)).to_have_count(2)


def test_storage_full_is_said_where_the_reader_saves_and_the_calculator_works_on(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    filled = page.evaluate(
        """() => {
          let name = "", n = 0;
          for (let size = 1 << 20; size >= 1; size >>= 1) {
            try {
              for (;;) localStorage.setItem(`filler-${n++}`, "x".repeat(size));
            } catch (error) {
              name = error.name;
            }
          }
          return name;
        }"""
    )
    assert filled == "QuotaExceededError"  # not one more character fits
    page.get_by_test_id("save-label").fill(LABEL)
    page.get_by_test_id("save-plan").click()
    expect(page.get_by_test_id("save-error")).to_contain_text(
        "storage for the site is full, so nothing was saved"
    )
    expect(page.get_by_test_id("save-status")).not_to_contain_text("Saved")
    page.get_by_label("How many").fill("2")
    page.get_by_label("How many").dispatch_event("change")
    expect(call_on(page)).to_have_attribute("datetime", "2027-01-05")
    page.evaluate("() => localStorage.clear()")


@pytest.fixture
def site_data_turned_off(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any], tmp_path: Path
) -> Iterator[Page]:
    """A page in a Chromium whose reader blocks all site data (Settings: cookies and site data)."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    preferences = {"profile": {"default_content_setting_values": {"cookies": 2}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences), encoding="utf-8")
    context = browser_type.launch_persistent_context(
        profile,
        **browser_type_launch_args,
        timezone_id="Australia/Sydney",
        locale="en-AU",
        service_workers="block",
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def test_storage_turned_off_is_said_where_the_reader_saves_and_on_the_list(
    site_data_turned_off: Page, site_url: str
) -> None:
    page = site_data_turned_off
    errors: list[str] = []  # ours: Material's own scripts do not expect storage to be refused
    page.on(
        "pageerror",
        lambda error: errors.append(error.stack or "") if "/calculator" in (error.stack or "") else None,
    )
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")  # the calculator works
    page.get_by_test_id("save-plan").click()
    expect(page.get_by_test_id("save-error")).to_contain_text(
        "not letting the site keep anything on this device"
    )
    page.goto(f"{site_url}{INTERVIEWS}")
    expect(page.get_by_test_id("list-problem")).to_contain_text("not letting the site keep anything")
    assert errors == []


def test_no_request_carries_what_the_reader_saved(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    seen: list[Request] = []

    def record(request: Request) -> None:
        seen.append(request)

    page.context.on("request", record)
    # Saving, listing (after instant navigation, then on a fresh load), exporting, importing.
    page.get_by_test_id("save-label").fill(LABEL)
    page.get_by_test_id("save-plan").click()
    page.get_by_test_id("interviews-link").click()
    wait_listed(page)
    page.reload()
    wait_listed(page)
    exported = download(page, "export-json", tmp_path)
    download(page, "export-ics", tmp_path)
    page.get_by_test_id("import-file").set_input_files(
        {"name": "mine.json", "mimeType": "application/json", "buffer": exported}
    )
    expect(page.get_by_test_id("files-status")).to_contain_text("Imported:")
    assert any(request.url.endswith(INTERVIEWS) for request in seen), "the recorder heard the page's requests"
    secrets = [LABEL, "Zanzibar", "2026-12-17", "20261217", "interviewed", "reply=1w"]
    for request in seen:
        sent = f"{request.url} {request.post_data or ''} {json.dumps(request.headers)}"
        assert not [secret for secret in secrets if secret in sent], request.url
    assert page.locator(WIDGET).count() == 0  # still on My interviews: nothing was opened
