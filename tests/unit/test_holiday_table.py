import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import holidays
import pytest

from build_tools import BuildError
from build_tools._holidays import (
    TABLE_PATH,
    RegionSpec,
    default_regions,
    dump_holiday_table,
    generate_holiday_table,
    write_holiday_table,
)
from calculator import HolidayTable, default_table


def test_generator_takes_the_years_as_parameters(tmp_path: Path):
    path = tmp_path / "holidays.json"
    assert write_holiday_table(2030, 2030, path) is True
    assert write_holiday_table(2030, 2030, path) is False  # unchanged: not rewritten
    table = HolidayTable.from_json(path.read_text(encoding="utf-8"))
    assert (table.first_year, table.last_year) == (2030, 2030)
    assert table.find("US").holidays[date(2030, 7, 4)] == "Independence Day"


def test_table_carries_names_weekends_and_english_names():
    data = generate_holiday_table(
        2026,
        2026,
        [
            RegionSpec("AU-NSW", "NSW", "Australia/Sydney"),
            RegionSpec("DE-BY", "Bavaria", "Europe/Berlin"),
            RegionSpec("SA", "Saudi Arabia", "Asia/Riyadh"),
        ],
    )
    nsw, bavaria, saudi = data["regions"]
    assert nsw["holidays"]["2026-12-28"] == "Boxing Day (observed)"
    assert bavaria["holidays"]["2026-12-25"] == "Christmas Day"
    assert saudi["weekend"] == [4, 5]
    assert data["source"] == f"holidays {holidays.__version__}"


def test_generator_refuses_bad_input():
    with pytest.raises(BuildError):
        generate_holiday_table(2027, 2026)
    with pytest.raises(BuildError):
        generate_holiday_table(2026, 2026, [RegionSpec("XX", "Nowhere", "UTC")])


def test_regions_cover_the_issue_list():
    codes = {spec.code for spec in default_regions()}
    assert len(codes) >= 100
    assert {"AU-NSW", "GB-ENG", "US", "US-CA", "CA-ON", "DE-BY", "SA", "IL"} <= codes


def test_shipped_table_is_what_the_generator_makes_for_its_years():
    shipped = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    assert TABLE_PATH.read_text(encoding="utf-8") == dump_holiday_table(
        generate_holiday_table(shipped["first_year"], shipped["last_year"])
    ), "the shipped table is stale: run mkdocs build (or write_holiday_table) to regenerate it"


def test_shipped_table_loads_fast():
    code = (
        "import time, calculator; t = time.perf_counter(); calculator.default_table(); "
        "print((time.perf_counter() - t) * 1000)"
    )
    timings = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    assert min(timings) < 50, timings
    assert len(default_table().regions) >= 100
