"""Scaffolding the next part: front matter the checker accepts, the next part number."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from build_tools import BuildError
from build_tools._content import check_site
from build_tools._frontmatter import read_source
from build_tools._series import load_series
from devtools import new_article
from devtools._scaffold import slug_for
from devtools.new_article import main

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def docs(tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def test_the_new_file_is_the_next_part_with_full_front_matter(docs):
    before = len(load_series(docs))
    path = new_article('Ghosted: what "we\'ll be in touch" means', docs, date(2026, 12, 1))
    assert path == docs / "articles" / "posts" / "ghosted-what-we-ll-be-in-touch-means.md"
    meta = read_source(path.read_text(encoding="utf-8")).meta
    assert meta["title"] == 'Ghosted: what "we\'ll be in touch" means'
    assert meta["part"] == before + 1
    assert meta["date"] == date(2026, 12, 1)
    assert meta["slug"] == "ghosted-what-we-ll-be-in-touch-means"
    assert meta["series"] == "interview-as-dating"
    assert meta["authors"] == ["second-date"]
    assert meta["tags"]
    assert meta["description"]


def test_the_site_still_passes_the_checks_after_scaffolding(docs):
    new_article("Second interviews", docs, date(2026, 12, 1))
    assert [str(p) for p in check_site(docs)] == []
    assert load_series(docs)[-1].title == "Second interviews"


def test_an_existing_file_is_never_overwritten(docs):
    with pytest.raises(BuildError, match="already exists"):
        new_article("Call or email", docs, date(2026, 12, 1))


@pytest.mark.parametrize("title", ["", "   ", "???"])
def test_a_title_is_needed(docs, title):
    with pytest.raises(BuildError):
        new_article(title, docs, date(2026, 12, 1))


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Call or email?", "call-or-email"), ("Café  culture", "cafe-culture"), ("No. 2: Again!", "no-2-again")],
)
def test_slugs(title, slug):
    assert slug_for(title) == slug


def test_the_command_line(docs, capsys):
    assert main(["Reference checks", "--docs-dir", str(docs), "--date", "2026-12-02"]) == 0
    assert "reference-checks.md" in capsys.readouterr().out
    assert main(["Reference checks", "--docs-dir", str(docs)]) == 1
    assert "already exists" in capsys.readouterr().err
