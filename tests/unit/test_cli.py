import json
import subprocess
import sys

import pytest

from calculator.__main__ import main


def test_readable_plan(capsys):
    status = main(
        ["--interviewed", "2026-12-17", "--reply", "1w", "--region", "AU-NSW", "--today", "2026-12-18"]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("Call on Wed 30 Dec 2026 (AU-NSW, New South Wales, Australia)")
    assert "Mon 28 Dec: Boxing Day (observed)" in out


def test_json(capsys):
    argv = ["--interviewed", "2026-12-17", "--reply", "1w", "--region", "AU-NSW", "--today", "2026-12-18"]
    assert main([*argv, "--pending", "references,background", "--channel", "email", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["call_on"] == "2026-12-30"
    assert plan["channel"]["method"] == "email"
    assert {"reply_expected", "best_day", "call_window", "thank_you_by", "next_follow_up", "steps"} <= set(
        plan
    )
    assert set(plan["call_window"]) >= {"start", "end", "tz"}


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        pytest.param(["--interviewed", "2026-02-30", "--region", "GB"], "interviewed", id="impossible-date"),
        pytest.param(["--interviewed", "2026-12-17", "--region", "XX"], "region", id="unknown-region"),
        pytest.param(
            ["--interviewed", "2026-12-17", "--region", "GB", "--reply", "x"], "reply", id="bad-reply"
        ),
        pytest.param(
            ["--interviewed", "2026-12-17", "--region", "GB", "--channel", "fax"], "channel", id="fax"
        ),
    ],
)
def test_bad_input_names_the_field_and_exits_2(capsys, argv, field):
    assert main([*argv, "--today", "2026-12-18"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"error: --{field}: ")
    assert "Traceback" not in captured.err


def test_as_a_module_without_traceback():
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "calculator",
            "--interviewed",
            "2026-12-17",
            "--reply",
            "soon",
            "--region",
            "GB",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.startswith("error: --reply: ")
    assert "Traceback" not in run.stderr


def test_piped_into_head_stops_quietly():
    """``python -m calculator … | head -1``: the reader stops reading; no traceback."""
    argv = ["--interviewed", "2026-12-17", "--reply", "1w", "--region", "AU-NSW", "--json"]
    run = subprocess.Popen(
        [sys.executable, "-m", "calculator", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert run.stdout is not None
    assert run.stderr is not None
    run.stdout.close()  # before Python has started: its first write meets a closed pipe
    error = run.stderr.read().decode()
    run.stderr.close()
    assert run.wait() == 141
    assert error == ""


def test_a_message_stays_on_one_line(capsys):
    argv = [
        "--interviewed",
        "2026-12-17",
        "--region",
        "GB",
        "--pending",
        "hr\nerror: forged",
        "--today",
        "2026-12-18",
    ]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "hr\\nerror: forged" in err
