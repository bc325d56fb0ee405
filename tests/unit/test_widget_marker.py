"""The Markdown marker that places the widget."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools import BuildError
from build_tools._assets import CalculatorAssets
from build_tools._runtime import Runtime
from build_tools._widget import fill_widget_markers

ASSETS = CalculatorAssets(
    runtime=Runtime(version="314.0.7", directory=Path("/nowhere")),
    wheel=Path("/nowhere/calculator-0.1.0-py3-none-any.whl"),
    wheel_sha256=hashlib.sha256(b"wheel").hexdigest(),
    stdlib=Path("/nowhere/python_stdlib.zip"),
    stdlib_sha256=hashlib.sha256(b"stdlib").hexdigest(),
)


def test_marker_becomes_the_widget_pointing_at_the_published_assets() -> None:
    page = "# Title\n\n<!-- second-date:calculator -->\n\nMore text.\n"
    html = fill_widget_markers(page, ASSETS, "article.md")
    assert "<!-- second-date:calculator -->" not in html
    assert 'data-testid="call-calculator"' in html
    assert 'data-runtime="assets/pyodide/314.0.7/"' in html
    assert f'data-lock="{ASSETS.lock_file}"' in html
    assert str(ASSETS.lock_file).startswith("assets/calculator/")
    assert html.startswith("# Title")
    assert html.rstrip().endswith("More text.")


def test_page_without_marker_is_unchanged() -> None:
    page = "# Title\n\nSay `<!-- second-date:calculator -->` inline and nothing happens.\n"
    assert fill_widget_markers(page, ASSETS, "article.md") == page


def test_two_widgets_on_one_page_is_an_error_naming_the_file() -> None:
    page = "<!-- second-date:calculator -->\n\n<!-- second-date:calculator -->\n"
    with pytest.raises(BuildError, match=r"article\.md: .* once per page"):
        fill_widget_markers(page, ASSETS, "article.md")


def test_the_calculators_folder_is_named_by_the_wheel_the_stdlib_and_the_runtime() -> None:
    folders = {
        ASSETS.calculator_dir,
        replace(ASSETS, wheel_sha256=hashlib.sha256(b"wheel 2").hexdigest()).calculator_dir,
        replace(ASSETS, stdlib_sha256=hashlib.sha256(b"stdlib 2").hexdigest()).calculator_dir,
        replace(ASSETS, runtime=Runtime(version="314.0.8", directory=Path("/nowhere"))).calculator_dir,
    }
    assert len(folders) == 4
    assert all(str(folder).startswith("assets/calculator/") for folder in folders)
