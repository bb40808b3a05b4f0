"""Stage 2 (generator/model.py, generator/naming.py): the intermediate representation.

Built once from the real specs (module fixture) and from small spec folders in tmp_path.
"""

from __future__ import annotations

import ast
import keyword
import textwrap
from pathlib import Path
from typing import Any

import pytest
from specfiles import HEADER, spec, write_specs

from generator.load import load_specs
from generator.model import (
    Api,
    ModelClass,
    ParamsClass,
    build_api,
    docstring_text,
    python_literal,
    prose_conditions,
)
from generator.naming import (
    MODEL_RESERVED,
    RESERVED,
    is_plain_key,
    pascal,
    python_name,
    snake,
    words,
)
from generator.problems import SpecError

ROOT = Path(__file__).resolve().parents[1]


def build(tmp_path: Path, files: dict[str, str]) -> Api:
    return build_api(load_specs(write_specs(tmp_path / "specs", files), "specs"))


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with pytest.raises(SpecError) as raised:
        build(tmp_path, files)
    lines = [str(p) for p in raised.value.problems]
    assert str(raised.value) == "\n".join(lines)
    return lines


@pytest.fixture(scope="module")
def api() -> Api:
    return build_api(load_specs(ROOT / "specs", "specs"))


def params_class(api: Api, name: str) -> ParamsClass:
    return next(c for c in api.params_classes if c.name == name)


def model_class(api: Api, name: str) -> ModelClass:
    return next(c for c in api.model_classes if c.name == name)


def fields(cls: ParamsClass | ModelClass) -> dict[str, Any]:
    return {f.wire_name: f for f in cls.fields}


# -- resources and methods of the real API --------------------------------------------------


def test_resources_and_their_access_paths(api: Api) -> None:
    assert [(r.access_path, r.class_name, r.module) for r in api.resources] == [
        ("client.v1", "V1Client", "magic_hour.resources.v1"),
        (
            "client.v1.ai_gif_generator",
            "AiGifGeneratorClient",
            "magic_hour.resources.v1.ai_gif_generator",
        ),
        (
            "client.v1.ai_image_generator",
            "AiImageGeneratorClient",
            "magic_hour.resources.v1.ai_image_generator",
        ),
        ("client.v1.animation", "AnimationClient", "magic_hour.resources.v1.animation"),
        ("client.v1.files", "FilesClient", "magic_hour.resources.v1.files"),
        (
            "client.v1.files.upload_urls",
            "UploadUrlsClient",
            "magic_hour.resources.v1.files.upload_urls",
        ),
        (
            "client.v1.image_projects",
            "ImageProjectsClient",
            "magic_hour.resources.v1.image_projects",
        ),
        (
            "client.v1.video_projects",
            "VideoProjectsClient",
            "magic_hour.resources.v1.video_projects",
        ),
    ]
    assert [c.attribute for c in api.root.children] == ["v1"]
    files = next(r for r in api.resources if r.access_path == "client.v1.files")
    assert files.directory == "magic_hour/resources/v1/files"
    assert [c.attribute for c in files.children] == ["upload_urls"]


def test_methods_of_each_resource(api: Api) -> None:
    found = {
        r.access_path: [(op.method_name, op.http_method, op.path, op.file) for op in r.operations]
        for r in api.resources
    }
    assert found == {
        "client.v1": [],
        "client.v1.ai_gif_generator": [
            ("create", "POST", "/v1/ai-gif-generator", "specs/ai-gif-generator.yaml")
        ],
        "client.v1.ai_image_generator": [
            ("create", "POST", "/v1/ai-image-generator", "specs/ai-image-generator.yaml")
        ],
        "client.v1.animation": [("create", "POST", "/v1/animation", "specs/animation.yaml")],
        "client.v1.files": [],
        "client.v1.files.upload_urls": [
            ("create", "POST", "/v1/files/upload-urls", "specs/files-upload-urls.yaml")
        ],
        "client.v1.image_projects": [
            ("get", "GET", "/v1/image-projects/{id}", "specs/image-projects-get.yaml"),
            ("delete", "DELETE", "/v1/image-projects/{id}", "specs/image-projects-delete.yaml"),
        ],
        "client.v1.video_projects": [
            ("get", "GET", "/v1/video-projects/{id}", "specs/video-projects-get.yaml"),
            ("delete", "DELETE", "/v1/video-projects/{id}", "specs/video-projects-delete.yaml"),
        ],
    }


