"""The pruned standard library the built site ships: the listed files, beside the wheel, kept
offline instead of the full one, and answering under Node exactly as the full one does."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from build_tools._runtime import find_runtime
from build_tools._stdlib import STDLIB_ZIP, read_list
from calculator import PROTOCOL_VERSION
from devtools.stdlib_trace import WorkerFiles, run_node
from tests.cases import parity_fields
from tests.conftest import pruned_stdlib_of
from tests.stdlib_cases import comparison_fields

#: Requests no form sends, whose answers go through other paths of the calculator.
RAW_REQUESTS = [
    json.dumps({"v": PROTOCOL_VERSION, "kind": "regions"}),
    json.dumps(
        {"v": PROTOCOL_VERSION, "kind": "zones", "fields": {"region": "AU-NSW", "tz": "Europe/London"}}
    ),
    "not json",
    "[1, 2]",
    json.dumps({"v": PROTOCOL_VERSION - 1, "fields": {}}),
]


def test_the_site_ships_the_listed_files_beside_the_wheel(built_site: Path) -> None:
    pruned = pruned_stdlib_of(built_site)
    assert list(pruned.parent.glob("*.whl.gz"))
    assert (pruned.parent / "pyodide-lock.json").is_file()
    with zipfile.ZipFile(pruned) as archive:
        files = {name for name in archive.namelist() if not name.endswith("/")}
    # Each listed module as the runtime's bytecode (build_tools/_bytecode.py), other files as they are.
    assert files == {name + "c" if name.endswith(".py") else name for name in read_list().files}
    full = built_site / "assets" / "pyodide" / find_runtime().version / STDLIB_ZIP
    assert full.read_bytes() == (find_runtime().directory / STDLIB_ZIP).read_bytes()  # the fallback


def test_the_service_worker_keeps_the_pruned_library_not_the_full_one(built_site: Path) -> None:
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    line = re.search(r"^const MANIFEST = (.*);$", source, re.MULTILINE)
    assert line
    kept = [name for name in json.loads(line.group(1))["calculator"] if name.endswith(STDLIB_ZIP)]
    assert kept == [pruned_stdlib_of(built_site).relative_to(built_site).as_posix()]


def test_the_pruned_library_answers_as_the_full_one_under_node(built_site: Path) -> None:
    pruned = pruned_stdlib_of(built_site)
    (wheel,) = pruned.parent.glob("*.whl.gz")
    runtime = built_site / "assets" / "pyodide" / find_runtime().version
    requests = [json.dumps({"v": PROTOCOL_VERSION, "fields": fields}) for fields in comparison_fields()]
    lock = pruned.parent / "pyodide-lock.json"
    regions = json.loads((pruned.parent / "regions.json").read_text(encoding="utf-8"))
    files = WorkerFiles(wheel, built_site / "assets" / "regions" / regions["version"], lock)
    full = run_node(runtime, runtime / STDLIB_ZIP, files, requests + RAW_REQUESTS)
    trimmed = run_node(runtime, pruned, files, requests + RAW_REQUESTS)
    assert (full.failures, trimmed.failures) == ((), ())
    assert full.planned >= len(parity_fields())  # answers, not a wall of error answers
    assert trimmed.answers == full.answers
    # Loaded as bytecode (x.pyc) what the list names as source (x.py).
    assert {name.removesuffix("c") if name.endswith(".pyc") else name for name in trimmed.files} <= set(
        read_list().files
    )
