"""The site's own scripts as published: comments and layout gone, the code as written."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from build_tools import BuildError, _scripts
from build_tools._scripts import minify_scripts

MODULE = """// @ts-check
/**
 * A module that documents itself at length.
 * @param {string} name
 */
import { helper } from "./calculator/helper.js";

export function greet(name) {
  // a comment about the next line
  const url = `https://example.org/${name}/* not a comment */`;
  const pattern = /\\/\\/ not a comment either/;
  return helper(url, pattern, "// kept, it is a string", import("./calculator/later.js"));
}
"""
HELPER = "export const helper = (...parts) => parts;\nexport const later = 1;\n"


def write_site(root: Path) -> Path:
    scripts = root / "assets/javascripts"
    (scripts / "calculator").mkdir(parents=True)
    (scripts / "greet.js").write_text(MODULE, encoding="utf-8")
    (scripts / "calculator/helper.js").write_text(HELPER, encoding="utf-8")
    (scripts / "calculator/later.js").write_text("export default 2;\n", encoding="utf-8")
    return root


def test_comments_and_layout_go_and_the_code_stays(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    minify_scripts(site, ["assets/javascripts/greet.js", "assets/javascripts/calculator/helper.js"])
    text = (site / "assets/javascripts/greet.js").read_text(encoding="utf-8")
    assert "documents itself" not in text
    assert "a comment about" not in text
    assert "@ts-check" not in text
    assert '"use strict"' not in text  # a module is strict already
    for kept in (
        'from"./calculator/helper.js"',  # imports as written, for the version step after
        'import("./calculator/later.js")',
        "https://example.org/${name}/* not a comment */",
        "/\\/\\/ not a comment either/",
        '"// kept, it is a string"',
        "function greet(name)",  # names stay
    ):
        assert kept in text, kept
    assert text.count("\n") == 1  # one line
    later = site / "assets/javascripts/calculator/later.js"
    assert later.read_text(encoding="utf-8") == "export default 2;\n"  # not asked for: untouched


def test_the_minified_module_runs_as_the_source_does(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    run = (
        "const { greet } = await import(process.argv[1]);"
        "const [url, pattern, text] = greet('x'); console.log(url, pattern.source, text);"
    )
    module = site / "assets/javascripts/greet.js"

    def output() -> str:
        done = subprocess.run(
            ["node", "--input-type=module", "-e", run, module.as_uri()],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    before = output()
    minify_scripts(site, ["assets/javascripts/greet.js", "assets/javascripts/calculator/helper.js"])
    assert output() == before


def test_a_build_without_esbuild_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_scripts, "ESBUILD", tmp_path / "no-esbuild")
    with pytest.raises(BuildError, match="npm ci"):
        minify_scripts(write_site(tmp_path / "site"), ["assets/javascripts/greet.js"])


def test_a_script_esbuild_cannot_read_stops_the_build(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    (site / "assets/javascripts/greet.js").write_text("export const = ;\n", encoding="utf-8")
    with pytest.raises(BuildError, match="could not minify"):
        minify_scripts(site, ["assets/javascripts/greet.js"])
