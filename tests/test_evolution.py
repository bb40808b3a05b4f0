"""Spec evolution: a small spec change gives a small, local change of the output.

Adding an endpoint file changes only that endpoint's files plus the lines that register it;
adding an enum value changes only the lines of that enum. Tested on small spec folders
generated twice into tmp_path and compared line by line.
"""

from __future__ import annotations

import ast
import difflib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from helpers.specfiles import fixture, renamed, write_specs

from generator.cli import main
from generator.views.cli import CLI_PAGE, COMMANDS_FILE
from generator.views.mock import MOCK_DESCRIPTION_FILE
from generator.formatting import RECORD
from generator.write import MANIFEST, existing_files

MOCK_DESCRIPTION = f"magic_hour/{MOCK_DESCRIPTION_FILE}"
CLI_COMMANDS = f"magic_hour/{COMMANDS_FILE}"


def endpoint(resource: str) -> str:
    """A spec file with `POST /v1/<resource>` (a body with enums and a nested object, a response
    with an enum) and `DELETE /v1/<resource>/{id}`. Resources differ only by name, so each file
    is self-contained."""
    return renamed(fixture("things.yaml"), "things", resource)


def listing(resource: str) -> str:
    """`GET /v1/<resource>`: the same path as `endpoint`'s, for a file of its own."""
    return renamed(fixture("widgets.yaml"), "widgets", resource)


# `widgets` sorts between the two resources already there, so that its registration lines
# land in the middle of the existing ones.
BASE = {"things.yaml": endpoint("things"), "zones.yaml": endpoint("zones")}


def generated(tmp_path: Path, name: str, files: dict[str, str]) -> dict[str, str]:
    specs = write_specs(tmp_path / name / "specs", files)
    output = tmp_path / name / "generated"
    assert main(["--specs", str(specs), "--output", str(output)]) == 0
    return {path: data.decode() for path, data in existing_files(output).items()}


def changed_files(before: dict[str, str], after: dict[str, str]) -> set[str]:
    # Not the record of black's work, which changes with any Python file (see
    # generator/formatting.py).
    paths = (before.keys() | after.keys()) - {RECORD}
    return {p for p in paths if before.get(p) != after.get(p)}


def hunks(old: str, new: str) -> list[tuple[list[str], list[str]]]:
    """Each run of changed lines, as (removed lines, added lines), without context."""
    found: list[tuple[list[str], list[str]]] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=0, lineterm=""):
        if line.startswith("@@"):
            found.append(([], []))
        elif line.startswith("-") and not line.startswith("---"):
            found[-1][0].append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            found[-1][1].append(line[1:])
    return found


