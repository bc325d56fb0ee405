"""The calculator widget's markup, and the Markdown marker a hook replaces with it.

An article asks for the widget with a line holding only ``<!-- second-date:calculator -->``.
The markup (``templates/widget.html``) is plain HTML with the form's choices built in (from
the calculator's own lists: ``calculator.REPLY_KINDS``, ``PENDING``…), so the form reads
well before the JavaScript arrives; the page's modules
(``docs/assets/javascripts/calculator/``) bring it to life: the region field becomes a
combobox over the region index, which the page fetches (no list of regions in every page).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

import calculator
from build_tools._assets import CalculatorAssets
from build_tools._errors import BuildError

#: The calculator's own page (``docs/calculator.md``), site-relative: where shared links,
#: calendar files and every article's foot send a reader with a question.
CALCULATOR_PAGE = "calculator/"

WIDGET_MARKER = re.compile(r"^<!-- second-date:calculator -->[ \t]*$", re.MULTILINE)

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def runtime_addresses(assets: CalculatorAssets) -> dict[str, str]:
    """The published runtime's folder and lock file, relative to the site root.

    The loader reads them from a page as ``data-runtime`` and ``data-lock``.
    """
    return {"runtime": f"{assets.runtime_dir}/", "lock": str(assets.lock_file)}


def render_template(name: str, **values: object) -> str:
    """One of ``templates/``, rendered as one raw HTML block of Markdown (no blank line in it)."""
    html = _TEMPLATES.get_template(name).render(**values)
    # Python-Markdown ends a raw HTML block at a blank line: keep the markup one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_widget(assets: CalculatorAssets, interviews_page: str = "") -> str:
    """The widget's HTML, pointing at the published runtime and lock file.

    ``interviews_page`` is the address of My interviews from the widget's page; without
    one, the answer has no "Save this plan".
    """
    return render_template(
        "widget.html",
        **runtime_addresses(assets),
        interviews_page=interviews_page,
        page=CALCULATOR_PAGE,
        reply_kinds=calculator.REPLY_KINDS,
        reply_units=calculator.REPLY_UNITS,
        default_span=calculator.DEFAULT_SPAN,
        pending=calculator.PENDING,
        channels=calculator.CHANNELS,
        detail_fields=calculator.DETAIL_FIELDS,
        emails=[{"key": email.value, "title": email.label} for email in calculator.EMAILS],
    )


def fill_widget_markers(
    markdown: str, assets: CalculatorAssets, source: str, interviews_page: str = ""
) -> str:
    """Replace the widget marker in one page's Markdown; at most one widget per page.

    ``interviews_page``: see ``render_widget``.
    """
    found = len(WIDGET_MARKER.findall(markdown))
    if found > 1:
        raise BuildError(f"{source}: the calculator can appear once per page, found {found} markers")
    if not found:
        return markdown
    html = render_widget(assets, interviews_page)
    return WIDGET_MARKER.sub(lambda _: f"\n{html}\n", markdown)
