"""Region data: the index of regions, and each region's weekends and public holidays.

``build_tools`` generates the data from the ``holidays`` package (see
``build_tools._region_data`` for the formats): an index of every region (codes, names,
time zones, other names) and one small file per region, which carries its own name and
zone too. The calculator reads files it is handed (:meth:`HolidayTable.add`,
:meth:`HolidayTable.use_index`, as the browser's worker does) or finds in a folder it is
given (:meth:`HolidayTable.from_directory`: the command line, the build, the tests), and
nothing else: no other I/O, no clock.

The browser's table starts with the codes alone (:meth:`HolidayTable.of_codes`): a question
that names its region by code needs that region's file and nothing more, and the index
(18 KB of the calculator's bytes, gzipped) is fetched only for what needs it: a region
typed by name or misspelt, the list of every region.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from calculator._errors import CalculatorError
from calculator._match import Entry, RegionMatcher, no_region

#: The data format this calculator reads, of the index and of each region's file (the build
#: writes this one too: ``build_tools._region_data``).
REGION_FORMAT = 3
INDEX_NAME = "index.json"
#: What the reader is told is missing when the index is.
_INDEX_WHAT = "the list of regions"
#: Where a copy of the region data may sit beside the package (none ships in the wheel).
BESIDE = Path(__file__).with_name("_regions")


class RegionDataError(LookupError):
    """Region data that is missing or not what the index promises: a fault of ours, not the reader's."""


