"""The webhook reference through the generator: loading the OpenAPI 3.1 `webhooks` map beside
the 3.0 documents, the IR's events, the generated event models and the mock's description.

Every event is taken from the specs (`helpers.raw_specs.spec_webhooks`, plain YAML), never
from a list written here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pydantic
import pytest
from helpers.paths import ROOT
from helpers.raw_specs import spec_webhooks
from helpers.specfiles import GET_THINGS, spec, write_specs

from generator import conventions
from generator.ir import build_ir
from generator.ir.model import Api
from generator.load import load_specs
from generator.problems import SpecError
from magic_hour.types import webhooks

EVENTS = spec_webhooks()

# A webhook document as small as the reference's shape allows; `{payload}` is the payload's
# properties, indented as they stand.
WEBHOOK_DOCUMENT = """\
openapi: 3.1.0
info:
  title: Test Webhooks
  version: beta
webhooks:
  video.started:
    post:
      summary: Video Started
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                type:
                  type: string
                  enum: [video.started]
                payload:
                  type: object
                  properties:
{payload}
                  required: [id]
              required: [type, payload]
      responses:
        '200':
          description: OK
"""
PAYLOAD = """\
                    id:
                      type: string
                    name:
                      type: [string, "null"]
                    label:
                      type: string
                      nullable: true
