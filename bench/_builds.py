"""``mkdocs build`` timed: of the site as it is, and of copies with generated articles.

Also the builds' measure, with its target defined once right above it.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from bench._metrics import ByCount, Metrics, median
from bench._pages import ARTICLE_SOURCE
from bench._rows import Row
from bench._targets import at_most
from build_tools._paths import PROJECT_ROOT
from build_tools._widget import WIDGET_MARKER
from devtools import new_article

#: The folders ``mkdocs build`` reads besides ``mkdocs.yml``: pages, hooks, templates, and the
#: sources the content checks hold the articles' links to (``research/sources.yml``).
BUILD_INPUTS = ("docs", "hooks", "overrides", "research")
#: The article whose body the generated articles reuse, so each is a realistic length.
BODY_SOURCE = Path("articles", "posts", "call-or-email.md")
#: A fact's list of the articles that cite it, written on one line: ``used_in: [a, b]``.
_USED_IN = re.compile(r"^(?P<head>\s*used_in: \[)(?P<slugs>[^\]]*)\]\s*$")


def mkdocs_build(config: Path, site_dir: Path, site_url: str, cwd: Path) -> tuple[float, float]:
    """Build with ``mkdocs build --strict``; the wall-clock and CPU seconds it took.

    CPU time (the child's user + system time) is less sensitive than wall-clock time to
    other work on a shared machine.
    """
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 (our own interpreter, our own arguments)
        [*command, "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=cwd,
        env=env,
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def copy_project(target: Path) -> Path:
    """Copy what ``mkdocs build`` reads (config and :data:`BUILD_INPUTS`) into ``target``; the config."""
    shutil.copy2(PROJECT_ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in BUILD_INPUTS:
        shutil.copytree(PROJECT_ROOT / folder, target / folder)
    return target / "mkdocs.yml"


def without_widget(markdown: str) -> str:
    """The article's Markdown with the widget's marker line removed."""
    return WIDGET_MARKER.sub("", markdown)


def build_sites(root: Path, ours: Path, ours_url: str, bare: Path, bare_url: str) -> None:
    """Build the site into ``ours``, and a copy of it without the widget into ``bare``.

    The copy of the project lives in ``root/copy``; ``*_url`` are the sites' addresses.
    """
    mkdocs_build(PROJECT_ROOT / "mkdocs.yml", ours, ours_url, PROJECT_ROOT)
    copy = root / "copy"
    copy.mkdir()
    config = copy_project(copy)
    article = copy / "docs" / ARTICLE_SOURCE
    article.write_text(without_widget(article.read_text(encoding="utf-8")), encoding="utf-8")
    mkdocs_build(config, bare, bare_url, PROJECT_ROOT)


def generate_articles(docs_dir: Path, count: int, today: date) -> list[Path]:
    """Scaffold ``count`` more parts of the series, each with a real article's body."""
    source = (docs_dir / BODY_SOURCE).read_text(encoding="utf-8")
    body = source.split("\n# ", 1)[1].split("\n", 1)[1]
    made = []
    for number in range(1, count + 1):
        path = new_article(f"Generated article number {number}", docs_dir, today)
        scaffold = path.read_text(encoding="utf-8")
        head = scaffold[: scaffold.index("\n# ")]
        title = scaffold[scaffold.index("\n# ") + 1 :].split("\n", 1)[0]
        path.write_text(f"{head}\n{title}\n{body}", encoding="utf-8")
        made.append(path)
    cite_as_the_source(docs_dir.parent / "research" / "sources.yml", [path.stem for path in made])
    return made


def cite_as_the_source(sources: Path, slugs: Sequence[str]) -> None:
    """Name ``slugs`` beside :data:`BODY_SOURCE` in every ``used_in`` of ``sources`` that names it.

    The generated articles link the sources their body's article links, and the content checks
    want every source to name each article that links it (``build_tools._sources``).
    """
    if not slugs:
        return
    body_slug = BODY_SOURCE.stem
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        used = _USED_IN.match(line)
        if used and body_slug in (slug.strip() for slug in used["slugs"].split(",")):
            lines[index] = f"{used['head']}{used['slugs']}, {', '.join(slugs)}]\n"
    sources.write_text("".join(lines), encoding="utf-8")


def time_builds(counts: Sequence[int], runs: int, log: Callable[[str], None]) -> Metrics:
    """Time ``mkdocs build`` of a fresh project copy with each count of new articles.

    Each copy is built twice: first as a fresh checkout builds (no social-card cache),
    then again (a rebuild, cards cached). Seconds, wall-clock and CPU, per article count.
    """
    times: dict[str, ByCount] = {
        key: {str(n): [] for n in counts} for key in ("build_s", "build_cpu_s", "rebuild_s", "rebuild_cpu_s")
    }
    for run in range(runs):
        for n in counts:
            with tempfile.TemporaryDirectory(prefix="second-date-bench-build-") as scratch:
                root = Path(scratch)
                config = copy_project(root)
                generate_articles(root / "docs", n, date.today())  # noqa: DTZ011
                for kind in ("build", "rebuild"):
                    wall, cpu = mkdocs_build(config, root / "site", "http://127.0.0.1:8000/", root)
                    times[f"{kind}_s"][str(n)].append(wall)
                    times[f"{kind}_cpu_s"][str(n)].append(cpu)
                    log(f"build run {run + 1}: {n} generated articles, {kind} {wall:.1f} s (CPU {cpu:.1f} s)")
    return {
        "build_s": times["build_s"],
        "build_cpu_s": times["build_cpu_s"],
        "rebuild_s": times["rebuild_s"],
        "rebuild_cpu_s": times["rebuild_cpu_s"],
    }


#: Fresh and rebuilt, wall-clock and CPU seconds.
BUILD_KINDS: tuple[Literal["build_s", "build_cpu_s", "rebuild_s", "rebuild_cpu_s"], ...] = (
    "build_s",
    "build_cpu_s",
    "rebuild_s",
    "rebuild_cpu_s",
)
#: ``mkdocs build`` of the site with this many generated articles has a target…
BUILD_ARTICLES = 100
#: … and it should grow linearly with the article count.
BUILD = at_most(10, "s", note=f"for {BUILD_ARTICLES}, linear")


def builds(m: Metrics) -> list[Row]:
    """``mkdocs build`` per generated-article count: fresh and rebuilt, wall-clock and CPU."""
    if "build_s" not in m:
        return []
    builds = {kind: {int(n): median(v) for n, v in m[kind].items()} for kind in BUILD_KINDS}
    counts = sorted(builds["build_s"])
    rows = []
    for n in counts:
        linear = "–"
        if n == counts[-1] and len(counts) > 1:
            per = [(builds[k][n] - builds[k][counts[0]]) / (n - counts[0]) for k in ("build_s", "rebuild_s")]
            linear = f"+{per[0] * 1000:,.0f} ms per article (rebuild +{per[1] * 1000:,.0f} ms)"
        first, again = builds["build_s"][n], builds["rebuild_s"][n]
        rows.append(
            Row(
                f"mkdocs build, {n} generated article{'s' if n != 1 else ''}",
                "–",
                f"{first:.1f} s (CPU {builds['build_cpu_s'][n]:.1f} s); "
                f"rebuild {again:.1f} s (CPU {builds['rebuild_cpu_s'][n]:.1f} s)",
                linear,
                BUILD.text if n == counts[-1] else "–",
                BUILD.met(first) if n == BUILD_ARTICLES else "–",
            )
        )
    return rows