class RegionDataMissingError(CalculatorError):
    """A region's file has not been handed to the calculator (yet): the browser fetches it and asks again."""

    code = "region_data_missing"

    def __init__(self, region: str) -> None:
        """``region``: the region's code, or ``""`` when the index of regions is what is missing."""
        what = f"The holidays for {region} have" if region else f"{_INDEX_WHAT.capitalize()} has"
        super().__init__(f"{what} not loaded yet. Please try again.", "region")
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
    """The regions of one set of region data, and the years (both included) it covers.

    Made from the index (:meth:`from_json`, :meth:`from_directory`), or from the codes of
    the set's regions alone (:meth:`of_codes`), to which the index may be handed later
    (:meth:`use_index`). A region's file is read (or parsed, when it was handed over) the
    first time the region is asked for.
    """

    def __init__(
        self,
        index: Mapping[str, Any] | None = None,
        read: Callable[[str], str | None] | None = None,
        codes: Iterable[str] = (),
    ) -> None:
        """Hold the index, if given, and the codes of the set's regions (the index's, else ``codes``).

        ``read(file_name)`` gives a region file's text, or None when it has none.

        Raises:
            RegionDataError: the index is not in a format this calculator reads.
        """
        self._read = read or (lambda _name: None)
        self._texts: dict[str, str] = {}
        self._parsed: dict[str, Region] = {}
        self._codes = frozenset(codes)
        self._info: dict[str, RegionInfo] = {}
        self._aliases: dict[str, tuple[str, ...]] = {}
        self._index: tuple[RegionInfo, ...] | None = None
        self._years: tuple[int, int] | None = None
        self._source: str | None = None
        self.suggestions: dict[str, str] = {}
        if index is not None:
            self.use_index(index)

    @classmethod
    def from_json(cls, index_text: str, read: Callable[[str], str | None] | None = None) -> HolidayTable:
        """The table of an index's text (``index.json``)."""
        return cls(json.loads(index_text), read)

    @classmethod
    def of_codes(cls, codes: Iterable[str]) -> HolidayTable:
        """A table that knows only which regions exist (``KR``, ``AU-NSW``); files come by :meth:`add`."""
        return cls(codes=codes)

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

    def use_index(self, index: Mapping[str, Any]) -> None:
        """Take the index (``index.json``, parsed): every region's names and zone, the suggestions.

        Raises:
            RegionDataError: the index is not in a format this calculator reads, or is of
                other years than the region files handed over before it.
        """
        if index.get("format") != REGION_FORMAT:
            raise RegionDataError(f"region index format {index.get('format')!r}, expected {REGION_FORMAT}")
        self._check_set(index, "the index")
        rows = [
            (str(code), str(name), str(tz), tuple(map(str, aliases)))
            for code, name, tz, aliases in index["regions"]
        ]
        shown = shown_names([(code, name) for code, name, _tz, _aliases in rows])
        self._index = tuple(RegionInfo(code, shown[code], tz) for code, _name, tz, _ in rows)
        self._aliases = {code: (name, *aliases) for code, name, _tz, aliases in rows}
        self._info = {info.code: info for info in self._index}
        self._codes = frozenset(self._info)
        self.suggestions = dict(index.get("suggest", {}))

    def _check_set(self, data: Mapping[str, Any], what: str) -> None:
        """Take the years and source of a file of the set, or check them against the ones taken."""
        years = (int(data["years"][0]), int(data["years"][1]))
        if self._years is not None and years != self._years:
            raise RegionDataError(f"{what} covers {list(years)}, the other files {list(self._years)}")
        self._years, self._source = years, str(data["source"])

    @property
    def indexed(self) -> bool:
        """Whether the index has been read: names, other names, zones of every region."""
        return self._index is not None

    @property
    def regions(self) -> tuple[RegionInfo, ...]:
        """Every region of the index, in its order.

        Raises:
            RegionDataMissingError: the index has not been handed over (yet).
        """
        if self._index is None:
            raise RegionDataMissingError("")
        return self._index

    @property
    def first_year(self) -> int:
        """The first year of the data (raises ``RegionDataMissingError`` before any file is here)."""
        return self._set_years()[0]

    @property
    def last_year(self) -> int:
        """The last year of the data, included (raises as :attr:`first_year`)."""
        return self._set_years()[1]

    @property
    def source(self) -> str:
        """What the data was made from: ``holidays 0.109`` (raises as :attr:`first_year`)."""
        self._set_years()
        return str(self._source)

    def _set_years(self) -> tuple[int, int]:
        if self._years is None:
            raise RegionDataMissingError("")
        return self._years

    @cached_property
    def matcher(self) -> RegionMatcher:
        """The matcher for this index's regions (built on first use).

        Raises:
            RegionDataMissingError: the index has not been handed over (yet).
        """
        return RegionMatcher([Entry(info.code, info.name, self._aliases[info.code]) for info in self.regions])

    def add(self, text: str) -> str:
        """Take one region file's text (as the browser fetched it); return the region's code.

        Raises:
            RegionDataError: the file is for no region of the set, for other years, or not
                in this calculator's format.
        """
        data = json.loads(text)
        code = str(data.get("code"))
        if code not in self._codes:
            raise RegionDataError(f"a region file for {code!r}, which the index does not list")
        self._parsed[code] = self._region(code, data)
        return code

    def has(self, code: str) -> bool:
        """Whether region ``code``'s file is here: handed over, or found where it is read from."""
        if code in self._parsed or code in self._texts:
            return True
        text = self._read(f"{code}.json") if code in self._codes else None
        if text is not None:
            self._texts[code] = text
        return text is not None

    def region(self, code: str) -> Region:
        """The region with this exact code.

        Raises:
            KeyError: the set has no such region.
            RegionDataMissingError: its file was neither handed over nor found.
        """
        if code not in self._parsed:
            if code not in self._codes:
                raise KeyError(code)
            if not self.has(code):
                raise RegionDataMissingError(code)
            self._parsed[code] = self._region(code, json.loads(self._texts.pop(code)))
        return self._parsed[code]

    def _region(self, code: str, data: Mapping[str, Any]) -> Region:
        if data.get("format") != REGION_FORMAT or data.get("code") != code:
            raise RegionDataError(f"the file for {code} is not a format-{REGION_FORMAT} file for {code}")
        self._check_set(data, f"the file for {code}")
        info = self._info.setdefault(code, RegionInfo(code, str(data["name"]), str(data["tz"])))
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
            RegionDataMissingError: the text is no exact code and the index is not here.
        """
        code = self.named(text)
        if code is None and not text.strip():
            raise no_region(field)  # with or without the index
        return self.matcher.match(text, field) if code is None else code

    def named(self, text: str) -> str | None:
        """The code of the one region ``text`` names exactly (see :meth:`code_for`), else None.

        Makes no suggestions: a typo's near matches (``difflib``) wait for :meth:`code_for`.

        Raises:
            RegionDataMissingError: the text is no exact code and the index is not here.
        """
        typed = text.strip()
        if typed in self._codes or not typed:
            return typed or None
        return self.matcher.named(typed)

    def files_needed(self, text: str) -> tuple[str, ...]:
        """The files to hand over before a plan can be made for the region ``text`` names.

        ``("KR.json",)`` for a region whose file is not here, ``("index.json",)`` for text
        that is no exact code while the index is not here (then ask again), and ``()`` when
        nothing is missing, or when the text names no region: the plan's error says so.
        Makes no suggestions (see :meth:`named`).
        """
        typed = text.strip()
        if typed and typed not in self._codes and not self.indexed:
            return (INDEX_NAME,)
        code = self.named(typed)
        return () if code is None or self.has(code) else (f"{code}.json",)

    def find(self, text: str, field: str = "region") -> Region:
        """The region a reader typed: a code like ``AU-NSW`` (any case), ``QC``, or a name.

        Raises:
            MissingFieldError: nothing was typed.
            UnknownRegionError: no such region; the error suggests near matches.
            RegionDataMissingError: its file, or the index it takes to read the text, was
                neither handed over nor found.
        """
        return self.region(self.code_for(text, field))

    def suggest(self, zone: str) -> RegionInfo | None:
        """The region to offer a reader whose clock keeps time zone ``zone``, if the index says one."""
        code = self.suggestions.get(zone)
        return None if code is None else self._info.get(code)


def shown_names(regions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each region's name as the calculator shows it, by code, from ``(code, own name)`` pairs.

    ``Quebec, Canada`` for a subdivision; ``Canada (national holidays only)`` for a country
    that has subdivisions too; else the country's own name.
    """
    rows = list(regions)
    countries = {code: name for code, name in rows if "-" not in code}
    divided = {code.split("-")[0] for code, _name in rows if "-" in code}
    shown = {}
    for code, name in rows:
        country, _, subdivision = code.partition("-")
        if subdivision:
            shown[code] = f"{name}, {countries.get(country, country)}"
        else:
            shown[code] = f"{name} (national holidays only)" if code in divided else name
    return shown


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
