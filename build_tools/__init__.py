"""Everything that happens once per build of the site.

Plain functions with typed inputs, called by the MkDocs hooks and by the tests.
"""

from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._content import Problem, check_site
from build_tools._errors import BuildError
from build_tools._examples import fill_examples
from build_tools._holidays import (
    TABLE_PATH,
    RegionSpec,
    default_regions,
    dump_holiday_table,
    generate_holiday_table,
    write_holiday_table,
)
from build_tools._overlap import fingerprints, prose_word_count, reader_text, shared_runs
from build_tools._pages import SiteContent
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._scaffold import new_article
from build_tools._series import Article, load_series
from build_tools._site import SiteCalculator
from build_tools._social import prepare_social_fonts
from build_tools._wheel import build_wheel
from build_tools._widget import fill_widget_markers, render_widget

__all__ = [
    "RUNTIME_FILES",
    "TABLE_PATH",
    "Article",
    "BuildError",
    "CalculatorAssets",
    "Problem",
    "RegionSpec",
    "Runtime",
    "SiteCalculator",
    "SiteContent",
    "build_wheel",
    "check_site",
    "default_regions",
    "dump_holiday_table",
    "fill_examples",
    "fill_widget_markers",
    "find_runtime",
    "fingerprints",
    "generate_holiday_table",
    "load_series",
    "new_article",
    "prepare_calculator",
    "prepare_social_fonts",
    "prose_word_count",
    "reader_text",
    "render_widget",
    "shared_runs",
    "write_holiday_table",
]
