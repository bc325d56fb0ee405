"""Words as the site compares them: lower case, without punctuation."""

from __future__ import annotations

import re

_APOSTROPHES = re.compile(r"(?<=\w)['\u2018\u2019\u02bc](?=\w)")
_WORD = re.compile(r"[a-z0-9]+")


def normal_words(text: str) -> list[str]:
    """Lower-case words without punctuation: curly and straight apostrophes fold away: ``youve``."""
    return _WORD.findall(_APOSTROPHES.sub("", text.lower()))
