"""The benchmark's pure parts: medians, sizes, the floor page, the table, the generators."""

from __future__ import annotations

import argparse
import gzip
import itertools
import math
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import bench
from bench import _pages
from bench._sizes import runtime_urls
from build_tools._content import check_site
from build_tools._paths import PROJECT_ROOT
from build_tools._sources import load_sources
from build_tools._widget import WIDGET_MARKER
from calculator import plan_from_fields


def test_median_of_odd_and_even_counts():
    assert bench.median([3.0, 1.0, 2.0]) == 2.0
    assert bench.median([4.0, 1.0, 3.0, 2.0]) == 2.5


def test_median_of_nothing_is_nan():
    assert math.isnan(bench.median([]))


def test_compressed_size_is_gzip_level_9_and_stable():
    data = b"call on Wednesday " * 500
    size = bench.compressed_size(data)
    assert size == len(gzip.compress(data, compresslevel=9, mtime=0))
    assert size < len(data) / 10
    assert bench.compressed_size(data) == size  # no timestamp: the same bytes every time


def test_compressed_size_of_random_bytes_barely_shrinks():
    data = bytes(range(256)) * 4
    assert bench.compressed_size(b"") > 0
    assert bench.compressed_size(data) < len(data)


def test_floor_page_loads_the_same_runtime_and_runs_one_statement():
    files = bench.floor_page("assets/pyodide/314.0.7", "assets/calculator/abc/pyodide-lock.json")
    assert set(files) == {"index.html", "floor-worker.js"}
    page, worker = files["index.html"], files["floor-worker.js"]
    assert '"../assets/pyodide/314.0.7/"' in page
    assert '"../assets/calculator/abc/pyodide-lock.json"' in page
    assert 'type: "module"' in page
    assert "dataset.benchDone" in page
    assert "indexURL: runtime" in worker
    assert "lockFileURL: lock" in worker
    assert 'runPython("1+1")' in worker
    assert worker.count("runPython") == 1


def test_floor_page_depth_sets_how_far_up_the_site_root_is():
    page = bench.floor_page("assets/pyodide/1/", "lock.json", depth=2)["index.html"]
    assert '"../../assets/pyodide/1/"' in page
    assert '"../../lock.json"' in page


def test_table_is_markdown_with_aligned_columns():
    rows = [
        bench.Row("Cold answer", "5,000 ms", "5,100 ms", "1.02×", "≤ 1.10 × cold floor", "yes"),
        bench.Row("Round trip", "–", "9 ms", "–", "≤ 20 ms", "yes"),
    ]
    lines = bench.format_table(rows).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("| Measure ")
    assert set(lines[1]) <= {"|", "-"}
    assert len({len(line) for line in lines}) == 1
    assert "| 5,100 ms |" in lines[2]


def test_results_table_takes_medians_and_judges_the_targets():
    metrics = {
        "cold_answer_ms": {"floor": [1000.0, 1100.0, 900.0], "ours": [1050.0, 1040.0, 5000.0]},
        "warm_answer_ms": {"floor": [800.0], "ours": [700.0]},
        "round_trip_ms": {"ours": [10.0, 30.0, 12.0]},
        "longest_task_ms": {"floor": [0.0], "ours": [60.0], "without": [80.0]},
        "bytes_gzip": {"floor": [6_000_000], "ours": [6_150_000], "without": [100_000]},
        "lcp_ms": {"without": [500.0], "with": [510.0]},
        "build_s": {"1": [5.0], "10": [5.5], "100": [12.0]},
        "build_cpu_s": {"1": [4.0], "10": [4.5], "100": [9.0]},
        "rebuild_s": {"1": [3.0], "10": [3.1], "100": [4.0]},
        "rebuild_cpu_s": {"1": [2.0], "10": [2.1], "100": [3.0]},
    }
    rows = {row.measure: row for row in bench.results_table({"metrics": metrics})}
    cold = rows["Cold answer"]
    assert (cold.baseline, cold.ours, cold.ratio, cold.met) == ("1,000 ms", "1,050 ms", "1.05×", "yes")
    assert rows["Warm answer (2nd visit)"].met == "no"
    assert rows["Round trip after ready"].ours == "12 ms"
    assert rows["Longest main-thread task until answer"].met == "yes"  # no worse than the page alone
    assert rows["Bytes, cold visit (gzip -9)"].met == "no"
    assert rows["… of which the calculator beyond the runtime"].ours == "50 KB"
    assert rows["Article LCP"].met == "yes"
    assert rows["mkdocs build, 100 generated articles"].met == "no"
    hundred = rows["mkdocs build, 100 generated articles"]
    assert hundred.ours == "12.0 s (CPU 9.0 s); rebuild 4.0 s (CPU 3.0 s)"
    assert hundred.ratio == "+71 ms per article (rebuild +10 ms)"


