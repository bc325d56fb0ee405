"""Everything that happens once per build of the site.

Plain functions with typed inputs, called by the MkDocs hooks and by the tests.
"""

from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._csp import add_policy, content_security_policy, inline_script_hashes
from build_tools._errors import BuildError
from build_tools._offline import OfflineManifest, offline_manifest, write_service_worker
from build_tools._publish import PublishedSite, finish_site
from build_tools._runtime import RUNTIME_FILES, Runtime, find_runtime
from build_tools._site import SiteCalculator
from build_tools._versions import asset_versions, version_asset_urls
from build_tools._wheel import build_wheel
from build_tools._widget import fill_widget_markers, render_widget

__all__ = [
    "RUNTIME_FILES",
    "BuildError",
    "CalculatorAssets",
    "OfflineManifest",
    "PublishedSite",
    "Runtime",
    "SiteCalculator",
    "add_policy",
    "asset_versions",
    "build_wheel",
    "content_security_policy",
    "fill_widget_markers",
    "find_runtime",
    "finish_site",
    "inline_script_hashes",
    "offline_manifest",
    "prepare_calculator",
    "render_widget",
    "version_asset_urls",
    "write_service_worker",
]
