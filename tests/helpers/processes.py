"""Child processes that a test starts and must not leave behind when an assert fails."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from typing import TypeVar

Output = TypeVar("Output", str, bytes)


@contextlib.contextmanager
def running(process: subprocess.Popen[Output]) -> Iterator[subprocess.Popen[Output]]:
    """`process`, killed if it is still running when the block ends (an assert failed, a
    `communicate` timed out), then waited for and its pipes closed."""
    with process:
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
