"""My interviews in Chromium: 200 saved interviews listed with their dates, and the page's scripts.

A fresh browser context opens the list, keeps :data:`SAVED` interviews in its storage (as
saving them one by one would), and loads the page again: Python starts cold and replans
them all, each one's region file fetched (while Python starts, as the worker does). Timed
from the moment the list says Python is ready to the moment every interview shows its dates;
a run where any of them fails to plan is refused, not timed. The page's own scripts are
every script of the site's own (not the theme's, not the runtime) on the page's main thread,
compressed as the bytes' measures are; the worker's own scripts are shown beside them.

Each measure is defined here with its target right above it.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Response

from bench._chromium import VISIT_TIMEOUT_MS, Network, fresh_page, visit
from bench._metrics import Metrics, median
from bench._pages import INTERVIEWS_PATH, is_calculator_script, probe
from bench._rows import Row, ms
from bench._sizes import Sizes
from bench._targets import at_most
from calculator import HolidayTable

#: My interviews' list component (``build_tools/templates/interviews.html``).
LIST = '[data-sd-component="interviews"]'
#: How many saved interviews the list is timed with.
SAVED = 200
_REPLIES = ("1w", "2w", "10d", "3bd", "eow", "none", "")
_PENDING = ("", "references", "references,hr", "more-candidates")


def saved_interviews(table: HolidayTable, count: int = SAVED) -> list[dict[str, Any]]:
    """``count`` interviews as My interviews keeps them: their inputs only (the page replans each).

    They spread over ``table``'s regions (the built site's), its middle year and every kind
    of reply.
    """
    codes = [region.code for region in table.regions]
    year = (table.first_year + table.last_year) // 2
    interviews = []
    for number in range(count):
        month, day = 1 + number % 12, 1 + (number * 7) % 28
        fields = {
            "interviewed": f"{year}-{month:02d}-{day:02d}",
            "reply": _REPLIES[number % len(_REPLIES)],
            "region": codes[(number * 37) % len(codes)],
            "pending": _PENDING[number % len(_PENDING)],
            "channel": ("phone", "email")[number % 2],
        }
        stamp = f"{year}-01-01T09:00:{number % 60:02d}.000Z"
        interviews.append(
            {
                "id": f"bench-{number:04d}",
                "label": f"Employer {number}",
                "fields": fields,
                "saved": stamp,
                "updated": stamp,
                "outcome": "",
            }
        )
    return interviews


def interviews_visit(
    browser: Browser, server_url: str, sizes: Sizes, network: Network | None, saved: list[dict[str, Any]]
) -> Metrics:
    """One cold visit of My interviews holding ``saved`` (:func:`saved_interviews`): its samples.

    The page is opened empty first (nothing to replan: Python does not start), so that visit
    fetches exactly the page's own scripts; the visit with the interviews saved fetches the
    worker's too.
    """
    url = f"{server_url}{INTERVIEWS_PATH}"
    prefix = f"second-date:{urlsplit(server_url).path}:interview:"
    fetched: list[str] = []

    def on_response(response: Response) -> None:
        if response.ok:
            fetched.append(response.url)

    with fresh_page(browser) as tab:
        if network is not None:
            network.apply(tab)
        tab.on("response", on_response)
        tab.goto(url, wait_until="load", timeout=VISIT_TIMEOUT_MS)
        tab.wait_for_selector(f"{LIST}[data-listed]", state="attached", timeout=VISIT_TIMEOUT_MS)
        tab.remove_listener("response", on_response)
        tab.evaluate(probe("keepInterviews"), [prefix, saved])
        listing: list[str] = []  # until every interview is listed: the worker's scripts come late

        def on_listing(response: Response) -> None:
            if response.ok:
                listing.append(response.url)

        tab.on("response", on_listing)
        visit(tab, url, answer=False)
        tab.wait_for_function(probe("listed"), timeout=VISIT_TIMEOUT_MS)
        tab.remove_listener("response", on_listing)
        seen = cast("dict[str, float]", tab.evaluate(probe("observed")))
        planned = tab.locator(f"{LIST} [data-step]").count()
    if planned != len(saved):  # a list of errors (a region file missing, say) is no timing of the list
        msg = f"My interviews planned {planned} of the {len(saved)} saved interviews"
        raise RuntimeError(msg)
    page = [address for address in fetched if is_calculator_script(address)]
    worker = [address for address in listing if is_calculator_script(address) and address not in page]
    return {
        "interviews_listed_ms": [seen["listedAt"] - seen["listReadyAt"]],
        "interviews_open_to_listed_ms": [seen["listedAt"]],
        "interviews_ready_ms": [seen["listReadyAt"]],
        "interviews_script_gzip": [sizes.total(page)],
        "interviews_worker_script_gzip": [sizes.total(worker)],
    }


#: Every saved interview listed with its dates, once Python is ready.
LISTED = at_most(200, "ms")
#: The list page's own scripts (the glue, its modules, the offline module), compressed.
SCRIPTS = at_most(20, "KB")


def interviews(m: Metrics) -> list[Row]:
    """My interviews: the list replanned after ready, and the page's own scripts."""
    if not m.get("interviews_listed_ms"):
        return []
    listed = median(m["interviews_listed_ms"])
    kb = median(m["interviews_script_gzip"]) / 1000
    worker_kb = median(m.get("interviews_worker_script_gzip", [])) / 1000
    return [
        Row.judged(
            f"My interviews: {SAVED} listed with dates, after ready",
            "–",
            ms(listed),
            "–",
            LISTED,
            value=listed,
        ),
        Row(
            "… from opening the page",
            f"Python ready at {ms(median(m.get('interviews_ready_ms', [])))}",
            ms(median(m.get("interviews_open_to_listed_ms", []))),
            "–",
            "– (what the reader waits; the line above starts at ready)",
            "–",
        ),
        Row.judged(
            "… the page's own scripts (gzip -9)",
            f"the worker's own {worker_kb:,.1f} KB besides",
            f"{kb:,.1f} KB",
            "–",
            SCRIPTS,
            value=kb,
        ),
    ]