def test_without_widget_removes_only_the_marker():
    text = "# Title\n\nBefore.\n\n<!-- second-date:calculator -->\n\nAfter.\n"
    stripped = bench.without_widget(text)
    assert not WIDGET_MARKER.search(stripped)
    assert "Before." in stripped
    assert "After." in stripped


def test_the_article_the_bench_opens_has_the_widget():
    assert WIDGET_MARKER.search((PROJECT_ROOT / "docs" / bench.ARTICLE_SOURCE).read_text(encoding="utf-8"))


def test_generated_articles_continue_the_series_with_a_real_body(tmp_path: Path):
    shutil.copytree(PROJECT_ROOT / "docs", tmp_path / "docs")
    shutil.copytree(PROJECT_ROOT / "research", tmp_path / "research")
    made = bench.generate_articles(tmp_path / "docs", 3, date(2026, 12, 1))
    # They cite their body's sources, and the sources name them: the build's checks pass.
    assert check_site(tmp_path / "docs", load_sources(tmp_path / "research" / "sources.yml")) == []
    assert [path.name for path in made] == [f"generated-article-number-{n}.md" for n in (1, 2, 3)]
    text = made[2].read_text(encoding="utf-8")
    assert text.count("\n# ") == 1
    assert "# Generated article number 3\n" in text
    assert "TODO" not in text.split("\n# ", 1)[1]
    assert "<!-- more -->" in text


def test_the_project_copy_holds_every_folder_mkdocs_yml_names():
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    named = set(re.findall(r"^\s*custom_dir:\s*(\S+)", config, re.MULTILINE))
    named |= {Path(hook).parts[0] for hook in re.findall(r"^\s*-\s*(hooks/\S+\.py)", config, re.MULTILINE)}
    assert named == {"overrides", "hooks"}  # the pattern still finds what the config names
    assert named <= set(bench.BUILD_INPUTS)
    assert "docs" in bench.BUILD_INPUTS
    assert "research" in bench.BUILD_INPUTS  # the content checks read research/sources.yml beside docs/


def table_rows(**changes: dict[str, list[Any]]) -> dict[str, bench.Row]:
    """The table's rows, by measure, for one page run's metrics with ``changes`` made."""
    metrics = {
        "cold_answer_ms": {"floor": [2000.0], "ours": [2100.0]},
        "warm_answer_ms": {"floor": [1900.0], "ours": [800.0]},
        "round_trip_ms": {"ours": [10.0]},
        "longest_task_ms": {"floor": [0.0], "ours": [60.0], "without": [80.0]},
        "bytes_gzip": {"floor": [6_000_000], "ours": [6_150_000], "without": [100_000]},
        "lcp_ms": {"without": [500.0], "with": [510.0]},
    }
    return {row.measure: row for row in bench.results_table({"metrics": metrics | changes})}


def test_results_table_says_how_warm_visits_started_and_what_was_kept_offline():
    rows = table_rows(
        warm_answer_ms={"floor": [1900.0], "ours": [800.0, 900.0, 2500.0]},
        warm_python_start={"ours": ["snapshot", "snapshot", "fresh"]},
        offline_bytes_gzip={"ours": [300_000], "without": [280_000]},
    )
    warm = rows["Warm answer (2nd visit)"]
    assert warm.ours == "900 ms (2/3 from snapshot)"
    assert warm.met == "yes"  # 900 ≤ 0.6 × 2,000
    offline = rows["Pages kept offline by the service worker, after the answer"]
    assert (offline.baseline, offline.ours, offline.met) == ("article without widget 280 KB", "300 KB", "–")


