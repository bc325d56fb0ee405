"""Every country: the named cases of issue 16, the matcher, and region files handed over one by one."""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools._region_data import RegionSet
from calculator import (
    PROTOCOL_VERSION,
    HolidayTable,
    RegionDataMissingError,
    UnknownRegionError,
    add_region,
    handle_request,
    plan_from_fields,
    region_files_needed,
    use_region_codes,
    use_region_index,
    use_table,
)
from calculator.__main__ import main
from calculator._table import INDEX_NAME, RegionDataError, default_table


@pytest.mark.parametrize(
    ("interviewed", "reply", "region", "said", "call_on"),
    [
        # Saturday 14 February is a make-up working day; 16-23 February is the Spring Festival.
        pytest.param("2026-02-09", "4d", "CN", "2026-02-13", "2026-02-24", id="china-spring-festival"),
        # Buddha's Birthday falls on Sunday 24 May: the substitute holiday is Monday 25.
        pytest.param("2026-05-20", "2d", "KR", "2026-05-22", "2026-05-27", id="korea-substitute-holiday"),
        pytest.param("2026-11-09", "2d", "AE", "2026-11-11", "2026-11-13", id="uae-saturday-sunday-weekend"),
    ],
)
def test_named_cases(table: HolidayTable, interviewed, reply, region, said, call_on):  # noqa: PLR0913, PLR0917
    fields = {"interviewed": interviewed, "reply": reply, "region": region, "today": interviewed}
    plan = plan_from_fields(fields, table)
    assert (plan.reply_expected.isoformat(), plan.call_on.isoformat()) == (said, call_on)


def test_a_make_up_working_day_counts(table: HolidayTable):
    plan = plan_from_fields(
        {"interviewed": "2026-02-09", "reply": "4d", "region": "CN", "today": "2026-02-09"}, table
    )
    counted = [step for step in plan.steps if step.day.isoformat() == "2026-02-14"]
    assert not any(step.kind == "closed" for step in counted)


@pytest.mark.parametrize(
    "typed",
    [
        "../",
        "../KR",
        "/KR",
        "KR/..",
        "..%2F..%2Fetc",
        "%2e%2e%2f",
        "../AU-NSW.json",
        "x" * 500,
        "<script>",
        "CA-QC.json",
    ],
)
def test_odd_text_is_an_unknown_region_and_asks_for_no_file(table: HolidayTable, typed):
    with pytest.raises(UnknownRegionError) as raised:
        table.code_for(typed)
    assert raised.value.field == "region"
    assert len(raised.value.message) < 300
    request = json.dumps({"v": PROTOCOL_VERSION, "fields": {"region": typed}})
    kept = default_table()
    try:
        use_table(table)
        assert region_files_needed(request) == ""
    finally:
        use_table(kept)


def test_an_exact_code_is_the_matchers_own_answer_without_building_it(region_data: RegionSet):
    table = HolidayTable.from_directory(region_data.directory)
    codes = [info.code for info in table.regions]
    assert [table.code_for(f" {code} ") for code in codes] == codes
    assert "matcher" not in vars(table)  # a cached property, built on first use only
    assert [table.matcher.match(code) for code in codes] == codes


def test_two_places_of_one_code_are_named_both(table: HolidayTable):
    with pytest.raises(UnknownRegionError) as raised:
        table.code_for("SP")
    assert raised.value.suggestions == ("BR-SP", "IT-SP")
    assert "São Paulo, Brazil" in raised.value.message


@pytest.fixture
def worker(region_data: RegionSet) -> Iterator[Path]:
    """The calculator as the browser's worker starts it: the regions' codes and no file yet.

    Gives the folder to hand files over from (:func:`hand_over`); the table before is put back.
    """
    kept = default_table()
    use_region_codes(" ".join(region_data.codes))
    yield region_data.directory
    use_table(kept)


def hand_over(folder: Path, needed: str) -> None:
    """Hand the calculator each file ``needed`` names, as the browser's worker does."""
    for name in needed.split():
        text = (folder / name).read_text(encoding="utf-8")
        if name == INDEX_NAME:
            use_region_index(text)
        else:
            add_region(text)


def test_a_region_named_by_code_needs_its_file_and_not_the_index(worker: Path):
    fields = {"interviewed": "2026-05-20", "reply": "2d", "region": "KR", "today": "2026-05-20"}
    request = json.dumps({"v": PROTOCOL_VERSION, "fields": fields})
    assert region_files_needed(request) == "KR.json"
    answer = json.loads(handle_request(request))
    assert answer["error"]["code"] == RegionDataMissingError.code
    assert "South Korea" not in answer["error"]["message"]  # the code, as asked
    hand_over(worker, "KR.json")
    assert region_files_needed(request) == ""
    plan = json.loads(handle_request(request))["plan"]
    assert (plan["call_on"], plan["region"]["name"], plan["region"]["tz"]) == (
        "2026-05-27",
        "South Korea",
        "Asia/Seoul",
    )
    assert not default_table().indexed


def test_a_region_typed_by_name_needs_the_index_first(worker: Path):
    fields = {"interviewed": "2026-05-20", "reply": "2d", "region": "south korea", "today": "2026-05-20"}
    request = json.dumps({"v": PROTOCOL_VERSION, "fields": fields})
    assert region_files_needed(request) == INDEX_NAME
    answer = json.loads(handle_request(request))
    assert answer["ok"] is False
    assert answer["error"] == {
        "field": "region",
        "code": RegionDataMissingError.code,
        "message": "The list of regions has not loaded yet. Please try again.",
    }
    hand_over(worker, INDEX_NAME)
    assert region_files_needed(request) == "KR.json"
    hand_over(worker, "KR.json")
    assert region_files_needed(request) == ""
    assert json.loads(handle_request(request))["plan"]["call_on"] == "2026-05-27"


