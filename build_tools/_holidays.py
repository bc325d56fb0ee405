"""Generate the calculator's holiday table from the ``holidays`` package, once per build.

The browser gets this table instead of the library (loading ``holidays`` in Pyodide added
1.4 s to a 2.4 s start). For every region and every day of the chosen years the table
gives the same answer to "is this a working day?" as ``holidays`` does: the generator
checks that day by day and refuses to write a table that disagrees.

Format (JSON, one region a line so a regeneration diffs well)::

    {"format": 1, "source": "holidays 0.109", "first_year": 2025, "last_year": 2028,
     "regions": [
      {"code": "AU-NSW", "name": "New South Wales, Australia", "tz": "Australia/Sydney",
       "weekend": [5, 6], "holidays": {"2025-01-01": "New Year's Day", ...},
       "workdays": [], "closed": []},
      ...]}

``weekend`` holds ``date.weekday()`` numbers; ``workdays`` lists weekend days that are
working days all the same, ``closed`` other weekdays that are not (both usually empty).

Generating takes a second or two, so a build passes a cache folder: a stamp there names
what the table was made from (:func:`table_key`) and the hash of the text written, and
while both still hold, the build neither regenerates the table nor imports ``holidays``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from build_tools._errors import BuildError
from build_tools._paths import PROJECT_ROOT
from build_tools._regions import COUNTRIES, SUBDIVISIONS

if TYPE_CHECKING:
    import holidays

TABLE_FORMAT = 1
#: Where the calculator reads its table from (package data inside the wheel).
TABLE_PATH = PROJECT_ROOT / "calculator" / "_data" / "holidays.json"
#: The stamp's file name inside the cache folder.
STAMP_NAME = "holiday-table.json"


@dataclass(frozen=True, slots=True)
class RegionSpec:
    """One region to put in the table."""

    code: str
    name: str
    tz: str

    @property
    def country(self) -> str:
        """The ISO 3166-1 country code."""
        return self.code.split("-", 1)[0]

    @property
    def subdivision(self) -> str | None:
        """The subdivision code, or None for a whole country."""
        parts = self.code.split("-", 1)
        return parts[1] if len(parts) > 1 else None


def default_regions() -> list[RegionSpec]:
    """Every region the site offers, countries first then their subdivisions."""
    specs = [RegionSpec(code, name, tz) for code, (name, tz) in COUNTRIES.items()]
    for country, subdivisions in SUBDIVISIONS.items():
        country_name = COUNTRIES[country][0].split(" (", 1)[0]
        aliases = _subdivision_names(country)
        for sub, tz in subdivisions.items():
            specs.append(RegionSpec(f"{country}-{sub}", f"{aliases[sub]}, {country_name}", tz))
    return sorted(specs, key=lambda spec: spec.code)


def _subdivision_names(country: str) -> dict[str, str]:
    import holidays  # noqa: PLC0415 (0.2 s to import: only when a table is generated)

    names: dict[str, str] = {}
    entity = type(holidays.country_holidays(country))
    for name, code in entity.subdivisions_aliases.items():
        names.setdefault(code, name)  # the first alias is the English name
    return names


def _calendar(spec: RegionSpec, years: range) -> holidays.HolidayBase:
    import holidays  # noqa: PLC0415 (as in _subdivision_names)

    entity = type(holidays.country_holidays(spec.country))
    default = entity.default_language or "en"
    language = default if default.startswith("en") else "en_US"
    if language not in (*entity.supported_languages, default):
        language = default
    return holidays.country_holidays(spec.country, subdiv=spec.subdivision, years=years, language=language)


def _region_entry(spec: RegionSpec, first_year: int, last_year: int) -> dict[str, Any]:
    calendar = _calendar(spec, range(first_year, last_year + 1))
    weekend = sorted(calendar.weekend)
    entry: dict[str, Any] = {
        "code": spec.code,
        "name": spec.name,
        "tz": spec.tz,
        "weekend": weekend,
        "holidays": {},
        "workdays": [],
        "closed": [],
    }
    day, end = date(first_year, 1, 1), date(last_year, 12, 31)
    while day <= end:
        working = calendar.is_working_day(day)
        on_weekend = day.weekday() in weekend
        if day in calendar:
            entry["holidays"][day.isoformat()] = calendar[day]
        if working and (on_weekend or day in calendar):
            entry["workdays"].append(day.isoformat())
        elif not working and not on_weekend and day not in calendar:
            entry["closed"].append(day.isoformat())
        day += timedelta(days=1)
    return entry


def generate_holiday_table(
    first_year: int, last_year: int, regions: list[RegionSpec] | None = None
) -> dict[str, Any]:
    """The table for ``first_year`` to ``last_year`` (both included), as JSON-ready data.

    Raises:
        BuildError: the year range is empty, or ``holidays`` does not know a region.
    """
    if first_year > last_year:
        raise BuildError(f"the holiday table's years are backwards: {first_year} > {last_year}")
    entries = []
    for spec in regions if regions is not None else default_regions():
        try:
            entries.append(_region_entry(spec, first_year, last_year))
        except NotImplementedError as error:
            raise BuildError(f"holidays {version('holidays')} does not know {spec.code}") from error
    return {
        "format": TABLE_FORMAT,
        "source": f"holidays {version('holidays')}",
        "first_year": first_year,
        "last_year": last_year,
        "regions": entries,
    }


def dump_holiday_table(table: dict[str, Any]) -> str:
    """The table as text: stable key order, one region a line."""
    head = {key: value for key, value in table.items() if key != "regions"}
    lines = [json.dumps(region, ensure_ascii=False, sort_keys=True) for region in table["regions"]]
    body = ",\n".join(lines)
    return json.dumps(head, sort_keys=True)[:-1] + ', "regions": [\n' + body + "\n]}\n"


def table_key(
    first_year: int,
    last_year: int,
    *,
    countries: Mapping[str, tuple[str, str]] = COUNTRIES,
    subdivisions: Mapping[str, Mapping[str, str]] = SUBDIVISIONS,
) -> str:
    """A hash of everything the default table is made from.

    The ``holidays`` release, the years, the region list (``countries`` and
    ``subdivisions``, as in ``_regions``), the table format and this generator's own
    source: when any of them changes, so does the key.
    """
    inputs = {
        "format": TABLE_FORMAT,
        "holidays": version("holidays"),
        "years": [first_year, last_year],
        "countries": countries,
        "subdivisions": subdivisions,
        "generator": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()


def _stamp(key: str, path: Path, text: str) -> dict[str, str]:
    return {
        "key": key,
        "table": str(path.resolve()),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def _stamp_holds(stamp: Path, key: str, path: Path) -> bool:
    """Whether ``stamp`` says ``path`` holds the table for ``key``, and ``path`` still does."""
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False
    return bool(recorded == _stamp(key, path, text))


def write_holiday_table(
    first_year: int, last_year: int, path: Path = TABLE_PATH, cache_dir: Path | None = None
) -> bool:
    """Generate the table into ``path``; return whether the file changed.

    An unchanged table is not rewritten, so a rebuild in the same year leaves the
    source tree as it was. With ``cache_dir``, the table is not even generated while
    the stamp there matches :func:`table_key` and the file's text; a missing, stale or
    unreadable stamp, or an edited table, means one generation, as without a cache.
    """
    stamp = cache_dir / STAMP_NAME if cache_dir is not None else None
    key = table_key(first_year, last_year) if stamp is not None else ""
    if stamp is not None and _stamp_holds(stamp, key, path):
        return False
    text = dump_holiday_table(generate_holiday_table(first_year, last_year))
    changed = not (path.is_file() and path.read_text(encoding="utf-8") == text)
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if stamp is not None:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        partial = stamp.with_name(f"{stamp.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(_stamp(key, path, text), indent=1) + "\n", encoding="utf-8")
        partial.replace(stamp)  # whole or not at all, even with two builds at once
    return changed
