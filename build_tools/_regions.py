"""The regions the calculator knows: ISO 3166 codes, a reader-facing name, a time zone.

Subdivision names come from the ``holidays`` package; country names and every time zone
are written here, because the package knows neither. A subdivision's zone is where most
of its offices are (a state spanning two zones gets its most populous one).
"""

from __future__ import annotations

#: Countries offered on their own: code -> (name, time zone).
COUNTRIES: dict[str, tuple[str, str]] = {
    "AE": ("United Arab Emirates", "Asia/Dubai"),
    "AR": ("Argentina", "America/Argentina/Buenos_Aires"),
    "AT": ("Austria", "Europe/Vienna"),
    "AU": ("Australia (national holidays only)", "Australia/Sydney"),
    "BE": ("Belgium", "Europe/Brussels"),
    "BH": ("Bahrain", "Asia/Bahrain"),
    "BR": ("Brazil", "America/Sao_Paulo"),
    "CA": ("Canada (national holidays only)", "America/Toronto"),
    "CH": ("Switzerland", "Europe/Zurich"),
    "CL": ("Chile", "America/Santiago"),
    "CZ": ("Czechia", "Europe/Prague"),
    "DE": ("Germany (national holidays only)", "Europe/Berlin"),
    "DK": ("Denmark", "Europe/Copenhagen"),
    "EG": ("Egypt", "Africa/Cairo"),
    "ES": ("Spain", "Europe/Madrid"),
    "FI": ("Finland", "Europe/Helsinki"),
    "FR": ("France", "Europe/Paris"),
    "GB": ("United Kingdom (UK-wide holidays only)", "Europe/London"),
    "HK": ("Hong Kong", "Asia/Hong_Kong"),
    "IE": ("Ireland", "Europe/Dublin"),
    "IL": ("Israel", "Asia/Jerusalem"),
    "IN": ("India", "Asia/Kolkata"),
    "IT": ("Italy", "Europe/Rome"),
    "JO": ("Jordan", "Asia/Amman"),
    "JP": ("Japan", "Asia/Tokyo"),
    "KE": ("Kenya", "Africa/Nairobi"),
    "KW": ("Kuwait", "Asia/Kuwait"),
    "MX": ("Mexico", "America/Mexico_City"),
    "MY": ("Malaysia", "Asia/Kuala_Lumpur"),
    "NG": ("Nigeria", "Africa/Lagos"),
    "NL": ("Netherlands", "Europe/Amsterdam"),
    "NO": ("Norway", "Europe/Oslo"),
    "NZ": ("New Zealand", "Pacific/Auckland"),
    "OM": ("Oman", "Asia/Muscat"),
    "PH": ("Philippines", "Asia/Manila"),
    "PL": ("Poland", "Europe/Warsaw"),
    "PT": ("Portugal", "Europe/Lisbon"),
    "QA": ("Qatar", "Asia/Qatar"),
    "SA": ("Saudi Arabia", "Asia/Riyadh"),
    "SE": ("Sweden", "Europe/Stockholm"),
    "SG": ("Singapore", "Asia/Singapore"),
    "US": ("United States (federal holidays only)", "America/New_York"),
    "ZA": ("South Africa", "Africa/Johannesburg"),
}

_AU = {
    "ACT": "Australia/Sydney",
    "NSW": "Australia/Sydney",
    "NT": "Australia/Darwin",
    "QLD": "Australia/Brisbane",
    "SA": "Australia/Adelaide",
    "TAS": "Australia/Hobart",
    "VIC": "Australia/Melbourne",
    "WA": "Australia/Perth",
}
_CA = {
    "AB": "America/Edmonton",
    "BC": "America/Vancouver",
    "MB": "America/Winnipeg",
    "NB": "America/Moncton",
    "NL": "America/St_Johns",
    "NS": "America/Halifax",
    "NT": "America/Yellowknife",
    "NU": "America/Iqaluit",
    "ON": "America/Toronto",
    "PE": "America/Halifax",
    "QC": "America/Toronto",
    "SK": "America/Regina",
    "YT": "America/Whitehorse",
}
_US_ZONES = {
    "America/New_York": "CT DC DE FL GA IN MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV",
    "America/Chicago": "AL AR IA IL KS KY LA MN MO MS ND NE OK SD TN TX WI",
    "America/Denver": "CO MT NM UT WY",
    "America/Boise": "ID",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "Pacific/Honolulu": "HI",
}
_DE = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH")
_US = {state: zone for zone, states in _US_ZONES.items() for state in states.split()}

#: Subdivisions offered: country -> {subdivision code -> time zone}.
SUBDIVISIONS: dict[str, dict[str, str]] = {
    "AU": _AU,
    "CA": _CA,
    "DE": dict.fromkeys(_DE, "Europe/Berlin"),
    "GB": {"ENG": "Europe/London", "NIR": "Europe/London", "SCT": "Europe/London", "WLS": "Europe/London"},
    "US": _US,
}
