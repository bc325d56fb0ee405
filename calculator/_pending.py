"""What is still to happen on the employer's side, and what each does to the wait."""

from __future__ import annotations

import re
from dataclasses import dataclass

from calculator import _sources
from calculator._errors import PendingNotUnderstoodError

FIELD = "pending"


@dataclass(frozen=True, slots=True)
class Pending:
    """One thing still to happen on their side.

    Attributes:
        code: ``references``, ``background``, ``clearance``, ``hr``, ``more-candidates``
            or ``recruiter``.
        name: what it is, in words, inside a sentence.
        label: what the form's checkbox says.
        extra_working_days: how far it moves the day the answer is due, when they gave no
            timeline (a timeline they gave is taken to include it).
        note: what the reader should know about it.
        sources: public pages for the figures, if any.
    """

    code: str
    name: str
    label: str
    extra_working_days: int
    note: str
    sources: tuple[str, ...]

    def extends_by(self, *, timeline_given: bool) -> int:
        """Working days it adds to the wait: none when they gave a timeline of their own."""
        return 0 if timeline_given else self.extra_working_days

    def effect(self, *, timeline_given: bool) -> str:
        """What it does to the plan, in a sentence."""
        if not self.extra_working_days:
            return "Does not move the date."
        if timeline_given:
            return "Taken to be included in the timeline they gave you."
        return f"Adds {self.extra_working_days} working days to the wait."


KINDS: dict[str, Pending] = {
    p.code: p
    for p in (
        Pending(
            "references",
            "reference checks",
            "Reference checks",
            3,
            "Reference checks usually take 2 to 5 working days, up to two weeks for senior roles.",
            (_sources.REFERENCES,),
        ),
        Pending(
            "background",
            "a background check",
            "Background or police checks",
            3,
            "A clean background check usually takes 1 to 3 working days; one that finds "
            "something to look into can take two weeks or more.",
            (_sources.BACKGROUND,),
        ),
        Pending(
            "hr",
            "HR forms and approvals",
            "HR forms and approvals",
            2,
            "Forms, reports and sign-offs take a day or two in most offices; this is our "
            "estimate, not a measured figure.",
            (),
        ),
        Pending(
            "more-candidates",
            "more candidates or another round",
            "Other candidates or another round",
            5,
            "Other interviews still to hold usually add about a week; this is our estimate.",
            (),
        ),
        Pending(
            "clearance",
            "a security clearance",
            "A security clearance",
            0,
            "Security clearance runs on its own clock and is not added here: in the UK the "
            "targets are 25 days for CTC and SC and 95 for DV; in Australia, 20 working days "
            "for Baseline, 70 for NV1, 100 for NV2 and 180 for PV. An offer often comes before "
            "it, conditional on the clearance.",
            (_sources.CLEARANCE_UK, _sources.CLEARANCE_AU),
        ),
        Pending(
            "recruiter",
            "a recruiter in the loop",
            "A recruiter is in the loop",
            0,
            "With a recruiter involved, follow up through them first; they know the timeline.",
            (_sources.RECRUITER,),
        ),
    )
}

_ALIASES = {
    "reference": "references",
    "refs": "references",
    "background-check": "background",
    "background-checks": "background",
    "security": "clearance",
    "security-clearance": "clearance",
    "vetting": "clearance",
    "forms": "hr",
    "approvals": "hr",
    "candidates": "more-candidates",
    "more-rounds": "more-candidates",
    "rounds": "more-candidates",
    "agency": "recruiter",
}


def parse_pending(text: str) -> tuple[Pending, ...]:
    """Read ``references,hr``: any order, any case, repeats ignored; empty means nothing pending.

    Raises:
        PendingNotUnderstoodError: an item the calculator does not know.
    """
    found: set[str] = set()
    for item in re.split(r"[,;+]", text.lower()):
        word = "-".join(item.split()).replace("_", "-")
        if not word:
            continue
        code = _ALIASES.get(word, word)
        if code not in KINDS:
            known = ", ".join(KINDS)
            raise PendingNotUnderstoodError(
                FIELD, f"We don't know “{item.strip()[:30]}”. Choose from: {known}."
            )
        found.add(code)
    return tuple(KINDS[code] for code in KINDS if code in found)
