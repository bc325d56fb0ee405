"""The built site's files: the self-hosted runtime, the wheel and the lock that names it."""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from build_tools._runtime import RUNTIME_FILES, find_runtime
from build_tools._zones import zones_version

PROJECT = Path(__file__).resolve().parents[2]
ARTICLE = Path("articles/how-soon-is-too-soon-to-call/index.html")
#: The calculator's own page, which holds the widget too.
CALCULATOR_PAGE = Path("calculator")


def widget_attribute(site: Path, name: str) -> str:
    html = (site / ARTICLE).read_text(encoding="utf-8")
    match = re.search(rf'data-testid="call-calculator"[^>]*\s{name}="([^"]+)"', html)
    assert match, f"the widget has no {name}"
    return match.group(1)


def test_runtime_holds_only_what_the_browser_needs(built_site: Path) -> None:
    runtime = built_site / widget_attribute(built_site, "data-runtime")
    assert runtime.parent.name == "pyodide"
    assert runtime.name == find_runtime().version
    shipped = {path.name for path in runtime.iterdir()}
    assert shipped == set(RUNTIME_FILES) - {"pyodide-lock.json"}
    assert not any(name.endswith((".map", ".d.ts", ".html")) for name in shipped)


def served_wheel(lock_path: Path) -> zipfile.ZipFile:
    """The wheel beside ``lock_path``, as the worker has it once unzipped (it is served gzipped)."""
    (served,) = lock_path.parent.glob("*.whl.gz")
    return zipfile.ZipFile(io.BytesIO(gzip.decompress(served.read_bytes())))


def test_lock_names_the_wheel_with_its_hash(built_site: Path) -> None:
    lock_path = built_site / widget_attribute(built_site, "data-lock")
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    assert lock["info"]["python"].startswith("3.14")
    assert set(lock["packages"]) == {"calculator"}
    entry = lock["packages"]["calculator"]
    served = lock_path.parent / entry["file_name"]
    assert served.name.endswith("-py3-none-any.whl.gz")  # the wheel, gzipped whole
    packed = served.read_bytes()
    assert entry["sha256"] == hashlib.sha256(packed).hexdigest()  # what the browser checks
    wheel = gzip.decompress(packed)
    with zipfile.ZipFile(io.BytesIO(wheel)) as unzipped:
        assert "calculator/__init__.py" in unzipped.namelist()
        # Stored, not deflated one by one: the gzip stream packs the modules together.
        assert {info.compress_type for info in unzipped.infolist()} == {zipfile.ZIP_STORED}
    digest = hashlib.sha256(wheel).hexdigest()
    # The folder is named by the wheel's hash, the pruned standard library's, the runtime's
    # version, the zone data's and the region data's: a change to any of them gets a new address.
    stdlib = lock_path.parent / "python_stdlib.zip"
    stdlib_sha256 = hashlib.sha256(stdlib.read_bytes()).hexdigest()
    regions = json.loads((lock_path.parent / "regions.json").read_text(encoding="utf-8"))
    runtime = find_runtime().version
    held = f"{digest} {stdlib_sha256} {runtime} tzdata {zones_version()} regions {regions['version']}"
    assert hashlib.sha256(held.encode()).hexdigest().startswith(lock_path.parent.name)
    assert entry["imports"] == ["calculator"]
    for zone in ("Australia/Sydney", "Europe/London", "Asia/Calcutta"):
        assert (lock_path.parent / "zoneinfo" / zone).read_bytes().startswith(b"TZif")


def test_the_region_manifest_names_every_region_file_with_its_hash(built_site: Path) -> None:
    lock_path = built_site / widget_attribute(built_site, "data-lock")
    manifest = json.loads((lock_path.parent / "regions.json").read_text(encoding="utf-8"))
    folder = (lock_path.parent / manifest["base"]).resolve()
    assert folder == (built_site / "assets" / "regions" / manifest["version"]).resolve()
    assert sorted(path.name for path in folder.iterdir()) == sorted(manifest["files"])
    assert "index.json" in manifest["files"]
    assert len(manifest["files"]) > 900  # every country and subdivision the holidays package knows
    # Each digest: the file's SHA-256 cut to the length the manifest gives, in base64url.
    assert manifest["digest"]["algorithm"] == "SHA-256"
    length = manifest["digest"]["bytes"]
    for name, written in manifest["files"].items():
        digest = hashlib.sha256((folder / name).read_bytes()).digest()[:length]
        assert base64.urlsafe_b64decode(written + "=" * (-len(written) % 4)) == digest, name