def test_worker_page_runs_the_calculators_own_worker_on_the_benchs_question():
    page = bench.worker_page("assets/pyodide/314.0.7", "assets/calculator/abc/pyodide-lock.json", "?reply=1w")
    assert 'new URL("assets/javascripts/calculator-worker.js", root)' in page
    assert 'new URL("assets/pyodide/314.0.7/", root)' in page
    assert 'new URL("assets/calculator/abc/pyodide-lock.json", root)' in page
    assert 'new URLSearchParams("?reply=1w")' in page
    assert 'type: "plan"' in page
    assert "dataset.benchDone" in page
    assert 'new URL("../", location.href)' in page


def test_results_table_shows_the_worker_alone_beside_the_floor():
    rows = table_rows(cold_answer_ms={"floor": [2000.0], "ours": [2300.0], "worker": [2040.0]})
    name = "… the calculator's worker alone, on an empty page"
    alone = rows[name]
    assert (alone.baseline, alone.ours, alone.ratio) == ("2,000 ms", "2,040 ms", "1.02×")
    measures = list(rows)
    assert measures.index("Cold answer") + 1 == measures.index(name)


def test_a_throttled_network_says_what_it_emulates():
    assert str(bench.Network(20.0)) == "20 Mbit/s down, 100 ms latency (emulated)"
    assert str(bench.Network(1.5, latency_ms=300)) == "1.5 Mbit/s down, 300 ms latency (emulated)"


def test_long_frames_judge_the_calculators_own_scripts_in_every_run():
    name = "… of which the calculator's own scripts, most in one frame"
    rows = table_rows(calculator_frame_ms={"ours": [12.0, 20.0, 48.0], "without": [3.0]})
    own = rows[name]
    assert own.baseline == "article without widget 3 ms"
    assert (own.ours, own.met) == ("20 ms (worst run 48 ms)", "yes")
    assert rows["Longest main-thread task until answer"].met == "–"  # the theme's task, slowed or not
    assert table_rows(calculator_frame_ms={"ours": [12.0, 51.0, 20.0], "without": [3.0]})[name].met == "no"


def test_without_long_frames_the_longest_task_is_judged_against_the_page_alone():
    rows = table_rows(calculator_frame_ms={"ours": [float("nan")], "without": [float("nan")]})
    assert "… of which the calculator's own scripts, most in one frame" not in rows
    assert rows["Longest main-thread task until answer"].met == "yes"  # 60 ms, the page alone 80 ms


def test_each_engine_is_timed_against_its_own_floor():
    firefox = {
        "browser": "Firefox 153.8.0",
        "cold_answer_ms": {
            "floor": [2000.0, 2200.0, float("nan")],  # one answer came before it could be timed
            "ours": [2100.0, 2300.0, 2150.0],
            "worker": [2050.0],
        },
        "warm_answer_ms": {"ours": [900.0, 1000.0]},
        "warm_python_start": {"ours": ["snapshot", "snapshot"]},
    }
    rows = table_rows(engines={"firefox": firefox}, engines_missing={"webkit": "no WebKitWebDriver"})
    cold = rows["Cold answer, Firefox 153.8.0"]
    assert (cold.baseline, cold.ours, cold.ratio, cold.met) == ("2,100 ms", "2,150 ms", "1.02×", "yes")
    alone = rows["… the calculator's worker alone, on an empty page, Firefox 153.8.0"]
    assert (alone.ours, alone.ratio) == ("2,050 ms", "0.98×")
    warm = rows["Warm answer (2nd visit), Firefox 153.8.0"]
    assert (warm.ours, warm.ratio, warm.met) == ("950 ms (2/2 from snapshot)", "0.45× of cold floor", "yes")
    assert rows["webkit: not measured"].ours == "no WebKitWebDriver"
    assert rows["Cold answer"].ours == "2,100 ms"  # Chromium's rows keep their names


def test_engines_are_named_on_the_command_line():
    assert bench.parse_engines("firefox, webkit") == ["firefox", "webkit"]
    assert bench.parse_engines("") == []
    with pytest.raises(argparse.ArgumentTypeError, match="unknown engine safari"):
        bench.parse_engines("firefox,safari")


