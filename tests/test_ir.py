"""Stage 2, the IR (generator/ir/): what the API means, and what the generator refuses.

Built once from the real specs (module fixture) and from small spec folders in tmp_path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.specfiles import (
    GET_THINGS,
    PROJECT_RESPONSE,
    body_property,
    get_response,
    paths_spec,
    post_body,
    project_getter,
    response_property,
    spec,
    write_specs,
)
from helpers.raw_specs import spec_operations
from helpers.stages import ir_of, problems_of

from generator import conventions
from generator.cli import main
from generator.ir.examples import example_problems
from generator.ir.model import Api, Operation, Schema
from generator.ir.workflows import input_files_of
from generator.problems import SpecError
from generator.views.python.rules import rule
from magic_hour.core.errors import RequestValidationError
from magic_hour.core.validation import check_request


def build(tmp_path: Path, files: dict[str, str]) -> Api:
    return ir_of(write_specs(tmp_path / "specs", files))


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    return problems_of(ir_of, write_specs(tmp_path / "specs", files))


@pytest.fixture(scope="module")
def api(specs_dir: Path) -> Api:
    return ir_of(specs_dir)


def operation(api: Api, endpoint: str) -> Operation:
    return next(op for op in api.operations if f"{op.http_method} {op.path}" == endpoint)


def expected_role(endpoint: str, raw: dict[str, Any]) -> tuple[str | None, ...]:
    """(creates, reports on, deletes) as the conventions read an operation's tags and path."""
    verb, path = endpoint.split(" ")
    kinds = [
        conventions.PROJECT_TAGS[t] for t in raw.get("tags", []) if t in conventions.PROJECT_TAGS
    ]
    kind = kinds[0] if kinds else None
    on_item = path.endswith("}")
    return (
        kind if verb == "POST" and not on_item else None,
        kind if verb == "GET" and on_item else None,
        kind if verb == "DELETE" and on_item else None,
    )


def test_roles_of_the_real_operations(api: Api) -> None:
    raw = spec_operations()
    roles = {
        f"{op.http_method} {op.path}": (op.project_kind, op.reports_on, op.deletes)
        for op in api.operations
    }
    assert roles == {
        endpoint: expected_role(endpoint, operation) for endpoint, operation in raw.items()
    }
    # One operation hands out upload URLs: the one asked for a list of `items`, each an asset
    # type and extension, that answers a list of `items`, each an upload URL and the file path
    # it gives.
    (upload,) = [op for op in api.operations if op.uploads]
    raw_upload = raw[f"{upload.http_method} {upload.path}"]
    asked = raw_upload["requestBody"]["content"]["application/json"]["schema"]
    assert {"type", "extension"} <= set(asked["properties"]["items"]["items"]["properties"])
    answer = raw_upload["responses"]["200"]["content"]
    items = answer["application/json"]["schema"]["properties"]["items"]["items"]
    assert {"upload_url", "file_path"} <= set(items["properties"])
    # Each create of a project is a workflow, polled by the GET of its kind, and uploading
    # through that operation when it takes input files.
    # Tasks (face detection: no project tag) are polled by the GET of their own item path.
    getters = {op.reports_on: op for op in api.operations if op.reports_on}
    creates = [op for op in api.operations if op.project_kind]
    projects = [w for w in api.workflows if w.create.project_kind]
    tasks = [w for w in api.workflows if not w.create.project_kind]
    assert creates and [w.create for w in projects] == creates
    assert [(w.create.path, w.getter.path, w.outputs) for w in tasks] == [
        ("/v1/face-detection", "/v1/face-detection/{id}", "faces")
    ]
    for workflow in projects:
        assert workflow.getter is getters[workflow.kind]
        assert workflow.outputs == "downloads"
    for workflow in api.workflows:
        assert workflow.uploader is (upload if workflow.input_files else None)
        assert workflow.schedule == conventions.POLL_SCHEDULES[workflow.kind]


