"""Everything that happens once per build of the site.

Plain functions with typed inputs, called by the MkDocs hooks and by the tests.
"""

from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._content import Problem, check_site
from build_tools._csp import add_policy, content_security_policy, inline_script_hashes
from build_tools._errors import BuildError
from build_tools._examples import fill_examples
from build_tools._excerpts import excerpt_source
from build_tools._offline import OfflineManifest, offline_manifest, write_service_worker
from build_tools._overlap import fingerprints, prose_word_count, reader_text, shared_runs
from build_tools._pages import SiteContent
from build_tools._publish import PublishedSite, finish_site
from build_tools._region_data import (
    RegionSet,
    RegionSource,
    build_years,
    generate_region_files,
    region_file,
    region_index,
    region_set,
    set_key,
    supported_regions,
)
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._scaffold import new_article
from build_tools._series import Article, load_series
from build_tools._site import SiteCalculator
from build_tools._social import png_bytes, prepare_social_fonts, write_cards_unfiltered
from build_tools._versions import asset_versions, version_asset_urls
from build_tools._wheel import build_wheel
from build_tools._widget import fill_widget_markers, render_widget

__all__ = [
    "RUNTIME_FILES",
    "Article",
    "BuildError",
    "CalculatorAssets",
    "OfflineManifest",
    "Problem",
    "PublishedSite",
    "RegionSet",
    "RegionSource",
    "Runtime",
    "SiteCalculator",
    "SiteContent",
    "add_policy",
    "asset_versions",
    "build_wheel",
    "build_years",
    "check_site",
    "content_security_policy",
    "excerpt_source",
    "fill_examples",
    "fill_widget_markers",
    "find_runtime",
    "fingerprints",
    "finish_site",
    "generate_region_files",
    "inline_script_hashes",
    "load_series",
    "new_article",
    "offline_manifest",
    "png_bytes",
    "prepare_calculator",
    "prepare_social_fonts",
    "prose_word_count",
    "reader_text",
    "region_file",
    "region_index",
    "region_set",
    "render_widget",
    "set_key",
    "shared_runs",
    "supported_regions",
    "version_asset_urls",
    "write_cards_unfiltered",
    "write_service_worker",
]
