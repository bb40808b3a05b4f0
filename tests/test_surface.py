"""The API surface (`api-surface.json`) and the change report (`--changes`, `make changes`).

The real specs' surface is what is committed (test_pipeline's committed-output test compares
every generated file); the report is tested on small spec folders changed one thing at a time.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers.raw_specs import spec_operations
from helpers.specfiles import fixture, write_specs

from generator.cli import main
from generator.load import load_specs
from generator.ir import build_ir
from generator.views.python import build_python_view
from generator.changes import change_report
from generator.views.surface import SURFACE_FILE, api_surface, surface_json
from generator.write import existing_files

# A create with enums, an array and a nested object, and a delete; and a list.
THINGS = fixture("things.yaml")
WIDGETS = fixture("widgets.yaml")

BASE = {"things.yaml": THINGS, "widgets.yaml": WIDGETS}


def surface_of(tmp_path: Path, name: str, files: dict[str, str]) -> dict[str, Any]:
    return api_surface(
        build_python_view(build_ir(load_specs(write_specs(tmp_path / name, files), "specs")))
    )


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def add_line(text: str, after: str, line: str) -> str:
    """`text` with `line` inserted after the line holding `after`, indented as that one."""
    lines = text.splitlines(keepends=True)
    [index] = [i for i, existing in enumerate(lines) if after in existing]
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    return "".join([*lines[: index + 1], f"{indent}{line}\n", *lines[index + 1 :]])


def drop_block(text: str, start: str) -> str:
    """`text` without the line holding `start` and the more indented lines under it."""
    lines = text.splitlines(keepends=True)
    [index] = [i for i, existing in enumerate(lines) if start in existing]
    depth = len(lines[index]) - len(lines[index].lstrip())
    end = index + 1
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > depth:
        end += 1
    return "".join([*lines[:index], *lines[end:]])


def report(tmp_path: Path, after: dict[str, str], before: dict[str, str] = BASE) -> str:
    return change_report(
        surface_of(tmp_path, "before", before), surface_of(tmp_path, "after", after)
    )


def report_lines(tmp_path: Path, after: dict[str, str]) -> list[str]:
    """The report's change lines, without headings and summary."""
    return [line for line in report(tmp_path, after).splitlines() if line.startswith("- ")]


def report_lines_between(
    tmp_path: Path, before: dict[str, str], after: dict[str, str]
) -> list[str]:
    text = change_report(
        surface_of(tmp_path, "before-2", before), surface_of(tmp_path, "after-2", after)
    )
    return [line for line in text.splitlines() if line.startswith("- ")]


# -- the surface -----------------------------------------------------------------------------


def test_surface_of_a_small_spec(tmp_path: Path) -> None:
    surface = surface_of(tmp_path, "specs", BASE)
    assert surface["operations"] == {
        "client.v1.things.create": {
            "http_method": "POST",
            "path": "/v1/things",
            "deprecated": False,
            "generate": False,
            "arguments": {
                "style": {
                    "wire_name": "style",
                    "location": "body",
                    "required": True,
                    "annotation": "V1ThingsCreateBodyStyle",
                },
                "dry_run": {
                    "wire_name": "dry-run",
                    "location": "query",
                    "required": False,
                    "annotation": "bool",
                },
                "name": {
                    "wire_name": "name",
                    "location": "body",
                    "required": False,
                    "annotation": "str",
                },
                "size": {
                    "wire_name": "size",
                    "location": "body",
                    "required": False,
                    "annotation": 'typing_extensions.Literal["small", "large"]',
                    "enum": ["small", "large"],
                },
                "tags": {
                    "wire_name": "tags",
                    "location": "body",
                    "required": False,
                    "annotation": 'typing.List[typing_extensions.Literal["red", "blue"]]',
                    # An enum inside an array is the array's enum.
                    "enum": ["red", "blue"],
                },
            },
            "body": "V1ThingsCreateBody",
            "response": "V1ThingsCreateResponse",
        },
        "client.v1.things.delete": {
            "http_method": "DELETE",
            "path": "/v1/things/{id}",
            "deprecated": False,
            "generate": False,
            "arguments": {
                "id": {"wire_name": "id", "location": "path", "required": True, "annotation": "str"}
            },
            "body": None,
            "response": None,
        },
        "client.v1.widgets.list": {
            "http_method": "GET",
            "path": "/v1/widgets",
            "deprecated": False,
            "generate": False,
            "arguments": {
                "limit": {
                    "wire_name": "limit",
                    "location": "query",
                    "required": False,
                    "annotation": "int",
                }
            },
            "body": None,
            "response": "V1WidgetsListResponse",
        },
    }
    assert sorted(surface["params"]) == ["V1ThingsCreateBody", "V1ThingsCreateBodyStyle"]
    assert surface["params"]["V1ThingsCreateBodyStyle"] == {
        "fields": {"prompt": {"py_name": "prompt", "required": True, "annotation": "str"}}
    }
    assert surface["models"]["V1ThingsCreateResponse"] == {
        "fields": {
            "id": {"py_name": "id", "required": True, "annotation": "str"},
            "note": {"py_name": "note", "required": True, "annotation": "str"},
            "status": {
                "py_name": "status",
                "required": True,
                "annotation": 'typing.Union[typing_extensions.Literal["queued", "complete"], str]',
                "enum": ["queued", "complete"],
            },
        }
    }


