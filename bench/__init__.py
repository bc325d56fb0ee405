"""How fast is the calculator? ``python -m bench`` (``make bench``) measures it.

The site is built into a temporary folder for a :class:`~devtools.PagesServer`
under ``/second-date/`` on 127.0.0.1, with a *floor* page added at bench time (never
shipped): a bare page whose module worker loads the same self-hosted Pyodide, from the
same ``indexURL`` and lock file, and runs one statement. Headless Chromium then opens the
floor and the calculator's article (with a question in its address), alternating within
each run, and measures:

- **cold answer**: navigation to answer shown, in a fresh browser context (empty cache);
- **warm answer**: the same, on the second visit with a persistent profile;
- **round trip**: one calculation after ready (a field changes, the new answer shows);
- **long tasks**: main-thread tasks over 50 ms until the answer shows, and how much of the
  longest frame the calculator's own scripts took (Long Animation Frames script attribution);
- **bytes**: every response of a cold visit until the answer shows (and its last paint is
  in), compressed with gzip level 9 (what a server that compresses would send at best; both
  pages are counted the same way), and the Python runtime's share of them (Pyodide's files
  and the standard library); what the bench asks after the answer (new regions, round
  trips) is not part of the visit;
- **LCP**: the article's largest contentful paint, as built, and as built from a copy of
  the Markdown without the widget's marker;
- **build**: ``mkdocs build`` of a copy of the project with 1, 10 and 100 generated articles;
- **My interviews**: 200 saved interviews listed with their dates, timed from the moment
  Python is ready, and the bytes of the list page's own scripts (gzip level 9);
- **other engines**: the cold answer (floor, ours, the worker alone) and the warm answer in
  the system's Firefox and WebKitGTK too, driven over WebDriver (``--engines``; unthrottled
  runs only).

Medians are printed as a Markdown table and written, with every sample, as JSON
(:class:`~bench._metrics.Results`). Each row's target is defined once, beside the measure
that shows it (``bench/_measures.py``). The pages and in-page scripts are real files in
``bench/pages/``, type-checked by ``tsc`` (``make lint``).
"""

from bench._builds import BUILD_INPUTS, generate_articles, without_widget
from bench._chromium import Network
from bench._cli import main, parse_engines
from bench._interviews import saved_interviews
from bench._measures import MEASURES, results_table
from bench._metrics import Metrics, Results, median
from bench._pages import ARTICLE_SOURCE, floor_page, worker_page
from bench._rows import Row, format_table
from bench._sizes import compressed_size
from bench._targets import Target

__all__ = [
    "ARTICLE_SOURCE",
    "BUILD_INPUTS",
    "MEASURES",
    "Metrics",
    "Network",
    "Results",
    "Row",
    "Target",
    "compressed_size",
    "floor_page",
    "format_table",
    "generate_articles",
    "main",
    "median",
    "parse_engines",
    "results_table",
    "saved_interviews",
    "without_widget",
    "worker_page",
]
