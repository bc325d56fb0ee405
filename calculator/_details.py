"""What the reader may add about the interview, and what the page adds about the plan.

The reader's names for the words to say and their time zone; the page's address of this
plan on the calculator's own page, for the calendar's events.

Every field is optional and plain text: nothing here is ever read as markup, a path or a
pattern. A value is tidied (control characters and the invisible characters that reorder
text around them become spaces, runs of spaces one) and then must fit its field's limit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from calculator._errors import TextTooLongError

#: The optional text fields, each with the longest value it takes (in characters).
LIMITS = {"name": 60, "interviewer": 60, "role": 80, "company": 80}
#: The longest time zone name taken from a browser; the longest IANA name is 32 characters.
ZONE_LIMIT = 64
#: What a tick box sends when ticked, in any case.
_TICKED = frozenset({"1", "on", "yes", "true", "y"})
_WHAT = {"name": "your name", "interviewer": "their name", "role": "the role", "company": "the company"}
#: C0 and C1 controls, line and paragraph separators, and the bidirectional embeddings,
#: overrides and isolates (U+202A-U+202E, U+2066-U+2069), which would reorder the sentence
#: a value is put into, and lone surrogates (U+D800-U+DFFF: JSON can carry them, but no UTF-8
#: text, such as a calendar file, can). Marks (U+200E, U+200F) and joiners stay: emoji and
#: scripts need them.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_IANA_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")
#: The longest page address taken; the calculator's own, with a question, is about 150.
LINK_LIMIT = 2_000
#: A web address with no spaces, controls or quotes (RFC 3986's characters, and ``%``-escapes).
_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?")


@dataclass(frozen=True, slots=True)
class Details:
    """The reader's optional details; an empty string is a detail not given.

    Attributes:
        name: the reader's name, to sign with.
        interviewer: the interviewer's name, to greet.
        role: the job, as the reader names it ("data analyst").
        company: the employer's name.
        zone: the reader's time zone, an IANA name like ``Europe/London`` ("" when unknown).
        missed: the reader says the employer's own date for an answer has passed unanswered.
        link: the calculator page's address asking this question, as the page shares it
            ("" when the page sends none): every calendar event links back to the plan.
    """

    name: str = ""
    interviewer: str = ""
    role: str = ""
    company: str = ""
    zone: str = ""
    missed: bool = False
    link: str = ""


def tidy(text: str) -> str:
    """``text`` on one line: unsafe characters as spaces, runs of spaces as one, ends trimmed."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def reader_zone(text: str) -> str:
    """An IANA zone name as a browser reports it, or "" for anything that cannot be one."""
    text = text.strip()
    if len(text) > ZONE_LIMIT or _IANA_NAME.fullmatch(text) is None:
        return ""
    return text


def page_link(text: str) -> str:
    """An ``http(s)`` address of at most :data:`LINK_LIMIT` characters, or "" for anything else."""
    text = text.strip()
    if len(text) > LINK_LIMIT or _WEB_ADDRESS.fullmatch(text) is None:
        return ""
    return text


def parse_details(fields: Mapping[str, str]) -> Details:
    """The optional fields ``name``, ``interviewer``, ``role``, ``company``, ``tz``, ``missed`` and ``link``.

    A zone that is not a zone name is taken as unknown, a link that is not a web address as
    none, and ``missed`` as ticked only when it says so (``1``, ``on``, ``yes``, ``true``):
    none of them is ever an error.

    Raises:
        TextTooLongError: a text field longer than its limit in ``LIMITS``, after tidying.
    """
    texts = {}
    for field, limit in LIMITS.items():
        text = tidy(fields.get(field) or "")
        if len(text) > limit:
            raise TextTooLongError(
                field, f"Keep {_WHAT[field]} under {limit} characters: it goes into the messages below."
            )
        texts[field] = text
    return Details(
        **texts,
        zone=reader_zone(fields.get("tz") or ""),
        missed=(fields.get("missed") or "").strip().lower() in _TICKED,
        link=page_link(fields.get("link") or ""),
    )
