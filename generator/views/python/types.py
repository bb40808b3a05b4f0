"""Python types of the IR's schemas: the classes of each side, and annotations.

A schema that lists properties is a class on each side it is used on: a TypedDict in
`magic_hour.types.params` for requests, a pydantic model in `magic_hour.types.models` for
responses. Classes are named as they are first met, reading the spec in order, so that two
schemas whose names spell the same words take turns: `Pet`, then `Pet2`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from generator.ir.model import Field, ObjectType, Schema
from generator.naming import pascal, words
from generator.views.python.names import (
    KEY_RESERVED,
    MODEL_RESERVED,
    class_module,
    class_name,
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
    py_name: str  # a model's attribute; a TypedDict's key (sent under the wire name)
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
        # The same classes by name, so that a lookup does not walk every class of the API.
        self.named: dict[str, dict[str, PyClass]] = {PARAMS: {}, MODELS: {}}

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

    def renamed_keys(self, schema: Schema) -> dict[str, str]:
        """The keys of a request object that Python spells otherwise: Python name -> wire name."""
        made = self.class_of(schema, PARAMS)
        if made is None:
            return {}
        return {f.py_name: f.wire_name for f in made.fields if f.py_name != f.wire_name}

    def python_keys(self, value: Any, schema: Schema) -> Any:
        """A request value (an example, as the spec spells it) with its keys as Python's."""
        if isinstance(value, list) and schema.items is not None:
            return [self.python_keys(item, schema.items) for item in value]
        if not isinstance(value, dict):
            return value
        variants = [v for v in schema.variants if v.fields] or [schema]
        fields = {f.wire_name: f for v in reversed(variants) for f in v.fields}
        spelled = {wire: py for v in variants for py, wire in self.renamed_keys(v).items()}
        converted = {}
        for key, item in value.items():
            inner = fields[key].schema if key in fields else schema.values
            converted[spelled.get(key, key)] = (
                self.python_keys(item, inner) if inner is not None else item
            )
        return converted

    def variant(
        self, schema: Schema, name: str, file_paths: list[tuple[str, ...]], note: str
    ) -> str:
        """A request class like `schema`'s, named `name`, whose fields at `file_paths` (wire
        names, "[]" for list items) say `note` too, and whose objects on the way are variants
        as well: `generate`'s `V1...GenerateBodyAssets`, whose file fields take local files."""
        if name in self.named[PARAMS]:
            return name
        base = self.class_of(schema, PARAMS)
        assert base is not None  # the paths lead through request classes
        fields, nested = [], set()
        for f in base.fields:
            below = [p[1:] for p in file_paths if p and p[0] == f.wire_name]
            inner, suffix = f.schema, pascal(words(f.wire_name))
            while below and inner.items is not None:
                inner, suffix = inner.items, suffix + "Item"
                below = [p[1:] for p in below if p and p[0] == "[]"]
            if () in below:
                f = dataclasses.replace(f, doc=docstring_text(f"{f.description}\n\n{note}"))
            elif below and inner.object is not None:
                old = self.by_object[(id(inner.object), PARAMS)].name
                new = self.variant(inner, name + suffix, below, note)
                swap = re.compile(rf"\b{re.escape(old)}\b")
                f = dataclasses.replace(
                    f, type=swap.sub(new, f.type), annotation=swap.sub(new, f.annotation)
                )
            nested |= self.names_in(f.type)
            fields.append(f)
        self.taken_names.add(name)
        self.taken_modules.add(class_module(name))
        made = dataclasses.replace(
            base,
            name=name,
            module=class_module(name),
            fields=fields,
            imports=self.import_lines(nested, PARAMS),
        )
        self.params.append(made)
        self.named[PARAMS][name] = made
        return name

    def names_in(self, annotation: str) -> set[str]:
        """The request classes an annotation names."""
        names = set(re.findall(r"\b[A-Z]\w*\b", annotation))
        return {n for n in names if n in self.named[PARAMS]}

    def import_lines(self, names: set[str], side: str) -> list[str]:
        classes = self.named[side]
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
        reserved = KEY_RESERVED if side == PARAMS else MODEL_RESERVED
        made = PyClass(
            side=side,
            name=name,
            module=class_module(name),
            description=description,
            doc=docstring_text(description or name),
            fields=[self._field(f, py_name, side) for f, py_name in _field_names(fields, reserved)],
            imports=self.import_lines(nested, side),
            base=base,
            bases=base
            or ("typing_extensions.TypedDict" if side == PARAMS else "pydantic.BaseModel"),
        )
        (self.params if side == PARAMS else self.models).append(made)
        self.named[side][name] = made
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


def _field_names(fields: list[Field], reserved: frozenset[str]) -> list[tuple[Field, str]]:
    """Each field with its Python name. A Python name is never another field's wire name: a
    key given either way must mean one field (`searchWeb` is `search_web`, so a `search_web`
    of its own becomes `search_web_`)."""
    wire_names = {f.wire_name for f in fields}
    taken: set[str] = set()
    named = []
    for f in fields:
        blocked = taken | (wire_names - {f.wire_name})
        py_name = python_name(f.wire_name, blocked, reserved)
        taken.add(py_name)
        named.append((f, py_name))
    return named


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
