"""The generator under hostile input (issue #16, cases 1 to 3): what it reads and what it touches.

The output folder: the generator removes only files it wrote itself (its manifest lists them),
refuses with one line and touches nothing a folder that holds anything else, and follows no
symbolic link out of it. Spec files past a cap (size, nesting, values once aliases are expanded) or with a character
YAML refuses are one located line each, in bounded time and memory; a spec file is read only
from inside the specs folder, whether named by a `$ref` or reached through a symbolic link.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT
from helpers.readers import reader  # noqa: F401  (a fixture)
from helpers.specfiles import GET_THINGS, body_property, spec, write_specs

from generator import load
from generator.cli import main
from generator.load import load_specs
from generator.problems import SpecError
from generator.write import MANIFEST, existing_files

# Ample for a run that refuses its specs (about 150 MB), far below what the inputs below
# would take unbounded (an alias bomb of 11 levels stands for 10^11 values).
CHILD_MEMORY = 1024 * 1024 * 1024
CHILD_TIMEOUT = 120


def problems(folder: Path, files: dict[str, str]) -> list[str]:
    """The lines of the SpecError that loading `files` (as the folder `specs`) must raise."""
    with pytest.raises(SpecError) as raised:
        load_specs(write_specs(folder / "specs", files), "specs")
    return [str(p) for p in raised.value.problems]


def run_generator(
    specs: Path | str, output: Path | str, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """`python -m generator` in a process whose memory is capped, its wait bounded."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))

    return subprocess.run(
        [sys.executable, "-m", "generator", "--specs", str(specs), "--output", str(output)],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        preexec_fn=cap_memory,
    )


def alias_bomb(levels: int) -> str:
    """Billion laughs after a valid spec: each level a list of ten aliases of the level before."""
    lines = ["x-laughs:", '  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return spec(GET_THINGS) + "\n".join(lines) + "\n"


# -- case 2: bounded input ---------------------------------------------------------------------


def test_an_alias_bomb_stops_at_the_values_cap_located_in_bounded_time_and_memory(
    tmp_path: Path,
) -> None:
    text = alias_bomb(11)
    assert len(text.encode()) < 1024
    specs = write_specs(tmp_path / "specs", {"bomb.yaml": text})
    output = tmp_path / "out"
    # Twice: the second run reads the parsed tree from the cache, and must refuse it too.
    for _ in range(2):
        result = run_generator(specs, output)
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [
            # Line 12 is `  l0: &l0 [...]`: the list being expanded when the cap was passed.
            f"{specs}/bomb.yaml:12:7: holds more than 50,000 values (aliases expanded),"
            " the most a spec file may have",
            f"1 problem(s) in {specs}; nothing was written",
        ]
        assert result.returncode == 1
        assert not output.exists()


@pytest.mark.usefixtures("reader")
def test_aliases_that_nest_past_the_depth_cap_are_located(tmp_path: Path) -> None:
    # Each is 60 levels deep as written, within the cap; the alias nests one in the other.
    deep = "[" * 60 + "1" + "]" * 60
    text = spec(GET_THINGS) + f"x-a: &a {deep}\nx-b: {'[' * 60}*a{']' * 60}\n"
    # Line 11 is x-a's; its 40th bracket, at column 48, is the 101st level under x-b.
    assert problems(tmp_path, {"deep.yaml": text}) == [
        "specs/deep.yaml:11:48: nested deeper than 100 levels, the most a spec file may have"
        " (aliases expanded)"
    ]


@pytest.mark.usefixtures("reader")
@pytest.mark.parametrize(
    ("name", "text", "position"),
    [
        ("deep.yaml", spec(GET_THINGS) + "x-deep: " + "[" * 3000 + "]" * 3000 + "\n", "11:108"),
        (
            "deep-block.yaml",
            # Indented, 3,000 levels would pass the size cap first.
            spec(GET_THINGS) + "".join(f"{'  ' * i}k{i}:\n" for i in range(300)),
            "110:199",
        ),
        ("deep.json", '{"openapi": "3.0.2", "x": ' + "[" * 3000 + "]" * 3000 + "}\n", "1:126"),
    ],
    ids=["flow", "block", "json"],
)
def test_3000_levels_of_nesting_are_one_located_line_naming_the_cap(
    tmp_path: Path, name: str, text: str, position: str
) -> None:
    assert problems(tmp_path, {name: text}) == [
        f"specs/{name}:{position}: nested deeper than 100 levels, the most a spec file may have"
    ]


@pytest.mark.usefixtures("reader")
def test_a_raw_nul_byte_is_located(tmp_path: Path) -> None:
    text = spec(GET_THINGS).replace("title: Test API", "title: Test\0API")
    assert problems(tmp_path, {"nul.yaml": text}) == [
        "specs/nul.yaml:3:14: invalid YAML: character U+0000 is not allowed in YAML"
    ]


def test_a_huge_document_is_refused_after_reading_its_first_mebibyte(tmp_path: Path) -> None:
    specs = write_specs(tmp_path / "specs", {"huge.yaml": spec(GET_THINGS)})
    # Sparse, so the disk never holds it; larger than the child's memory, which a reader of
    # the whole file would need.
    with (specs / "huge.yaml").open("r+b") as stream:
        stream.truncate(CHILD_MEMORY + 512 * 1024 * 1024)
    output = tmp_path / "out"
    result = run_generator(specs, output)
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{specs}/huge.yaml:1:1: larger than 1,048,576 bytes, the most a spec file may have"
        " (one endpoint per file is the habit here)",
        f"1 problem(s) in {specs}; nothing was written",
    ]
    assert result.returncode == 1
    assert not output.exists()


