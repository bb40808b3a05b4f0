"""The record of black's work that the output folder keeps (generator/formatting.py): a fresh
clone's run reuses the files black formatted before instead of formatting them again, and the
bytes are always those of a full run. What misses (a file edited by hand, an edited spec or
template, a damaged record) is formatted again, and `--check` still catches what differs.

Black is replaced by a function that counts (or refuses) its calls, around the real one: the
runs here use no worker processes (jobs=1), so every call goes through it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import black
import pytest
from helpers.few_specs import copy_few_specs

from generator import formatting
from generator.cli import generate, main
from generator.render import PYTEST_PLUGIN, TEMPLATES_DIR
from generator.write import existing_files

RESOURCE_TEMPLATE = "resource_client.py.j2"
# Black itself, for the tests' own use while a test counts the generator's calls.
BLACK = black.format_str


@pytest.fixture(scope="module")
def specs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few of the real spec files (see helpers/few_specs.py): a whole API, quicker."""
    return copy_few_specs(tmp_path_factory.mktemp("few") / "specs", creators=1)


@pytest.fixture(scope="module")
def written(specs_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The specs' output folder as a full run writes it (no cache): the committed folder."""
    output = tmp_path_factory.mktemp("written") / "generated"
    assert main(["--specs", str(specs_dir), "--output", str(output), "--no-cache"]) == 0
    return output


@pytest.fixture
def clone(written: Path, tmp_path: Path) -> Path:
    """A copy of the written folder, as a fresh clone has it."""
    return Path(shutil.copytree(written, tmp_path / "generated"))


@pytest.fixture
def black_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts black formats from now on (it still formats them)."""
    calls: list[str] = []

    def counting(text: str, *, mode: black.Mode) -> str:
        calls.append(text)
        return BLACK(text, mode=mode)

    monkeypatch.setattr(black, "format_str", counting)
    return calls


def as_text(folder: Path) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in existing_files(folder).items()}


def check(specs_dir: Path, output: Path, cache: Path, *more: str) -> int:
    return main(
        ["--specs", str(specs_dir), "--output", str(output), "--check", "--cache-dir", str(cache)]
        + list(more)
    )


def rendered_path(calls: list[str], files: dict[str, str]) -> set[str]:
    """The paths of `files` whose formatted text black's output of a call is."""
    outputs = {BLACK(text, mode=formatting.mode()) for text in calls}
    return {path for path, text in files.items() if text in outputs}


def test_the_record_lists_every_python_file_with_its_hashes(written: Path) -> None:
    files = as_text(written)
    lines = [line for line in files[formatting.RECORD].splitlines() if not line.startswith("#")]
    python = sorted(path for path in files if path.endswith(".py"))
    assert [line.split(" ")[2] for line in lines] == python
    for line in lines:
        key, sha, path = line.split(" ")
        assert re.fullmatch("[0-9a-f]{64}", key)
        assert sha == formatting._sha256(files[path])


def test_a_fresh_clones_check_runs_no_black_and_passes(
    specs_dir: Path, clone: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(text: str, *, mode: black.Mode) -> str:
        raise AssertionError("black ran on a file the record vouches for")

    monkeypatch.setattr(black, "format_str", refuse)
    assert check(specs_dir, clone, tmp_path / "empty-cache") == 0
    assert generate(specs_dir, "specs", jobs=1, previous=clone) == as_text(clone)


def test_reusing_gives_the_bytes_of_a_full_run(
    specs_dir: Path, clone: Path, black_calls: list[str]
) -> None:
    reused = generate(specs_dir, "specs", jobs=1, previous=clone)
    assert black_calls == []
    full = generate(specs_dir, "specs", jobs=1)
    assert black_calls  # the full run did format
    assert reused == full


def test_a_hand_edited_file_is_formatted_again_and_caught(
    specs_dir: Path, clone: Path, written: Path, tmp_path: Path, black_calls: list[str]
) -> None:
    edited = next(p for p in sorted(existing_files(clone)) if p.endswith("/client.py"))
    target = clone / edited
    target.write_text(target.read_text(encoding="utf-8") + "x = 1\n", encoding="utf-8")
    files = generate(specs_dir, "specs", jobs=1, previous=clone)
    assert files == as_text(written)
    assert rendered_path(black_calls, files) == {edited} and len(black_calls) == 1
    assert check(specs_dir, clone, tmp_path / "cache") == 1


def test_an_edited_spec_formats_what_it_changes(
    specs_dir: Path, clone: Path, tmp_path: Path, black_calls: list[str]
) -> None:
    edited_specs = Path(shutil.copytree(specs_dir, tmp_path / "specs"))
    spec = sorted(edited_specs.glob("*.yaml"))[0]
    text = spec.read_text(encoding="utf-8")
    changed = re.sub(r"^(\s+summary: )", r"\g<1>Edited. ", text, count=1, flags=re.M)
    assert changed != text
    spec.write_text(changed, encoding="utf-8")

    reused = generate(edited_specs, "specs", jobs=1, previous=clone)
    formatted = rendered_path(black_calls, reused)
    before = as_text(clone)
    differ = {p for p, t in reused.items() if p.endswith(".py") and before.get(p) != t}
    assert differ and formatted == differ
    black_calls.clear()
    assert reused == generate(edited_specs, "specs", jobs=1)  # a full run's bytes
    assert check(edited_specs, clone, tmp_path / "cache") == 1


def test_an_edited_template_formats_what_it_renders(
    specs_dir: Path, clone: Path, tmp_path: Path, black_calls: list[str]
) -> None:
    overrides = tmp_path / "templates"
    overrides.mkdir()
    original = (TEMPLATES_DIR / RESOURCE_TEMPLATE).read_text(encoding="utf-8")
    # A statement black must reflow, at the end of every resource's client.
    (overrides / RESOURCE_TEMPLATE).write_text(original + "EDITED = [ 1,2 ]\n", encoding="utf-8")
    reused = generate(specs_dir, "specs", overrides, jobs=1, previous=clone)
    clients = {p for p, text in reused.items() if text.endswith("EDITED = [1, 2]\n")}
    assert clients and all(p.startswith("magic_hour/resources/") for p in clients)
    assert rendered_path(black_calls, reused) == clients
    black_calls.clear()
    assert reused == generate(specs_dir, "specs", overrides, jobs=1)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: "", id="emptied"),
        pytest.param(lambda text: text[: len(text) // 2], id="cut-short"),
        pytest.param(lambda text: text.replace(" ", "  "), id="garbled"),
        pytest.param(lambda text: re.sub("[0-9a-f]{64} ", "0" * 64 + " ", text), id="wrong-keys"),
        pytest.param(
            lambda text: re.sub(" [0-9a-f]{64} ", " " + "f" * 64 + " ", text), id="wrong-hashes"
        ),
    ],
)
def test_a_damaged_record_formats_again_and_is_caught(
    specs_dir: Path,
    clone: Path,
    written: Path,
    tmp_path: Path,
    black_calls: list[str],
    damage: Callable[[str], str],
) -> None:
    record = clone / formatting.RECORD
    record.write_text(damage(record.read_text(encoding="utf-8")), encoding="utf-8")
    files = generate(specs_dir, "specs", jobs=1, previous=clone)
    assert files == as_text(written)
    assert black_calls  # what the record no longer vouches for was formatted
    assert check(specs_dir, clone, tmp_path / "cache") == 1


def test_a_missing_record_formats_everything_but_the_runtime(
    specs_dir: Path, clone: Path, written: Path, black_calls: list[str]
) -> None:
    (clone / formatting.RECORD).unlink()
    files = generate(specs_dir, "specs", jobs=1, previous=clone)
    assert files == as_text(written)
    clean = formatting.black_clean_texts()
    assert not set(black_calls) & clean
    formatted = {path for path, text in files.items() if path.endswith(".py")}
    copied = {path for path in formatted if files[path] in clean}
    assert copied and rendered_path(black_calls, files) == formatted - copied


def test_a_symbolic_link_in_the_output_is_not_reused(
    specs_dir: Path, clone: Path, written: Path, tmp_path: Path, black_calls: list[str]
) -> None:
    path = next(p for p in sorted(existing_files(clone)) if p.endswith("/client.py"))
    moved = tmp_path / "elsewhere.py"
    shutil.move(clone / path, moved)
    (clone / path).symlink_to(moved)
    files = generate(specs_dir, "specs", jobs=1, previous=clone)
    assert files == as_text(written)
    assert rendered_path(black_calls, files) == {path}


def test_the_pytest_plugin_is_black_clean_in_the_generators_mode() -> None:
    # So the generator copies it without formatting it, as it does the runtime modules.
    source = (TEMPLATES_DIR / PYTEST_PLUGIN).read_text(encoding="utf-8")
    assert BLACK(source, mode=formatting.mode()) == source


def test_a_runtime_override_is_formatted(
    specs_dir: Path, tmp_path: Path, black_calls: list[str]
) -> None:
    overrides = tmp_path / "templates"
    (overrides / "runtime").mkdir(parents=True)
    (overrides / "runtime" / "extra.py").write_text("X = [ 1,2 ]\n", encoding="utf-8")
    files = generate(specs_dir, "specs", overrides, jobs=1)
    assert files["magic_hour/extra.py"] == "X = [1, 2]\n"
