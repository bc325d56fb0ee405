"""Named requests whose answers CPython's tests check, for the browsers to replay.

Each case is the ``fields`` of a ``{"v": <version>, "fields": ...}`` request, all strings,
``today`` included. The browser tests (in Chromium, Firefox and WebKit) send them to the
calculator inside Pyodide and compare the JSON with ``calculator.handle_request`` run in
CPython. Dates are in 2026
and 2027: the shipped region data must cover them (it covers last year to two years
ahead of the build), so move them on when builds reach 2028.
"""

from __future__ import annotations

import json
from typing import Any

import calculator

PARITY_CASES: list[dict[str, str]] = [
    {
        "name": "nsw-christmas-a-week",
        "interviewed": "2026-12-17",
        "reply": "1w",
        "region": "AU-NSW",
        "today": "2026-12-18",
    },
    {
        "name": "us-independence-day-observed",
        "interviewed": "2026-07-02",
        "reply": "0d",
        "region": "US",
        "today": "2026-07-02",
    },
    {
        "name": "gb-easter-monday-with-pending-and-email",
        "interviewed": "2026-03-27T16:45",
        "reply": "none",
        "region": "GB-ENG",
        "pending": "references,background,hr,clearance",
        "channel": "email",
        "today": "2026-03-30",
        "considering": "2026-04-10",
    },
    {
        "name": "saudi-friday-saturday-weekend",
        "interviewed": "2026-06-04",
        "reply": "1w",
        "region": "SA",
        "today": "2026-06-05",
    },
    {
        "name": "israel-end-of-week",
        "interviewed": "2026-06-07",
        "reply": "eow",
        "region": "IL",
        "today": "2026-06-07",
        "considering": "2026-06-13",
    },
    {
        "name": "ontario-family-day-recruiter",
        "interviewed": "2026-02-06",
        "reply": "10bd",
        "region": "ca-on",
        "pending": "recruiter",
        "today": "2026-02-06",
    },
    {
        "name": "named-date-too-soon",
        "interviewed": "2026-09-07",
        "reply": "2026-09-18",
        "region": "DE-BY",
        "today": "2026-09-08",
        "considering": "2026-09-21",
    },
    {
        "name": "china-make-up-working-day-and-spring-festival",
        "interviewed": "2026-02-09",
        "reply": "4d",
        "region": "CN",
        "today": "2026-02-09",
    },
    {
        "name": "korea-substitute-holiday-by-name",
        "interviewed": "2026-05-20",
        "reply": "2d",
        "region": "south korea",
        "today": "2026-05-20",
    },
    {
        "name": "uae-saturday-sunday-weekend",
        "interviewed": "2026-11-09",
        "reply": "2d",
        "region": "AE",
        "today": "2026-11-09",
    },
    {
        "name": "both-clocks-and-the-whole-calendar",
        "interviewed": "2026-12-17",
        "reply": "1w",
        "region": "AU-NSW",
        "today": "2026-12-18",
        "tz": "Europe/London",
        "interviewer": "שרה כהן",
        "role": "Data Analyst",
        "company": "Café 😀",
        "dtstamp": "20261218T093000Z",
    },
    {
        "name": "ontario-deadline-missed-date-across-daylight-saving",
        "interviewed": "2026-03-02",
        "reply": "2026-03-06",
        "region": "CA-ON",
        "today": "2026-03-10",
        "tz": "Asia/Kolkata",
        "missed": "on",
        "dtstamp": "20260310T120000Z",
    },
    {
        "name": "a-reader-zone-without-data",
        "interviewed": "2026-06-04",
        "reply": "1w",
        "region": "GB-ENG",
        "today": "2026-06-05",
        "tz": "Mars/Olympus_Mons",
    },
    {
        "name": "error-unknown-region",
        "interviewed": "2026-09-07",
        "reply": "1w",
        "region": "AU-NWS",
        "today": "2026-09-08",
    },
    {
        "name": "error-impossible-date",
        "interviewed": "2027-02-29",
        "reply": "1w",
        "region": "GB",
        "today": "2027-02-01",
    },
    {
        "name": "error-reply-not-understood",
        "interviewed": "2026-09-07",
        "reply": "soonish",
        "region": "NZ",
        "today": "2026-09-08",
    },
]


def fields_of(case: dict[str, str]) -> dict[str, str]:
    """A case's request fields: everything but its name (so no case can carry the reader's ``name``)."""
    return {key: value for key, value in case.items() if key != "name"}


def parity_fields() -> list[dict[str, str]]:
    """Every case's fields, in order."""
    return [fields_of(case) for case in PARITY_CASES]


def cpython(fields: dict[str, str]) -> Any:
    """CPython's answer to ``fields``, decoded: what Pyodide's must equal."""
    return json.loads(
        calculator.handle_request(json.dumps({"v": calculator.PROTOCOL_VERSION, "fields": fields}))
    )