def test_operations_come_in_spec_order_and_resources_as_a_tree(api: Api) -> None:
    endpoints = [f"{op.http_method} {op.path}" for op in api.operations]
    assert sorted(endpoints) == sorted(spec_operations())
    assert endpoints == sorted(endpoints, key=lambda endpoint: endpoint.split(" ")[1])
    # A resource for each static segment, under the one before it.
    expected: dict[str, set[str]] = {}
    for endpoint in endpoints:
        segments = [s for s in endpoint.split(" ")[1].split("/") if s and not s.startswith("{")]
        for parent, child in zip(segments, segments[1:]):
            expected.setdefault(parent, set()).add(child)
    tree = {r.segment: [c.segment for c in r.children] for r in api.resources if r.children}
    assert {k: set(v) for k, v in tree.items()} == expected
    assert all(children == sorted(children) for children in tree.values())


def test_api_metadata(api: Api) -> None:
    assert (api.title, api.version, api.base_url) == (
        "Magic Hour API",
        "beta",
        "https://api.magichour.ai",
    )
    assert api.description.startswith("Magic Hour provides an API (beta)")


def test_required_names_without_a_property_do_not_become_fields(api: Api) -> None:
    for endpoint in (
        "POST /v1/ai-gif-generator",
        "POST /v1/ai-image-generator",
        "POST /v1/animation",
    ):
        created = operation(api, endpoint).response_object
        assert created is not None
        assert [(f.wire_name, f.required) for f in created.fields] == [
            ("id", True),
            ("credits_charged", True),
        ]
    video = operation(api, "GET /v1/video-projects/{id}").response_object
    assert video is not None
    wire_names = [f.wire_name for f in video.fields]
    assert "total_frame_cost" not in wire_names and "download" not in wire_names
    assert wire_names == [
        "id",
        "name",
        "status",
        "type",
        "created_at",
        "width",
        "height",
        "enabled",
        "start_seconds",
        "end_seconds",
        "credits_charged",
        "fps",
        "error",
        "downloads",
    ]
    assert all(f.required for f in video.fields)
    image = operation(api, "GET /v1/image-projects/{id}").response_object
    assert image is not None and "frame_cost" not in [f.wire_name for f in image.fields]


def test_a_path_without_a_name_segment_is_a_problem(tmp_path: Path) -> None:
    text = paths_spec(("/{id}", ["get"]))
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:7:5: GET /{id}: a path needs a name segment to become a resource"
    ]


def test_a_path_template_variable_without_a_parameter_is_a_problem(tmp_path: Path) -> None:
    # Without a parameter for `{id}` the client would request the literal URL `/v1/things/{id}`.
    text = spec(GET_THINGS.replace("/v1/things:", "/v1/things/{id}:"))
    with pytest.raises(SpecError) as raised:
        build(tmp_path, {"things.yaml": text})
    [problem] = raised.value.problems
    assert problem.location is not None and problem.location.file == "specs/things.yaml"
    assert "{id}" in problem.message or "'id'" in problem.message


def test_project_kind_comes_from_the_tags_of_create_methods(tmp_path: Path) -> None:
    text = spec(
        f"""\
        paths:
          /v1/clips:
            post:
              tags: [Video Projects]
{PROJECT_RESPONSE}
            get:
              tags: [Video Projects]
              responses:
                '204':
                  description: Done
          /v1/songs:
            post:
              tags: [Files, Audio Projects]
{PROJECT_RESPONSE}
          /v1/notes:
            post:
              tags: [Notes]
              responses:
                '204':
                  description: Done
"""
        + project_getter("/v1/video-projects", "Video Projects")
        + project_getter("/v1/audio-projects", "Audio Projects")
    )
    built = build(tmp_path, {"things.yaml": text})
    kinds = {(op.action, op.path): (op.project_kind, op.reports_on) for op in built.operations}
    assert kinds == {
        (("create",), "/v1/clips"): ("video", None),
        (("list",), "/v1/clips"): (None, None),
        (("create",), "/v1/songs"): ("audio", None),
        (("create",), "/v1/notes"): (None, None),
        (("get",), "/v1/video-projects/{id}"): (None, "video"),
        (("get",), "/v1/audio-projects/{id}"): (None, "audio"),
    }
    assert {w.create.path: (w.kind, w.getter.path) for w in built.workflows} == {
        "/v1/clips": ("video", "/v1/video-projects/{id}"),
        "/v1/songs": ("audio", "/v1/audio-projects/{id}"),
    }
    # Each kind polls on its own schedule, from the conventions.
    assert [w.schedule for w in built.workflows] == [
        conventions.POLL_SCHEDULES["video"],
        conventions.POLL_SCHEDULES["audio"],
    ]


