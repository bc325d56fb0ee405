"""A post's blog excerpt renders the same from the Markdown the hook leaves the blog lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown import Markdown

from build_tools import excerpt_source
from build_tools._frontmatter import read_source

ROOT = Path(__file__).resolve().parents[2]
POSTS = sorted((ROOT / "docs" / "articles" / "posts").glob("*.md"))
SEPARATOR = "<!-- more -->"


def excerpt(markdown: str) -> tuple[str, bool]:
    """The excerpt as Material's blog lists show it: the HTML before the separator, and
    whether the list links "Continue reading" (something follows the separator)."""
    md = Markdown(
        extensions=["admonition", "attr_list", "md_in_html", "toc"],
        extension_configs={"toc": {"anchorlink": True, "baselevel": 2, "permalink": False, "toc_depth": 2}},
    )
    head, *more = md.convert(markdown).split(SEPARATOR, 1)
    return head, bool(more and more[0])


@pytest.mark.parametrize("post", POSTS, ids=lambda p: p.stem)
def test_every_article_keeps_its_excerpt_from_a_fraction_of_its_markdown(post):
    body = read_source(post.read_text(encoding="utf-8")).body
    trimmed = excerpt_source(body, SEPARATOR)
    assert len(trimmed) < len(body) / 3
    assert excerpt(trimmed) == excerpt(body)
    assert excerpt(body)[1], "the list links the rest of the post"


def test_a_post_with_nothing_after_the_separator_is_left_whole():
    markdown = "# Title\n\nThe answer.\n\n<!-- more -->\n\n"
    assert excerpt_source(markdown, SEPARATOR) == markdown
    assert excerpt(markdown)[1] is False


@pytest.mark.parametrize(
    "markdown",
    [
        # a reference link defined after the separator, used before it
        "# T\n\nSee [the survey][s].\n\n<!-- more -->\n\nMore.\n\n[s]: https://example.org/\n",
        # the same, its label over two lines
        "# T\n\nSee [the\nsurvey].\n\n<!-- more -->\n\nMore.\n\n[the\nsurvey]: https://example.org/\n",
        # an abbreviation defined after the separator
        "# T\n\nThe HR team.\n\n<!-- more -->\n\nMore.\n\n*[HR]: Human resources\n",
        # the separator shown in a code block before the real one
        "# T\n\n```\n<!-- more -->\n```\n\nText.\n\n<!-- more -->\n\nMore.\n",
        # a code fence open before the only separator
        "# T\n\n```html\n<!-- more -->\n\nMore.\n```\n",
        # the separator inside a line of text
        "# T\n\nText <!-- more --> text.\n\nMore.\n",
    ],
    ids=["reference", "reference-label-over-two-lines", "abbreviation", "twice", "fence", "inline"],
)
def test_markdown_that_could_render_another_excerpt_is_left_whole(markdown):
    assert excerpt_source(markdown, SEPARATOR) == markdown


def test_the_reference_case_would_break_if_trimmed():
    markdown = "# T\n\nSee [the survey][s].\n\n<!-- more -->\n\nMore.\n\n[s]: https://example.org/\n"
    cut = markdown.split(SEPARATOR, maxsplit=1)[0] + SEPARATOR + "\n\n…\n"
    assert excerpt(cut) != excerpt(markdown)
