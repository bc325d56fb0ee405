"""The series: order from front matter, the landing list, previous/next links."""

from __future__ import annotations

from pathlib import Path

from build_tools._series import fill_series, load_series

DOCS = Path(__file__).resolve().parents[2] / "docs"


def write(docs: Path, name: str, part: int, series: str = "interview-as-dating") -> None:
    path = docs / "articles" / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: Part {part}\ndescription: About {part}.\nseries: {series}\npart: {part}\n---\n# P\n",
        encoding="utf-8",
    )


def test_parts_are_ordered_by_part_not_by_name(tmp_path):
    write(tmp_path, "a.md", 2)
    write(tmp_path, "b.md", 1)
    write(tmp_path, "c.md", 3, series="another")
    assert [(a.path, a.part) for a in load_series(tmp_path)] == [
        ("articles/posts/b.md", 1),
        ("articles/posts/a.md", 2),
    ]


def test_a_part_ends_with_links_to_its_neighbours(tmp_path):
    for n in (1, 2, 3):
        write(tmp_path, f"p{n}.md", n)
    filled = fill_series("# Two\n\nText.\n", load_series(tmp_path), "articles/posts/p2.md")
    assert "**Interview as dating, part 2 of 3.** [See the whole series](../../series.md)." in filled
    assert "- Previous: [Part 1](p1.md)" in filled
    assert "- Next: [Part 3](p3.md)" in filled


def test_the_first_and_last_parts_have_one_neighbour(tmp_path):
    for n in (1, 2):
        write(tmp_path, f"p{n}.md", n)
    series = load_series(tmp_path)
    assert "Previous" not in fill_series("# 1\n", series, "articles/posts/p1.md")
    assert "Next" not in fill_series("# 2\n", series, "articles/posts/p2.md")


def test_the_landing_marker_lists_every_part_from_the_page_it_is_on(tmp_path):
    for n in (1, 2):
        write(tmp_path, f"p{n}.md", n)
    filled = fill_series("# Series\n\n<!-- second-date:series -->\n", load_series(tmp_path), "series.md")
    assert filled == (
        "# Series\n\n"
        "1. **[Part 1](articles/posts/p1.md)** \N{EN DASH} About 1.\n"
        "2. **[Part 2](articles/posts/p2.md)** \N{EN DASH} About 2.\n"
    )


def test_pages_outside_the_series_get_no_links(tmp_path):
    write(tmp_path, "p1.md", 1)
    assert fill_series("# About\n", load_series(tmp_path), "about.md") == "# About\n"


def test_the_real_series_runs_in_the_issues_order():
    slugs = [Path(a.path).stem for a in load_series(DOCS)]
    assert slugs[:5] == [
        "eight-signs-your-interviewer-is-into-you",
        "how-soon-is-too-soon-to-call",
        "the-thank-you-note",
        "call-or-email",
        "when-they-say-no",
    ]
