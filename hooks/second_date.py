"""MkDocs glue: check the articles, build the calculator, fill the pages, publish.

Also hands the blog's lists only the Markdown of each post's excerpt (see ``excerpt_source``).
Under ``mkdocs serve`` (the preview) content problems do not stop the build: each page shows
its own in a banner, and a rebuild that fails all the same serves an error page (see
``build_tools._preview``).

MkDocs registers a hook module under its file name, so no hook may be named after a
package it imports: this one is not `calculator.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools import (
    BuildError,
    Preview,
    Problem,
    SiteCalculator,
    SiteContent,
    excerpt_source,
    prepare_social_fonts,
    stop_on_signals,
    write_cards_unfiltered,
)

_calculator = SiteCalculator()
_content = SiteContent()
_preview: Preview | None = None  # set under `mkdocs serve`


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _preview  # noqa: PLW0603 (MkDocs calls hooks as functions; this is the hook's state)
    _preview = Preview() if command == "serve" else None
    if _preview is not None:
        stop_on_signals()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    return server if _preview is None else _preview.guard(server)


def on_pre_build(config: MkDocsConfig) -> None:
    social = config.plugins.get("material/social")
    if social is not None:
        prepare_social_fonts(Path(social.config.cache_dir))
        write_cards_unfiltered()  # the same cards, written in a third of the time
    try:
        _content.prepare(Path(config.docs_dir), strict=_preview is None)
        if _preview is not None:
            _preview.start(Path(config.docs_dir), _content.problems)
        _calculator.prepare()
    except BuildError as error:
        raise PluginError(str(error)) from error


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    blog = config.plugins.get("material/blog")
    if _preview is not None and blog is not None and hasattr(page, "excerpt") and page.markdown:
        # A post (it has an excerpt): the blog, after this hook, looks for the separator in page.markdown.
        separator = blog.config.post_excerpt_separator
        page.markdown = _preview.with_separator(page.markdown, separator)
        markdown = _preview.with_separator(markdown, separator)
    try:
        markdown = _content.fill_page(markdown, page.file.src_uri)
        # Read by overrides/main.html: the loader's <script> names the runtime on this page.
        page.meta["calculator_loader"] = _calculator.loader_attributes(markdown)
        return _calculator.fill_page(markdown, page.file.src_uri)
    except BuildError as error:
        if _preview is None:
            raise PluginError(str(error)) from error
        # The content checks have named the cause already, when there is one to name.
        if not any(problem.path == page.file.src_uri for problem in _preview.problems):
            message = str(error).removeprefix(f"{page.file.src_uri}: ")
            _preview.problems.append(Problem(page.file.src_uri, 1, message))
        return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The post's page is rendered: its blog lists only need the Markdown of its excerpt.
    blog = config.plugins.get("material/blog")
    if blog is not None and getattr(page, "excerpt", None) is not None and page.markdown:
        page.markdown = excerpt_source(page.markdown, blog.config.post_excerpt_separator)
    if _preview is not None:
        return _preview.banner(page.file.src_uri) + html
    return html


def on_post_build(config: MkDocsConfig) -> None:
    _calculator.publish(Path(config.site_dir))


def on_shutdown() -> None:
    _calculator.close()
