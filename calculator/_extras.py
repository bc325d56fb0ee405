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

from dataclasses import dataclass
from typing import Any

from calculator._calendar_export import SECOND_IMPORT, Event, ics_file_name, plan_events
from calculator._clocks import Clock, Clocks, both_clocks
from calculator._dates import written
from calculator._glance import glance
from calculator._law import reply_deadline
from calculator._links import email_links
from calculator._plan import Plan
from calculator._scripts import SOURCES, Email, Words, words


@dataclass(frozen=True, slots=True)
class Extras:
    """What the extras are made from, worked out once a plan: the words, both clocks, the events.

    The page's answer and its ``.ics`` file share them (``extras_of``).
    """

    said: Words
    clocks: Clocks
    events: tuple[Event, ...]


def extras_of(plan: Plan) -> Extras:
    """The plan's words to say, the call window on both clocks, and its four calendar events."""
    said = words(plan)
    clocks = both_clocks(plan.call_on, plan.call_window, plan.details.zone)
    return Extras(said, clocks, plan_events(plan, said, clocks))


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
    mailto, gmail = email_links(email.subject, email.body)
    return {
        "kind": email.kind,
        "send_on": email.send_on.isoformat(),
        "send_on_text": written(email.send_on, home_year),
        "subject": email.subject,
        "body": email.body,
        "tip": email.tip,
        "mailto": mailto,
        "gmail": gmail,
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


def extras_to_dict(plan: Plan, extras: Extras | None = None) -> dict[str, Any]:
    """The glance, both clocks, the words to say, the law and the calendar, as JSON types.

    ``extras`` is ``extras_of(plan)``, when the caller has it already.
    """
    year = plan.interviewed.year
    extras = extras_of(plan) if extras is None else extras
    said, clocks, events = extras.said, extras.clocks, extras.events
    call, voicemail = said.call, said.voicemail
    google_urls = [event.google_url for event in events]
    call_url = next(url for event, url in zip(events, google_urls, strict=True) if event.kind == "call")
    return {
        "google_calendar_url": call_url,
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
                    "google_url": url,
                }
                for event, url in zip(events, google_urls, strict=True)
            ],
        },
    }
