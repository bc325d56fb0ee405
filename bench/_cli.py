"""The command line: build, serve, measure, print the table, write the JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
from dataclasses import astuple
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

import bench
from bench._builds import build_sites, time_builds
from bench._chromium import UNTHROTTLED, Network
from bench._engines import measure_engines
from bench._measures import results_table
from bench._metrics import Machine, Results
from bench._page_runs import measure_pages
from bench._pages import QUESTION, floor_into
from bench._regions import region_sizes, time_region_data
from bench._rows import HEADERS, format_table
from build_tools._paths import PROJECT_ROOT
from devtools import ENGINES, PagesServer


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)  # noqa: T201


def _machine() -> Machine:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text(encoding="utf-8"))
        model = found.group(1).strip() if found else ""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def _measure_sites(results: Results, args: argparse.Namespace, network: Network | None) -> None:
    """Build the site and its copy without the widget, serve both, and take the browser measures."""
    with tempfile.TemporaryDirectory(prefix="second-date-bench-") as scratch:
        root = Path(scratch)
        ours = PagesServer(root / "ours")
        bare = PagesServer(root / "bare")
        try:
            _log("building the site, and a copy without the widget…")
            build_sites(root, ours.site_dir, ours.url, bare.site_dir, bare.url)
            floor_into(ours.site_dir)
            results["metrics"]["region_sizes"] = region_sizes(ours.site_dir)
            with ours.serving(), bare.serving(), sync_playwright() as playwright:
                results["metrics"] |= measure_pages(
                    playwright, ours, bare, runs=args.runs, log=_log, network=network
                )
                if args.engines and network is not None:
                    _log("Firefox and WebKit not measured: --throttle slows Chromium only")
                elif args.engines:
                    results["metrics"] |= measure_engines(
                        ours.url, engines=args.engines, runs=args.runs, log=_log
                    )
        finally:
            ours.close()
            bare.close()


def run(args: argparse.Namespace) -> Results:
    """Build, serve, measure; the results (also written to ``args.out``)."""
    network = Network(args.throttle, args.latency) if args.throttle else None
    results: Results = {
        "machine": _machine(),
        "load_before": os.getloadavg(),
        "runs": args.runs,
        "build_runs": args.build_runs,
        "question": QUESTION,
        "compression": "gzip level 9 of each file fetched (HTTP 200) in a cold visit",
        "python_dont_write_bytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        "network": str(network or UNTHROTTLED),
        "metrics": {},
    }
    if not args.skip_pages:
        _measure_sites(results, args, network)
    if args.articles:
        results["metrics"] |= time_builds(args.articles, args.build_runs, _log)
    if args.region_runs:
        results["metrics"] |= time_region_data(date.today().year, args.region_runs, _log)  # noqa: DTZ011
    results["load_after"] = os.getloadavg()
    results["table"] = [dict(zip(HEADERS, astuple(row), strict=True)) for row in results_table(results)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return results


def _counts(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse_engines(text: str) -> list[str]:
    """``--engines``: a comma-separated list of engine names, each one of ``devtools.ENGINES``."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(names) - set(ENGINES))
    if unknown:
        msg = f"unknown engine {', '.join(unknown)}: choose from {', '.join(ENGINES)}"
        raise argparse.ArgumentTypeError(msg)
    return names


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=bench.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=5, help="page runs (each: floor and ours, cold and warm)")
    parser.add_argument("--build-runs", type=int, default=1, help="runs of each article-count build")
    parser.add_argument(
        "--articles", type=_counts, default=[1, 10, 100], help="generated article counts, e.g. 1,10,100"
    )
    parser.add_argument("--skip-pages", action="store_true", help="only time the builds")
    parser.add_argument(
        "--region-runs", type=int, default=1, help="times to generate every region's file (0: none)"
    )
    parser.add_argument(
        "--throttle", type=float, default=0.0, help="emulate a network of this many Mbit/s down (0: none)"
    )
    parser.add_argument(
        "--latency", type=float, default=100.0, help="with --throttle: round-trip latency, ms"
    )
    parser.add_argument(
        "--engines",
        type=parse_engines,
        default=list(ENGINES),
        help="engines besides Chromium to time the answer in, e.g. firefox,webkit ('' for none)",
    )
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench-results" / "bench.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark, print the table, write the JSON."""
    args = _parser().parse_args(argv)
    results = run(args)
    machine = results["machine"]
    print(format_table(results_table(results)))  # noqa: T201
    print(  # noqa: T201
        f"\n{machine['cpus']} CPUs ({machine['cpu_model']}), {machine['system']}, "
        f"Chromium {results['metrics'].get('browser', '–')}; load average before "
        f"{results['load_before'][0]:.2f}, after {results['load_after'][0]:.2f}; "
        f"runs: {results['runs']} (medians); network: {results['network']}; JSON: {args.out}"
    )
    return 0
