"""The region data the build generates: coverage, content, sizes, names, zones and its cache."""

import gzip
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest

import build_tools._region_data as region_module
from build_tools._region_data import (
    RegionSet,
    region_code,
    region_file,
    region_set,
    set_key,
    supported_regions,
)

PROJECT = Path(__file__).resolve().parent.parent.parent
#: A few regions: enough to see the cache at work without generating the world.
FEW = ("AE", "CA-QC", "CN")


def read(regions: RegionSet, name: str) -> dict:
    return json.loads((regions.directory / name).read_text(encoding="utf-8"))


def test_every_country_and_subdivision_the_package_knows(region_data: RegionSet):
    supported = holidays.list_supported_countries(include_aliases=False)
    expected = {
        code
        for country, subs in supported.items()
        for code in (country, *(region_code(country, s) for s in subs))
    }
    assert set(region_data.codes) == expected
    assert len([code for code in expected if "-" not in code]) == len(supported) >= 250
    index = read(region_data, "index.json")
    assert [row[0] for row in index["regions"]] == sorted(expected)


def test_each_file_is_small_and_every_file_is_in_the_manifest(region_data: RegionSet):
    for name, digest in region_data.files.items():
        data = (region_data.directory / name).read_bytes()
        assert region_module.file_digest(data) == digest
        limit = 30_000 if name == "index.json" else 5_000
        assert len(gzip.compress(data, 9)) <= limit, name


def test_codes_are_safe_in_file_names_and_addresses(region_data: RegionSet):
    for code in region_data.codes:
        assert code.replace("-", "").replace("_", "").isalnum(), code
        assert code == code.upper()
    assert "BR-SAO_PAULO_CAPITAL" in region_data.codes  # the package's "São Paulo Capital"


def test_weekends_change_by_date_and_make_up_days_are_listed():
    sources = {source.code: source for source in supported_regions() if source.code in {"AE", "CN", "KR"}}
    uae = region_file(sources["AE"], 2021, 2022, "the UAE")
    # The UAE moved from Friday-Saturday to Saturday-Sunday on 1 January 2022.
    # The week of the change holds both rules' days, each right for its own day:
    # Friday 31 December 2021 was a weekend day, and so were Saturday 1 and Sunday 2 January.
    assert uae["weekend"] == [["2021-01-01", [4, 5]], ["2021-12-27", [4, 5, 6]], ["2022-01-03", [5, 6]]]
    china = region_file(sources["CN"], 2026, 2026, "China")
    assert "2026-02-14" in china["workdays"]  # a Saturday worked for the Spring Festival
    assert china["holidays"]["2026-02-17"] == "Chinese New Year (Spring Festival)"
    korea = region_file(sources["KR"], 2026, 2026, "South Korea")
    assert korea["holidays"]["2026-05-25"] == "Alternative holiday for Buddha's Birthday"
    assert korea["language"] == "en_US"


def test_names_come_from_cldr_and_the_package(table):
    names = {info.code: info.name for info in table.regions}
    assert names["KR"] == "South Korea"
    assert names["TR"] == "Türkiye"
    assert names["CA-QC"] == "Quebec, Canada"
    assert names["US"] == "United States (national holidays only)"
    assert names["FR-971"] == "Guadeloupe, France"


def test_every_zone_is_a_real_zone_and_subdivisions_keep_theirs(table):
    zones = {info.code: info.tz for info in table.regions}
    for zone in set(zones.values()):
        ZoneInfo(zone)
    assert zones["US-CA"] == "America/Los_Angeles"
    assert zones["US-PR"] == "America/Puerto_Rico"  # the package knows Puerto Rico on its own too
    assert zones["FR-971"] == "America/Guadeloupe"
    assert zones["ES-CN"] == "Atlantic/Canary"
    assert zones["CA-QC"] == "America/Toronto"
    assert zones["KR"] == "Asia/Seoul"
    assert zones["AU"] == "Australia/Sydney"


def test_the_readers_zone_suggests_a_region(table):
    assert table.suggest("Australia/Sydney").code == "AU-NSW"
    assert table.suggest("Asia/Seoul").code == "KR"
    assert table.suggest("Asia/Calcutta").code == "IN"  # the older name Chromium reports
    assert table.suggest("America/Chicago").code == "US"  # a zone of many states: the country
    assert table.suggest("Mars/Olympus_Mons") is None


def test_a_rebuild_generates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    made: list[Path] = []
    write = region_module.write_region_set

    def counting(directory: Path, *args, **kwargs):
        made.append(directory)
        return write(directory, *args, **kwargs)

    monkeypatch.setattr(region_module, "write_region_set", counting)
    first = region_set(2030, 2030, tmp_path, FEW)
    again = region_set(2030, 2030, tmp_path, FEW, make_current=True)
    assert len(made) == 1
    assert first == again
    assert (tmp_path / "current").resolve() == first.directory.resolve()
    assert sorted(first.codes) == sorted(FEW)


def test_a_damaged_set_is_made_again(tmp_path: Path):
    first = region_set(2030, 2030, tmp_path, FEW)
    (first.directory / "manifest.json").write_text("{", encoding="utf-8")
    assert region_set(2030, 2030, tmp_path, FEW) == first


def test_the_key_follows_every_input(monkeypatch: pytest.MonkeyPatch):
    key = set_key(2025, 2028)
    assert key == set_key(2025, 2028)
    assert key != set_key(2026, 2028)
    assert key != set_key(2025, 2029)
    assert key != set_key(2025, 2028, FEW)
    monkeypatch.setattr(region_module, "version", lambda _name: "999.0")
    assert key != set_key(2025, 2028)


def test_a_cache_hit_does_not_import_holidays(tmp_path: Path):
    region_set(2030, 2030, tmp_path, FEW)
    code = (
        "import sys; from pathlib import Path; from build_tools._region_data import region_set; "
        f"found = region_set(2030, 2030, Path({str(tmp_path)!r}), {FEW!r}); "
        "print(len(found.codes), 'holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    assert out.stdout.split() == ["3", "False"]
