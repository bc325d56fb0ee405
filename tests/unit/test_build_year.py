"""A build never rewrites a tracked file: not even a build a year from now."""

import subprocess
from datetime import date
from pathlib import Path

from build_tools import SiteCalculator
from calculator import use_table
from calculator._table import default_table

PROJECT = Path(__file__).resolve().parent.parent.parent


def status() -> str:
    """What git sees changed or new in the working tree, ignored files aside."""
    run = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout


def test_a_build_a_year_ahead_leaves_git_status_clean(tmp_path: Path):
    before = status()
    kept = default_table()
    site = SiteCalculator()
    try:
        site.prepare(year=date.today().year + 1, make_current=False)  # noqa: DTZ011 - a year from today
        site.publish(tmp_path)
    finally:
        site.close()
        use_table(kept)
    assert status() == before
    published = site.region_set
    assert published is not None
    first_year = date.today().year  # noqa: DTZ011
    index = (published.directory / "index.json").read_text(encoding="utf-8")
    assert f'"years":[{first_year},{first_year + 3}]' in index
    assert (tmp_path / "assets" / "regions" / published.version / "KR.json").is_file()
