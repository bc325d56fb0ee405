"""Every internal link and anchor of the built site resolves: a crawl from the home page
through the built files (external links are listed, never fetched)."""

from __future__ import annotations

from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from devtools import PagesServer

#: Attributes that point at something the page needs or offers.
LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}


class _Page(HTMLParser):
    """The links a page holds and the anchors it offers."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.anchors.add(value)
            if (tag, name) in LINKING:
                self.links.append(value)


def read(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def file_for(site: Path, root: str, url: str) -> Path | None:
    """The built file an internal address is served from, or None."""
    path = unquote(urlsplit(url).path)[len(urlsplit(root).path) :]
    target = site / path
    if target.is_dir():
        target /= "index.html"
    return target if target.is_file() else None


def test_every_internal_link_and_anchor_resolves(built_site: Path, pages_server: PagesServer) -> None:
    root = pages_server.url
    start = root  # the home page
    queue, seen = deque([start]), {start}
    parsed: dict[Path, _Page] = {}
    broken: list[str] = []
    external: set[str] = set()
    while queue:
        url = queue.popleft()
        file = file_for(built_site, root, url)
        assert file is not None, url
        if file.suffix != ".html":
            continue
        page = parsed.setdefault(file, read(file))
        for link in page.links:
            if link.startswith(("mailto:", "tel:", "javascript:", "data:", "blob:")):
                continue
            address, fragment = urldefrag(urljoin(url, link))
            if not address.startswith(root):
                external.add(address)
                continue
            target = file_for(built_site, root, address)
            if target is None:
                broken.append(f"{url}: {link} (no such file)")
                continue
            if fragment and target.suffix == ".html":
                anchors = parsed.setdefault(target, read(target)).anchors
                if unquote(fragment) not in anchors:
                    broken.append(f"{url}: {link} (no #{fragment} there)")
            if address not in seen:
                seen.add(address)
                queue.append(address)
    assert not broken, "\n".join(broken)
    # The crawl reached every page the build wrote, bar the 404 page nobody links to.
    built = built_site.rglob("*.html")
    pages = {html for html in built if "assets" not in html.relative_to(built_site).parts}
    assert pages - set(parsed) == {built_site / "404.html"}
    assert all(urlsplit(address).hostname != "127.0.0.1" for address in external)
