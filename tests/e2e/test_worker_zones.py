"""Both clocks in the browser: the worker gives Pyodide's zoneinfo the zone files an answer needs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route

from tests.cases import PARITY_CASES, cpython, fields_of
from tests.e2e.conftest import Trouble
from tests.e2e.widget import ARTICLE, answers, run_worker

pytestmark = pytest.mark.e2e

#: Sydney's employer, a reader in London, and the calendar file asked for.
FIELDS = next(
    fields_of(case) for case in PARITY_CASES if case["name"] == "both-clocks-and-the-whole-calendar"
)


def test_the_reader_clock_and_the_timed_call_as_in_cpython(page: Page, site_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}{ARTICLE}")
    same_zone = {**FIELDS, "tz": "Australia/Sydney"}
    got = answers(run_worker(page, [FIELDS, same_zone, FIELDS]))
    assert got == [cpython(FIELDS), cpython(same_zone), cpython(FIELDS)]
    plan = got[0]["plan"]
    assert plan["clocks"]["reader"]["start"] == "22:30"
    assert "DTSTART:20261229T223000Z" in plan["ics"]
    zones = sorted(url.split("/zoneinfo/", 1)[1] for url in asked if "/zoneinfo/" in url)
    assert zones == ["Australia/Sydney", "Europe/London"]  # each fetched once, by the worker


def test_a_zone_file_that_does_not_arrive_leaves_the_employer_clock(
    page: Page, site_url: str, trouble: Trouble
) -> None:
    trouble.expect("zoneinfo/Europe/London")  # the browser reports the 404

    def refuse(route: Route) -> None:
        route.fulfill(status=404, body="")

    page.route("**/zoneinfo/Europe/London", refuse)
    page.goto(f"{site_url}{ARTICLE}")
    (answer,) = answers(run_worker(page, [FIELDS]))
    assert answer["ok"] is True
    assert answer["plan"]["clocks"]["reader"] is None
    assert answer["plan"]["clocks"]["text"] == "09:30–11:30 in Sydney"
    assert "DTSTART:20261229T223000Z" in answer["plan"]["ics"]  # Sydney's own file did arrive
