"""Python source text for values: literals, docstring text, annotations put together."""

from __future__ import annotations

import json
import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Characters JSON leaves as they are but `str.splitlines` breaks lines at (so would the
# templates' indenting and black), which would cut a string literal in two.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def python_literal(value: Any) -> str:
    """Python source for a JSON value, with double-quoted strings as in the published docs."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(python_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{python_literal(str(k))}: {python_literal(v)}" for k, v in value.items())
            + "}"
        )
    raise TypeError(f"not a JSON value: {value!r}")


def wrapped_literal(text: str, width: int = 90) -> str:
    """A long string as parenthesised literals of about `width` characters, split at spaces."""
    pieces: list[str] = []
    for word in text.split(" "):
        if pieces and len(pieces[-1]) + len(word) < width:
            pieces[-1] += f" {word}"
        else:
            pieces.append(word if not pieces else f" {word}")
    if len(pieces) == 1:
        return python_literal(text)
    inner = "\n    ".join(python_literal(piece) for piece in pieces)
    return f"(\n    {inner}\n)"


def docstring_text(text: str) -> str:
    """Text that sits safely inside a triple-quoted docstring."""
    text = "\n".join(line.rstrip() for line in text.splitlines())
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    # Control characters (a NUL byte makes the file unreadable to Python) as escapes.
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text


def union_of(annotations: list[str]) -> str:
    unique = list(dict.fromkeys(annotations))
    if "typing.Any" in unique:
        return "typing.Any"
    return unique[0] if len(unique) == 1 else f"typing.Union[{', '.join(unique)}]"


def optional(annotation: str) -> str:
    if annotation == "typing.Any" or annotation.startswith("typing.Optional["):
        return annotation
    return f"typing.Optional[{annotation}]"


# Black's line length (generator/formatting.py pins it).
LINE_LENGTH = 100
# Strings black writes as they come: printable ASCII without quotes or backslashes, whose
# width is their length.
_PLAIN_STRING = re.compile(r"[ !#-\[\]-~]*")


def laid_out_assignment(target: str, value: Any) -> str:
    """`target = value` with a JSON value laid out as black lays it out: on one line if it fits,
    else each entry of the dict or list on a line of its own (with a trailing comma after
    each when there are several), and the same way down. Black's output is then the same bytes
    but black has no split to search for, which on the rules' long dicts is most of its time.
    A value black might write otherwise (a string with quotes, backslashes or characters
    outside ASCII, a float in exponent form) is left on one line, for black to lay out."""
    head = f"{target} = "
    if not _plain(value):
        return head + python_literal(value)
    return "\n".join(_laid_out(value, head, "", 0))


def _laid_out(value: Any, head: str, tail: str, indent: int) -> list[str]:
    line = " " * indent + head + python_literal(value) + tail
    if len(line) <= LINE_LENGTH or not isinstance(value, (dict, list)) or not value:
        return [line]
    if isinstance(value, dict):
        opening, closing = "{", "}"
        entries = [(f"{python_literal(str(k))}: ", v) for k, v in value.items()]
    else:
        opening, closing = "[", "]"
        entries = [("", v) for v in value]
    # Black adds a trailing comma where it splits at commas: not in a single entry.
    comma = "," if len(entries) > 1 else ""
    lines = [" " * indent + head + opening]
    for key, entry in entries:
        lines += _laid_out(entry, key, comma, indent + 4)
    lines.append(" " * indent + closing + tail)
    return lines


def _plain(value: Any) -> bool:
    if isinstance(value, str):
        return _PLAIN_STRING.fullmatch(value) is not None
    if isinstance(value, float):
        return "e" not in repr(value)
    if isinstance(value, dict):
        return all(_plain(str(k)) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (bool, int))
