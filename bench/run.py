"""`make bench`: every benchmark, each script in its own process; one table, also as JSON.

python bench/run.py [--output bench/results.json]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import PYTHON, ROOT, Row, as_json, rows_from_json, table

SCRIPTS = (
    "generation.py",
    "scale.py",
    "calls.py",
    "imports.py",
    "cli.py",
    "validation.py",
    "download.py",
    "concurrency.py",
)


def main() -> None:
    output = Path(sys.argv[sys.argv.index("--output") + 1]) if "--output" in sys.argv else None
    output = output or ROOT / "bench" / "results.json"
    rows: list[Row] = []
    started = time.perf_counter()
    for script in SCRIPTS:
        print(f"bench/{script} ...", file=sys.stderr, flush=True)
        done = subprocess.run(
            [PYTHON, str(ROOT / "bench" / script), "--json"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        rows.extend(rows_from_json(done.stdout))
    print(table(rows))
    missed = [row.name for row in rows if row.met is False]
    print(
        f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s; targets not met: {len(missed)}"
    )
    output.write_text(
        json.dumps(as_json(rows), indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"written to {output}")


if __name__ == "__main__":
    main()
