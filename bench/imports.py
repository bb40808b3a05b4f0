"""`import magic_hour` and pytest's start-up stay as lean and fast with the offline kit shipped.

- import: `import magic_hour` in a fresh process, beside the same import of the package as it
  was before the kit (generated/magic_hour at BEFORE_THE_KIT, taken out of git into a temporary
  folder and put first on PYTHONPATH); and the modules each import loads. The mock server,
  `magic_hour.testing`, jsonschema and the pytest plugin must not be among them.
- pytest start-up: `pytest` collecting and running a test file that uses no fixture of ours, in
  a folder of its own, with the package's plugin (`_magic_hour_pytest`, a `pytest11` entry
  point) loaded, beside the same run with `-p no:magic_hour`. The plugin imports `magic_hour`
  only when a test asks for one of its fixtures: the run checks that it was loaded and that
  `magic_hour` was not.

    python bench/imports.py [--json]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from common import PYTHON, ROOT, Row, environment, report, wall_time

RUNS = 15
PYTEST_RUNS = 9  # each run about 2 s
# The last commit of main before the offline kit (#17) entered the package.
BEFORE_THE_KIT = "4a520151072ee3ca9e5d2a88d6daebb62ca9c540"
# What only the offline kit loads; a plain `import magic_hour` loads none of it.
KIT_MODULES = ("magic_hour.mock", "magic_hour.testing", "jsonschema", "_magic_hour_pytest")
PLUGIN = "magic_hour"  # the name of its pytest11 entry point, as `-p no:` takes it
# Prints the modules `import magic_hour` adds to those of a bare interpreter, and its file.
COUNT_MODULES = (
    "import json, sys; before = set(sys.modules); import magic_hour; "
    "print(json.dumps([magic_hour.__file__, sorted(set(sys.modules) - before)]))"
)
# pytest on the folder given, in this process; then whether the plugin and magic_hour were
# loaded when collection ended.
PROBED_PYTEST = """
import json, sys, pytest

class Probe:
    def pytest_collection_finish(self, session):
        self.seen = [
            session.config.pluginmanager.has_plugin(%r),
            "magic_hour" in sys.modules,
        ]

probe = Probe()
code = pytest.main(["-q", "-p", "no:cacheprovider", sys.argv[1]], plugins=[probe])
print(json.dumps([int(code), *probe.seen]))
""" % (PLUGIN,)


def package_before_the_kit(folder: Path) -> Path | None:
    """generated/ as it was at BEFORE_THE_KIT, written under `folder`; None if this clone does
    not have that commit."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", BEFORE_THE_KIT, "generated/magic_hour"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        return None
    tar = folder / "before.tar"
    tar.write_bytes(archive.stdout)
    with tarfile.open(tar) as opened:
        opened.extractall(folder, filter="data")
    return folder / "generated"


def loaded_by_import(python_path: str | None) -> tuple[str, list[str]]:
    done = subprocess.run(
        [PYTHON, "-c", COUNT_MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=environment(python_path),
    )
    found: list[Any] = json.loads(done.stdout)
    return found[0], found[1]


def of_the_kit(module: str) -> bool:
    return any(module == kit or module.startswith(f"{kit}.") for kit in KIT_MODULES)


def import_rows(folder: Path) -> list[Row]:
    before = package_before_the_kit(folder)
    file, modules = loaded_by_import(None)
    assert Path(file).is_relative_to(ROOT / "generated"), file
    kit = sorted(m for m in modules if of_the_kit(m))
    command = [PYTHON, "-c", "import magic_hour"]
    times: dict[str, list[float]] = {"now": [], "before": []}
    baseline_modules: int | None = None
    if before is not None:
        old_file, old_modules = loaded_by_import(str(before))
        assert Path(old_file).is_relative_to(before), old_file
        baseline_modules = len(old_modules)
    for _ in range(RUNS):  # alternated, so a busy moment of the machine hits both
        times["now"].append(wall_time(command, cwd=ROOT, env=environment()))
        if before is not None:
            env = environment(before)
            times["before"].append(wall_time(command, cwd=ROOT, env=env))
    figure = sorted(times["now"])[RUNS // 2]
    baseline = sorted(times["before"])[RUNS // 2] if before is not None else None
    note = "" if before is not None else f"commit {BEFORE_THE_KIT[:7]} not in this clone"
    return [
        Row(
            "import magic_hour (fresh process, beside the package before the kit)",
            figure,
            "s",
            baseline,
            "<= 1.10x before the kit",
            figure <= 1.10 * baseline if baseline is not None else None,
            note,
        ),
        Row(
            "modules loaded by import magic_hour",
            float(len(modules)),
            "modules",
            float(baseline_modules) if baseline_modules is not None else None,
            "no more than before the kit, none of the kit's",
            (baseline_modules is None or len(modules) <= baseline_modules) and not kit,
            f"the kit's loaded: {', '.join(kit)}" if kit else note,
        ),
    ]


def pytest_rows(folder: Path) -> list[Row]:
    tests = folder / "user-tests"
    tests.mkdir()
    (tests / "test_plain.py").write_text("def test_plain():\n    assert True\n", encoding="utf-8")
    run = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)]
    times: dict[str, list[float]] = {"plugin": [], "without": []}
    for _ in range(PYTEST_RUNS):
        times["plugin"].append(wall_time(run, cwd=tests, env=environment()))
        times["without"].append(
            wall_time([*run, "-p", f"no:{PLUGIN}"], cwd=tests, env=environment())
        )
    figure = sorted(times["plugin"])[PYTEST_RUNS // 2]
    baseline = sorted(times["without"])[PYTEST_RUNS // 2]
    probed = subprocess.run(
        [PYTHON, "-c", PROBED_PYTEST, str(tests)],
        cwd=tests,
        capture_output=True,
        text=True,
        check=True,
        env=environment(),
    )
    code, plugin_loaded, imported = json.loads(probed.stdout.strip().splitlines()[-1])
    assert code == 0, probed.stdout
    lean = plugin_loaded and not imported
    return [
        Row(
            "pytest start-up, plugin installed (beside -p no:magic_hour)",
            figure,
            "s",
            baseline,
            "<= 1.10x; magic_hour not imported",
            figure <= 1.10 * baseline and lean,
            (
                "plugin loaded, magic_hour not imported"
                if lean
                else f"plugin loaded: {plugin_loaded}, magic_hour imported: {imported}"
            ),
        )
    ]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as temporary:
        folder = Path(temporary)
        rows = import_rows(folder) + pytest_rows(folder)
    report(rows)


if __name__ == "__main__":
    main()