PROBES = re.findall(
    r"^export (?:async )?function (\w+)\(", (_pages.PAGES_DIR / "probes.js").read_text(), re.MULTILINE
)


@pytest.mark.parametrize("name", PROBES)
def test_each_probe_is_sent_as_its_function_with_the_module_around_it(name):
    check = f"const f = {_pages.probe(name)};\n"
    check += f"if (typeof f !== 'function' || f.name !== {name!r}) process.exit(3);"
    assert subprocess.run(["node", "-e", check], check=False).returncode == 0


def test_the_probes_cover_what_the_bench_runs_in_pages():
    assert {"observe", "observed", "answered", "answerAt", "roundTrips", "newRegions", "pythonStart"} <= set(
        PROBES
    )
    assert {"snapshotSettled", "snapshotSettles"} <= set(PROBES)
    with pytest.raises(ValueError, match="exports no function shown"):
        _pages.probe("shown")  # a helper of the module, not a probe


def test_the_observer_names_the_calculators_scripts_and_runs_where_there_is_no_page():
    script = _pages.observer_script()
    pattern = re.search(r'\)\("(.+)"\);$', script)
    assert pattern is not None
    ours = re.compile(pattern[1].replace("\\\\", "\\"))
    assert ours.search("/second-date/assets/javascripts/calculator.js?v=1a2b")
    assert ours.search("/second-date/assets/javascripts/offline.js")
    assert not ours.search("/second-date/assets/javascripts/bundle.f1a2.min.js")
    assert subprocess.run(["node", "-e", script], check=False).returncode == 0


def test_page_scripts_are_filled_exactly():
    with pytest.raises(ValueError, match=r"fills \['lock', 'runtime'\]"):
        _pages.filled_script("floor.js", {"runtime": "assets/pyodide/1/"})
    script = _pages.filled_script("floor.js", {"runtime": "a/</script>", "lock": "b"})
    assert "</script>" not in script
    assert '"a/<\\/script>"' in script


def test_results_table_judges_my_interviews_list_and_its_scripts():
    rows = table_rows(
        interviews_listed_ms=[150.0, 250.0, 180.0],
        interviews_script_gzip=[19_000, 19_000, 19_000],
        interviews_worker_script_gzip=[5_700],
    )
    listed = rows["My interviews: 200 listed with dates, after ready"]
    assert (listed.ours, listed.target, listed.met) == ("180 ms", "≤ 200 ms", "yes")
    scripts = rows["… the page's own scripts (gzip -9)"]
    assert (scripts.baseline, scripts.ours, scripts.met) == (
        "the worker's own 5.7 KB besides",
        "19.0 KB",
        "yes",
    )
    assert (
        table_rows(interviews_listed_ms=[201.0], interviews_script_gzip=[21_000])[
            "… the page's own scripts (gzip -9)"
        ].met
        == "no"
    )


def test_the_runtimes_bytes_are_judged_and_the_calculators_counted_beyond_its_own():
    rows = table_rows(
        bytes_gzip={"floor": [6_300_000], "ours": [4_380_000], "without": [115_000]},
        runtime_bytes_gzip={"floor": [6_300_000], "ours": [4_210_000], "without": [0]},
    )
    cold = rows["Bytes, cold visit (gzip -9)"]
    assert (cold.ratio, cold.met) == ("1,920 KB under floor", "yes")
    runtime = rows["… of which the Python runtime (Pyodide, standard library)"]
    assert (runtime.baseline, runtime.ours, runtime.ratio) == ("floor 6,300 KB", "4,210 KB", "0.67×")
    assert (runtime.target, runtime.met) == ("≤ 4800 KB", "yes")
    beyond = rows["… of which the calculator beyond the runtime"]
    assert (beyond.baseline, beyond.ours) == ("ours − without widget − our runtime", "55 KB")
    assert (
        table_rows(runtime_bytes_gzip={"floor": [6_300_000], "ours": [4_900_000]})[
            "… of which the Python runtime (Pyodide, standard library)"
        ].met
        == "no"
    )


