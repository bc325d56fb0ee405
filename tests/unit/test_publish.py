"""Getting a built site ready to publish: asset versions, the offline manifest, all together."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath

import pytest

from build_tools import BuildError, finish_site
from build_tools._csp import inline_script_hashes
from build_tools._offline import offline_manifest, write_service_worker
from build_tools._versions import (
    asset_versions,
    preload_module_imports,
    static_imports,
    version_asset_urls,
    version_module_imports,
)

SW_SOURCE = 'const MANIFEST = { version: "dev" };\nself.addEventListener("fetch", () => {});\n'


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def page(assets: str) -> str:
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">\n'
        f'<link rel="stylesheet" href="{assets}assets/stylesheets/main.0123abcd.min.css">\n'
        f'<link rel="stylesheet" href="{assets}assets/stylesheets/calculator.css">\n'
        f'<script>__md_scope=new URL("{assets or "."}",location)</script>\n'
        "</head><body>\n"
        f'<a href="{assets}assets/javascripts/calculator.js">source</a>\n'
        f'<script src="{assets}assets/javascripts/bundle.0123abcd.min.js"></script>\n'
        f'<script src="{assets}assets/javascripts/calculator.js" type="module"></script>\n'
        "</body></html>\n"
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site: two pages at two depths, a 404 page with absolute addresses."""
    site = tmp_path / "site"
    write(site / "index.html", page(""))
    write(site / "articles/a/index.html", page("../../"))
    write(site / "404.html", page("/second-date/"))
    write(site / "assets/javascripts/calculator.js", "loader")
    write(site / "assets/javascripts/calculator-worker.js", "worker")
    write(site / "assets/javascripts/bundle.0123abcd.min.js", "material")
    write(site / "assets/javascripts/bundle.0123abcd.min.js.map", "map")
    write(site / "assets/javascripts/lunr/min/lunr.de.min.js", "de")
    write(site / "assets/stylesheets/calculator.css", "css")
    write(site / "assets/stylesheets/main.0123abcd.min.css", "material css")
    write(site / "assets/pyodide/314.0.7/pyodide.asm.wasm", b"\0asm")
    write(site / "assets/calculator/9f124af53752/calculator-0.1.0-py3-none-any.whl.gz", b"PK")
    write(site / "sitemap.xml", "<urlset/>")
    write(site / "sitemap.xml.gz", b"gz")
    write(site / "assets/images/social/index.png", b"png")
    write(site / "assets/images/favicon.png", b"png")
    write(site / "feed_rss_created.xml", "<rss/>")
    write(site / "feed_json_updated.json", "{}")
    write(site / "rss.xsl", "<xsl/>")
    write(site / "tags.json", "{}")
    write(site / "sw.js", SW_SOURCE)
    return site


