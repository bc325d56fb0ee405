import ast
import re
from pathlib import Path

import bench
import build_tools
import calculator
import devtools


def test_public_api_is_pinned():
    assert calculator.__all__ == [
        "CHANNELS",
        "DEFAULT_SPAN",
        "DETAIL_FIELDS",
        "EMAILS",
        "PENDING",
        "PROTOCOL_VERSION",
        "REPLY_KINDS",
        "REPLY_UNITS",
        "BadRequestError",
        "CalculatorError",
        "ChannelNotUnderstoodError",
        "Choice",
        "DetailField",
        "Details",
        "FieldError",
        "HolidayTable",
        "InvalidDateError",
        "MissingFieldError",
        "OutsideTableError",
        "Pending",
        "PendingNotUnderstoodError",
        "Plan",
        "Region",
        "RegionDataMissingError",
        "RegionInfo",
        "Reply",
        "ReplyBeforeInterviewError",
        "ReplyNotUnderstoodError",
        "SpanTooLongError",
        "Step",
        "TextTooLongError",
        "UnknownRegionError",
        "add_region",
        "default_table",
        "google_calendar_url",
        "handle_request",
        "make_plan",
        "parse_details",
        "parse_pending",
        "parse_reply",
        "plan_from_fields",
        "plan_to_dict",
        "region_files_needed",
        "regions",
        "to_ics",
        "use_region_codes",
        "use_region_index",
        "use_table",
    ]
    for name in calculator.__all__:
        assert hasattr(calculator, name), name


def test_every_error_has_a_stable_distinct_code():
    errors = [getattr(calculator, n) for n in calculator.__all__ if n.endswith("Error")]
    codes = [error.code for error in errors]
    assert len(set(codes)) == len(codes)
    assert all(issubclass(error, calculator.CalculatorError) for error in errors)
    assert issubclass(calculator.CalculatorError, ValueError)


def test_the_core_never_reads_the_clock():
    forbidden = re.compile(
        r"date\.today\(|datetime\.now\(|datetime\.utcnow\(|time\.time\(|^import js$|^from js ", re.MULTILINE
    )
    for path in Path(calculator.__file__).parent.glob("*.py"):
        if path.name == "__main__.py":  # the command line is the clock's edge
            continue
        assert forbidden.search(path.read_text(encoding="utf-8")) is None, path.name


HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def imports_of(path: Path) -> list[ast.ImportFrom | ast.Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom | ast.Import)]


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in imports_of(path):
        if isinstance(node, ast.ImportFrom):
            modules.add(node.module or "")
        else:
            modules |= {alias.name for alias in node.names}
    return modules


def test_build_tools_exports_exactly_what_the_hooks_use():
    assert build_tools.__all__ == [
        "BuildError",
        "Preview",
        "Problem",
        "SiteCalculator",
        "SiteContent",
        "excerpt_source",
        "finish_site",
        "prepare_social_fonts",
        "stop_on_signals",
        "write_cards_unfiltered",
    ]
    assert all(hasattr(build_tools, name) for name in build_tools.__all__)
    used = set()
    for hook in HOOKS.glob("*.py"):
        assert not any(module.startswith("build_tools.") for module in imported_modules(hook)), hook.name
        for node in imports_of(hook):
            if isinstance(node, ast.ImportFrom) and node.module == "build_tools":
                used |= {alias.name for alias in node.names}
    assert used == set(build_tools.__all__)


def test_build_tools_is_only_what_the_build_runs():
    """Every module of build_tools is reached from what the hooks import, and none needs a dev tool."""
    package = Path(build_tools.__file__).parent
    reached, todo = set(), ["__init__"]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        modules = imported_modules(package / f"{name}.py")
        assert not {module.split(".")[0] for module in modules} & {"devtools", "bench", "playwright"}, name
        todo += [module.split(".")[1] for module in modules if module.startswith("build_tools.")]
    assert reached == {path.stem for path in package.glob("*.py")}


def test_the_developer_tools_public_api_is_pinned():
    assert devtools.__all__ == [
        "ENGINES",
        "ENGINE_PACKAGES",
        "Browser",
        "PagesServer",
        "find_chromium",
        "fingerprints",
        "missing_engines",
        "new_article",
        "open_engine",
        "prose_word_count",
        "reader_text",
        "shared_runs",
    ]
    assert all(hasattr(devtools, name) for name in devtools.__all__)


def test_the_benchmarks_public_api_is_pinned():
    assert bench.__all__ == [
        "ARTICLE_SOURCE",
        "BUILD_INPUTS",
        "MEASURES",
        "Metrics",
        "Network",
        "Results",
        "Row",
        "Target",
        "compressed_size",
        "floor_page",
        "format_table",
        "generate_articles",
        "main",
        "median",
        "parse_engines",
        "results_table",
        "saved_interviews",
        "without_widget",
        "worker_page",
    ]
    assert all(hasattr(bench, name) for name in bench.__all__)
