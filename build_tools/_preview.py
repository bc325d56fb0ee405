"""The preview (``mkdocs serve``) shows what is wrong in the pages, and never stops answering.

``mkdocs build`` stops on the first content problem; the preview must not. Here each page
carries a banner with its own problems (``path:line: message``), and a rebuild that fails
all the same (the blog refusing a post, say) leaves every page of the preview showing
why, rather than MkDocs's server holding every request until a build succeeds. The next
save builds again, and live reload takes the page back to the site.
"""

from __future__ import annotations

import html
import logging
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from mkdocs.livereload import LiveReloadServer

from build_tools._problems import Problem

_log = logging.getLogger("mkdocs.second_date.preview")
#: What a page carries to say it has problems: tests look for it, readers never see it.
BANNER_ATTRIBUTE = "data-second-date-problems"
ERROR_ATTRIBUTE = "data-second-date-build-error"


def banner(problems: Iterable[Problem]) -> str:
    """A Material admonition listing ``problems``, to put above a page's content; ``""`` for none."""
    listed = sorted(problems)
    if not listed:
        return ""
    items = "".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in listed)
    count = f"{len(listed)} content problem{'s' if len(listed) > 1 else ''}"
    return (
        f'<div class="admonition failure" {BANNER_ATTRIBUTE} role="alert">'
        f'<p class="admonition-title">{count}: <code>make build</code> stops on '
        f"{'them' if len(listed) > 1 else 'it'}</p>"
        f"<ul>{items}</ul>"
        "<p>Only the preview shows this. Fix the file and save: the page reloads by itself.</p>"
        "</div>\n"
    )


def error_page(messages: Iterable[str]) -> str:
    """A whole page saying the preview could not be built, with what MkDocs and the checks said."""
    text = html.escape("\n".join(messages) or "no message: see the terminal")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>The preview could not be built · Second Date</title>"
        "<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}"
        "pre{white-space:pre-wrap;background:#fdecea;border-left:4px solid #b71c1c;padding:1rem}</style>"
        f'</head><body><main {ERROR_ATTRIBUTE} role="alert">'
        "<h1>The preview could not be built</h1>"
        "<p>The last save left the site in a state MkDocs cannot build. What it said:</p>"
        f"<pre>{text}</pre>"
        "<p>Fix the file and save: the preview builds again and this page reloads by itself. "
        "<code>make build</code> stops with the same message.</p>"
        "</main></body></html>\n"
    )


def html_pages(site_dir: Path) -> list[Path]:
    """The pages of a built site, relative to it."""
    return sorted(file.relative_to(site_dir) for file in site_dir.rglob("*.html"))


def write_error_site(site_dir: Path, messages: list[str], pages: Iterable[Path] = ()) -> None:
    """Make ``pages`` (the last good build's), and any page left, the error page; 404.html too.

    A page at its usual address gets live reload from the server, so it turns back into
    the page once a save builds again; any other address gets the same text as a 404.
    """
    page = error_page(messages)
    for name in {*pages, *html_pages(site_dir), Path("index.html"), Path("404.html")}:
        file = site_dir / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(page, encoding="utf-8")


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def stop_on_signals() -> None:
    """Let SIGTERM (``make stop``) and SIGINT end the preview as Ctrl-C does.

    MkDocs then shuts the server down and removes its temporary site; Python's default
    for SIGTERM would leave both behind. SIGINT too, because a server started in the
    background by a script starts with SIGINT ignored.
    """
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)


class _Records(logging.Handler):
    """Keeps the messages of the errors MkDocs logs while it builds."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _logged_errors() -> Iterator[list[str]]:
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    try:
        yield records.messages
    finally:
        logger.removeHandler(records)


class Preview:
    """The content problems of the build being served, and the guard on its rebuilds."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._docs_dir: Path | None = None

    def start(self, docs_dir: Path, problems: list[Problem]) -> None:
        """A new build: ``problems`` is its live list (worked examples add to it as pages fill)."""
        self._docs_dir = docs_dir
        self.problems = problems
        for problem in sorted(problems):
            _log.warning("%s", problem)

    def banner(self, page: str) -> str:
        """The banner for page ``page`` (its path in ``docs/``): its problems and the site's own.

        The site's own are those of files that are not pages, such as the list of sources.
        """
        mine = [p for p in self.problems if p.path == page or not self._is_page(p.path)]
        return banner(mine)

    def _is_page(self, path: str) -> bool:
        return self._docs_dir is not None and path.endswith(".md") and (self._docs_dir / path).is_file()

    @staticmethod
    def with_separator(markdown: str, separator: str) -> str:
        """A post's Markdown with the blog's excerpt separator, added at its end when missing.

        The blog refuses a post without one, which would stop the whole preview; the
        content checks already put the missing separator in the post's banner.
        """
        return markdown if separator in markdown else f"{markdown}\n\n{separator}\n"

    def guard(self, server: LiveReloadServer) -> LiveReloadServer:
        """Make a failed rebuild serve an error page instead of leaving every request waiting."""
        build: Callable[[], None] = server.builder
        root = Path(server.root)
        pages = html_pages(root)

        def build_or_explain() -> None:
            nonlocal pages
            self.problems = []  # the build fills them in again, unless it fails before its checks
            with _logged_errors() as messages:
                try:
                    build()
                # Whatever stopped the build, the preview must answer: MkDocs's Abort is a SystemExit.
                except (Exception, SystemExit) as error:  # noqa: BLE001
                    said = messages or [str(error)]  # Abort's own words only say that it stopped
                    found = [str(problem) for problem in sorted(self.problems)]
                    write_error_site(root, [*said, *found], pages)
                    _log.error("The preview could not be built: every page says why until the next save")
                else:
                    pages = html_pages(root)

        server.builder = build_or_explain
        return server
