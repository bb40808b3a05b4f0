"""`magic-hour`, the command line: what a user waits for at a shell.

- import: the modules of the command line `import magic_hour` loads (none);
- start-up: `magic-hour --help` in a fresh process, beside `import magic_hour` (what every
  command needs anyway): what building the commands from `commands.json` adds;
- completion: one TAB, as bash asks for it (`_MAGIC_HOUR_COMPLETE=bash_complete`);
- a command: the first `create` of the CLI view on the mock server (`--format json`), beside
  the same call as a Python script (`python -c`), both in a fresh process.

Every side reads its bytecode from a folder of its own, written by an untimed first run, as an
installed package's is.

    python bench/cli.py [--json]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import PYTHON, ROOT, Row, environment, median_of, mock_server, report, wall_time

sys.path.insert(0, str(ROOT))

from generator.ir import build_ir  # noqa: E402
from generator.load import load_specs  # noqa: E402
from generator.views.cli import CliCommand, build_cli  # noqa: E402
from generator.views.python import build_python_view  # noqa: E402

RUNS = 15
# What `import magic_hour` and a Client load of the command line: click (beyond what httpx
# imports itself when click is installed) and magic_hour.cli.
LOADED_BY_IMPORT = (
    "import json, sys; import httpx, pydantic; before = set(sys.modules);"
    " import magic_hour; magic_hour.Client(token='x');"
    " print(json.dumps(sorted(m for m in set(sys.modules) - before"
    " if m.partition('.')[0] == 'click' or m == 'magic_hour.cli'"
    " or m.startswith('magic_hour.cli.'))))"
)
SCRIPT = str(Path(PYTHON).parent / "magic-hour")


def main() -> None:
    view = build_cli(build_python_view(build_ir(load_specs(ROOT / "specs"))))
    words, command = next((w, c) for w, c in view.commands() if c.kind == "call")
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as bytecode:
        env = {**environment(bytecode=bytecode), "MAGIC_HOUR_API_KEY": "mhk_bench"}

        def timed(argv: list[str], extra: dict[str, str] | None = None) -> float:
            run_env = {**env, **(extra or {})}
            wall_time(argv, env=run_env, cwd=ROOT)  # writes the bytecode
            return median_of(RUNS, lambda: wall_time(argv, env=run_env, cwd=ROOT))

        imported = timed([PYTHON, "-c", "import magic_hour"])
        loaded = json.loads(
            subprocess.run(
                [PYTHON, "-c", LOADED_BY_IMPORT],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout
        )
        started = timed([SCRIPT, "--help"])
        completion = timed(
            [SCRIPT],
            {
                "_MAGIC_HOUR_COMPLETE": "bash_complete",
                "COMP_WORDS": f"magic-hour {words[0][:4]}",
                "COMP_CWORD": "1",
            },
        )
        with mock_server("--polls-per-status", "0") as url:
            served = {"MAGIC_HOUR_BASE_URL": url}
            cli_call = timed([SCRIPT, *command.example, "--format", "json"], served)
            arguments = _python_arguments(command)
            script = (
                "import json, magic_hour; client = magic_hour.Client();"
                f" result = client.{'.'.join(command.client)}.{command.method}(**{arguments!r});"
                " print(json.dumps(result.model_dump(mode='json', by_alias=True)))"
            )
            python_call = timed([PYTHON, "-c", script], served)
    report(
        [
            Row(
                "modules of the command line loaded by import magic_hour + Client (click beyond"
                f" what httpx loads itself, magic_hour.cli){': ' + ', '.join(loaded) if loaded else ''}",
                len(loaded),
                "modules",
                target="none",
                met=not loaded,
            ),
            Row(
                "magic-hour --help (fresh process; baseline: import magic_hour)",
                started * 1000,
                "ms",
                baseline=imported * 1000,
            ),
            Row("magic-hour: one TAB completion (bash)", completion * 1000, "ms"),
            Row(
                f"magic-hour {' '.join(words)} on the mock (baseline: the same call as a"
                " python -c script)",
                cli_call * 1000,
                "ms",
                baseline=python_call * 1000,
            ),
        ]
    )


def _python_arguments(command: CliCommand) -> dict[str, object]:
    """The example's request as the method's keyword arguments (the top-level fields of this
    API are spelled alike in Python and on the wire), from a dry run's body."""
    shown = subprocess.run(
        [SCRIPT, *command.example, "--dry-run", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env={**environment(), "MAGIC_HOUR_API_KEY": "mhk_bench"},
    )
    body: dict[str, object] = json.loads(shown.stdout)["body"]
    return body


if __name__ == "__main__":
    main()
