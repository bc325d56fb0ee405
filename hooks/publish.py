"""MkDocs glue: make a built site ready to publish (versions, CSP, service worker).

Under ``mkdocs serve`` nothing here runs: live reload injects an inline script a policy
would block, and a service worker would keep serving stale pages while you edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_tools import BuildError, finish_site

_publishing = True


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _publishing  # noqa: PLW0603 (MkDocs calls hooks as functions; this is the hook's state)
    _publishing = command != "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["offline"] = _publishing  # overrides/main.html loads offline.js when true
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if not _publishing:
        return
    try:
        finish_site(Path(config.site_dir), config.site_url or "/")
    except BuildError as error:
        raise PluginError(str(error)) from error
