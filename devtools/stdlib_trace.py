"""Trace the standard library the calculator's worker uses: ``make stdlib-trace``.

Writes ``build_tools/pruned-stdlib.txt``, the files of Pyodide's ``python_stdlib.zip`` a
build puts in the site's pruned zip (see ``build_tools/_stdlib.py``), in four steps:

1. The corpus: the calculator's own tests run with a recorder (``devtools.stdlib_corpus``,
   hypothesis seeded, so a rerun draws the same examples), which keeps every request they
   put to it: every table case, parity case, error path and fuzz example.
2. The trace: the worker's steps in Pyodide under Node (``devtools/stdlib_trace.mjs``), with
   the runtime's full zip, the region data a build makes today and the ``tzdata`` package's
   zone files, answer every request; the files every module came from are listed.
3. The proof: a zip of just those files, made as a build makes it (minified), answers every
   request again, each with the same text, and no import fails.
4. The list is written, naming the runtime and its zip's hash: a build refuses a list traced
   with another runtime.

Run it again when the pinned Pyodide changes (the build says so) or when the calculator or
the worker import something new (the tests and the worker's console say so), and review
the list's diff.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from build_tools._paths import CACHE_DIR, PROJECT_ROOT
from build_tools._region_data import build_years, region_set
from build_tools._runtime import find_runtime
from build_tools._stdlib import LIST_PATH, STDLIB_ZIP, StdlibList, file_sha256, make_pruned_zip
from build_tools._wheel import build_wheel
from devtools.stdlib_corpus import CORPUS_VARIABLE

NODE_SCRIPT = Path(__file__).with_name("stdlib_trace.mjs")
#: The tests whose requests make the corpus: every test module that imports the calculator.
TEST_DIR = PROJECT_ROOT / "tests" / "unit"
#: Where the last corpus recorded is kept (``--reuse-corpus`` reads it).
CORPUS_CACHE = CACHE_DIR / "stdlib-corpus.json"
#: Requests longer than this are left out of the corpus. The page's are a few hundred bytes;
#: the tests' 100,000-deep nesting overflows the JavaScript stack under Pyodide, which then
#: stops for good (CPython answers it with an error).
LONGEST_REQUEST = 10_000


@dataclass(frozen=True, slots=True)
class NodeRun:
    """What the worker's Python did under Node with one standard-library zip."""

    #: The zip's files it loaded, sorted.
    files: tuple[str, ...]
    #: The SHA-256 of each answer's text, in the corpus's order ("" where it failed).
    answers: tuple[str, ...]
    #: The requests that raised: ``{"index", "type", "message"}``.
    failures: tuple[dict[str, object], ...]
    #: How many answers were answers (``"ok": true``), not error answers.
    planned: int


@dataclass(frozen=True, slots=True)
class WorkerFiles:
    """What the worker installs besides the runtime: the wheel, the region data, the lock file."""

    #: The wheel, as built (``.whl``) or as the site serves it (``.whl.gz``).
    wheel: Path
    #: A folder of region data as the site publishes it (``index.json``, one file per region).
    regions: Path
    #: The lock file Pyodide reads: the runtime's own when None.
    lock: Path | None = None


