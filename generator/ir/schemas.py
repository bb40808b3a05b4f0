"""Schemas: `$ref`s, objects, arrays, maps, `allOf`, `oneOf`/`anyOf` and discriminators.

Each component schema is built once, wherever it is first used; an inline object is named by
where it sits (`name`: the words of the operation, `body` or `response`, and the property
path), a component by its own name.
"""

from __future__ import annotations

import dataclasses
import difflib
import re

from openapi_pydantic.v3.v3_0 import Reference, Schema as OpenApiSchema

from generator.ir.context import Context
from generator.ir.examples import example_problems
from generator.ir.model import Discriminator, Field, ObjectType, Schema
from generator.load import Pointer
from generator.naming import words

# JSON Schema keywords the client enforces, in the order its rules list them.
CONSTRAINTS = (
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
)

Name = tuple[str, ...]
# One property of an object being built: (wire name, file, pointer, its schema).
Declared = tuple[str, str, Pointer, OpenApiSchema | Reference]
# The kind of a property that only an example describes, by the example value's type.
_EXAMPLE_KINDS: dict[type, str] = {bool: "boolean", int: "integer", float: "number", str: "string"}
# The names an object's `required` lists, each with where it is listed (file, pointer).
Listed = dict[str, tuple[str, Pointer]]
# The keywords of an OpenAPI 3.0 schema; any other (but an `x-` extension) is a typo or a
# keyword of another version (`const`, `examples`) that the generator would silently ignore.
KEYWORDS = frozenset(f.alias or name for name, f in OpenApiSchema.model_fields.items())


