"""Memory snapshots: a returning reader's Python is restored from the copy kept on the first
visit, answers exactly as a fresh one (and as CPython), and a copy that cannot be trusted is
thrown away in favour of an ordinary start."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from calculator import PROTOCOL_VERSION
from tests.cases import cpython, parity_fields
from tests.e2e.widget import ARTICLE, WIDGET, answers, call_on, run_worker, wait_until_ready

pytestmark = pytest.mark.e2e

QUESTION = "?interviewed=2026-12-17&reply=1w&region=AU-NSW"
FIRST = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}
SNAPSHOT_TIMEOUT_MS = 90_000

#: Replaces one part of the kept snapshot ("memory" or "check") with what ``change`` makes of it.
TAMPER = """
async ({ part, how }) => {
  const names = (await caches.keys()).filter((name) => name.endsWith(":python-snapshot"));
  if (names.length !== 1) throw new Error(`expected one snapshot cache, found ${names}`);
  const cache = await caches.open(names[0]);
  const keys = await cache.keys();
  const isCheck = (request) => new URL(request.url).searchParams.get("part") === "check";
  const key = keys.find((request) => isCheck(request) === (part === "check"));
  const response = await cache.match(key);
  if (how === "flip-a-byte") {
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytes[bytes.length >> 1] ^= 0xff;
    await cache.put(key, new Response(bytes));
  } else {
    const check = await response.json();
    check.answer = check.answer.replace("2026-12", "2027-01");
    await cache.put(key, Response.json(check));
  }
  return keys.length;
}
"""


def started_from(messages: list[dict[str, Any]]) -> str:
    (ready,) = [m for m in messages if m["type"] == "status" and m["stage"] == "ready"]
    return str(ready["start"])


def keep_a_snapshot(page: Page) -> None:
    """In the page's browser context, start Python afresh, answer one question and keep a snapshot."""
    first = run_worker(page, [FIRST], wait_for_snapshot=True)
    assert started_from(first) == "fresh"
    assert {"v": PROTOCOL_VERSION, "type": "snapshot", "kept": True} in first
    assert answers(first) == [cpython(FIRST)]


def test_a_restored_python_answers_exactly_as_cpython(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    keep_a_snapshot(page)
    restored = run_worker(page, parity_fields())
    assert started_from(restored) == "snapshot"
    assert not [m for m in restored if m["type"] == "snapshot"]  # a restored Python keeps its copy
    assert answers(restored) == [cpython(fields) for fields in parity_fields()]


def test_the_second_visit_restores_python_and_shows_the_answer(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{ARTICLE}{QUESTION}")
    widget = wait_until_ready(page)
    expect(widget).to_have_attribute("data-python-start", "fresh")
    expect(widget).to_have_attribute("data-python-snapshot", "kept", timeout=SNAPSHOT_TIMEOUT_MS)
    first = call_on(page).get_attribute("datetime")
    assert first

    page.goto(f"{site_url}{ARTICLE}{QUESTION.replace('1w', '2w')}")
    widget = wait_until_ready(page)
    expect(widget).to_have_attribute("data-python-start", "snapshot")
    expect(call_on(page)).not_to_have_attribute("datetime", "")
    later = call_on(page).get_attribute("datetime")
    assert later
    assert later > first  # two weeks' wait calls later than one week's
    expect(page.locator(WIDGET).get_by_role("alert")).to_have_count(0)


@pytest.mark.parametrize(("part", "how"), [("memory", "flip-a-byte"), ("check", "change-the-answer")])
def test_an_untrustworthy_snapshot_is_replaced_by_an_ordinary_start(
    page: Page, site_url: str, part: str, how: str
) -> None:
    page.goto(f"{site_url}{ARTICLE}")
    keep_a_snapshot(page)
    assert page.evaluate(TAMPER, {"part": part, "how": how}) == 2

    after = run_worker(page, [FIRST], wait_for_snapshot=True)
    assert started_from(after) == "fresh"
    assert answers(after) == [cpython(FIRST)]
    assert {
        "v": PROTOCOL_VERSION,
        "type": "snapshot",
        "kept": True,
    } in after  # a good copy replaces the bad one

    again = run_worker(page, parity_fields()[:3])
    assert started_from(again) == "snapshot"
    assert answers(again) == [cpython(fields) for fields in parity_fields()[:3]]
