"""Stage 1 (generator/load.py): reading, merging and validating the spec files.

Every broken-document test asserts the exact lines the person running the generator sees:
`file:line:column: what is wrong`, one line per problem, sorted by file and position.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from helpers.paths import ROOT
from helpers.raw_specs import file_operations, spec_files, spec_operations
from helpers.readers import reader  # noqa: F401  (a fixture)
from helpers.specfiles import (
    GET_THINGS,
    HEADER,
    body_property,
    get_response,
    response_property,
    spec,
    write_specs,
)

from generator.load import LoadedSpec, load_specs
from generator.problems import Location, Problem, SpecError

# Every test here runs with each of the loader's two readers (see helpers/readers.py).
pytestmark = pytest.mark.usefixtures("reader")


def load(tmp_path: Path, files: dict[str, str]) -> LoadedSpec:
    """Load `files` as the folder `specs`, so messages name `specs/<file>`."""
    return load_specs(write_specs(tmp_path / "specs", files), "specs")


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """The lines of the SpecError that loading `files` must raise."""
    with pytest.raises(SpecError) as raised:
        load(tmp_path, files)
    error = raised.value
    lines = [str(p) for p in error.problems]
    # The exception's text is exactly the problems, one line each, in the same order.
    assert str(error) == "\n".join(lines)
    return lines


# -- the real specs ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(specs_dir: Path) -> LoadedSpec:
    return load_specs(specs_dir, "specs")


def test_real_specs_load_into_one_document_with_all_paths(
    real: LoadedSpec, specs_dir: Path
) -> None:
    raw = spec_operations(specs_dir)
    assert sorted(real.document.paths or {}) == sorted({key.split(" ")[1] for key in raw})
    assert real.document.openapi == "3.0.2"
    assert real.document.info.title == "Magic Hour API"
    assert sorted(real.files) == sorted(f"specs/{p.name}" for p in spec_files(specs_dir))


@pytest.mark.parametrize("path", ["/v1/image-projects/{id}", "/v1/video-projects/{id}"])
def test_a_path_split_across_two_files_has_both_methods(real: LoadedSpec, path: str) -> None:
    item = (real.document.paths or {})[path]
    assert item.get is not None
    assert item.delete is not None
    assert item.post is None and item.put is None and item.patch is None


def test_operation_files_name_the_file_each_operation_came_from(
    real: LoadedSpec, specs_dir: Path
) -> None:
    expected = {}
    for path in spec_files(specs_dir):
        for key in file_operations(path):
            verb, url = key.split(" ")
            expected[(url, verb.lower())] = f"specs/{path.name}"
    assert real.operation_files == expected
    # A component every file repeats identically is recorded once, from the first file.
    first = sorted(real.files)[0]
    assert real.component_files == {("securitySchemes", "bearerAuth"): first}


def test_locate_gives_one_based_positions_in_the_named_file(
    real: LoadedSpec, specs_dir: Path
) -> None:
    file = "specs/ai-gif-generator.yaml"
    lines = (specs_dir / "ai-gif-generator.yaml").read_text(encoding="utf-8").splitlines()
    path_line = lines.index("  /v1/ai-gif-generator:") + 1
    assert lines[path_line] == "    post:"
    assert real.locate(file, ("paths", "/v1/ai-gif-generator"), key=True) == Location(
        file, path_line, 3
    )
    assert real.locate(file, ("paths", "/v1/ai-gif-generator", "post"), key=True) == Location(
        file, path_line + 1, 5
    )
    assert real.locate(file, ("openapi",)) == Location(file, 1, 10)
    # A pointer that leaves the document stops at the deepest node that exists.
    assert real.locate(file, ("paths", "/v1/ai-gif-generator", "nothing", "here")) == real.locate(
        file, ("paths", "/v1/ai-gif-generator")
    )


# -- a valid small folder ------------------------------------------------------------------


def test_small_valid_folder_loads(tmp_path: Path) -> None:
    loaded = load(tmp_path, {"things.yaml": spec(GET_THINGS)})
    assert list(loaded.document.paths or {}) == ["/v1/things"]
    assert loaded.operation_files == {("/v1/things", "get"): "specs/things.yaml"}
    assert list(loaded.files) == ["specs/things.yaml"]


def test_yml_files_and_subfolders_are_read_and_named_relative_to_the_folder(tmp_path: Path) -> None:
    folder = write_specs(tmp_path / "specs", {"a.yml": spec(GET_THINGS)})
    write_specs(
        folder / "more",
        {
            "b.yaml": spec(GET_THINGS.replace("/v1/things", "/v1/gadgets")),
            "notes.txt": "not a spec",
        },
    )
    loaded = load_specs(folder, "specs")
    assert loaded.operation_files == {
        ("/v1/things", "get"): "specs/a.yml",
        ("/v1/gadgets", "get"): "specs/more/b.yaml",
    }


def test_a_json_document_is_read_as_its_yaml_twin_and_merged_with_yaml(tmp_path: Path) -> None:
    # Tab-indented, as some tools write JSON; the twin of `things.yaml`, beside a YAML file.
    twin = json.dumps(YAML(typ="safe").load(spec(GET_THINGS)), indent="\t")
    gadgets = spec(GET_THINGS.replace("/v1/things", "/v1/gadgets"))
    from_json = load(tmp_path / "json", {"things.json": twin, "gadgets.yaml": gadgets})
    from_yaml = load(tmp_path / "yaml", {"things.yaml": spec(GET_THINGS), "gadgets.yaml": gadgets})
    assert from_json.document == from_yaml.document
    assert from_json.operation_files == {
        ("/v1/things", "get"): "specs/things.json",
        ("/v1/gadgets", "get"): "specs/gadgets.yaml",
    }


def test_a_json_document_holds_the_values_json_gives(tmp_path: Path) -> None:
    # Python's json writes 😀 as an escaped surrogate pair, which YAML reads as two halves.
    document = YAML(typ="safe").load(spec(GET_THINGS))
    document["paths"]["/v1/things"]["get"]["summary"] = "List things 😀"
    loaded = load(tmp_path, {"things.json": json.dumps(document)})
    assert "\\ud83d\\ude00" in json.dumps(document)
    paths = loaded.document.paths or {}
    assert paths["/v1/things"].get and paths["/v1/things"].get.summary == "List things 😀"


def test_a_problem_in_a_json_document_is_located_in_it(tmp_path: Path) -> None:
    document = YAML(typ="safe").load(spec(GET_THINGS))
    document["paths"]["/v1/things"]["get"]["responses"] = "none"
    text = json.dumps(document, indent=2)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"responses"' in t)
    column = text.splitlines()[line - 1].index('"none"') + 1
    assert problems(tmp_path, {"things.json": text}) == [
        f"specs/things.json:{line}:{column}: 'responses' must be a mapping, got 'none'"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '{"openapi": "3.0.2",\n "info": {},\n}\n',
            "specs/api.json:3:1: invalid JSON: Expecting property name enclosed in double quotes",
            id="trailing-comma",
        ),
        pytest.param(
            "# a comment YAML would take\n{}\n",
            "specs/api.json:1:1: invalid JSON: Expecting value",
            id="comment",
        ),
        pytest.param(
            '{"openapi": "3.0.2", "openapi": "3.0.3"}\n',
            'specs/api.json:1:22: invalid JSON: found duplicate key "openapi" with value'
            ' "3.0.3" (original value: "3.0.2")',
            id="duplicate-key",
        ),
    ],
)
def test_bad_json_is_one_problem_at_its_position(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, {"api.json": text}) == [expected]


# -- (1) bad YAML --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "openapi: 3.0.2\ninfo: {title: Test API\n",
            "specs/broken.yaml:3:1: invalid YAML: expected ',' or '}', but got '<stream end>'",
            id="unclosed-flow-mapping",
        ),
        pytest.param(
            "openapi: 3.0.2\ntags: [a, b\n",
            "specs/broken.yaml:3:1: invalid YAML: expected ',' or ']', but got '<stream end>'",
            id="unclosed-bracket",
        ),
        pytest.param(
            "openapi: 3.0.2\ninfo:\n  title: Test API\n version: '1'\n",
            "specs/broken.yaml:4:2: invalid YAML: expected <block end>, but found '<block mapping start>'",
            id="bad-indentation",
        ),
        pytest.param(
            HEADER + "paths: {}\npaths: {}\n",
            'specs/broken.yaml:6:1: invalid YAML: found duplicate key "paths" with value "{}" (original value: "{}")',
            id="duplicate-key",
        ),
    ],
)
def test_bad_yaml_is_one_problem_at_its_position(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, {"broken.yaml": text}) == [expected]


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "latin1.yaml").write_bytes(
        HEADER.encode() + "paths: {}\n# caf\xe9\n".encode("latin-1")
    )
    with pytest.raises(SpecError) as raised:
        load_specs(folder, "specs")
    assert str(raised.value) == "specs/latin1.yaml:1:1: not UTF-8 text: invalid continuation byte"


# -- (2) wrong types -----------------------------------------------------------------------


def test_wrong_type_inside_a_request_body_property(tmp_path: Path) -> None:
    text = body_property("name", "type: string\nminLength: abc")
    # Line 16 is `                  minLength: abc`; the value starts in column 30.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:16:30: 'minLength': input should be a valid integer, "
        "unable to parse string as an integer, got 'abc'"
    ]


def test_paths_given_as_a_list(tmp_path: Path) -> None:
    text = spec("paths:\n  - /v1/things\n")
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:6:3: 'paths' must be a mapping, got a list"
    ]


def test_missing_required_fields_are_named(tmp_path: Path) -> None:
    assert problems(tmp_path, {"bare.yaml": "openapi: 3.0.2\n"}) == [
        "specs/bare.yaml:1:1: missing required field 'info'",
        "specs/bare.yaml:1:1: missing required field 'paths'",
    ]


def test_wrong_type_inside_an_unquoted_response_code_is_located_exactly(tmp_path: Path) -> None:
    # `200:` unquoted is the most common way to write a response code; YAML reads it as an
    # integer key, and the problem inside it must still be located at the value itself.
    text = response_property("name", "type: string\nminLength: abc")
    # Line 18 is `                    minLength: abc`; the value starts in column 32.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:18:32: 'minLength': input should be a valid integer, "
        "unable to parse string as an integer, got 'abc'"
    ]


# -- (3) unknown $ref ----------------------------------------------------------------------


def _body_with_property(name: str, ref: str) -> str:
    return body_property(name, f"$ref: '{ref}'")


def test_unknown_component_ref(tmp_path: Path) -> None:
    text = _body_with_property("style", "#/components/schemas/Missing")
    # Line 15 is `                  $ref: '#/components/schemas/Missing'`; the value is at column 25.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:15:25: $ref '#/components/schemas/Missing' does not resolve to anything"
    ]


def test_ref_to_a_component_of_another_file_resolves(tmp_path: Path) -> None:
    shared = spec("""\
        paths: {}
        components:
          schemas:
            Style:
              type: object
              properties:
                prompt:
                  type: string
        """)
    loaded = load(
        tmp_path,
        {
            "things.yaml": _body_with_property("style", "#/components/schemas/Style"),
            "shared.yaml": shared,
        },
    )
    assert loaded.component_files == {("schemas", "Style"): "specs/shared.yaml"}


def test_ref_to_a_file_outside_the_folder(tmp_path: Path) -> None:
    text = _body_with_property("style", "other.yaml#/components/schemas/Style")
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:15:25: $ref 'other.yaml#/components/schemas/Style' names a file "
        "that is not in the specs folder"
    ]


def test_unknown_ref_under_a_property_whose_name_starts_with_x_is_still_checked(
    tmp_path: Path,
) -> None:
    # `x-` marks an extension only where the key is a field of an OpenAPI object; under
    # `properties` it is a property name like any other, and its schema's $ref must resolve.
    text = _body_with_property("x-trace-id", "#/components/schemas/Missing")
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:15:25: $ref '#/components/schemas/Missing' does not resolve to anything"
    ]


def test_a_ref_inside_an_example_is_data_not_a_reference(tmp_path: Path) -> None:
    text = get_response("example:\n  $ref: '#/components/schemas/Missing'")
    assert list(load(tmp_path, {"things.yaml": text}).document.paths or {}) == ["/v1/things"]


# -- (4) and (5) the same operation in two files --------------------------------------------


def test_same_operation_defined_differently_names_both_files(tmp_path: Path) -> None:
    first = spec(GET_THINGS)
    # In the second file the operation sits lower (line 11), after another path.
    second = spec("""\
        paths:
          /v1/gadgets:
            get:
              responses:
                '200':
                  description: OK
          /v1/things:
            get:
              responses:
                '200':
                  description: Something else
        """)
    assert problems(tmp_path, {"a.yaml": first, "b.yaml": second}) == [
        "specs/b.yaml:12:5: GET /v1/things is already defined differently in specs/a.yaml:7:5"
    ]


def test_same_operation_defined_identically_in_two_files_is_not_a_problem(tmp_path: Path) -> None:
    loaded = load(tmp_path, {"a.yaml": spec(GET_THINGS), "b.yaml": spec(GET_THINGS)})
    assert list(loaded.document.paths or {}) == ["/v1/things"]
    assert loaded.operation_files == {("/v1/things", "get"): "specs/a.yaml"}


def test_different_methods_of_one_path_merge_from_two_files(tmp_path: Path) -> None:
    post = GET_THINGS.replace("get:", "post:")
    loaded = load(tmp_path, {"get.yaml": spec(GET_THINGS), "post.yaml": spec(post)})
    item = (loaded.document.paths or {})["/v1/things"]
    assert item.get is not None and item.post is not None
    assert loaded.operation_files == {
        ("/v1/things", "get"): "specs/get.yaml",
        ("/v1/things", "post"): "specs/post.yaml",
    }


# -- (6) conflicting info ------------------------------------------------------------------


def test_conflicting_info_between_files(tmp_path: Path) -> None:
    other = "# a comment line first\n" + spec(GET_THINGS.replace("get:", "post:")).replace(
        "title: Test API", "title: Another API"
    )
    assert problems(tmp_path, {"a.yaml": spec(GET_THINGS), "b.yaml": other}) == [
        "specs/b.yaml:3:1: 'info' is already defined differently in specs/a.yaml:2:1"
    ]


def test_conflicting_component_between_files(tmp_path: Path) -> None:
    def with_component(file_type: str) -> str:
        return spec(f"""\
            paths: {{}}
            components:
              schemas:
                Style:
                  type: {file_type}
            """)

    assert problems(
        tmp_path, {"a.yaml": with_component("string"), "b.yaml": with_component("integer")}
    ) == [
        "specs/b.yaml:8:5: component schemas/Style is already defined differently in specs/a.yaml:8:5"
    ]


# -- (7) a file that is not a mapping ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", "got an empty file", id="empty"),
        pytest.param("# only a comment\n", "got an empty file", id="only-comments"),
        pytest.param("- openapi\n- info\n", "got a list", id="list"),
    ],
)
def test_a_file_that_is_not_a_mapping(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, {"odd.yaml": text}) == [
        f"specs/odd.yaml:1:1: a spec file must hold an OpenAPI document (a mapping), {expected}"
    ]


def test_a_components_section_left_empty_loads(tmp_path: Path) -> None:
    # `schemas:` with nothing under it is null in YAML: an empty section, not a crash.
    text = spec(GET_THINGS + "components:\n  schemas:\n")
    loaded = load(tmp_path, {"things.yaml": text})
    assert loaded.operation_files == {("/v1/things", "get"): "specs/things.yaml"}
    assert loaded.component_files == {}


# -- (8) an empty folder -------------------------------------------------------------------


def test_an_empty_folder(tmp_path: Path) -> None:
    error = problems(tmp_path, {})
    assert error == ["specs: no spec files (*.yaml, *.yml, *.json) found"]


def test_a_folder_without_spec_files_is_empty(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as raised:
        load(tmp_path, {"README.md": "# specs\n", "api.txt": "{}"})
    assert raised.value.problems == [
        Problem(None, "specs: no spec files (*.yaml, *.yml, *.json) found")
    ]


def test_the_folder_is_named_as_the_caller_spells_it(tmp_path: Path) -> None:
    folder = write_specs(tmp_path / "specs", {"a.yaml": "openapi: 3.0.2\ninfo: [\n"})
    with pytest.raises(SpecError) as raised:
        load_specs(folder, "./my specs/")
    assert (
        str(raised.value)
        == "./my specs/a.yaml:3:1: invalid YAML: expected the node content, but found '<stream end>'"
    )
    with pytest.raises(SpecError) as raised:
        load_specs(folder)
    assert str(raised.value).startswith(f"{folder}/a.yaml:3:1: ")


# -- (9) OpenAPI version -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shown"),
    [("openapi: 3.2.0", "'3.2.0'"), ("openapi: 2.0.0", "'2.0.0'"), ("swagger: '2.0'", "None")],
)
def test_only_openapi_3_0_is_accepted(tmp_path: Path, line: str, shown: str) -> None:
    # (3.1 documents of webhooks are read too: tests/test_webhook_events.py.)
    text = spec(GET_THINGS).replace("openapi: 3.0.2", line)
    column = 10 if line.startswith("openapi") else 1
    assert problems(tmp_path, {"new.yaml": text}) == [
        f"specs/new.yaml:1:{column}: only OpenAPI 3.0 documents (and 3.1 documents of webhooks)"
        f" are supported, got openapi: {shown}"
    ]


# -- several problems at once --------------------------------------------------------------

# Two problems in one file: pydantic reports `info` before `paths`, and line 15 sorts before
# line 9 as text; the report must still read in file order, by number.
TWO_PROBLEMS = """\
openapi: 3.0.2
paths:
  /v1/things:
    get:
      parameters:
        - name: n
          in: query
          schema:
            minimum: low
      responses:
        '200':
          description: OK
