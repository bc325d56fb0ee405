"""The articles' part in one MkDocs build: check the content, then fill each page."""

from __future__ import annotations

from pathlib import Path

from build_tools._content import check_site
from build_tools._errors import BuildError
from build_tools._examples import fill_examples
from build_tools._frontmatter import body_line
from build_tools._problems import Problem
from build_tools._series import Article, fill_series, load_series
from build_tools._sources import SOURCES_FILE, Sources, load_sources


def read_sources_file(project_dir: Path) -> Sources:
    """The repository's list of sources; a missing file is a problem of the list, not an error."""
    file = project_dir / SOURCES_FILE
    if not file.is_file():
        missing = Problem(SOURCES_FILE, 1, "the list of sources is missing: see WRITING.md, “Sources”")
        return Sources(SOURCES_FILE, (), (missing,))
    return load_sources(file)


class SiteContent:
    """Checks ``docs/`` once per build, then fills markers and series links page by page.

    Strict (``mkdocs build``): any problem stops the build with a ``BuildError``. Not strict
    (the preview, ``mkdocs serve``): problems are kept in ``problems`` for the pages to show,
    and a worked example the calculator cannot answer is left out and added to them.
    """

    def __init__(self) -> None:
        self._docs_dir: Path | None = None
        self._series: list[Article] = []
        self._strict = True
        self.problems: list[Problem] = []

    def prepare(self, docs_dir: Path, *, strict: bool = True) -> None:
        """Run the content checks (strict: a ``BuildError`` lists every problem) and read the series.

        The list of sources is read from ``research/sources.yml`` beside ``docs_dir``.
        """
        self._strict = strict
        self.problems = check_site(docs_dir, read_sources_file(docs_dir.parent))
        if strict and self.problems:
            listing = "\n".join(f"  {problem}" for problem in self.problems)
            count = len(self.problems)
            raise BuildError(f"content checks found {count} problem(s) in {docs_dir}:\n{listing}")
        self._docs_dir = docs_dir
        self._series = load_series(docs_dir)

    def fill_page(self, markdown: str, source: str) -> str:
        """Worked examples, the series list and previous/next links for page ``source``."""
        first_line = 1
        if self._docs_dir is not None and (self._docs_dir / source).is_file():
            first_line = body_line((self._docs_dir / source).read_text(encoding="utf-8"))
        markdown = fill_examples(markdown, source, first_line, None if self._strict else self.problems)
        return fill_series(markdown, self._series, source)
