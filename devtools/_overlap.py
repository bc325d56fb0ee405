"""Words, counted and compared: article lengths, and runs of words shared with a source.

The site's articles take ideas from a source post but never its sentences. A page
shares a sentence when it has a run of ``RUN`` or more consecutive words in common
with the source, compared after folding case and dropping punctuation. So that the
check runs without the source text, the source can be reduced to fingerprints of
its runs (``fingerprints``), which is all the test suite keeps.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from markdown_it import MarkdownIt

from build_tools._frontmatter import read_source
from build_tools._words import normal_words

RUN = 8
#: How long a part of the series may be, in words as ``prose_word_count`` counts them.
MIN_WORDS, MAX_WORDS = 600, 1500
#: The source post's fingerprints, relative to the repository (``devtools.source_runs`` writes them).
SEED_RUNS_FILE = "tests/unit/data/seed-runs.txt"
_PROSE_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")


def runs(words: list[str], length: int = RUN) -> Iterable[tuple[int, str]]:
    """Each run of ``length`` consecutive words, with its start index."""
    for start in range(len(words) - length + 1):
        yield start, " ".join(words[start : start + length])


def fingerprint(run: str) -> str:
    """A short, one-way fingerprint of a run of words."""
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:16]


def fingerprints(text: str, length: int = RUN) -> set[str]:
    """The fingerprints of every run of ``length`` words in ``text``."""
    return {fingerprint(run) for _, run in runs(normal_words(text), length)}


def shared_runs(text: str, source_fingerprints: set[str], length: int = RUN) -> list[str]:
    """The runs of ``length`` words in ``text`` whose fingerprints the source also has."""
    return [run for _, run in runs(normal_words(text), length) if fingerprint(run) in source_fingerprints]


def shared_passages(text: str, source_fingerprints: set[str], length: int = RUN) -> list[str]:
    """The passages of ``text`` that share runs of ``length`` words with the source, each once.

    Overlapping shared runs are merged, so an eleven-word copied passage is one passage,
    not four runs of eight.
    """
    words = normal_words(text)
    passages: list[list[int]] = []
    for start, run in runs(words, length):
        if fingerprint(run) not in source_fingerprints:
            continue
        if passages and start <= passages[-1][1]:
            passages[-1][1] = start + length
        else:
            passages.append([start, start + length])
    return [" ".join(words[start:end]) for start, end in passages]


def _body_text(body: str) -> str:
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    return " ".join(
        child.content
        for token in tokens
        for child in token.children or []
        if child.type in {"text", "code_inline"}
    )


def reader_text(markdown_text: str) -> str:
    """What a reader reads of a page: its title, description and body text, without URLs."""
    source = read_source(markdown_text)
    head = [str(source.meta.get(key, "")) for key in ("title", "description")]
    return " ".join([*head, _body_text(source.body)])


def prose_word_count(markdown_text: str) -> int:
    """Words in the body: no front matter, markup, URLs or comments."""
    return len(_PROSE_WORD.findall(_body_text(read_source(markdown_text).body)))