@pytest.mark.usefixtures("reader")
def test_a_file_of_too_many_values_stops_where_it_passes_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At the real cap such a file takes seconds to parse; the rule is the same at any cap.
    monkeypatch.setattr(load, "MAX_VALUES", 100)
    items = "".join(f"  - {i}\n" for i in range(200))
    text = spec(GET_THINGS) + "x-many:\n" + items
    # 12 values up to the list (the document, 3 of the header, 6 of GET_THINGS, the list), so
    # the 101st is the list's 89th item, on line 12 + 88.
    assert problems(tmp_path, {"many.yaml": text}) == [
        "specs/many.yaml:100:5: holds more than 100 values (aliases expanded),"
        " the most a spec file may have"
    ]


@pytest.mark.usefixtures("reader")
def test_files_within_the_caps_load_as_before(tmp_path: Path) -> None:
    deep = "[" * 90 + "1" + "]" * 90
    text = alias_bomb(4) + f"x-deep: {deep}\n"
    loaded = load_specs(write_specs(tmp_path / "specs", {"ok.yaml": text}), "specs")
    assert loaded.files["specs/ok.yaml"].data["x-laughs"]["l3"][9][9][9][7] == "lol"


# -- case 3: only files inside the specs folder ------------------------------------------------


@pytest.fixture
def outside_file(tmp_path: Path) -> Path:
    """A spec file beside the specs folder, whose text must reach nothing."""
    outside = tmp_path / "outside" / "secret.yaml"
    outside.parent.mkdir()
    text = spec(GET_THINGS).replace("title: Test API", "title: SECRET-TITLE")
    outside.write_text(text + "components:\n  schemas:\n    Style:\n      type: object\n")
    return outside


def test_a_spec_symlinked_from_outside_the_folder_is_refused_like_a_ref_to_it(
    tmp_path: Path, outside_file: Path
) -> None:
    specs = write_specs(tmp_path / "specs", {"things.yaml": spec(GET_THINGS)})
    (specs / "secret.yaml").symlink_to("../outside/secret.yaml")
    (specs / "more").mkdir()
    (specs / "more" / "deeper.yaml").symlink_to("../../outside/secret.yaml")
    with pytest.raises(SpecError) as raised:
        load_specs(specs, "specs")
    assert [str(p) for p in raised.value.problems] == [
        "specs/more/deeper.yaml:1:1: symbolic link to '../../outside/secret.yaml'"
        " names a file that is not in the specs folder",
        "specs/secret.yaml:1:1: symbolic link to '../outside/secret.yaml'"
        " names a file that is not in the specs folder",
    ]

    # The same rule, the same words, for a $ref to the same file.
    ref = "../outside/secret.yaml#/components/schemas/Style"
    (specs / "secret.yaml").unlink()
    (specs / "more" / "deeper.yaml").unlink()
    (specs / "things.yaml").write_text(body_property("style", f"$ref: '{ref}'"))
    with pytest.raises(SpecError) as raised:
        load_specs(specs, "specs")
    [problem] = raised.value.problems
    assert str(problem).endswith(f": $ref '{ref}' names a file that is not in the specs folder")


