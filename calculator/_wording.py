"""The plan's sentences for the page: every date written out, the countdown, the call window.

The page places these strings as they are; it writes no date and no sentence of its own.
"""

from __future__ import annotations

from calculator._dates import long_date
from calculator._plan import Plan

#: Wording for a reply problem, by the form control the reader used (``reply_kind``): the
#: engine's own messages speak the address's language ("2w"), the controls need plainer words.
_CONTROL_WORDING = {
    ("reply_not_understood", "span"): "Enter how many days or weeks they said, as a whole number: 1, 2, 10…",
    ("missing_field", "date"): "Pick the day they said you would hear by.",
    ("reply_not_understood", "date"): "Pick the day they said you would hear by.",
}


def countdown(days: int) -> str:
    """How far off the call is, from today: ``That’s in 3 days.``; once passed, call now."""
    if days == 0:
        return "That’s today."
    if days == 1:
        return "That’s tomorrow."
    if days > 1:
        return f"That’s in {days} days."
    if days == -1:
        return "That was yesterday: call now."
    return f"That was {-days} days ago: call now."


def plan_text(plan: Plan) -> dict[str, str]:
    """The answer's sentences, by the slot of the page that shows them.

    Keys: ``call_on`` (the headline's date), ``countdown``, ``best_time``, ``thank_you``,
    ``next_follow_up``, ``verdict`` (empty when no day was judged).
    """
    today = plan.today
    window = plan.call_window
    verdict = plan.too_soon
    return {
        "call_on": long_date(plan.call_on, today),
        "countdown": countdown(plan.days_until_call),
        "best_time": (
            f"{long_date(plan.best_day, today)}, between {window.start} and {window.end} "
            f"their time ({window.tz}). {window.note}"
        ),
        "thank_you": f"Send it by {long_date(plan.thank_you_by, today)}.",
        "next_follow_up": f"{long_date(plan.next_follow_up.day, today)}. {plan.next_follow_up.text}",
        "verdict": "" if verdict is None else f"{verdict.text} {verdict.why}",
    }


def control_wording(code: str, reply_kind: str, message: str) -> str:
    """An error's message as the form should say it, given the reply control in use."""
    return _CONTROL_WORDING.get((code, reply_kind), message)
