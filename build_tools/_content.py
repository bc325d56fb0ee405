"""The content checker: every page parsed with markdown-it-py, problems as ``path:line: message``.

Rules: front matter present and right (every page has ``title`` and ``description``; a
series part also ``date``, ``authors``, ``tags``, ``series``, ``part`` and ``slug``);
exactly one H1; no skipped heading levels; internal links, anchors and images that
resolve; alt text on every image; no bare URLs; no unknown ``second-date:`` markers;
series parts numbered 1..N with no gaps or repeats; each part has its excerpt separator
(``<!-- more -->``). Given the list of sources (``research/sources.yml``), a part may link
only listed sources and write no figure marked disputed (see ``build_tools._sources``).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from build_tools._frontmatter import Source, read_source
from build_tools._problems import Problem
from build_tools._series import POSTS_DIR, SERIES
from build_tools._sources import Sources

AUTHORS_FILE = "articles/.authors.yml"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_HEADING_ID = re.compile(r"\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
_MARKER = re.compile(r"<!--\s*second-date:(?P<name>[\w-]*)")
_KNOWN_MARKERS = frozenset({"calculator", "example", "series"})
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WEB = re.compile(r"^https?://", re.IGNORECASE)
_PROSE = frozenset({"text", "code_inline", "softbreak", "hardbreak"})
#: Material's blog needs it in every post: what comes before it is the post's excerpt.
EXCERPT_SEPARATOR = "<!-- more -->"


@dataclass(slots=True)
class _Page:
    path: str
    source: Source
    tokens: list[Token]
    anchors: set[str]


def slugify(text: str) -> str:
    """A heading's anchor, as Python-Markdown's ``toc`` extension makes it."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline_text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type in {"text", "code_inline"})


def _anchors(tokens: list[Token]) -> set[str]:
    anchors: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = _inline_text(tokens[index + 1])
        custom = _HEADING_ID.search(text)
        if custom:
            anchors.add(custom["id"])
            continue
        base = slugify(text)
        anchor, count = base, 0
        while anchor in anchors or not anchor:
            count += 1
            anchor = f"{base}_{count}"
        anchors.add(anchor)
    return anchors


def _read_page(docs_dir: Path, file: Path) -> _Page:
    source = read_source(file.read_text(encoding="utf-8"))
    tokens = _parser().parse(source.body)
    return _Page(file.relative_to(docs_dir).as_posix(), source, tokens, _anchors(tokens))


def _line(page: _Page, token: Token) -> int:
    return page.source.body_line + (token.map[0] if token.map else 0)


def _known_authors(docs_dir: Path) -> set[str] | None:
    file = docs_dir / AUTHORS_FILE
    if not file.is_file():
        return None
    loaded = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    return set(dict(loaded.get("authors") or {}))


def _check_meta(page: _Page, authors: set[str] | None) -> Iterator[Problem]:
    source = page.source
    if source.error:
        yield Problem(page.path, source.error_line, source.error)
        return
    if not source.meta:
        yield Problem(page.path, 1, "no front matter: add a YAML block with title and description")
    for key in ("title", "description"):
        value = source.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            yield _bad(page, key, "must be a non-empty string")
    if page.path.startswith(f"{POSTS_DIR}/"):
        yield from _check_post_meta(page, authors)


def _bad(page: _Page, key: str, message: str) -> Problem:
    return Problem(page.path, page.source.line_of(key), f"front matter `{key}`: {message}")


