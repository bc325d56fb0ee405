"""The calculator's part in one MkDocs build: prepare once, fill pages, publish."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import calculator
from build_tools._assets import CalculatorAssets, prepare_calculator
from build_tools._errors import BuildError
from build_tools._region_data import RegionSet, build_years, region_set
from build_tools._widget import WIDGET_MARKER, fill_widget_markers, runtime_addresses


class SiteCalculator:
    """Holds the wheel built for the current build, from ``prepare`` to ``publish``."""

    def __init__(self) -> None:
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._assets: CalculatorAssets | None = None
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

    def fill_page(self, markdown: str, source: str) -> str:
        """Put the widget where a page asks for it."""
        return fill_widget_markers(markdown, self.assets, source)

    def loader_attributes(self, markdown: str) -> dict[str, str]:
        """What the page's ``<script>`` of the loader carries when the page holds the widget.

        The runtime's folder and the lock file (as the widget names them): with them, the
        loader can start Python from the page's head, before the widget itself is parsed.
        Nothing for a page without the widget.
        """
        if not WIDGET_MARKER.search(markdown):
            return {}
        return {f"data-{name}": address for name, address in runtime_addresses(self.assets).items()}

    def publish(self, site_dir: Path) -> None:
        """Write the runtime, the wheel and the lock file into the built site."""
        self.assets.publish(site_dir)

    def close(self) -> None:
        """Remove the scratch folder."""
        if self._scratch is not None:
            self._scratch.cleanup()
        self._scratch = None
        self._assets = None
