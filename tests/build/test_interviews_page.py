"""My interviews in the built site: its page, and the links between it and the calculator,
found by the build from the pages that hold them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from build_tools._widget import CALCULATOR_PAGE

ARTICLE = "articles/how-soon-is-too-soon-to-call/"
INTERVIEWS = "my-interviews/"


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def loader(html: str) -> dict[str, str]:
    tag = re.search(r'<script type="module" async src="[^"]*calculator\.js[^>]*>', html)
    assert tag, "the page has no loader"
    return dict(re.findall(r'\s(data-[a-z-]+)="([^"]*)"', tag.group(0)))


def test_the_list_opens_plans_on_the_calculators_own_page(built_site: Path) -> None:
    html = page(built_site, INTERVIEWS)
    link = re.search(r'data-sd-component="interviews"[^>]*\sdata-calculator="([^"]+)"', html)
    assert link
    assert urljoin(f"https://x/{INTERVIEWS}", link.group(1)) == f"https://x/{CALCULATOR_PAGE}"


def test_every_calculators_save_control_points_to_the_list(built_site: Path) -> None:
    for address in (ARTICLE, CALCULATOR_PAGE):
        html = page(built_site, address)
        link = re.search(r'data-sd-part="interviews-link"[^>]*\shref="([^"]+)"', html)
        assert link, address
        assert urljoin(f"https://x/{address}", link.group(1)) == f"https://x/{INTERVIEWS}"
        assert 'data-testid="save-plan"' in html


def test_each_pages_loader_names_its_components(built_site: Path) -> None:
    assert loader(page(built_site, ARTICLE))["data-components"] == "calculator save-plan"
    assert loader(page(built_site, INTERVIEWS))["data-components"] == "interviews"
    assert "data-components" not in loader((built_site / "index.html").read_text(encoding="utf-8"))


def test_the_list_is_in_the_navigation(built_site: Path) -> None:
    assert re.search(
        r'<a href="[^"]*my-interviews/"[^>]*>\s*(<span[^>]*>)?\s*My interviews', page(built_site, ARTICLE)
    )
