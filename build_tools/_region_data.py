"""Region data: one small JSON file per region the ``holidays`` package knows, and an index.

The browser never loads ``holidays`` (it added 1.4 s to a 2.4 s start); it gets, for the
one region a reader asks about, a file made here from it. Every country and subdivision
that ``holidays.list_supported_countries()`` names is a region. A region's code is ours:
the country's ISO 3166-1 code, a dash and the package's subdivision code, which is the
ISO 3166-2 code where there is one (``CA-QC``); the few subdivisions the package names in
words (``São Paulo Capital``) are spelt in capitals, ASCII and underscores
(``BR-SAO_PAULO_CAPITAL``), so every code is safe in a file name and an address.

A region file (``KR.json``; format 3, JSON without spaces)::

    {"format": 3, "code": "KR", "name": "South Korea", "tz": "Asia/Seoul",
     "source": "holidays 0.109", "years": [2025, 2028],
     "language": "en_US", "weekend": [["2025-01-01", [5, 6]]],
     "holidays": {"2025-01-01": "New Year's Day", ...}, "workdays": ["2025-..."]}

``name`` is the region's name as the calculator shows it (``calculator._table.shown_names``:
``Quebec, Canada``) and ``tz`` its time zone, as in the index: a question that names its
region by code needs this one file and not the index. ``weekend`` lists weekend days
(``date.weekday()`` numbers) by date: each pair holds from its date until the next pair's
(the UAE moved from Friday–Saturday to Saturday–Sunday in 2022). ``holidays`` are the
public holidays, observed days included, named in English where the package has a
translation and in ``language`` otherwise; ``workdays`` are the make-up working days on
weekend days (China's and Korea's swaps).

The index (``index.json``)::

    {"format": 3, "source": "holidays 0.109", "years": [2025, 2028],
     "regions": [["CA-QC", "Quebec", "America/Toronto", ["Québec"]], ...],
     "suggest": {"America/Toronto": "CA-ON", ...}}

Each region: its code, its own name (a subdivision's without its country's), its time zone
and other names it is known by. ``suggest`` maps a reader's time zone (IANA, and the
older names browsers still report) to the region to offer first.

Names come from maintained sources: countries' from CLDR (through Babel) in English and in
the country's own language, with the ``holidays`` package's own names for them (``UK``,
``Korea``, alpha-3 codes); subdivisions' from the ``holidays`` package. Zones: ``_region_zones``.

A set is generated once for a ``holidays`` release, Babel's and tzdata's, the years and
this generator, into ``.cache/second-date/regions/<key>/``; a build reuses it while the key
holds. Nothing generated is ever written into the source tree.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from build_tools._errors import BuildError
from build_tools._paths import CACHE_DIR
from build_tools._region_zones import ZONE_HOMES, country_zone, subdivision_zone, zone_aliases, zone_table
from calculator._match import fold
from calculator._table import INDEX_NAME, REGION_FORMAT, shown_names

if TYPE_CHECKING:
    import holidays

#: Every file of a set with its digest (:func:`file_digest`), and the set's version.
MANIFEST_NAME = "manifest.json"
#: Where generated sets live: one folder per key, and ``current``, the last one a build used.
REGIONS_CACHE = CACHE_DIR / "regions"
CURRENT = "current"
_UNSAFE = re.compile(r"[^A-Z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class RegionSource:
    """One region to generate: our code, the package's codes, names and zone."""

    code: str
    country: str
    subdivision: str | None
    name: str
    aliases: tuple[str, ...]
    tz: str


def region_code(country: str, subdivision: str | None) -> str:
    """Our code for a country or one of its subdivisions (``CA-QC``, ``BR-SAO_PAULO_CAPITAL``)."""
    if subdivision is None:
        return country
    folded = unicodedata.normalize("NFKD", subdivision).encode("ascii", "ignore").decode().upper()
    return f"{country}-{_UNSAFE.sub('_', folded).strip('_')}"


def _entity(country: str) -> type[holidays.HolidayBase]:
    import holidays  # noqa: PLC0415 (0.2 s to import: only when a set is generated)

    return type(holidays.country_holidays(country))


def _language(entity: type[holidays.HolidayBase]) -> str:
    """The language to name holidays in: English where the package has it, else its default."""
    default = entity.default_language or "en"
    if default.startswith("en"):
        return default
    english = [language for language in entity.supported_languages if language.startswith("en")]
    return "en_US" if "en_US" in english else next(iter(english), default)


