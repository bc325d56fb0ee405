"""The holiday table's build cache: a rebuild does no work, any change to the inputs does."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import build_tools._holidays as holiday_module
from build_tools._holidays import table_key, write_holiday_table
from build_tools._regions import COUNTRIES, SUBDIVISIONS

YEARS = (2030, 2030)


@pytest.fixture
def generations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Each (first, last) the generator is asked for, while it still generates."""
    calls: list[tuple[int, int]] = []
    generate = holiday_module.generate_holiday_table

    def counting(first_year: int, last_year: int, regions: Any = None) -> dict[str, Any]:
        calls.append((first_year, last_year))
        return generate(first_year, last_year, regions)

    monkeypatch.setattr(holiday_module, "generate_holiday_table", counting)
    return calls


def test_a_rebuild_with_the_stamp_in_place_generates_nothing(tmp_path: Path, generations):
    table, cache = tmp_path / "holidays.json", tmp_path / "cache"
    assert write_holiday_table(*YEARS, table, cache_dir=cache) is True
    assert write_holiday_table(*YEARS, table, cache_dir=cache) is False
    assert generations == [YEARS]


def test_the_cached_table_is_the_table_made_without_a_cache(tmp_path: Path):
    cached, plain = tmp_path / "cached.json", tmp_path / "plain.json"
    write_holiday_table(*YEARS, cached, cache_dir=tmp_path / "cache")
    write_holiday_table(*YEARS, cached, cache_dir=tmp_path / "cache")
    write_holiday_table(*YEARS, plain)
    assert cached.read_bytes() == plain.read_bytes()


def test_a_new_holidays_release_regenerates(tmp_path: Path, generations, monkeypatch: pytest.MonkeyPatch):
    table, cache = tmp_path / "holidays.json", tmp_path / "cache"
    write_holiday_table(*YEARS, table, cache_dir=cache)
    monkeypatch.setattr(holiday_module, "version", lambda _name: "999.0")
    write_holiday_table(*YEARS, table, cache_dir=cache)
    assert generations == [YEARS, YEARS]


def test_other_years_regenerate(tmp_path: Path, generations):
    table, cache = tmp_path / "holidays.json", tmp_path / "cache"
    write_holiday_table(2030, 2030, table, cache_dir=cache)
    assert write_holiday_table(2031, 2031, table, cache_dir=cache) is True
    assert write_holiday_table(2031, 2031, table, cache_dir=cache) is False
    assert generations == [(2030, 2030), (2031, 2031)]


def test_an_edited_or_missing_table_is_made_again(tmp_path: Path, generations):
    table, cache = tmp_path / "holidays.json", tmp_path / "cache"
    write_holiday_table(*YEARS, table, cache_dir=cache)
    made = table.read_text(encoding="utf-8")
    table.write_text(made.replace("Independence Day", "Independence Night"), encoding="utf-8")
    assert write_holiday_table(*YEARS, table, cache_dir=cache) is True
    assert table.read_text(encoding="utf-8") == made
    table.unlink()
    assert write_holiday_table(*YEARS, table, cache_dir=cache) is True
    assert table.read_text(encoding="utf-8") == made
    assert len(generations) == 3


@pytest.mark.parametrize("stamp", ["", "not json", '{"key": "old"}'])
def test_a_broken_or_stale_stamp_means_one_generation(tmp_path: Path, generations, stamp: str):
    table, cache = tmp_path / "holidays.json", tmp_path / "cache"
    write_holiday_table(*YEARS, table, cache_dir=cache)
    (cache / holiday_module.STAMP_NAME).write_text(stamp, encoding="utf-8")
    assert write_holiday_table(*YEARS, table, cache_dir=cache) is False  # same text: not rewritten
    assert write_holiday_table(*YEARS, table, cache_dir=cache) is False
    assert generations == [YEARS, YEARS]


def test_another_table_path_does_not_reuse_the_stamp(tmp_path: Path, generations):
    cache = tmp_path / "cache"
    write_holiday_table(*YEARS, tmp_path / "a.json", cache_dir=cache)
    write_holiday_table(*YEARS, tmp_path / "b.json", cache_dir=cache)
    assert generations == [YEARS, YEARS]


def test_the_key_follows_every_input(monkeypatch: pytest.MonkeyPatch):
    key = table_key(2025, 2028)
    assert key == table_key(2025, 2028)
    assert key != table_key(2026, 2028)
    assert key != table_key(2025, 2029)
    fewer = {code: value for code, value in COUNTRIES.items() if code != "US"}
    assert key != table_key(2025, 2028, countries=fewer)
    renamed = {**COUNTRIES, "US": ("USA", COUNTRIES["US"][1])}
    assert key != table_key(2025, 2028, countries=renamed)
    moved = {**SUBDIVISIONS, "US": {**SUBDIVISIONS["US"], "CA": "America/Denver"}}
    assert key != table_key(2025, 2028, subdivisions=moved)
    monkeypatch.setattr(holiday_module, "version", lambda _name: "999.0")
    assert key != table_key(2025, 2028)


def test_a_cache_hit_does_not_import_holidays(tmp_path: Path):
    table, cache = tmp_path / "holidays.json", tmp_path / "cache"
    write_holiday_table(*YEARS, table, cache_dir=cache)
    code = (
        "import sys; from pathlib import Path; from build_tools._holidays import write_holiday_table; "
        f"changed = write_holiday_table(2030, 2030, Path({str(table)!r}), cache_dir=Path({str(cache)!r})); "
        "print(changed, 'holidays' in sys.modules)"
    )
    root = Path(holiday_module.__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.split() == ["False", "False"]
