"""What the cheaper call path keeps: keys renamed wherever a rule says, whatever else the
rules around them say, and arguments sent as given where no rule renames."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.loopback import Reply, loopback_server

from magic_hour import Client
from magic_hour.core.validation import to_wire

RENAMED = {"type": "object", "keys": {"type_": "type"}, "properties": {"type": {"type": "string"}}}


@pytest.mark.parametrize(
    ("rule", "value", "sent"),
    [
        (
            {"type": "object", "properties": {"list": {"type": "array", "items": RENAMED}}},
            {"list": [{"type_": "a"}, {"type": "b"}]},
            {"list": [{"type": "a"}, {"type": "b"}]},
        ),
        (
            {"type": "object", "additionalProperties": RENAMED},
            {"any": {"type_": "a"}},
            {"any": {"type": "a"}},
        ),
        (
            {"type": "object", "properties": {"one": {"oneOf": [{"type": "string"}, RENAMED]}}},
            {"one": {"type_": "a"}},
            {"one": {"type": "a"}},
        ),
    ],
    ids=["array-items", "additional-properties", "one-of"],
)
def test_a_rename_deep_inside_a_rule_is_found(rule: Any, value: Any, sent: Any) -> None:
    assert to_wire(value, rule) == sent


def test_each_new_rule_is_read_afresh() -> None:
    # Rules made and dropped one after another: none is taken for one checked before it.
    for _ in range(100):
        assert to_wire({"type_": "a"}, dict(RENAMED)) == {"type": "a"}
        assert to_wire({"type_": "a"}, {"type": "object"}) == {"type_": "a"}


def test_arguments_no_rule_renames_are_sent_as_given() -> None:
    # ai_image_generator's rule renames nothing: the body goes out as the caller wrote it.
    with loopback_server(lambda request: Reply(200, {"id": "x", "credits_charged": 1})) as server:
        with Client(token="key", base_url=server.url) as client:
            style = {"prompt": "cat", "tool": "general"}
            client.v1.ai_image_generator.create(image_count=2, style=style)  # type: ignore[arg-type]
    assert server.requests[0].json() == {"image_count": 2, "style": style}
