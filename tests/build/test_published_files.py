"""The built site as it is published: one policy on every page, versioned URLs, sw.js."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from build_tools._csp import inline_script_hashes
from build_tools._scripts import minify_scripts

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert site / "404.html" in found
    assert site / "index.html" in found
    return found


def test_every_page_carries_the_same_policy_before_any_script(built_site: Path) -> None:
    policies = set()
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, page
        policies.add(found[0])
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        assert html.index("Content-Security-Policy") < html.index("<link"), page
        assert html.index("<meta charset") < 1024, page  # the charset stays in the first 1024 bytes
    (policy,) = policies
    assert "'wasm-unsafe-eval'" in policy
    assert "'unsafe-eval'" not in policy
    assert "'unsafe-inline'" not in policy


def test_the_policy_names_every_inline_script_of_the_site(built_site: Path) -> None:
    texts = [page.read_text(encoding="utf-8") for page in pages(built_site)]
    everything = set().union(*(inline_script_hashes(text) for text in texts))
    assert everything  # Material has inline scripts: the test would prove nothing otherwise
    policy = POLICY.findall((built_site / "index.html").read_text(encoding="utf-8"))[0]
    assert everything <= set(policy.replace(";", " ").split())


def test_the_loader_is_asked_for_by_the_hash_of_loader_worker_and_their_modules(
    built_site: Path, tmp_path: Path
) -> None:
    # The published modules import each other with ?v=: the version is over the code as
    # published (minified, before the versions go in), loader, worker and every module.
    scripts = tmp_path / "assets/javascripts"
    shutil.copytree("docs/assets/javascripts", scripts)
    names = [
        "calculator.js",
        "calculator-worker.js",
        *sorted(f"calculator/{m.name}" for m in (scripts / "calculator").glob("*.js")),
    ]
    minify_scripts(tmp_path, [f"assets/javascripts/{name}" for name in names])
    digest = hashlib.sha256()
    for name in names:  # every module is imported by the two
        digest.update((scripts / name).read_bytes())
    version = digest.hexdigest()[:12]
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert f'assets/javascripts/calculator.js?v={version}"' in html, page
        assert re.search(r'assets/stylesheets/calculator\.css\?v=[0-9a-f]{12}"', html), page
        assert re.search(r'assets/javascripts/offline\.js\?v=[0-9a-f]{12}"', html), page
    widget = Path("docs/assets/javascripts/calculator/widget.js").read_text(encoding="utf-8")
    published = (built_site / "assets/javascripts/calculator/widget.js").read_text(encoding="utf-8")
    assert 'from "./view.js";' in widget
    assert re.search(r'from"\./view\.js\?v=[0-9a-f]{12}";', published)
    assert "@ts-check" in widget
    assert "@ts-check" not in published  # comments are not published


def test_the_service_worker_lists_files_the_site_has(built_site: Path) -> None:
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    line = re.search(r"^const MANIFEST = (.*);$", source, re.MULTILINE)
    assert line
    manifest = json.loads(line.group(1))
    assert re.fullmatch(r"[0-9a-f]{12}", manifest["version"])
    pages_kept = {"./", "404.html", "sitemap.xml", "articles/how-soon-is-too-soon-to-call/"}
    assert pages_kept <= set(manifest["shell"])
    for address in manifest["shell"] + manifest["calculator"]:
        path = address.split("?", 1)[0]
        target = built_site / path / "index.html" if path.endswith("/") else built_site / path
        assert target.is_file(), address
    runtime = {name.rsplit("/", 1)[1] for name in manifest["calculator"]}
    assert {"pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"} <= runtime
    assert any(name.endswith(".whl.gz") for name in runtime)
