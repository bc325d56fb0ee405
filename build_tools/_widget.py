"""The calculator widget's markup, and the Markdown markers a hook replaces with it.

An article asks for the widget with a line holding only ``<!-- second-date:calculator -->``.
The markup is plain HTML: it reads well before the JavaScript arrives, and the loader
module (``docs/assets/javascripts/calculator.js``) brings it to life.
"""

from __future__ import annotations

import re
from html import escape

from build_tools._assets import CalculatorAssets
from build_tools._errors import BuildError

WIDGET_MARKER = re.compile(r"^<!-- second-date:calculator -->[ \t]*$", re.MULTILINE)

_WIDGET = """\
<div class="call-calculator" data-testid="call-calculator" data-status="loading" \
data-runtime="{runtime}" data-lock="{lock}" markdown="0">
<form class="call-calculator__form" novalidate>
<div class="call-calculator__field">
<label for="cc-interviewed">Interview date</label>
<input id="cc-interviewed" name="interviewed" type="date" required \
aria-describedby="cc-interviewed-error">
<p id="cc-interviewed-error" class="call-calculator__error" role="alert" hidden></p>
</div>
<div class="call-calculator__field">
<label for="cc-reply">When they said they would answer</label>
<input id="cc-reply" name="reply" type="text" required autocomplete="off" spellcheck="false" \
aria-describedby="cc-reply-hint cc-reply-error">
<p id="cc-reply-hint" class="call-calculator__hint">Days or weeks after the interview: \
<code>5d</code>, <code>1w</code>, <code>2w</code>.</p>
<p id="cc-reply-error" class="call-calculator__error" role="alert" hidden></p>
</div>
<button class="md-button md-button--primary" type="submit">Work out my call date</button>
</form>
<p class="call-calculator__status" data-testid="status" role="status" aria-live="polite"></p>
<div class="call-calculator__failure" data-testid="load-error" role="alert" hidden>
<p class="call-calculator__failure-message"></p>
<button class="md-button" type="button" data-action="retry">Retry</button>
</div>
<div class="call-calculator__answer" data-testid="answer" hidden>
<p class="call-calculator__headline">Call on <strong data-testid="call-on"><time></time></strong></p>
<p class="call-calculator__reason" data-testid="reason"></p>
</div>
</div>
<noscript><p class="call-calculator__noscript">The calculator needs JavaScript. \
The rule it applies is written out in full above, so you can count the days by hand.</p></noscript>
"""


def render_widget(assets: CalculatorAssets) -> str:
    """The widget's HTML, pointing at the published runtime and lock file."""
    return _WIDGET.format(
        runtime=escape(f"{assets.runtime_dir}/", quote=True),
        lock=escape(str(assets.lock_file), quote=True),
    )


def fill_widget_markers(markdown: str, assets: CalculatorAssets, source: str) -> str:
    """Replace the widget marker in one page's Markdown; at most one widget per page."""
    found = len(WIDGET_MARKER.findall(markdown))
    if found > 1:
        raise BuildError(f"{source}: the calculator can appear once per page, found {found} markers")
    if not found:
        return markdown
    html = render_widget(assets)
    return WIDGET_MARKER.sub(lambda _: f"\n{html}\n", markdown)
