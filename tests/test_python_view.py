"""Stage 3, the Python view (generator/views/python/): every name, type, rule and docstring.

Built once from the real specs (module fixture) and from small spec folders in tmp_path.
"""

from __future__ import annotations

import ast
import keyword
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers.specfiles import (
    PROJECT_RESPONSE,
    body_property,
    paths_spec,
    post_body,
    project_getter,
    spec,
    write_specs,
)
from helpers.raw_specs import file_operations, spec_files, spec_operations
from helpers.stages import problems_of, python_view_of

from generator.naming import pascal, snake, words
from generator.views.python import PyApi
from generator.views.python.docstrings import prose_conditions
from generator.views.python.names import KEY_RESERVED, MODEL_RESERVED, RESERVED, python_name
from generator.views.python.rules import rule
from generator.views.python.source import docstring_text, python_literal
from generator.views.python.types import MODELS, PyClass
from magic_hour.core.validation import to_wire


def build(tmp_path: Path, files: dict[str, str]) -> PyApi:
    return python_view_of(write_specs(tmp_path / "specs", files))


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    return problems_of(python_view_of, write_specs(tmp_path / "specs", files))


@pytest.fixture(scope="module")
def api(specs_dir: Path) -> PyApi:
    return python_view_of(specs_dir)


def params_class(api: PyApi, name: str) -> PyClass:
    return next(c for c in api.params_classes if c.name == name)


def model_class(api: PyApi, name: str) -> PyClass:
    return next(c for c in api.model_classes if c.name == name)


def fields(cls: PyClass) -> dict[str, Any]:
    return {f.wire_name: f for f in cls.fields}


# -- resources and methods of the real API --------------------------------------------------


RAW = spec_operations()
METHOD_BY_VERB = {("POST", False): "create", ("GET", True): "get", ("DELETE", True): "delete"}


def segments(path: str) -> list[str]:
    """The static segments of a path: the resources it is under."""
    return [s for s in path.split("/") if s and not s.startswith("{")]


def method_of(endpoint: str) -> str:
    verb, path = endpoint.split(" ")
    return METHOD_BY_VERB[(verb, path.endswith("}"))]


def class_stem(endpoint: str) -> str:
    """`V1AiGifGeneratorCreate`: the published SDK's names start so for an operation."""
    path = endpoint.split(" ")[1]
    return pascal([w for s in segments(path) for w in words(s)]) + pascal([method_of(endpoint)])


def test_resources_and_their_access_paths(api: PyApi) -> None:
    # A client for every static segment of every path, named after it.
    expected = {}
    for endpoint in RAW:
        parts = segments(endpoint.split(" ")[1])
        for depth in range(1, len(parts) + 1):
            attributes = [p.replace("-", "_") for p in parts[:depth]]
            expected[f"client.{'.'.join(attributes)}"] = (
                pascal(words(parts[depth - 1])) + "Client",
                "magic_hour.resources." + ".".join(attributes),
            )
    found = {r.access_path: (r.class_name, r.module) for r in api.resources}
    assert found == expected
    assert [r.access_path for r in api.resources] == sorted(found)
    assert [c.attribute for c in api.root.children] == ["v1"]
    files = next(r for r in api.resources if r.access_path == "client.v1.files")
    assert files.directory == "magic_hour/resources/v1/files"
    assert [c.attribute for c in files.children] == ["upload_urls"]


def test_methods_of_each_resource(specs_dir: Path, api: PyApi) -> None:
    # Each operation is a method named by its verb, on the client of its path, from its file.
    expected: dict[str, set[tuple[str, str, str, str]]] = {
        r.access_path: set() for r in api.resources
    }
    for file in spec_files(specs_dir):
        for endpoint in file_operations(file):
            verb, path = endpoint.split(" ")
            access_path = "client." + ".".join(p.replace("-", "_") for p in segments(path))
            expected[access_path].add((method_of(endpoint), verb, path, f"specs/{file.name}"))
    found = {
        r.access_path: {
            (op.method_name, op.http_method, op.path, op.operation.file) for op in r.operations
        }
        for r in api.resources
    }
    assert found == expected


