"""Stop the preview ``make serve`` started: ``python -m devtools.stop_preview PID_FILE``.

``make serve`` records its server's process id in ``.cache/second-date/serve-<port>.pid``;
``make stop`` (``PORT=…`` for another port) runs this with that file. It ends that process
only, and only while it is still a ``mkdocs serve``: it sends SIGTERM, which the preview
treats as Ctrl-C (MkDocs shuts down and removes its temporary site), waits for it to
end, and removes the record.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

#: How long a stopped preview may take to shut down before this gives up.
GRACE_SECONDS = 30.0


def command_line(pid: int) -> list[str]:
    """The arguments running process ``pid`` was started with; none once it has ended."""
    proc = Path(f"/proc/{pid}/cmdline")
    if Path("/proc/self").is_dir():
        try:
            raw = proc.read_bytes()  # empty for a process that has ended but not been reaped
        except OSError:
            return []
        return [part.decode(errors="replace") for part in raw.split(b"\0") if part]
    # No /proc (macOS): ask ps, found on PATH; the only input is a number.
    ps = subprocess.run(  # noqa: S603
        ["ps", "-o", "args=", "-p", str(pid)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return ps.stdout.split() if ps.returncode == 0 else []


def is_preview(arguments: list[str]) -> bool:
    """Whether a command line is a ``mkdocs serve``."""
    return "serve" in arguments and any(Path(argument).name == "mkdocs" for argument in arguments)


def stop(pid_file: Path, grace: float = GRACE_SECONDS) -> str:
    """Stop the preview recorded in ``pid_file``; what happened, in one sentence.

    Raises:
        LookupError: the recorded process is something else now.
        TimeoutError: the preview did not end within ``grace`` seconds.
    """
    if not pid_file.is_file():
        others = sorted(p.name for p in pid_file.parent.glob("serve-*.pid"))
        hint = f" (recorded: {', '.join(others)}; make stop PORT=<port>)" if others else ""
        return f"no preview recorded in {pid_file}: nothing to stop{hint}"
    pid = int(pid_file.read_text(encoding="utf-8").split()[0])
    arguments = command_line(pid)
    if not arguments:
        pid_file.unlink()
        return f"the preview (process {pid}) had already stopped; its record is removed"
    if not is_preview(arguments):
        pid_file.unlink()
        raise LookupError(f"process {pid} is not a preview any more ({' '.join(arguments)}): left alone")
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while command_line(pid):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the preview (process {pid}) is still running after {grace:.0f} s")
        time.sleep(0.1)
    pid_file.unlink(missing_ok=True)
    return f"stopped the preview (process {pid})"


def main(argv: list[str] | None = None) -> int:
    """Command line: 0 when stopped (or nothing was running), 1 when it could not stop it."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pid_file", type=Path, help="the file make serve wrote")
    args = parser.parse_args(argv)
    try:
        print(f"stop: {stop(args.pid_file)}")  # noqa: T201
    except (LookupError, TimeoutError) as error:
        print(f"stop: {error}", file=sys.stderr)  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