def short_hash(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()[:12]


def test_the_loader_and_its_worker_share_one_version_over_both_files(site: Path) -> None:
    versions = asset_versions(site)
    both = short_hash(b"loader", b"worker")
    assert versions == {
        "assets/javascripts/calculator.js": both,
        "assets/javascripts/calculator-worker.js": both,
        "assets/stylesheets/calculator.css": short_hash(b"css"),
    }
    (site / "assets/javascripts/calculator-worker.js").write_text("worker 2", encoding="utf-8")
    assert asset_versions(site)["assets/javascripts/calculator.js"] != both  # a new worker, a new loader URL


@pytest.mark.parametrize(
    ("page_file", "prefix"),
    [("index.html", ""), ("articles/a/index.html", "../../"), ("404.html", "/second-date/")],
    ids=["root", "nested", "absolute"],
)
def test_pages_ask_for_the_sites_own_files_by_version(site: Path, page_file: str, prefix: str) -> None:
    versions = asset_versions(site)
    html = version_asset_urls(page(prefix), PurePosixPath(page_file), versions, "/second-date/")
    v = versions["assets/javascripts/calculator.js"]
    assert f'<script src="{prefix}assets/javascripts/calculator.js?v={v}" type="module">' in html
    css = versions["assets/stylesheets/calculator.css"]
    assert f'href="{prefix}assets/stylesheets/calculator.css?v={css}"' in html
    # Material's files carry their hash in their names; links are not loads.
    assert f'src="{prefix}assets/javascripts/bundle.0123abcd.min.js"' in html
    assert f'<a href="{prefix}assets/javascripts/calculator.js">' in html


def test_urls_outside_the_site_or_already_versioned_are_left_alone() -> None:
    versions = {"assets/javascripts/calculator.js": "abc"}
    html = (
        '<script src="https://example.org/assets/javascripts/calculator.js"></script>'
        '<script src="/elsewhere/assets/javascripts/calculator.js"></script>'
        '<script src="assets/javascripts/calculator.js?v=old"></script>'
        '<script src="../../assets/javascripts/calculator.js"></script>'
    )
    assert version_asset_urls(html, PurePosixPath("index.html"), versions, "/second-date/") == html


def test_manifest_keeps_pages_by_their_address_and_the_runtime_apart(site: Path) -> None:
    versions = asset_versions(site)
    manifest = offline_manifest(site, versions)
    v = versions["assets/javascripts/calculator.js"]
    assert set(manifest.shell) == {
        "./",
        "articles/a/",
        "404.html",
        f"assets/javascripts/calculator.js?v={v}",
        f"assets/javascripts/calculator-worker.js?v={v}",
        "assets/javascripts/bundle.0123abcd.min.js",
        f"assets/stylesheets/calculator.css?v={versions['assets/stylesheets/calculator.css']}",
        "assets/stylesheets/main.0123abcd.min.css",
        "assets/images/favicon.png",
        "sitemap.xml",
    }  # no social cards, feeds or tag listing: pages never fetch them
    assert manifest.calculator == (
        "assets/calculator/9f124af53752/calculator-0.1.0-py3-none-any.whl.gz",
        "assets/pyodide/314.0.7/pyodide.asm.wasm",
    )


def test_zone_and_region_files_are_kept_only_as_a_reader_uses_them(site: Path) -> None:
    write(site / "assets/calculator/9f124af53752/zoneinfo/Australia/Sydney", b"TZif")
    write(site / "assets/regions/abc123/KR.json", b"{}")
    manifest = offline_manifest(site, asset_versions(site))
    listed = manifest.calculator + manifest.shell
    assert not [name for name in listed if "/zoneinfo/" in name or name.startswith("assets/regions/")]
    assert manifest.regions_version == "abc123"


def test_any_change_to_the_pages_makes_a_new_version_and_the_runtime_keeps_its_own(site: Path) -> None:
    before = offline_manifest(site, asset_versions(site))
    (site / "articles/a/index.html").write_text(page("../../") + "<!-- edited -->", encoding="utf-8")
    after = offline_manifest(site, asset_versions(site))
    assert after.version != before.version
    assert after.calculator_version == before.calculator_version
    assert offline_manifest(site, asset_versions(site)) == after  # same site, same version


def test_the_service_worker_gets_the_manifest(site: Path) -> None:
    manifest = offline_manifest(site, asset_versions(site))
    source = write_service_worker(site, manifest).read_text(encoding="utf-8")
    line = re.search(r"^const MANIFEST = (.*);$", source, re.MULTILINE)
    assert line
    assert json.loads(line.group(1))["version"] == manifest.version
    assert source.endswith('self.addEventListener("fetch", () => {});\n')


def test_a_service_worker_without_its_manifest_line_is_an_error(site: Path) -> None:
    (site / "sw.js").write_text("self.skipWaiting();\n", encoding="utf-8")
    with pytest.raises(BuildError, match="const MANIFEST"):
        write_service_worker(site, offline_manifest(site, {}))


def test_finishing_a_site_versions_secures_and_lists_it(site: Path) -> None:
    published = finish_site(site, "https://example.github.io/second-date/")
    pages = [site / "index.html", site / "articles/a/index.html", site / "404.html"]
    texts = [path.read_text(encoding="utf-8") for path in pages]
    # One policy on every page, naming every page's inline scripts (they differ by depth).
    hashes = set().union(*(inline_script_hashes(text) for text in texts))
    assert len(hashes) == 3
    assert all(h in published.policy for h in hashes)
    for text in texts:
        assert f'<meta http-equiv="Content-Security-Policy" content="{published.policy}">' in text
        assert f"calculator.js?v={published.versions['assets/javascripts/calculator.js']}" in text
    assert published.manifest.version in (site / "sw.js").read_text(encoding="utf-8")


def test_a_modules_version_covers_what_it_imports_and_its_imports_carry_versions(tmp_path: Path) -> None:
    scripts = tmp_path / "assets/javascripts"
    write(scripts / "calculator.js", 'const mount = () => import("./calculator/widget.js");\n')
    write(scripts / "calculator-worker.js", 'import { PROTOCOL_VERSION } from "./calculator/protocol.js";\n')
    write(scripts / "calculator/widget.js", "import { part } from './view.js';\nexport const mount = 1;\n")
    write(scripts / "calculator/view.js", "export const part = 1;\n")
    write(scripts / "calculator/protocol.js", "export const PROTOCOL_VERSION = 2;\n")
    before = asset_versions(tmp_path)
    write(scripts / "calculator/view.js", "export const part = 2;\n")  # two imports away from the loader
    after = asset_versions(tmp_path)
    for name in ("calculator.js", "calculator/widget.js", "calculator/view.js"):
        assert before[f"assets/javascripts/{name}"] != after[f"assets/javascripts/{name}"], name
    assert (
        before["assets/javascripts/calculator/protocol.js"]
        == after["assets/javascripts/calculator/protocol.js"]
    )
    widget = version_module_imports(
        (scripts / "calculator/widget.js").read_text(encoding="utf-8"),
        "assets/javascripts/calculator/widget.js",
        after,
    )
    assert f"from './view.js?v={after['assets/javascripts/calculator/view.js']}';" in widget
    loader = version_module_imports(
        (scripts / "calculator.js").read_text(encoding="utf-8"), "assets/javascripts/calculator.js", after
    )  # a dynamic import too
    assert f'import("./calculator/widget.js?v={after["assets/javascripts/calculator/widget.js"]}")' in loader


def test_each_module_script_is_followed_by_the_preloads_of_its_static_imports(tmp_path: Path) -> None:
    site = tmp_path / "site"
    scripts = site / "assets/javascripts"
    write(
        scripts / "calculator.js",
        'import { a } from "./calculator/a.js";\nconst w = () => import("./calculator/w.js");',
    )
    write(
        scripts / "calculator/a.js", 'import "./b.js";\nexport { c } from "./c.js?v=0123abcd";'
    )  # already versioned
    write(scripts / "calculator/b.js", "")
    write(scripts / "calculator/c.js", 'import { a } from "./a.js";')  # a cycle ends
    write(
        scripts / "calculator/w.js", 'import "./b.js";'
    )  # only imported dynamically: left to load when wanted
    write(scripts / "offline.js", "")
    write(scripts / "calculator-worker.js", "")  # versioned with its loader
    html = (
        '<head><script type="module" async src="../../assets/javascripts/calculator.js" data-x="1"></script>'
        '<script src="../../assets/javascripts/bundle.0123abcd.min.js"></script></head>'
        '<body><script type="module" src="/second-date/assets/javascripts/offline.js"></script></body>'
    )
    imports = static_imports(site)
    done = preload_module_imports(html, PurePosixPath("articles/a/index.html"), imports, "/second-date/")
    preloads = re.findall(r'<link rel="modulepreload" href="([^"]+)">', done)
    assert preloads == [
        f"../../assets/javascripts/calculator/{name}.js" for name in ("a", "b", "c")
    ]  # offline.js imports nothing
    assert done.index('data-x="1"></script><link rel="modulepreload"') > 0  # right after its script
    versions = asset_versions(site)
    versioned = version_asset_urls(done, PurePosixPath("articles/a/index.html"), versions, "/second-date/")
    a = versions["assets/javascripts/calculator/a.js"]
    assert f'href="../../assets/javascripts/calculator/a.js?v={a}"' in versioned  # as the import asks for it