def test_request_and_response_classes_of_each_operation(api: PyApi) -> None:
    for op in api.operations:
        endpoint = f"{op.http_method} {op.path}"
        raw = RAW[endpoint]
        assert op.body_params_class == (
            f"{class_stem(endpoint)}Body" if "requestBody" in raw else None
        )
        successes = sorted(code for code in map(str, raw["responses"]) if code.startswith("2"))
        assert op.operation.success_status == int(successes[0])
        json_body = raw["responses"][successes[0]].get("content", {}).get("application/json")
        properties = (json_body or {}).get("schema", {}).get("properties")
        assert op.response_model == (f"{class_stem(endpoint)}Response" if properties else None)


def test_nested_classes_are_named_after_their_parent_and_field(api: PyApi) -> None:
    # `V1AiGifGeneratorCreateBodyStyle` for `style`; each level of array items adds `Item`.
    # (The real specs define their schemas inline: no class is named after a component.)
    nested_count = 0
    for cls in [*api.params_classes, *api.model_classes]:
        for f in cls.fields:
            schema, suffix = f.schema, pascal(words(f.wire_name))
            while schema.items is not None:
                schema, suffix = schema.items, suffix + "Item"
            nested = api.classes.class_of(schema, cls.side)
            if nested is not None:
                nested_count += 1
                # (A `generate` variant names its own variants of the classes inside it.)
                assert re.search(rf"\b{cls.name + suffix}\b", f.type), (cls.name, f.wire_name)
    assert nested_count


def test_generate_takes_assets_whose_file_fields_take_local_files(api: PyApi) -> None:
    # As the published SDK: `V1FaceSwapGenerateBodyAssets`, and the variants inside it.
    face_swap = next(op for op in api.operations if op.path == "/v1/face-swap")
    assert face_swap.workflow is not None
    (assets,) = [a for a in face_swap.workflow.arguments if a.wire_name == "assets"]
    assert assets.type == "V1FaceSwapGenerateBodyAssets"
    variant = params_class(api, "V1FaceSwapGenerateBodyAssets")
    created = params_class(api, "V1FaceSwapCreateBodyAssets")
    assert [f.py_name for f in variant.fields] == [f.py_name for f in created.fields]
    by_name = {f.py_name: f for f in variant.fields}
    assert "local file" in by_name["video_file_path"].doc
    assert "local file" not in by_name["video_source"].doc
    assert by_name["face_mappings"].type == (
        "typing.List[V1FaceSwapGenerateBodyAssetsFaceMappingsItem]"
    )
    item = params_class(api, "V1FaceSwapGenerateBodyAssetsFaceMappingsItem")
    assert "local file" in {f.py_name: f for f in item.fields}["new_face"].doc
    # `create` keeps the spec's own classes.
    (created_assets,) = [a for a in face_swap.arguments if a.wire_name == "assets"]
    assert created_assets.type == "V1FaceSwapCreateBodyAssets"


def test_path_parameter_of_the_item_endpoints(api: PyApi) -> None:
    # Every operation on an item path takes the item's id, as a required path argument.
    endpoints = [op for op in api.operations if op.path.endswith("/{id}")]
    assert endpoints
    for op in endpoints:
        assert [
            (a.wire_name, a.py_name, a.location, a.required, a.annotation)
            for a in op.arguments_in("path")
        ] == [("id", "id", "path", True, "str")]
        assert op.parameters_rule is not None
        assert op.parameters_rule["properties"]["id"] == {"type": "string"}
        assert "id" in op.parameters_rule["required"]


def test_error_classes_come_from_the_spec_plus_429_and_5xx(api: PyApi) -> None:
    documented = {
        int(code)
        for raw in RAW.values()
        for code in map(str, raw["responses"])
        if code.isdigit() and 400 <= int(code) < 500
    }
    statuses = [e.status for e in api.error_classes]
    assert statuses == [*sorted(documented | {429}), None]
    names = {e.status: e.name for e in api.error_classes}
    assert (names[404], names[429], names[None]) == (
        "NotFoundError",
        "TooManyRequestsError",
        "InternalServerError",
    )
    assert api.error_classes[0].description.startswith(f"The API answered {statuses[0]} ")
    for op in api.operations:
        raw_statuses = sorted(
            int(code)
            for code in map(str, RAW[f"{op.http_method} {op.path}"]["responses"])
            if code.isdigit() and int(code) >= 400
        )
        assert op.operation.error_statuses == raw_statuses