"""


def load_api(tmp_path: Path, files: dict[str, str]) -> Api:
    return build_ir(load_specs(write_specs(tmp_path / "specs", files), "specs"))


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with pytest.raises(SpecError) as raised:
        load_api(tmp_path, files)
    return [str(p) for p in raised.value.problems]


@pytest.fixture(scope="module")
def api(specs_dir: Path) -> Api:
    return build_ir(load_specs(specs_dir, "specs"))


# -- loading ---------------------------------------------------------------------------------


def test_the_31_webhook_document_loads_beside_the_30_documents_with_its_own_info(
    specs_dir: Path,
) -> None:
    loaded = load_specs(specs_dir, "specs")
    assert sorted(loaded.webhooks) == sorted(EVENTS)
    assert {loaded.webhook_files[name] for name in EVENTS} == {"specs/webhooks.yaml"}
    # The webhook document's info and tags are its own: the API's stay the API's.
    assert loaded.document.info.title == "Magic Hour API"
    assert not {t.name for t in loaded.document.tags or []} & {"Video Events", "Image Events"}


def test_nullable_and_31_type_lists_are_both_read(tmp_path: Path) -> None:
    files = {
        "things.yaml": spec(GET_THINGS),
        "hooks.yaml": WEBHOOK_DOCUMENT.format(payload=PAYLOAD.rstrip("\n")),
    }
    (event,) = load_api(tmp_path, files).webhook_events
    fields = {f.wire_name: f.schema for f in event.payload.fields}
    assert (fields["id"].kind, fields["id"].nullable) == ("string", False)
    assert (fields["name"].kind, fields["name"].nullable) == ("string", True)
    assert (fields["label"].kind, fields["label"].nullable) == ("string", True)


def test_type_lists_are_read_in_schemas_only_not_in_examples_or_as_names(tmp_path: Path) -> None:
    payload = (
        PAYLOAD
        + '                    example:\n                      type: [integer, "null"]\n'
        + "                    tags:\n                      type: object\n"
        + '                      example: {type: [a, "null"]}\n'
    )
    files = {
        "things.yaml": spec(GET_THINGS),
        "hooks.yaml": WEBHOOK_DOCUMENT.format(payload=payload.rstrip("\n")),
    }
    (event,) = load_api(tmp_path, files).webhook_events
    fields = {f.wire_name: f.schema for f in event.payload.fields}
    assert (fields["example"].kind, fields["example"].nullable) == ("integer", True)
    assert fields["tags"].example == {"type": ["a", "null"]}  # data, as written


def test_the_real_references_nullable_fields_are_nullable(api: Api) -> None:
    for event in api.webhook_events:
        raw = EVENTS[event.name]["requestBody"]["content"]["application/json"]["schema"]
        properties = raw["properties"]["payload"]["properties"]
        for f in event.payload.fields:
            assert f.schema.nullable == bool(properties[f.wire_name].get("nullable")), f.wire_name


def test_a_broken_webhooks_map_is_a_located_problem(tmp_path: Path) -> None:
    broken = WEBHOOK_DOCUMENT.format(payload=PAYLOAD.rstrip("\n")).replace(
        "      summary: Video Started\n", "      summary: Video Started\n      tags: 5\n"
    )
    files = {"things.yaml": spec(GET_THINGS), "hooks.yaml": broken}
    assert problems(tmp_path, files) == [
        "specs/hooks.yaml:9:13: 'tags': input should be a valid list, got 5"
    ]


def test_a_31_document_with_paths_is_refused_located(tmp_path: Path) -> None:
    text = WEBHOOK_DOCUMENT.format(payload=PAYLOAD.rstrip("\n")) + GET_THINGS
    files = {"things.yaml": spec(GET_THINGS), "hooks.yaml": text}
    line = text.splitlines().index("paths:") + 1
    assert problems(tmp_path, files) == [
        f"specs/hooks.yaml:{line}:1: an OpenAPI 3.1 document is read for its 'webhooks' only;"
        " put paths in an OpenAPI 3.0 document"
    ]


def test_a_31_type_list_of_two_types_is_a_located_problem(tmp_path: Path) -> None:
    payload = PAYLOAD.replace('[string, "null"]', "[string, integer]").rstrip("\n")
    text = WEBHOOK_DOCUMENT.format(payload=payload)
    at = next(i for i, line in enumerate(text.splitlines(), 1) if "[string, integer]" in line)
    files = {"things.yaml": spec(GET_THINGS), "hooks.yaml": text}
    assert problems(tmp_path, files) == [
        f"specs/hooks.yaml:{at}:29: 'type': a list of several types (string, integer) is not"
        " supported; use 'anyOf'"
    ]


def test_an_event_without_a_payload_object_is_a_located_problem(tmp_path: Path) -> None:
    text = WEBHOOK_DOCUMENT.format(payload=PAYLOAD.rstrip("\n")).replace(
        "                payload:\n", "                data:\n"
    )
    files = {"things.yaml": spec(GET_THINGS), "hooks.yaml": text}
    (line,) = problems(tmp_path, files)
    assert line == (
        "specs/hooks.yaml:10:9: webhook 'video.started': the event needs a 'payload'"
        " object with properties"
    )


def test_a_ref_in_a_webhook_document_reaches_its_own_components(tmp_path: Path) -> None:
    text = WEBHOOK_DOCUMENT.format(payload=PAYLOAD.rstrip("\n")).replace(
        "                payload:\n                  type: object\n",
        "                payload:\n                  $ref: '#/components/schemas/Project'\n"
        "                unused:\n                  type: object\n",
    )
    text += (
        "components:\n  schemas:\n    Project:\n      type: object\n      properties:\n"
        "        id:\n          type: [string, 'null']\n"
    )
    files = {"things.yaml": spec(GET_THINGS), "hooks.yaml": text}
    (event,) = load_api(tmp_path, files).webhook_events
    (field,) = event.payload.fields
    assert (field.wire_name, field.schema.kind, field.schema.nullable) == ("id", "string", True)


# -- the IR ----------------------------------------------------------------------------------


def test_every_event_of_the_reference_is_in_the_ir_with_its_kind_phase_and_status(
    api: Api,
) -> None:
    assert [e.name for e in api.webhook_events] == sorted(EVENTS)
    for event in api.webhook_events:
        kind, phase = event.name.split(".")
        assert (event.kind, event.phase) == (kind, phase)
        assert event.status == conventions.WEBHOOK_PHASES[phase]
        assert event.summary == EVENTS[event.name]["summary"]
        assert event.example["type"] == event.name
        assert event.example["payload"]["status"] == event.status
    # A canceled project sends no event: no event is fired by `canceled`.
    assert "canceled" not in {e.status for e in api.webhook_events}


def test_the_payload_has_the_fields_the_reference_lists(api: Api) -> None:
    for event in api.webhook_events:
        raw = EVENTS[event.name]["requestBody"]["content"]["application/json"]["schema"]
        payload = raw["properties"]["payload"]
        assert [f.wire_name for f in event.payload.fields] == list(payload["properties"])
        assert {f.wire_name for f in event.payload.fields if f.required} == set(payload["required"])


# -- the generated models --------------------------------------------------------------------


def event_class(name: str) -> type[pydantic.BaseModel]:
    """The generated class whose `type` is `name`, found by its annotation, not its name."""
    found = [
        cls
        for cls in vars(webhooks).values()
        if isinstance(cls, type)
        and issubclass(cls, pydantic.BaseModel)
        and cls.model_fields.get("type") is not None
        and getattr(cls.model_fields["type"].annotation, "__args__", None) == (name,)
    ]
    assert len(found) == 1, name
    return found[0]


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_each_event_model_parses_the_references_example_and_the_union_picks_it(
    api: Api, name: str
) -> None:
    example = next(e.example for e in api.webhook_events if e.name == name)
    cls = event_class(name)
    parsed = webhooks.parse_event(example)
    assert type(parsed) is cls
    assert parsed.model_dump(mode="json", by_alias=True) == json.loads(json.dumps(example))
    union = pydantic.TypeAdapter(webhooks.WebhookEvent).validate_python(example)
    assert type(union) is cls


def test_an_unknown_event_type_gives_the_generic_event() -> None:
    parsed = webhooks.parse_event({"type": "music.started", "payload": {"id": "x", "n": 1}})
    assert isinstance(parsed, webhooks.UnknownWebhookEvent)
    assert (parsed.type, parsed.payload) == ("music.started", {"id": "x", "n": 1})


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_an_unknown_field_or_enum_value_does_not_fail(api: Api, name: str) -> None:
    example = json.loads(json.dumps(next(e.example for e in api.webhook_events if e.name == name)))
    example["payload"]["status"] = "paused"  # a status the reference does not list
    example["payload"]["brand_new"] = {"x": 1}
    example["delivered_by"] = "v2"
    parsed = webhooks.parse_event(example)
    assert type(parsed) is event_class(name)
    dumped: dict[str, Any] = parsed.model_dump(mode="json", by_alias=True)
    assert dumped["payload"]["status"] == "paused"
    assert dumped["payload"]["brand_new"] == {"x": 1}
    assert dumped["delivered_by"] == "v2"


@pytest.mark.parametrize(
    "data", [{"payload": {}}, {"type": "video.started"}, {"type": 5, "payload": {}}, []]
)
def test_what_is_not_an_event_is_a_validation_error(data: Any) -> None:
    with pytest.raises(pydantic.ValidationError):
        webhooks.parse_event(data)


# -- the mock's description ------------------------------------------------------------------


def test_the_runtime_and_the_generated_conventions_name_the_headers_as_conventions_py() -> None:
    from magic_hour import conventions as generated
    from magic_hour.core import webhooks as runtime

    assert runtime.SIGNATURE_HEADER == generated.WEBHOOK_SIGNATURE_HEADER
    assert runtime.TIMESTAMP_HEADER == generated.WEBHOOK_TIMESTAMP_HEADER
    assert generated.WEBHOOK_SIGNATURE_HEADER == conventions.WEBHOOK_SIGNATURE_HEADER
    assert generated.WEBHOOK_TIMESTAMP_HEADER == conventions.WEBHOOK_TIMESTAMP_HEADER


def test_the_mock_description_lists_each_lifecycle_event_and_the_headers() -> None:
    described = json.loads((ROOT / "generated/magic_hour/mock/api.json").read_text())
    expected = [
        {"type": name, "kind": name.split(".")[0], "status": conventions.WEBHOOK_PHASES[phase]}
        for name in sorted(EVENTS)
        for phase in [name.split(".")[1]]
    ]
    assert sorted(described["webhook_events"], key=lambda e: e["type"]) == expected
    assert described["conventions"]["webhook_signature_header"] == "magic-hour-event-signature"
    assert described["conventions"]["webhook_timestamp_header"] == "magic-hour-event-timestamp"


# -- the docs page ---------------------------------------------------------------------------


def test_the_webhooks_page_shows_each_event_its_payload_fields_and_an_example_body() -> None:
    from helpers.markdown_pages import tokens

    page = (ROOT / "generated/docs/webhooks.md").read_text(encoding="utf-8")
    parsed = tokens(page)
    bodies = [
        json.loads(t.content) for t in parsed if t.type == "fence" and t.info.strip() == "json"
    ]
    assert sorted(body["type"] for body in bodies) == sorted(EVENTS)
    for body in bodies:
        # Each example body is keyed `payload`, as the schema says, and parses into its model.
        assert type(webhooks.parse_event(body)) is event_class(body["type"])
        raw = EVENTS[body["type"]]["requestBody"]["content"]["application/json"]["schema"]
        section = page.split(f'<a name="{body["type"].replace(".", "-")}"></a>', 1)[1]
        section = section.split("\n### ", 1)[0]
        for wire_name in raw["properties"]["payload"]["properties"]:
            name = "type_" if wire_name == "type" else wire_name  # the model's attribute
            assert f"\n| `{name}` |" in section, (body["type"], wire_name)
    assert "keys the project as `object`" in page
