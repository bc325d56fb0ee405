"""The developer's tools: what the tests and the benchmark drive, and what a writer runs.

None of it runs in ``mkdocs build`` (that is ``build_tools``). The commands:

- ``python -m devtools.serve SITE``: serve a built site as GitHub Pages would (``make preview``);
- ``python -m devtools.browser --install``: the browsers the tests drive (``make browser``);
- ``python -m devtools.cairo_library --install``: the Cairo library the social cards need
  (``make cairo``, part of ``make setup``);
- ``python -m devtools.new_article "Title"``: the next part of the series (``make new-article``);
- ``python -m devtools.source_runs SOURCE.txt``: the seed post's fingerprints for the overlap test;
- ``python -m devtools.check_article FILE``: what to fix in one article (``make check-article``);
- ``python -m devtools.stop_preview PID_FILE``: end the preview ``make serve`` started (``make stop``);
- ``python -m devtools.stdlib_trace``: which files of the standard library the calculator uses
  (``make stdlib-trace``; see ``build_tools/_stdlib.py``).
"""

from devtools._browsers import ENGINE_PACKAGES, find_chromium, missing_engines
from devtools._engines import ENGINES, open_engine
from devtools._overlap import fingerprints, prose_word_count, reader_text, shared_runs
from devtools._scaffold import new_article
from devtools._server import PagesServer
from devtools._webdriver import Browser

__all__ = [
    "ENGINES",
    "ENGINE_PACKAGES",
    "Browser",
    "PagesServer",
    "find_chromium",
    "fingerprints",
    "missing_engines",
    "new_article",
    "open_engine",
    "prose_word_count",
    "reader_text",
    "shared_runs",
]
