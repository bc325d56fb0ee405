"""Everything that happens once per build of the site.

Plain functions with typed inputs, called by the MkDocs hooks and by the tests.
"""

from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._errors import BuildError
from build_tools._holidays import (
    TABLE_PATH,
    RegionSpec,
    default_regions,
    dump_holiday_table,
    generate_holiday_table,
    write_holiday_table,
)
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._site import SiteCalculator
from build_tools._wheel import build_wheel
from build_tools._widget import fill_widget_markers, render_widget

__all__ = [
    "RUNTIME_FILES",
    "TABLE_PATH",
    "BuildError",
    "CalculatorAssets",
    "RegionSpec",
    "Runtime",
    "SiteCalculator",
    "build_wheel",
    "default_regions",
    "dump_holiday_table",
    "fill_widget_markers",
    "find_runtime",
    "generate_holiday_table",
    "prepare_calculator",
    "render_widget",
    "write_holiday_table",
]
