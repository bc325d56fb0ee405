"""Region data: its sizes, the first answer for a region not yet fetched, and its generation.

The wheel carries the engine and each region's data is a file of its own, fetched when the
reader first asks about that region (issue 16). Measured here: the wheel's size, a region
file's and the index's (gzip -9), the answer for a region the page has not fetched yet once
Python runs (the cold answer above is the same with the runtime cold: its region's file is
part of it), and how long generating the whole set takes, and a rebuild that finds it cached.
Each measure's target is defined once, right above it.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench._metrics import Metrics, RegionSizes, measured, median
from bench._pages import QUESTION
from bench._rows import Row, ms
from bench._sizes import compressed_size
from bench._targets import at_most, no_target
from build_tools._region_data import MANIFEST_NAME, build_years, region_set, write_region_set
from calculator import HolidayTable, plan_from_fields
from calculator._table import INDEX_NAME

#: Regions the bench asks about after the first answer, in this order (each one's call date
#: differs from the one before it, so the page visibly answers each).
ASKED = ("KR", "BR-SP", "CA-QC", "AE", "CN", "IN-MH", "US-CA", "JP", "DE-BY", "ZA")
#: How many of them each cold visit of the article asks about.
NEW_REGIONS_PER_VISIT = 3


def site_table(site_dir: Path) -> HolidayTable:
    """The region data a built site publishes (its one ``assets/regions/<version>/``)."""
    (folder,) = (site_dir / "assets" / "regions").iterdir()
    return HolidayTable.from_directory(folder)


def region_asks(site_dir: Path, count: int = NEW_REGIONS_PER_VISIT) -> list[tuple[str, str]]:
    """``count`` regions to ask the page about, each with the call date Python gives for it.

    Read from the built site's own region data, for the bench's question; each date differs
    from the one before it (the first from the question's own region's).
    """
    table = site_table(site_dir)
    fields = {key: value for key, _, value in (part.partition("=") for part in QUESTION[1:].split("&"))}

    def call_on(region: str) -> str:
        return plan_from_fields(
            {**fields, "region": region, "today": fields["interviewed"]}, table
        ).call_on.isoformat()

    asks: list[tuple[str, str]] = []
    before = call_on(fields["region"])
    for region in ASKED:
        date = call_on(region)
        if date != before and len(asks) < count:
            asks.append((region, date))
            before = date
    return asks


def region_sizes(site_dir: Path) -> RegionSizes:
    """The wheel's size as served (gzipped whole), and the index's and the region files' gzipped."""
    (wheel,) = (site_dir / "assets" / "calculator").glob("*/*.whl.gz")
    (folder,) = (site_dir / "assets" / "regions").iterdir()
    files = {
        path.stem: compressed_size(path.read_bytes())
        for path in folder.glob("*.json")
        if path.name != MANIFEST_NAME
    }
    index = files.pop(INDEX_NAME.removesuffix(".json"))
    largest = max(files, key=lambda code: files[code])
    return {
        "wheel": wheel.stat().st_size,
        "index_gzip": index,
        "region_gzip_median": round(statistics.median(files.values())),
        "region_gzip_largest": files[largest],
        "largest": largest,
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_region_data(year: int, runs: int, log: Callable[[str], None]) -> Metrics:
    """Generate the whole set for a build in ``year`` ``runs`` times, each into an empty cache.

    Each run then asks again, as a rebuild does, and finds it cached.
    """
    first, last = build_years(year)
    times: dict[str, list[float]] = {"all": [], "all_cpu": [], "rebuild": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="second-date-regions-") as scratch:
            started, cpu = time.perf_counter(), _cpu()
            write_region_set(Path(scratch) / "set", first, last)
            times["all"].append(time.perf_counter() - started)
            times["all_cpu"].append(_cpu() - cpu)
            region_set(first, last, Path(scratch))  # generates it once more, into the cache
            started = time.perf_counter()
            region_set(first, last, Path(scratch))
            times["rebuild"].append(time.perf_counter() - started)
        log(f"region data: {times['all'][-1]:.1f} s, rebuild {times['rebuild'][-1] * 1000:.0f} ms")
    return {
        "region_build_s": times["all"],
        "region_build_cpu_s": times["all_cpu"],
        "region_rebuild_s": times["rebuild"],
    }


#: The wheel carries the engine, not the world (issue 16).
WHEEL = at_most(40, "KB")
#: Every region's file is small; the largest is judged.
REGION_FILE = at_most(5, "KB", note="(gzip, the largest)")
#: The index the region picker reads: fetched after the first answer, or when a place is typed.
INDEX = at_most(30, "KB", note="(gzip)")


def region_size_rows(m: Metrics) -> list[Row]:
    """The wheel's, a region file's and the index's sizes."""
    if "region_sizes" not in m:
        return []
    sizes = m["region_sizes"]
    wheel, index = sizes["wheel"] / 1000, sizes["index_gzip"] / 1000
    largest = sizes["region_gzip_largest"] / 1000
    return [
        Row.judged("Wheel (gzipped whole, as served)", "–", f"{wheel:,.1f} KB", "–", WHEEL, value=wheel),
        Row.judged(
            "One region's file (gzip -9)",
            f"median {sizes['region_gzip_median'] / 1000:,.1f} KB",
            f"largest {largest:,.1f} KB ({sizes['largest']})",
            "–",
            REGION_FILE,
            value=largest,
        ),
        Row.judged("Region index (gzip -9)", "–", f"{index:,.1f} KB", "–", INDEX, value=index),
    ]


#: One request more than a round trip: the region's own file.
NEW_REGION = no_target("one file more than a round trip")


def new_region_rows(m: Metrics) -> list[Row]:
    """The first answer for a region not yet fetched: runtime cold, and runtime warm."""
    rows: list[Row] = []
    if "cold_answer_ms" in m:
        cold = median(measured(m["cold_answer_ms"]["ours"]))
        rows.append(
            Row.judged(
                "First answer, region not yet fetched, runtime cold",
                "the cold answer: its region's file is part of it",
                ms(cold),
                "–",
                no_target("see Cold answer"),
            )
        )
    if m.get("region_answer_ms", {}).get("ours"):
        trip = median(m.get("round_trip_ms", {}).get("ours", []))
        rows.append(
            Row.judged(
                "First answer, region not yet fetched, runtime warm",
                f"round trip {ms(trip)}",
                ms(median(m["region_answer_ms"]["ours"])),
                "–",
                NEW_REGION,
            )
        )
    return rows


#: A rebuild finds the set cached (by the holidays release and the years): within this budget.
REBUILD = at_most(10, "s")
#: Generating the whole set happens once per holidays release and year.
GENERATION = no_target("once per holidays release and year")


def region_build_rows(m: Metrics) -> list[Row]:
    """Generating every region's file, and a rebuild that finds them cached."""
    if not m.get("region_build_s"):
        return []
    whole, cpu = median(m["region_build_s"]), median(m.get("region_build_cpu_s", []))
    rebuild = median(m["region_rebuild_s"])
    return [
        Row.judged("Region data, full generation", "–", f"{whole:.1f} s (CPU {cpu:.1f} s)", "–", GENERATION),
        Row.judged(
            "Region data, rebuild (cached)", "–", f"{rebuild * 1000:,.0f} ms", "–", REBUILD, value=rebuild
        ),
    ]


def region_rows(m: Metrics) -> list[Row]:
    """Every region-data row, in the table's order."""
    return [*region_size_rows(m), *new_region_rows(m), *region_build_rows(m)]
