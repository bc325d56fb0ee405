"""The articles' part in one MkDocs build: check the content, then fill each page."""

from __future__ import annotations

from pathlib import Path

from build_tools._content import check_site
from build_tools._errors import BuildError
from build_tools._examples import fill_examples
from build_tools._frontmatter import body_line
from build_tools._series import Article, fill_series, load_series


class SiteContent:
    """Checks ``docs/`` once per build, then fills markers and series links page by page."""

    def __init__(self) -> None:
        self._docs_dir: Path | None = None
        self._series: list[Article] = []

    def prepare(self, docs_dir: Path) -> None:
        """Run the content checks (a ``BuildError`` lists every problem) and read the series."""
        problems = check_site(docs_dir)
        if problems:
            listing = "\n".join(f"  {problem}" for problem in problems)
            raise BuildError(f"content checks found {len(problems)} problem(s) in {docs_dir}:\n{listing}")
        self._docs_dir = docs_dir
        self._series = load_series(docs_dir)

    def fill_page(self, markdown: str, source: str) -> str:
        """Worked examples, the series list and previous/next links for page ``source``."""
        first_line = 1
        if self._docs_dir is not None and (self._docs_dir / source).is_file():
            first_line = body_line((self._docs_dir / source).read_text(encoding="utf-8"))
        markdown = fill_examples(markdown, source, first_line)
        return fill_series(markdown, self._series, source)
