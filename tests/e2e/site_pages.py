"""What the publishing tests know of the built site: its pages and the addresses they use."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Page

#: Records every Content-Security-Policy violation of a page in ``window.__cspViolations``.
#: Playwright adds init scripts through the DevTools protocol: no policy applies to this one.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
});
"""

_LOADS = re.compile(r'<(?:script|link|img|a)\b[^>]*?\s(?:src|href)="([^"#]+)', re.IGNORECASE)


def page_urls(site: Path, site_url: str) -> list[str]:
    """Every page of the built site, as the address a reader visits (folders, not index.html)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            continue
        urls.append(site_url + relative.removesuffix("index.html"))
    return urls


def local_addresses(site: Path, site_url: str) -> set[str]:
    """Every address under the site that a page loads or links to, resolved."""
    found = set()
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        base = site_url + relative
        for ref in _LOADS.findall(path.read_text(encoding="utf-8")):
            url = urljoin(base, ref)
            if urlsplit(url).netloc == urlsplit(site_url).netloc:
                found.add(url)
    return found


def csp_violations(page: Page) -> list[str]:
    """The policy violations the page has seen so far (needs ``RECORD_VIOLATIONS``)."""
    return list(page.evaluate("window.__cspViolations ?? ['the violation recorder did not run']"))
