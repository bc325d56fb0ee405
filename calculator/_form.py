"""The form's choices, listed once: the page's markup and the page's code read them from here.

The build renders the widget's radios, checkboxes and options from these tuples, so a code
the engine understands and the control that sends it cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculator._details import LIMITS
from calculator._pending import KINDS


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a control: ``value`` is what the request carries, ``label`` what the form says."""

    value: str
    label: str


#: How the form asks what they said about timing (``reply_kind`` in a request).
#: ``span`` sends ``<count><unit>``, ``date`` a named day, the others their own value.
REPLY_KINDS = (
    Choice("span", "A number of days or weeks"),
    Choice("date", "A day they named"),
    Choice("eow", "“By the end of the week”"),
    Choice("none", "Nothing about timing"),
)
#: The units of a span, as ``reply`` writes them (``2w``): see ``calculator._reply``.
REPLY_UNITS = (
    Choice("d", "days"),
    Choice("w", "weeks"),
    Choice("bd", "working days"),
)
#: The span the form starts with: one week.
DEFAULT_SPAN = ("1", "w")
#: How the reader will get in touch (``channel``).
CHANNELS = (
    Choice("phone", "Phone"),
    Choice("email", "Email"),
)
#: What may still be happening on the employer's side (``pending``), in the engine's order.
PENDING = tuple(Choice(item.code, item.label) for item in KINDS.values())


@dataclass(frozen=True, slots=True)
class DetailField:
    """An optional text the reader may give for the words to say; ``limit`` in characters."""

    name: str
    label: str
    limit: int
    autocomplete: str


#: The reader's optional details, as the form asks for them (limits: ``calculator._details``).
DETAIL_FIELDS = (
    DetailField("name", "Your name", LIMITS["name"], "name"),
    DetailField("interviewer", "The interviewer's name", LIMITS["interviewer"], "off"),
    DetailField("role", "The role", LIMITS["role"], "organization-title"),
    DetailField("company", "The company", LIMITS["company"], "organization"),
)
#: The emails of the words to say, in the order they are sent (keys of the plan's ``words``).
EMAILS = (
    Choice("thank_you", "The thank-you note"),
    Choice("follow_up", "The first follow-up"),
    Choice("second_follow_up", "The second follow-up"),
    Choice("closing", "Closing the loop"),
)
