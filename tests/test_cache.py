"""The generator's cache and worker processes change how long a run takes, never its bytes.

Black's output is cached by content hash (generator/formatting.py), black runs in worker
processes on a cold run, and a run whose inputs and output folder match an earlier run's stops
early (generator/stamp.py). The synthetic specs of `make bench` are checked here too.

The mechanics do not depend on which specs go through them, and each test runs the generator
cold: they take a few of the real spec files (helpers/few_specs.py), a whole API all the same.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest
from helpers.few_specs import copy_few_specs
from helpers.specfiles import PROJECT_RESPONSE, spec, write_specs

from generator import cli, formatting, stamp
from generator.cache import Cache
from generator.cli import generate, main
from generator.write import existing_files


@pytest.fixture(scope="module")
def specs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Here, a folder of a few of the real spec files: the first that creates projects and
    every one that it needs (see helpers/few_specs.py)."""
    return copy_few_specs(tmp_path_factory.mktemp("few") / "specs", creators=1)


@pytest.fixture(scope="module")
def rendered(specs_dir: Path) -> dict[str, str]:
    """The specs' files as the templates give them, before black."""
    from generator.load import load_specs
    from generator.ir import build_ir
    from generator.render import render
    from generator.views.python import build_python_view

    return render(build_python_view(build_ir(load_specs(specs_dir, "specs"))))


@pytest.fixture(scope="module")
def plain_output(specs_dir: Path) -> dict[str, str]:
    """The specs' output with no cache and no workers: the reference bytes."""
    return generate(specs_dir, "specs", cache=None, jobs=1)


def entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in (cache_dir / formatting.CACHE_NAMESPACE).rglob("*") if p.is_file())


