"""`make stop`: it ends the recorded preview, and nothing else."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.stop_preview import command_line, is_preview, stop

#: A process that says it is running, then waits for a signal; its arguments make it look like
#: `mkdocs serve` or not.
WAIT = "import signal; print('ready', flush=True); signal.pause()"


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def start(processes: list[subprocess.Popen[bytes]], *arguments: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-c", WAIT, *arguments], stdout=subprocess.PIPE)
    processes.append(process)
    assert process.stdout is not None
    assert process.stdout.readline() == b"ready\n"
    return process


def record(tmp_path: Path, pid: int) -> Path:
    pid_file = tmp_path / "serve-8123.pid"
    pid_file.write_text(f"{pid}\n", encoding="utf-8")
    return pid_file


def test_it_ends_the_recorded_preview_and_removes_the_record(tmp_path, processes):
    preview = start(processes, "/project/.venv/bin/mkdocs", "serve", "--dev-addr", "127.0.0.1:8123")
    pid_file = record(tmp_path, preview.pid)
    assert is_preview(command_line(preview.pid))
    assert stop(pid_file) == f"stopped the preview (process {preview.pid})"
    assert preview.wait(timeout=60) != 0  # ended by its signal
    assert not pid_file.exists()


def test_it_leaves_any_other_process_alone(tmp_path, processes):
    other = start(processes, "something", "else")
    pid_file = record(tmp_path, other.pid)
    with pytest.raises(LookupError, match=f"process {other.pid} is not a preview any more"):
        stop(pid_file)
    assert other.poll() is None
    assert not pid_file.exists()


def test_a_preview_that_already_ended(tmp_path, processes):
    ended = start(processes, "mkdocs", "serve")
    ended.kill()
    ended.wait()
    pid_file = record(tmp_path, ended.pid)
    assert stop(pid_file) == f"the preview (process {ended.pid}) had already stopped; its record is removed"
    assert not pid_file.exists()


def test_nothing_recorded_names_the_ports_that_are(tmp_path):
    (tmp_path / "serve-8000.pid").write_text("1\n", encoding="utf-8")
    said = stop(tmp_path / "serve-8123.pid")
    assert said.endswith("nothing to stop (recorded: serve-8000.pid; make stop PORT=<port>)")
