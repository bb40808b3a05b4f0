"""Python types of the IR's schemas: the classes of each side, and annotations.

A schema that lists properties is a class on each side it is used on: a TypedDict in
`magic_hour.types.params` for requests, a pydantic model in `magic_hour.types.models` for
responses. Classes are named as they are first met, reading the spec in order, so that two
schemas whose names spell the same words take turns: `Pet`, then `Pet2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.ir.model import Field, ObjectType, Schema
from generator.views.python.names import (
    MODEL_RESERVED,
    RESERVED,
    class_module,
    class_name,
    is_plain_key,
    python_name,
)
from generator.views.python.source import docstring_text, optional, python_literal, union_of

PACKAGE = "magic_hour"
PARAMS, MODELS = "params", "models"
# Names the generated modules import from the runtime: no schema class may take one.
RUNTIME_NAMES = frozenset(
    {
        "Client",
        "AsyncClient",
        "Environment",
        "Expected",
        "NotGiven",
        "RequestOptions",
        "SyncBaseClient",
        "AsyncBaseClient",
        "AssetField",
        "SyncWorkflow",
        "AsyncWorkflow",
        "ProgressCallback",
        "WorkflowConventions",
    }
)
# Enum values a `typing_extensions.Literal` can hold; other enums are checked by the rule only.
LITERAL_TYPES = (str, int, bool)
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


@dataclass
class PyField:
    """A field of a class, as its side declares it."""

    wire_name: str
    py_name: str  # a response model's attribute (a TypedDict is keyed by the wire name)
    required: bool
    schema: Schema
    description: str
    type: str  # the value's type; on a response, Optional when the server may leave it out
    annotation: str  # as the class body declares it
    field_arguments: str  # of a model's `pydantic.Field(...)`
    doc: str


@dataclass
class PyClass:
    side: str  # params | models
    name: str
    module: str  # its module in `magic_hour.types.<side>`
    description: str
    doc: str
    fields: list[PyField]
    imports: list[str]  # `from ... import ...` lines of the classes its fields use
    functional_syntax: bool = False  # a TypedDict some of whose keys are not identifiers
    base: str | None = None  # a model this one extends
    bases: str = ""  # as the class statement names them

    @property
    def import_line(self) -> str:
        return f"from {PACKAGE}.types.{self.side}.{self.module} import {self.name}"


class Classes:
    """Every class of both sides, in the order they are met; names unique across both."""

    def __init__(self) -> None:
        self.taken_names: set[str] = set(RUNTIME_NAMES)
        self.taken_modules: set[str] = set()
        self.by_object: dict[tuple[int, str], PyClass] = {}
        self.params: list[PyClass] = []
        self.models: list[PyClass] = []

    def visit(self, schema: Schema, side: str) -> None:
        """Make the classes of `schema` on `side`, innermost first."""
        if schema.object is not None and (id(schema.object), side) in self.by_object:
            return
        for inner in (schema.items, *(f.schema for f in schema.fields), schema.values):
            if inner is not None:
                self.visit(inner, side)
        for variant in schema.variants:
            self.visit(variant, side)
        if schema.object is not None:
            self._add(schema.object, side)

    def class_of(self, schema: Schema, side: str) -> PyClass | None:
        if schema.object is None:
            return None
        return self.by_object[(id(schema.object), side)]

    def is_free(self, name: str) -> bool:
        return name not in self.taken_names and class_module(name) not in self.taken_modules

    def annotation(self, schema: Schema, side: str) -> str:
        """The Python type of a value of `schema` on `side`."""
        values = [v for v in schema.enum or [] if v is not None]
        if schema.enum is not None and not values:
            found = "None"
        elif values and all(_literal_value(v) for v in values):
            literal = f"typing_extensions.Literal[{', '.join(python_literal(v) for v in values)}]"
            # A response may carry an enum value this client does not know yet; it must parse.
            found = literal if side == PARAMS else union_of([literal, _scalar(schema)])
        elif schema.kind == "union":
            found = union_of([self.annotation(v, side) for v in schema.variants])
        elif schema.kind == "array" and schema.items is not None:
            found = f"typing.List[{self.annotation(schema.items, side)}]"
        elif schema.kind == "object" and schema.object is not None:
            found = self.by_object[(id(schema.object), side)].name
        elif schema.kind == "object":
            inner = self.annotation(schema.values, side) if schema.values else "typing.Any"
            found = f"typing.Dict[str, {inner}]"
        else:
            found = _scalar(schema)
        return optional(found) if schema.nullable else found

    def referenced(self, schema: Schema, side: str) -> set[str]:
        """The classes an annotation of `schema` names: its own, or those inside it."""
        own = self.class_of(schema, side)
        if own is not None:
            return {own.name}
        found: set[str] = set()
        for inner in (schema.items, schema.values, *schema.variants):
            if inner is not None:
                found |= self.referenced(inner, side)
        return found

    def import_lines(self, names: set[str], side: str) -> list[str]:
        classes = {c.name: c for c in (self.params if side == PARAMS else self.models)}
        return [
            classes[name].import_line for _, name in sorted((classes[n].module, n) for n in names)
        ]

    def add_model(self, name: str, description: str, fields: list[Field], base: str) -> PyClass:
        """A response model of the view's own, extending `base`: `name` must be free."""
        return self._register(MODELS, name, description, fields, {base}, base)

    def _add(self, shape: ObjectType, side: str) -> None:
        stem = class_name(shape.name)
        name, counter = stem, 2
        while not self.is_free(name):
            name, counter = f"{stem}{counter}", counter + 1
        nested = {n for f in shape.fields for n in self.referenced(f.schema, side)}
        made = self._register(side, name, shape.description, shape.fields, nested)
        self.by_object[(id(shape), side)] = made

    def _register(
        self,
        side: str,
        name: str,
        description: str,
        fields: list[Field],
        nested: set[str],
        base: str | None = None,
    ) -> PyClass:
        self.taken_names.add(name)
        self.taken_modules.add(class_module(name))
        taken: set[str] = set()
        reserved = RESERVED if side == PARAMS else MODEL_RESERVED
        made = PyClass(
            side=side,
            name=name,
            module=class_module(name),
            description=description,
            doc=docstring_text(description or name),
            fields=[
                self._field(f, python_name(f.wire_name, taken, reserved), side) for f in fields
            ],
            imports=self.import_lines(nested, side),
            functional_syntax=side == PARAMS and not all(is_plain_key(f.wire_name) for f in fields),
            base=base,
            bases=base
            or ("typing_extensions.TypedDict" if side == PARAMS else "pydantic.BaseModel"),
        )
        (self.params if side == PARAMS else self.models).append(made)
        return made

    def _field(self, f: Field, py_name: str, side: str) -> PyField:
        annotation = self.annotation(f.schema, side)
        if side == PARAMS:
            presence = "Required" if f.required else "NotRequired"
            declared, arguments = f"typing_extensions.{presence}[{annotation}]", ""
        else:
            # A response field the server may leave out can be None.
            if not f.required and not annotation.startswith("typing.Optional["):
                annotation = f"typing.Optional[{annotation}]"
            declared, arguments = annotation, _model_field_arguments(f)
        return PyField(
            wire_name=f.wire_name,
            py_name=py_name,
            required=f.required,
            schema=f.schema,
            description=f.description,
            type=annotation,
            annotation=declared,
            field_arguments=arguments,
            doc=docstring_text(f.description),
        )


def _model_field_arguments(f: Field) -> str:
    """The arguments of a model field's `pydantic.Field(...)`."""
    arguments = []
    if not f.required:
        default = f.schema.default if f.schema.has_default else None
        arguments.append(f"default={python_literal(default)}")
    arguments.append(f"alias={python_literal(f.wire_name)}")
    if f.schema.deprecated:
        arguments.append("deprecated=True")
    return ", ".join(arguments)


def _scalar(schema: Schema) -> str:
    return _SCALARS.get(schema.kind, "typing.Any")


def _literal_value(value: Any) -> bool:
    """Can `value` stand in a `Literal[...]`? mypy takes strings, booleans and 64-bit integers."""
    if isinstance(value, int) and not isinstance(value, bool):
        return -(2**63) <= value < 2**63
    return isinstance(value, LITERAL_TYPES)
