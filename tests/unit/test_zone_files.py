"""The time zone files the site publishes for the browser's zoneinfo."""

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from build_tools._assets import CalculatorAssets
from build_tools._runtime import Runtime
from build_tools._zones import publish_zones, zone_names, zones_version


def test_every_zone_is_published_as_a_tzif_file(tmp_path: Path):
    count = publish_zones(tmp_path)
    assert count == len(zone_names()) > 500
    for name in (
        "Europe/London",
        "Australia/Sydney",
        "America/Argentina/Buenos_Aires",
        "Asia/Calcutta",
        "UTC",
    ):
        assert (tmp_path / name).read_bytes().startswith(b"TZif"), name
    published = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()}
    assert published == set(zone_names())


def test_a_published_file_gives_the_same_times_as_the_zone(tmp_path: Path):
    publish_zones(tmp_path)
    with (tmp_path / "Australia/Sydney").open("rb") as data:
        published = ZoneInfo.from_file(data, key="Australia/Sydney")
    for moment in (datetime(2026, 4, 4, 15, 59, tzinfo=UTC), datetime(2026, 4, 4, 16, 0, tzinfo=UTC)):
        assert (
            moment.astimezone(published).utcoffset()
            == moment.astimezone(ZoneInfo("Australia/Sydney")).utcoffset()
        )


def test_the_calculator_folder_changes_with_the_zone_data():
    assets = CalculatorAssets(
        runtime=Runtime(version="314.0.7", directory=Path("/nowhere")),
        wheel=Path("/nowhere/calculator-0.1.0-py3-none-any.whl"),
        wheel_sha256=hashlib.sha256(b"wheel").hexdigest(),
        stdlib=Path("/nowhere/python_stdlib.zip"),
        stdlib_sha256=hashlib.sha256(b"stdlib").hexdigest(),
        zones_version=zones_version(),
    )
    newer = replace(assets, zones_version="9999.1")
    assert assets.calculator_dir != newer.calculator_dir
    assert assets.calculator_dir.parent == newer.calculator_dir.parent
