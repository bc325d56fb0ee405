"""The built site's articles: URLs, filled markers, series links, feed, cards, no third parties."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PIL import Image

from build_tools._frontmatter import read_source
from build_tools._series import load_series
from devtools import shared_runs

ROOT = Path(__file__).resolve().parents[2]
SEED_RUNS = ROOT / "tests" / "unit" / "data" / "seed-runs.txt"
ARTICLE = "articles/how-soon-is-too-soon-to-call/index.html"


@pytest.fixture
def site(built_site):
    """The site the session built once (tests/conftest.py), not a second build."""
    return built_site


def text_of(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_calculator_article_keeps_its_url_and_one_widget(site):
    page = (site / ARTICLE).read_text(encoding="utf-8")
    assert page.count('data-testid="call-calculator"') == 1


@pytest.mark.parametrize("page", [ARTICLE, "calculator/index.html"])
def test_the_readers_details_have_no_name_a_form_could_submit(site, page):
    # A reader who presses the button before the page's script is wired submits the form
    # itself: its named fields go into the address, and the details must never be there.
    markup = (site / page).read_text(encoding="utf-8")
    details = re.findall(r"<input\b[^>]*\bdata-sd-detail\b[^>]*>", markup)
    assert len(details) == 4  # the reader's name, the interviewer's, the role, the company
    assert not [tag for tag in details if re.search(r"\sname=", tag)]
    asked = re.findall(r"<input\b[^>]*\bname=\"(interviewed|region)\"", markup)
    assert sorted(asked) == ["interviewed", "region"]  # the question itself still submits


def test_home_links_to_the_calculator_article(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="articles/how-soon-is-too-soon-to-call/"' in home


def test_every_part_is_published_under_its_slug(site):
    for article in load_series(ROOT / "docs"):
        assert (site / "articles" / Path(article.path).stem / "index.html").is_file()


def test_no_marker_is_left_unfilled(site):
    for path in pages(site):
        assert "second-date:" not in path.read_text(encoding="utf-8"), path


def test_worked_examples_are_filled_from_the_calculator(site):
    text = text_of((site / ARTICLE).read_text(encoding="utf-8"))
    assert "Interview on Thursday 12 November 2026" in text
    assert "Your day to call: Monday 23 November 2026" in text


def test_each_part_links_to_its_neighbours(site):
    series = load_series(ROOT / "docs")
    for index, article in enumerate(series):
        page = (site / "articles" / Path(article.path).stem / "index.html").read_text(encoding="utf-8")
        nav = page[page.index('class="series-nav"') :]
        assert f"part {article.part} of {len(series)}" in nav
        if index:
            assert f'href="../{Path(series[index - 1].path).stem}/"' in nav
        if index + 1 < len(series):
            assert f'href="../{Path(series[index + 1].path).stem}/"' in nav


def test_nothing_is_loaded_from_another_host(site):
    tags = re.compile(r"<(?:script|img|iframe|source|link)\b[^>]*>")
    remote = re.compile(r"\b(?:src|href)=\"(?:https?:)?//")
    for path in pages(site):
        for tag in tags.findall(path.read_text(encoding="utf-8")):
            if re.search(r'rel="(?:canonical|alternate)"', tag):
                continue  # names this site's own address, loads nothing
            assert not remote.search(tag), f"{path}: {tag}"


def test_no_page_shares_eight_words_with_the_seed_post(site):
    seed = set(SEED_RUNS.read_text(encoding="utf-8").split())
    for path in pages(site):
        assert shared_runs(text_of(path.read_text(encoding="utf-8")), seed) == [], path


def test_the_feed_lists_every_part(site):
    feed = (site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert feed.count("<item>") == len(load_series(ROOT / "docs"))


def test_every_part_has_a_social_card(site):
    for article in load_series(ROOT / "docs"):
        with Image.open(site / "assets/images/social/articles" / f"{Path(article.path).stem}.png") as card:
            card.load()  # every row of pixels reads back
            assert card.size == (1200, 630)


def test_the_blog_lists_show_each_part_up_to_its_separator(site):
    # Each list (the blog's index, archives, category) shows a part's opening, not what follows
    # <!-- more -->, and links the rest with "Continue reading".
    lists = [page.read_text(encoding="utf-8") for page in sorted((site / "articles").rglob("index.html"))]
    lists = [page for page in lists if "md-post--excerpt" in page]
    assert len(lists) >= 3
    for page in lists:
        excerpts = page.split('class="md-post md-post--excerpt"')[1:]
        assert all("Continue reading" in excerpt for excerpt in excerpts)
        for article in load_series(ROOT / "docs"):
            if f"{Path(article.path).stem}/" not in page:
                continue
            body = read_source((ROOT / "docs" / article.path).read_text(encoding="utf-8")).body
            head, rest = body.split("<!-- more -->")
            opening = next(line for line in head.splitlines() if line.startswith("**In short:**"))
            assert " ".join(opening.replace("**", "").split()[:6]) in text_of(page), article.path
            for heading in re.findall(r"^## (.+)$", rest, re.MULTILINE):
                assert html.escape(heading, quote=False) not in page, heading