def test_unsupported_construct_in_a_request_body_is_located(tmp_path: Path) -> None:
    text = body_property("value", "not: {type: string}")
    # Line 15 is `                  not: ...`; the key starts in column 19.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:15:19: 'not' is not supported"
    ]


def test_unsupported_construct_in_a_component_is_located_in_its_own_file(tmp_path: Path) -> None:
    uses = post_body("$ref: '#/components/schemas/Thing'")
    defines = spec("""\
        paths: {}
        components:
          schemas:
            Thing:
              type: object
              properties:
                value:
                  not:
                    type: string
        """)
    assert problems(tmp_path, {"a.yaml": uses, "shared.yaml": defines}) == [
        "specs/shared.yaml:12:11: 'not' is not supported"
    ]


def test_unsupported_construct_under_an_unquoted_response_code_is_located(tmp_path: Path) -> None:
    text = response_property("value", "not:\n  type: string")
    # Line 17 is `                    not:`; the key starts in column 21.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:17:21: 'not' is not supported"
    ]


def test_several_spec_problems_are_all_reported(tmp_path: Path) -> None:
    text = paths_spec(("/v1/things/{id}", ["put", "delete"]), ("/v1/gadgets", ["get"]))
    text = text.replace("/v1/gadgets:", "/v1/gadgets/{slot}:")
    text += (
        "  /v1/others:\n"
        "    get:\n"
        "      security:\n"
        "        - nowhere: []\n"
        "      responses:\n"
        "        '204':\n"
        "          description: Done\n"
    )
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:28:5: GET /v1/gadgets/{slot}: the path variable {slot} has no"
        " 'in: path' parameter",
        "specs/things.yaml:35:11: security scheme 'nowhere' is not defined in"
        " components/securitySchemes",
    ]


def test_a_request_body_ref_to_something_else_is_a_located_problem(tmp_path: Path) -> None:
    text = spec("""\
        paths:
          /v1/things:
            post:
              requestBody:
                $ref: '#/components/schemas/Thing'
              responses:
                '204':
                  description: done
        components:
          schemas:
            Thing:
              type: object
        """)
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:16:7: this $ref must point at a request body"
    ]


def test_a_project_kind_without_a_getter_is_a_located_warning(tmp_path: Path) -> None:
    # A maintainer adding one file at a time gets the create, and is told what it lacks.
    text = spec(f"""\
        paths:
          /v1/clips:
            post:
              tags: [Video Projects]
{PROJECT_RESPONSE}""")
    built = build(tmp_path, {"clips.yaml": text})
    assert [op.path for op in built.operations] == ["/v1/clips"]
    assert built.workflows == []
    assert [str(w) for w in built.warnings] == [
        "specs/clips.yaml:7:5: warning: POST /v1/clips creates video projects, but no GET on an"
        " item path tagged 'Video Projects' reports on them: it gets no `generate`"
    ]


def test_generate_needs_an_id_from_create_and_a_status_from_the_project_getter(
    tmp_path: Path,
) -> None:
    text = spec("""\
        paths:
          /v1/clips:
            post:
              tags: [Video Projects]
              responses:
                '200':
                  description: Done
                  content:
                    application/json:
                      schema: {type: object, properties: {name: {type: string}}}
""" + project_getter("/v1/video-projects", "Video Projects"))
    assert problems(tmp_path, {"clips.yaml": text}) == [
        "specs/clips.yaml:7:5: POST /v1/clips: `generate` needs 'id' in the JSON response"
    ]