def run_node(runtime_dir: Path, stdlib_zip: Path, files: WorkerFiles, requests: Sequence[str]) -> NodeRun:
    """Run ``requests`` through the worker's Python in Pyodide under Node, from ``stdlib_zip``.

    The time zone files are the ``tzdata`` package's, as the site's are.

    Raises:
        RuntimeError: the Node script failed (its stderr's end in the message).
    """
    zoneinfo = Path(str(resources.files("tzdata").joinpath("zoneinfo")))
    with tempfile.TemporaryDirectory(prefix="second-date-trace-") as scratch:
        corpus = Path(scratch) / "corpus.json"
        corpus.write_text(json.dumps(list(requests), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(  # noqa: S603 (our own script, our own arguments)
            [  # noqa: S607 (the Node.js on the PATH, as npm's)
                "node",
                str(NODE_SCRIPT),
                *map(str, (runtime_dir, stdlib_zip, files.wheel, corpus, files.regions, zoneinfo)),
                *([str(files.lock)] if files.lock else []),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        msg = f"{NODE_SCRIPT.name} failed ({done.returncode}):\n{done.stderr[-4000:]}"
        raise RuntimeError(msg)
    result = json.loads(done.stdout)
    return NodeRun(
        files=tuple(result["files"]),
        answers=tuple(result["answers"]),
        failures=tuple(result["failures"]),
        planned=result["planned"],
    )


def calculator_tests(test_dir: Path = TEST_DIR) -> list[Path]:
    """The test modules that put requests to the calculator (they import it)."""
    return sorted(
        path
        for path in test_dir.glob("test_*.py")
        if any(
            line.startswith(("from calculator", "import calculator"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    )


def record_corpus(target: Path = CORPUS_CACHE) -> list[str]:
    """Run the calculator's tests with the recorder; every request they made, in order.

    The corpus is kept in ``target``; requests longer than :data:`LONGEST_REQUEST` are left out.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "devtools.stdlib_corpus",
        "-p",
        "no:cacheprovider",
        "--hypothesis-seed=0",
        *map(str, calculator_tests()),
    ]
    env = {**os.environ, CORPUS_VARIABLE: str(target)}
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=True)  # noqa: S603 (our own tests)
    return read_corpus(target)


def read_corpus(path: Path = CORPUS_CACHE) -> list[str]:
    """A recorded corpus, without requests longer than :data:`LONGEST_REQUEST`."""
    requests: list[str] = json.loads(path.read_text(encoding="utf-8"))
    return [request for request in requests if len(request) <= LONGEST_REQUEST]


def _differences(full: NodeRun, pruned: NodeRun, requests: Sequence[str]) -> list[str]:
    problems = [
        f"with the pruned zip, request {f['index']} raised {f['type']}: {f['message']}"
        for f in pruned.failures
    ]
    problems += [
        f"request {index} was answered differently: {requests[index][:200]}"
        for index, (a, b) in enumerate(zip(full.answers, pruned.answers, strict=True))
        if a != b
    ]
    return problems


def trace(list_path: Path = LIST_PATH, *, reuse_corpus: bool = False) -> StdlibList:
    """Record the corpus (or reuse the last one), trace it, prove the pruned zip on it, write the list."""
    runtime = find_runtime()
    full_zip = runtime.directory / STDLIB_ZIP
    if reuse_corpus:
        requests = read_corpus()
    else:
        print("recording the calculator's tests' requests…", file=sys.stderr)  # noqa: T201
        requests = record_corpus()
    regions = region_set(*build_years(date.today().year)).directory  # noqa: DTZ011 - the build's clock
    with tempfile.TemporaryDirectory(prefix="second-date-trace-") as scratch:
        wheel = build_wheel(Path(scratch))
        print(f"tracing {len(requests):,} requests in Pyodide under Node…", file=sys.stderr)  # noqa: T201
        files = WorkerFiles(wheel, regions)
        full = run_node(runtime.directory, full_zip, files, requests)
        if full.failures:
            msg = f"the calculator failed with the full standard library: {full.failures[:3]}"
            raise RuntimeError(msg)
        pruned_zip = Path(scratch) / STDLIB_ZIP
        pruned_zip.write_bytes(make_pruned_zip(full_zip, full.files))
        print("answering them again with the pruned zip…", file=sys.stderr)  # noqa: T201
        pruned = run_node(runtime.directory, pruned_zip, files, requests)
        problems = _differences(full, pruned, requests)
    if problems:
        raise RuntimeError("the pruned zip does not answer as the full one:\n" + "\n".join(problems[:10]))
    listed = StdlibList(
        pyodide=runtime.version,
        stdlib_sha256=file_sha256(full_zip),
        requests=len(requests),
        files=full.files,
    )
    list_path.write_text(listed.to_text(), encoding="utf-8")
    return listed


def main(argv: list[str] | None = None) -> int:
    """Command line: trace, write the list, say what it holds."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=LIST_PATH, help="where to write the list")
    parser.add_argument(
        "--reuse-corpus", action="store_true", help=f"use the corpus recorded last ({CORPUS_CACHE})"
    )
    args = parser.parse_args(argv)
    listed = trace(args.out, reuse_corpus=args.reuse_corpus)
    print(  # noqa: T201
        f"{args.out}: {len(listed.files)} files of Pyodide {listed.pyodide}'s standard library, "
        f"traced over {listed.requests:,} requests; review the diff and commit it"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
