"""Content versions for the site's own scripts and stylesheets.

Material names its files by their hash (``bundle.a5f9d56c.min.js``); the site's own files
keep their names (``calculator.js``), so the pages ask for them with ``?v=<hash>``. A new
deploy then never pairs a cached old loader with a new page, or a new loader with an old
worker: the loader starts its worker with its own query string, so both share one
version, the hash of both files.

The page's code is ES modules importing each other (``./calculator/view.js``). A module's
version covers every module it imports, directly or not, and the published copies import
each other with ``?v=`` too (``version_module_imports``), so one deploy's modules never mix
with another's.

A browser finds a module's imports only once the module has arrived, one round trip a level
of the graph; each page therefore names every module its own module scripts import
statically, as ``<link rel="modulepreload">`` right after the script (``preload_module_imports``),
and the whole graph downloads at once. Dynamic ``import()`` is left to load when wanted.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

#: The folders of the site's own scripts and stylesheets (not their sub-folders: Material's).
VERSIONED_FOLDERS = ("assets/javascripts", "assets/javascripts/calculator", "assets/stylesheets")
#: Files that must change version together: a loader and the worker it starts.
VERSIONED_TOGETHER: Mapping[str, tuple[str, ...]] = {
    "assets/javascripts/calculator.js": ("assets/javascripts/calculator-worker.js",),
}
_HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
#: An import or re-export of a module beside this one: ``from "./x.js"``, ``import "../y.js"``,
#: and the dynamic ``import("./z.js")`` (written with its address as one literal).
_IMPORT = re.compile(
    r"""(?P<lead>\b(?:from|import)\s*(?:\(\s*)?)(?P<quote>["'])(?P<url>\.{1,2}/[^"'?#]+\.js)(?P=quote)"""
)
#: The same, static only (``import(…)`` is left out), in a module already versioned or not.
_STATIC_IMPORT = re.compile(
    r"""(?P<lead>\b(?:from|import)\s*)(?P<quote>["'])(?P<url>\.{1,2}/[^"'?#]+\.js)(?:\?v=\w+)?(?P=quote)"""
)
#: A page's module script of the site's own, with the address it is loaded from.
_MODULE_SCRIPT = re.compile(
    r"""<script\b(?=[^>]*\btype="module")[^>]*\bsrc="(?P<url>[^"?#]+\.js)"[^>]*>\s*</script>""",
    re.IGNORECASE,
)
_TAG = re.compile(r"<(?:script|link)\b[^>]*>", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r'(?P<lead>\s(?:src|href)=")(?P<url>[^"?#]+)(?P<rest>[^"]*")', re.IGNORECASE)


def _imports(site_dir: Path, name: str, pattern: re.Pattern[str] = _IMPORT) -> set[str]:
    """The site-relative modules ``name`` imports, directly or not (itself not included).

    ``pattern`` finds one module's imports: every kind (``_IMPORT``) or static ones only.
    """
    found: set[str] = set()
    waiting = [name]
    while waiting:
        module = waiting.pop()
        path = site_dir / module
        if not path.is_file() or path.suffix != ".js":
            continue
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            imported = posixpath.normpath(posixpath.join(posixpath.dirname(module), match.group("url")))
            if imported not in found:
                found.add(imported)
                waiting.append(imported)
    found.discard(name)
    return found


def own_scripts(site_dir: Path) -> list[str]:
    """The site's own scripts (site-relative), not Material's: what ``asset_versions`` versions."""
    return [name for name in _versioned_files(site_dir) if name.endswith(".js")]


def _versioned_files(site_dir: Path) -> list[str]:
    return [
        path.relative_to(site_dir).as_posix()
        for folder in VERSIONED_FOLDERS
        for path in sorted((site_dir / folder).glob("*"))
        if path.is_file() and path.suffix in {".js", ".css"} and not _HASHED_NAME.search(path.name)
    ]


def asset_versions(site_dir: Path) -> dict[str, str]:
    """Map each of the site's own scripts and stylesheets (site-relative) to its version.

    A version is the hash of the file, the files versioned with it (``VERSIONED_TOGETHER``)
    and every module any of them imports.
    """
    versions = {}
    for name in _versioned_files(site_dir):
        own = [name, *VERSIONED_TOGETHER.get(name, ())]
        imported = set().union(*(_imports(site_dir, part) for part in own)) - set(own)
        digest = hashlib.sha256()
        for part in [*own, *sorted(imported)]:
            digest.update((site_dir / part).read_bytes())
        versions[name] = digest.hexdigest()[:12]
    for leader, members in VERSIONED_TOGETHER.items():  # the worker is asked for with its loader's query
        for member in members:
            if leader in versions:
                versions[member] = versions[leader]
    return versions


def version_module_imports(source: str, module: str, versions: Mapping[str, str]) -> str:
    """Add ``?v=<version>`` to the relative imports of one published module.

    Args:
        source: the module's text.
        module: its site-relative path (``assets/javascripts/calculator.js``).
        versions: from ``asset_versions``.
    """

    def versioned(match: re.Match[str]) -> str:
        url = match.group("url")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(module), url))
        if target not in versions:
            return match.group(0)
        quote = match.group("quote")
        return f"{match.group('lead')}{quote}{url}?v={versions[target]}{quote}"

    return _IMPORT.sub(versioned, source)


def version_site_modules(site_dir: Path, versions: Mapping[str, str]) -> None:
    """Rewrite every published module of the site's own to import its neighbours by version."""
    for name in versions:
        if name.endswith(".js"):
            path = site_dir / name
            source = path.read_text(encoding="utf-8")
            written = version_module_imports(source, name, versions)
            if written != source:
                path.write_text(written, encoding="utf-8")


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


def static_imports(site_dir: Path) -> dict[str, list[str]]:
    """Each of the site's own scripts -> what it imports statically, directly or not, sorted.

    Read once a build, for every page's preloads (``preload_module_imports``).
    """
    return {name: sorted(_imports(site_dir, name, _STATIC_IMPORT)) for name in own_scripts(site_dir)}


def preload_module_imports(
    html: str, page: PurePosixPath, imports: Mapping[str, Sequence[str]], site_path: str
) -> str:
    """Follow each of the site's own module scripts in ``html`` with its static imports' preloads.

    Each module the script imports statically, directly or not, gets a
    ``<link rel="modulepreload">``, addressed as the script is (relative or absolute), in the
    graph's sorted order; ``version_asset_urls`` then adds their versions.

    Args:
        html: the page.
        page: the page's file, relative to the site root.
        imports: from ``static_imports``.
        site_path: the site's path on its host, with both slashes (``/second-date/``).
    """

    def with_preloads(match: re.Match[str]) -> str:
        url = match.group("url")
        module = _site_relative(url, page, site_path)
        if module is None or not url.endswith(module):
            return match.group(0)
        prefix = url.removesuffix(module)
        links = "".join(
            f'<link rel="modulepreload" href="{prefix}{imported}">' for imported in imports.get(module, ())
        )
        return match.group(0) + links

    return _MODULE_SCRIPT.sub(with_preloads, html)
