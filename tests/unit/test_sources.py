"""The list of sources (research/sources.yml) and the content checks made against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools._content import check_site
from build_tools._pages import read_sources_file
from build_tools._sources import SOURCES_FILE, read_sources
from calculator import _sources as calculator_sources
from tests.unit.test_content import make_docs, post

ROOT = Path(__file__).resolve().parents[2]

LIST = """\
Timing:
  - fact: Wait two business days past their date.
    source: https://example.com/wait
    strength: medium
    used_in: [one]
  - fact: 33% of bosses decide within 90 seconds.
    strength: disputed
    figures: [90 seconds, 90-second, ninety seconds]
  - fact: Only one lawyer says so.
    source: https://example.com/lawyer
    strength: disputed
"""


def body(text: str) -> str:
    return f"# One\n\nThe answer.\n\n<!-- more -->\n\n{text}\n"


def found(tmp_path: Path, text: str, listing: str = LIST) -> list[str]:
    docs = make_docs(tmp_path, {"articles/posts/one.md": post(1, "one", body(text))})
    return [str(p) for p in check_site(docs, read_sources(listing))]


def test_a_listed_source_used_by_its_article_is_fine(tmp_path):
    assert found(tmp_path, "Wait [two days](https://example.com/wait/#top).") == []


def test_a_source_not_in_the_list(tmp_path):
    text = "Wait [two days](https://example.com/wait); a [survey](https://example.org/survey) says so."
    assert found(tmp_path, text) == [
        (
            "articles/posts/one.md:18: source https://example.org/survey is not in research/sources.yml: "
            "add it there with its fact, strength and used_in, or cite a listed source"
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A third of bosses decide within 90 seconds.",
        "They decide in\nninety seconds, they say.",
        "A **90-second** verdict?",
    ],
    ids=["digits", "words-across-lines", "hyphenated"],
)
def test_a_figure_marked_disputed(tmp_path, text):
    problems = found(tmp_path, f"Wait [two days](https://example.com/wait).\n\n{text}")
    assert len(problems) == 1
    assert problems[0].startswith("articles/posts/one.md:20: “")
    assert "is a figure marked disputed in research/sources.yml:6: do not use it" in problems[0]


def test_a_disputed_figure_in_the_title_is_found_on_its_line(tmp_path):
    docs = make_docs(
        tmp_path, {"articles/posts/one.md": post(1, "one", body("Text."), {"title": "Hired in 90 seconds"})}
    )
    assert [str(p) for p in check_site(docs, read_sources(LIST))] == [
        (
            "articles/posts/one.md:2: “90 seconds” is a figure marked disputed in research/sources.yml:6: "
            "do not use it"
        ),
        "research/sources.yml:2: used_in names one, which links none of this fact's sources",
    ]


def test_a_source_that_backs_only_disputed_facts(tmp_path):
    problems = found(
        tmp_path, "Wait [two days](https://example.com/wait); [a lawyer](https://example.com/lawyer)."
    )
    assert problems == [
        (
            "articles/posts/one.md:18: source https://example.com/lawyer backs only facts marked disputed "
            "in research/sources.yml: do not cite it"
        )
    ]


def test_the_list_names_the_articles_that_use_a_source(tmp_path):
    listing = LIST.replace("used_in: [one]", "used_in: [two]")
    assert found(tmp_path, "Wait [two days](https://example.com/wait).", listing) == [
        (
            "articles/posts/one.md:18: source https://example.com/wait is in research/sources.yml "
            "without this "
            "article: add one to the used_in of the fact it backs (line 2)"
        ),
        "research/sources.yml:2: used_in names two: no article has that slug",
    ]


@pytest.mark.parametrize(
    ("listing", "expected"),
    [
        pytest.param("Timing: [\n", "research/sources.yml:2: not valid YAML", id="yaml"),
        pytest.param("- fact: x\n", "research/sources.yml:1: must map each topic", id="not-topics"),
        pytest.param(
            "Timing:\n  fact: x\n", "research/sources.yml:1: topic 'Timing' must hold", id="no-list"
        ),
        pytest.param(
            "Timing:\n  - fact: x\n    strength: solid\n",
            "research/sources.yml:2: strength must be one of strong, medium, weak, disputed, not 'solid'",
            id="strength",
        ),
        pytest.param(
            "Timing:\n  - fact: x\n    strength: weak\n    url: https://a.example\n",
            "research/sources.yml:4: unknown field 'url'",
            id="unknown-field",
        ),
        pytest.param(
            "Timing:\n  - fact: x\n    strength: weak\n    source: a.example/page\n",
            "research/sources.yml:2: source 'a.example/page' is not a web address",
            id="not-an-address",
        ),
        pytest.param(
            "Timing:\n  - strength: weak\n", "research/sources.yml:2: a fact needs `fact`", id="no-fact"
        ),
    ],
)
def test_problems_of_the_list_itself(listing, expected):
    problems = read_sources(listing).problems
    assert problems
    assert str(problems[0]).startswith(expected), problems


# --- the repository's list ------------------------------------------------------


def test_the_repositorys_list_reads_cleanly():
    listed = read_sources_file(ROOT)
    assert listed.problems == ()
    assert len(listed.facts) >= 50
    assert any(fact.strength == "disputed" and fact.figures for fact in listed.facts)


def test_every_source_the_calculator_cites_is_listed_for_it():
    listed = read_sources_file(ROOT)
    cited = [
        url for url in vars(calculator_sources).values() if isinstance(url, str) and url.startswith("http")
    ]
    assert cited
    for url in cited:
        assert any("calculator" in fact.used_in for fact in listed.citing(url)), (
            f"{url} (calculator/_sources.py) needs a fact in {SOURCES_FILE} with used_in: [calculator]"
        )