# -- class names ----------------------------------------------------------------------------


def test_class_names_and_modules(api: PyApi) -> None:
    # Every request body and response of an operation is a class named by the published SDK's
    # rule; the class `generate` returns is its getter's, with downloads.
    params = {c.name for c in api.params_classes}
    models = {c.name for c in api.model_classes}
    for op in api.operations:
        if op.body_params_class:
            assert op.body_params_class in params
        if op.response_model:
            assert op.response_model in models
        if op.workflow:
            assert (
                op.workflow.result_model
                == f"{op.workflow.getter_method.response_model}WithDownloads"
            )
            assert op.workflow.result_model in models
    assert [c.name for c in api.params_classes] == sorted(params)
    assert [c.name for c in api.model_classes] == sorted(models)


def test_every_module_is_the_snake_case_of_its_class(api: PyApi) -> None:
    for cls in [*api.params_classes, *api.model_classes]:
        assert cls.module == snake(words(cls.name))
        assert pascal(words(cls.module)) == cls.name


def test_nested_classes_are_referenced_and_imported(api: PyApi) -> None:
    gif = fields(params_class(api, "V1AiGifGeneratorCreateBody"))
    assert gif["style"].type == "V1AiGifGeneratorCreateBodyStyle"
    assert params_class(api, "V1AiGifGeneratorCreateBody").imports == [
        "from magic_hour.types.params.v1_ai_gif_generator_create_body_style"
        " import V1AiGifGeneratorCreateBodyStyle"
    ]
    upload = fields(params_class(api, "V1FilesUploadUrlsCreateBody"))
    assert upload["items"].type == "typing.List[V1FilesUploadUrlsCreateBodyItemsItem]"
    animation = fields(params_class(api, "V1AnimationCreateBody"))
    assert animation["assets"].type == "V1AnimationCreateBodyAssets"

    image = fields(model_class(api, "V1ImageProjectsGetResponse"))
    assert image["downloads"].type == "typing.List[V1ImageProjectsGetResponseDownloadsItem]"
    assert image["error"].type == "typing.Optional[V1ImageProjectsGetResponseError]"
    assert model_class(api, "V1ImageProjectsGetResponse").imports == [
        "from magic_hour.types.models.v1_image_projects_get_response_downloads_item"
        " import V1ImageProjectsGetResponseDownloadsItem",
        "from magic_hour.types.models.v1_image_projects_get_response_error"
        " import V1ImageProjectsGetResponseError",
    ]
    resource = next(r for r in api.resources if r.access_path == "client.v1.image_projects")
    types = [line for line in resource.imports[-1] if ".types." in line]
    # Its get's answer, and what its `check_result` returns.
    assert types == [
        "from magic_hour.types.models.v1_image_projects_get_response"
        " import V1ImageProjectsGetResponse",
        "from magic_hour.types.models.v1_image_projects_get_response_with_downloads"
        " import V1ImageProjectsGetResponseWithDownloads",
    ]


def test_a_client_module_imports_what_it_uses_in_three_groups(api: PyApi) -> None:
    by_path = {r.access_path: r for r in api.resources}
    standard, libraries, package = by_path["client.v1.animation"].imports
    assert standard == ["import os", "import typing"]
    assert libraries == ["import typing_extensions"]
    assert "from magic_hour.core.assets import AssetField" in package
    assert (
        "from magic_hour.resources.v1.video_projects.client"
        " import AsyncVideoProjectsClient, VideoProjectsClient"
    ) in package
    # A resource with sub-resources imports their clients lazily; `files` has `upload_file`,
    # which uses its sub-resource's upload operation.
    assert by_path["client.v1.image_projects"].imports[0] == ["import os", "import typing"]
    standard, package = by_path["client.v1.files"].imports
    assert standard == ["import functools", "import typing"]
    assert package == [
        "from magic_hour import conventions",
        "from magic_hour.core.assets import FileSource",
        "from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient",
        "from magic_hour.core.request_options import RequestOptions",
        "from magic_hour.core.workflow import AsyncUploads, SyncUploads",
        "from magic_hour.resources.v1.files.upload_urls.client"
        " import AsyncUploadUrlsClient, UploadUrlsClient",
    ]


