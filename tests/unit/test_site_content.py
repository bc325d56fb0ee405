"""The build's content step: strict for `mkdocs build`, problems kept for the preview."""

from __future__ import annotations

import pytest

from build_tools import BuildError, SiteContent
from tests.unit.test_content import make_docs, post

BROKEN = "# One\n\nAnswer.\n\n<!-- more -->\n\nSee [two](two.md).\n"
EXAMPLE = "<!-- second-date:example interviewed=2026-11-12 reply=1w region=XX-YY -->"


def test_the_build_stops_on_any_problem(tmp_path):
    docs = make_docs(tmp_path, {"articles/posts/one.md": post(1, "one", BROKEN)})
    with pytest.raises(BuildError, match=r"articles/posts/one\.md:18: link target 'two\.md' is not a file"):
        SiteContent().prepare(docs)


def test_the_list_of_sources_is_part_of_the_check(tmp_path):
    docs = make_docs(tmp_path, {"articles/posts/one.md": post(1, "one")})
    with pytest.raises(BuildError, match=r"research/sources\.yml:1: the list of sources is missing"):
        SiteContent().prepare(docs)


def test_the_preview_keeps_the_problems_and_leaves_a_refused_example_out(tmp_path):
    docs = make_docs(tmp_path, {"articles/posts/one.md": post(1, "one", BROKEN)})
    (tmp_path / "research").mkdir()
    (tmp_path / "research" / "sources.yml").write_text("{}\n", encoding="utf-8")
    content = SiteContent()
    content.prepare(docs, strict=False)
    assert [str(p) for p in content.problems] == [
        "articles/posts/one.md:18: link target 'two.md' is not a file in docs/"
    ]
    filled = content.fill_page(f"Intro.\n{EXAMPLE}\nEnd.\n", "articles/posts/one.md")
    assert "second-date:example" not in filled
    assert str(content.problems[-1]).startswith(
        "articles/posts/one.md:12: worked example: the calculator refused"
    )