def test_the_saved_interviews_the_bench_lists_plan_over_many_regions(table):
    saved = bench.saved_interviews(table)
    assert len(saved) == 200
    assert len({interview["id"] for interview in saved}) == 200
    assert len({interview["fields"]["region"] for interview in saved}) > 100
    assert {"id", "label", "fields", "saved", "updated", "outcome"} == set(saved[0])
    for interview in saved:  # every one plans: the bench times a list of dates, not of errors
        plan_from_fields({**interview["fields"], "today": interview["fields"]["interviewed"]}, table)


def test_only_the_runtimes_files_count_as_the_runtime():
    urls = [
        "http://127.0.0.1:1/second-date/assets/pyodide/314.0.7/pyodide.asm.wasm",
        "http://127.0.0.1:1/second-date/assets/pyodide/314.0.7/pyodide.mjs",
        "http://127.0.0.1:1/second-date/assets/calculator/abc/python_stdlib.zip",
        "http://127.0.0.1:1/second-date/assets/calculator/abc/calculator-0.1.0-py3-none-any.whl.gz",
        "http://127.0.0.1:1/second-date/assets/javascripts/calculator-worker.js?v=1",
    ]
    assert runtime_urls(urls) == urls[:3]


def test_on_an_emulated_network_the_cold_answer_must_beat_the_floor():
    metrics = {"cold_answer_ms": {"floor": [8000.0], "ours": [7200.0]}}
    slow = table_rows(**metrics, network_mbps=20.0)["Cold answer"]
    assert (slow.ratio, slow.target, slow.met) == ("0.90×", "≤ 0.85 × cold floor", "no")
    here = table_rows(**metrics)["Cold answer"]
    assert (here.target, here.met) == ("≤ 1.10 × cold floor", "yes")


def test_results_table_shows_the_region_data():
    metrics = {
        "cold_answer_ms": {"floor": [1000.0], "ours": [1050.0]},
        "round_trip_ms": {"ours": [12.0]},
        "region_answer_ms": {"ours": [40.0, 60.0, 50.0]},
        "region_sizes": {
            "wheel": 34_237,
            "index_gzip": 17_858,
            "region_gzip_median": 600,
            "region_gzip_largest": 1_151,
            "largest": "IN-PB",
        },
        "region_build_s": [4.2],
        "region_build_cpu_s": [3.9],
        "region_rebuild_s": [0.012],
    }
    rows = {row.measure: row for row in bench.results_table({"metrics": metrics})}
    wheel = rows["Wheel (gzipped whole, as served)"]
    assert (wheel.ours, wheel.met) == ("34.2 KB", "yes")
    region = rows["One region's file (gzip -9)"]
    assert (region.ours, region.baseline, region.met) == ("largest 1.2 KB (IN-PB)", "median 0.6 KB", "yes")
    assert rows["Region index (gzip -9)"].met == "yes"
    warm = rows["First answer, region not yet fetched, runtime warm"]
    assert (warm.ours, warm.baseline) == ("50 ms", "round trip 12 ms")
    assert rows["First answer, region not yet fetched, runtime cold"].ours == "1,050 ms"
    assert rows["Region data, full generation"].ours == "4.2 s (CPU 3.9 s)"
    assert (rows["Region data, rebuild (cached)"].ours, rows["Region data, rebuild (cached)"].met) == (
        "12 ms",
        "yes",
    )


def test_the_regions_asked_about_each_change_the_answer(region_data, tmp_path: Path):
    from bench._regions import region_asks, region_sizes  # noqa: PLC0415 (the bench's region part)

    regions = tmp_path / "assets" / "regions"
    regions.mkdir(parents=True)
    (regions / region_data.version).symlink_to(region_data.directory, target_is_directory=True)
    asks = region_asks(tmp_path)
    assert len(asks) == 3
    assert len({code for code, _ in asks}) == 3
    assert all(first[1] != second[1] for first, second in itertools.pairwise(asks))
    (tmp_path / "assets" / "calculator" / "abc").mkdir(parents=True)
    wheel = tmp_path / "assets" / "calculator" / "abc" / "calculator-0.1.0-py3-none-any.whl.gz"
    wheel.write_bytes(b"w" * 100)
    sizes = region_sizes(tmp_path)
    assert sizes["wheel"] == 100
    assert 0 < sizes["region_gzip_median"] <= sizes["region_gzip_largest"] <= 5_000 < sizes["index_gzip"]
