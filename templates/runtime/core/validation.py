"""Checks a request against the spec's rules before anything is sent.

A rule is a small subset of JSON Schema written out by the generator next to each method:
`type`, `nullable`, `enum`, string, number and array bounds, `pattern`, `properties`,
`required`, `additionalProperties`, `items`, `oneOf` / `anyOf` (with a `discriminator`) and
`deprecated`. Every violation is reported, not just the first, each naming the field path
(`style.prompt`, `items[0].extension`). A deprecated field that is used gives a
DeprecationWarning naming it.
"""

from __future__ import annotations

import math
import re
import typing
import warnings

from magic_hour.core.errors import RequestValidationError

Rule = typing.Mapping[str, typing.Any]

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "a list",
    "object": "a mapping",
}


class _Findings:
    """What a check found: the problems, and the deprecated fields the request uses."""

    def __init__(self) -> None:
        self.problems: typing.List[str] = []
        self.deprecated: typing.List[str] = []

    def append(self, problem: str) -> None:
        self.problems.append(problem)


def _visit(value: typing.Any, rule: Rule, field: str, found: _Findings) -> None:
    where = field or "body"
    if rule.get("deprecated"):
        found.deprecated.append(where)
    if value is None:
        typed = "type" in rule or "oneOf" in rule or "anyOf" in rule
        if not rule.get("nullable", False) and typed:
            found.append(f"{where}: must not be None")
        return
    variants = rule.get("oneOf", rule.get("anyOf"))
    if variants is not None:
        _check_union(value, rule, variants, field, found)
        return
    expected = rule.get("type")
    if expected is not None and not _has_type(value, expected):
        found.append(f"{where}: must be {_TYPE_NAMES[expected]}, got {_describe(value)}")
        return
    enum = rule.get("enum")
    if enum is not None and value not in enum:
        choices = ", ".join(repr(v) for v in enum)
        found.append(f"{where}: must be one of {choices}, got {value!r}")
    if isinstance(value, str):
        _check_string(value, rule, where, found)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        _check_number(value, rule, where, found)
    elif isinstance(value, (list, tuple)):
        _check_array(value, rule, field, found)
    elif isinstance(value, dict):
        _check_object(value, rule, field, found)


def _has_type(value: typing.Any, expected: str) -> bool:
    if expected == "string":
        return isinstance(value, str)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "integer":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if expected == "number":
        return (
            isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        )
    if expected == "array":
        return isinstance(value, (list, tuple))
    if expected == "object":
        return isinstance(value, dict)
    return True


def _check_string(value: str, rule: Rule, where: str, found: _Findings) -> None:
    if "minLength" in rule and len(value) < rule["minLength"]:
        found.append(
            f"{where}: must be at least {rule['minLength']} characters long (minLength), got {value!r}"
        )
    if "maxLength" in rule and len(value) > rule["maxLength"]:
        found.append(
            f"{where}: must be at most {rule['maxLength']} characters long (maxLength), got {_short(value)}"
        )
    if "pattern" in rule and re.search(rule["pattern"], value) is None:
        found.append(f"{where}: must match the pattern {rule['pattern']!r}, got {_short(value)}")


def _check_number(
    value: typing.Union[int, float], rule: Rule, where: str, found: _Findings
) -> None:
    minimum, maximum = rule.get("minimum"), rule.get("maximum")
    if minimum is not None:
        if rule.get("exclusiveMinimum") and value <= minimum:
            found.append(
                f"{where}: must be greater than {minimum} (exclusiveMinimum), got {value!r}"
            )
        elif value < minimum:
            found.append(f"{where}: must be at least {minimum} (minimum), got {value!r}")
    if maximum is not None:
        if rule.get("exclusiveMaximum") and value >= maximum:
            found.append(f"{where}: must be less than {maximum} (exclusiveMaximum), got {value!r}")
        elif value > maximum:
            found.append(f"{where}: must be at most {maximum} (maximum), got {value!r}")
    step = rule.get("multipleOf")
    if step is not None:
        quotient = value / step
        if not math.isclose(quotient, round(quotient), rel_tol=0, abs_tol=1e-9):
            found.append(f"{where}: must be a multiple of {step} (multipleOf), got {value!r}")


