import pytest

from build_tools._frontmatter import body_line, read_source


@pytest.mark.parametrize(
    "text",
    [
        "# No front matter\n",
        "",
        "---\ntitle: T\n---\n# Body\n",
        "---\ntitle: T\ndescription: D\n...\n\n# Body\n",
        "---\n---\n# Empty front matter\n",
        "---\ntitle: [unclosed\n---\n# Broken YAML\n",
        "---\ntitle: T\n---",
    ],
)
def test_body_line_is_read_sources_without_the_yaml(text: str):
    assert body_line(text) == read_source(text).body_line
