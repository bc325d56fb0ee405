"""Content versions for the site's own scripts and stylesheets.

Material names its files by their hash (``bundle.a5f9d56c.min.js``); the site's own files
keep their names (``calculator.js``), so the pages ask for them with ``?v=<hash>``. A new
deploy then never pairs a cached old loader with a new page, or a new loader with an old
worker: the loader starts its worker with its own query string, so both share one
version, the hash of both files.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

#: The folders of the site's own scripts and stylesheets.
VERSIONED_FOLDERS = ("assets/javascripts", "assets/stylesheets")
#: Files that must change version together: a loader and the worker it starts.
VERSIONED_TOGETHER: Mapping[str, tuple[str, ...]] = {
    "assets/javascripts/calculator.js": ("assets/javascripts/calculator-worker.js",),
}
_HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
_TAG = re.compile(r"<(?:script|link)\b[^>]*>", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r'(?P<lead>\s(?:src|href)=")(?P<url>[^"?#]+)(?P<rest>[^"]*")', re.IGNORECASE)


def asset_versions(site_dir: Path) -> dict[str, str]:
    """Map each of the site's own scripts and stylesheets (site-relative) to its version."""
    versions = {}
    for folder in VERSIONED_FOLDERS:
        for path in sorted((site_dir / folder).glob("*")):
            if not path.is_file() or path.suffix not in {".js", ".css"} or _HASHED_NAME.search(path.name):
                continue
            name = f"{folder}/{path.name}"
            digest = hashlib.sha256()
            for part in (name, *VERSIONED_TOGETHER.get(name, ())):
                digest.update((site_dir / part).read_bytes())
            versions[name] = digest.hexdigest()[:12]
    for leader, members in VERSIONED_TOGETHER.items():  # the worker is asked for with its loader's query
        for member in members:
            if leader in versions:
                versions[member] = versions[leader]
    return versions


def _site_relative(url: str, page: PurePosixPath, site_path: str) -> str | None:
    """The site-relative path ``url`` names from ``page``, or None if it leaves the site."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE):
        return None
    if url.startswith("/"):
        if not url.startswith(site_path):
            return None
        return url[len(site_path) :]
    joined = posixpath.normpath(posixpath.join(str(page.parent), url))
    return None if joined.startswith("..") else joined


def version_asset_urls(html: str, page: PurePosixPath, versions: Mapping[str, str], site_path: str) -> str:
    """Add ``?v=<version>`` to the page's ``<script src>`` and ``<link href>`` of versioned files.

    Args:
        html: the page.
        page: the page's file, relative to the site root (``articles/x/index.html``).
        versions: from ``asset_versions``.
        site_path: the site's path on its host, with both slashes (``/second-date/``);
            pages such as ``404.html`` name assets by absolute paths.
    """

    def version_attribute(match: re.Match[str]) -> str:
        target = _site_relative(match.group("url"), page, site_path)
        if target is None or target not in versions or match.group("rest") != '"':
            return match.group(0)
        return f"{match.group('lead')}{match.group('url')}?v={versions[target]}{match.group('rest')}"

    return _TAG.sub(lambda tag: _URL_ATTRIBUTE.sub(version_attribute, tag.group(0)), html)