def _check_array(
    value: typing.Sequence[typing.Any], rule: Rule, field: str, found: _Findings
) -> None:
    where = field or "body"
    count = len(value)
    if "minItems" in rule and count < rule["minItems"]:
        found.append(
            f"{where}: must have at least {rule['minItems']} items (minItems), got {count}"
        )
    if "maxItems" in rule and count > rule["maxItems"]:
        found.append(f"{where}: must have at most {rule['maxItems']} items (maxItems), got {count}")
    if rule.get("uniqueItems") and len({repr(v) for v in value}) != count:
        found.append(f"{where}: items must be unique (uniqueItems)")
    items = rule.get("items")
    if items is not None:
        for index, item in enumerate(value):
            _visit(item, items, f"{field}[{index}]", found)


def _check_object(
    value: typing.Dict[typing.Any, typing.Any], rule: Rule, field: str, found: _Findings
) -> None:
    properties: typing.Mapping[str, Rule] = rule.get("properties", {})
    prefix = f"{field}." if field else ""
    for name in rule.get("required", ()):
        if name not in value:
            found.append(f"{prefix}{name}: is required")
    extra = rule.get("additionalProperties", True)
    for key, item in value.items():
        if key in properties:
            _visit(item, properties[key], f"{prefix}{key}", found)
        elif extra is False:
            allowed = ", ".join(properties) or "none"
            found.append(f"{prefix}{key}: is not a known field (known: {allowed})")
        elif isinstance(extra, dict):
            _visit(item, extra, f"{prefix}{key}", found)


def _check_union(
    value: typing.Any, rule: Rule, variants: typing.Sequence[Rule], field: str, found: _Findings
) -> None:
    where = field or "body"
    discriminator = rule.get("discriminator")
    if discriminator is not None and isinstance(value, dict):
        name, mapping = discriminator["propertyName"], discriminator["mapping"]
        path = f"{field}.{name}" if field else name
        if name not in value:
            found.append(f"{path}: is required")
        elif value[name] not in mapping:
            choices = ", ".join(repr(v) for v in mapping)
            found.append(f"{path}: must be one of {choices}, got {_short(value[name])}")
        else:
            _visit(value, variants[mapping[value[name]]], field, found)
        return
    attempts = []
    for variant in variants:
        attempt = _Findings()
        _visit(value, variant, field, attempt)
        attempts.append(attempt)
    matches = [number for number, attempt in enumerate(attempts, 1) if not attempt.problems]
    if not matches:
        reasons = "; ".join(f"option {n}: {a.problems[0]}" for n, a in enumerate(attempts, 1))
        found.append(f"{where}: matches none of the {len(variants)} allowed shapes ({reasons})")
    elif "oneOf" in rule and len(matches) > 1:
        options = ", ".join(str(n) for n in matches)
        found.append(
            f"{where}: matches more than one allowed shape (options {options}), but must match exactly one"
        )
    else:
        found.deprecated.extend(attempts[matches[0] - 1].deprecated)


def unencodable(values: typing.Mapping[str, typing.Any]) -> typing.List[str]:
    """The fields of `values` (at any depth, keys included) that cannot be sent as UTF-8.

    A lone surrogate (from a file name read with `surrogateescape`, or half of a pair) is not
    valid Unicode. Checked as a request is built, not with the spec's rules: `generate` takes
    local file names, which may hold one, and sends their uploaded paths instead.
    """
    found = _Findings()
    _check_encodable(values, "", found)
    return [_printable(problem) for problem in found.problems]


def _check_encodable(value: typing.Any, field: str, found: _Findings) -> None:
    if isinstance(value, str):
        if not value.isascii() and not encodable(value):
            found.append(f"{field or 'body'}: is not valid Unicode (it holds a lone surrogate)")
    elif isinstance(value, dict):
        prefix = f"{field}." if field else ""
        for key, item in value.items():
            if isinstance(key, str) and not key.isascii() and not encodable(key):
                found.append(f"{prefix}{key}: the field name is not valid Unicode")
            _check_encodable(item, f"{prefix}{key}", found)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_encodable(item, f"{field}[{index}]", found)


