"""MkDocs glue: build the calculator, place its widget, publish it with the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools import BuildError, SiteCalculator

_calculator = SiteCalculator()


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        _calculator.prepare()
    except BuildError as error:
        raise PluginError(str(error)) from error


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return _calculator.fill_page(markdown, page.file.src_uri)
    except BuildError as error:
        raise PluginError(str(error)) from error


def on_post_build(config: MkDocsConfig) -> None:
    _calculator.publish(Path(config.site_dir))


def on_shutdown() -> None:
    _calculator.close()
