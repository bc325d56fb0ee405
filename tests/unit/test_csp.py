"""The Content-Security-Policy: hashes of inline scripts, the policy, its place in the page."""

from __future__ import annotations

import base64
import hashlib

import pytest

from build_tools import BuildError
from build_tools._csp import add_policy, content_security_policy, inline_script_hashes

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <script>var a = 1</script>
    <script src="bundle.js"></script>
    <script id="__config" type="application/json">{"base": ".."}</script>
    <script type="module">import "./x.js"</script>
  </head>
  <body><script>
var b = 2;
</script></body>
</html>
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split("; "))}


def test_hashes_every_runnable_inline_script_byte_for_byte() -> None:
    assert inline_script_hashes(PAGE) == {
        sha256("var a = 1"),
        sha256('import "./x.js"'),
        sha256("\nvar b = 2;\n"),  # the newlines are part of the script's text
    }


@pytest.mark.parametrize(
    "script",
    [
        '<script src="a.js"></script>',
        '<script type="application/json">{"a": 1}</script>',
        '<script type="application/ld+json">{}</script>',
    ],
    ids=["external", "json-data", "ld-json"],
)
def test_scripts_the_browser_does_not_run_inline_need_no_hash(script: str) -> None:
    assert inline_script_hashes(f"<head>{script}</head>") == set()


def test_policy_allows_the_site_and_the_hashes_and_nothing_else() -> None:
    policy = directives(content_security_policy({sha256("b"), sha256("a"), sha256("a")}))
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", *sorted({sha256("a"), sha256("b")})]
    assert policy["default-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    everything = " ".join(value for values in policy.values() for value in values)
    assert "'unsafe-eval'" not in everything
    assert "'unsafe-inline'" not in everything
    assert "http" not in everything  # no other host, not even this one's address


def test_policy_goes_right_after_the_charset_before_any_script() -> None:
    policy = content_security_policy(inline_script_hashes(PAGE))
    html = add_policy(PAGE, policy)
    meta = f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    assert meta in html
    assert html.index("Content-Security-Policy") < html.index("<script")
    assert html.replace(meta, '<meta charset="utf-8">') == PAGE


def test_policy_without_a_charset_goes_first_in_head() -> None:
    html = add_policy("<html><head><title>x</title></head></html>", "default-src 'self'")
    assert html.startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    )


def test_adding_a_policy_again_replaces_the_first() -> None:
    once = add_policy(PAGE, "default-src 'self'")
    twice = add_policy(add_policy(PAGE, "default-src 'none'"), "default-src 'self'")
    assert twice == once
    assert twice.count("Content-Security-Policy") == 1


def test_a_page_without_head_is_an_error() -> None:
    with pytest.raises(BuildError, match="no <head>"):
        add_policy("<p>fragment</p>", "default-src 'self'")
