"""Region data: the index of regions, and each region's weekends and public holidays.

``build_tools`` generates the data from the ``holidays`` package (see
``build_tools._region_data`` for the formats): an index of every region (codes, names,
time zones) and one small file per region. The calculator reads files it is handed
(:meth:`HolidayTable.add`, as the browser's worker does) or finds in a folder it is given
(:meth:`HolidayTable.from_directory`: the command line, the build, the tests), and nothing
else: no other I/O, no clock.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from calculator._errors import CalculatorError
from calculator._match import Entry, RegionMatcher

#: The data formats this calculator reads (``build_tools._region_data.REGION_FORMAT``).
REGION_FORMAT = 2
INDEX_NAME = "index.json"
#: Where a copy of the region data may sit beside the package (none ships in the wheel).
BESIDE = Path(__file__).with_name("_regions")


class RegionDataError(LookupError):
    """Region data that is missing or not what the index promises: a fault of ours, not the reader's."""


class RegionDataMissingError(CalculatorError):
    """A region's file has not been handed to the calculator (yet): the browser fetches it and asks again."""

    code = "region_data_missing"

    def __init__(self, region: str) -> None:
        super().__init__(f"The holidays for {region} have not loaded yet. Please try again.", "region")
        self.region = region


@dataclass(frozen=True, slots=True)
class RegionInfo:
    """A region's code, name and time zone: what a list of regions shows."""

    code: str
    #: ``Quebec, Canada``; a country with subdivisions says ``(national holidays only)``.
    name: str
    tz: str


@dataclass(frozen=True, slots=True)
class Region:
    """One region's working calendar: where the employer is."""

    code: str
    name: str
    tz: str
    #: Weekend days (``date.weekday()`` numbers) by date: each from its date to the next's.
    weekends: tuple[tuple[date, frozenset[int]], ...]
    #: Public holidays, observed days included, by date.
    holidays: dict[date, str]
    #: Make-up working days: weekend days that are working days all the same.
    workdays: frozenset[date]

    def weekend_on(self, day: date) -> frozenset[int]:
        """The weekend days in force on ``day`` (the first ones before the data's first date)."""
        found = self.weekends[0][1]
        for start, days in self.weekends:
            if start > day:
                break
            found = days
        return found