@cache
def _source() -> str:
    """``holidays 0.109``: what the data is made from (reading a package's version parses its metadata)."""
    return f"holidays {version('holidays')}"


@cache
def _package_names() -> dict[str, tuple[str, ...]]:
    """The names ``holidays`` gives each country: ``SouthKorea`` as South Korea, ``KOR``, ``UK``."""
    from holidays.registry import COUNTRIES  # noqa: PLC0415

    names: dict[str, tuple[str, ...]] = {}
    for classes in COUNTRIES.values():
        code = next(name for name in classes if len(name) == 2 and name.isupper())  # noqa: PLR2004
        spelt = (
            _CAMEL.sub(" ", name) for name in classes if name != code and not name.startswith("Holidays")
        )
        names[code] = tuple(spelt)
    return names


def _country_names(country: str, entity: type[holidays.HolidayBase]) -> tuple[str, list[str]]:
    """A country's English name (CLDR) and its other names: its own language's, the package's."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415

    name = Locale("en").territories[country]
    others = list(_package_names().get(country, ()))
    if entity.default_language:
        try:
            local = Locale.parse(entity.default_language.replace("-", "_")).territories.get(country)
        except (UnknownLocaleError, ValueError):
            local = None
        if local:
            others.append(local)
    return name, others


def supported_regions() -> list[RegionSource]:
    """Every country and subdivision the installed ``holidays`` supports, sorted by code."""
    from holidays import list_supported_countries  # noqa: PLC0415

    children = _territories()
    sources: list[RegionSource] = []
    for country, subdivisions in sorted(list_supported_countries(include_aliases=False).items()):
        entity = _entity(country)
        name, others = _country_names(country, entity)
        sources.append(
            RegionSource(country, country, None, name, _distinct(name, others), country_zone(country))
        )
        aliases = entity.get_subdivision_aliases()
        for subdivision in subdivisions:
            names = aliases.get(subdivision, [])
            code = region_code(country, subdivision)
            territory = next((c for c in children.get(country, ()) if c in {subdivision, *names}), None)
            tz = subdivision_zone(country, code.partition("-")[2], territory)
            # The package lists codes among the names too (NZ's "AU" for Auckland): names only.
            spelt = [n for n in names if not (len(n) <= 3 and n.isupper())] or [subdivision]  # noqa: PLR2004
            sources.append(
                RegionSource(code, country, subdivision, spelt[0], _distinct(spelt[0], spelt[1:]), tz)
            )
    return sorted(sources, key=lambda source: source.code)


def _territories() -> dict[str, tuple[str, ...]]:
    """The countries ``holidays`` also knows as a subdivision of another: parent -> codes."""
    from holidays import list_supported_countries  # noqa: PLC0415

    children: dict[str, list[str]] = {}
    for country in list_supported_countries(include_aliases=False):
        parent = getattr(_entity(country), "parent_entity", None)
        if parent is not None:
            children.setdefault(parent.country, []).append(country)
    return {parent: tuple(codes) for parent, codes in children.items()}


def _distinct(name: str, others: Iterable[str]) -> tuple[str, ...]:
    """``others`` without repeats, or names that differ from ``name`` only in accents or case."""
    seen = {fold(name)}
    kept: list[str] = []
    for other in others:
        if fold(other) not in seen:
            seen.add(fold(other))
            kept.append(other)
    return tuple(kept)


def _weekend_spans(calendar: holidays.HolidayBase, first: date, last: date) -> list[list[Any]]:
    """The weekend days by date: ``[[from, [weekday, ...]], ...]``, a pair where they change.

    Each Monday-to-Sunday week's weekend days are read day by day, so a change in the
    middle of a week shows as a week of its own, exact for every day. The package's own
    rule for a day (``_get_weekend``, what ``is_weekend`` asks) is asked directly where it
    has one: ``is_weekend`` checks its argument first, which costs 6 of the 8 seconds a set
    takes to make. The tests compare every region with ``is_working_day``.
    """
    rule = getattr(calendar, "_get_weekend", None)

    def is_weekend(day: date) -> bool:
        return day.weekday() in rule(day) if rule is not None else calendar.is_weekend(day)

    spans: list[list[Any]] = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        week = [monday + timedelta(days=offset) for offset in range(7)]
        days = [day.weekday() for day in week if is_weekend(day)]
        if not spans or spans[-1][1] != days:
            spans.append([max(monday, first).isoformat(), days])
        monday += timedelta(days=7)
    return spans


def region_file(source: RegionSource, first_year: int, last_year: int, name: str) -> dict[str, Any]:
    """One region's file, as JSON-ready data (see the module's docstring); ``name`` as shown."""
    import holidays  # noqa: PLC0415

    entity = _entity(source.country)
    language = _language(entity)
    years = range(first_year, last_year + 1)
    calendar = holidays.country_holidays(
        source.country, subdiv=source.subdivision, years=years, language=language
    )
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    named = {day.isoformat(): str(name) for day, name in sorted(calendar.items()) if first <= day <= last}
    workdays = sorted(day for day in calendar.weekend_workdays if first <= day <= last)
    return {
        "format": REGION_FORMAT,
        "code": source.code,
        "name": name,
        "tz": source.tz,
        "source": _source(),
        "years": [first_year, last_year],
        "language": language,
        "weekend": _weekend_spans(calendar, first, last),
        "holidays": named,
        "workdays": [day.isoformat() for day in workdays if calendar.is_weekend(day)],
    }


def _suggestions(sources: list[RegionSource]) -> dict[str, str]:
    """The region to offer a reader in each time zone.

    A zone's only region; its home region (``ZONE_HOMES``) where it spans several of one
    country; else the country (national holidays). Zones no region keeps suggest the country
    zone.tab lists them under. Older names of a zone (``Asia/Calcutta``) suggest the same.
    """
    codes = {source.code for source in sources}
    by_zone: dict[str, list[str]] = {}
    for source in sources:
        by_zone.setdefault(source.tz, []).append(source.code)
    suggest: dict[str, str] = {}
    for country, zones in zone_table().items():
        for zone in zones:
            if zone not in by_zone and country in codes:
                by_zone[zone] = [country]
    for zone, in_zone in sorted(by_zone.items()):
        country = in_zone[0].split("-")[0]
        if ZONE_HOMES.get(zone) in in_zone:
            suggest[zone] = ZONE_HOMES[zone]
        elif len(in_zone) > 1 and country in codes:
            suggest[zone] = country
        else:
            suggest[zone] = in_zone[0]
    for old, zone in zone_aliases().items():
        if zone in suggest and old not in suggest:
            suggest[old] = suggest[zone]
    return dict(sorted(suggest.items()))


def region_index(sources: list[RegionSource], first_year: int, last_year: int) -> dict[str, Any]:
    """The index of ``sources`` (see the module's docstring)."""
    return {
        "format": REGION_FORMAT,
        "source": _source(),
        "years": [first_year, last_year],
        "regions": [[s.code, s.name, s.tz, list(s.aliases)] for s in sources],
        "suggest": _suggestions(sources),
    }


def dump(data: Mapping[str, Any]) -> str:
    """JSON as the site serves it: no spaces, keys in a stable order, UTF-8 text."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


#: How the manifests write each file's hash, for the worker to check it against: the first
#: ``DIGEST_BYTES`` bytes of its SHA-256 (a truncated digest, as NIST SP 800-107 Rev. 1 §5.1 allows),
#: base64url without padding. The calculator's manifest carries one for each of 900 regions:
#: whole, they were 34 KB of the calculator's 108 KB (gzip); cut to 72 bits, a stale or damaged
#: file passes by chance once in 4.7 × 10^21.
DIGEST_BYTES = 9
DIGEST: Mapping[str, str | int] = {"algorithm": "SHA-256", "bytes": DIGEST_BYTES}


def file_digest(data: bytes) -> str:
    """``data``'s digest as the manifests write it (:data:`DIGEST`): 12 base64url characters."""
    cut = hashlib.sha256(data).digest()[:DIGEST_BYTES]
    return base64.urlsafe_b64encode(cut).decode("ascii").rstrip("=")


def generate_region_files(
    first_year: int, last_year: int, sources: list[RegionSource] | None = None
) -> dict[str, str]:
    """Every region's file text by code (about 4 s of one processor for the 900 regions).

    Raises:
        BuildError: the year range is empty.
    """
    if first_year > last_year:
        raise BuildError(f"the region data's years are backwards: {first_year} > {last_year}")
    sources = supported_regions() if sources is None else sources
    names = shown_names((source.code, source.name) for source in sources)
    return {s.code: dump(region_file(s, first_year, last_year, names[s.code])) for s in sources}


def set_key(first_year: int, last_year: int, only: Collection[str] = ()) -> str:
    """A hash of everything a region set is made from.

    The releases of ``holidays``, Babel and tzdata, the years, the regions chosen (all by
    default), the format and the source of this generator and of ``_region_zones``: when any of
    them changes, so does the key.
    """
    here = Path(__file__).parent
    inputs = {
        "format": REGION_FORMAT,
        "only": sorted(only),
        "packages": {name: version(name) for name in ("holidays", "babel", "tzdata")},
        "years": [first_year, last_year],
        "generator": [
            hashlib.sha256((here / name).read_bytes()).hexdigest()
            for name in ("_region_data.py", "_region_zones.py")
        ],
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class RegionSet:
    """A generated set of region files in one folder, with its manifest."""

    directory: Path
    #: A hash of every file's content: the set's address on the site changes with it.
    version: str
    #: Each file's name -> its digest (:func:`file_digest`).
    files: Mapping[str, str]

    @classmethod
    def read(cls, directory: Path) -> RegionSet:
        """The set in ``directory``, as its manifest describes it.

        Raises:
            OSError, ValueError: no complete set there.
        """
        manifest = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
        return cls(directory, str(manifest["version"]), dict(manifest["files"]))

    @property
    def codes(self) -> list[str]:
        """Every region's code."""
        return [name.removesuffix(".json") for name in self.files if name != INDEX_NAME]


def write_region_set(
    directory: Path, first_year: int, last_year: int, only: Collection[str] = ()
) -> RegionSet:
    """Generate a set into ``directory`` (made anew), its manifest last: every region, or ``only`` these."""
    sources = [source for source in supported_regions() if not only or source.code in only]
    texts = {
        f"{code}.json": text for code, text in generate_region_files(first_year, last_year, sources).items()
    }
    texts[INDEX_NAME] = dump(region_index(sources, first_year, last_year))
    directory.mkdir(parents=True)
    files: dict[str, str] = {}
    for name, text in texts.items():
        data = text.encode("utf-8")
        (directory / name).write_bytes(data)
        files[name] = file_digest(data)
    content = hashlib.sha256(json.dumps(files, sort_keys=True).encode("ascii")).hexdigest()
    manifest = {"version": content[:12], "files": files}
    (directory / MANIFEST_NAME).write_text(json.dumps(manifest, indent=0) + "\n", encoding="utf-8")
    return RegionSet(directory, content[:12], files)


def region_set(
    first_year: int,
    last_year: int,
    cache_dir: Path = REGIONS_CACHE,
    only: Collection[str] = (),
    *,
    make_current: bool = False,
) -> RegionSet:
    """The set for these years (``only`` some regions), generated into ``cache_dir`` unless it is there.

    With ``make_current``, ``cache_dir/current`` then points at it: the set the command line
    reads. Two builds at once are safe: each generates into a folder of its own and the
    first to finish names it.
    """
    key = set_key(first_year, last_year, only)
    target = cache_dir / key
    try:
        found = RegionSet.read(target)
    except (OSError, ValueError, KeyError):
        shutil.rmtree(target, ignore_errors=True)  # an unfinished or damaged set
        partial = cache_dir / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(partial, ignore_errors=True)
        write_region_set(partial, first_year, last_year, only)
        try:
            partial.rename(target)
        except OSError:  # another build finished first: use its set
            shutil.rmtree(partial, ignore_errors=True)
        found = RegionSet.read(target)
    if make_current:
        link = cache_dir / f".{CURRENT}.{os.getpid()}.tmp"
        link.unlink(missing_ok=True)
        link.symlink_to(key, target_is_directory=True)
        link.replace(cache_dir / CURRENT)
    return found


def build_years(year: int) -> tuple[int, int]:
    """The years a build in ``year`` covers: last year to two years ahead."""
    return year - 1, year + 2


def main(argv: list[str] | None = None) -> None:
    """Generate the region data a build in YEAR reads (this year by default), unless it is cached."""
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--year", type=int, default=date.today().year)  # noqa: DTZ011 - a build's clock
    args = parser.parse_args(argv)
    found = region_set(*build_years(args.year), make_current=True)
    print(f"region data for {len(found.codes)} regions in {found.directory}")  # noqa: T201
