"""The facts the site relies on, with their sources: ``research/sources.yml``, and its checks.

The file maps each topic to a list of facts; a fact names its ``source`` (an address or a
list of them), its ``strength`` (``strong``, ``medium``, ``weak`` or ``disputed``), an
optional ``note``, the article slugs that use it (``used_in``; ``calculator`` for the
calculator's plan) and, for a disputed fact, the ways its ``figures`` are written.
WRITING.md explains the fields to writers.

An article may link only a listed source, which must name the article in ``used_in``; an
article must not cite a source that backs only disputed facts, nor write a disputed
figure; ``used_in`` must not name an article that links none of the fact's sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools._problems import Problem
from build_tools._words import normal_words

#: Where the list lives, relative to the repository (outside docs/: it is not published).
SOURCES_FILE = "research/sources.yml"
STRENGTHS = ("strong", "medium", "weak", "disputed")
#: The ``used_in`` name of the calculator's plan, which cites sources too.
CALCULATOR = "calculator"
_FIELDS = frozenset({"fact", "source", "strength", "note", "used_in", "figures"})


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of the list; ``line`` is where it starts in the file."""

    topic: str
    text: str
    sources: tuple[str, ...]
    strength: str
    line: int
    note: str = ""
    used_in: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()


def source_key(url: str) -> str:
    """An address as the list compares it: without its ``#fragment`` or a trailing ``/``."""
    return url.split("#", 1)[0].rstrip("/")


@dataclass(frozen=True, slots=True)
class Sources:
    """The list as read, with any problems of the file itself."""

    path: str
    facts: tuple[Fact, ...]
    problems: tuple[Problem, ...] = ()

    def citing(self, url: str) -> list[Fact]:
        """The facts that ``url`` backs."""
        key = source_key(url)
        return [fact for fact in self.facts if key in {source_key(s) for s in fact.sources}]

    def check_article(
        self, path: str, slug: str, links: Iterable[tuple[int, str]], texts: Iterable[tuple[int, str]]
    ) -> Iterator[Problem]:
        """Problems of one article: ``links`` are its web links and ``texts`` its prose, by line."""
        for line, url in links:
            facts = self.citing(url)
            if not facts:
                yield Problem(
                    path,
                    line,
                    f"source {url} is not in {self.path}: add it there with its fact, strength and "
                    "used_in, or cite a listed source",
                )
            elif all(fact.strength == "disputed" for fact in facts):
                why = f"source {url} backs only facts marked disputed in {self.path}: do not cite it"
                yield Problem(path, line, why)
            elif not any(slug in fact.used_in for fact in facts):
                yield Problem(
                    path,
                    line,
                    f"source {url} is in {self.path} without this article: add {slug} to the used_in "
                    f"of the fact it backs (line {facts[0].line})",
                )
        yield from self._disputed_figures(path, list(texts))

    def _disputed_figures(self, path: str, texts: list[tuple[int, str]]) -> Iterator[Problem]:
        lines = [(line, f" {' '.join(normal_words(text))} ") for line, text in texts]
        for fact in self.facts:
            if fact.strength != "disputed":
                continue
            for figure in fact.figures:
                wanted = f" {' '.join(normal_words(figure))} "
                for line, words in lines:
                    if wanted.strip() and wanted in words:
                        yield Problem(
                            path,
                            line,
                            f"“{figure}” is a figure marked disputed in {self.path}:{fact.line}: "
                            "do not use it",
                        )

    def check_uses(self, articles: Mapping[str, Iterable[str]]) -> Iterator[Problem]:
        """``used_in`` against what ``articles`` (slug: the addresses it links) really cite."""
        linked = {slug: {source_key(url) for url in urls} for slug, urls in articles.items()}
        for fact in self.facts:
            keys = {source_key(url) for url in fact.sources}
            for slug in fact.used_in:
                if slug == CALCULATOR:
                    continue
                if slug not in linked:
                    yield Problem(self.path, fact.line, f"used_in names {slug}: no article has that slug")
                elif not keys & linked[slug]:
                    yield Problem(
                        self.path, fact.line, f"used_in names {slug}, which links none of this fact's sources"
                    )


def load_sources(file: Path, path: str = SOURCES_FILE) -> Sources:
    """Read the list from ``file``; ``path`` is how problems name it."""
    return read_sources(file.read_text(encoding="utf-8"), path)


def read_sources(text: str, path: str = SOURCES_FILE) -> Sources:
    """Read the list from ``text``; what is wrong with it is in ``problems``, never raised."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        why = f"not valid YAML: {getattr(error, 'problem', error)}"
        return Sources(path, (), (Problem(path, line, why),))
    if not isinstance(root, yaml.MappingNode):
        return Sources(path, (), (Problem(path, 1, "must map each topic to a list of facts"),))
    facts: list[Fact] = []
    problems: list[Problem] = []
    for key, value in root.value:
        topic = str(key.value)
        if not isinstance(value, yaml.SequenceNode):
            problems.append(Problem(path, _line(key), f"topic {topic!r} must hold a list of facts"))
            continue
        for item in value.value:
            fact, found = _read_fact(topic, item, path)
            problems += found
            if fact is not None:
                facts.append(fact)
    return Sources(path, tuple(facts), tuple(problems))


def _strings(node: yaml.Node) -> tuple[str, ...] | None:
    """A scalar or a list of scalars as text; None for anything else."""
    if isinstance(node, yaml.ScalarNode):
        return (str(node.value),) if str(node.value).strip() else ()
    if isinstance(node, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in node.value):
        return tuple(str(n.value) for n in node.value if str(n.value).strip())
    return None


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _read_fact(topic: str, node: yaml.Node, path: str) -> tuple[Fact | None, list[Problem]]:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, line, "a fact must be a mapping with fact, source and strength")]
    fields: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    for key, value in node.value:
        name = str(key.value)
        strings = _strings(value)
        if name not in _FIELDS:
            problems.append(Problem(path, _line(key), f"unknown field {name!r} (known: {sorted(_FIELDS)})"))
        elif strings is None:
            problems.append(Problem(path, _line(key), f"{name} must be text or a list of text"))
        else:
            fields[name] = strings
    text, strength = " ".join(fields.get("fact", ())), " ".join(fields.get("strength", ()))
    if not text:
        problems.append(Problem(path, line, "a fact needs `fact`: the fact, in neutral words"))
    if strength not in STRENGTHS:
        known = ", ".join(STRENGTHS)
        problems.append(Problem(path, line, f"strength must be one of {known}, not {strength!r}"))
    sources = fields.get("source", ())
    problems += [
        Problem(path, line, f"source {url!r} is not a web address (http:// or https://)")
        for url in sources
        if not url.startswith(("http://", "https://"))
    ]
    if problems:
        return None, problems
    fact = Fact(
        topic=topic,
        text=text,
        sources=sources,
        strength=strength,
        line=line,
        note=" ".join(fields.get("note", ())),
        used_in=fields.get("used_in", ()),
        figures=fields.get("figures", ()),
    )
    return fact, []