class HolidayTable:
    """The regions of one index, and the years (both included) their holidays are known for.

    A region's file is read (or parsed, when it was handed over) the first time the region
    is asked for.
    """

    def __init__(self, index: Mapping[str, Any], read: Callable[[str], str | None] | None = None) -> None:
        """Hold the index; ``read(file_name)`` gives a region file's text, or None when it has none.

        Raises:
            RegionDataError: the index is not in a format this calculator reads.
        """
        if index.get("format") != REGION_FORMAT:
            raise RegionDataError(f"region index format {index.get('format')!r}, expected {REGION_FORMAT}")
        self.first_year, self.last_year = (int(year) for year in index["years"])
        self.source = str(index["source"])
        self._read = read or (lambda _name: None)
        self._texts: dict[str, str] = {}
        self._parsed: dict[str, Region] = {}
        self.suggestions: dict[str, str] = dict(index.get("suggest", {}))
        rows = [
            (str(code), str(name), str(tz), tuple(map(str, aliases)))
            for code, name, tz, aliases in index["regions"]
        ]
        countries = {code: name for code, name, _tz, _aliases in rows if "-" not in code}
        divided = {code.split("-")[0] for code, *_ in rows if "-" in code}
        self.regions = tuple(
            RegionInfo(code, _shown_name(code, name, countries, divided), tz) for code, name, tz, _ in rows
        )
        self._aliases = {code: (name, *aliases) for code, name, _tz, aliases in rows}
        self._info = {info.code: info for info in self.regions}

    @classmethod
    def from_json(cls, index_text: str, read: Callable[[str], str | None] | None = None) -> HolidayTable:
        """The table of an index's text (``index.json``)."""
        return cls(json.loads(index_text), read)

    @classmethod
    def from_directory(cls, directory: Path) -> HolidayTable:
        """The table whose index and region files are in ``directory``.

        Raises:
            RegionDataError: there is no index there.
        """
        try:
            index = (directory / INDEX_NAME).read_text(encoding="utf-8")
        except OSError as error:
            raise RegionDataError(f"no region data in {directory}: {error}") from error

        def read(name: str) -> str | None:
            path = directory / name
            return path.read_text(encoding="utf-8") if path.is_file() else None

        return cls.from_json(index, read)

    @cached_property
    def matcher(self) -> RegionMatcher:
        """The matcher for this index's regions (built on first use)."""
        return RegionMatcher([Entry(info.code, info.name, self._aliases[info.code]) for info in self.regions])

    def add(self, text: str) -> str:
        """Take one region file's text (as the browser fetched it); return the region's code.

        Raises:
            RegionDataError: the file is for no region of the index, or for other years.
        """
        data = json.loads(text)
        code = str(data.get("code"))
        if code not in self._info:
            raise RegionDataError(f"a region file for {code!r}, which the index does not list")
        self._parsed[code] = self._region(code, data)
        return code

    def has(self, code: str) -> bool:
        """Whether region ``code``'s file is here: handed over, or found where it is read from."""
        if code in self._parsed or code in self._texts:
            return True
        text = self._read(f"{code}.json") if code in self._info else None
        if text is not None:
            self._texts[code] = text
        return text is not None

    def region(self, code: str) -> Region:
        """The region with this exact code.

        Raises:
            KeyError: the index has no such region.
            RegionDataMissingError: its file was neither handed over nor found.
        """
        if code not in self._parsed:
            info = self._info[code]
            if not self.has(code):
                raise RegionDataMissingError(info.code)
            self._parsed[code] = self._region(code, json.loads(self._texts.pop(code)))
        return self._parsed[code]

    def _region(self, code: str, data: Mapping[str, Any]) -> Region:
        if data.get("format") != REGION_FORMAT or data.get("code") != code:
            raise RegionDataError(f"the file for {code} is not a format-{REGION_FORMAT} file for {code}")
        if list(data["years"]) != [self.first_year, self.last_year]:
            raise RegionDataError(f"the file for {code} covers {data['years']}, the index other years")
        info = self._info[code]
        return Region(
            code=code,
            name=info.name,
            tz=info.tz,
            weekends=tuple((date.fromisoformat(start), frozenset(days)) for start, days in data["weekend"]),
            holidays={date.fromisoformat(day): name for day, name in data["holidays"].items()},
            workdays=frozenset(map(date.fromisoformat, data["workdays"])),
        )

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the table's years."""
        return self.first_year <= day.year <= self.last_year

    def code_for(self, text: str, field: str = "region") -> str:
        """The code of the region a reader typed (see ``calculator._match``).

        A code exactly as the index writes it (``AU-NSW``, as the page's address and saved
        interviews carry it) is taken as it is, without building the matcher, which would
        find the same code: a list of saved interviews asks for hundreds at once.

        Raises:
            MissingFieldError: nothing was typed.
            UnknownRegionError: no such region, or several; the error suggests near matches.
        """
        code = self.named(text)
        return self.matcher.match(text, field) if code is None else code

    def named(self, text: str) -> str | None:
        """The code of the one region ``text`` names exactly (see :meth:`code_for`), else None.

        Makes no suggestions: a typo's near matches (``difflib``) wait for :meth:`code_for`.
        """
        typed = text.strip()
        return typed if typed in self._info else self.matcher.named(typed)

    def find(self, text: str, field: str = "region") -> Region:
        """The region a reader typed: a code like ``AU-NSW`` (any case), ``QC``, or a name.

        Raises:
            MissingFieldError: nothing was typed.
            UnknownRegionError: no such region; the error suggests near matches.
            RegionDataMissingError: its file was neither handed over nor found.
        """
        return self.region(self.code_for(text, field))

    def suggest(self, zone: str) -> RegionInfo | None:
        """The region to offer a reader whose clock keeps time zone ``zone``, if any."""
        code = self.suggestions.get(zone)
        return None if code is None else self._info.get(code)


def _shown_name(code: str, name: str, countries: Mapping[str, str], divided: set[str]) -> str:
    """``Quebec, Canada``; ``Canada (national holidays only)`` when it has subdivisions too."""
    country, _, subdivision = code.partition("-")
    if subdivision:
        return f"{name}, {countries.get(country, country)}"
    return f"{name} (national holidays only)" if code in divided else name


class _Default:
    table: HolidayTable | None = None


def use_table(table: HolidayTable) -> None:
    """Make ``table`` the one every call without a table of its own uses (the page's worker, the CLI)."""
    _Default.table = table


def default_table() -> HolidayTable:
    """The table set with :func:`use_table`, else the one in ``_regions/`` beside the package.

    Raises:
        RegionDataError: neither exists (in a source checkout: run ``make setup``).
    """
    if _Default.table is None:
        _Default.table = HolidayTable.from_directory(BESIDE)
    return _Default.table