def test_cached_output_is_blacks_own_bytes(rendered: dict[str, str], tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cold = formatting.format_files(rendered, cache=cache, jobs=1)
    warm = formatting.format_files(rendered, cache=cache, jobs=1)
    python = [path for path in rendered if path.endswith(".py")]
    # The runtime modules, black-clean already, skip black and so the cache.
    formatted = {rendered[p] for p in python} - formatting.black_clean_texts()
    assert len(entries(tmp_path)) == len(formatted)
    for path in python:
        assert cold[path] == warm[path] == black.format_str(rendered[path], mode=formatting.mode())
    for path in set(rendered) - set(python):
        assert cold[path] == warm[path] == rendered[path]


def test_a_cache_hit_does_not_call_black(
    rendered: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    cold = formatting.format_files(rendered, cache=cache, jobs=1)

    def refuse(text: str, *, mode: black.Mode) -> str:
        raise AssertionError("black was called on a cache hit")

    monkeypatch.setattr(black, "format_str", refuse)
    assert formatting.format_files(rendered, cache=cache, jobs=1) == cold


def test_a_damaged_entry_is_ignored_and_written_again(
    rendered: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    cold = formatting.format_files(rendered, cache=cache, jobs=1)
    damaged = entries(tmp_path)
    # Cut short, garbled, emptied, a checksum with no value: each must read as a miss.
    damaged[0].write_bytes(damaged[0].read_bytes()[:-10])
    damaged[1].write_bytes(b"not a cache entry")
    damaged[2].write_bytes(b"")
    damaged[3].write_bytes(damaged[3].read_bytes().partition(b"\n")[0])

    calls: list[str] = []
    real = black.format_str

    def counting(text: str, *, mode: black.Mode) -> str:
        calls.append(text)
        return real(text, mode=mode)

    monkeypatch.setattr(black, "format_str", counting)
    assert formatting.format_files(rendered, cache=cache, jobs=1) == cold
    assert len(calls) == 4
    # Written again: a third run calls black no more.
    assert formatting.format_files(rendered, cache=cache, jobs=1) == cold
    assert len(calls) == 4


def test_another_black_mode_is_another_entry(
    rendered: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ten of the files are as good as all of them here, and black is slow in a narrow mode.
    clean = formatting.black_clean_texts()  # skip black whatever its mode
    python = sorted(p for p in rendered if p.endswith(".py") and rendered[p] not in clean)[:10]
    assert len(python) == 10
    files = {path: rendered[path] for path in python}
    cache = Cache(tmp_path)
    formatting.format_files(files, cache=cache, jobs=1)
    first_mode = entries(tmp_path)
    monkeypatch.setattr(formatting, "LINE_LENGTH", 60)
    narrow = formatting.mode()
    assert narrow.line_length == 60
    narrowed = formatting.format_files(files, cache=cache, jobs=1)
    for path in python:
        assert narrowed[path] == black.format_str(rendered[path], mode=narrow)
    # An entry of its own for each file in the other mode, beside the first mode's entries.
    assert set(first_mode) < set(entries(tmp_path))
    assert len(entries(tmp_path)) == 2 * len(first_mode)


def test_output_is_the_same_bytes_cold_warm_and_in_workers(
    plain_output: dict[str, str], tmp_path: Path, specs_dir: Path
) -> None:
    python = [path for path in plain_output if path.endswith(".py")]
    assert len(python) >= formatting.MIN_FILES_FOR_WORKERS  # so the cold run below uses workers
    cache = Cache(tmp_path)
    cold_in_workers = generate(specs_dir, "specs", cache=cache, jobs=2)
    warm = generate(specs_dir, "specs", cache=cache, jobs=2)
    assert cold_in_workers == warm == plain_output


def run(specs: Path, output: Path, cache_dir: Path, *extra: str) -> int:
    arguments = ["--specs", str(specs), "--output", str(output), "--cache-dir", str(cache_dir)]
    return main([*arguments, *extra])


def test_a_run_with_nothing_to_do_stops_before_the_pipeline(
    plain_output: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    specs_dir: Path,
) -> None:
    output, cache_dir = tmp_path / "out", tmp_path / "cache"
    assert run(specs_dir, output, cache_dir) == 0

    def refuse(*args: object, **kwargs: object) -> dict[str, str]:
        raise AssertionError("the pipeline ran")

    with monkeypatch.context() as patch:
        patch.setattr(cli, "generate", refuse)
        capsys.readouterr()
        assert run(specs_dir, output, cache_dir) == 0
        assert capsys.readouterr().err.endswith(f"0 removed, {len(plain_output)} unchanged\n")
        assert run(specs_dir, output, cache_dir, "--check") == 0

    # A file changed by hand in the output is not what the manifest says: the pipeline runs
    # and puts it back. (A file of its own added there makes the run refuse the folder: see
    # tests/test_generator_safety.py.)
    edited = output / "magic_hour" / "client.py"
    edited.write_text("# edited\n", encoding="utf-8")
    assert run(specs_dir, output, cache_dir) == 0
    assert existing_files(output) == {p: t.encode() for p, t in plain_output.items()}


def test_a_run_that_stops_early_says_the_warnings_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A create whose getter is missing: a warning, which a second run must not keep quiet.
    clips = spec(f"""\
        paths:
          /v1/clips:
            post:
              tags: [Video Projects]
{PROJECT_RESPONSE}""")
    specs = write_specs(tmp_path / "specs", {"clips.yaml": clips})
    output, cache_dir = tmp_path / "out", tmp_path / "cache"
    assert run(specs, output, cache_dir) == 0
    first = capsys.readouterr().err
    [warning] = [line for line in first.splitlines() if ": warning: " in line]
    assert warning.startswith(f"{specs}/clips.yaml:7:5: warning: POST /v1/clips creates video")

    def refuse(*args: object, **kwargs: object) -> dict[str, str]:
        raise AssertionError("the pipeline ran")

    with monkeypatch.context() as patch:
        patch.setattr(cli, "generate", refuse)
        for extra in ((), ("--check",)):
            assert run(specs, output, cache_dir, *extra) == 0
            assert capsys.readouterr().err.splitlines()[0] == warning


def test_an_edited_spec_is_generated_again_and_its_problems_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], specs_dir: Path
) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    for path in specs_dir.iterdir():
        (specs / path.name).write_bytes(path.read_bytes())
    output, cache_dir = tmp_path / "out", tmp_path / "cache"
    arguments = ["--specs", str(specs), "--output", str(output)]
    assert main([*arguments, "--cache-dir", str(cache_dir)]) == 0

    # The first file with an integer in it (and, as every operation, a summary).
    edited = next(p for p in sorted(specs.iterdir()) if "type: integer" in p.read_text())
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("type: integer", "type: integr", 1), encoding="utf-8")
    capsys.readouterr()
    assert main([*arguments, "--no-cache"]) == 1
    fresh = capsys.readouterr().err
    assert f"{edited}:" in fresh
    # The first run parses the edited file and caches its tree, the second reads it from the
    # cache: both locate the problem as a run without the cache does.
    for _ in range(2):
        assert main([*arguments, "--cache-dir", str(cache_dir)]) == 1
        assert capsys.readouterr().err == fresh

    # A real change (one operation's summary) is generated again, to the same bytes as a run
    # without the cache.
    edited.write_text(original.replace("summary: ", "summary: Edited. ", 1), encoding="utf-8")
    assert main([*arguments, "--cache-dir", str(cache_dir)]) == 0
    assert ", 0 removed," in capsys.readouterr().err
    assert existing_files(output) == {
        p: t.encode() for p, t in generate(specs, str(specs), cache=None, jobs=1).items()
    }


def test_a_parsed_spec_file_comes_from_the_cache_with_its_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, specs_dir: Path
) -> None:
    from generator import load

    cache = Cache(tmp_path)
    fresh = load.load_specs(specs_dir, "specs")
    load.load_specs(specs_dir, "specs", cache=cache)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file the cache holds was read again")

    monkeypatch.setattr(load, "YAML", refuse)
    monkeypatch.setattr(load, "CParser", refuse)
    cached = load.load_specs(specs_dir, "specs", cache=cache)
    assert cached.document == fresh.document
    for name, spec_file in fresh.files.items():
        assert cached.files[name].data == spec_file.data
        for pointer in [("paths",), ("info", "title"), ("components", "schemas"), ("nowhere",)]:
            for key in (False, True):
                assert cached.locate(name, pointer, key=key) == fresh.locate(name, pointer, key=key)


