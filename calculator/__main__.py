"""Command line: ``python -m calculator --interviewed 2026-12-17 --reply 1w --region AU-NSW``.

Prints a readable plan, or with ``--json`` the same object the page gets; with
``--list-regions``, every region it knows, one a line: code, name, time zone (tab-separated).
Bad input: a message on stderr naming the field, exit status 2. No region data: exit
status 1. Output cut short by the reader (``| head``): exit status 141, quietly. This is the
I/O edge, so ``--today`` defaults to the computer's date, and the region data is found here:
``--regions DIR``, else ``$SECOND_DATE_REGIONS``, else ``_regions/`` beside the package, else
the set the last build or ``make setup`` generated in a source checkout
(``.cache/second-date/regions/current``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from calculator._clocks import both_clocks
from calculator._errors import CalculatorError
from calculator._export import plan_to_dict
from calculator._law import reply_deadline
from calculator._plan import Plan
from calculator._request import plan_from_fields
from calculator._table import BESIDE, HolidayTable, RegionDataError, use_table

EXIT_NO_DATA = 1
EXIT_BAD_INPUT = 2
#: Whoever read the output stopped early (``| head``): 128 + SIGPIPE, as the shell reports it.
EXIT_BROKEN_PIPE = 141


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="When to call after a job interview, and why.",
    )
    parser.add_argument("--interviewed", help="interview date, YYYY-MM-DD[THH:MM]")
    parser.add_argument("--reply", default="", help="what they said: 5d, 1w, 10bd, YYYY-MM-DD, eow or none")
    parser.add_argument(
        "--region", help="where the employer is: a code or a name (AU-NSW, QC, Québec, south korea…)"
    )
    parser.add_argument("--pending", default="", help="comma-separated: references,background,clearance,hr,…")
    parser.add_argument("--channel", default="phone", help="phone (default) or email")
    parser.add_argument(
        "--today", default="", help="today's date, YYYY-MM-DD (default: this computer's date)"
    )
    parser.add_argument("--considering", default="", help="a day you have in mind to call: is it too soon?")
    details = parser.add_argument_group("for the words to say (optional)")
    details.add_argument("--name", default="", help="your name, to sign with")
    details.add_argument("--interviewer", default="", help="the interviewer's name, to greet")
    details.add_argument("--role", default="", help="the job, e.g. 'data analyst'")
    details.add_argument("--company", default="", help="the employer's name")
    details.add_argument(
        "--tz", default="", help="your time zone, e.g. Europe/London: the window on your clock too"
    )
    details.add_argument(
        "--missed",
        nargs="?",
        const="yes",
        default="",
        help="they missed the date they gave: word the texts for it",
    )
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    parser.add_argument(
        "--list-regions", action="store_true", help="print every region: code, name, time zone"
    )
    parser.add_argument("--regions", default="", metavar="DIR", help="the folder of region data to read")
    return parser


def region_folder(given: str = "") -> Path:
    """Where the region data is: ``given``, ``$SECOND_DATE_REGIONS``, beside the package, or the cache."""
    if given or os.environ.get("SECOND_DATE_REGIONS"):
        return Path(given or os.environ["SECOND_DATE_REGIONS"])
    if BESIDE.is_dir():
        return BESIDE
    return Path(__file__).resolve().parent.parent / ".cache" / "second-date" / "regions" / "current"


def list_regions(table: HolidayTable) -> str:
    """Every region, one a line: code, name and time zone, separated by tabs."""
    return "\n".join(f"{info.code}\t{info.name}\t{info.tz}" for info in table.regions)


def render(plan: Plan) -> str:
    """The plan as text for a terminal."""
    lines = [
        f"Call on {plan.call_on:%a %d %b %Y} ({plan.region.code}, {plan.region.name})",
        (
            f"Best day: {plan.best_day:%a %d %b %Y}, "
            f"{plan.call_window.start} to {plan.call_window.end} {plan.call_window.tz}"
        ),
        f"Thank-you note by: {plan.thank_you_by:%a %d %b %Y}",
        f"How: {plan.advice.headline}",
        f"When: {both_clocks(plan.call_on, plan.call_window, plan.details.zone).text}",
        "",
    ]
    lines += [f"  {step.text}\n      {step.why}" for step in plan.steps]
    for item in plan.pending:
        effect = item.effect(timeline_given=plan.reply.timeline_given)
        lines.append(f"\nPending, {item.name}: {effect} {item.note}")
    if plan.too_soon is not None:
        lines.append(f"\n{plan.too_soon.text} {plan.too_soon.why}")
    law = reply_deadline(plan.region.code, plan.interviewed)
    if law is not None:
        lines.append(f"\n{law.text}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """``text`` with control characters escaped: a message echoes what the reader typed."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _emit(text: str) -> int:
    """Print ``text``; a reader that stops reading early (``| head``) is not an error of ours."""
    try:
        sys.stdout.write(f"{text}\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes stdout on the way out: point it nowhere.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.list_regions and not (args.interviewed and args.region):
        parser.error("the following arguments are required: --interviewed, --region")
    try:
        table = HolidayTable.from_directory(region_folder(args.regions))
    except RegionDataError as error:
        print(f"error: {error}; run `make setup`, or pass --regions DIR", file=sys.stderr)  # noqa: T201
        return EXIT_NO_DATA
    use_table(table)
    if args.list_regions:
        return _emit(list_regions(table))
    fields = {name: str(getattr(args, name)) for name in ("interviewed", "reply", "region", "pending")}
    fields |= {"channel": args.channel, "today": args.today or date.today().isoformat()}  # noqa: DTZ011 - the CLI is the clock's edge
    fields["considering"] = args.considering
    fields |= {
        name: str(getattr(args, name)) for name in ("name", "interviewer", "role", "company", "tz", "missed")
    }
    try:
        plan = plan_from_fields(fields)
    except CalculatorError as error:
        print(f"error: --{error.field or 'input'}: {_one_line(error.message)}", file=sys.stderr)  # noqa: T201
        return EXIT_BAD_INPUT
    return _emit(json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) if args.json else render(plan))


if __name__ == "__main__":
    sys.exit(main())