def test_asset_fields_and_their_upload_types(tmp_path: Path) -> None:
    text = spec(f"""\
        paths:
          /v1/clips:
            post:
              tags: [Video Projects]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        image_file_path: {{type: string}}
                        assets:
                          type: object
                          properties:
                            video_file_path: {{type: string}}
                            target_file_path: {{type: string}}
                            frames:
                              type: array
                              items: {{type: object, properties: {{image_file_path: {{type: string}}}}}}
{PROJECT_RESPONSE}
          /v1/files/upload-urls:
            post:
              tags: [Files]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        items:
                          type: array
                          items:
                            type: object
                            properties:
                              type: {{type: string, enum: [video, image]}}
                              extension: {{type: string}}
              responses:
                '200':
                  description: Done
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          items:
                            type: array
                            items:
                              type: object
                              properties:
                                upload_url: {{type: string}}
                                file_path: {{type: string}}
""" + project_getter("/v1/video-projects", "Video Projects"))
    (workflow,) = build(tmp_path, {"clips.yaml": text}).workflows
    # Found by its request and its answer, whatever its tags or name.
    assert workflow.uploader is not None and workflow.uploader.path == "/v1/files/upload-urls"
    assert [(f.path, f.asset_type) for f in workflow.input_files] == [
        (("image_file_path",), "image"),
        (("assets", "video_file_path"), "video"),
        (("assets", "target_file_path"), None),
        (("assets", "frames", "[]", "image_file_path"), "image"),
    ]


def test_input_files_by_wording_in_lists_and_their_asset_types(tmp_path: Path) -> None:
    wording = (
        "This value is either - a direct URL to the video file - `file_path` field from the"
        " response of the [upload urls API](https://example.com/upload)."
    )
    body = f"""\
        type: object
        properties:
          image_file_paths: {{type: array, items: {{type: string}}}}
          background_image_file_path: {{type: string}}
          person_file_path:
            type: string
            description: The image with the person. {wording}
          target_file_path:
            type: string
            description: The image or video where the face is. {wording}
          mappings:
            type: array
            items:
              type: object
              properties:
                new_face: {{type: string, description: "The face image to use. {wording}"}}
                original_face: {{type: string, description: The face found in the image.}}
          prompt: {{type: string, description: An image of a cat.}}
        """
    fields = input_files_of(_schema(tmp_path, body), {"image", "video", "audio"})
    assert [(f.path, f.asset_type) for f in fields] == [
        (("image_file_paths", "[]"), "image"),
        (("background_image_file_path",), "image"),
        (("person_file_path",), "image"),
        (("target_file_path",), None),
        (("mappings", "[]", "new_face"), "image"),
    ]


def _schema(tmp_path: Path, body: str) -> Schema:
    """The request body schema of a spec whose only operation takes `body`."""
    (op,) = build(tmp_path, {"things.yaml": post_body(body)}).operations
    assert op.body is not None
    return op.body


def test_an_object_without_properties_has_an_empty_example(tmp_path: Path) -> None:
    text = get_response("""\
        schema:
          type: object
          required: [meta]
          properties:
            meta: {type: object}
        """)
    (op,) = build(tmp_path, {"things.yaml": text}).operations
    assert op.response_example == {"meta": {}}


def test_a_required_property_the_spec_does_not_define_is_optional_and_warned_of(
    tmp_path: Path,
) -> None:
    # The real API's deprecated `frame_cost`: gone from `properties`, still in `required`; typed
    # by the object's example where it has one.
    content = """\
        schema:
          type: object
          properties:
            id: {type: string}
          required:
            - id
            - frame_cost
            - download
          example: {id: abc, frame_cost: 3}
        """
    built = build(tmp_path, {"things.yaml": get_response(content)})
    [operation] = built.operations
    answer = operation.response.schema if operation.response else None
    assert answer is not None and answer.object is not None
    fields = {f.wire_name: f for f in answer.object.fields}
    assert {name: (f.required, f.schema.kind) for name, f in fields.items()} == {
        "id": (True, "string"),
        "frame_cost": (False, "integer"),
        "download": (False, "any"),
    }
    frame_cost = fields["frame_cost"].schema
    assert (frame_cost.example, frame_cost.has_example) == (3, True)
    # What the mock server answers with.
    assert operation.response_example == {"id": "abc", "frame_cost": 3}
    assert [str(w) for w in built.warnings] == [
        "specs/things.yaml:19:21: warning: 'required' names 'frame_cost', which 'properties'"
        " does not define: modelled as an optional field of type integer",
        "specs/things.yaml:20:21: warning: 'required' names 'download', which 'properties'"
        " does not define: modelled as an optional field of any type",
    ]