def test_request_and_response_classes_of_each_operation(api: Api) -> None:
    found = {
        (op.http_method, op.path): (op.body_params_class, op.response_model, op.success_status)
        for op in api.operations
    }
    assert found == {
        ("POST", "/v1/ai-gif-generator"): (
            "V1AiGifGeneratorCreateBody",
            "V1AiGifGeneratorCreateResponse",
            200,
        ),
        ("POST", "/v1/ai-image-generator"): (
            "V1AiImageGeneratorCreateBody",
            "V1AiImageGeneratorCreateResponse",
            200,
        ),
        ("POST", "/v1/animation"): ("V1AnimationCreateBody", "V1AnimationCreateResponse", 200),
        ("POST", "/v1/files/upload-urls"): (
            "V1FilesUploadUrlsCreateBody",
            "V1FilesUploadUrlsCreateResponse",
            200,
        ),
        ("GET", "/v1/image-projects/{id}"): (None, "V1ImageProjectsGetResponse", 200),
        ("DELETE", "/v1/image-projects/{id}"): (None, None, 204),
        ("GET", "/v1/video-projects/{id}"): (None, "V1VideoProjectsGetResponse", 200),
        ("DELETE", "/v1/video-projects/{id}"): (None, None, 204),
    }


def test_path_parameter_of_the_project_endpoints(api: Api) -> None:
    for op in api.operations:
        if op.path.endswith("{id}"):
            assert [
                (a.wire_name, a.py_name, a.location, a.required, a.annotation) for a in op.arguments
            ] == [("id", "id", "path", True, "str")]
            assert op.parameters_rule == {
                "type": "object",
                "properties": {"id": {"type": "string"}},
                "required": ["id"],
            }


def test_project_kind(api: Api) -> None:
    kinds = {f"{op.http_method} {op.path}": op.project_kind for op in api.operations}
    assert kinds == {
        "POST /v1/ai-gif-generator": "image",
        "POST /v1/ai-image-generator": "image",
        "POST /v1/animation": "video",
        "POST /v1/files/upload-urls": None,
        "GET /v1/image-projects/{id}": None,
        "DELETE /v1/image-projects/{id}": None,
        "GET /v1/video-projects/{id}": None,
        "DELETE /v1/video-projects/{id}": None,
    }


def test_error_classes_come_from_the_spec_plus_429_and_5xx(api: Api) -> None:
    assert [(e.status, e.name) for e in api.error_classes] == [
        (400, "BadRequestError"),
        (401, "UnauthorizedError"),
        (402, "PaymentRequiredError"),
        (404, "NotFoundError"),
        (422, "UnprocessableEntityError"),
        (429, "TooManyRequestsError"),
        (None, "InternalServerError"),
    ]
    assert api.error_classes[0].description == "The API answered 400 Bad Request."
    assert {op.path: op.error_statuses for op in api.operations if op.http_method == "POST"} == {
        "/v1/ai-gif-generator": [400, 401, 402, 404, 422],
        "/v1/ai-image-generator": [400, 401, 402, 404, 422],
        "/v1/animation": [400, 401, 402, 404, 422],
        "/v1/files/upload-urls": [400, 401, 402, 404, 422],
    }


def test_api_metadata(api: Api) -> None:
    assert (api.title, api.version, api.base_url, api.package) == (
        "Magic Hour API",
        "beta",
        "https://api.magichour.ai",
        "magic_hour",
    )
    assert api.description.startswith("Magic Hour provides an API (beta)")


# -- class names ----------------------------------------------------------------------------


def test_params_class_names_and_modules(api: Api) -> None:
    assert [(c.name, c.module) for c in api.params_classes] == [
        ("V1AiGifGeneratorCreateBody", "v1_ai_gif_generator_create_body"),
        ("V1AiGifGeneratorCreateBodyStyle", "v1_ai_gif_generator_create_body_style"),
        ("V1AiImageGeneratorCreateBody", "v1_ai_image_generator_create_body"),
        ("V1AiImageGeneratorCreateBodyStyle", "v1_ai_image_generator_create_body_style"),
        ("V1AnimationCreateBody", "v1_animation_create_body"),
        ("V1AnimationCreateBodyAssets", "v1_animation_create_body_assets"),
        ("V1AnimationCreateBodyStyle", "v1_animation_create_body_style"),
        ("V1FilesUploadUrlsCreateBody", "v1_files_upload_urls_create_body"),
        ("V1FilesUploadUrlsCreateBodyItemsItem", "v1_files_upload_urls_create_body_items_item"),
    ]


