"""The last step of a build that will be published: versions, the policy, the service worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from build_tools._csp import add_policy, content_security_policy, inline_script_hashes
from build_tools._offline import OfflineManifest, offline_manifest, write_service_worker
from build_tools._scripts import minify_scripts
from build_tools._versions import (
    asset_versions,
    own_scripts,
    preload_module_imports,
    static_imports,
    version_asset_urls,
    version_site_modules,
)


@dataclass(frozen=True, slots=True)
class PublishedSite:
    """What ``finish_site`` did: the policy every page carries and the offline manifest."""

    policy: str
    versions: dict[str, str]
    manifest: OfflineManifest


def finish_site(site_dir: Path, site_url: str) -> PublishedSite:
    """Make a built site ready to publish, in place.

    1. The site's own scripts lose their comments and layout (``build_tools._scripts``).
    2. Pages ask for the site's own scripts and stylesheets with ``?v=<content hash>``, and
       the site's modules ask for each other so; each module script is followed by the
       preloads of what it imports.
    3. Every page gets the same Content-Security-Policy, allowing each inline script of
       the site by its hash.
    4. ``sw.js`` gets the build's version and the list of files to keep offline.

    Args:
        site_dir: the folder MkDocs built.
        site_url: the site's public address (``config.site_url``); pages such as
            ``404.html`` name assets by absolute paths under it.
    """
    site_path = "/" + urlsplit(site_url).path.strip("/") + "/"
    site_path = site_path.replace("//", "/")
    minify_scripts(site_dir, own_scripts(site_dir))
    versions = asset_versions(site_dir)
    version_site_modules(site_dir, versions)
    imports = static_imports(site_dir)
    pages = sorted(site_dir.rglob("*.html"))
    texts = {}
    for page in pages:
        relative = PurePosixPath(page.relative_to(site_dir).as_posix())
        html = preload_module_imports(page.read_text(encoding="utf-8"), relative, imports, site_path)
        texts[page] = version_asset_urls(html, relative, versions, site_path)
    hashes = set().union(*(inline_script_hashes(text) for text in texts.values()))
    policy = content_security_policy(hashes)
    for page, text in texts.items():
        page.write_text(add_policy(text, policy), encoding="utf-8")
    manifest = offline_manifest(site_dir, versions)
    write_service_worker(site_dir, manifest)
    return PublishedSite(policy=policy, versions=versions, manifest=manifest)