def test_adding_an_endpoint_file_adds_its_files_and_its_registration_lines_only(
    tmp_path: Path,
) -> None:
    before = generated(tmp_path, "before", BASE)
    after = generated(tmp_path, "after", {**BASE, "widgets.yaml": endpoint("widgets")})

    changed = changed_files(before, after)
    added = {p for p in changed if p not in before}
    assert not {p for p in changed if p not in after}, "nothing is removed"
    assert added == {
        "magic_hour/resources/v1/widgets/README.md",
        "magic_hour/resources/v1/widgets/__init__.py",
        "magic_hour/resources/v1/widgets/client.py",
        "magic_hour/types/params/v1_widgets_create_body.py",
        "magic_hour/types/params/v1_widgets_create_body_style.py",
        "magic_hour/types/models/v1_widgets_create_response.py",
    }
    registrations = changed - added
    assert registrations == {
        MANIFEST,
        "README.md",
        "api-surface.json",
        MOCK_DESCRIPTION,
        CLI_COMMANDS,
        CLI_PAGE,
        "magic_hour/resources/v1/client.py",
        "magic_hour/types/params/__init__.py",
        "magic_hour/types/params/README.md",
        "magic_hour/types/models/__init__.py",
        "magic_hour/types/models/README.md",
    }

    # The surface gains the endpoint's entries and nothing else changes in it.
    old_surface, new_surface = json.loads(before["api-surface.json"]), json.loads(
        after["api-surface.json"]
    )
    for section in ("operations", "params", "models"):
        new_keys = new_surface[section].keys() - old_surface[section].keys()
        assert all("widgets" in key.lower() for key in new_keys), new_keys
        assert {k: new_surface[section][k] for k in old_surface[section]} == old_surface[section]
    assert set(new_surface["operations"]) - set(old_surface["operations"]) == {
        "client.v1.widgets.create",
        "client.v1.widgets.delete",
    }

    # The mock's description gains the endpoint's operations, and nothing else changes in it.
    old_mock, new_mock = json.loads(before[MOCK_DESCRIPTION]), json.loads(after[MOCK_DESCRIPTION])
    new_operations = [o for o in new_mock["operations"] if o not in old_mock["operations"]]
    assert [o for o in new_mock["operations"] if o not in new_operations] == old_mock["operations"]
    assert {(o["method"], o["path"]) for o in new_operations} == {
        ("POST", "/v1/widgets"),
        ("DELETE", "/v1/widgets/{id}"),
    }
    assert {k: v for k, v in new_mock.items() if k != "operations"} == {
        k: v for k, v in old_mock.items() if k != "operations"
    }

    # The command line gains the endpoint's group, and nothing else changes in its commands.
    old_cli, new_cli = json.loads(before[CLI_COMMANDS]), json.loads(after[CLI_COMMANDS])
    assert [g for g in new_cli["groups"] if g["name"] != "widgets"] == old_cli["groups"]
    assert [g["name"] for g in new_cli["groups"]] == ["things", "widgets", "zones"]
    assert {k: v for k, v in new_cli.items() if k != "groups"} == {
        k: v for k, v in old_cli.items() if k != "groups"
    }

    # In the other registration files lines are only added, in runs that each name widgets,
    # and every line of a run names them too, or is blank, or is a decorator (the diff may
    # place the new property's decorator at the end of its run: it reads the same). A page's
    # run is a new section: its heading names widgets, its table rows name their fields.
    # The CLI page gains the group's line in the list of groups and its section, nothing else (a
    # diff would pair lines of the new section with the next one's: their tables look alike).
    assert _without_cli_group(after[CLI_PAGE], "widgets") == before[CLI_PAGE]

    json_files = {"api-surface.json", MOCK_DESCRIPTION, CLI_COMMANDS}
    for path in sorted(registrations - json_files - {CLI_PAGE}):
        for removed, inserted in hunks(before[path], after[path]):
            assert removed == [], (path, removed)
            assert any("widgets" in line.lower() for line in inserted), (path, inserted)
            if path.endswith(".md"):
                continue
            for line in inserted:
                belongs = (
                    "widgets" in line.lower() or not line.strip() or line.strip().startswith("@")
                )
                assert belongs, (path, line)


def _without_cli_group(page: str, name: str) -> str:
    """The CLI page without the group `name`: its line in the list and its section."""
    lines = [
        line for line in page.splitlines(keepends=True) if not line.startswith(f"- [`{name}`]")
    ]
    text = "".join(lines)
    start = text.index(f"### `{name}` ")
    end = text.find("\n### `", start + 1)
    return text[:start] + (text[end + 1 :] if end != -1 else "")


class _DropValue(ast.NodeTransformer):
    """Takes one constant out of every list and tuple: `Literal["a", "b"]` and rule lists."""

    def __init__(self, value: str) -> None:
        self.value = value

    def visit_List(self, node: ast.List) -> ast.AST:
        node.elts = [e for e in node.elts if not _is_constant(e, self.value)]
        return self.generic_visit(node)

    def visit_Tuple(self, node: ast.Tuple) -> ast.AST:
        node.elts = [e for e in node.elts if not _is_constant(e, self.value)]
        return self.generic_visit(node)


def _is_constant(node: ast.AST, value: str) -> bool:
    return isinstance(node, ast.Constant) and node.value == value