def test_an_operation_asked_for_other_items_does_not_hand_out_upload_urls(tmp_path: Path) -> None:
    # Its answer is an upload URL's, but the client could not ask it for one: not the uploader.
    answer = """\
        schema:
          type: object
          properties:
            items:
              type: array
              items:
                type: object
                properties:
                  upload_url: {type: string}
                  file_path: {type: string}
        """
    for asked in (
        "{files: {type: array, items: {type: object, properties: {type: {type: string},"
        " extension: {type: string}}}}}",
        "{items: {type: array, items: {type: object, properties: {name: {type: string}}}}}",
    ):
        text = get_response(answer).replace(
            "get:",
            f"""post:
      requestBody:
        content:
          application/json:
            schema: {{type: object, properties: {asked}}}""",
            1,
        )
        [operation] = build(tmp_path / asked[:5], {"things.yaml": text}).operations
        assert operation.http_method == "POST" and operation.body is not None
        assert not operation.uploads


def test_unknown_schema_keywords_are_located_warnings(tmp_path: Path) -> None:
    # A typo of `required`, a keyword of another OpenAPI version, and one in an `allOf` part;
    # an `x-` extension is the spec's own business.
    text = post_body("""\
        type: object
        requried: [name]
        properties:
          name: {type: string, examples: [a], x-internal: true}
          size:
            allOf:
              - type: object
                properties:
                  width: {type: integer}
                nulable: true
        """)
    built = build(tmp_path, {"things.yaml": text})
    assert [str(w) for w in built.warnings] == [
        "specs/things.yaml:13:15: warning: unknown schema keyword 'requried' is ignored"
        " (did you mean 'required'?)",
        "specs/things.yaml:15:38: warning: unknown schema keyword 'examples' is ignored"
        " (did you mean 'example'?)",
        "specs/things.yaml:21:23: warning: unknown schema keyword 'nulable' is ignored"
        " (did you mean 'nullable'?)",
    ]
    # The generator goes on: the body is built, `name` is not required.
    (op,) = built.operations
    assert op.body is not None
    assert [(f.wire_name, f.required) for f in op.body.fields] == [("name", False), ("size", False)]


def test_an_example_that_breaks_its_own_schema_is_a_located_warning_and_not_used(
    tmp_path: Path,
) -> None:
    text = spec("""\
        paths:
          /v1/things:
            post:
              parameters:
                - name: limit
                  in: query
                  schema: {type: integer, maximum: 10}
                  example: 50
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        format: {type: string, enum: [jpg, webp], example: png}
                        name: {type: string, minLength: 3, example: ab}
                        count: {type: integer, example: "3"}
                        good: {type: string, enum: [jpg], example: jpg}
                        style:
                          type: object
                          properties:
                            prompt: {type: string}
                          required: [prompt]
                          example: {prompt: 3, mood: calm}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id]
                        properties:
                          id: {type: string}
                      example: {}
        """)
    built = build(tmp_path, {"things.yaml": text})
    assert [str(w) for w in built.warnings] == [
        "specs/things.yaml:12:20: warning: the example breaks its own schema: must be at most"
        " 10, got 50; it is not used",
        "specs/things.yaml:19:68: warning: the example breaks its own schema: must be one of"
        ' "jpg", "webp", got "png"; it is not used',
        "specs/things.yaml:20:61: warning: the example breaks its own schema: must be at least"
        " 3 characters long; it is not used",
        "specs/things.yaml:21:49: warning: the example breaks its own schema: must be an"
        ' integer, got "3"; it is not used',
        "specs/things.yaml:28:37: warning: the example.prompt breaks its own schema: must be a"
        " string, got 3; it is not used",
        "specs/things.yaml:28:46: warning: the example.mood breaks its own schema: is not a"
        ' field of this object (fields: "prompt"); it is not used',
        "specs/things.yaml:39:24: warning: the example breaks its own schema: lacks the required"
        ' field "id"; it is not used',
    ]
    # Neither the docs nor the mock server show a value the client refuses; a good one stays.
    (op,) = built.operations
    assert op.body is not None and op.parameters[0].example is None
    examples = {f.wire_name: (f.schema.has_example, f.schema.example) for f in op.body.fields}
    assert examples == {
        "format": (False, None),
        "name": (False, None),
        "count": (False, None),
        "good": (True, "jpg"),
        "style": (False, None),
    }
    assert op.response_example == {"id": "string"}