def test_the_surface_file_is_sorted_indented_json_with_a_final_newline(
    repo_root: Path, specs_dir: Path
) -> None:
    text = (repo_root / "generated" / SURFACE_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert text == surface_json(build_python_view(build_ir(load_specs(specs_dir, "specs"))))
    # Every operation of the specs, by where it is reached from the client.
    assert {(op["http_method"], op["path"]) for op in data["operations"].values()} == {
        tuple(key.split(" ")) for key in spec_operations(specs_dir)
    }
    gif = data["operations"]["client.v1.ai_gif_generator.create"]
    assert gif["generate"] is True
    assert gif["arguments"]["output_format"]["enum"] == ["gif", "mp4", "webm"]


# -- the report ------------------------------------------------------------------------------


def test_no_change(tmp_path: Path) -> None:
    assert report(tmp_path, dict(BASE)) == "No API surface changes.\n"


def test_a_removed_operation_is_breaking_and_so_are_its_types(tmp_path: Path) -> None:
    assert report_lines(tmp_path, {"things.yaml": THINGS}) == [
        "- BREAKING: `client.v1.widgets.list` removed (GET /v1/widgets)",
        "- BREAKING: response type `V1WidgetsListResponse` removed",
    ]


def test_an_added_operation_is_not_breaking(tmp_path: Path) -> None:
    lines = report(tmp_path, BASE, before={"things.yaml": THINGS}).splitlines()
    assert [line for line in lines if line.startswith("- ")] == [
        "- `client.v1.widgets.list` added (GET /v1/widgets)",
        "- response type `V1WidgetsListResponse` added",
    ]
    assert lines[-1] == "2 changes, 0 breaking"


def test_a_new_required_field_is_breaking(tmp_path: Path) -> None:
    # In a nested request type, and at the top of the body (an argument).
    things = add_line(THINGS, "prompt: {type: string}", "seed: {type: integer}")
    things = edited(things, "required: [prompt]", "required: [prompt, seed]")
    things = edited(things, "required: [style]", "required: [style, name]")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        "- BREAKING: `client.v1.things.create`: argument `name`: now required",
        "- BREAKING: `V1ThingsCreateBodyStyle`: field `seed` added (required, `int`)",
    ]


def test_new_optional_arguments_and_fields_are_not_breaking(tmp_path: Path) -> None:
    things = add_line(THINGS, "name: {type: string}", "seed: {type: integer}")
    things = add_line(things, "note: {type: string}", "eta: {type: integer}")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        "- `client.v1.things.create`: argument `seed` added (optional, body, `int`)",
        "- `V1ThingsCreateResponse`: field `eta` added (optional, `typing.Optional[int]`)",
    ]


