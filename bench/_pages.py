"""The pages the benchmark opens, and the scripts it runs in them (``bench/pages/``).

The floor page and the worker-alone page are written into the built site at bench time, never
shipped. Their scripts are real files the type checker reads (``bench/pages/tsconfig.json``);
each is inlined into its page with its ``"{{name}}"`` placeholders (JavaScript strings) filled.
The probes (``probes.js``) are sent into pages by :func:`probe`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import calculator

#: The page the bench measures (the calculator's own, where shared links lead), and the
#: question its address asks.
ARTICLE_SOURCE = Path("calculator.md")
ARTICLE_PATH = "calculator/"
QUESTION = "?interviewed=2026-11-12&reply=1w&region=AU-NSW"
#: Where the floor page lives in the built site (bench time only).
FLOOR_DIR = "bench-floor"
#: Where the page that runs the calculator's own worker on an empty page lives (bench time only).
WORKER_DIR = "bench-worker"
#: The calculator's scripts on the page's main thread (the worker has a thread of its own):
#: the glue, the offline module, and the modules they import from ``calculator/``.
CALCULATOR_SCRIPTS = ("calculator.js", "offline.js", "calculator/")

PAGES_DIR = Path(__file__).resolve().parent / "pages"
_PLACEHOLDER = re.compile(r'"\{\{(\w+)\}\}"')
_SCRIPT_TAG = re.compile(r'<script type="module" src="([\w-]+\.js)"></script>')


def page_urls(server_url: str) -> dict[str, str]:
    """The addresses of the floor, of the article with its question, and of the worker alone."""
    return {
        "floor": f"{server_url}{FLOOR_DIR}/",
        "ours": f"{server_url}{ARTICLE_PATH}{QUESTION}",
        "worker": f"{server_url}{WORKER_DIR}/",
    }


def filled_script(name: str, values: dict[str, str]) -> str:
    """The script ``name`` with each ``"{{key}}"`` replaced by ``values[key]`` as a JavaScript string."""
    script = (PAGES_DIR / name).read_text(encoding="utf-8")
    wanted = set(_PLACEHOLDER.findall(script))
    if wanted != set(values):
        msg = f"{name} fills {sorted(wanted)}, not {sorted(values)}"
        raise ValueError(msg)
    # In an inline <script>, "</" could end the element: JavaScript reads "<\/" the same.
    return _PLACEHOLDER.sub(lambda match: json.dumps(values[match[1]]).replace("</", "<\\/"), script)


def _page(name: str, values: dict[str, str]) -> str:
    """The page ``name``, its module script inlined and filled with ``values``."""
    html = (PAGES_DIR / name).read_text(encoding="utf-8")
    return _SCRIPT_TAG.sub(
        lambda match: f'<script type="module">\n{filled_script(match[1], values)}</script>', html
    )


def floor_page(runtime: str, lock: str, depth: int = 1) -> dict[str, str]:
    """The floor: a bare page and a module worker that load Pyodide and run one statement.

    Args:
        runtime: the runtime's folder, relative to the site root (``assets/pyodide/<v>/``).
        lock: the site's lock file, relative to the site root.
        depth: how many folders below the site root the page is published.

    Returns:
        File names (relative to the page's folder) mapped to their text. The page marks
        its ``<p id="floor">`` with ``data-bench-done`` once Python has answered.
    """
    up = "../" * depth
    runtime = runtime if runtime.endswith("/") else runtime + "/"
    return {
        "index.html": _page("floor.html", {"runtime": up + runtime, "lock": up + lock}),
        "floor-worker.js": (PAGES_DIR / "floor-worker.js").read_text(encoding="utf-8"),
    }


def worker_page(runtime: str, lock: str, query: str, depth: int = 1) -> str:
    """An empty page that runs the calculator's own worker, as the loader does, on one question.

    It tells apart what the calculator costs (its worker, wheel and first answer) from what
    the article's page costs around it (the theme, the text and the form, all drawn on the
    same processor cores that start Python). The question is ``query`` (a query string) plus
    today's date, as the loader adds it; ``<p id="floor">`` gets ``data-bench-done`` at the answer.
    """
    runtime = runtime if runtime.endswith("/") else runtime + "/"
    values = {"root": "../" * depth, "runtime": runtime, "lock": lock, "query": query}
    return _page("worker.html", {**values, "version": str(calculator.PROTOCOL_VERSION)})


def floor_into(site_dir: Path) -> None:
    """Write the floor page and the worker-alone page into a built site.

    Both point at the runtime and the lock file the article uses.
    """
    html = (site_dir / ARTICLE_PATH / "index.html").read_text(encoding="utf-8")
    runtime = re.search(r'data-runtime="([^"]+)"', html)
    lock = re.search(r'data-lock="([^"]+)"', html)
    if runtime is None or lock is None:
        msg = f"{ARTICLE_PATH} has no calculator widget to take the runtime's address from"
        raise RuntimeError(msg)
    target = site_dir / FLOOR_DIR
    target.mkdir(exist_ok=True)
    for name, text in floor_page(runtime[1], lock[1]).items():
        (target / name).write_text(text, encoding="utf-8")
    worker = site_dir / WORKER_DIR
    worker.mkdir(exist_ok=True)
    (worker / "index.html").write_text(worker_page(runtime[1], lock[1], QUESTION), encoding="utf-8")


def probe(name: str) -> str:
    """JavaScript that evaluates to ``probes.js``'s function ``name``, with the module around it.

    Playwright's ``evaluate`` and ``wait_for_function``, and the WebDriver clients' ``call``,
    then call it with their arguments. The module's ``export`` keywords are dropped: its
    functions become local to the expression.
    """
    module = (PAGES_DIR / "probes.js").read_text(encoding="utf-8")
    if not re.search(rf"^export (async )?function {name}\(", module, re.MULTILINE):
        msg = f"probes.js exports no function {name}"
        raise ValueError(msg)
    return f"(() => {{\n{re.sub(r'^export ', '', module, flags=re.MULTILINE)}\nreturn {name};\n}})()"


def observer_script() -> str:
    """The script installed in every page before its own: ``observe`` of the calculator's scripts."""
    names = "|".join(re.escape(s) + (r"[\w-]+\.js" if s.endswith("/") else "") for s in CALCULATOR_SCRIPTS)
    pattern = r"\/assets\/javascripts\/(" + names + r")(\?|$)"
    return f"{probe('observe')}({json.dumps(pattern)});"