info:
  title: Test API
  version: [1]
"""


def test_every_problem_is_reported_one_line_each_sorted_by_file_and_line(tmp_path: Path) -> None:
    files = {
        "c.yaml": "openapi: 3.0.2\ninfo: [\n",
        "a.yaml": spec(GET_THINGS).replace("3.0.2", "3.2.0"),
        "b.yaml": TWO_PROBLEMS,
        "d.yaml": "",
    }
    assert problems(tmp_path, files) == [
        "specs/a.yaml:1:10: only OpenAPI 3.0 documents (and 3.1 documents of webhooks) are"
        " supported, got openapi: '3.2.0'",
        "specs/b.yaml:9:22: 'minimum': input should be a valid number, unable to parse string as a number, got 'low'",
        "specs/b.yaml:15:12: 'version': input should be a valid string, got a list",
        "specs/c.yaml:3:1: invalid YAML: expected the node content, but found '<stream end>'",
        "specs/d.yaml:1:1: a spec file must hold an OpenAPI document (a mapping), got an empty file",
    ]


def test_problems_found_while_merging_are_sorted_too(tmp_path: Path) -> None:
    # The conflict in b.yaml is found before the bad $ref in a.yaml; a.yaml still comes first.
    with_bad_ref = _body_with_property("style", "#/components/schemas/Missing")
    conflicting = spec(
        GET_THINGS.replace("description: OK", "description: Other").replace("get:", "post:")
    )
    assert problems(tmp_path, {"a.yaml": with_bad_ref, "b.yaml": conflicting}) == [
        "specs/a.yaml:15:25: $ref '#/components/schemas/Missing' does not resolve to anything",
        "specs/b.yaml:7:5: POST /v1/things is already defined differently in specs/a.yaml:7:5",
    ]


def test_the_same_problem_is_reported_once() -> None:
    here = Location("specs/a.yaml", 3, 1)
    error = SpecError([Problem(here, "x"), Problem(None, "folder"), Problem(here, "x")])
    assert str(error) == "folder\nspecs/a.yaml:3:1: x"


# -- the command line ----------------------------------------------------------------------


def _run_generator(specs: Path, output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--specs", str(specs), "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_reports_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    specs = write_specs(
        tmp_path / "bad specs",
        {
            "a.yaml": spec(GET_THINGS).replace("3.0.2", "3.2.0"),
            "b.yaml": TWO_PROBLEMS,
            "c.yaml": "openapi: 3.0.2\ninfo: [\n",
        },
    )
    output = tmp_path / "out"
    result = _run_generator(specs, output)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{specs}/a.yaml:1:10: only OpenAPI 3.0 documents (and 3.1 documents of webhooks) are"
        " supported, got openapi: '3.2.0'",
        f"{specs}/b.yaml:9:22: 'minimum': input should be a valid number, unable to parse string as a number, got 'low'",
        f"{specs}/b.yaml:15:12: 'version': input should be a valid string, got a list",
        f"{specs}/c.yaml:3:1: invalid YAML: expected the node content, but found '<stream end>'",
        f"4 problem(s) in {specs}; nothing was written",
    ]
    assert not output.exists()


def test_cli_reports_a_model_problem_without_a_traceback(tmp_path: Path) -> None:
    text = response_property("value", "not:\n  type: string")
    specs = write_specs(tmp_path / "specs", {"things.yaml": text})
    output = tmp_path / "out"
    result = _run_generator(specs, output)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{specs}/things.yaml:17:21: 'not' is not supported",
        f"1 problem(s) in {specs}; nothing was written",
    ]
    assert not output.exists()


def test_cli_on_an_empty_folder(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    output = tmp_path / "out"
    result = _run_generator(specs, output)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{specs}: no spec files (*.yaml, *.yml, *.json) found",
        f"1 problem(s) in {specs}; nothing was written",
    ]
    assert not output.exists()
