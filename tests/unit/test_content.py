"""The content checker, rule by rule, and the real docs/ against it and the seed post."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from build_tools._content import check_site
from build_tools._pages import read_sources_file
from devtools import prose_word_count, reader_text, shared_runs
from devtools._overlap import MAX_WORDS, MIN_WORDS, SEED_RUNS_FILE

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SEED_RUNS = ROOT / SEED_RUNS_FILE
#: The source post, in the shared material that sits beside the project (and beside CI's clone),
#: or wherever SECOND_DATE_SEED says.
SEED = Path(os.environ.get("SECOND_DATE_SEED", ROOT.parent / "shared" / "seed" / "000_b2fc6795bc510171.txt"))
SEED_MISSING = (
    "the seed post is not on this machine (set SECOND_DATE_SEED to its path). Without it, every page "
    "is still compared with its stored fingerprints (tests/unit/data/seed-runs.txt); only this test, "
    "that those fingerprints are the post's own, cannot run"
)

AUTHORS = "authors:\n  team:\n    name: Team\n    description: Us\n    avatar: a.svg\n"


def post(
    part: int,
    slug: str,
    body: str = "# Title\n\nText.\n\n<!-- more -->\n",
    overrides: dict[str, str] | None = None,
) -> str:
    meta = {
        "title": f"Part {part}",
        "description": "One line.",
        "date": "2026-11-02",
        "authors": "[team]",
        "tags": "[Timing]",
        "series": "interview-as-dating",
        "part": str(part),
        "slug": slug,
    }
    meta.update(overrides or {})
    head = "".join(f"{key}: {value}\n" for key, value in meta.items() if value != "DROP")
    return f"---\n{head}---\n\n{body}"


def page(body: str, title: str = "Page") -> str:
    return f"---\ntitle: {title}\ndescription: A page.\n---\n\n{textwrap.dedent(body)}"


def make_docs(tmp_path: Path, files: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    (docs / "articles" / "posts").mkdir(parents=True)
    (docs / "articles" / ".authors.yml").write_text(AUTHORS, encoding="utf-8")
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    return [str(p) for p in check_site(make_docs(tmp_path, files))]


def test_a_clean_site_has_no_problems(tmp_path):
    files = {
        "index.md": page("# Home\n\n## Start\n\nRead [part 1](articles/posts/one.md#more).\n"),
        "articles/posts/one.md": post(
            1, "one", "# One\n\n<!-- more -->\n\n## More\n\n![A chart](../../chart.png)\n"
        ),
        "articles/posts/two.md": post(
            2, "two", "# Two\n\nBack to [one](one.md) and [top](#two).\n<!-- more -->\n"
        ),
        "chart.png": "",
    }
    assert problems(tmp_path, files) == []


def test_problems_render_as_path_line_message(tmp_path):
    found = problems(tmp_path, {"index.md": page("# Home\n\n#### Deep\n")})
    assert found == ["index.md:8: heading skips a level: h1 then h4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# Home\n", "index.md:1: no front matter", id="no-front-matter"),
        pytest.param(
            "---\ntitle: a: b\ndescription: x\n---\n# Home\n",
            "index.md:2: front matter is not valid YAML",
            id="bad-yaml",
        ),
        pytest.param(
            "---\ntitle: Home\n---\n# Home\n", "index.md:1: front matter `description`", id="no-description"
        ),
        pytest.param(
            "---\ntitle: ''\ndescription: x\n---\n# Home\n",
            "index.md:2: front matter `title`",
            id="empty-title",
        ),
    ],
)
def test_front_matter_of_any_page(tmp_path, text, expected):
    found = problems(tmp_path, {"index.md": text})
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param({"date": "soon"}, ":4: front matter `date`", id="date-not-a-date"),
        pytest.param(
            {"authors": "[nobody]"}, ":5: front matter `authors`: ['nobody'] not in", id="unknown-author"
        ),
        pytest.param({"authors": "DROP"}, ":1: front matter `authors`", id="no-authors"),
        pytest.param({"tags": "[]"}, ":6: front matter `tags`", id="no-tags"),
        pytest.param({"series": "other"}, ":7: front matter `series`", id="wrong-series"),
        pytest.param({"part": "'1'"}, ":8: front matter `part`", id="part-not-a-number"),
        pytest.param({"slug": "Not A Slug"}, ":9: front matter `slug`", id="bad-slug"),
    ],
)
def test_front_matter_of_a_series_part(tmp_path, overrides, expected):
    found = problems(tmp_path, {"articles/posts/one.md": post(1, "one", overrides=overrides)})
    assert any(p.startswith(f"articles/posts/one.md{expected}") for p in found), found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Text.\n\n## Two\n", "index.md:5: no H1", id="no-h1"),
        pytest.param("# One\n\n# Two\n", "index.md:8: more than one H1 (2)", id="two-h1"),
        pytest.param("Setext\n======\n\n# Two\n", "index.md:9: more than one H1 (2)", id="setext-h1"),
        pytest.param("# One\n\n### Three\n", "index.md:8: heading skips a level: h1 then h3", id="skip"),
    ],
)
def test_headings(tmp_path, body, expected):
    found = problems(tmp_path, {"index.md": page(body)})
    assert any(p.startswith(expected) for p in found), found


def test_going_back_up_a_level_is_fine(tmp_path):
    assert problems(tmp_path, {"index.md": page("# A\n\n## B\n\n### C\n\n## D\n")}) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "# A\n\n[x](missing.md)\n", "index.md:8: link target 'missing.md' is not", id="missing-page"
        ),
        pytest.param(
            "# A\n\n[x](other.md#nowhere)\n", "index.md:8: anchor #nowhere not found in other", id="anchor"
        ),
        pytest.param(
            "# A\n\n[x](#nowhere)\n", "index.md:8: anchor #nowhere not found in index", id="own-anchor"
        ),
        pytest.param("# A\n\n[x](/about/)\n", "index.md:8: absolute link '/about/'", id="absolute"),
        pytest.param(
            "# A\n\nOne\ntwo [x](gone.md)\n", "index.md:9: link target 'gone.md'", id="line-counting"
        ),
        pytest.param(
            "# A\n\n[x](../outside.md)\n", "index.md:8: link target '../outside.md'", id="outside-docs"
        ),
    ],
)
def test_internal_links(tmp_path, body, expected):
    found = problems(tmp_path, {"index.md": page(body), "other.md": page("# Other\n\n## Here\n")})
    assert any(p.startswith(expected) for p in found), found


def test_anchors_follow_the_toc_rules(tmp_path):
    body = "# A\n\n## Call, or email?\n\n## Call, or email?\n\n## Custom {#mine}\n\n"
    body += "[1](#call-or-email) [2](#call-or-email_1) [3](#mine)\n"
    assert problems(tmp_path, {"index.md": page(body)}) == []


def test_external_links_are_not_followed(tmp_path):
    body = "# A\n\n[source](https://example.com/x) and [mail](mailto:a@example.com)\n"
    assert problems(tmp_path, {"index.md": page(body)}) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("# A\n\n![](pic.png)\n", "index.md:8: image 'pic.png' has no alt text", id="no-alt"),
        pytest.param(
            "# A\n\n![A](https://cdn.example/p.png)\n", "index.md:8: image 'https://cdn", id="remote"
        ),
        pytest.param("# A\n\n![A](nope.png)\n", "index.md:8: link target 'nope.png'", id="missing-image"),
    ],
)
def test_images(tmp_path, body, expected):
    found = problems(tmp_path, {"index.md": page(body), "pic.png": ""})
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "# A\n\nSee https://example.com today.\n", "index.md:8: bare URL https://example", id="text"
        ),
        pytest.param(
            "# A\n\nSee <https://example.com>.\n", "index.md:8: bare URL https://example", id="autolink"
        ),
        pytest.param("# A\n\nSee www.example.com now.\n", "index.md:8: bare URL www.example.com", id="www"),
    ],
)
def test_bare_urls(tmp_path, body, expected):
    found = problems(tmp_path, {"index.md": page(body)})
    assert any(p.startswith(expected) for p in found), found


def test_urls_in_code_and_link_text_are_not_bare(tmp_path):
    body = "# A\n\n`https://example.com` and [https://example.com](https://example.com)\n"
    assert problems(tmp_path, {"index.md": page(body)}) == []


def test_unknown_markers(tmp_path):
    body = "# A\n\n<!-- second-date:calculater -->\n"
    assert problems(tmp_path, {"index.md": page(body)})[0].startswith("index.md:8: unknown marker")


def test_one_calculator_a_page(tmp_path):
    body = "# A\n\n<!-- second-date:calculator -->\n\n<!-- second-date:calculator -->\n"
    assert problems(tmp_path, {"index.md": page(body)}) == [
        "index.md:10: a second calculator marker: one calculator a page"
    ]


def test_a_part_needs_its_excerpt_separator(tmp_path):
    found = problems(tmp_path, {"articles/posts/a.md": post(1, "a", "# A\n\nAll of it.\n")})
    assert found == [
        (
            "articles/posts/a.md:11: no <!-- more -->: put it after the opening answer "
            "(what comes before it is the excerpt on the article list)"
        )
    ]


def test_gaps_in_parts(tmp_path):
    files = {f"articles/posts/p{n}.md": post(n, f"p{n}") for n in (1, 2, 4)}
    assert problems(tmp_path, files) == [
        "articles/posts/p4.md:8: part 3 is missing: parts must run 1..N",
    ]


def test_repeated_parts(tmp_path):
    files = {"articles/posts/a.md": post(1, "a"), "articles/posts/b.md": post(1, "b")}
    assert problems(tmp_path, files) == ["articles/posts/b.md:8: part 1 is also articles/posts/a.md"]


def test_parts_must_start_at_one(tmp_path):
    found = problems(tmp_path, {"articles/posts/a.md": post(2, "a")})
    assert found == ["articles/posts/a.md:8: part 1 is missing: parts must run 1..N"]


# --- the real site ------------------------------------------------------------


def test_the_docs_have_no_problems():
    assert [str(p) for p in check_site(DOCS, read_sources_file(ROOT))] == []


def series_parts() -> list[Path]:
    return sorted((DOCS / "articles" / "posts").glob("*.md"))


def test_the_series_has_at_least_five_parts():
    assert len(series_parts()) >= 5


@pytest.mark.parametrize("path", series_parts(), ids=lambda p: p.stem)
def test_each_part_is_600_to_1500_words(path):
    assert MIN_WORDS <= prose_word_count(path.read_text(encoding="utf-8")) <= MAX_WORDS


def seed_runs() -> set[str]:
    return set(SEED_RUNS.read_text(encoding="utf-8").split())


def all_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", all_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_page_shares_eight_words_with_the_seed_post(path):
    text = path.read_text(encoding="utf-8")
    assert shared_runs(reader_text(text), seed_runs()) == []


def test_the_overlap_check_catches_a_copied_sentence_however_it_is_typed():
    copied = "THE call-or-email thing — is a bit *problematic*; so I'll give you a few"
    assert shared_runs(copied, seed_runs()) != []
    assert shared_runs("The call or email question is worth a little thought.", seed_runs()) == []


@pytest.mark.skipif(not SEED.is_file(), reason=SEED_MISSING)
def test_the_fingerprints_are_the_seed_posts():
    from devtools import fingerprints  # noqa: PLC0415

    assert fingerprints(SEED.read_text(encoding="utf-8", errors="replace")) == seed_runs()