def test_request_enum_values_added_and_removed(tmp_path: Path) -> None:
    things = edited(THINGS, "enum: [small, large]", "enum: [small, large, huge]")
    things = edited(things, "enum: [red, blue]", "enum: [red, green]")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        '- `client.v1.things.create`: argument `size`: enum value "huge" added',
        '- `client.v1.things.create`: argument `tags`: enum value "green" added',
        '- BREAKING: `client.v1.things.create`: argument `tags`: enum value "blue" removed',
    ]


def test_response_enum_values_added_and_removed_are_not_breaking(tmp_path: Path) -> None:
    things = edited(THINGS, "enum: [queued, complete]", "enum: [queued, done, failed]")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        '- `V1ThingsCreateResponse`: field `status`: enum value "done" added (not breaking:'
        " the client accepts unknown values; code that branches on this field may want a case"
        " for it)",
        '- `V1ThingsCreateResponse`: field `status`: enum value "failed" added (not breaking:'
        " the client accepts unknown values; code that branches on this field may want a case"
        " for it)",
        '- `V1ThingsCreateResponse`: field `status`: enum value "complete" removed',
    ]


def test_type_changes_are_breaking(tmp_path: Path) -> None:
    things = edited(THINGS, "    name: {type: string}", "    name: {type: integer}")
    things = edited(things, "id: {type: string}\n", "id: {type: integer}\n")
    things = edited(things, "    prompt: {type: string}", "    prompt: {type: number}")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        "- BREAKING: `client.v1.things.create`: argument `name`: type `str` → `int`",
        "- BREAKING: `V1ThingsCreateBodyStyle`: field `prompt`: type `str` → `float`",
        "- BREAKING: `V1ThingsCreateResponse`: field `id`: type `str` → `int`",
    ]


def test_nullable_is_breaking_in_a_response_only(tmp_path: Path) -> None:
    things = edited(THINGS, "    name: {type: string}", "    name: {type: string, nullable: true}")
    things = edited(things, "note: {type: string}", "note: {type: string, nullable: true}")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        "- `client.v1.things.create`: argument `name`: now nullable"
        " (`str` → `typing.Optional[str]`)",
        "- BREAKING: `V1ThingsCreateResponse`: field `note`: now nullable"
        " (`str` → `typing.Optional[str]`)",
    ]


def test_response_fields_removed_or_made_optional_are_breaking(tmp_path: Path) -> None:
    things = drop_block(THINGS, "note: {type: string}")
    things = edited(things, "required: [id, status, note]", "required: [id]")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        "- BREAKING: `V1ThingsCreateResponse`: field `note` removed",
        "- BREAKING: `V1ThingsCreateResponse`: field `status`: now optional",
    ]
    # The other way round: a response field that becomes required breaks nothing.
    assert report_lines_between(tmp_path, {**BASE, "things.yaml": things}, BASE) == [
        "- `V1ThingsCreateResponse`: field `note` added (required, `str`)",
        "- `V1ThingsCreateResponse`: field `status`: now required",
    ]


def test_arguments_removed_moved_or_made_optional(tmp_path: Path) -> None:
    things = edited(THINGS, "in: query", "in: header")
    things = drop_block(things, "required: [style]")
    things = drop_block(things, "tags:")
    assert report_lines(tmp_path, {**BASE, "things.yaml": things}) == [
        "- `client.v1.things.create`: argument `dry_run`: moved from query to header",
        "- `client.v1.things.create`: argument `style`: now optional",
        "- BREAKING: `client.v1.things.create`: argument `tags` removed",
    ]


def test_deprecation_and_a_new_path_are_reported_but_not_breaking(tmp_path: Path) -> None:
    widgets = add_line(WIDGETS, "summary: List the widgets", "deprecated: true")
    widgets = edited(widgets, "/v1/widgets:", "/v1/widgets/:")
    assert report_lines(tmp_path, {**BASE, "widgets.yaml": widgets}) == [
        "- `client.v1.widgets.list`: now GET /v1/widgets/ (was GET /v1/widgets)",
        "- `client.v1.widgets.list`: now deprecated",
    ]


# -- the command line ------------------------------------------------------------------------


