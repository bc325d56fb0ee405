"""My interviews' markup, and the Markdown marker a hook replaces with it.

The page listing the reader's saved interviews asks for the list with a line holding only
``<!-- second-date:interviews -->``. The markup (``templates/interviews.html``) holds the
page's own words and an empty list; ``docs/assets/javascripts/calculator/interviews.js``
fills it from the reader's own storage. It links each interview to the page holding the
calculator, found by the build (``SiteCalculator.find_pages``).
"""

from __future__ import annotations

import re

from build_tools._assets import CalculatorAssets
from build_tools._errors import BuildError
from build_tools._widget import render_template, runtime_addresses

INTERVIEWS_MARKER = re.compile(r"^<!-- second-date:interviews -->[ \t]*$", re.MULTILINE)


def render_interviews(assets: CalculatorAssets, calculator_page: str) -> str:
    """The list's HTML: ``calculator_page`` is the calculator's page from the list's."""
    return render_template("interviews.html", **runtime_addresses(assets), calculator_page=calculator_page)


def fill_interviews_marker(markdown: str, assets: CalculatorAssets, source: str, calculator_page: str) -> str:
    """Replace the list's marker in one page's Markdown; at most one list per page.

    Raises:
        BuildError: two markers, or a list with no page holding the calculator to open plans on.
    """
    found = len(INTERVIEWS_MARKER.findall(markdown))
    if found > 1:
        raise BuildError(f"{source}: My interviews can appear once per page, found {found} markers")
    if not found:
        return markdown
    if not calculator_page:
        raise BuildError(
            f"{source}: My interviews opens plans on the page holding the calculator, and no page "
            "has the marker <!-- second-date:calculator -->"
        )
    html = render_interviews(assets, calculator_page)
    return INTERVIEWS_MARKER.sub(lambda _: f"\n{html}\n", markdown)
