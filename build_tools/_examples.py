"""Worked examples in articles, computed by the calculator at build time.

A line holding only a marker such as::

    <!-- second-date:example interviewed=2026-12-17 reply=1w region=AU-NSW -->

becomes a short worked example whose dates come from the calculator, so the prose
and the calculator cannot disagree. The calculator is called only through its JSON
seam (``handle_request``) and only ``interviewed``, ``reply_expected`` and
``call_on`` are read from its answer.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import calculator
from build_tools._errors import BuildError
from build_tools._problems import Problem

EXAMPLE_MARKER = re.compile(r"^<!-- second-date:example(?P<attrs>(?:[ \t]+[a-z]+=\S+)*)[ \t]*-->[ \t]*$")
_ATTR = re.compile(r"(?P<key>[a-z]+)=(?P<value>\S+)")
_REQUIRED = ("interviewed", "reply")
_KNOWN = frozenset({"interviewed", "reply", "region", "today"})
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SPAN = re.compile(r"(?P<count>\d+)(?P<unit>[dw])")


def long_date(day: date) -> str:
    """``Thursday 17 December 2026``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def say_span(reply: str) -> str:
    """``1w`` as ``a week``, ``5d`` as ``five days``; other text as it was written."""
    match = _SPAN.fullmatch(reply)
    if match is None:
        return reply
    count = int(match["count"])
    unit = "week" if match["unit"] == "w" else "day"
    if count == 1:
        return f"a {unit}"
    spoken = _NUMBERS[count] if count < len(_NUMBERS) else str(count)
    return f"{spoken} {unit}s"


def ask_calculator(fields: dict[str, str]) -> dict[str, Any]:
    """The calculator's answer for ``fields``: its plan, or a ``BuildError`` with its error."""
    answer = json.loads(
        calculator.handle_request(json.dumps({"v": calculator.PROTOCOL_VERSION, "fields": fields}))
    )
    if not answer.get("ok"):
        raise BuildError(f"the calculator refused {fields}: {answer.get('error')}")
    plan: dict[str, Any] = answer["plan"]
    return plan


def parse_marker(attrs: str) -> dict[str, str]:
    """The marker's fields; ``today`` defaults to the interview day."""
    fields = {m["key"]: m["value"] for m in _ATTR.finditer(attrs)}
    unknown = sorted(set(fields) - _KNOWN)
    if unknown:
        raise BuildError(f"unknown example field(s) {unknown}; known: {sorted(_KNOWN)}")
    missing = [key for key in _REQUIRED if key not in fields]
    if missing:
        raise BuildError(f"an example needs {missing}")
    fields.setdefault("today", fields["interviewed"])
    return fields


def render_example(fields: dict[str, str], plan: dict[str, Any]) -> str:
    """The example as a Material admonition."""
    interviewed = date.fromisoformat(plan["interviewed"])
    expected = date.fromisoformat(plan["reply_expected"])
    call_on = date.fromisoformat(plan["call_on"])
    return (
        '!!! example "Worked example"\n\n'
        f"    Interview on **{long_date(interviewed)}**; they say you will hear within"
        f" {say_span(fields['reply'])}, so by **{long_date(expected)}**."
        f" Your day to call: **{long_date(call_on)}**.\n" + _closed_days(plan, after=expected, before=call_on)
    )


def _closed_days(plan: dict[str, Any], after: date, before: date) -> str:
    """The days between the promised answer and the call that did not count, as a list.

    Only worth saying when a public holiday is among them: everyone skips weekends.
    """
    closed = [
        step
        for step in plan["steps"]
        if step["kind"] == "closed" and after < date.fromisoformat(step["date"]) < before
    ]
    if not any("weekend" not in step["text"] for step in closed):
        return ""
    lines = "".join(f"    - {step['text']}\n" for step in closed)
    return f"\n    Days that don't count on the way:\n\n{lines}"


def fill_examples(
    markdown: str, source: str, first_line: int = 1, problems: list[Problem] | None = None
) -> str:
    """Replace every example marker in one page's Markdown.

    ``first_line`` is the file line of the Markdown's first line, so errors name the
    right line of ``source`` even after the front matter has been cut off. A marker the
    calculator cannot answer raises a ``BuildError``; given a ``problems`` list (the
    preview, ``mkdocs serve``), it is added there instead and the marker left out.
    """
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        match = EXAMPLE_MARKER.match(line)
        if match is None:
            continue
        try:
            fields = parse_marker(match["attrs"])
            lines[number] = render_example(fields, ask_calculator(fields))
        except (BuildError, KeyError, ValueError) as error:
            problem = Problem(source, first_line + number, f"worked example: {error}")
            if problems is None:
                raise BuildError(str(problem)) from error
            problems.append(problem)
            lines[number] = ""
    return "\n".join(lines)
