"""The generator end to end: command line, determinism, stale files, check mode, installability."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import black
import pytest
from helpers.paths import ROOT

from generator import formatting
from generator.cli import generate, main
from generator.render import TEMPLATES_DIR
from generator.write import MANIFEST, existing_files

RUNTIME = TEMPLATES_DIR / "runtime"
RUNTIME_FILES = sorted(
    p.relative_to(RUNTIME)
    for p in RUNTIME.rglob("*")
    if p.is_file() and "__pycache__" not in p.parts
)
RUNTIME_MODULES = [path for path in RUNTIME_FILES if path.suffix == ".py"]


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory, specs_dir: Path) -> Path:
    output = tmp_path_factory.mktemp("out") / "generated"
    assert main(["--specs", str(specs_dir), "--output", str(output)]) == 0
    return output


def run_generator(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_committed_output_matches_the_specs(specs_dir: Path, repo_root: Path) -> None:
    files = generate(specs_dir, "specs")
    assert {path: text.encode() for path, text in files.items()} == existing_files(
        repo_root / "generated"
    )


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=str)
def test_the_runtime_is_copied_byte_for_byte(generated_once: Path, path: Path) -> None:
    # So a traceback's line numbers in the package are the source's.
    assert (generated_once / "magic_hour" / path).read_bytes() == (RUNTIME / path).read_bytes()


@pytest.mark.parametrize("path", RUNTIME_MODULES, ids=str)
def test_the_runtime_is_black_clean_in_the_generators_mode(path: Path) -> None:
    source = (RUNTIME / path).read_text(encoding="utf-8")
    assert black.format_str(source, mode=formatting.mode()) == source


def _in_runtime(name: str) -> bool:
    """Whether `magic_hour.<name>` is a module of the runtime, or a name in one."""
    parts = name.split(".")[1:]
    return any(
        (RUNTIME.joinpath(*parts[:n]).with_suffix(".py")).is_file()
        or (RUNTIME.joinpath(*parts[:n]) / "__init__.py").is_file()
        for n in range(1, len(parts) + 1)
    )


def test_the_runtime_imports_nothing_generated() -> None:
    # The runtime is the same whatever the spec: what is the API's own is passed in.
    seen, outside = 0, []
    for path in RUNTIME_MODULES:
        for node in ast.walk(ast.parse((RUNTIME / path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                # Relative: within `core` from a module of `core`, above it otherwise.
                names = [] if node.level == 1 else [f"{'.' * node.level}{node.module or ''}"]
                outside += [f"{path}: {name}" for name in names]
                continue
            else:
                continue
            ours = [name for name in names if name.split(".")[0] == "magic_hour"]
            seen += len(ours)
            outside += [f"{path}: {n}" for n in ours if not _in_runtime(n)]
    assert seen, "the scan found none of the runtime's imports of its own modules"
    assert outside == []


def test_output_is_the_same_bytes_whatever_the_hash_seed_and_working_directory(
    generated_once: Path, tmp_path: Path, specs_dir: Path
) -> None:
    # Another process, another hash seed, another working directory, specs copied elsewhere.
    specs_copy = tmp_path / "elsewhere" / "my-specs"
    shutil.copytree(specs_dir, specs_copy)
    output = tmp_path / "second"
    result = run_generator(
        "--specs",
        str(specs_copy),
        "--output",
        str(output),
        cwd=tmp_path,
        env={"PYTHONHASHSEED": "12345"},
    )
    assert result.returncode == 0, result.stderr
    assert existing_files(output) == existing_files(generated_once)


def test_output_holds_no_absolute_paths_or_timestamps(
    generated_once: Path, repo_root: Path
) -> None:
    for path, data in existing_files(generated_once).items():
        text = data.decode()
        assert str(repo_root) not in text, path
        assert "/tmp/" not in text, path


def test_rerun_changes_nothing_and_check_passes(generated_once: Path, specs_dir: Path) -> None:
    result = run_generator("--specs", str(specs_dir), "--output", str(generated_once), "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    result = run_generator("--specs", str(specs_dir), "--output", str(generated_once))
    assert "0 added, 0 changed, 0 removed" in result.stderr


def test_check_mode_prints_a_diff_and_writes_nothing(
    generated_once: Path, tmp_path: Path, specs_dir: Path
) -> None:
    output = tmp_path / "generated"
    shutil.copytree(generated_once, output)
    client = output / "magic_hour" / "resources" / "v1" / "animation" / "client.py"
    client.write_text(client.read_text().replace("Create a Animation video", "Edited by hand"))
    (output / "magic_hour" / "stale.py").write_text("x = 1\n")
    (output / "magic_hour" / "environment.py").unlink()
    before = existing_files(output)

    result = run_generator("--specs", str(specs_dir), "--output", str(output), "--check")

    assert result.returncode == 1
    assert "-        Edited by hand" in result.stdout
    assert "+        Create a Animation video" in result.stdout
    assert "--- a/magic_hour/stale.py\n+++ /dev/null\n" in result.stdout
    assert "--- /dev/null\n+++ b/magic_hour/environment.py\n" in result.stdout
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"{output} is out of date (1 added, 1 changed, 1 removed")
    )
    assert existing_files(output) == before


def test_files_a_spec_no_longer_produces_are_removed(tmp_path: Path, specs_dir: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(specs_dir, specs)
    output = tmp_path / "generated"
    assert main(["--specs", str(specs), "--output", str(output)]) == 0
    animation = output / "magic_hour" / "resources" / "v1" / "animation"
    assert (animation / "client.py").exists()
    # Build leftovers in the output folder are not the generator's and stay.
    (output / "magic_hour" / "__pycache__").mkdir(exist_ok=True)
    (output / "magic_hour" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"\0")

    (specs / "animation.yaml").unlink()
    assert main(["--specs", str(specs), "--output", str(output)]) == 0

    assert not animation.exists()
    assert not (output / "magic_hour" / "types" / "params" / "v1_animation_create_body.py").exists()
    assert "animation" not in (output / "magic_hour" / "resources" / "v1" / "client.py").read_text()
    assert (output / "magic_hour" / "__pycache__" / "client.cpython-311.pyc").exists()
    assert existing_files(output) == {p: t.encode() for p, t in generate(specs).items()}


def test_a_broken_spec_writes_nothing(tmp_path: Path, specs_dir: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(specs_dir, specs)
    (specs / "animation.yaml").write_text(
        (specs / "animation.yaml").read_text().replace("minimum: 64", "minimum: lots")
    )
    output = tmp_path / "generated"
    result = run_generator("--specs", str(specs), "--output", str(output))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{specs}/animation.yaml:")
    assert "'minimum': input should be a valid number" in lines[0]
    assert lines[-1] == f"2 problem(s) in {specs}; nothing was written"
    assert not output.exists()


def test_missing_specs_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_generator("--specs", str(tmp_path / "nope"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'nope'}: not a folder\n"


def test_a_templates_folder_overrides_the_built_in_files_of_the_same_path(
    generated_once: Path, tmp_path: Path, specs_dir: Path
) -> None:
    overrides = tmp_path / "my-templates"
    (overrides / "runtime" / "core").mkdir(parents=True)
    (overrides / "resource_readme.md.j2").write_text(
        "# {{ page.access_path }}\n\nOur own page: {{ page.methods | length }} method(s).\n"
    )
    (overrides / "runtime" / "core" / "house_rules.py").write_text('"""Ours."""\n')
    output = tmp_path / "generated"
    arguments = ["--specs", str(specs_dir), "--output", str(output), "--templates", str(overrides)]
    assert main(arguments) == 0

    page = output / "magic_hour/resources/v1/animation/README.md"
    assert page.read_text() == "# client.v1.animation\n\nOur own page: 1 method(s).\n"
    assert (output / "magic_hour/core/house_rules.py").read_text() == '"""Ours."""\n'
    built_in = existing_files(generated_once)
    mine = existing_files(output)
    changed = {path for path in built_in if mine.get(path) != built_in[path]}
    pages = {path for path in built_in if path.endswith("/README.md") and "/resources/" in path}
    # The manifest and the record of black's work both list the added module.
    assert changed == pages | {MANIFEST, formatting.RECORD}
    assert set(mine) - set(built_in) == {"magic_hour/core/house_rules.py"}
    assert main([*arguments, "--check"]) == 0

    # An edited override is an input like any other: the next run does not take the last
    # run's output for up to date.
    (overrides / "runtime" / "core" / "house_rules.py").write_text('"""Ours, v2."""\n')
    assert main(arguments) == 0
    assert (output / "magic_hour/core/house_rules.py").read_text() == '"""Ours, v2."""\n'


def test_a_templates_folder_that_is_not_one_is_a_usage_error(
    tmp_path: Path, specs_dir: Path
) -> None:
    result = run_generator(
        "--specs",
        str(specs_dir),
        "--output",
        str(tmp_path / "out"),
        "--templates",
        str(tmp_path / "no"),
    )
    assert (result.returncode, result.stderr) == (2, f"{tmp_path / 'no'}: not a folder\n")
    assert not (tmp_path / "out").exists()


def test_generated_package_builds_into_an_installable_wheel(
    generated_once: Path, tmp_path: Path
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(generated_once),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("magic_hour-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "magic_hour/py.typed" in names
    assert "magic_hour/resources/v1/files/upload_urls/client.py" in names
    assert "magic_hour/types/params/v1_files_upload_urls_create_body_items_item.py" in names
