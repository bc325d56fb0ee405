"""Reply deadlines set by law: where an employer must tell an interviewed candidate where they stand.

Each rule carries where it applies, the first interview day it covers, the deadline as a count
of calendar days after the (last) interview, the conditions the reader must check for
themselves, what to do once the day passes, and its sources. One rule so far: Ontario's.
Research and strength of each source: ``shared/research/follow-up-words.md``. No other
binding deadline was found (New Jersey's A4625 is a bill; Belgium's CCT 38 asks for a reply
in "reasonable" time; the Dutch code is voluntary).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator._dates import written


@dataclass(frozen=True, slots=True)
class Rule:
    """A law that sets a deadline for telling an interviewed candidate the outcome.

    Attributes:
        code: a stable id for the rule.
        name: the law, as a reader would look it up.
        regions: the region codes it covers (``CA-ON``).
        place: where it applies, in words.
        who: the employers it binds, in a few words, for the sentence that states it.
        starts: the first interview day it covers.
        days: calendar days after the (last) interview by which the employer must tell.
        duty: what the employer must do by then, as the end of a sentence.
        conditions: what must be true for the rule to apply, which the reader checks.
        if_missed: what the reader can do once the day passes with no word.
        sources: public pages for the rule, the official ones first.
    """

    code: str
    name: str
    regions: frozenset[str]
    place: str
    who: str
    starts: date
    days: int
    duty: str
    conditions: tuple[str, ...]
    if_missed: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LawDeadline:
    """A rule that applies to this interview, and the day it sets."""

    rule: Rule
    due: date
    text: str


ONTARIO = Rule(
    code="CA-ON-ESA-III.1",
    name="Employment Standards Act, 2000, Part III.1, and O. Reg. 476/24",
    regions=frozenset({"CA-ON"}),
    place="Ontario",
    who="an employer of 25 or more that interviewed you for a publicly advertised job",
    starts=date(2026, 1, 1),
    days=45,
    duty="tell you whether a hiring decision has been made",
    conditions=(
        (
            "The job was advertised to the public, for a specific position with work in Ontario "
            "(not a posting open only to current staff, and not a general recruitment drive)."
        ),
        "The employer had 25 or more employees on the day the job was posted.",
        (
            "The employer falls under Ontario's employment law: banks, airlines, telecoms and "
            "other federally regulated employers do not."
        ),
        "The date counts from your last interview, if there was more than one.",
    ),
    if_missed=(
        "If that day passes with no word, you may remind them of the rule in a short, polite "
        "email, and you can complain to Ontario's Ministry of Labour; for a first complaint the "
        "ministry is said to start with a warning to the employer."
    ),
    sources=(
        "https://www.ontario.ca/laws/regulation/240476",
        "https://www.ontario.ca/document/your-guide-employment-standards-act-0/requirements-related-publicly-advertised-job",
        "https://www.ontariocanada.com/registry/view.do?postingId=47394&language=en",
        "https://www.hcamag.com/ca/n/540511",
    ),
)

#: Every rule the calculator knows.
RULES = (ONTARIO,)


def reply_deadline(
    region_code: str, interviewed: date, rules: tuple[Rule, ...] = RULES
) -> LawDeadline | None:
    """The deadline a law sets for this interview, if one applies; None otherwise.

    An interview before a rule's start date gets nothing from it.
    """
    for rule in rules:
        if region_code in rule.regions and interviewed >= rule.starts:
            due = interviewed + timedelta(days=rule.days)
            text = (
                f"In {rule.place}, {rule.who} has {rule.days} days from your last interview to "
                f"{rule.duty}: until {written(due, interviewed.year)}. It need not have decided by "
                "then, only tell you whether it has."
            )
            return LawDeadline(rule, due, text)
    return None