def test_no_cache_writes_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, specs_dir: Path
) -> None:
    cache_dir = tmp_path / "cache"
    output = tmp_path / "out"
    assert main(["--specs", str(specs_dir), "--output", str(output), "--no-cache"]) == 0
    monkeypatch.setenv("GENERATOR_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    assert main(["--specs", str(specs_dir), "--output", str(output)]) == 0
    assert not cache_dir.exists() and not (tmp_path / ".cache").exists()
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(cache_dir))
    assert main(["--specs", str(specs_dir), "--output", str(output)]) == 0
    assert any(path.is_file() for path in cache_dir.rglob("*"))


def test_synthetic_specs_generate_and_are_deterministic(tmp_path: Path, repo_root: Path) -> None:
    script = repo_root / "bench" / "synthetic_spec.py"
    for folder in ("one", "two"):
        subprocess.run(
            [sys.executable, str(script), "--operations", "12", "--output", str(tmp_path / folder)],
            check=True,
        )
    first, second = existing_files(tmp_path / "one"), existing_files(tmp_path / "two")
    assert first == second and len(first) == 2  # ten operations a file
    files = generate(tmp_path / "one", "specs", cache=None, jobs=1)
    for index in range(6):
        assert f"magic_hour/resources/v1/widget_{index}/client.py" in files
    assert generate(tmp_path / "one", "specs", cache=None, jobs=1) == files


def test_the_cli_names_the_surface_file_as_the_surface_module_does() -> None:
    # The CLI keeps its own copy so that a run with nothing to do never imports the pipeline.
    from generator.views import surface

    assert cli.SURFACE_FILE == surface.SURFACE_FILE


def test_a_spawned_black_worker_does_not_run_the_generator_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Where worker processes are spawned, each imports the main module as __mp_main__ first.
    import runpy

    runs: list[list[str] | None] = []

    def recording_main(argv: list[str] | None = None) -> int:
        runs.append(argv)
        return 0

    monkeypatch.setattr(cli, "main", recording_main)
    namespace = runpy.run_module("generator.__main__", run_name="__mp_main__")  # no SystemExit
    assert namespace["main"] is recording_main  # imported...
    assert runs == []  # ... and not called
    # Run as the main module it does call it: the check above can fail.
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("generator.__main__", run_name="__main__")
    assert (exited.value.code, runs) == (0, [None])


# -- the run stamp (generator/stamp.py): every input is in its key ------------------------------


