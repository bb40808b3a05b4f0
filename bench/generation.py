"""How long `python -m generator` takes, as a maintainer runs it (a fresh process each time).

- cold: no cache, empty output folder; warm: the same run again (nothing changed); one file
  edited: one operation's summary changes, so a few output files change. Each on `specs/` and
  on a synthetic spec of 200 operations (bench/synthetic_spec.py); the edited row also counts
  the files black formatted (new entries in its cache) beside the files that changed.
- per operation at 10, 100 and 1000 synthetic operations: a full run into an empty output
  folder with the cache warm (black's output and the parsed spec files, not the run manifest),
  so the rows show how the generator's own work (merging, naming, rendering, writing) grows
  with the API; black and YAML parsing cost a fixed amount per file, shown by the cold rows.

    python bench/generation.py [--json] [--runs N]
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import PYTHON, ROOT, Row, median_of, report, wall_time
from synthetic_spec import write_specs

RUNS = 3
SUMMARY = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged")
WARM_TARGET = 0.3  # seconds, for specs/
GROWTH_TARGET = 1.25  # per-operation cost at 1000 operations against 100


def generator(specs: Path, output: Path, cache: Path) -> list[str]:
    return [
        PYTHON,
        "-m",
        "generator",
        "--specs",
        str(specs),
        "--output",
        str(output),
        "--cache-dir",
        str(cache),
    ]


def run(command: list[str]) -> str:
    """The generator's summary line (how many files it added, changed, removed)."""
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return done.stderr.strip().splitlines()[-1]


def black_entries(cache: Path) -> int:
    return sum(1 for p in (cache / "black").rglob("*") if p.is_file())


def edit(spec: Path, count: int) -> None:
    """Change the first operation summary of `spec`: a real change to a few output files."""
    text = spec.read_text(encoding="utf-8")
    edited = re.sub(
        r"^(\s+summary: )(?:Edit \d+\. )?", rf"\g<1>Edit {count}. ", text, count=1, flags=re.M
    )
    assert edited != text, f"{spec}: no summary to edit"
    spec.write_text(edited, encoding="utf-8")


def three_rows(label: str, source: Path, work: Path, runs: int, warm_target: bool) -> list[Row]:
    specs = work / "specs"
    shutil.copytree(source, specs)
    edited_spec = sorted(specs.glob("*.yaml"))[0]
    cold_times, warm_times, edit_times = [], [], []
    formatted = changed = 0
    for index in range(runs):
        output, cache = work / f"out-{index}", work / f"cache-{index}"
        cold_times.append(wall_time(generator(specs, output, cache), cwd=ROOT))
        warm_times.append(wall_time(generator(specs, output, cache), cwd=ROOT))
        before = black_entries(cache)
        edit(edited_spec, index)
        started = time.perf_counter()
        summary = SUMMARY.search(run(generator(specs, output, cache)))
        edit_times.append(time.perf_counter() - started)
        assert summary is not None
        formatted = black_entries(cache) - before
        changed = int(summary.group(1)) + int(summary.group(2))
    median = sorted(warm_times)[runs // 2]
    return [
        Row(f"generate {label}: cold", sorted(cold_times)[runs // 2], "s"),
        Row(
            f"generate {label}: warm, no change",
            median,
            "s",
            target=f"< {WARM_TARGET} s" if warm_target else "",
            met=median < WARM_TARGET if warm_target else None,
        ),
        Row(
            f"generate {label}: one spec file edited",
            sorted(edit_times)[runs // 2],
            "s",
            target="formats only what changed",
            met=formatted <= changed,
            note=f"black ran on {formatted} files; {changed} files changed",
        ),
    ]


def per_operation_rows(work: Path, runs: int) -> list[Row]:
    figures: dict[int, float] = {}
    for operations in (10, 100, 1000):
        specs, cache = work / f"synthetic-{operations}", work / f"cache-{operations}"
        write_specs(operations, specs)
        run(generator(specs, work / "warm-up", cache))  # fills black's cache
        shutil.rmtree(work / "warm-up")
        outputs = iter(range(runs))

        def once() -> float:
            output = work / f"out-{operations}-{next(outputs)}"
            seconds = wall_time(generator(specs, output, cache), cwd=ROOT)
            shutil.rmtree(output)
            return seconds

        figures[operations] = median_of(runs, once) / operations * 1000
    rows = []
    for operations, figure in figures.items():
        last = operations == 1000
        rows.append(
            Row(
                f"generate per operation, {operations} operations",
                figure,
                "ms",
                figures[100] if last else None,
                f"<= {GROWTH_TARGET}x the 100-operation cost" if last else "",
                figure <= GROWTH_TARGET * figures[100] if last else None,
            )
        )
    return rows


NO_OP_TARGET = 0.1  # seconds: the warm no-op


def warm_no_op_row(work: Path, runs: int) -> Row:
    """`python -m generator` on specs/ a second time, nothing changed, beside a bare
    interpreter's start (`python -c pass`), the two run in turn and each figure their median.
    The run finds its inputs' stamp in the cache and checks the output folder file by file
    (generator/stamp.py); a copy of generated/ is that folder, filled once beforehand."""
    specs, output, cache = work / "specs", work / "generated", work / "cache"
    shutil.copytree(ROOT / "specs", specs)
    shutil.copytree(ROOT / "generated", output, ignore=shutil.ignore_patterns("__pycache__"))
    command = generator(specs, output, cache)
    run(command)  # the run that is remembered
    ours, bare = [], []
    for _ in range(max(runs, 15)):
        ours.append(wall_time(command, cwd=ROOT))
        bare.append(wall_time([PYTHON, "-c", "pass"], cwd=ROOT))
    figure = statistics.median(ours)
    return Row(
        "generate specs/: warm, no change",
        figure,
        "s",
        statistics.median(bare),
        target=f"< {NO_OP_TARGET} s",
        met=figure < NO_OP_TARGET,
        note="baseline: python -c pass",
    )


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    with tempfile.TemporaryDirectory(prefix="bench-generation-") as temporary:
        work = Path(temporary)
        rows = three_rows("specs/", ROOT / "specs", work / "real", runs, warm_target=True)
        no_op = warm_no_op_row(work / "no-op", runs)
        rows = [no_op if row.name == no_op.name else row for row in rows]
        synthetic = work / "synthetic-200"
        write_specs(200, synthetic)
        rows += three_rows("200 synthetic ops", synthetic, work / "s200", runs, warm_target=False)
        rows += per_operation_rows(work / "scaling", runs)
    report(rows)


if __name__ == "__main__":
    main()
