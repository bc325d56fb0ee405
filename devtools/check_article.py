"""Check one article before the whole suite: ``python -m devtools.check_article FILE``.

``make check-article FILE=docs/articles/posts/<slug>.md`` runs this. It prints what to fix,
one ``path:line: message`` a line, and exits with status 1 when there is anything.

It checks what the build checks for the page (front matter, headings, links and anchors,
images, bare URLs, markers, part numbers, the excerpt separator, the sources it links and
any figure marked disputed), its worked examples (asked of the calculator, as the build
does), a part's length (600 to 1,500 words, counted as the test suite counts them), runs of
eight words shared with the source post, and TODOs left from the scaffold.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from build_tools._content import check_site
from build_tools._examples import fill_examples
from build_tools._frontmatter import read_source
from build_tools._pages import read_sources_file
from build_tools._paths import PROJECT_ROOT
from build_tools._problems import Problem
from build_tools._series import POSTS_DIR
from build_tools._sources import SOURCES_FILE
from build_tools._words import normal_words
from devtools._overlap import (
    MAX_WORDS,
    MIN_WORDS,
    SEED_RUNS_FILE,
    prose_word_count,
    reader_text,
    shared_passages,
)

DOCS = "docs"


@dataclass(slots=True)
class Report:
    """What the check found in one file; ``fixes`` name their files from the repository."""

    path: str
    words: int | None = None
    fixes: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fix(self, line: int, message: str) -> None:
        """Something to fix on ``line`` of the article."""
        self.fixes.append(Problem(self.path, line, message))


def _concerns(problem: Problem, page: str) -> bool:
    """Whether a problem of the site check is this page's to fix."""
    return problem.path in {page, SOURCES_FILE} or page in problem.message


def _from_repository(problem: Problem) -> Problem:
    """A problem with its path from the repository, so an editor can open it."""
    if problem.path == SOURCES_FILE:
        return problem
    return Problem(f"{DOCS}/{problem.path}", problem.line, problem.message)


def _line_of(passage: str, text: str) -> int:
    """The file line where a shared passage starts (its first words, as the file has them)."""
    words = [(number, word) for number, line in enumerate(text.split("\n"), 1) for word in normal_words(line)]
    start = passage.split()[:3]
    for index in range(len(words) - len(start) + 1):
        if [word for _, word in words[index : index + len(start)]] == start:
            return words[index][0]
    return 1


def _overlap(report: Report, text: str, project: Path) -> None:
    seed = project / SEED_RUNS_FILE
    if not seed.is_file():
        report.notes.append(f"overlap with the source post not checked: {SEED_RUNS_FILE} is missing")
        return
    for passage in shared_passages(reader_text(text), set(seed.read_text(encoding="utf-8").split())):
        message = f"shares a run of words with the source post (“{passage}”): say it in your own words"
        report.fix(_line_of(passage, text), message)


def _length(report: Report, text: str) -> None:
    report.words = prose_word_count(text)
    if report.words < MIN_WORDS:
        report.fix(1, f"{report.words} words: a part needs at least {MIN_WORDS:,}")
    elif report.words > MAX_WORDS:
        report.fix(1, f"{report.words} words: a part has at most {MAX_WORDS:,}")


def check_article(file: Path, project: Path = PROJECT_ROOT) -> Report:
    """Check ``file``, a Markdown page in ``project``'s ``docs/``."""
    docs_dir = project / DOCS
    page = file.resolve().relative_to(docs_dir.resolve()).as_posix()
    report = Report(path=f"{DOCS}/{page}")
    problems = [p for p in check_site(docs_dir, read_sources_file(project)) if _concerns(p, page)]
    text = file.read_text(encoding="utf-8")
    source = read_source(text)
    fill_examples(source.body, page, source.body_line, problems)
    report.fixes += map(_from_repository, problems)
    if page.startswith(f"{POSTS_DIR}/"):
        _length(report, text)
    _overlap(report, text, project)
    for number, line in enumerate(text.split("\n"), 1):
        if "TODO" in line:
            report.fix(number, "a TODO from the scaffold is still here")
    report.fixes.sort(key=lambda problem: (problem.path != report.path, problem))
    return report


def render(report: Report) -> str:
    """The report as the terminal shows it."""
    length = f", {report.words:,} words ({MIN_WORDS:,} to {MAX_WORDS:,})" if report.words is not None else ""
    lines = [*map(str, report.fixes), *(f"note: {note}" for note in report.notes)]
    if report.fixes:
        count = len(report.fixes)
        lines.append(f"{report.path}{length}: {count} thing{'s' if count > 1 else ''} to fix.")
    else:
        lines.append(
            f"{report.path}{length}: nothing to fix. `make serve` previews it; `make test` runs every check."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None, project: Path = PROJECT_ROOT) -> int:
    """Command line: 0 when there is nothing to fix, 1 when there is, 2 for a wrong file."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", type=Path, help="the article, e.g. docs/articles/posts/<slug>.md")
    args = parser.parse_args(argv)
    file: Path = args.file
    docs_dir = (project / DOCS).resolve()
    if not file.is_file() or file.suffix != ".md" or not file.resolve().is_relative_to(docs_dir):
        print(f"check-article: {file} is not a Markdown file in {docs_dir}", file=sys.stderr)  # noqa: T201
        return 2
    report = check_article(file, project)
    print(render(report))  # noqa: T201
    return 1 if report.fixes else 0


if __name__ == "__main__":
    sys.exit(main())