def test_model_class_names_and_modules(api: Api) -> None:
    assert [(c.name, c.module) for c in api.model_classes] == [
        ("V1AiGifGeneratorCreateResponse", "v1_ai_gif_generator_create_response"),
        ("V1AiImageGeneratorCreateResponse", "v1_ai_image_generator_create_response"),
        ("V1AnimationCreateResponse", "v1_animation_create_response"),
        ("V1FilesUploadUrlsCreateResponse", "v1_files_upload_urls_create_response"),
        (
            "V1FilesUploadUrlsCreateResponseItemsItem",
            "v1_files_upload_urls_create_response_items_item",
        ),
        ("V1ImageProjectsGetResponse", "v1_image_projects_get_response"),
        (
            "V1ImageProjectsGetResponseDownloadsItem",
            "v1_image_projects_get_response_downloads_item",
        ),
        ("V1ImageProjectsGetResponseError", "v1_image_projects_get_response_error"),
        (
            "V1ImageProjectsGetResponseWithDownloads",
            "v1_image_projects_get_response_with_downloads",
        ),
        ("V1VideoProjectsGetResponse", "v1_video_projects_get_response"),
        (
            "V1VideoProjectsGetResponseDownloadsItem",
            "v1_video_projects_get_response_downloads_item",
        ),
        ("V1VideoProjectsGetResponseError", "v1_video_projects_get_response_error"),
        (
            "V1VideoProjectsGetResponseWithDownloads",
            "v1_video_projects_get_response_with_downloads",
        ),
    ]


def test_every_module_is_the_snake_case_of_its_class(api: Api) -> None:
    for cls in [*api.params_classes, *api.model_classes]:
        assert cls.module == snake(words(cls.name))
        assert pascal(words(cls.module)) == cls.name


def test_nested_classes_are_referenced_and_imported(api: Api) -> None:
    gif = fields(params_class(api, "V1AiGifGeneratorCreateBody"))
    assert gif["style"].schema.param_annotation == "V1AiGifGeneratorCreateBodyStyle"
    assert params_class(api, "V1AiGifGeneratorCreateBody").imports == [
        ("v1_ai_gif_generator_create_body_style", "V1AiGifGeneratorCreateBodyStyle")
    ]
    upload = fields(params_class(api, "V1FilesUploadUrlsCreateBody"))
    assert (
        upload["items"].schema.param_annotation
        == "typing.List[V1FilesUploadUrlsCreateBodyItemsItem]"
    )
    animation = fields(params_class(api, "V1AnimationCreateBody"))
    assert animation["assets"].schema.param_annotation == "V1AnimationCreateBodyAssets"

    image = fields(model_class(api, "V1ImageProjectsGetResponse"))
    assert (
        image["downloads"].model_annotation
        == "typing.List[V1ImageProjectsGetResponseDownloadsItem]"
    )
    assert image["error"].model_annotation == "typing.Optional[V1ImageProjectsGetResponseError]"
    assert model_class(api, "V1ImageProjectsGetResponse").imports == [
        (
            "v1_image_projects_get_response_downloads_item",
            "V1ImageProjectsGetResponseDownloadsItem",
        ),
        ("v1_image_projects_get_response_error", "V1ImageProjectsGetResponseError"),
    ]
    resource = next(r for r in api.resources if r.access_path == "client.v1.image_projects")
    assert resource.model_imports == [
        ("v1_image_projects_get_response", "V1ImageProjectsGetResponse")
    ]
    assert resource.params_imports == []


# -- the `type` field and other awkward names -------------------------------------------------


def test_type_field_becomes_type_underscore_and_keeps_its_wire_name(api: Api) -> None:
    item = params_class(api, "V1FilesUploadUrlsCreateBodyItemsItem")
    assert [(f.wire_name, f.py_name) for f in item.fields] == [
        ("type", "type_"),
        ("extension", "extension"),
    ]
    # `type` cannot be a TypedDict class attribute, so the class uses the functional syntax.
    assert item.functional_syntax is True
    assert params_class(api, "V1AiGifGeneratorCreateBody").functional_syntax is False
    for name in ("V1ImageProjectsGetResponse", "V1VideoProjectsGetResponse"):
        assert fields(model_class(api, name))["type"].py_name == "type_"
    body_rule = next(op.body_rule for op in api.operations if op.path == "/v1/files/upload-urls")
    assert body_rule is not None
    assert set(body_rule["properties"]["items"]["items"]["properties"]) == {"type", "extension"}


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


