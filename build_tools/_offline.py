"""The service worker's manifest: this deploy's version and the files it keeps offline.

``docs/sw.js`` is copied into the site by MkDocs with a placeholder ``const MANIFEST = …;``
line; ``write_service_worker`` replaces that line with the built site's manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from build_tools._errors import BuildError

SERVICE_WORKER = "sw.js"
#: The runtime's and the wheel's folders: kept only once a page with the calculator asks.
CALCULATOR_FOLDERS = ("assets/pyodide/", "assets/calculator/")
#: The region files: each kept when a reader's calculator first fetches it (900 of them in all).
REGIONS_FOLDER = "assets/regions"
#: What no page shows or needs offline, so a first visit does not download it in the
#: background: source maps, the sitemap's precompressed copy, other languages' search, the social cards
#: (only link previews on other sites fetch them), the feeds and their stylesheet, the
#: tags plugin's listing, the ~600 time zone files (the worker fetches the one or two
#: it needs, and the service worker keeps those as they pass), the region files (a
#: reader needs one or two of 900; the service worker keeps those used), and the runtime's
#: full standard library (the calculator's worker fetches it only if the pruned one ever
#: lacks a module).
_LEFT_OUT = re.compile(
    r"(?:\.map|\.xml\.gz)$|^assets/javascripts/lunr/|^assets/images/social/|^feed_|^rss\.xsl$|^tags\.json$"
    r"|^assets/calculator/[^/]+/zoneinfo/|^assets/regions/|^assets/pyodide/[^/]+/python_stdlib\.zip$"
)
_MANIFEST_LINE = re.compile(r"^const MANIFEST = .*;$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class OfflineManifest:
    """What the service worker of one build keeps, as addresses relative to the site root."""

    version: str
    calculator_version: str
    shell: tuple[str, ...]
    calculator: tuple[str, ...]
    #: The region data's version (its folder under ``assets/regions/``): the files a reader
    #: used are kept in a cache named after it, and other versions' caches are deleted.
    regions_version: str = "none"

    def to_json(self) -> str:
        """The manifest as the JavaScript object literal ``sw.js`` reads."""
        return json.dumps(
            {
                "version": self.version,
                "calculator_version": self.calculator_version,
                "shell": list(self.shell),
                "calculator": list(self.calculator),
                "regions_version": self.regions_version,
            },
            separators=(",", ":"),
        )


def _address(relative: str, versions: Mapping[str, str]) -> str:
    """The address pages use for a site file: folders for pages, ``?v=`` for versioned files."""
    if relative == "index.html":
        return "./"
    if relative.endswith("/index.html"):
        return relative.removesuffix("index.html")
    return f"{relative}?v={versions[relative]}" if relative in versions else relative


def _digest(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for relative in files:
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update((site_dir / relative).read_bytes())
    return digest.hexdigest()[:12]


def offline_manifest(site_dir: Path, versions: Mapping[str, str]) -> OfflineManifest:
    """List the built site's files the service worker keeps, and name this build's version.

    Args:
        site_dir: the built site.
        versions: the ``?v=`` of the site's own scripts and stylesheets (``asset_versions``).
    """
    files = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and path.name != SERVICE_WORKER
    )
    files = [name for name in files if not _LEFT_OUT.search(name)]
    calculator = [name for name in files if name.startswith(CALCULATOR_FOLDERS)]
    shell = [name for name in files if not name.startswith(CALCULATOR_FOLDERS)]
    if not calculator:
        raise BuildError("the site has no calculator runtime to keep offline: was the calculator published?")
    region_folders = sorted(path.name for path in (site_dir / REGIONS_FOLDER).glob("*") if path.is_dir())
    return OfflineManifest(
        regions_version=region_folders[-1] if region_folders else "none",
        version=_digest(site_dir, shell),
        # The folders are named by the runtime's version and the wheel's hash already.
        calculator_version=hashlib.sha256("\n".join(calculator).encode()).hexdigest()[:12],
        shell=tuple(_address(name, versions) for name in shell),
        calculator=tuple(calculator),
    )


def write_service_worker(site_dir: Path, manifest: OfflineManifest) -> Path:
    """Put ``manifest`` into the site's ``sw.js`` (copied there from ``docs/``)."""
    path = site_dir / SERVICE_WORKER
    if not path.is_file():
        raise BuildError(f"the built site has no {SERVICE_WORKER}: it is copied from docs/{SERVICE_WORKER}")
    source = path.read_text(encoding="utf-8")
    written, found = _MANIFEST_LINE.subn(lambda _: f"const MANIFEST = {manifest.to_json()};", source)
    if found != 1:
        raise BuildError(f"docs/{SERVICE_WORKER} must hold one line `const MANIFEST = …;`, found {found}")
    path.write_text(written, encoding="utf-8")
    return path
