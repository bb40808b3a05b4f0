"""What the benchmark scripts share: a row of the report, the table, fresh processes, the mock.

Each script measures some rows and, run alone, prints them as a table; with `--json` it prints
them as JSON for `bench/run.py`, which runs every script (each in its own process, so no
row's imports or memory leak into another's) and prints the one table `make bench` shows.

Each row has up to two figures beside ours, each with its ratio: the baseline (the same work
done the plain way, as with httpx alone; the target is against it) and the reference (the
same work done by the tool a user would otherwise pick: the published SDK, or
openapi-python-client). `make bench` installs both references where only the benchmarks see
them (see the Makefile): their folders come in the environment variables below.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _folder(variable: str) -> str | None:
    """The folder an environment variable names, made absolute from the checkout's root (the
    Makefile gives it relative), since the scripts run tools from other folders."""
    value = os.environ.get(variable)
    return str(ROOT / value) if value else None


# The published SDK (`pip install --target`): put first on PYTHONPATH, `import magic_hour` is it.
PUBLISHED_SDK = _folder("MAGIC_HOUR_PUBLISHED_SDK")
# A virtual environment holding openapi-python-client and ruff, and nothing of ours.
OPENAPI_PYTHON_CLIENT = _folder("BENCH_OPENAPI_PYTHON_CLIENT")


@dataclass
class Row:
    name: str
    figure: float
    unit: str
    baseline: float | None = None  # the same work done the plain way, in `unit`
    target: str = ""  # what the issue asks, in words
    met: bool | None = None  # None: no target
    note: str = ""
    reference: float | None = None  # the published SDK's or openapi-python-client's, in `unit`
    reference_name: str = ""  # which one

    @property
    def ratio(self) -> float | None:
        return self.figure / self.baseline if self.baseline else None

    @property
    def reference_ratio(self) -> float | None:
        return self.figure / self.reference if self.reference else None


def environment(
    python_path: str | Path | None = None, bytecode: str | Path | None = None
) -> dict[str, str]:
    """This process's environment for a child process, its PYTHONPATH `python_path` alone (None:
    no PYTHONPATH, so `magic_hour` is this checkout's); with `bytecode`, every module's bytecode
    written to and read from that folder, as an installed package's is: this machine may set
    PYTHONDONTWRITEBYTECODE, which would have each import compile its sources again."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    if python_path is not None:
        env["PYTHONPATH"] = str(python_path)
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def wall_time(command: list[str], **kwargs: object) -> float:
    """Seconds a command takes from start to exit; it must succeed. Its output is dropped."""
    kwargs.setdefault("stdout", subprocess.DEVNULL)
    kwargs.setdefault("stderr", subprocess.DEVNULL)
    started = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - started


@contextlib.contextmanager
def mock_server(*options: str) -> Iterator[str]:
    """The package's mock server (`python -m magic_hour.mock`) in its own process, on a free
    port; yields its URL."""
    server = subprocess.Popen(
        [PYTHON, "-m", "magic_hour.mock", "--port", "0", *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # its log of requests
        text=True,
    )
    try:
        assert server.stdout is not None
        # "Mock Magic Hour API on http://127.0.0.1:<port> (<n> operations)": it is listening.
        listening = re.match(r"Mock .* on (http://\S+) \(", server.stdout.readline())
        if listening is None:
            raise RuntimeError("the mock server did not start")
        yield listening.group(1)
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


def format_figure(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s" and value < 1:
        return f"{value * 1000:.0f} ms"
    if unit in ("µs", "ms"):
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}" if value < 100 else f"{value:.0f} {unit}"


def table(rows: list[Row]) -> str:
    header = ("row", "ours", "baseline", "ratio", "reference", "ratio", "target", "met?")
    lines = [
        (
            row.name + (f" ({row.note})" if row.note else ""),
            format_figure(row.figure, row.unit),
            format_figure(row.baseline, row.unit),
            _ratio(row.ratio),
            format_figure(row.reference, row.unit)
            + (f" {row.reference_name}" if row.reference is not None else ""),
            _ratio(row.reference_ratio),
            row.target or "-",
            {True: "yes", False: "NO", None: "-"}[row.met],
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    out = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip()
        for line in [header, tuple("-" * w for w in widths), *lines]
    ]
    return "\n".join(out)


def _ratio(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "-"


def as_json(rows: list[Row]) -> list[dict[str, object]]:
    return [
        {**asdict(row), "ratio": row.ratio, "reference_ratio": row.reference_ratio} for row in rows
    ]


def report(rows: list[Row]) -> None:
    """Run alone: the table. Under bench/run.py (`--json`): the rows as JSON."""
    if "--json" in sys.argv:
        print(json.dumps(as_json(rows)))
    else:
        print(table(rows))


def rows_from_json(text: str) -> list[Row]:
    rows = []
    for item in json.loads(text.strip().splitlines()[-1]):
        item.pop("ratio")
        item.pop("reference_ratio")
        rows.append(Row(**item))
    return rows
