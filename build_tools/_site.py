"""The calculator's part in one MkDocs build: prepare once, fill pages, publish."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.utils import get_relative_url

import calculator
from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._errors import BuildError
from build_tools._interviews import INTERVIEWS_MARKER, fill_interviews_marker
from build_tools._region_data import RegionSet, build_years, region_set
from build_tools._widget import CALCULATOR_PAGE, WIDGET_MARKER, fill_widget_markers, runtime_addresses

#: A component of the page's code, in the markup the build wrote (calculator.js mounts each).
_COMPONENT = re.compile(r'\bdata-sd-component="([a-z-]+)"')


class SiteCalculator:
    """Holds the wheel built for the current build, from ``prepare`` to ``publish``."""

    def __init__(self) -> None:
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._assets: CalculatorAssets | None = None
        self._calculator_page = ""
        self._interviews_page = ""
        self.region_set: RegionSet | None = None

    @property
    def assets(self) -> CalculatorAssets:
        """The assets of the current build."""
        if self._assets is None:
            raise BuildError("the calculator was not prepared: call prepare() first")
        return self._assets

    def prepare(self, year: int | None = None, *, make_current: bool = True) -> None:
        """Generate the region data, then build the wheel (each rebuild of ``mkdocs serve`` too).

        The region data covers last year to two years ahead of ``year``, this year by
        default; it is generated into the build's cache only when what it is made from
        changed (see ``region_set``), so most rebuilds reuse it as it is. The worked examples
        read it too, and so does the command line (``make_current``) until the next build.
        """
        self.close()
        year = year or datetime.now(tz=UTC).year
        first, last = build_years(year)
        self.region_set = region_set(first, last, make_current=make_current)
        table = calculator.HolidayTable.from_directory(self.region_set.directory)
        calculator.use_table(table)
        self._scratch = tempfile.TemporaryDirectory(prefix="second-date-")
        self._assets = prepare_calculator(Path(self._scratch.name), regions=self.region_set)

    def find_pages(self, pages: Iterable[tuple[str, str]]) -> None:
        """Note which pages hold the calculator and My interviews, from every page's Markdown.

        Args:
            pages: each page's address (``articles/x/``, as MkDocs gives it) and Markdown.
                The calculator's own page (``CALCULATOR_PAGE``) is the one linked to when it
                holds the widget; otherwise, and for My interviews, the first address in order.
        """
        self._calculator_page = self._interviews_page = ""
        for url, markdown in sorted(pages, key=lambda page: (page[0] != CALCULATOR_PAGE, page[0])):
            if not self._calculator_page and WIDGET_MARKER.search(markdown):
                self._calculator_page = url
            if not self._interviews_page and INTERVIEWS_MARKER.search(markdown):
                self._interviews_page = url

    def fill_page(self, markdown: str, source: str, url: str = "") -> str:
        """Put the widget and My interviews where page ``source`` (at address ``url``) asks for them."""

        def link(target: str) -> str:
            return get_relative_url(target, url) if target else ""

        markdown = fill_widget_markers(markdown, self.assets, source, link(self._interviews_page))
        return fill_interviews_marker(markdown, self.assets, source, link(self._calculator_page))

    def loader_attributes(self, html: str) -> dict[str, str]:
        """What the page's ``<script>`` of the loader carries when the page holds components.

        ``html``: the page's Markdown once filled (``fill_page``). The components on the page
        (``data-components``, so the loader fetches their modules at once) and, as they run
        Python, the runtime's folder and the lock file: with them, the loader can start Python
        from the page's head, before the widget itself is parsed. Nothing for a page without.
        """
        components = sorted(set(_COMPONENT.findall(html)))
        if not components:
            return {}
        addresses = {f"data-{name}": address for name, address in runtime_addresses(self.assets).items()}
        return {"data-components": " ".join(components), **addresses}

    def publish(self, site_dir: Path) -> None:
        """Write the runtime, the wheel and the lock file into the built site."""
        self.assets.publish(site_dir)

    def close(self) -> None:
        """Remove the scratch folder."""
        if self._scratch is not None:
            self._scratch.cleanup()
        self._scratch = None
        self._assets = None