# -- the `type` field and other awkward names -------------------------------------------------


def test_type_field_becomes_type_underscore_and_keeps_its_wire_name(api: PyApi) -> None:
    item = params_class(api, "V1FilesUploadUrlsCreateBodyItemsItem")
    assert [(f.wire_name, f.py_name) for f in item.fields] == [
        ("type", "type_"),
        ("extension", "extension"),
    ]
    # The TypedDict is keyed as the published SDK spells it; the rule sends `type_` as `type`.
    assert [f.annotation.split("[")[0] for f in item.fields] == [
        "typing_extensions.Required",
        "typing_extensions.Required",
    ]
    for name in ("V1ImageProjectsGetResponse", "V1VideoProjectsGetResponse"):
        assert fields(model_class(api, name))["type"].py_name == "type_"
    body_rule = next(op.body_rule for op in api.operations if op.path == "/v1/files/upload-urls")
    assert body_rule is not None
    assert set(body_rule["properties"]["items"]["items"]["properties"]) == {"type", "extension"}
    assert body_rule["properties"]["items"]["items"]["keys"] == {"type_": "type"}


def test_a_python_key_is_never_another_fields_wire_key(tmp_path: Path) -> None:
    # `searchWeb` would be spelled `search_web` in Python, which is the other property's wire
    # name: it takes `search_web_`, so that each key, given either way, is one field.
    text = body_property(
        "style",
        """\
        type: object
        properties:
          searchWeb: {type: boolean}
          search_web: {type: string}
        """,
    )
    op = build(tmp_path, {"things.yaml": text}).operations[0]
    rule = op.body_rule["properties"]["style"] if op.body_rule else {}
    assert rule["keys"] == {"search_web_": "searchWeb"}
    sent = to_wire({"style": {"search_web_": True, "search_web": "x"}}, op.body_rule or {})
    assert sent == {"style": {"searchWeb": True, "search_web": "x"}}


AWKWARD_PROPERTIES = """\
type: {type: string}
class: {type: string}
from: {type: string}
json: {type: string}
self: {type: string}
content-type: {type: string}
a.b: {type: string}
with space: {type: string}
2fa: {type: string}
Name: {type: string}
name: {type: string}
NAME: {type: string}
model_config: {type: string}
request_options: {type: string}
"""


def _awkward_api(tmp_path: Path) -> PyApi:
    text = spec("""\
        paths:
          /v1/things:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/In'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Out'
        components:
          schemas:
        """)
    for name in ("In", "Out"):
        text += f"    {name}:\n      type: object\n      properties:\n"
        text += textwrap.indent(AWKWARD_PROPERTIES, " " * 8)
    return build(tmp_path, {"things.yaml": text})


WIRE_NAMES = [
    "type",
    "class",
    "from",
    "json",
    "self",
    "content-type",
    "a.b",
    "with space",
    "2fa",
    "Name",
    "name",
    "NAME",
    "model_config",
    "request_options",
]