def test_the_wheel_carries_the_engine_not_the_world(built_site: Path) -> None:
    # No region data rides in the wheel; its size is judged by make bench (≤ 40 KB).
    lock_path = built_site / widget_attribute(built_site, "data-lock")
    with served_wheel(lock_path) as archive:
        assert not [name for name in archive.namelist() if name.endswith(".json")]


def test_wheel_carries_the_calculator_and_nothing_else(built_site: Path) -> None:
    lock_path = built_site / widget_attribute(built_site, "data-lock")
    with served_wheel(lock_path) as archive:
        top_levels = {name.split("/", 1)[0] for name in archive.namelist()}
    (served,) = lock_path.parent.glob("*.whl.gz")
    dist_info = "-".join(served.name.split("-")[:2]) + ".dist-info"
    assert top_levels == {"calculator", dist_info}


def test_the_wheel_ships_code_without_docstrings_and_a_true_record(built_site: Path, tmp_path: Path) -> None:
    lock_path = built_site / widget_attribute(built_site, "data-lock")
    with served_wheel(lock_path) as archive:
        archive.extractall(tmp_path)
        (record_name,) = [name for name in archive.namelist() if name.endswith(".dist-info/RECORD")]
        rows = list(csv.reader(io.StringIO(archive.read(record_name).decode())))
    assert {row[0] for row in rows} == {
        path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()
    }
    for name, digest, size in rows:
        if name != record_name:
            data = (tmp_path / name).read_bytes()
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert (digest, int(size)) == (f"sha256={expected}", len(data)), name
    shipped = (tmp_path / "calculator" / "_match.py").read_text(encoding="utf-8")
    assert "def fold(" in shipped
    assert '"""' not in shipped
    assert "#" not in shipped.split("re.compile")[0]  # comments gone
    # The slimmed modules answer as the source does (the e2e tests hold Pyodide to CPython).
    request = json.dumps({"interviewed": "2026-05-20", "reply": "2d", "region": "KR", "today": "2026-05-20"})
    script = (
        "import json, sys, calculator; from pathlib import Path;"
        "table = calculator.HolidayTable.from_directory(Path(sys.argv[1]));"
        "plan = calculator.plan_from_fields(json.loads(sys.argv[2]), table);"
        "print(calculator.__file__); print(json.dumps(plan.call_on.isoformat()))"
    )
    regions = next((built_site / "assets" / "regions").iterdir())
    answers = [
        subprocess.run(
            [sys.executable, "-c", script, str(regions), request],
            env={**os.environ, "PYTHONPATH": root},
            cwd=tmp_path.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        for root in (str(tmp_path), str(PROJECT))
    ]
    assert answers[0][0].startswith(str(tmp_path))
    assert answers[0][1] == answers[1][1] == '"2026-05-27"'


def test_pages_load_nothing_from_other_hosts(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)="([^"]+)"', html)
        external = [
            url for url in loaded if url.startswith(("http:", "https:", "//")) and "127.0.0.1" not in url
        ]
        # <link rel="canonical"> names the page's own public address, which is not a load.
        external = [url for url in external if f'rel="canonical" href="{url}"' not in html]
        assert not external, f"{page.relative_to(built_site)} loads {external}"


def loader_tag(html: str) -> str:
    tags = re.findall(r"<script\b[^>]*calculator\.js[^>]*>", html)
    assert len(tags) == 1, tags
    return tags[0]


def test_the_loader_comes_first_in_the_head_and_async(built_site: Path) -> None:
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    tag = loader_tag(html)
    assert tag in head
    assert " async" in tag
    assert 'type="module"' in tag
    assert head.index(tag) < head.index('rel="stylesheet"')  # fetched before the theme's styles
    assert head.index("Content-Security-Policy") < head.index(tag)  # and under the policy


def test_only_the_pages_running_python_name_the_runtime_on_their_loader(built_site: Path) -> None:
    holding = [
        built_site / path / "index.html" for path in (ARTICLE.parent, CALCULATOR_PAGE, Path("my-interviews"))
    ]
    for page in holding:
        tag = loader_tag(page.read_text(encoding="utf-8"))
        assert f'data-runtime="{widget_attribute(built_site, "data-runtime")}"' in tag, page
        assert f'data-lock="{widget_attribute(built_site, "data-lock")}"' in tag, page
    others = [page for page in built_site.rglob("*.html") if page not in holding]
    assert others
    for page in others:
        assert "data-runtime" not in loader_tag(page.read_text(encoding="utf-8")), page
