"""How generation and `import magic_hour` grow with the API: 36, 360 and 3,600 synthetic
operations (bench/synthetic_spec.py), each size in fresh processes, the sizes interleaved.

- generate per operation: `python -m generator` into a new folder, the spec files' parsed
  form in the cache (a first run, not counted, puts it there), with black left out (the
  generator's `format_file` replaced by one that returns the rendered text, whose results the
  cache keeps apart from black's): the model, the views, rendering, the record and writing,
  divided by the operation count. Black is left out because formatting 3,600 operations'
  files cold takes many minutes; it formats each file on its own, at a cost per file shown by
  the cold rows of bench/generation.py, as parsing YAML costs a fixed amount per spec file.
  Target: the cost per operation at 3,600 within 1.25x of the one at 360.
- import: `import magic_hour` and `Client(token=...)` in a fresh process, the package generated
  above for each size first on PYTHONPATH (its bytecode written by a first import that is not
  counted), beside the floor, `import httpx, pydantic`, alternated with it. Target: within
  1.1x of the floor at every size. The package text is the renderer's, not black's; the
  bytecode, which is what an import runs, is the same.

    python bench/scale.py [--json] [--runs N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import PYTHON, ROOT, Row, environment, report, wall_time
from synthetic_spec import write_specs

SIZES = (36, 360, 3600)
RUNS = 3
IMPORT_RUNS = 9
GROWTH_TARGET = 1.25  # per-operation cost at 3,600 operations against 360
IMPORT_TARGET = 1.1  # against `import httpx, pydantic`
# Run as `scale.py --generate SPECS OUTPUT CACHE`: the generator without black, in this process.
GENERATE = "--generate"
IMPORT_OURS = "import magic_hour, sys; magic_hour.Client(token='key'); print(magic_hour.__file__)"
IMPORT_FLOOR = "import httpx, pydantic"


def generate_without_black(specs: str, output: str, cache: str) -> int:
    sys.path.insert(0, str(ROOT))
    from generator import formatting
    from generator.cli import main

    formatting.format_file = unformatted
    formatting.CACHE_NAMESPACE = "black-left-out"  # not black's output: never read as such
    # Without black there is nothing worth sharing between worker processes.
    formatting.MIN_FILES_FOR_WORKERS = sys.maxsize
    return main(["--specs", specs, "--output", output, "--cache-dir", cache])


def unformatted(path: str, text: str) -> str:
    return text


def generation_rows(work: Path, runs: int) -> tuple[list[Row], dict[int, Path]]:
    times: dict[int, list[float]] = {size: [] for size in SIZES}
    outputs: dict[int, Path] = {}

    def command(size: int, output: str) -> list[str]:
        specs, cache = work / f"specs-{size}", work / f"cache-{size}"
        return [PYTHON, __file__, GENERATE, str(specs), output, str(cache)]

    for size in SIZES:
        write_specs(size, work / f"specs-{size}")
        wall_time(command(size, str(work / f"warm-up-{size}")), cwd=work)
    for index in range(runs):
        for size in SIZES:
            output = work / f"out-{size}-{index}"
            times[size].append(wall_time(command(size, str(output)), cwd=work) / size * 1000)
            outputs[size] = output
    figures = {size: statistics.median(times[size]) for size in SIZES}
    rows = []
    for size in SIZES:
        last = size == SIZES[-1]
        rows.append(
            Row(
                f"generate per operation, {size} synthetic ops (specs parsed, black left out)",
                figures[size],
                "ms",
                figures[SIZES[-2]] if last else None,
                f"<= {GROWTH_TARGET}x the {SIZES[-2]}-operation cost" if last else "",
                figures[size] <= GROWTH_TARGET * figures[SIZES[-2]] if last else None,
            )
        )
    return rows, outputs


def import_rows(work: Path, outputs: dict[int, Path]) -> list[Row]:
    floor: list[float] = []
    ours: dict[int, list[float]] = {size: [] for size in SIZES}
    bytecode = work / "bytecode"
    wall_time([PYTHON, "-c", IMPORT_FLOOR], cwd=work, env=environment(bytecode=bytecode))
    for size, package in outputs.items():
        first = subprocess.run(
            [PYTHON, "-c", IMPORT_OURS],
            cwd=work,
            env=environment(package, bytecode),
            check=True,
            capture_output=True,
            text=True,
        )
        if not Path(first.stdout.strip()).is_relative_to(package):
            raise AssertionError(f"imported {first.stdout.strip()}, not the package in {package}")
    for _ in range(IMPORT_RUNS):  # alternated, so a busy moment of the machine hits each
        floor.append(
            wall_time([PYTHON, "-c", IMPORT_FLOOR], cwd=work, env=environment(bytecode=bytecode))
        )
        for size, package in outputs.items():
            command = [PYTHON, "-c", IMPORT_OURS]
            ours[size].append(wall_time(command, cwd=work, env=environment(package, bytecode)))
    baseline = statistics.median(floor)
    rows = []
    for size in SIZES:
        figure = statistics.median(ours[size])
        rows.append(
            Row(
                f"import magic_hour + Client(), {size} synthetic ops",
                figure,
                "s",
                baseline,
                f"<= {IMPORT_TARGET}x import httpx, pydantic",
                figure <= IMPORT_TARGET * baseline,
            )
        )
    return rows


def main() -> None:
    if sys.argv[1:2] == [GENERATE]:
        sys.exit(generate_without_black(*sys.argv[2:5]))
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temporary:
        work = Path(temporary)
        rows, outputs = generation_rows(work, runs)
        rows += import_rows(work, outputs)
    report(rows)


if __name__ == "__main__":
    main()