def test_awkward_property_names_get_unique_valid_identifiers(tmp_path: Path) -> None:
    built = _awkward_api(tmp_path)
    request, response = params_class(built, "In"), model_class(built, "Out")
    operation = built.operations[0]
    for names in (
        [(f.wire_name, f.py_name) for f in request.fields],
        [(f.wire_name, f.py_name) for f in response.fields],
        [(a.wire_name, a.py_name) for a in operation.arguments],
    ):
        assert [wire for wire, _ in names] == WIRE_NAMES
        py_names = [py for _, py in names]
        assert len(set(py_names)) == len(py_names)
        for py in py_names:
            assert py.isidentifier() and not keyword.iskeyword(py) and not keyword.issoftkeyword(py)
    assert all(a.py_name not in RESERVED for a in operation.arguments)
    # A TypedDict's keys need only keep clear of keywords (and `type`, as the published SDK).
    assert all(f.py_name not in KEY_RESERVED for f in request.fields)
    assert [f.py_name for f in request.fields] == [
        "type_",
        "class_",
        "from_",
        "json",
        "self",
        "content_type",
        "a_b",
        "with_space",
        "field_2fa",
        # `Name` is not `name`: that is the next property's wire name.
        "name_",
        "name",
        "name__",
        "field_model_config",
        "request_options",
    ]
    # A response model must not shadow pydantic.BaseModel attributes such as `json`.
    assert fields(response)["json"].py_name == "json_"
    assert all(f.py_name not in MODEL_RESERVED for f in response.fields)


# -- naming unit tests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aiGifGenerator", ["ai", "gif", "generator"]),
        ("ai-gif-generator", ["ai", "gif", "generator"]),
        ("AI_GIF generator", ["ai", "gif", "generator"]),
        ("upload-urls", ["upload", "urls"]),
        ("V1", ["v1"]),
        ("HTTPResponse", ["http", "response"]),
        ("image_file_path", ["image", "file", "path"]),
        ("content-type", ["content", "type"]),
        ("a.b c", ["a", "b", "c"]),
        ("2fa", ["2fa"]),
        ("---", []),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_pascal_and_snake_of_the_same_words_agree() -> None:
    parts = words("v1/files/upload-urls create body items item")
    assert pascal(parts) == "V1FilesUploadUrlsCreateBodyItemsItem"
    assert snake(parts) == "v1_files_upload_urls_create_body_items_item"


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("name", "name"),
        ("imageFilePath", "image_file_path"),
        ("type", "type_"),
        ("class", "class_"),
        ("from", "from_"),
        ("match", "match_"),
        ("self", "self_"),
        ("request_options", "request_options_"),
        ("content-type", "content_type"),
        ("a.b", "a_b"),
        ("with space", "with_space"),
        ("2fa", "field_2fa"),
        ("123", "field_123"),
        ("model_config", "field_model_config"),
        ("-", "field"),
        ("", "field"),
    ],
)
def test_python_name(wire: str, expected: str) -> None:
    taken: set[str] = set()
    assert python_name(wire, taken) == expected
    assert taken == {expected}
    assert expected.isidentifier() and not keyword.iskeyword(expected)


def test_python_name_is_unique_within_its_taken_set() -> None:
    taken: set[str] = set()
    names = [
        python_name(w, taken) for w in ["name", "Name", "NAME", "na-me", "type", "type_", "-", "$"]
    ]
    assert names == ["name", "name_", "name__", "na_me", "type_", "type__", "field", "field_"]
    assert taken == set(names)


def test_python_name_for_models_avoids_base_model_attributes() -> None:
    assert python_name("json", set()) == "json"
    assert python_name("json", set(), MODEL_RESERVED) == "json_"
    assert python_name("copy", set(), MODEL_RESERVED) == "copy_"
    assert python_name("model_fields", set(), MODEL_RESERVED) == "field_model_fields"


# -- spec warts -----------------------------------------------------------------------------


def test_a_required_name_without_a_property_is_an_optional_argument_of_any_type(
    tmp_path: Path,
) -> None:
    # The IR warns of it (test_ir.py); the client takes it and sends it as it is given.
    text = post_body("""\
        type: object
        properties:
          prompt:
            type: string
          size:
            type: integer
        required:
          - prompt
          - ghost
        """)
    op = build(tmp_path, {"things.yaml": text}).operations[0]
    assert [(a.wire_name, a.required, a.annotation) for a in op.arguments] == [
        ("prompt", True, "str"),
        ("size", False, "typing.Union[typing.Optional[int], NotGiven]"),
        ("ghost", False, "typing.Union[typing.Any, NotGiven]"),
    ]
    assert op.body_rule == {
        "type": "object",
        "properties": {"prompt": {"type": "string"}, "size": {"type": "integer"}, "ghost": {}},
        "required": ["prompt"],
        "additionalProperties": False,
    }


