"""Everything that happens once per build of the site.

Plain functions with typed inputs, called by the MkDocs hooks and by the tests.
"""

from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._errors import BuildError
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._site import SiteCalculator
from build_tools._wheel import build_wheel
from build_tools._widget import fill_widget_markers, render_widget

__all__ = [
    "RUNTIME_FILES",
    "BuildError",
    "CalculatorAssets",
    "Runtime",
    "SiteCalculator",
    "build_wheel",
    "fill_widget_markers",
    "find_runtime",
    "prepare_calculator",
    "render_widget",
]
