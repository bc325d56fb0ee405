"""The reader's plan beyond the dates, as JSON-ready data: keys ``plan_to_dict`` adds.

- ``glance``: ``[{label, days: [{date, kinds, working_day, holiday, text, short, what}]}]``,
  a row per week, or a row with no days for a run of quiet weeks (``calculator._glance``).
- ``clocks``: ``{employer: {zone, place, date, start, end}, reader: {...} | null, night,
  text, note}`` (``calculator._clocks``): ``text`` is the window in one sentence.
- ``words``: ``{missed, thank_you, call: {opening, question, close, tip}, voicemail: {text,
  seconds, tip}, follow_up, second_follow_up, closing, sources}``; each email is
  ``{kind, send_on, send_on_text, subject, body, tip, mailto, gmail}``, ``mailto`` null when
  too long for every mail program (``calculator._scripts``).
- ``law``: null, or ``{code, name, due, due_text, text, conditions, if_missed, starts,
  sources}`` (``calculator._law``).
- ``calendar``: ``{file_name, second_import, let_go, events: [{kind, summary, date, all_day,
  start, end, zone, google_url}]}``; timed events' ``start``/``end`` are UTC ISO times
  (``calculator._calendar_export``).
- ``google_calendar_url``: the call's event's link (the key the plan had before the others).
"""

from __future__ import annotations

from typing import Any

from calculator._calendar_export import SECOND_IMPORT, ics_file_name, plan_events
from calculator._clocks import Clock, both_clocks
from calculator._dates import written
from calculator._glance import glance
from calculator._law import reply_deadline
from calculator._links import gmail, mailto
from calculator._plan import Plan
from calculator._scripts import SOURCES, Email, words


def _clock(clock: Clock | None) -> dict[str, str] | None:
    if clock is None:
        return None
    return {
        "zone": clock.zone,
        "place": clock.place,
        "date": clock.day.isoformat(),
        "start": clock.start,
        "end": clock.end,
    }


def _email(email: Email, home_year: int) -> dict[str, Any]:
    return {
        "kind": email.kind,
        "send_on": email.send_on.isoformat(),
        "send_on_text": written(email.send_on, home_year),
        "subject": email.subject,
        "body": email.body,
        "tip": email.tip,
        "mailto": mailto(email.subject, email.body),
        "gmail": gmail(email.subject, email.body),
    }


def _law(plan: Plan) -> dict[str, Any] | None:
    deadline = reply_deadline(plan.region.code, plan.interviewed)
    if deadline is None:
        return None
    rule = deadline.rule
    return {
        "code": rule.code,
        "name": rule.name,
        "due": deadline.due.isoformat(),
        "due_text": written(deadline.due, plan.interviewed.year),
        "text": deadline.text,
        "conditions": list(rule.conditions),
        "if_missed": rule.if_missed,
        "starts": rule.starts.isoformat(),
        "sources": list(rule.sources),
    }


def extras_to_dict(plan: Plan) -> dict[str, Any]:
    """The glance, both clocks, the words to say, the law and the calendar, as JSON types."""
    year = plan.interviewed.year
    said = words(plan)
    clocks = both_clocks(plan.call_on, plan.call_window, plan.details.zone)
    call, voicemail = said.call, said.voicemail
    events = plan_events(plan, said)
    return {
        "google_calendar_url": next(event.google_url for event in events if event.kind == "call"),
        "glance": [
            {
                "label": row.label,
                "days": [
                    {
                        "date": day.day.isoformat(),
                        "kinds": list(day.kinds),
                        "working_day": day.working_day,
                        "holiday": day.holiday,
                        "text": day.text,
                        "short": day.short,
                        "what": day.what,
                    }
                    for day in row.days
                ],
            }
            for row in glance(plan)
        ],
        "clocks": {
            "employer": _clock(clocks.employer),
            "reader": _clock(clocks.reader),
            "night": clocks.night,
            "text": clocks.text,
            "note": clocks.note,
        },
        "words": {
            "missed": said.missed,
            "thank_you": _email(said.thank_you, year),
            "call": {
                "opening": call.opening,
                "question": call.question,
                "close": call.close,
                "tip": call.tip,
            },
            "voicemail": {"text": voicemail.text, "seconds": voicemail.seconds, "tip": voicemail.tip},
            "follow_up": _email(said.follow_up, year),
            "second_follow_up": _email(said.second_follow_up, year),
            "closing": _email(said.closing, year),
            "sources": list(SOURCES),
        },
        "law": _law(plan),
        "calendar": {
            "file_name": ics_file_name(plan),
            "second_import": SECOND_IMPORT,
            "let_go": said.let_go.isoformat(),
            "events": [
                {
                    "kind": event.kind,
                    "summary": event.summary,
                    "date": event.day.isoformat(),
                    "all_day": event.start is None,
                    "start": None if event.start is None else event.start.isoformat(),
                    "end": None if event.end is None else event.end.isoformat(),
                    "zone": event.zone,
                    "google_url": event.google_url,
                }
                for event in events
            ],
        },
    }
