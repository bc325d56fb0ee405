"""Scaffold the next part of the series, with front matter the checker accepts."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from build_tools import BuildError
from build_tools._frontmatter import read_source
from build_tools._series import POSTS_DIR, SERIES, SERIES_NAME

DEFAULT_AUTHOR = "second-date"

_TEMPLATE = """\
---
title: {title_yaml}
description: {title_yaml}  # TODO: one sentence that makes an anxious reader click
date: {date}
authors:
  - {author}
categories:
  - {category}
tags:
  - Interviews
series: {series}
part: {part}
slug: {slug}
---

# {title}

TODO: the direct answer, in two or three short sentences.

<!-- more -->

## TODO: the first section

Short paragraphs; cite every figure with a link to its source.
"""


def slug_for(title: str) -> str:
    """``"Call or email?"`` becomes ``call-or-email``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if not slug:
        raise BuildError(f"cannot make a URL slug from the title {title!r}")
    return slug


def next_part(docs_dir: Path) -> int:
    """One more than the highest ``part`` of the series so far."""
    parts = [
        meta["part"]
        for file in (docs_dir / POSTS_DIR).glob("*.md")
        if (meta := read_source(file.read_text(encoding="utf-8")).meta).get("series") == SERIES
        and type(meta.get("part")) is int
    ]
    return max(parts, default=0) + 1


def new_article(title: str, docs_dir: Path, today: date) -> Path:
    """Write the next part's Markdown file and return its path."""
    title = " ".join(title.split())
    if not title:
        raise BuildError('give the article a title: make new-article TITLE="..."')
    slug = slug_for(title)
    path = docs_dir / POSTS_DIR / f"{slug}.md"
    if path.exists():
        raise BuildError(f"{path} already exists: choose another title")
    title_yaml = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = _TEMPLATE.format(
        title=title,
        title_yaml=title_yaml,
        date=today.isoformat(),
        author=DEFAULT_AUTHOR,
        category=SERIES_NAME,
        series=SERIES,
        part=next_part(docs_dir),
        slug=slug,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