@pytest.mark.usefixtures("worker")
def test_an_empty_region_is_the_fields_own_error_without_the_index():
    request = json.dumps(
        {
            "v": PROTOCOL_VERSION,
            "fields": {"interviewed": "2026-05-20", "today": "2026-05-20", "region": " "},
        }
    )
    assert region_files_needed(request) == ""
    error = json.loads(handle_request(request))["error"]
    assert (error["field"], error["code"]) == ("region", "missing_field")


def test_each_region_file_names_its_region_as_the_index_does(region_data: RegionSet, table: HolidayTable):
    from_files = HolidayTable.of_codes(region_data.codes)
    for code in region_data.codes:
        from_files.add((region_data.directory / f"{code}.json").read_text(encoding="utf-8"))
        found = from_files.region(code)
        assert (found.name, found.tz) == (table.region(code).name, table.region(code).tz), code
    assert (from_files.first_year, from_files.last_year, from_files.source) == (
        table.first_year,
        table.last_year,
        table.source,
    )


def test_saved_interviews_need_each_ones_region_file_once(worker: Path):
    regions = ["KR", "AU-NSW", "KR", "DE"]
    interviews = [
        {"key": str(n), "fields": {"interviewed": "2026-05-20", "reply": "2d", "region": region}}
        for n, region in enumerate(regions)
    ]
    interviews.append({"key": "no fields"})
    request = json.dumps({"v": PROTOCOL_VERSION, "kind": "interviews", "interviews": interviews})
    assert region_files_needed(request) == "KR.json AU-NSW.json DE.json"
    hand_over(worker, "AU-NSW.json")
    assert region_files_needed(request) == "KR.json DE.json"
    # Names among the codes: the index first, then the files the names turn out to need.
    interviews.append({"key": "by name", "fields": {"region": "south korea"}})
    interviews.append({"key": "no place", "fields": {"region": "not a place"}})
    request = json.dumps({"v": PROTOCOL_VERSION, "kind": "interviews", "interviews": interviews})
    assert region_files_needed(request) == f"KR.json DE.json {INDEX_NAME}"
    hand_over(worker, INDEX_NAME)
    assert region_files_needed(request) == "KR.json DE.json"


def test_the_list_of_regions_needs_the_index(worker: Path, region_data: RegionSet):
    request = json.dumps({"v": PROTOCOL_VERSION, "kind": "regions"})
    assert region_files_needed(request) == INDEX_NAME
    assert json.loads(handle_request(request))["error"]["code"] == RegionDataMissingError.code
    hand_over(worker, INDEX_NAME)
    assert region_files_needed(request) == ""
    assert len(json.loads(handle_request(request))["regions"]) == len(region_data.codes)


def test_a_file_for_other_years_or_another_region_is_refused(region_data: RegionSet, tmp_path: Path):
    table = HolidayTable.from_directory(region_data.directory)
    korea = json.loads((region_data.directory / "KR.json").read_text(encoding="utf-8"))
    with pytest.raises(RegionDataError):
        table.add(json.dumps({**korea, "years": [1999, 2000]}))
    with pytest.raises(RegionDataError):
        table.add(json.dumps({**korea, "code": "XX"}))
    with pytest.raises(RegionDataError):
        HolidayTable.from_directory(tmp_path)


def test_list_regions(capsys, region_data: RegionSet):
    assert main(["--list-regions", "--regions", str(region_data.directory)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(region_data.codes)
    assert "CA-QC\tQuebec, Canada\tAmerica/Toronto" in lines
    assert all(len(line.split("\t")) == 3 for line in lines)


def test_the_command_line_without_region_data_says_what_to_do(capsys, tmp_path: Path):
    argv = ["--interviewed", "2026-05-20", "--region", "KR", "--regions", str(tmp_path)]
    assert main(argv) == 1
    assert "make setup" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        pytest.param("que", "CA-QC", id="a-name-begun"),
        pytest.param("Québec", "CA-QC", id="a-name-in-full"),
        pytest.param("wales", "GB-WLS", id="a-word-of-a-name"),
        pytest.param("ca", "CA", id="a-code-before-names-that-start-with-it"),
        pytest.param("south k", "KR", id="south-korea-begun"),
        pytest.param("Quebek", "CA-QC", id="a-near-spelling"),
    ],
)
def test_the_pickers_options_come_from_the_same_matcher(table: HolidayTable, typed, first):
    options = table.matcher.options(typed)
    assert options[0] == first
    assert len(options) <= 8
    assert len(set(options)) == len(options)


def test_odd_text_offers_nothing(table: HolidayTable):
    for typed in ("", "   ", "x" * 500):
        assert table.matcher.options(typed) == ()
    for typed in ("../", "../KR"):  # no code, no name: only near spellings, if any
        assert table.matcher.options(typed, near=False) == ()


def test_offering_options_leaves_the_matcher_as_it_was(table: HolidayTable):
    for _ in range(3):
        table.matcher.options("Québec")
    assert table.code_for("Québec") == "CA-QC"


def test_asking_which_file_a_typo_needs_makes_no_suggestions(region_data: RegionSet):
    # The worker asks before every answer: a typo's suggestions (difflib) wait for the answer,
    # which is where the pruned standard library's fallback can catch a missing module.
    script = (
        "import sys, json, pathlib, calculator;"
        f"calculator.use_table(calculator.HolidayTable.from_directory(pathlib.Path({str(region_data.directory)!r})));"
        f"request = json.dumps({{'v': {PROTOCOL_VERSION}, 'fields': {{'region': 'Austrlia'}}}});"
        "print(repr(calculator.region_files_needed(request)), 'difflib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["''", "False"]