def test_enum_values_that_are_not_identifiers_appear_verbatim(api: PyApi) -> None:
    image = fields(params_class(api, "V1AiImageGeneratorCreateBody"))
    assert image["aspect_ratio"].type == 'typing_extensions.Literal["1:1", "16:9", "9:16"]'
    assert image["resolution"].type == (
        'typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]'
    )
    assert rule(image["resolution"].schema) == {
        "type": "string",
        "enum": ["auto", "640px", "1k", "2k", "4k"],
    }
    # The response side also takes values this client does not know yet.
    assert api.classes.annotation(image["aspect_ratio"].schema, MODELS) == (
        'typing.Union[typing_extensions.Literal["1:1", "16:9", "9:16"], str]'
    )
    style = fields(params_class(api, "V1AnimationCreateBodyStyle"))
    camera = style["camera_effect"].schema
    assert '"Zoom In - Audio Sync"' in style["camera_effect"].type
    assert "Zoom In - Audio Sync" in (camera.enum or [])
    assert (
        style["camera_effect"].type
        == "typing_extensions.Literal["
        + ", ".join(python_literal(v) for v in camera.enum or [])
        + "]"
    )
    assert '"3D Render"' in style["art_style"].type


# -- method naming rules on small specs -----------------------------------------------------


def test_method_names_follow_the_verb_and_path_rules(tmp_path: Path) -> None:
    text = paths_spec(
        ("/v1/things", ["get", "post"]),
        ("/v1/things/{id}", ["get", "put", "delete"]),
        ("/v1/gadgets", ["delete"]),
        ("/v1/gadgets/{id}", ["patch"]),
        ("/v1/things/{id}/parts", ["post", "get"]),
    )
    built = build(tmp_path, {"things.yaml": text})
    found = {
        r.access_path: sorted((op.method_name, op.http_method, op.path) for op in r.operations)
        for r in built.resources
    }
    assert found == {
        "client.v1": [],
        "client.v1.gadgets": [
            ("delete", "DELETE", "/v1/gadgets"),
            ("update", "PATCH", "/v1/gadgets/{id}"),
        ],
        "client.v1.things": [
            ("create", "POST", "/v1/things"),
            ("delete", "DELETE", "/v1/things/{id}"),
            ("get", "GET", "/v1/things/{id}"),
            ("list", "GET", "/v1/things"),
            ("update", "PUT", "/v1/things/{id}"),
        ],
        "client.v1.things.parts": [
            ("create", "POST", "/v1/things/{id}/parts"),
            ("list", "GET", "/v1/things/{id}/parts"),
        ],
    }


def test_post_on_an_item_takes_its_name_from_the_operation_id(tmp_path: Path) -> None:
    text = paths_spec(("/v1/things/{id}", ["post"]), operation_id="things.cancelRender")
    built = build(tmp_path, {"things.yaml": text})
    assert [(op.method_name, op.http_method) for op in built.operations] == [
        ("cancel_render", "POST")
    ]


@pytest.mark.parametrize("action", ["generate", "checkResult", "uploadFile"])
def test_an_operation_leaves_the_written_methods_their_names(tmp_path: Path, action: str) -> None:
    # A resource may get `generate`, `check_result` or `upload_file` of its own.
    text = paths_spec(("/v1/things/{id}", ["post"]), operation_id=f"things.{action}")
    [op] = build(tmp_path, {"things.yaml": text}).operations
    assert op.method_name == f"{snake(words(action))}_"


def test_a_verb_without_a_name_rule_or_operation_id_names_the_method(tmp_path: Path) -> None:
    text = paths_spec(("/v1/things/{id}", ["post"]))
    built = build(tmp_path, {"things.yaml": text})
    assert [(op.method_name, op.http_method) for op in built.operations] == [("post", "POST")]


def test_two_operations_on_one_method_name_clash(tmp_path: Path) -> None:
    # PUT (line 7) and PATCH (line 17) of one item both would be `update`.
    text = paths_spec(("/v1/things/{id}", ["put", "patch"]))
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:17:5: PATCH /v1/things/{id} would be client.v1.things.update, "
        "already taken by specs/things.yaml:7:5"
    ]


