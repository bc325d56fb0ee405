"""Blog excerpts from the Markdown they show, not from the whole post.

Material's blog plugin shows each post's excerpt on every list the post is on (the blog's
index, its month's archive and its category: three lists), and for each one it converts the
post's *whole* Markdown to HTML and keeps what comes before the separator (``<!-- more -->``).
What follows the separator only decides whether the list links "Continue reading".

Once a post's own page has been rendered, nothing reads its Markdown but those lists, so
:func:`excerpt_source` gives them the part up to the separator and a one-character stand-in
for the rest: the same excerpt, the same link, for about a tenth of the work. A post keeps its
whole Markdown when that could render its excerpt differently: a separator that is not alone on
its line or appears twice, a code fence before it, nothing after it, or a line after it that could
define something used before it (a reference link ``[id]: …``, an abbreviation ``*[id]: …``).
"""

from __future__ import annotations

import re

#: What stands for the rest of the post: any text would do, it is never shown.
STAND_IN = "…"

_DEFINITION = re.compile(r"^ {0,3}\*?\[[^[\]]*\] ?:", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)


def excerpt_source(markdown: str, separator: str) -> str:
    """The Markdown that renders the same excerpt of a post as its whole ``markdown`` does."""
    if markdown.count(separator) != 1:
        return markdown
    head, _, rest = markdown.partition(separator)
    alone = (not head or head.endswith("\n")) and rest.split("\n", 1)[0].strip() == ""
    if not alone or _FENCE.search(head) or not rest.strip() or _DEFINITION.search(rest):
        return markdown
    return f"{head}{separator}\n\n{STAND_IN}\n"
