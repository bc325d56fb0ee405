"""Both clocks: the call window in the employer's time zone and in the reader's.

Conversions go through Python's ``zoneinfo`` and the IANA time zone database: on a computer
the system's copy or the ``tzdata`` package; in the browser, the zone files the worker writes
into Pyodide's ``/usr/share/zoneinfo`` before it asks (``zones_needed`` says which). A zone
without data is a zone not known: the employer's clock alone, never an error.

``zoneinfo`` is imported on first need only, as in Pyodide it brings ``sysconfig`` with it
(tens of milliseconds of a first answer, less when ``PYTHONTZPATH`` is set, as the worker does).
Zones once found are kept (``_FOUND``), so a browser restarted from a memory snapshot has them
without their files, offline too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from calculator._advice import CallWindow
from calculator._dates import written

#: The reader's night: before this hour or from ``NIGHT_FROM`` on (local time).
NIGHT_UNTIL = time(7, 0)
NIGHT_FROM = time(22, 0)
#: The step the window is walked in to find its night part: every zone's offset today is a
#: whole number of quarter hours.
_STEP = timedelta(minutes=15)
_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/GMT", "GMT", "Etc/Zulu", "Zulu", "Universal"}
)


@dataclass(frozen=True, slots=True)
class Clock:
    """The window on one clock: its zone, the place named for it, the day, ``HH:MM`` times."""

    zone: str
    place: str
    day: date
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class Clocks:
    """The call window on the employer's clock and, when it reads differently, the reader's.

    Attributes:
        employer: the window in the employer's zone, on the call day.
        reader: the same instants on the reader's clock; None when the reader's zone is not
            known, has no data, or reads the same as the employer's.
        night: ``none``, ``part`` or ``all``: how much of the window is the reader's night.
        text: the window as one sentence, both clocks in it.
        note: advice when the window falls in the reader's night, else "".
    """

    employer: Clock
    reader: Clock | None
    night: str
    text: str
    note: str


def place(zone: str) -> str:
    """The place a zone is named after: ``America/New_York`` → ``New York``; ``UTC`` for UTC."""
    if zone in _UTC_NAMES:
        return "UTC"
    if zone.startswith("Etc/"):
        return zone
    return zone.rsplit("/", 1)[-1].replace("_", " ")


#: Every zone found so far, kept for the interpreter's life: in the browser its file is gone
#: after a restart from a memory snapshot, but the zone itself is in the snapshot, here.
_FOUND: dict[str, tzinfo] = {}


def find_zone(name: str) -> tzinfo | None:
    """The zone called ``name``, or None when there is no such zone or no data for it.

    A zone not found is not remembered: its file may still be on its way to the browser.
    """
    if name in _FOUND or not name:
        return _FOUND.get(name)
    import zoneinfo  # noqa: PLC0415 - costly in the browser: imported when first needed

    try:
        _FOUND[name] = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # a bad key, a folder's name
        return None
    return _FOUND[name]


def window_instants(day: date, window: CallWindow) -> tuple[datetime, datetime] | None:
    """The window's start and end on ``day`` in the employer's zone, time-zone aware; None without data."""
    zone = find_zone(window.tz)
    if zone is None:
        return None
    start, end = (datetime.combine(day, time.fromisoformat(t), zone) for t in (window.start, window.end))
    return start, end


def zones_needed(employer_zone: str, reader_zone: str) -> list[str]:
    """The zones an answer needs: the employer's, and the reader's when it differs.

    The employer's always: the call is a timed event in the plan's calendar links and file.
    """
    return [employer_zone, *([reader_zone] if reader_zone and reader_zone != employer_zone else [])]


def missing_zones(names: list[str]) -> list[str]:
    """Those of ``names`` not found yet: the ones whose files the browser must put in place."""
    return [name for name in names if name not in _FOUND]


def _hm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _in_night(moment: datetime) -> bool:
    return moment.time() < NIGHT_UNTIL or moment.time() >= NIGHT_FROM


def _daytime_part(start: datetime, end: datetime, zone: tzinfo) -> tuple[datetime, datetime] | None:
    """The longest stretch of the window outside the reader's night, on the reader's clock."""
    best: tuple[datetime, datetime] | None = None
    run_start: datetime | None = None
    moment = start
    while moment < end:
        local = moment.astimezone(zone)
        if _in_night(local):
            run_start = None
        else:
            run_start = run_start or local
            stop = min(moment + _STEP, end).astimezone(zone)
            if best is None or stop - run_start > best[1] - best[0]:
                best = (run_start, stop)
        moment += _STEP
    return best


def _relation(employer_day: date, reader_start: datetime) -> str:
    """``, the evening before (Tuesday 29 December)``, or "" on the same day."""
    shift = (reader_start.date() - employer_day).days
    if shift == 0:
        return ""
    hour = reader_start.hour
    part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"  # noqa: PLR2004 - hours of the day
    when = f"the {part} before" if shift < 0 else f"the next {part}"
    return f", {when} ({written(reader_start.date(), employer_day.year)})"


def _night(start: datetime, end: datetime, zone: tzinfo) -> tuple[str, str]:
    """How much of the window is the reader's night, and what to do about it."""
    day = _daytime_part(start, end, zone)
    if day is not None and day == (start.astimezone(zone), end.astimezone(zone)):
        return "none", ""
    if day is None:
        return "all", (
            "That falls in your night. If staying up or rising early for it is hard, an email "
            "written in your own daytime reaches them just as well."
        )
    return "part", f"Part of that is night-time where you are: aim for {_hm(day[0])}–{_hm(day[1])} your time."


def both_clocks(day: date, window: CallWindow, reader_zone: str) -> Clocks:
    """The window on ``day`` on the employer's clock and on the reader's (``reader_zone``, may be "")."""
    employer = Clock(window.tz, place(window.tz), day, window.start, window.end)
    theirs = f"{window.start}–{window.end} in {employer.place}"
    if reader_zone == window.tz:
        return Clocks(employer, None, "none", f"{theirs}, your time too", "")
    instants = window_instants(day, window) if reader_zone else None
    zone = find_zone(reader_zone) if instants else None
    if instants is None or zone is None:
        return Clocks(employer, None, "none", theirs, "")
    start, end = (moment.astimezone(zone) for moment in instants)
    reader = Clock(reader_zone, place(reader_zone), start.date(), _hm(start), _hm(end))
    if (reader.day, reader.start, reader.end) == (day, window.start, window.end):
        return Clocks(employer, None, "none", f"{theirs}, the same time for you in {reader.place}", "")
    night, note = _night(instants[0].astimezone(UTC), instants[1].astimezone(UTC), zone)
    text = f"{theirs} — {reader.start}–{reader.end} your time in {reader.place}{_relation(day, start)}"
    return Clocks(employer, reader, night, text, note)
