"""The page's region picker matches as the command line does: region-match.js against calculator/_match.py.

Node runs the page's own modules (``tests/unit/region_match.mjs``) over the index the tests
use, for every region's code, name and other names, their beginnings, words and odd text.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools._region_data import RegionSet
from calculator import CalculatorError, HolidayTable
from calculator._table import INDEX_NAME

SCRIPT = Path(__file__).with_name("region_match.mjs")
ODD = [
    "",
    " ",
    "../",
    "..%2F..%2Findex",
    "x" * 500,
    "<script>",
    "QC",
    "CA-QC",
    "ca_qc",
    "Québec",
    "quebec",
    "QUÉBEC",
    "Sao Paulo",
    "south korea",
    "UK",
    "UK-SCT",
    "GBR",
    "Deutschland",
    "SP",
    "Georgia",
    "wales",
    "new s",
    "Straße",
    "İstanbul",
    "Ελλάδα",
    "日本",
    "القاهرة",
    "-",
    "...",
    "a",
    "Z",
]


def queries(index: Path, table: HolidayTable) -> list[str]:
    """Every way into every region: its code and names whole, their beginnings, their words."""
    typed: set[str] = set(ODD)
    aliases = {code: [name, *others] for code, name, _tz, others in json.loads(index.read_text())["regions"]}
    for info in table.regions:
        for text in (info.code, info.name, *aliases[info.code]):
            typed.update({text, text.lower(), text[:1], text[:2], text[:3], text[:5]})
            typed.update(word[:4] for word in text.split())
    return sorted(typed)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the page's modules")
def test_the_pickers_matcher_answers_as_pythons(region_data: RegionSet, table: HolidayTable):
    index = region_data.directory / INDEX_NAME
    typed = queries(index, table)
    request = json.dumps({"index": str(index), "queries": typed})
    run = subprocess.run(
        ["node", str(SCRIPT)], input=request, capture_output=True, text=True, check=True, encoding="utf-8"
    )
    answered = json.loads(run.stdout)
    assert answered["names"] == [[info.code, info.name] for info in table.regions]
    matcher = table.matcher
    wrong = []
    for text, (options, exact) in zip(typed, answered["answers"], strict=True):
        expected = list(matcher.options(text, near=False))
        try:
            found = matcher.match(text)
        except CalculatorError:
            found = ""
        if (options, exact) != (expected, found):
            wrong.append((text, options, expected, exact, found))
    assert not wrong, wrong[:10]
    assert len(typed) > 5000