def _awkward_api(tmp_path: Path) -> Api:
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
            assert py not in RESERVED
    assert [f.py_name for f in request.fields] == [
        "type_",
        "class_",
        "from_",
        "json",
        "self_",
        "content_type",
        "a_b",
        "with_space",
        "field_2fa",
        "name",
        "name_",
        "name__",
        "field_model_config",
        "request_options_",
    ]
    # A response model must not shadow pydantic.BaseModel attributes such as `json`.
    assert fields(response)["json"].py_name == "json_"
    assert all(f.py_name not in MODEL_RESERVED for f in response.fields)
    assert request.functional_syntax is True


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


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("prompt", True),
        ("image_file_path", True),
        ("camelCase", True),
        ("type", False),
        ("class", False),
        ("from", False),
        ("self", False),
        ("content-type", False),
        ("a.b", False),
        ("with space", False),
        ("2fa", False),
        ("__dunder", False),
        ("", False),
    ],
)
def test_is_plain_key(name: str, plain: bool) -> None:
    assert is_plain_key(name) is plain


# -- spec warts -----------------------------------------------------------------------------


def test_required_names_without_a_property_do_not_become_fields(api: Api) -> None:
    for name in (
        "V1AiGifGeneratorCreateResponse",
        "V1AiImageGeneratorCreateResponse",
        "V1AnimationCreateResponse",
    ):
        cls = model_class(api, name)
        assert [(f.wire_name, f.required) for f in cls.fields] == [
            ("id", True),
            ("credits_charged", True),
        ]
    video = model_class(api, "V1VideoProjectsGetResponse")
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
    assert "frame_cost" not in [
        f.wire_name for f in model_class(api, "V1ImageProjectsGetResponse").fields
    ]


def test_required_name_without_a_property_in_a_request_body(tmp_path: Path) -> None:
    text = spec("""\
        paths:
          /v1/things:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        prompt:
                          type: string
                        size:
                          type: integer
                      required:
                        - prompt
                        - ghost
              responses:
                '204':
                  description: Done
        """)
    op = build(tmp_path, {"things.yaml": text}).operations[0]
    assert [(a.wire_name, a.required) for a in op.arguments] == [("prompt", True), ("size", False)]
    assert op.body_rule == {
        "type": "object",
        "properties": {"prompt": {"type": "string"}, "size": {"type": "integer"}},
        "required": ["prompt"],
        "additionalProperties": False,
    }


def test_enum_values_that_are_not_identifiers_appear_verbatim(api: Api) -> None:
    image = fields(params_class(api, "V1AiImageGeneratorCreateBody"))
    assert (
        image["aspect_ratio"].schema.param_annotation
        == 'typing_extensions.Literal["1:1", "16:9", "9:16"]'
    )
    assert image["resolution"].schema.param_annotation == (
        'typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]'
    )
    assert image["resolution"].schema.rule == {
        "type": "string",
        "enum": ["auto", "640px", "1k", "2k", "4k"],
    }
    # The response side also takes values this client does not know yet.
    assert image["aspect_ratio"].model_annotation == (
        'typing.Optional[typing.Union[typing_extensions.Literal["1:1", "16:9", "9:16"], str]]'
    )
    style = fields(params_class(api, "V1AnimationCreateBodyStyle"))
    camera = style["camera_effect"].schema
    assert '"Zoom In - Audio Sync"' in camera.param_annotation
    assert "Zoom In - Audio Sync" in (camera.enum or [])
    assert (
        camera.param_annotation
        == "typing_extensions.Literal["
        + ", ".join(python_literal(v) for v in camera.enum or [])
        + "]"
    )
    assert '"3D Render"' in style["art_style"].schema.param_annotation


# -- method naming rules on small specs -----------------------------------------------------

ID_PARAMETER = """\
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
"""
NO_CONTENT = """\
      responses:
        '204':
          description: Done
"""


