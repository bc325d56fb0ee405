"""Bytes on the wire: the files behind a visit's responses, compressed as a server would.

Also the bytes' measures, each with its target defined once right above it.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from bench._metrics import PAGES, Metrics, median, page_median
from bench._rows import Row, ratio
from bench._targets import at_most, at_most_over, no_target
from build_tools._offline import CALCULATOR_FOLDERS
from build_tools._runtime import RUNTIME_FILES


def compressed_size(data: bytes) -> int:
    """Bytes on the wire for ``data`` sent gzip-compressed at level 9 (no timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _url_file(url: str, server_url: str, site_dir: Path) -> Path | None:
    """The file in ``site_dir`` that the server at ``server_url`` answers ``url`` with."""
    if not url.startswith(server_url):
        return None
    path = urlsplit(url).path[len(urlsplit(server_url).path) :]
    target = site_dir / path
    if target.is_dir() or path.endswith("/") or not path:
        target /= "index.html"
    return target if target.is_file() else None


class Sizes:
    """Sizes of the files behind URLs of one served site, each file compressed once."""

    def __init__(self, server_url: str, site_dir: Path) -> None:
        """For the site in ``site_dir``, served at ``server_url``."""
        self.server_url = server_url
        self.site_dir = site_dir
        self._cache: dict[Path, int] = {}

    def total(self, urls: Sequence[str]) -> int:
        """Bytes of the distinct ``urls``, each compressed (:func:`compressed_size`)."""
        total = 0
        for url in dict.fromkeys(urls):
            file = _url_file(url, self.server_url, self.site_dir)
            if file is not None:
                if file not in self._cache:
                    self._cache[file] = compressed_size(file.read_bytes())
                total += self._cache[file]
        return total

    def raw(self, urls: Sequence[str]) -> int:
        """Bytes of the distinct ``urls``, as served."""
        files = (_url_file(url, self.server_url, self.site_dir) for url in dict.fromkeys(urls))
        return sum(file.stat().st_size for file in files if file is not None)


def pages_kept(urls: Sequence[str]) -> list[str]:
    """What the service worker fetched, but the runtime and the wheel.

    The page downloaded those itself just before; the worker's copy comes through the
    browser's HTTP cache.
    """
    return [url for url in urls if not any(f"/{folder}" in url for folder in CALCULATOR_FOLDERS)]


def runtime_urls(urls: Sequence[str]) -> list[str]:
    """The Python runtime's files among ``urls``, by their names (``RUNTIME_FILES``).

    The standard library counts wherever it is served from: the runtime's full zip, or the
    site's pruned one beside the wheel.
    """
    return [url for url in urls if urlsplit(url).path.rsplit("/", 1)[-1] in RUNTIME_FILES]


#: Bytes of a cold visit, compressed: the calculator may add this much to the runtime's.
COLD_BYTES = at_most_over(100, "KB", "floor")
#: … of which the Python runtime, with the site's pruned standard library (issue 19).
RUNTIME_BYTES = at_most(4_800, "KB")
#: … and what it adds beyond the runtime and the article's own page, with everything the
#: reader's plan brings (issue 15).
CALCULATOR_BYTES = at_most(80, "KB")


def cold_bytes(m: Metrics) -> list[Row]:
    """Bytes of a cold visit (gzip -9), the Python runtime's share, and the calculator's beyond it."""
    if "bytes_gzip" not in m:
        return []
    floor_kb, ours_kb, page_kb = (
        median(m["bytes_gzip"][page]) / 1000 for page in ("floor", "ours", "without")
    )
    difference = ours_kb - floor_kb
    rows = [
        Row.judged(
            "Bytes, cold visit (gzip -9)",
            f"floor {floor_kb:,.0f} KB; article without widget {page_kb:,.0f} KB",
            f"{ours_kb:,.0f} KB",
            f"{abs(difference):,.0f} KB {'over' if difference >= 0 else 'under'} floor",
            COLD_BYTES,
            value=ours_kb,
            base=floor_kb,
        )
    ]
    runtime_kb, beyond = floor_kb, "ours − without widget − floor"
    if m.get("runtime_bytes_gzip", {}).get("ours"):
        floor_runtime_kb, runtime_kb = (
            page_median(m["runtime_bytes_gzip"], page) / 1000 for page in ("floor", "ours")
        )
        beyond = "ours − without widget − our runtime"
        rows.append(
            Row.judged(
                "… of which the Python runtime (Pyodide, standard library)",
                f"floor {floor_runtime_kb:,.0f} KB",
                f"{runtime_kb:,.0f} KB",
                ratio(runtime_kb, floor_runtime_kb),
                RUNTIME_BYTES,
                value=runtime_kb,
            )
        )
    widget_kb = ours_kb - page_kb - runtime_kb
    rows.append(
        Row.judged(
            "… of which the calculator beyond the runtime",
            beyond,
            f"{widget_kb:,.0f} KB",
            "–",
            CALCULATOR_BYTES,
            value=widget_kb,
        )
    )
    return rows


#: What the service worker keeps for offline use comes after the answer.
OFFLINE_BYTES = no_target("background, not part of the answer")


def offline_bytes(m: Metrics) -> list[Row]:
    """What the service worker fetched to keep the pages offline, after the answer."""
    if not m.get("offline_bytes_gzip", {}).get("ours"):
        return []
    offline = {page: page_median(m["offline_bytes_gzip"], page) / 1000 for page in PAGES}
    return [
        Row.judged(
            "Pages kept offline by the service worker, after the answer",
            f"article without widget {offline['without']:,.0f} KB",
            f"{offline['ours']:,.0f} KB",
            "–",
            OFFLINE_BYTES,
        )
    ]