def test_a_clash_across_files_names_both_files(tmp_path: Path) -> None:
    first = paths_spec(("/v1/things/{id}", ["get"]))
    second = paths_spec(("/v1/things/{thing_id}", ["get"])).replace("name: id", "name: thing_id")
    assert problems(tmp_path, {"a.yaml": first, "b.yaml": second}) == [
        "specs/b.yaml:7:5: GET /v1/things/{thing_id} would be client.v1.things.get, already taken by specs/a.yaml:7:5"
    ]


def test_path_level_parameters_become_arguments(tmp_path: Path) -> None:
    # OpenAPI lets a path item declare the parameters all its operations share.
    text = spec("""\
        paths:
          /v1/things/{id}:
            parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: string
            get:
              responses:
                '204':
                  description: Done
        """)
    op = build(tmp_path, {"things.yaml": text}).operations[0]
    assert [(a.wire_name, a.py_name, a.location, a.required) for a in op.arguments] == [
        ("id", "id", "path", True)
    ]


# -- project kind and error classes on small specs -------------------------------------------


def test_error_classes_of_a_small_spec(tmp_path: Path) -> None:
    text = spec("""\
        paths:
          /v1/things:
            get:
              responses:
                '204':
                  description: Done
                '403':
                  description: Forbidden
                '503':
                  description: Unavailable
                default:
                  description: Anything else
        """)
    built = build(tmp_path, {"things.yaml": text})
    assert [(e.status, e.name) for e in built.error_classes] == [
        (403, "ForbiddenError"),
        (429, "TooManyRequestsError"),
        (None, "InternalServerError"),
    ]
    assert built.operations[0].operation.error_statuses == [403, 503]


# -- unsupported constructs -----------------------------------------------------------------


def test_several_naming_problems_are_all_reported(tmp_path: Path) -> None:
    # Each name problem is found once the spec itself is sound: naming is the Python view's.
    text = paths_spec(("/v1/things/{id}", ["put", "patch"]), ("/v1/gadgets", ["put", "patch"]))
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:17:5: PATCH /v1/things/{id} would be client.v1.things.update, "
        "already taken by specs/things.yaml:7:5",
        "specs/things.yaml:32:5: PATCH /v1/gadgets would be client.v1.gadgets.update, "
        "already taken by specs/things.yaml:28:5",
    ]


# -- python_literal -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "None"),
        (True, "True"),
        (False, "False"),
        (0, "0"),
        (-12, "-12"),
        (1.5, "1.5"),
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("line\nbreak\ttab", '"line\\nbreak\\ttab"'),
        ("café ☕ 日本", '"café ☕ 日本"'),
        # Line breaks to `str.splitlines` (and so to indenting and black) are escaped.
        (
            "next\x85line\u2028separator\u2029paragraph",
            '"next\\u0085line\\u2028separator\\u2029paragraph"',
        ),
        ([], "[]"),
        ({}, "{}"),
        ([1, "a", None], '[1, "a", None]'),
        ({"a": [True, {"b": 2.0}]}, '{"a": [True, {"b": 2.0}]}'),
    ],
)
def test_python_literal(value: Any, expected: str) -> None:
    assert python_literal(value) == expected


NESTED_JSON_VALUES: list[Any] = [
    "quote \" and ' apostrophe",
    "backslash \\ and \\n not a newline",
    'triple """ quotes',
    "real\nnewline\r\nand\ttab and \x00 nul and \x7f del",
    "non-ASCII: é ü ß ø 日本語 🎬 — “curly” ‘quotes’ \u2028 line separator",
    "next line \x85 and paragraph \u2029 separators",
    "",
    {
        "name": "My Ai Gif gif",
        "style": {"prompt": "Cute dancing cat, pixel art"},
        "output_format": "gif",
    },
    {"items": [{"type": "video", "extension": "mp4"}, {"type": "audio", "extension": "mp3"}]},
    {"nested": [[1, 2.5, -3], {"deep": {"deeper": [None, True, False, '"\\']}}], "é": "ü"},
    [1e-7, 1e21, 12345678901234567890, -0.0],
]


