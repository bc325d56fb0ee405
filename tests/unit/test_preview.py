"""The preview's banner and error page: what a writer sees, and nothing of theirs run as markup."""

from __future__ import annotations

from pathlib import Path

from build_tools._preview import (
    BANNER_ATTRIBUTE,
    ERROR_ATTRIBUTE,
    Preview,
    banner,
    error_page,
    write_error_site,
)
from build_tools._problems import Problem


def test_no_problems_no_banner():
    assert banner([]) == ""


def test_the_banner_lists_each_problem_as_path_line_message_escaped():
    shown = banner([Problem("a.md", 9, "second"), Problem("a.md", 3, "link target '<b>x</b>.md'")])
    assert BANNER_ATTRIBUTE in shown
    assert "2 content problems: <code>make build</code> stops on them" in shown
    first, second = shown.index("a.md:3:"), shown.index("a.md:9:")
    assert first < second
    assert "a.md:3: link target &#x27;&lt;b&gt;x&lt;/b&gt;.md&#x27;" in shown
    assert "<b>" not in shown


def test_the_error_page_says_what_mkdocs_said(tmp_path: Path):
    (tmp_path / "articles" / "one").mkdir(parents=True)
    (tmp_path / "articles" / "one" / "index.html").write_text("old page", encoding="utf-8")
    write_error_site(tmp_path, ["Couldn't find '<!-- more -->'"], [Path("articles/two/index.html")])
    for page in ("index.html", "404.html", "articles/one/index.html", "articles/two/index.html"):
        text = (tmp_path / page).read_text(encoding="utf-8")
        assert text == error_page(["Couldn't find '<!-- more -->'"])
        assert ERROR_ATTRIBUTE in text
        assert "Couldn&#x27;t find &#x27;&lt;!-- more --&gt;&#x27;" in text
        assert text.rstrip().endswith("</body></html>")  # where live reload puts its script


def test_a_post_without_its_separator_still_renders_in_the_preview():
    assert Preview.with_separator("# A\n\nText.\n", "<!-- more -->") == "# A\n\nText.\n\n\n<!-- more -->\n"
    kept = "# A\n\n<!-- more -->\n\nText.\n"
    assert Preview.with_separator(kept, "<!-- more -->") == kept
