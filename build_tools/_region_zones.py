"""Each region's time zone, from IANA's zone table, with a short list of overrides.

The zone of a region is where its offices keep their clocks; the calculator names it in
the call window, and a reader's own zone suggests a region. Source: ``zone.tab`` of the
IANA time zone database, as the ``tzdata`` package ships it. For each country it lists
the zones in use, the most populous first "where that does not contradict geography"
(the file's own words), so:

- a country gets the first zone listed for it (``_COUNTRY_ZONES`` corrects the few where
  that zone is not the one its capital and most of its offices keep);
- a subdivision that the ``holidays`` package also knows as a territory of its own (Puerto
  Rico for ``US-PR``, Guadeloupe for ``FR-971``) gets that territory's zone;
- any other subdivision gets its country's zone, unless ``_SUBDIVISION_ZONES`` says
  otherwise: the IANA table describes its zones in words ("Central (most areas)"), not by
  subdivision codes, so where a country spans zones a subdivision's zone is kept here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files

from build_tools._errors import BuildError

#: Countries whose first zone in zone.tab is not where their offices are. Comments say why.
_COUNTRY_ZONES = {
    "AU": "Australia/Sydney",  # zone.tab lists Lord Howe Island first; Canberra keeps Sydney's time
    "BR": "America/Sao_Paulo",  # Noronha (Atlantic islands) first; Brasília keeps São Paulo's time
    "CA": "America/Toronto",  # St John's first; Ottawa keeps Toronto's time
    "FM": "Pacific/Pohnpei",  # Chuuk first; the capital, Palikir, is on Pohnpei
    "RU": "Europe/Moscow",  # Kaliningrad first (west to east)
    "UA": "Europe/Kyiv",  # Crimea (Simferopol) first, alphabetically by zone
    "UZ": "Asia/Tashkent",  # Samarkand first (west to east); Tashkent is the capital
    # Not in zone.tab at all:
    "XK": "Europe/Belgrade",  # Kosovo has no zone of its own; it keeps Central European Time
    "BV": "Europe/Oslo",  # Bouvet Island: uninhabited, Norwegian; Norway's zone
    "HM": "Indian/Kerguelen",  # Heard and McDonald Islands: uninhabited; the zone at their longitude
}

#: Subdivisions that do not keep their country's zone, by country: zone -> subdivision codes.
_SUBDIVISION_ZONES: dict[str, dict[str, str]] = {
    "AU": {
        "Australia/Darwin": "NT",
        "Australia/Brisbane": "QLD",
        "Australia/Adelaide": "SA",
        "Australia/Hobart": "TAS",
        "Australia/Melbourne": "VIC",
        "Australia/Perth": "WA",
        "Australia/Broken_Hill": "NSW_WESTERN",  # NSW's Western Division keeps Broken Hill's time
    },
    "BR": {
        "America/Rio_Branco": "AC",
        "America/Maceio": "AL SE",
        "America/Manaus": "AM",
        "America/Belem": "AP PA",
        "America/Bahia": "BA",
        "America/Fortaleza": "CE MA PB PI RN",
        "America/Campo_Grande": "MS",
        "America/Cuiaba": "MT",
        "America/Recife": "PE",
        "America/Porto_Velho": "RO",
        "America/Boa_Vista": "RR",
        "America/Araguaina": "TO",
    },
    "CA": {
        "America/Edmonton": "AB NT",
        "America/Vancouver": "BC",
        "America/Winnipeg": "MB",
        "America/Moncton": "NB",
        "America/St_Johns": "NL",
        "America/Halifax": "NS PE",
        "America/Iqaluit": "NU",
        "America/Regina": "SK",
        "America/Whitehorse": "YT",
    },
    "CL": {
        # Aysén moved to UTC-3 all year in 2025, as Magallanes did in 2016: Punta Arenas's rules.
        "America/Punta_Arenas": "AI MA",
    },
    "ES": {"Atlantic/Canary": "CN", "Africa/Ceuta": "CE ML"},
    "FM": {"Pacific/Kosrae": "KSA", "Pacific/Chuuk": "TRK YAP"},
    "FR": {"America/Cayenne": "973"},  # holidays aliases French Guiana as GY (Guyana), not GF
    "MY": {"Asia/Kuching": "12 13 15"},  # Sabah, Sarawak, Labuan (Borneo)
    "NZ": {"Pacific/Chatham": "CIT"},
    "PT": {"Atlantic/Azores": "20", "Atlantic/Madeira": "30"},
    "US": {
        # Each state's zone is the one most of its people keep.
        "America/Chicago": "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI",
        "America/Denver": "CO MT NM UT WY",
        "America/Boise": "ID",
        "America/Phoenix": "AZ",
        "America/Los_Angeles": "CA NV OR WA",
        "America/Anchorage": "AK",
        "Pacific/Honolulu": "HI",
    },
}


#: Where a time zone spans several regions of one country, the one most readers in it mean
#: (the zone's own city lies there). Other such zones suggest the country (national holidays).
ZONE_HOMES = {
    "Australia/Sydney": "AU-NSW",
    "Europe/London": "GB-ENG",
    "America/Toronto": "CA-ON",
    "America/Los_Angeles": "US-CA",
}


@cache
def zone_table() -> dict[str, tuple[str, ...]]:
    """IANA's zones by ISO 3166 country code, in zone.tab's order (most populous first)."""
    text = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone, *_comment = line.split("\t")
            zones.setdefault(country, []).append(zone)
    return {country: tuple(found) for country, found in zones.items()}


def zone_aliases() -> dict[str, str]:
    """Older names of zones that browsers still report, and the name each stands for (CLDR's list).

    Chromium reports ``Asia/Calcutta`` where zone.tab says ``Asia/Kolkata``.
    """
    from babel.core import get_global  # noqa: PLC0415

    return dict(get_global("zone_aliases"))


def country_zone(country: str) -> str:
    """The zone a country's offices keep.

    Raises:
        BuildError: neither zone.tab nor ``_COUNTRY_ZONES`` knows the country.
    """
    zone = _COUNTRY_ZONES.get(country) or next(iter(zone_table().get(country, ())), None)
    if zone is None:
        raise BuildError(f"no time zone for {country}: add it to _COUNTRY_ZONES with why")
    return zone


def subdivision_zone(country: str, subdivision: str, territory: str | None) -> str:
    """The zone of ``subdivision`` (our code's part after the dash) of ``country``.

    ``territory`` is the ISO code of the country or territory the subdivision also is, if
    ``holidays`` knows it as one of its own (``PR`` for ``US-PR``).
    """
    for zone, codes in _SUBDIVISION_ZONES.get(country, {}).items():
        if subdivision in codes.split():
            return zone
    if territory is not None:
        return country_zone(territory)
    return country_zone(country)


def overridden() -> Mapping[str, Mapping[str, str]]:
    """The subdivisions given a zone by hand, by country (for the generator's own checks)."""
    return _SUBDIVISION_ZONES
