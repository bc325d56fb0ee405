"""The calculator in Firefox's and WebKit's engines, not only Chromium's: Pyodide starts and
answers exactly as CPython does, the article shows the answer to a question in its address
(and names a bad value), and a returning reader's Python is restored from its snapshot.

Each test runs in the system's Firefox and in WebKitGTK (the engine of Safari), each in a
fresh profile. The rest of the site's behaviour is covered in Chromium by ``tests/e2e``.
"""

from __future__ import annotations

import json

import pytest

from calculator import PROTOCOL_VERSION
from devtools import Browser
from tests.cases import cpython, parity_fields
from tests.e2e.widget import ARTICLE, RUN_WORKER, answers
from tests.stdlib_cases import comparison_fields

pytestmark = pytest.mark.e2e

#: Resolves, once the widget has answered or failed, with what it shows.
SHOWN = """
() => new Promise((resolve) => {
  const widget = document.querySelector('[data-testid="call-calculator"]');
  const shown = () => {
    const time = widget.querySelector('[data-testid="call-on"] time');
    const answered = time?.getAttribute("datetime");
    const invalid = widget.querySelector('[aria-invalid="true"]');
    if (!answered && !invalid && widget.dataset.status !== "error") return false;
    const visible = (element) => !element.closest("[hidden]") && element.textContent.trim() !== "";
    resolve({
      status: widget.dataset.status,
      start: widget.dataset.pythonStart ?? "",
      callOn: answered ?? "",
      said: time?.textContent.trim() ?? "",
      invalid: invalid ? { id: invalid.id, value: invalid.value } : null,
      alerts: [...widget.querySelectorAll('[role="alert"]')].filter(visible).map((e) => e.textContent.trim()),
    });
    return true;
  };
  if (!shown()) {
    const observer = new MutationObserver(() => shown() && observer.disconnect());
    observer.observe(widget, { subtree: true, childList: true, attributes: true });
  }
})
"""

#: Resolves with whether the widget's worker kept a snapshot ("kept" or "not-kept"), once it says.
SNAPSHOT_SAID = """
() => new Promise((resolve) => {
  const widget = document.querySelector('[data-testid="call-calculator"]');
  const said = () => widget.dataset.pythonSnapshot && resolve(widget.dataset.pythonSnapshot);
  if (!said()) new MutationObserver(said).observe(widget, { attributes: true });
})
"""

QUESTION = "?interviewed=2026-12-17&reply={reply}&region=AU-NSW"


def test_pyodide_answers_exactly_as_cpython(engine: Browser, site_url: str) -> None:
    engine.goto(f"{site_url}{ARTICLE}")
    request = {"requests": parity_fields(), "waitForSnapshot": False, "version": PROTOCOL_VERSION}
    messages = engine.call(RUN_WORKER, request)
    assert answers(messages) == [cpython(fields) for fields in parity_fields()]
    assert engine.problems() == []


def test_the_pruned_standard_library_answers_exactly_as_the_full_one(
    engine: Browser, site_url: str, full_stdlib_site_url: str
) -> None:
    requests = comparison_fields()
    texts = []
    for url in (site_url, full_stdlib_site_url):
        engine.goto(f"{url}{ARTICLE}")
        asked = {"requests": requests, "waitForSnapshot": False, "version": PROTOCOL_VERSION}
        messages = engine.call(RUN_WORKER, asked)
        texts.append(json.dumps(answers(messages), ensure_ascii=False))  # in the answers' own key order
    assert texts[0] == texts[1]
    assert len(json.loads(texts[0])) == len(requests)
    assert engine.problems() == []


def test_the_answer_shows_and_a_second_visit_restores_python(engine: Browser, site_url: str) -> None:
    engine.goto(f"{site_url}{ARTICLE}{QUESTION.format(reply='1w')}")
    first = engine.call(SHOWN)
    # Thu 24 Dec was the day; Christmas, the weekend and Boxing Day (observed) don't count.
    assert first["callOn"] == "2026-12-30"
    assert first["said"].startswith("Wednesday 30 December")
    assert (first["status"], first["start"], first["alerts"]) == ("ready", "fresh", [])
    assert engine.call(SNAPSHOT_SAID) == "kept"

    engine.goto(f"{site_url}{ARTICLE}{QUESTION.format(reply='2w')}")
    second = engine.call(SHOWN)
    # Thu 31 Dec was the day; New Year's Day and the weekend don't count: Mon 4, Tue 5 Jan.
    assert second["callOn"] == "2027-01-05"
    assert (second["status"], second["start"], second["alerts"]) == ("ready", "snapshot", [])
    assert engine.problems() == []


def test_a_bad_value_in_the_address_is_named_and_kept(engine: Browser, site_url: str) -> None:
    engine.goto(f"{site_url}{ARTICLE}?interviewed=2026-12-17&reply=1w&region=AU-NWS")
    shown = engine.call(SHOWN)
    assert shown["invalid"] == {"id": "cc-region", "value": "AU-NWS"}
    assert shown["callOn"] == ""
    assert any("AU-NSW" in alert for alert in shown["alerts"])  # the region it probably meant
    assert engine.problems() == []