def test_the_cli_refuses_a_symlinked_spec_and_writes_nothing(
    tmp_path: Path, outside_file: Path
) -> None:
    specs = write_specs(tmp_path / "specs", {"things.yaml": spec(GET_THINGS)})
    (specs / "secret.yaml").symlink_to(outside_file)
    output = tmp_path / "out"
    result = run_generator(specs, output)
    assert result.stderr.splitlines() == [
        f"{specs}/secret.yaml:1:1: symbolic link to '{outside_file}'"
        " names a file that is not in the specs folder",
        f"1 problem(s) in {specs}; nothing was written",
    ]
    assert result.returncode == 1
    assert not output.exists()


def test_a_symlink_to_a_spec_inside_the_folder_is_read(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    write_specs(specs / "real", {"things.yaml": spec(GET_THINGS)})
    (specs / "alias.yaml").symlink_to("real/things.yaml")
    loaded = load_specs(specs, "specs")
    assert sorted(loaded.files) == ["specs/alias.yaml", "specs/real/things.yaml"]


# -- case 1: the output folder -----------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`, links not followed: a file's bytes, a link's target, or
    "folder"."""
    found: dict[str, bytes | str] = {}
    for top, dirs, names in os.walk(folder):
        for name in [*dirs, *names]:
            path = Path(top) / name
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = f"link to {os.readlink(path)}"
            elif path.is_dir():
                found[relative] = "folder"
            else:
                found[relative] = path.read_bytes()
    return found


def generate_into(specs: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`python -m generator` in this process: its exit status and what it printed on stderr."""
    capsys.readouterr()
    status = main(["--specs", str(specs), "--output", str(output)])
    return status, capsys.readouterr().err


@pytest.fixture
def specs_copy(tmp_path: Path, specs_dir: Path) -> Path:
    return Path(shutil.copytree(specs_dir, tmp_path / "specs"))


@pytest.fixture
def generated(tmp_path: Path, specs_copy: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder the generator wrote."""
    output = tmp_path / "generated"
    assert generate_into(specs_copy, output, capsys)[0] == 0
    return output


def refusal(output: Path | str, *named: str, more: int = 0) -> str:
    listed = ", ".join(named) + (f" and {more} more" if more else "")
    return (
        f"{output}: holds files the generator did not write ({listed}); nothing was written:"
        " choose an empty folder, or one the generator wrote\n"
    )


def test_output_dot_in_a_git_checkout_is_refused_and_nothing_is_touched(
    tmp_path: Path, specs_dir: Path
) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(specs_dir, checkout / "specs")
    shutil.copy(ROOT / "Makefile", checkout / "Makefile")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "specs"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *command],
            cwd=checkout,
            check=True,
            timeout=60,
        )
    before = snapshot(checkout)
    assert ".git/HEAD" in before and "specs/animation.yaml" in before

    result = run_generator("specs", ".", cwd=checkout)

    # `.git` is a folder: what comes first is the Makefile, then .git's files.
    assert result.stderr.startswith(".: holds files the generator did not write (Makefile, .git/")
    assert result.stderr.endswith(
        "; nothing was written: choose an empty folder, or one the generator wrote\n"
    )
    assert result.stderr.count("\n") == 1
    assert result.returncode == 2
    assert snapshot(checkout) == before


def test_output_into_the_specs_folder_is_refused(
    specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(specs_copy)
    status, err = generate_into(specs_copy, specs_copy, capsys)
    first = sorted(before)[:3]
    assert (status, err) == (2, refusal(specs_copy, *first, more=len(before) - 3))
    assert snapshot(specs_copy) == before


def test_a_folder_of_a_users_own_files_is_refused_even_where_the_names_match(
    tmp_path: Path, specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine"
    (mine / "notes").mkdir(parents=True)
    (mine / "README.md").write_text("My own readme\n")  # a name the generator writes
    (mine / "notes" / "todo.txt").write_text("buy milk\n")
    before = snapshot(mine)
    status, err = generate_into(specs_copy, mine, capsys)
    assert (status, err) == (2, refusal(mine, "README.md", "notes/todo.txt"))
    assert snapshot(mine) == before


def test_a_file_added_to_a_generated_folder_is_kept_and_the_run_refused(
    generated: Path, specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated / "magic_hour" / "mine.py").write_text("KEEP = True\n")
    (specs_copy / "animation.yaml").unlink()
    before = snapshot(generated)
    status, err = generate_into(specs_copy, generated, capsys)
    assert (status, err) == (2, refusal(generated, "magic_hour/mine.py"))
    assert snapshot(generated) == before

    # Once it is gone, the generator removes what it wrote for animation, and only that.
    (generated / "magic_hour" / "mine.py").unlink()
    assert generate_into(specs_copy, generated, capsys)[0] == 0
    assert not (generated / "magic_hour" / "resources" / "v1" / "animation").exists()
    manifest = (generated / MANIFEST).read_text().splitlines()[1:]
    assert "magic_hour/resources/v1/animation/client.py" not in manifest
    assert sorted(manifest) == sorted(
        p for p, v in snapshot(generated).items() if v != "folder" and p != MANIFEST
    )


def test_a_folder_the_generator_wrote_before_manifests_is_still_its_own(
    tmp_path: Path, specs_dir: Path, repo_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # generated/ as the last commit before manifests has it: the files, no manifest.
    output = Path(shutil.copytree(repo_root / "generated", tmp_path / "generated"))
    (output / MANIFEST).unlink()
    files = len(existing_files(output))
    status, err = generate_into(specs_dir, output, capsys)
    assert (status, err) == (0, f"{output}: 1 added, 0 changed, 0 removed, {files} unchanged\n")
    assert (output / MANIFEST).read_bytes() == (repo_root / "generated" / MANIFEST).read_bytes()


def test_output_naming_an_existing_file_is_one_line(tmp_path: Path, specs_dir: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine\n")
    result = run_generator(specs_dir, target)
    assert (result.returncode, result.stderr) == (2, f"{target}: not a folder\n")
    assert target.read_text() == "mine\n"


def test_a_symlinked_folder_out_of_the_output_is_neither_written_nor_emptied(
    tmp_path: Path, generated: Path, specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The animation resource's folder, moved out and linked back: a run that followed the link
    # would rewrite those files, and delete them once animation.yaml is gone.
    outside = tmp_path / "outside-animation"
    animation = generated / "magic_hour" / "resources" / "v1" / "animation"
    shutil.move(animation, outside)
    animation.symlink_to(outside)
    (outside / "client.py").write_text("edited\n")
    (specs_copy / "animation.yaml").unlink()
    before, outside_before = snapshot(generated), snapshot(outside)

    status, err = generate_into(specs_copy, generated, capsys)

    assert (status, err) == (
        2,
        refusal(generated, "magic_hour/resources/v1/animation (a symbolic link)"),
    )
    assert snapshot(generated) == before
    assert snapshot(outside) == outside_before


def test_a_generated_file_replaced_by_a_symlink_out_is_not_written_through(
    tmp_path: Path, generated: Path, specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (generated / "README.md").unlink()
    (generated / "README.md").symlink_to(victim)
    before = snapshot(generated)
    status, err = generate_into(specs_copy, generated, capsys)
    assert (status, err) == (2, refusal(generated, "README.md (a symbolic link)"))
    assert snapshot(generated) == before
    assert victim.read_text() == "precious\n"


def test_a_manifest_naming_a_file_outside_the_folder_is_refused_located(
    tmp_path: Path, generated: Path, specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    manifest = generated / MANIFEST
    manifest.write_text(manifest.read_text() + "../victim.txt\n")
    lines = manifest.read_text().count("\n")
    (specs_copy / "animation.yaml").unlink()
    before = snapshot(generated)
    status, err = generate_into(specs_copy, generated, capsys)
    assert (status, err) == (
        2,
        f"{manifest}:{lines}: '../victim.txt' is not a path inside the folder;"
        " nothing was written\n",
    )
    assert snapshot(generated) == before
    assert victim.read_text() == "precious\n"
