"""The article series: its parts in order, its landing list and its previous/next links.

Everything comes from the posts' front matter, so a new part appears in the landing
list and in its neighbours' links as soon as its file exists.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from build_tools._frontmatter import read_source

SERIES = "interview-as-dating"
SERIES_NAME = "Interview as dating"
POSTS_DIR = "articles/posts"
LANDING_PAGE = "series.md"
SERIES_MARKER = re.compile(r"^<!-- second-date:series -->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Article:
    """One part of the series, as its front matter describes it."""

    path: str
    title: str
    description: str
    part: int


def load_series(docs_dir: Path) -> list[Article]:
    """The series' parts in order; pages with unusable front matter are left out.

    The content checker reports those pages; this function only reads good ones.
    """
    articles = []
    for file in sorted((docs_dir / POSTS_DIR).glob("*.md")):
        meta = read_source(file.read_text(encoding="utf-8")).meta
        part, title, description = meta.get("part"), meta.get("title"), meta.get("description")
        if meta.get("series") != SERIES or type(part) is not int:
            continue
        if not isinstance(title, str) or not isinstance(description, str):
            continue
        path = file.relative_to(docs_dir).as_posix()
        articles.append(Article(path=path, title=title, description=description, part=part))
    return sorted(articles, key=lambda a: a.part)


def _link(target: str, source: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


#: The calculator's own page, linked from the foot of every part.
CALCULATOR_SOURCE = "calculator.md"


def render_series_list(articles: list[Article], source: str) -> str:
    """A numbered list of the parts, one line each, linked from page ``source``."""
    dash = "\N{EN DASH}"
    return "\n".join(
        f"{a.part}. **[{a.title}]({_link(a.path, source)})** {dash} {a.description}" for a in articles
    )


def render_series_nav(articles: list[Article], source: str) -> str:
    """Previous/next links for the part at ``source``; empty for pages outside the series."""
    index = next((i for i, a in enumerate(articles) if a.path == source), None)
    if index is None:
        return ""
    lines = [
        "",
        '<nav class="series-nav" aria-label="Series" markdown>',
        "",
        (
            f"**{SERIES_NAME}, part {articles[index].part} of {len(articles)}.**"
            f" [See the whole series]({_link(LANDING_PAGE, source)})."
        ),
        "",
        f"Waiting to hear back? [Work out the day to call]({_link(CALCULATOR_SOURCE, source)}).",
        "",
    ]
    if index > 0:
        before = articles[index - 1]
        lines.append(f"- Previous: [{before.title}]({_link(before.path, source)})")
    if index + 1 < len(articles):
        after = articles[index + 1]
        lines.append(f"- Next: [{after.title}]({_link(after.path, source)})")
    lines += ["", "</nav>", ""]
    return "\n".join(lines)


def fill_series(markdown: str, articles: list[Article], source: str) -> str:
    """Fill the landing list marker, and end a series part with its neighbours' links."""
    markdown = SERIES_MARKER.sub(lambda _: render_series_list(articles, source), markdown)
    nav = render_series_nav(articles, source)
    return f"{markdown.rstrip()}\n{nav}" if nav else markdown
