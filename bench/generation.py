"""How long `python -m generator` takes, as a maintainer runs it (a fresh process each time).

- warm: the same run again, nothing changed (beside a bare `python -c pass`); one file
  edited: one operation's summary changes, so a few output files change; the row counts the
  files black formatted (new entries in its cache) beside the files that changed.
- beside openapi-python-client (the reference: with ruff, cold, on the same API, its 3.0 spec
  files merged into one document): specs/ into a new folder with nothing reused, and on a
  fresh clone (an empty cache, the output folder a copy of the committed generated/, whose
  record of black's work lets unchanged files skip black; the run must leave it unchanged);
  each row counts the lines of Python each side writes. `make check` on a fresh clone too.
- how generation and `import magic_hour` grow with the API: bench/scale.py.

    python bench/generation.py [--json] [--runs N]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import OPENAPI_PYTHON_CLIENT, PYTHON, ROOT, Row, report, wall_time

RUNS = 3
SUMMARY = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged")
CHECK_TARGET = 2.0  # seconds, `make check` on a fresh clone
REFERENCE = "openapi-python-client"
PYCACHE = shutil.ignore_patterns("__pycache__")


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


def edited_row(label: str, source: Path, work: Path, runs: int) -> Row:
    """A cold run, then one spec file edited and the run again: its time, and whether black
    formatted only the files that changed."""
    specs = work / "specs"
    shutil.copytree(source, specs)
    edited_spec = sorted(specs.glob("*.yaml"))[0]
    edit_times = []
    formatted = changed = 0
    for index in range(runs):
        output, cache = work / f"out-{index}", work / f"cache-{index}"
        run(generator(specs, output, cache))
        before = black_entries(cache)
        edit(edited_spec, index)
        started = time.perf_counter()
        summary = SUMMARY.search(run(generator(specs, output, cache)))
        edit_times.append(time.perf_counter() - started)
        assert summary is not None
        formatted = black_entries(cache) - before
        changed = int(summary.group(1)) + int(summary.group(2))
    return Row(
        f"generate {label}: one spec file edited",
        sorted(edit_times)[runs // 2],
        "s",
        target="formats only what changed",
        met=formatted <= changed,
        note=f"black ran on {formatted} files; {changed} files changed",
    )


def merged_document(specs: Path) -> dict[str, object]:
    """The spec folder's OpenAPI 3.0 files as one document, as openapi-python-client takes an
    API: their paths (each path's operations together), components and tags."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    merged: dict[str, Any] = {}
    for path in sorted(specs.glob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8"))
        if not str(document.get("openapi", "")).startswith("3.0"):
            continue  # the webhooks' 3.1 document: no operations
        if not merged:
            merged = {**document, "paths": {}, "components": {}, "tags": []}
        for route, operations in document.get("paths", {}).items():
            merged["paths"].setdefault(route, {}).update(operations)
        for kind, entries in document.get("components", {}).items():
            merged["components"].setdefault(kind, {}).update(entries)
        named = {tag["name"] for tag in merged["tags"]}
        merged["tags"] += [tag for tag in document.get("tags", []) if tag["name"] not in named]
    return merged


def python_lines(folder: Path) -> int:
    return sum(
        len(path.read_bytes().splitlines())
        for path in folder.rglob("*.py")
        if "__pycache__" not in path.parts
    )


def reference_rows(work: Path, runs: int) -> list[Row]:
    """Ours cold and on a fresh clone, openapi-python-client cold, and `make check` on a fresh
    clone: interleaved, medians."""
    work.mkdir(parents=True)
    document = work / "merged.json"
    document.write_text(json.dumps(merged_document(ROOT / "specs")), encoding="utf-8")
    committed = ROOT / "generated"
    cold, clone, check, reference = [], [], [], []
    for index in range(runs):
        if OPENAPI_PYTHON_CLIENT:
            tools = Path(OPENAPI_PYTHON_CLIENT) / "bin"
            theirs = work / f"theirs-{index}"
            reference.append(
                wall_time(
                    [str(tools / "openapi-python-client"), "generate", "--path", str(document)]
                    + ["--output-path", str(theirs), "--overwrite"],
                    cwd=work,
                    # ruff, which formats its output, from its own environment.
                    env={**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"},
                )
            )
        new = work / f"new-{index}"
        cold.append(
            wall_time(generator(ROOT / "specs", new, work / f"cache-new-{index}"), cwd=ROOT)
        )
        copy = Path(shutil.copytree(committed, work / f"clone-{index}", ignore=PYCACHE))
        clone.append(
            wall_time(generator(ROOT / "specs", copy, work / f"cache-clone-{index}"), cwd=ROOT)
        )
        if existing(copy) != existing(committed):
            raise AssertionError("the fresh clone's run changed the committed output")
        checked = Path(shutil.copytree(committed, work / f"check-{index}", ignore=PYCACHE))
        check.append(
            wall_time(
                generator(ROOT / "specs", checked, work / f"cache-check-{index}") + ["--check"],
                cwd=ROOT,
            )
        )
    ours_lines = python_lines(work / "new-0")
    theirs_lines = python_lines(work / "theirs-0") if reference else None
    lines = f"{ours_lines / 1000:.1f}K lines of Python" + (
        f", theirs {theirs_lines / 1000:.1f}K" if theirs_lines else ""
    )
    their = statistics.median(reference) if reference else None
    rows = []
    for name, times in (
        ("generate specs/ into a new folder, nothing reused", cold),
        ("generate specs/, fresh clone (committed generated/, empty cache)", clone),
    ):
        ours = statistics.median(times)
        rows.append(
            Row(
                name,
                ours,
                "s",
                target=f"<= 1.0x {REFERENCE}",
                met=ours <= their if their is not None else None,
                note=lines,
                reference=their,
                reference_name=REFERENCE,
            )
        )
    checked_median = statistics.median(check)
    rows.append(
        Row(
            "make check on a fresh clone (empty cache)",
            checked_median,
            "s",
            target=f"< {CHECK_TARGET:.0f} s",
            met=checked_median < CHECK_TARGET,
        )
    )
    return rows


def existing(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


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
        rows = reference_rows(work / "reference", runs)
        rows.append(edited_row("specs/", ROOT / "specs", work / "real", runs))
        rows.append(warm_no_op_row(work / "no-op", runs))
    report(rows)


if __name__ == "__main__":
    main()