@pytest.fixture
def inputs(tmp_path: Path, specs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies of the specs, the templates and the generator's source, the stamp pointed at the
    last two, so that a test may edit any of them."""
    root = tmp_path / "inputs"
    shutil.copytree(specs_dir, root / "specs")
    shutil.copytree(stamp.TEMPLATES_DIR, root / "templates")
    shutil.copytree(stamp.GENERATOR_DIR, root / "generator")
    monkeypatch.setattr(stamp, "TEMPLATES_DIR", str(root / "templates"))
    monkeypatch.setattr(stamp, "GENERATOR_DIR", str(root / "generator"))
    return root


def append(path: Path, text: str) -> None:
    path.write_bytes(path.read_bytes() + text.encode())


def fake_distribution(folder: Path, name: str, metadata: str) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "METADATA").write_text(metadata, encoding="utf-8")


EDITS = {
    "a spec edited": lambda root, mp: append(next((root / "specs").glob("*.yaml")), "\n"),
    "a spec added": lambda root, mp: (root / "specs" / "more.yaml").write_text("x: 1\n"),
    "a spec renamed": lambda root, mp: next((root / "specs").glob("*.yaml")).rename(
        root / "specs" / "renamed.yaml"
    ),
    "a template edited": lambda root, mp: append(root / "templates" / "README.md.j2", "\n"),
    "a runtime file edited": lambda root, mp: append(
        root / "templates" / "runtime" / "core" / "retry.py", "\n"
    ),
    "the generator's source edited": lambda root, mp: append(root / "generator" / "load.py", "#"),
    "Python's version": lambda root, mp: mp.setattr(sys, "version", sys.version + "+"),
    "another version of a library first on the path": lambda root, mp: (
        fake_distribution(root / "site", "black-99.0.dist-info", "Version: 99.0\n"),
        mp.syspath_prepend(str(root / "site")),
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_every_input_is_in_the_key(
    inputs: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    specs = str(inputs / "specs")
    before = stamp.inputs_key(specs, "specs")
    assert before is not None and stamp.inputs_key(specs, "specs") == before
    EDITS[edit](inputs, monkeypatch)
    assert stamp.inputs_key(specs, "specs") != before


def test_the_name_of_the_specs_and_the_overrides_are_in_the_key(inputs: Path) -> None:
    specs = str(inputs / "specs")
    overrides = inputs / "overrides"
    overrides.mkdir()
    plain = stamp.inputs_key(specs, "specs")
    # An empty folder of overrides replaces nothing: the same output, the same key.
    assert stamp.inputs_key(specs, "specs", str(overrides)) == plain
    (overrides / "README.md.j2").write_text("mine\n", encoding="utf-8")
    keys = {
        plain,
        stamp.inputs_key(specs, "./specs"),
        stamp.inputs_key(specs, "specs", str(overrides)),
    }
    assert len(keys) == 3 and None not in keys


def test_a_library_s_metadata_is_in_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Installed again in place with other contents (an editable install, say), same name.
    site = tmp_path / "site"
    fake_distribution(site, "jinja2-3.1.6.dist-info", "Version: 3.1.6\n")
    monkeypatch.syspath_prepend(str(site))
    before = stamp._library_metadata()
    (site / "jinja2-3.1.6.dist-info" / "METADATA").write_text("Version: 3.1.6\nx\n")
    assert stamp._library_metadata() != before


def test_the_key_names_every_library_installed_here() -> None:
    from importlib import metadata

    found = " ".join(stamp._library_metadata())
    for name in stamp.LIBRARIES:
        distribution = metadata.distribution(name)
        folder = Path(str(distribution._path)).name  # type: ignore[attr-defined]
        assert folder in found, name


def test_a_link_to_a_folder_among_the_specs_is_left_to_the_pipeline(
    inputs: Path, plain_output: dict[str, str], tmp_path: Path
) -> None:
    (inputs / "specs" / "linked").symlink_to(inputs / "templates", target_is_directory=True)
    assert stamp.inputs_key(str(inputs / "specs"), "specs") is None


def test_the_output_is_compared_as_write_py_reads_it(
    plain_output: dict[str, str], tmp_path: Path, specs_dir: Path
) -> None:
    from generator import write

    assert stamp.IGNORED_OUTPUT_DIRS == write.IGNORED_DIRS
    output, cache_dir = tmp_path / "out", tmp_path / "cache"
    assert run(specs_dir, output, cache_dir) == 0
    expected = {path: stamp._sha256(data) for path, data in existing_files(output).items()}
    assert stamp.output_digests(str(output)) == expected
    # What tools leave there is not the generator's (as write.py sees it too).
    (output / "magic_hour" / "__pycache__").mkdir()
    (output / "magic_hour" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"\0")
    (output / "magic_hour.egg-info").mkdir()
    (output / "magic_hour.egg-info" / "PKG-INFO").write_text("x\n")
    assert stamp.output_digests(str(output)) == expected
    # A symbolic link is for the full run to judge.
    (output / "magic_hour" / "linked.py").symlink_to(output / "magic_hour" / "client.py")
    assert stamp.output_digests(str(output)) is None


def test_a_link_in_the_output_makes_the_run_refuse_it_as_before(
    plain_output: dict[str, str], tmp_path: Path, specs_dir: Path
) -> None:
    output, cache_dir = tmp_path / "out", tmp_path / "cache"
    assert run(specs_dir, output, cache_dir) == 0
    (output / "linked.py").symlink_to(output / "magic_hour" / "client.py")
    assert run(specs_dir, output, cache_dir) == 2
