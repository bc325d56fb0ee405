"""What the end-to-end tests know of My interviews: its page, test ids, storage and files."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, expect

from tests.e2e.widget import READY_TIMEOUT_MS

INTERVIEWS = "my-interviews/"
LIST = '[data-testid="my-interviews"]'
ITEM = '[data-testid="saved-interview"]'
#: The export file's name and version (docs/assets/javascripts/calculator/export-file.js).
FILE_FORMAT = "second-date/my-interviews"
FILE_VERSION = 1


def wait_listed(page: Page) -> Locator:
    """Wait until every interview shows its dates (Python has replanned them); return the list."""
    listed = page.locator(LIST)
    expect(listed).to_have_attribute("data-listed", "dates", timeout=READY_TIMEOUT_MS)
    return listed


def item(page: Page, text: str) -> Locator:
    """The listed interview whose text holds ``text`` (its label, say)."""
    return page.locator(ITEM).filter(has_text=text)


def storage_prefix(site_url: str) -> str:
    """Where the site keeps interviews in localStorage: one key each, named by the site's path."""
    return f"second-date:{urlsplit(site_url).path}:interview:"


def stored(page: Page, site_url: str) -> dict[str, Any]:
    """Every interview in the page's storage, by key, as kept."""
    kept = page.evaluate(
        """prefix => Object.fromEntries(Object.keys(localStorage).filter((key) => key.startsWith(prefix))
            .map((key) => [key, JSON.parse(localStorage.getItem(key))]))""",
        storage_prefix(site_url),
    )
    assert isinstance(kept, dict)
    return kept


def interview(
    id_: str, label: str, saved: str = "2026-12-18T09:00:00.000Z", outcome: str = "", **fields: str
) -> dict[str, Any]:
    """An interview as the page keeps it: the reader's inputs, never a date worked out."""
    return {"id": id_, "label": label, "fields": fields, "saved": saved, "updated": saved, "outcome": outcome}


def keep_in_storage(page: Page, site_url: str, interviews: list[dict[str, Any]]) -> None:
    """Put interviews in the page's storage as an earlier visit (or an older deploy) kept them."""
    page.evaluate(
        """([prefix, interviews]) =>
            interviews.forEach((i) => localStorage.setItem(prefix + i.id, JSON.stringify(i)))""",
        [storage_prefix(site_url), interviews],
    )


def export_file(interviews: list[dict[str, Any]], version: int = FILE_VERSION) -> bytes:
    """An export file of My interviews, as the page writes one."""
    data = {
        "format": FILE_FORMAT,
        "version": version,
        "exported": "2026-12-18T09:00:00.000Z",
        "interviews": interviews,
    }
    return json.dumps(data).encode()