def _is_list_of_words(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


def _check_post_meta(page: _Page, authors: set[str] | None) -> Iterator[Problem]:
    meta = page.source.meta
    if type(meta.get("date")) is not date:
        yield _bad(page, "date", "must be a date, like 2026-11-27")
    names = meta.get("authors")
    if not isinstance(names, list) or not _is_list_of_words(names):
        yield _bad(page, "authors", "must be a non-empty list of author ids")
    elif authors is not None and (unknown := set(names) - authors):
        yield _bad(page, "authors", f"{sorted(unknown)} not in {AUTHORS_FILE}")
    if not _is_list_of_words(meta.get("tags")):
        yield _bad(page, "tags", "must be a non-empty list of tags")
    if meta.get("series") != SERIES:
        yield _bad(page, "series", f"must be {SERIES!r}")
    part = meta.get("part")
    if type(part) is not int or part < 1:
        yield _bad(page, "part", "must be a whole number from 1")
    slug = meta.get("slug")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        yield _bad(page, "slug", "must be lower-case words joined by hyphens")
    if EXCERPT_SEPARATOR not in page.source.body:
        yield Problem(
            page.path,
            page.source.body_line,
            f"no {EXCERPT_SEPARATOR}: put it after the opening answer (what comes before it is the "
            "excerpt on the article list)",
        )


def _check_headings(page: _Page) -> Iterator[Problem]:
    previous = 0
    h1_lines = []
    for token in page.tokens:
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        if level == 1:
            h1_lines.append(_line(page, token))
        if previous and level > previous + 1:
            yield Problem(page.path, _line(page, token), f"heading skips a level: h{previous} then h{level}")
        previous = level
    if not h1_lines:
        yield Problem(page.path, page.source.body_line, "no H1: a page needs exactly one `# Title`")
    for line in h1_lines[1:]:
        yield Problem(page.path, line, f"more than one H1 ({len(h1_lines)}): a page needs exactly one")


def _check_target(page: _Page, target: str, pages: dict[str, _Page], docs_dir: Path) -> str | None:
    """Why an internal link or image target does not resolve, or None when it does."""
    if target.startswith("/"):
        return f"absolute link {target!r}: link to the file, relative to this page"
    path, _, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    if not path:
        resolved = page.path
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
        if resolved.startswith("../") or not (docs_dir / resolved).is_file():
            return f"link target {target!r} is not a file in docs/"
    if fragment and resolved in pages and fragment not in pages[resolved].anchors:
        return f"anchor #{fragment} not found in {resolved}"
    return None


def _check_link(
    page: _Page, child: Token, line: int, pages: dict[str, _Page], docs_dir: Path
) -> Iterator[Problem]:
    href = str(child.attrs.get("href", ""))
    if child.markup == "autolink":
        yield Problem(page.path, line, f"bare URL {href}: give the link words")
    elif not _SCHEME.match(href) and not href.startswith("//"):
        why = _check_target(page, href, pages, docs_dir)
        if why:
            yield Problem(page.path, line, why)


def _check_image(
    page: _Page, child: Token, line: int, pages: dict[str, _Page], docs_dir: Path
) -> Iterator[Problem]:
    src = str(child.attrs.get("src", ""))
    if not child.content.strip():
        yield Problem(page.path, line, f"image {src!r} has no alt text")
    if _SCHEME.match(src) or src.startswith("//"):
        yield Problem(page.path, line, f"image {src!r} is on another host: keep images in docs/")
    else:
        why = _check_target(page, src, pages, docs_dir)
        if why:
            yield Problem(page.path, line, why)


def _check_inline(page: _Page, pages: dict[str, _Page], docs_dir: Path) -> Iterator[Problem]:
    for block in page.tokens:
        if block.type != "inline":
            continue
        line = _line(page, block)
        depth = 0
        for child in block.children or []:
            if child.type in {"softbreak", "hardbreak"}:
                line += 1
            elif child.type == "link_open":
                depth += 1
                yield from _check_link(page, child, line, pages, docs_dir)
            elif child.type == "link_close":
                depth -= 1
            elif child.type == "image":
                yield from _check_image(page, child, line, pages, docs_dir)
            elif child.type == "text" and depth == 0:
                for url in _BARE_URL.findall(child.content):
                    yield Problem(page.path, line, f"bare URL {url}: make it a link with words")


def _check_markers(page: _Page) -> Iterator[Problem]:
    calculators = 0
    for number, text in enumerate(page.source.body.split("\n")):
        for match in _MARKER.finditer(text):
            line = page.source.body_line + number
            if match["name"] not in _KNOWN_MARKERS:
                known = sorted(_KNOWN_MARKERS)
                yield Problem(page.path, line, f"unknown marker second-date:{match['name']} (known: {known})")
            elif match["name"] == "calculator" and (calculators := calculators + 1) > 1:
                yield Problem(page.path, line, "a second calculator marker: one calculator a page")


def _check_parts(pages: list[_Page]) -> Iterator[Problem]:
    parts: dict[int, list[_Page]] = {}
    for page in pages:
        part = page.source.meta.get("part")
        if page.source.meta.get("series") == SERIES and type(part) is int and part >= 1:
            parts.setdefault(part, []).append(page)
    for part, holders in sorted(parts.items()):
        for page in holders[1:]:
            others = ", ".join(p.path for p in holders if p is not page)
            yield Problem(page.path, page.source.line_of("part"), f"part {part} is also {others}")
    for missing in sorted(set(range(1, max(parts, default=0) + 1)) - set(parts)):
        after = min(n for n in parts if n > missing)
        page = parts[after][0]
        yield Problem(
            page.path, page.source.line_of("part"), f"part {missing} is missing: parts must run 1..N"
        )


def _web_links(page: _Page) -> list[tuple[int, str]]:
    """The page's links to other sites (``http``/``https``), with their lines."""
    links = []
    for block in page.tokens:
        if block.type != "inline":
            continue
        line = _line(page, block)
        for child in block.children or []:
            if child.type in {"softbreak", "hardbreak"}:
                line += 1
            elif child.type == "link_open" and _WEB.match(href := str(child.attrs.get("href", ""))):
                links.append((line, href))
    return links


def _prose(page: _Page) -> list[tuple[int, str]]:
    """What a reader reads of the page, by line: title, description, then each block of text."""
    meta = page.source.meta
    texts = [(page.source.line_of(key), str(meta[key])) for key in ("title", "description") if key in meta]
    for block in page.tokens:
        if block.type == "inline":
            children = [c for c in block.children or [] if c.type in _PROSE]
            words = (" " if c.type in {"softbreak", "hardbreak"} else c.content for c in children)
            texts.append((_line(page, block), "".join(words)))
    return texts


def _slug(page: _Page) -> str:
    slug = page.source.meta.get("slug")
    return slug if isinstance(slug, str) and slug else posixpath.splitext(posixpath.basename(page.path))[0]


def _check_sources(posts: list[_Page], sources: Sources) -> Iterator[Problem]:
    yield from sources.problems
    for page in posts:
        yield from sources.check_article(page.path, _slug(page), _web_links(page), _prose(page))
    yield from sources.check_uses({_slug(page): [url for _, url in _web_links(page)] for page in posts})


def check_site(docs_dir: Path, sources: Sources | None = None) -> list[Problem]:
    """Every problem in every Markdown page under ``docs_dir``, sorted by path and line.

    With ``sources`` (the list read from ``research/sources.yml``), the series' parts are
    checked against it too, and so is the list's ``used_in``.
    """
    files = sorted(f for f in docs_dir.rglob("*.md") if "overrides" not in f.relative_to(docs_dir).parts)
    pages = {page.path: page for page in (_read_page(docs_dir, f) for f in files)}
    posts = [p for p in pages.values() if p.path.startswith(f"{POSTS_DIR}/")]
    authors = _known_authors(docs_dir)
    problems: list[Problem] = []
    for page in pages.values():
        problems += _check_meta(page, authors)
        problems += _check_headings(page)
        problems += _check_inline(page, pages, docs_dir)
        problems += _check_markers(page)
    problems += _check_parts(posts)
    if sources is not None:
        problems += _check_sources(posts, sources)
    return sorted(problems)