def changes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    before: dict[str, str] | None,
    after: dict[str, str],
) -> tuple[int, str, str, dict[str, bytes]]:
    """Generate `before` (if any) into an output folder, then run `--changes` on `after`."""
    output = tmp_path / "generated"
    if before is not None:
        assert (
            main(["--specs", str(write_specs(tmp_path / "old", before)), "--output", str(output)])
            == 0
        )
    written = existing_files(output)
    capsys.readouterr()
    specs = write_specs(tmp_path / "specs", after)
    code = main(["--specs", str(specs), "--output", str(output), "--changes"])
    captured = capsys.readouterr()
    assert existing_files(output) == written, "--changes writes nothing"
    return code, captured.out, captured.err, written


def test_the_report_as_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    things = edited(THINGS, "enum: [small, large]", "enum: [small, huge]")
    things = edited(things, "enum: [queued, complete]", "enum: [queued, complete, failed]")
    things = edited(things, "required: [style]", "required: [style, size]")
    code, out, err, _ = changes(tmp_path, capsys, BASE, {"things.yaml": things})
    assert code == 0
    assert err == ""
    assert out == (
        "## API surface changes\n"
        "\n"
        "### Operations\n"
        "\n"
        "- BREAKING: `client.v1.things.create`: argument `size`: now required\n"
        '- `client.v1.things.create`: argument `size`: enum value "huge" added\n'
        '- BREAKING: `client.v1.things.create`: argument `size`: enum value "large" removed\n'
        "- BREAKING: `client.v1.widgets.list` removed (GET /v1/widgets)\n"
        "\n"
        "### Response types (`magic_hour.types.models`)\n"
        "\n"
        '- `V1ThingsCreateResponse`: field `status`: enum value "failed" added (not breaking:'
        " the client accepts unknown values; code that branches on this field may want a case"
        " for it)\n"
        "- BREAKING: response type `V1WidgetsListResponse` removed\n"
        "\n"
        "6 changes, 4 breaking\n"
    )


def test_no_changes_as_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, written = changes(tmp_path, capsys, BASE, BASE)
    assert (code, out, err) == (0, "No API surface changes.\n", "")
    assert SURFACE_FILE in written


def test_a_missing_surface_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, _ = changes(tmp_path, capsys, None, BASE)
    assert code == 2
    assert out == ""
    assert err == (
        f"{tmp_path / 'generated' / SURFACE_FILE}: not found, so there is nothing to compare"
        " with (the generator writes it; regenerate and commit it first)\n"
    )


def test_an_unreadable_surface_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / SURFACE_FILE).write_text("{not json", encoding="utf-8")
    code, out, err, _ = changes(tmp_path, capsys, None, BASE)
    assert code == 2 and out == ""
    assert err.startswith(f"{tmp_path / 'generated' / SURFACE_FILE}: not readable as JSON (")
    assert len(err.splitlines()) == 1


def test_broken_specs_print_their_problems_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = edited(THINGS, "schema: {type: boolean}", "schema: {type: lots}")
    code, out, err, _ = changes(tmp_path, capsys, BASE, {**BASE, "things.yaml": broken})
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"{tmp_path / 'specs'}/things.yaml:")
    assert lines[-1].startswith(f"{len(lines) - 1} problem(s) in {tmp_path / 'specs'}")


def test_check_and_changes_do_not_go_together(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--specs", str(tmp_path), "--output", str(tmp_path), "--check", "--changes"])
    assert exited.value.code == 2


def test_the_report_compares_with_the_last_commit_even_after_regenerating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    output = tmp_path / "generated"
    assert (
        main(["--specs", str(write_specs(tmp_path / "specs", BASE)), "--output", str(output)]) == 0
    )
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "base")
    things = edited(THINGS, "enum: [small, large]", "enum: [small, large, huge]")
    specs = write_specs(tmp_path / "specs", {**BASE, "things.yaml": things})
    assert main(["--specs", str(specs), "--output", str(output)]) == 0  # `make generate`
    capsys.readouterr()
    assert main(["--specs", str(specs), "--output", str(output), "--changes"]) == 0
    assert '- `client.v1.things.create`: argument `size`: enum value "huge" added\n' in (
        capsys.readouterr().out
    )