# One property per rule the client checks; each value below is tried as an example of it.
_RULES_BODY = """\
    type: object
    properties:
      format: {type: string, enum: [jpg, webp]}
      name: {type: string, minLength: 2, maxLength: 4, pattern: "^[a-z]+$"}
      count: {type: integer, minimum: 1, maximum: 10, exclusiveMaximum: true, multipleOf: 3}
      ratio: {type: number, nullable: true}
      tags: {type: array, items: {type: string}, minItems: 1, uniqueItems: true}
      style:
        type: object
        properties:
          prompt: {type: string}
        required: [prompt]
      open: {type: object, additionalProperties: {type: integer}}
      either:
        oneOf:
          - {type: integer}
          - {type: number}
"""
_EXAMPLES = [
    ("format", "jpg"),
    ("format", "png"),
    ("name", "ab"),
    ("name", "a"),
    ("name", "abcde"),
    ("name", "AB"),
    ("count", 3),
    ("count", 3.0),
    ("count", 9),
    ("count", 0),
    ("count", 12),
    ("count", 4),
    ("count", True),
    ("ratio", None),
    ("ratio", "1"),
    ("tags", ["a"]),
    ("tags", []),
    ("tags", ["a", "a"]),
    ("tags", [1]),
    ("style", {"prompt": "cat"}),
    ("style", {}),
    ("style", {"prompt": "cat", "mood": "calm"}),
    ("open", {"a": 1}),
    ("open", {"a": "1"}),
    ("either", "x"),
    ("either", 1.5),
    ("either", 1),  # an integer is a number too: two `oneOf` variants match
]


def test_an_example_breaks_its_schema_exactly_when_the_client_refuses_it(tmp_path: Path) -> None:
    body = _schema(tmp_path, _RULES_BODY)
    body_rule = rule(body)
    verdicts = {}
    for name, value in _EXAMPLES:
        try:
            check_request(
                parameters=None, parameters_rule=None, body={name: value}, body_rule=body_rule
            )
            refused = False
        except RequestValidationError:
            refused = True
        warned = bool(example_problems({name: value}, body))
        verdicts[(name, repr(value))] = (warned, refused)
    assert all(warned == refused for warned, refused in verdicts.values()), verdicts
    # Both ways are exercised.
    assert {warned for warned, _ in verdicts.values()} == {True, False}


def test_the_command_line_prints_each_warning_and_writes_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = write_specs(
        tmp_path / "specs",
        {"things.yaml": body_property("format", "{type: string, enum: [jpg], example: png}")},
    )
    output = tmp_path / "out"
    arguments = ["--specs", str(specs), "--output", str(output), "--no-cache"]
    assert main(arguments) == 0
    warning = (
        f"{specs}/things.yaml:15:56: warning: the example breaks its own schema: must be one of"
        ' "jpg", got "png"; it is not used'
    )
    assert warning in capsys.readouterr().err.splitlines()
    assert (output / "magic_hour" / "resources" / "v1" / "things" / "README.md").is_file()
