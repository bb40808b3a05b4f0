"""The Python names of the generated package: identifiers, class names and modules.

Built from the IR's words (generator/naming.py), kept clear of keywords and of the names the
generated code itself uses.
"""

from __future__ import annotations

import http
import keyword

from generator.naming import pascal, snake, words

# Names a generated identifier must not take: keywords, and names the generated code itself
# uses in annotations or signatures, which a field of that name would shadow.
RESERVED = frozenset(
    {
        *keyword.kwlist,
        *keyword.softkwlist,
        "self",
        "request_options",
        "type",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "list",
        "dict",
        "object",
        "typing",
        "typing_extensions",
        "pydantic",
        "params",
        "models",
        # Names a generated method's body uses: runtime helpers, modules, its own locals.
        "given",
        "validation",
        "parameters",
        "body",
        "warnings",
        "functools",
        "os",
    }
)

# What a TypedDict key must not be, as the published SDK spells them: `type` is `type_`.
KEY_RESERVED = frozenset({*keyword.kwlist, *keyword.softkwlist, "type"})

# The methods and attributes of `Client` and `AsyncClient`, which a top-level resource must not
# shadow.
CLIENT_RESERVED = RESERVED | frozenset({"close", "webhooks"})

# Attributes of pydantic.BaseModel that a response field must not shadow.
MODEL_RESERVED = RESERVED | frozenset(
    {
        "copy",
        "dict",
        "json",
        "schema",
        "schema_json",
        "construct",
        "validate",
        "fields",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
    }
)


def python_name(wire_name: str, taken: set[str], reserved: frozenset[str] = RESERVED) -> str:
    """A safe, unique snake_case identifier for a wire name; records it in `taken`."""
    name = snake(words(wire_name)) or "field"
    if name[0].isdigit():
        name = f"field_{name}"
    if name.startswith("model_"):
        # pydantic keeps the `model_` namespace (model_dump, model_config...) for itself.
        name = f"field_{name}"
    if name in reserved or name.startswith("__"):
        name = f"{name}_"
    while name in taken:
        name = f"{name}_"
    taken.add(name)
    return name


def class_name(parts: list[str] | tuple[str, ...]) -> str:
    """A PascalCase class name; one that would not start with a letter starts with `Schema`.

    A name ending in `Client` gets `Schema` after it: those names belong to the resources.
    """
    name = pascal(parts)
    if not name[:1].isalpha() or not name.isascii():
        name = f"Schema{name}"
    if keyword.iskeyword(name):  # None, True, False
        name = f"{name}Schema"
    return f"{name}Schema" if name.endswith("Client") else name


def class_module(name: str) -> str:
    """The module a class lives in: its snake_case, kept clear of keywords."""
    module = snake(words(name))
    return f"{module}_" if keyword.iskeyword(module) or keyword.issoftkeyword(module) else module


def error_class_name(status: int) -> tuple[str, str]:
    """`NotFoundError` for 404, from the standard reason phrase; 5xx share one class."""
    if status >= 500:
        return "InternalServerError", "Server Error"
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = f"Status {status}"
    return pascal(words(phrase)) + "Error", phrase
