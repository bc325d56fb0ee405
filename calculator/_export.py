"""The plan as JSON-ready data: dates as ISO strings, steps as data, never HTML.

Keys (the page and the CLI's ``--json`` rely on them):

- ``interviewed``, ``interview_ended`` (``HH:MM`` or null), ``today``: the inputs back.
- ``region``: ``{code, name, tz}``; ``reply``: ``{kind, count, named, text}``.
- ``thank_you_by``, ``reply_expected``, ``call_on``, ``best_day``: ISO dates.
- ``days_until_call``: ``call_on`` minus ``today`` in days (negative once passed).
- ``call_window``: ``{start, end, tz, note, source}``, times ``HH:MM`` employer local time.
- ``next_follow_up``: one object ``{date, text, source, last}``; ``last`` is always true,
  because after it the advice is to stop.
- ``channel``: ``{method, headline, tips, sources}``; ``method`` is phone, email or recruiter.
- ``pending``: ``[{code, name, note, sources, effect, extra_working_days}]``.
- ``steps``: ``[{date, kind, text, why, source}]`` in date order of the reasoning.
- ``too_soon``: ``{date, verdict, text, why, suggest}`` or null when no day was given.
- ``holidays``: ``{source, first_year, last_year}``: what the table was made from.
- ``google_calendar_url``: an "Add to Google Calendar" link for the call (from ``_extras``).
- ``text``: the answer's finished sentences by page slot (``calculator._wording.plan_text``):
  the page places them as they are.
- ``glance``, ``clocks``, ``words``, ``law``, ``calendar``: the reader's plan beyond the
  dates, see ``calculator._extras``.

The JSON Schema ``docs/assets/javascripts/calculator/protocol.schema.json`` (``Plan``) is the
one definition of these keys; the unit tests validate plans against it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculator._extras import Extras, extras_to_dict
from calculator._plan import Plan
from calculator._wording import plan_text


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def plan_to_dict(plan: Plan, extras: Extras | None = None) -> dict[str, Any]:
    """The plan as a dict of JSON types, the same in CPython and in Pyodide.

    ``extras`` is ``calculator._extras.extras_of(plan)``, when the caller has it already.
    """
    given = plan.reply.timeline_given
    verdict = plan.too_soon
    return {
        "interviewed": plan.interviewed.isoformat(),
        "interview_ended": None if plan.interview_ended is None else f"{plan.interview_ended:%H:%M}",
        "today": plan.today.isoformat(),
        "region": {"code": plan.region.code, "name": plan.region.name, "tz": plan.region.tz},
        "reply": {
            "kind": plan.reply.kind,
            "count": plan.reply.count,
            "named": _iso(plan.reply.named),
            "text": plan.reply.describe(),
        },
        "thank_you_by": plan.thank_you_by.isoformat(),
        "reply_expected": plan.reply_expected.isoformat(),
        "call_on": plan.call_on.isoformat(),
        "best_day": plan.best_day.isoformat(),
        "days_until_call": plan.days_until_call,
        "call_window": {
            "start": plan.call_window.start,
            "end": plan.call_window.end,
            "tz": plan.call_window.tz,
            "note": plan.call_window.note,
            "source": plan.call_window.source,
        },
        "next_follow_up": {
            "date": plan.next_follow_up.day.isoformat(),
            "text": plan.next_follow_up.text,
            "source": plan.next_follow_up.source,
            "last": True,
        },
        "channel": {
            "method": plan.advice.method,
            "headline": plan.advice.headline,
            "tips": list(plan.advice.tips),
            "sources": list(plan.advice.sources),
        },
        "pending": [
            {
                "code": item.code,
                "name": item.name,
                "note": item.note,
                "sources": list(item.sources),
                "extra_working_days": item.extends_by(timeline_given=given),
                "effect": item.effect(timeline_given=given),
            }
            for item in plan.pending
        ],
        "steps": [
            {"date": s.day.isoformat(), "kind": s.kind, "text": s.text, "why": s.why, "source": s.source}
            for s in plan.steps
        ],
        "too_soon": None
        if verdict is None
        else {
            "date": verdict.day.isoformat(),
            "verdict": verdict.verdict,
            "text": verdict.text,
            "why": verdict.why,
            "suggest": _iso(verdict.suggest),
        },
        "holidays": {
            "source": plan.holiday_source,
            "first_year": plan.holiday_years[0],
            "last_year": plan.holiday_years[1],
        },
        "text": plan_text(plan),
        **extras_to_dict(plan, extras),
    }
