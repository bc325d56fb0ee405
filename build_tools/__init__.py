"""What ``mkdocs build`` runs, once per build: the hooks' (``hooks/*.py``) side of it.

Plain functions with typed inputs. This surface is exactly what the hooks call
(``tests/unit/test_api.py`` pins it); the steps behind it live in the underscore modules,
which the tests may import directly.
"""

from build_tools._errors import BuildError
from build_tools._excerpts import excerpt_source
from build_tools._pages import SiteContent
from build_tools._preview import Preview, stop_on_signals
from build_tools._problems import Problem
from build_tools._publish import finish_site
from build_tools._site import SiteCalculator
from build_tools._social import prepare_social_fonts, write_cards_unfiltered

__all__ = [
    "BuildError",
    "Preview",
    "Problem",
    "SiteCalculator",
    "SiteContent",
    "excerpt_source",
    "finish_site",
    "prepare_social_fonts",
    "stop_on_signals",
    "write_cards_unfiltered",
]