class SchemaBuilder:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.components: dict[str, Schema] = {}
        self.in_progress: set[str] = set()

    def build(
        self, file: str, pointer: Pointer, node: OpenApiSchema | Reference, name: Name | None
    ) -> Schema | None:
        """The schema at `pointer`; None (with the problem recorded) if it cannot be built.

        `name` names an object that lists properties; None where no name can be given (an
        object there is a problem).
        """
        if isinstance(node, Reference):
            return self._component(file, pointer, node.ref)
        self._unknown_keywords(file, pointer, node)
        schema = self._schema(file, pointer, node, name)
        if schema is not None and "example" in node.model_fields_set:
            schema = self.checked_example(file, (*pointer, "example"), schema)
        return schema

    def checked_example(self, file: str, pointer: Pointer, schema: Schema) -> Schema:
        """`schema`, without its example (at `pointer`) if the example breaks it: the docs
        would show, and the mock server answer with, a value the client refuses."""
        problems = example_problems(schema.example, schema)
        for path, problem in problems:
            where = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
            message = f"the example{where} breaks its own schema: {problem}; it is not used"
            self.context.warn(self.context.locate(file, (*pointer, *path)), message)
        if problems:
            return dataclasses.replace(schema, example=None, has_example=False)
        return schema

    def _unknown_keywords(self, file: str, pointer: Pointer, node: OpenApiSchema) -> None:
        for key in node.model_extra or {}:
            if not key.startswith("x-"):
                close = difflib.get_close_matches(key, KEYWORDS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                message = f"unknown schema keyword '{key}' is ignored{hint}"
                self.context.warn(self.context.locate(file, (*pointer, key), key=True), message)

    def _schema(
        self, file: str, pointer: Pointer, node: OpenApiSchema, name: Name | None
    ) -> Schema | None:
        if node.schema_not is not None:
            self.context.problem(file, (*pointer, "not"), "'not' is not supported", key=True)
            return None
        if node.allOf:
            return self._all_of(file, pointer, node, name)
        if node.oneOf or node.anyOf:
            return self._union(file, pointer, node, name)
        if node.type is not None:
            kind = node.type.value
        elif node.properties or node.additionalProperties is not None:
            kind = "object"
        else:
            kind = "array" if node.items is not None else "any"
        schema = self._keywords(file, pointer, node, kind)
        if schema is None:
            return None
        if kind == "array":
            if node.items is None:
                self.context.problem(file, pointer, "an array schema needs 'items'")
                return None
            item_name = (*name, "item") if name is not None else None
            items = self.build(file, (*pointer, "items"), node.items, item_name)
            if items is None:
                return None
            return dataclasses.replace(schema, items=items)
        if kind == "object":
            declared = [
                (wire_name, file, (*pointer, "properties", wire_name), child)
                for wire_name, child in (node.properties or {}).items()
            ]
            required = {
                wire_name: (file, (*pointer, "required", i))
                for i, wire_name in enumerate(node.required or [])
            }
            return self._object(schema, file, pointer, declared, required, node, name)
        return schema

    def _keywords(
        self, file: str, pointer: Pointer, node: OpenApiSchema, kind: str
    ) -> Schema | None:
        """A schema's own keywords: everything but its items, properties and variants."""
        constraints = {}
        for key in CONSTRAINTS:
            value = getattr(node, key, None)
            if value is not None and value is not False:
                constraints[key] = value
        if "pattern" in constraints:
            try:
                re.compile(constraints["pattern"])
            except re.error as exc:
                message = f"'pattern' is not a valid regular expression: {exc}"
                self.context.problem(file, (*pointer, "pattern"), message)
                return None
        enum = list(node.enum) if node.enum is not None else None
        given = node.model_fields_set
        return Schema(
            kind=kind,
            # `enum: [..., null]` admits null whatever `nullable` says.
            nullable=bool(node.nullable) or (enum is not None and None in enum),
            description=(node.description or "").strip(),
            enum=enum,
            constraints=constraints,
            format=node.schema_format,
            deprecated=bool(node.deprecated),
            example=node.example if "example" in given else None,
            has_example="example" in given,
            default=node.default if "default" in given else None,
            has_default="default" in given,
        )

    def _object(
        self,
        schema: Schema,
        file: str,
        pointer: Pointer,
        declared: list[Declared],
        required: Listed,
        node: OpenApiSchema,
        name: Name | None,
    ) -> Schema | None:
        """An object with its `declared` properties and its additional properties."""
        fields = []
        for wire_name, child_file, child_pointer, child in declared:
            child_name = (*name, *words(wire_name)) if name is not None else None
            child_schema = self.build(child_file, child_pointer, child, child_name)
            if child_schema is None:
                return None
            fields.append(
                Field(wire_name, wire_name in required, child_schema, child_schema.description)
            )
        defined = {wire_name for wire_name, *_ in declared}
        example = schema.example if isinstance(schema.example, dict) else {}
        for wire_name, (listed_file, listed_at) in required.items():
            if wire_name in defined:
                continue
            # A spec wart of the real API: a deprecated property dropped from `properties` but
            # not from `required`. The API may still send it; only an example says what it holds.
            kind = _EXAMPLE_KINDS.get(type(example.get(wire_name)), "any")
            of_type = "any type" if kind == "any" else f"type {kind}"
            message = (
                f"'required' names '{wire_name}', which 'properties' does not define: "
                f"modelled as an optional field of {of_type}"
            )
            self.context.warn(self.context.locate(listed_file, listed_at), message)
            unknown = "Listed as required by the spec, which does not describe it."
            guessed = Schema(
                kind=kind,
                description=unknown,
                example=example.get(wire_name),
                has_example=wire_name in example,
            )
            fields.append(Field(wire_name, False, guessed, unknown))
        additional = node.additionalProperties
        values = None
        if isinstance(additional, (OpenApiSchema, Reference)):
            value_name = (*name, "value") if name is not None else None
            values = self.build(file, (*pointer, "additionalProperties"), additional, value_name)
            if values is None:
                return None
            open_object = True
        else:
            open_object = additional is True or (not declared and additional is None)
        shape = None
        if fields:
            if name is None:
                message = "an object with properties needs a name here; move it to components"
                self.context.problem(file, pointer, message)
                return None
            shape = ObjectType(name, schema.description, fields)
        return dataclasses.replace(schema, object=shape, open_object=open_object, values=values)

    def _all_of(
        self, file: str, pointer: Pointer, node: OpenApiSchema, name: Name | None
    ) -> Schema | None:
        """`allOf`: one object with the properties of all its parts, or an alias of one part."""
        parts = node.allOf or []
        if len(parts) == 1 and not node.properties:
            # `allOf: [$ref]` beside `nullable`, `description`...: the part, with those added.
            part = self.build(file, (*pointer, "allOf", 0), parts[0], name)
            if part is None:
                return None
            own = self._keywords(file, pointer, node, part.kind)
            if own is None:
                return None
            return _with_keywords(part, own)
        declared: dict[str, Declared] = {}
        required: Listed = {}
        # (file, pointer, schema, whether it is an `allOf` part rather than the schema itself,
        # the $refs followed to reach it)
        pending: list[tuple[str, Pointer, OpenApiSchema | Reference, bool, frozenset[str]]] = [
            (file, pointer, node, False, frozenset())
        ]
        pending += [
            (file, (*pointer, "allOf", i), part, True, frozenset()) for i, part in enumerate(parts)
        ]
        merged_refs: set[str] = set()
        while pending:
            part_file, part_pointer, entry, is_part, via = pending.pop(0)
            if isinstance(entry, Reference):
                if entry.ref in via:
                    message = (
                        f"$ref '{entry.ref}' is recursive; recursive schemas are not supported yet"
                    )
                    self.context.problem(part_file, (*part_pointer, "$ref"), message)
                    return None
                if entry.ref in merged_refs:
                    continue  # a part reached twice (a diamond) adds nothing the second time
                merged_refs.add(entry.ref)
                resolved = self.context.resolve(part_file, part_pointer, entry.ref)
                if resolved is None:
                    return None
                pending.insert(0, (*resolved, True, via | {entry.ref}))
                continue
            if not isinstance(entry, OpenApiSchema):
                self.context.problem(part_file, part_pointer, "this $ref must point at a schema")
                return None
            self._unknown_keywords(part_file, part_pointer, entry)
            if is_part and entry.allOf:
                # A part that is itself an `allOf`: its own properties, then its parts.
                own_part = entry.model_copy(update={"allOf": None})
                nested = [
                    (part_file, (*part_pointer, "allOf", i), inner, True, via)
                    for i, inner in enumerate(entry.allOf)
                ]
                pending[:0] = [(part_file, part_pointer, own_part, False, via), *nested]
                continue
            kind = entry.type.value if entry.type is not None else None
            if is_part and (
                kind not in (None, "object") or entry.oneOf or entry.anyOf or entry.items
            ):
                what = kind or ("union" if entry.oneOf or entry.anyOf else "array")
                message = f"'allOf' combines objects only; this part is {_a(what)}"
                self.context.problem(part_file, part_pointer, message)
                return None
            for i, wire_name in enumerate(entry.required or []):
                required.setdefault(wire_name, (part_file, (*part_pointer, "required", i)))
            for wire_name, child in (entry.properties or {}).items():
                child_pointer = (*part_pointer, "properties", wire_name)
                if wire_name in declared and declared[wire_name][3] != child:
                    first_file, first_pointer = declared[wire_name][1], declared[wire_name][2]
                    there = self.context.locate(first_file, first_pointer, key=True)
                    message = (
                        f"'allOf': property '{wire_name}' is already defined differently at {there}"
                    )
                    self.context.problem(part_file, child_pointer, message, key=True)
                    return None
                declared[wire_name] = (wire_name, part_file, child_pointer, child)
        schema = self._keywords(file, pointer, node, "object")
        if schema is None:
            return None
        merged = node.model_copy(update={"allOf": None})
        return self._object(schema, file, pointer, list(declared.values()), required, merged, name)

    def _union(
        self, file: str, pointer: Pointer, node: OpenApiSchema, name: Name | None
    ) -> Schema | None:
        """`oneOf` / `anyOf`: a value that matches its variants (one of them, for `oneOf`)."""
        keyword = "oneOf" if node.oneOf else "anyOf"
        if node.oneOf and node.anyOf:
            message = "'oneOf' and 'anyOf' together are not supported"
            self.context.problem(file, (*pointer, "anyOf"), message, key=True)
            return None
        if node.properties:
            message = f"properties beside '{keyword}' are not supported; put them in each variant"
            self.context.problem(file, (*pointer, "properties"), message, key=True)
            return None
        schema = self._keywords(file, pointer, node, "union")
        if schema is None:
            return None
        variants = []
        for index, part in enumerate(node.oneOf or node.anyOf or []):
            part_name = (*name, "variant", str(index + 1)) if name is not None else None
            variant = self.build(file, (*pointer, keyword, index), part, part_name)
            if variant is None:
                return None
            variants.append(variant)
        discriminator = None
        if node.discriminator is not None:
            discriminator = self._discriminator(file, pointer, node, keyword, variants)
            if discriminator is None:
                return None
        return dataclasses.replace(
            schema, variants=variants, exclusive=keyword == "oneOf", discriminator=discriminator
        )

    def _discriminator(
        self,
        file: str,
        pointer: Pointer,
        node: OpenApiSchema,
        keyword: str,
        variants: list[Schema],
    ) -> Discriminator | None:
        """The discriminating property, and which variant each of its values selects."""
        assert node.discriminator is not None
        prop = node.discriminator.propertyName
        parts = node.oneOf or node.anyOf or []
        refs = {part.ref: index for index, part in enumerate(parts) if isinstance(part, Reference)}
        if node.discriminator.mapping:
            mapping: dict[str, int] = {}
            for value, target in node.discriminator.mapping.items():
                index = refs.get(target)
                if index is None:
                    index = next(
                        (i for r, i in refs.items() if r.rpartition("/")[2] == target), None
                    )
                if index is None:
                    message = f"discriminator mapping '{value}': '{target}' is not one of the {keyword} variants"
                    where = (*pointer, "discriminator", "mapping", value)
                    self.context.problem(file, where, message)
                    return None
                mapping[value] = index
        else:
            mapping = {ref.rpartition("/")[2]: index for ref, index in refs.items()}
        for index, variant in enumerate(variants):
            if index not in mapping.values():
                message = f"discriminator: no value selects {keyword} variant {index + 1}; inline variants need a $ref and a mapping"
                self.context.problem(file, (*pointer, "discriminator"), message, key=True)
                return None
            if prop not in {f.wire_name for f in variant.fields}:
                message = f"discriminator: {keyword} variant {index + 1} has no property '{prop}'"
                self.context.problem(file, (*pointer, "discriminator"), message, key=True)
                return None
        return Discriminator(prop, dict(sorted(mapping.items())))

    def _component(self, file: str, pointer: Pointer, ref: str) -> Schema | None:
        resolved = self.context.resolve(file, pointer, ref)
        if resolved is None:
            return None
        target_file, target_pointer, target = resolved
        key = ref.partition("#")[2]
        if key in self.components:
            return self.components[key]
        if key in self.in_progress:
            message = f"$ref '{ref}' is recursive; recursive schemas are not supported yet"
            self.context.problem(file, (*pointer, "$ref"), message)
            return None
        self.in_progress.add(key)
        if isinstance(target, Reference):
            schema = self._component(target_file, target_pointer, target.ref)
        else:
            name = tuple(words(str(target_pointer[-1])))
            schema = self.build(target_file, target_pointer, target, name)
        self.in_progress.discard(key)
        if schema is not None:
            self.components[key] = schema
        return schema


def _with_keywords(part: Schema, own: Schema) -> Schema:
    """`part` with the keywords an `allOf: [part]` schema sets beside it."""
    schema = dataclasses.replace(
        part,
        nullable=part.nullable or own.nullable,
        description=own.description or part.description,
        deprecated=part.deprecated or own.deprecated,
    )
    if own.has_example:
        schema = dataclasses.replace(schema, example=own.example, has_example=True)
    if own.has_default:
        schema = dataclasses.replace(schema, default=own.default, has_default=True)
    return schema


def _a(what: str) -> str:
    """`a string`, `an integer`: a schema kind with its article."""
    return f"an {what}" if what in ("integer", "array", "object") else f"a {what}"
