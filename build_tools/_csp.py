"""The site's Content-Security-Policy, written into each page as a ``<meta http-equiv>``.

GitHub Pages lets the publisher set no HTTP headers, so the policy travels in the page.
Scripts come from the site itself; Material's few inline scripts are allowed by their
sha256 hashes, computed from the built pages, never by ``'unsafe-inline'``.

Every page carries the same policy, holding the hashes of every inline script on the
site: Material's instant navigation keeps the first page's ``<head>`` and adds the new
page's head elements that differ, so differing policies would pile up (a browser
enforces all of them) and block the scripts of pages reached by navigation.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html import escape

from build_tools._errors import BuildError

#: An inline ``<script>`` (one without ``src``), its attributes and its text.
_INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.IGNORECASE)
#: Script types a browser runs; other types (``application/json``) are data.
_RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')


def inline_script_hashes(html: str) -> set[str]:
    """The CSP source expressions (``'sha256-…'``) of every runnable inline script."""
    found = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind is not None and kind.group("type").lower() not in _RUNNABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """The policy: everything from the site itself, inline scripts only by hash.

    ``'wasm-unsafe-eval'`` lets Pyodide compile WebAssembly; nothing allows ``eval``.
    Styles come from the site's stylesheets only: Material sets styles through the CSSOM,
    which a policy does not govern, and its pages have no ``style`` attributes.
    """
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(script_hashes))])
    directives = {
        "default-src": "'self'",
        "script-src": scripts,
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "manifest-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_policy(html: str, policy: str) -> str:
    """Put ``policy`` in a ``<meta http-equiv>`` before anything in ``<head>`` it governs.

    It goes right after ``<meta charset>``, which must stay within the first 1024 bytes;
    a policy already in the page is replaced, so applying twice changes nothing.
    """
    html = _POLICY_META.sub("", html)
    content = escape(policy, quote=False).replace('"', "&quot;")  # keep the quotes CSP needs readable
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">\n'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise BuildError("the page has no <head> to hold its Content-Security-Policy")
    return f"{html[: anchor.end()]}{meta}{html[anchor.end() :]}"