def _printable(problem: str) -> str:
    # A field name may hold a lone surrogate too: the message must still print.
    return problem.encode("utf-8", "backslashreplace").decode("utf-8")


def encodable(text: str) -> bool:
    """Whether `text` can be sent: it holds no lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _describe(value: typing.Any) -> str:
    return f"{type(value).__name__} {_short(value)}"


def _short(value: typing.Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def to_wire(value: typing.Any, rule: Rule) -> typing.Any:
    """`value` with its keys spelled as the API spells them: a TypedDict's `type_` as `type`.

    A rule's `keys` maps the Python spelling of a key to the wire's; a key spelled the wire's
    way already stays as it is, so code may use either (no Python spelling is another key's
    wire spelling). A value whose rule renames nothing, at any depth, is returned as it is.
    """
    return _spelled(value, rule) if _renames(rule) else value


# Whether a rule renames a key at any depth, by the rule's id. Most rules rename nothing:
# working that out once spares each call a copy of its arguments. The rule is kept beside its
# answer, so that no other rule can be given its id.
_RENAMES: typing.Dict[int, typing.Tuple[Rule, bool]] = {}


def _renames(rule: Rule) -> bool:
    known = _RENAMES.get(id(rule))
    if known is None:
        known = _RENAMES[id(rule)] = (rule, _has_renames(rule))
    return known[1]


def _has_renames(rule: Rule) -> bool:
    if rule.get("keys"):
        return True
    extra = rule.get("additionalProperties")
    inner = [
        *rule.get("properties", {}).values(),
        *rule.get("oneOf", ()),
        *rule.get("anyOf", ()),
        *([rule["items"]] if "items" in rule else []),
        *([extra] if isinstance(extra, dict) else []),
    ]
    return any(_has_renames(part) for part in inner)


def _spelled(value: typing.Any, rule: Rule) -> typing.Any:
    variants = rule.get("oneOf", rule.get("anyOf"))
    if variants is not None and isinstance(value, dict):
        # Each variant's spellings: a value of any of them is sent as the API spells it.
        merged: typing.Dict[str, typing.Any] = {"keys": {}, "properties": {}}
        for variant in variants:
            merged["keys"] = {**variant.get("keys", {}), **merged["keys"]}
            merged["properties"] = {**variant.get("properties", {}), **merged["properties"]}
        return _spelled(value, merged)
    if variants is not None and isinstance(value, (list, tuple)):
        arrays = [variant for variant in variants if "items" in variant]
        return _spelled(value, arrays[0]) if arrays else value
    if isinstance(value, dict):
        properties: typing.Mapping[str, Rule] = rule.get("properties", {})
        renames: typing.Mapping[str, str] = rule.get("keys", {})
        extra = rule.get("additionalProperties")
        wire: typing.Dict[typing.Any, typing.Any] = {}
        for key, item in value.items():
            name = renames.get(key, key)
            inner = properties.get(name, extra if isinstance(extra, dict) else None)
            wire[name] = item if inner is None else _spelled(item, inner)
        return wire
    if isinstance(value, (list, tuple)) and "items" in rule:
        return [_spelled(item, rule["items"]) for item in value]
    return value


def check_request(
    *,
    parameters: typing.Optional[typing.Mapping[str, typing.Any]],
    parameters_rule: typing.Optional[Rule],
    body: typing.Optional[typing.Mapping[str, typing.Any]],
    body_rule: typing.Optional[Rule],
) -> None:
    """Check a method's path, query and header arguments and its body, all problems at once."""
    found = _Findings()
    if parameters is not None and parameters_rule is not None:
        _visit(dict(parameters), parameters_rule, "", found)
    if body is not None and body_rule is not None:
        _visit(dict(body), body_rule, "", found)
    if found.problems:
        raise RequestValidationError([_printable(problem) for problem in found.problems])
    for field in found.deprecated:
        # stacklevel 3: the caller of the generated method, not the method itself.
        warnings.warn(f"{field} is deprecated", DeprecationWarning, stacklevel=3)
