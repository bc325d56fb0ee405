"""The holiday table: every region's weekend days and public holidays, read once.

The table is package data (``calculator/_data/holidays.json``) that ``build_tools``
generates from the ``holidays`` package at build time; see ``build_tools._holidays``
for its format. Reading it is the calculator's only I/O.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from calculator._errors import MissingFieldError, UnknownRegionError

_SEPARATORS = re.compile(r"[\s_/.]+")


@dataclass(frozen=True, slots=True)
class Region:
    """One region of the table: where the employer is."""

    code: str
    name: str
    tz: str
    weekend: frozenset[int]
    holidays: dict[date, str]
    workdays: frozenset[date]
    closed: frozenset[date]


@dataclass(frozen=True, slots=True)
class RegionInfo:
    """A region's code, name and time zone: what a list of regions shows."""

    code: str
    name: str
    tz: str


class HolidayTable:
    """Regions by code, and the years (both included) their holidays are known for.

    A region's dates are parsed the first time it is asked for, so reading the table
    costs little more than parsing its JSON.
    """

    def __init__(self, first_year: int, last_year: int, source: str, entries: list[dict[str, Any]]) -> None:
        """Hold the table's parts; ``entries`` are the regions as ``build_tools`` wrote them."""
        self.first_year = first_year
        self.last_year = last_year
        self.source = source
        self._entries = {str(entry["code"]): entry for entry in entries}
        self._parsed: dict[str, Region] = {}
        self.regions = tuple(RegionInfo(e["code"], e["name"], e["tz"]) for e in self._entries.values())

    @classmethod
    def from_json(cls, text: str) -> HolidayTable:
        """Read a table written by ``build_tools``."""
        data = json.loads(text)
        return cls(int(data["first_year"]), int(data["last_year"]), str(data["source"]), data["regions"])

    def region(self, code: str) -> Region:
        """The region with this exact code (a ``KeyError`` when there is none)."""
        if code not in self._parsed:
            self._parsed[code] = _region(self._entries[code])
        return self._parsed[code]

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the table's years."""
        return self.first_year <= day.year <= self.last_year

    def find(self, text: str, field: str = "region") -> Region:
        """The region a reader typed: a code like ``AU-NSW`` (any case) or its name.

        Raises:
            MissingFieldError: nothing was typed.
            UnknownRegionError: no such region; the error suggests near matches.
        """
        wanted = _SEPARATORS.sub("-", text.strip()).strip("-").upper()
        if wanted == "UK" or wanted.startswith("UK-"):  # the everyday name of GB
            wanted = "GB" + wanted[2:]
        if not wanted:
            raise MissingFieldError(field, "Choose where the employer is, like AU-NSW or US-CA.")
        if wanted in self._entries:
            return self.region(wanted)
        by_name = {info.name.upper(): info for info in self.regions}
        for name, info in by_name.items():
            if text.strip().upper() in {name, name.split(",")[0], name.split(" (")[0]}:
                return self.region(info.code)
        # Only a reader's typo needs difflib: importing it up front would slow every first answer.
        import difflib  # noqa: PLC0415

        codes = [code for code in self._entries if code.endswith(f"-{wanted}")]  # NSW -> AU-NSW
        codes += difflib.get_close_matches(wanted, list(self._entries), n=3, cutoff=0.6)
        names = difflib.get_close_matches(text.strip().upper(), list(by_name), n=3, cutoff=0.6)
        suggestions = tuple(dict.fromkeys([*codes, *(by_name[name].code for name in names)]))[:3]
        hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
        raise UnknownRegionError(
            field,
            f"We don't have holidays for “{text.strip()[:40]}”.{hint} "
            "Use a country code like GB, or a state like AU-NSW.",
            suggestions,
        )


def _region(entry: dict[str, Any]) -> Region:
    return Region(
        code=entry["code"],
        name=entry["name"],
        tz=entry["tz"],
        weekend=frozenset(entry["weekend"]),
        holidays={date.fromisoformat(day): name for day, name in entry["holidays"].items()},
        workdays=frozenset(map(date.fromisoformat, entry["workdays"])),
        closed=frozenset(map(date.fromisoformat, entry["closed"])),
    )


@cache
def default_table() -> HolidayTable:
    """The table shipped in the package, read on first use and kept."""
    # A file beside the module (the wheel is always unpacked: by pip, and by Pyodide's
    # loadPackage): importlib.resources would cost the browser's first answer ~17 ms more.
    text = Path(__file__).with_name("_data").joinpath("holidays.json").read_text(encoding="utf-8")
    return HolidayTable.from_json(text)
