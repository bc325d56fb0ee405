"""The pruned standard library in Chromium: it answers exactly as Pyodide's full one, and when a
module is missing from it (here removed on purpose), the worker starts again with the full one,
answers, and says so once in the console."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Request, Route, expect

from tests.cases import cpython
from tests.conftest import pruned_stdlib_of
from tests.e2e.conftest import Trouble
from tests.e2e.widget import ARTICLE, answers, call_on, run_worker, wait_until_ready
from tests.stdlib_cases import comparison_fields

pytestmark = pytest.mark.e2e

#: What the worker says in the console when it falls back to the full library.
FELL_BACK = "pruned standard library lacked a module"
TYPO = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NWS", "today": "2026-12-18"}
RIGHT = {**TYPO, "region": "AU-NSW"}


def as_text(messages: list[dict[str, Any]]) -> str:
    """The answers, written out in the order of their keys: equal texts are equal answers, byte for byte."""
    return json.dumps(answers(messages), ensure_ascii=False)


def test_the_pruned_library_answers_exactly_as_the_full_one(
    page: Page, site_url: str, full_stdlib_site_url: str
) -> None:
    requests = comparison_fields()
    page.goto(f"{site_url}{ARTICLE}")
    pruned = run_worker(page, requests)
    page.goto(f"{full_stdlib_site_url}{ARTICLE}")
    full = run_worker(page, requests)
    assert len(answers(pruned)) == len(requests)
    assert as_text(pruned) == as_text(full)


class Lacking:
    """Serves the site's pruned standard library without ``module``, and counts what is fetched."""

    def __init__(self, page: Page, built_site: Path, module: str) -> None:
        source = pruned_stdlib_of(built_site).read_bytes()
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(out, "w") as changed:
            assert module in original.namelist()
            for info in original.infolist():
                if info.filename != module:
                    changed.writestr(info, original.read(info))
        self.body = out.getvalue()
        self.fetched: list[str] = []
        page.context.route(re.compile(r"/assets/calculator/[^/]+/python_stdlib\.zip$"), self._serve)
        page.context.on("request", self._note)

    def _serve(self, route: Route) -> None:
        route.fulfill(status=200, body=self.body, content_type="application/zip")

    def _note(self, request: Request) -> None:
        if request.url.endswith("python_stdlib.zip"):
            self.fetched.append(request.url)

    def full_fetched(self) -> int:
        return sum("/assets/pyodide/" in url for url in self.fetched)


def fallbacks(trouble: Trouble) -> list[str]:
    return [line for line in trouble.seen if FELL_BACK in line]


def test_a_module_missing_at_the_start_brings_the_full_library(
    page: Page, site_url: str, built_site: Path, trouble: Trouble
) -> None:
    lacking = Lacking(page, built_site, "datetime.pyc")  # the calculator imports it; Pyodide does not
    trouble.expect(FELL_BACK)
    page.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NSW")
    wait_until_ready(page)
    expect(call_on(page)).to_have_attribute("datetime", "2026-12-30")
    assert lacking.full_fetched() == 1
    (said,) = fallbacks(trouble)
    assert "No module named 'datetime'" in said


def test_a_module_missing_in_an_answer_brings_the_full_library_once(
    page: Page, site_url: str, built_site: Path, trouble: Trouble
) -> None:
    lacking = Lacking(page, built_site, "difflib.pyc")  # only a mistyped region needs it
    trouble.expect(FELL_BACK)
    page.goto(f"{site_url}{ARTICLE}")
    requests = [RIGHT, TYPO, TYPO, RIGHT]
    messages = run_worker(page, requests)
    assert answers(messages) == [cpython(fields) for fields in requests]
    assert "AU-NSW" in answers(messages)[1]["error"]["suggestions"]
    assert lacking.full_fetched() == 1
    (said,) = fallbacks(trouble)
    assert "No module named 'difflib'" in said
