"""The naming rules of the generated package, in one place.

Names are built from word lists so that class names (PascalCase), module names and
attribute names (snake_case) of the same thing always agree.
"""

from __future__ import annotations

import keyword
import re

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

# The methods of `Client` and `AsyncClient`, which a top-level resource must not shadow.
CLIENT_RESERVED = RESERVED | frozenset({"close"})

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

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")


def words(text: str) -> list[str]:
    """`aiGifGenerator`, `ai-gif-generator`, `AI_GIF generator` -> ['ai', 'gif', 'generator']."""
    return [w.lower() for w in _WORD.findall(text)]


def pascal(parts: list[str]) -> str:
    return "".join(p[:1].upper() + p[1:] for p in parts)


def snake(parts: list[str]) -> str:
    return "_".join(parts)


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


def is_plain_key(name: str) -> bool:
    """Can `name` be written as a TypedDict class attribute and keep its wire spelling?"""
    return name.isidentifier() and name not in RESERVED and not name.startswith("__")


def class_name(parts: list[str]) -> str:
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
