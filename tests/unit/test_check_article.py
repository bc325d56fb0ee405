"""`make check-article`: one draft checked, each kind of problem named on its line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from build_tools._sources import SOURCES_FILE
from devtools._overlap import SEED_RUNS_FILE, fingerprints, prose_word_count
from devtools.check_article import check_article, main
from tests.unit.test_content import make_docs, post

ROOT = Path(__file__).resolve().parents[2]
#: A sentence standing in for the source post: the draft below copies nine of its words.
SEED = "Everyone knows the feeling of waiting by the phone after a very good first date."
SOURCES = """\
Timing:
  - fact: Wait two business days past their date.
    source: https://example.com/wait
    strength: medium
    used_in: [one, draft]
  - fact: 33% of bosses decide within 90 seconds.
    strength: disputed
    figures: [90 seconds]
"""
FILLER = "Short sentences help a reader on a phone keep going to the end. " * 60


def project(tmp_path: Path, draft_body: str) -> Path:
    """A project with one finished part, the draft as part 2, a list of sources and the seed's runs."""
    one = post(1, "one", f"# One\n\nAnswer.\n\n<!-- more -->\n\n[Wait](https://example.com/wait). {FILLER}\n")
    make_docs(
        tmp_path, {"articles/posts/one.md": one, "articles/posts/draft.md": post(2, "draft", draft_body)}
    )
    (tmp_path / SOURCES_FILE).parent.mkdir(parents=True)
    (tmp_path / SOURCES_FILE).write_text(SOURCES, encoding="utf-8")
    (tmp_path / SEED_RUNS_FILE).parent.mkdir(parents=True)
    (tmp_path / SEED_RUNS_FILE).write_text("\n".join(sorted(fingerprints(SEED))), encoding="utf-8")
    return tmp_path


DRAFT = """\
# Draft

TODO: the direct answer.

<!-- more -->

#### Too deep

Some bosses decide in 90 seconds, says [a survey](https://example.org/survey).
See [part one](missing.md) and [the wait](https://example.com/wait).

You know the feeling of waiting by the phone after a very good first date, surely.

<!-- second-date:example interviewed=2026-11-12 reply=1w region=XX-YY -->
"""


def test_each_kind_of_problem_is_named_on_its_line(tmp_path):
    root = project(tmp_path, DRAFT)
    draft = root / "docs" / "articles" / "posts" / "draft.md"
    lines = draft.read_text(encoding="utf-8").split("\n")

    def at(fragment: str) -> str:
        return f"docs/articles/posts/draft.md:{next(n for n, t in enumerate(lines, 1) if fragment in t)}: "

    report = check_article(draft, root)
    words = prose_word_count(draft.read_text(encoding="utf-8"))
    assert report.words == words
    assert [str(fix) for fix in report.fixes[:-1]] == [
        f"docs/articles/posts/draft.md:1: {words} words: a part needs at least 600",
        at("TODO") + "a TODO from the scaffold is still here",
        at("#### Too deep") + "heading skips a level: h1 then h4",
        at("90 seconds") + "source https://example.org/survey is not in research/sources.yml: "
        "add it there with its fact, strength and used_in, or cite a listed source",
        at("90 seconds")
        + "“90 seconds” is a figure marked disputed in research/sources.yml:6: do not use it",
        at("missing.md") + "link target 'missing.md' is not a file in docs/",
        at("very good first date") + "shares a run of words with the source post "
        "(“the feeling of waiting by the phone after a very good first date”): say it in your own words",
    ]
    example = str(report.fixes[-1])
    assert example.startswith(at("second-date:example") + "worked example: the calculator refused")
    assert "XX-YY" in example


def test_a_clean_draft_says_so_and_exits_0(tmp_path, capsys):
    body = (
        f"# Draft\n\nThe answer.\n\n<!-- more -->\n\n## Why\n\n[Wait](https://example.com/wait). {FILLER}\n"
    )
    root = project(tmp_path, body)
    assert main([str(root / "docs/articles/posts/draft.md")], root) == 0
    out = capsys.readouterr().out
    assert out.startswith("docs/articles/posts/draft.md, ")
    assert "words (600 to 1,500): nothing to fix" in out


def test_problems_of_other_files_that_name_the_draft_are_its_to_fix(tmp_path):
    root = project(tmp_path, f"# Draft\n\nAnswer.\n\n<!-- more -->\n\n{FILLER}\n")
    (root / "docs/articles/posts/draft.md").write_text(
        post(1, "draft", f"# Draft\n\nAnswer.\n\n<!-- more -->\n\n{FILLER}\n"), encoding="utf-8"
    )
    fixes = [str(fix) for fix in check_article(root / "docs/articles/posts/draft.md", root).fixes]
    assert fixes == [
        "docs/articles/posts/one.md:8: part 1 is also articles/posts/draft.md",
        "research/sources.yml:2: used_in names draft, which links none of this fact's sources",
    ]


@pytest.mark.parametrize("name", ["README.md", "docs/nowhere.md", "mkdocs.yml"])
def test_only_a_markdown_page_of_docs(name, capsys):
    assert main([str(ROOT / name)]) == 2
    assert "is not a Markdown file in" in capsys.readouterr().err


def test_make_check_article_runs_it_on_a_real_article():
    article = "docs/articles/posts/call-or-email.md"
    done = subprocess.run(
        ["make", "--no-print-directory", "check-article", f"FILE={article}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith(
        "nothing to fix. `make serve` previews it; `make test` runs every check."
    )