def _paths(*entries: tuple[str, list[str]], operation_id: str | None = None) -> str:
    lines = ["paths:"]
    for path, verbs in entries:
        lines.append(f"  {path}:")
        for verb in verbs:
            lines.append(f"    {verb}:")
            if operation_id:
                lines.append(f"      operationId: {operation_id}")
            text = (ID_PARAMETER if "{" in path else "") + NO_CONTENT
            lines.append(text.rstrip("\n"))
    return HEADER + "\n".join(lines) + "\n"


def test_method_names_follow_the_verb_and_path_rules(tmp_path: Path) -> None:
    text = _paths(
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
    text = _paths(("/v1/things/{id}", ["post"]), operation_id="things.cancelRender")
    built = build(tmp_path, {"things.yaml": text})
    assert [(op.method_name, op.http_method) for op in built.operations] == [
        ("cancel_render", "POST")
    ]


def test_a_verb_without_a_name_rule_or_operation_id_names_the_method(tmp_path: Path) -> None:
    text = _paths(("/v1/things/{id}", ["post"]))
    built = build(tmp_path, {"things.yaml": text})
    assert [(op.method_name, op.http_method) for op in built.operations] == [("post", "POST")]


def test_two_operations_on_one_method_name_clash(tmp_path: Path) -> None:
    # PUT (line 7) and PATCH (line 17) of one item both would be `update`.
    text = _paths(("/v1/things/{id}", ["put", "patch"]))
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:17:5: PATCH /v1/things/{id} would be client.v1.things.update, "
        "already taken by specs/things.yaml:7:5"
    ]


def test_a_clash_across_files_names_both_files(tmp_path: Path) -> None:
    first = _paths(("/v1/things/{id}", ["get"]))
    second = _paths(("/v1/things/{thing_id}", ["get"])).replace("name: id", "name: thing_id")
    assert problems(tmp_path, {"a.yaml": first, "b.yaml": second}) == [
        "specs/b.yaml:7:5: GET /v1/things/{thing_id} would be client.v1.things.get, already taken by specs/a.yaml:7:5"
    ]


def test_a_path_without_a_name_segment_is_a_problem(tmp_path: Path) -> None:
    text = _paths(("/{id}", ["get"]))
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:7:5: GET /{id}: a path needs a name segment to become a resource"
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


def test_a_path_template_variable_without_a_parameter_is_a_problem(tmp_path: Path) -> None:
    # Without a parameter for `{id}` the client would request the literal URL `/v1/things/{id}`.
    text = spec("""\
        paths:
          /v1/things/{id}:
            get:
              responses:
                '204':
                  description: Done
        """)
    with pytest.raises(SpecError) as raised:
        build(tmp_path, {"things.yaml": text})
    [problem] = raised.value.problems
    assert problem.location is not None and problem.location.file == "specs/things.yaml"
    assert "{id}" in problem.message or "'id'" in problem.message


# -- project kind and error classes on small specs -------------------------------------------


PROJECT_RESPONSE = """\
              responses:
                '200':
                  description: Done
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                          status: {type: string}
                          downloads: {type: array, items: {type: object}}
"""


def getter(path: str, tag: str) -> str:
    return f"""\
          {path}/{{id}}:
            get:
              tags: [{tag}]
              parameters:
                - {{name: id, in: path, required: true, schema: {{type: string}}}}
{PROJECT_RESPONSE}"""


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
        + getter("/v1/video-projects", "Video Projects")
        + getter("/v1/audio-projects", "Audio Projects")
    )
    built = build(tmp_path, {"things.yaml": text})
    kinds = {(op.method_name, op.path): (op.project_kind, op.reports_on) for op in built.operations}
    assert kinds == {
        ("create", "/v1/clips"): ("video", None),
        ("list", "/v1/clips"): (None, None),
        ("create", "/v1/songs"): ("audio", None),
        ("create", "/v1/notes"): (None, None),
        ("get", "/v1/video-projects/{id}"): (None, "video"),
        ("get", "/v1/audio-projects/{id}"): (None, "audio"),
    }
    workflows = {op.path: op.workflow for op in built.operations if op.workflow}
    assert {
        path: (w.kind, w.getter.access_path, w.result_model) for path, w in workflows.items()
    } == {
        "/v1/clips": (
            "video",
            "client.v1.video_projects",
            "V1VideoProjectsGetResponseWithDownloads",
        ),
        "/v1/songs": (
            "audio",
            "client.v1.audio_projects",
            "V1AudioProjectsGetResponseWithDownloads",
        ),
    }


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
    assert built.operations[0].error_statuses == [403, 503]