@pytest.mark.parametrize("value", NESTED_JSON_VALUES)
def test_python_literal_round_trips(value: Any) -> None:
    source = python_literal(value)
    assert eval(source) == value  # noqa: S307 - the point is that it is valid Python
    assert ast.literal_eval(source) == value
    assert len(source.splitlines()) == 1


@pytest.mark.parametrize("value", NESTED_JSON_VALUES)
def test_python_literal_is_one_line_wherever_it_is_split(value: Any) -> None:
    # A docstring example is split into lines by `str.splitlines`, which knows more breaks than "\n".
    source = python_literal(value)
    assert source.splitlines() == [source]


def test_python_literal_refuses_what_is_not_json() -> None:
    with pytest.raises(TypeError):
        python_literal({1, 2})
    with pytest.raises(TypeError):
        python_literal(object())


# -- docstring_text -------------------------------------------------------------------------


DOCSTRING_TEXTS = [
    "Plain text.",
    'Say """hello""" to the docstring.',
    'Ends with a quote"',
    'Ends with two quotes""',
    '""""',
    '"Starts with a quote',
    "Back\\slash and \\n and \\u0041 stay literal",
    "Ends with a backslash\\",
    'Backslash before a quote \\" here',
    "Non-ASCII: é ü 日本語 🎬 — “curly”",
    "Two lines\nof text",
    "",
]


@pytest.mark.parametrize("text", DOCSTRING_TEXTS)
def test_docstring_text_round_trips_inside_a_docstring(text: str) -> None:
    escaped = docstring_text(text)
    assert ast.literal_eval('"""' + escaped + '"""') == text
    module = ast.parse(f'def f():\n    """{escaped}"""\n')
    function = module.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert ast.get_docstring(function, clean=False) == text


def test_docstring_text_strips_trailing_spaces_of_each_line() -> None:
    assert docstring_text("first  \nsecond\t\nthird") == "first\nsecond\nthird"
    assert docstring_text("windows\r\nline endings\r\n") == "windows\nline endings"


def test_every_generated_docstring_is_safe(api: PyApi) -> None:
    for op in api.operations:
        assert ast.literal_eval('"""' + op.docstring + '"""').startswith(op.operation.summary)
    for cls in [*api.params_classes, *api.model_classes]:
        ast.literal_eval('"""' + cls.doc + '"""')
        for f in cls.fields:
            # The spec's words (a `generate` variant adds its note after them).
            assert ast.literal_eval('"""' + f.doc + '"""').startswith(
                "\n".join(line.rstrip() for line in f.description.splitlines())
            )


def test_conditions_stated_in_prose_are_listed_in_the_docstring(api: PyApi) -> None:
    [op] = [op for op in api.operations if op.path == "/v1/animation"]
    conditions = dict(prose_conditions(op.arguments))
    assert (
        conditions["style.art_style_custom"] == "This field is required if `art_style` is `Custom`"
    )
    assert (
        conditions["assets.audio_file_path"]
        == "This field is required if `audio_source` is `file`."
    )
    assert conditions["style.prompt"] == "Prompt is required if `prompt_type` is `custom`."
    assert (
        "- assets.youtube_url: This field is required if `audio_source` is `youtube`"
        in op.docstring
    )
    # Only prose: the validation rule does not make these fields required.
    assert op.body_rule is not None
    assert op.body_rule["properties"]["assets"]["required"] == ["audio_source"]


def test_a_field_named_like_a_generate_argument_is_a_located_error(tmp_path: Path) -> None:
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
                        wait_timeout: {{type: number}}
                        workflow: {{type: string}}
{PROJECT_RESPONSE}""" + project_getter("/v1/video-projects", "Video Projects"))
    assert problems(tmp_path, {"clips.yaml": text}) == [
        "specs/clips.yaml:7:5: POST /v1/clips: `generate` uses the names 'wait_timeout',"
        " 'workflow' itself"
    ]
