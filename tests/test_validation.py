"""The runtime's request check (`magic_hour.core.validation`) on the rules that unions,
discriminators and deprecated fields produce: the messages a user sees, one per problem."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from magic_hour.core.validation import check_request, to_wire
from magic_hour.errors import RequestValidationError

DOG = {
    "type": "object",
    "properties": {"kind": {"type": "string"}, "barks": {"type": "boolean"}},
    "required": ["kind"],
    "additionalProperties": False,
}
CAT = {
    "type": "object",
    "properties": {"kind": {"type": "string"}, "lives": {"type": "integer", "maximum": 9}},
    "required": ["kind", "lives"],
    "additionalProperties": False,
}
BODY = {
    "type": "object",
    "properties": {
        "pet": {
            "oneOf": [DOG, CAT],
            "discriminator": {"propertyName": "kind", "mapping": {"cat": 1, "dog": 0}},
        },
        "tag": {"anyOf": [{"type": "string", "maxLength": 3}, {"type": "integer", "minimum": 0}]},
        "either": {"oneOf": [{"type": "number"}, {"type": "integer"}]},
        "maybe": {"anyOf": [{"type": "string"}], "nullable": True},
        "old": {"type": "string", "deprecated": True},
    },
    "additionalProperties": False,
}


def problems(body: dict[str, Any]) -> list[str]:
    with pytest.raises(RequestValidationError) as raised:
        check_request(parameters=None, parameters_rule=None, body=body, body_rule=BODY)
    return list(raised.value.violations)


def test_a_discriminator_picks_the_variant_whose_rules_apply() -> None:
    check_request(
        parameters=None, parameters_rule=None, body={"pet": {"kind": "dog"}}, body_rule=BODY
    )
    assert problems({"pet": {"kind": "cat", "lives": 12}}) == [
        "pet.lives: must be at most 9 (maximum), got 12"
    ]
    assert problems({"pet": {"kind": "dog", "lives": 1}}) == [
        "pet.lives: is not a known field (known: kind, barks)"
    ]


def test_a_discriminator_value_that_selects_nothing_names_the_choices() -> None:
    assert problems({"pet": {"kind": "cow"}}) == [
        "pet.kind: must be one of 'cat', 'dog', got 'cow'"
    ]
    assert problems({"pet": {"barks": True}}) == ["pet.kind: is required"]


def test_a_value_that_fits_no_variant_says_why_for_each() -> None:
    assert problems({"tag": "long"}) == [
        "tag: matches none of the 2 allowed shapes (option 1: tag: must be at most 3 characters"
        " long (maxLength), got 'long'; option 2: tag: must be an integer, got str 'long')"
    ]
    check_request(parameters=None, parameters_rule=None, body={"tag": 5}, body_rule=BODY)


def test_one_of_refuses_a_value_that_fits_two_variants() -> None:
    assert problems({"either": 3}) == [
        "either: matches more than one allowed shape (options 1, 2), but must match exactly one"
    ]
    check_request(parameters=None, parameters_rule=None, body={"either": 2.5}, body_rule=BODY)


def test_none_is_refused_by_a_union_unless_it_is_nullable() -> None:
    assert problems({"tag": None}) == ["tag: must not be None"]
    check_request(parameters=None, parameters_rule=None, body={"maybe": None}, body_rule=BODY)


def test_a_deprecated_field_warns_when_used_and_only_then() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_request(parameters=None, parameters_rule=None, body={"tag": 1}, body_rule=BODY)
        assert caught == []
        check_request(parameters=None, parameters_rule=None, body={"old": "x"}, body_rule=BODY)
    assert [(w.category, str(w.message)) for w in caught] == [
        (DeprecationWarning, "old is deprecated")
    ]


ITEM = {"type": "object", "properties": {"type": {"type": "string"}}, "keys": {"type_": "type"}}


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ([{"type_": "a"}], [{"type": "a"}]),
        ({"type_": "a"}, {"type": "a"}),
        ("plain", "plain"),
    ],
    ids=["list", "object", "string"],
)
def test_to_wire_spells_keys_the_wires_way_in_every_variant_of_a_union(
    value: Any, sent: Any
) -> None:
    # A union of a list of objects, an object and a string: each value renamed where it goes.
    rule = {"anyOf": [{"type": "array", "items": ITEM}, ITEM, {"type": "string"}]}
    assert to_wire(value, rule) == sent