# -- unsupported constructs -----------------------------------------------------------------


def test_unsupported_construct_in_a_request_body_is_located(tmp_path: Path) -> None:
    text = spec("""\
        paths:
          /v1/things:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        value:
                          not: {type: string}
              responses:
                '204':
                  description: Done
        """)
    # Line 15 is `                  not: ...`; the key starts in column 19.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:15:19: 'not' is not supported"
    ]


def test_unsupported_construct_in_a_component_is_located_in_its_own_file(tmp_path: Path) -> None:
    uses = spec("""\
        paths:
          /v1/things:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                '204':
                  description: Done
        """)
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
    text = spec("""\
        paths:
          /v1/things:
            get:
              responses:
                200:
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          value:
                            not:
                              type: string
        """)
    # Line 17 is `                    not:`; the key starts in column 21.
    assert problems(tmp_path, {"things.yaml": text}) == [
        "specs/things.yaml:17:21: 'not' is not supported"
    ]


def test_several_model_problems_are_all_reported(tmp_path: Path) -> None:
    text = _paths(("/v1/things/{id}", ["put", "patch", "delete"]))
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
        "specs/things.yaml:17:5: PATCH /v1/things/{id} would be client.v1.things.update, "
        "already taken by specs/things.yaml:7:5",
        "specs/things.yaml:40:11: security scheme 'nowhere' is not defined in"
        " components/securitySchemes",
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
        ("next\x85line\u2028sep\u2029para", '"next\\x85line\\u2028sep\\u2029para"'),
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


def test_every_generated_docstring_is_safe(api: Api) -> None:
    for op in api.operations:
        assert ast.literal_eval('"""' + op.docstring + '"""').startswith(op.summary)
    for cls in [*api.params_classes, *api.model_classes]:
        ast.literal_eval('"""' + cls.doc + '"""')
        for f in cls.fields:
            assert ast.literal_eval('"""' + f.doc + '"""') == "\n".join(
                line.rstrip() for line in f.description.splitlines()
            )


def test_conditions_stated_in_prose_are_listed_in_the_docstring(api: Api) -> None:
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


def test_a_project_kind_without_a_getter_is_a_located_error(tmp_path: Path) -> None:
    text = spec(f"""\
        paths:
          /v1/clips:
            post:
              tags: [Video Projects]
{PROJECT_RESPONSE}""")
    assert problems(tmp_path, {"clips.yaml": text}) == [
        "specs/clips.yaml:7:5: POST /v1/clips creates video projects, but no GET on an item path"
        " tagged 'Video Projects' reports on them"
    ]


def test_generate_needs_an_id_from_create_and_a_status_from_the_getter(tmp_path: Path) -> None:
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
""" + getter("/v1/video-projects", "Video Projects"))
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
{PROJECT_RESPONSE}
""" + getter("/v1/video-projects", "Video Projects"))
    (op,) = [op for op in build(tmp_path, {"clips.yaml": text}).operations if op.workflow]
    assert op.workflow is not None and op.workflow.uploader is not None
    assert op.workflow.uploader.access_path == "client.v1.files.upload_urls"
    assert [(a.path, a.asset_type) for a in op.workflow.assets] == [
        (("image_file_path",), "image"),
        (("assets", "video_file_path"), "video"),
        (("assets", "target_file_path"), None),
        (("assets", "frames", "[]", "image_file_path"), "image"),
    ]


def test_an_object_without_properties_has_an_empty_example(tmp_path: Path) -> None:
    text = spec("""\
        paths:
          /v1/things:
            get:
              responses:
                '200':
                  description: Done
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [meta]
                        properties:
                          meta: {type: object}
        """)
    (op,) = build(tmp_path, {"things.yaml": text}).operations
    assert op.response_example == {"meta": {}}


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
{PROJECT_RESPONSE}""" + getter("/v1/video-projects", "Video Projects"))
    assert problems(tmp_path, {"clips.yaml": text}) == [
        "specs/clips.yaml:7:5: POST /v1/clips: `generate` uses the names 'wait_timeout',"
        " 'workflow' itself"
    ]