def _drop_json_value(data: Any, value: str) -> Any:
    """A JSON value without `value` in its lists and in the annotations that list it."""
    if isinstance(data, list):
        return [_drop_json_value(v, value) for v in data if v != value]
    if isinstance(data, dict):
        return {k: _drop_json_value(v, value) for k, v in data.items()}
    if isinstance(data, str):
        return data.replace(f', "{value}"', "")
    return data


def _without_value(path: str, text: str, value: str) -> Any:
    """What a file says once `value` is taken out of its enums: for Python the syntax tree
    (black's wrapping and parentheses do not show in it), for JSON the data, else the text."""
    if path.endswith(".py"):
        return ast.dump(_DropValue(value).visit(ast.parse(text)))
    if path.endswith(".json"):
        return _drop_json_value(json.loads(text), value)
    # Markdown lists the values as code: "One of `"small"`, `"large"`." (the CLI page as the
    # shell takes them: "One of `small`, `large`.")
    text = text.replace(f', `"{value}"`', "").replace(f", `{value}`", "")
    return text.replace(f", {value}", "").replace(f', "{value}"', "")


BRACKETS_ONLY = re.compile(r"^[\s()\[\]{},=]*$")


@pytest.mark.parametrize(
    ("old", "new", "value"),
    [
        ("enum: [small, large]", "enum: [small, large, huge]", "huge"),
        ("enum: [queued, complete]", "enum: [queued, complete, failed]", "failed"),
    ],
    ids=["request", "response"],
)
def test_adding_an_enum_value_changes_only_the_lines_of_that_enum(
    tmp_path: Path, old: str, new: str, value: str
) -> None:
    changed_spec = BASE["things.yaml"].replace(old, new)
    assert changed_spec != BASE["things.yaml"]
    before = generated(tmp_path, "before", BASE)
    after = generated(tmp_path, "after", {**BASE, "things.yaml": changed_spec})

    changed = changed_files(before, after)
    assert changed, "the new value shows somewhere"
    assert all(path in before and path in after for path in changed)
    assert "api-surface.json" in changed
    # The files of `things` and the files that document the whole API, nothing of `zones`.
    whole_api = {
        "api-surface.json",
        MOCK_DESCRIPTION,
        CLI_COMMANDS,
        CLI_PAGE,
        "README.md",
        "magic_hour/types/params/README.md",
        "magic_hour/types/models/README.md",
    }
    assert all("things" in path or path in whole_api for path in changed)
    for path in sorted(changed):
        # Taking the new value out again gives the old file, however black re-wrapped it...
        assert _without_value(path, after[path], value) == _without_value(
            path, before[path], value
        ), path
        # ... and every run of changed lines carries the value, or is the brackets and
        # commas of that re-wrapping.
        for removed, inserted in hunks(before[path], after[path]):
            assert any(value in line for line in inserted) or all(
                BRACKETS_ONLY.match(line) for line in [*removed, *inserted]
            ), (path, removed, inserted)


def test_the_same_specs_give_the_same_bytes_whatever_the_file_order_and_folder_name(
    tmp_path: Path,
) -> None:
    # The same path split across two files by method, one in a sub-folder, so merging is in it.
    files = {
        "things.yaml": endpoint("things"),
        "widgets.yaml": endpoint("widgets"),
        "more/things-list.yaml": listing("things"),
        "zones.yaml": endpoint("zones"),
    }
    outputs = []
    for name, order in (("specs", list(files)), ("other-specs-folder", list(reversed(files)))):
        folder = tmp_path / name
        for file in order:
            (folder / file).parent.mkdir(parents=True, exist_ok=True)
            (folder / file).write_text(files[file], encoding="utf-8")
        output = tmp_path / f"{name}-out"
        assert main(["--specs", str(folder), "--output", str(output)]) == 0
        outputs.append(existing_files(output))
    assert outputs[0] == outputs[1]
    surface = json.loads(outputs[0]["api-surface.json"])
    assert {"client.v1.things.create", "client.v1.things.list"} <= set(surface["operations"])
