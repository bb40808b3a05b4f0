"""The docstrings of the generated methods: what an editor's hover and `help()` show."""

from __future__ import annotations

import re

from generator.ir.model import Operation, Schema
from generator.views.python.model import PyArgument, PyResponse
from generator.views.python.names import error_class_name
from generator.views.python.source import docstring_text, python_literal

# A sentence that makes a field's presence or value depend on another field's.
_CONDITION = re.compile(r"\b(required if|must be)\b", re.IGNORECASE)
_WHAT = {
    "json": "the parsed response body",
    "text": "the body as text",
    "binary": "the body as bytes",
    "empty": "nothing (success)",
}


def method_docstrings(
    op: Operation,
    arguments: list[PyArgument],
    responses: list[PyResponse],
    return_annotation: str,
    example_call: str,
    sync_method: str,
) -> tuple[str, str]:
    """The sync and async docstrings of a method; `sync_method` names the first, which the
    second refers to."""
    parts = []
    if op.summary:
        parts.append(op.summary)
    if op.description:
        parts.append(op.description)
    parts.append(f"{op.http_method} {op.path}")
    if arguments:
        lines = ["Args:", *argument_lines(arguments)]
        lines.append(
            "    request_options: Additional options for this request (timeout, retries, headers)."
        )
        parts.append("\n".join(lines))
    conditions = [f"- {name}: {sentence}" for name, sentence in prose_conditions(arguments)]
    if conditions:
        heading = (
            "Conditions the spec states only in prose (the API checks them, this client does not):"
        )
        parts.append("\n".join([heading, *conditions]))
    parts.append("Returns:\n" + "\n".join(_return_lines(responses, return_annotation)))
    raises = [
        "Raises:",
        "    RequestValidationError: an argument breaks the spec; nothing was sent.",
    ]
    parts.append("\n".join(raises + status_errors(op.error_statuses)))
    return with_examples("\n\n".join(parts), op.summary, example_call, sync_method)


def with_examples(text: str, summary: str, call: str, sync_method: str) -> tuple[str, str]:
    """The sync docstring, `text` and its example call; and the async one, which says each
    thing once: it refers to the sync one and shows the call awaited."""
    twin = (
        f"{' '.join(summary.split()) or sync_method.rpartition('.')[2]}\n\n"
        f"The async form of `{sync_method}`, documented there: the same arguments, result"
        " and errors."
    )
    return (
        docstring_text(f"{text}\n\nExamples:\n```py\n{call}\n```"),
        docstring_text(f"{twin}\n\nExamples:\n```py\nawait {call}\n```"),
    )


def argument_lines(arguments: list[PyArgument]) -> list[str]:
    """The `Args:` lines of a method's own arguments."""
    lines = []
    for a in arguments:
        text = " ".join(a.description.split()) or "No description."
        if a.deprecated:
            text = f"Deprecated. {text}"
        if a.schema.has_default:
            text += f" Defaults to {python_literal(a.schema.default)} (applied by the API)."
        lines.append(f"    {a.py_name}: {text}")
    return lines


def status_errors(statuses: list[int]) -> list[str]:
    """The `Raises:` lines of the API's documented error statuses."""
    lines = []
    for status in statuses:
        name, phrase = error_class_name(status)
        lines.append(f"    {name}: the API answered {status} {phrase}.")
    return lines


def _return_lines(responses: list[PyResponse], return_annotation: str) -> list[str]:
    """The `Returns:` lines: what each success status gives."""
    if len({(r.kind, r.annotation) for r in responses}) == 1:
        return [f"    {return_annotation}: {_WHAT[responses[0].kind]}."]
    return [f"    {r.annotation}: on {r.status}, {_WHAT[r.kind]}." for r in responses]


def _is_condition(sentence: str) -> bool:
    return bool(_CONDITION.search(sentence)) and " if " in f" {sentence.lower()} "


def prose_conditions(arguments: list[PyArgument]) -> list[tuple[str, str]]:
    """(field path, sentence) for each condition a description states in words only."""
    found: list[tuple[str, str]] = []

    def visit(path: str, description: str, schema: Schema) -> None:
        # A Markdown list item is kept whole: its sentences lean on its first words.
        for index, unit in enumerate(re.split(r"\n\s*[*-]\s+", "\n" + description)):
            text = " ".join(unit.split())
            sentences = [s for s in re.split(r"(?<=\.)\s+", text) if _is_condition(s)]
            if sentences:
                found.append((path, text if index > 0 else " ".join(sentences)))
        for f in schema.fields:
            visit(f"{path}.{f.wire_name}", f.description, f.schema)
        if schema.items is not None:
            visit(f"{path}[]", "", schema.items)

    for argument in arguments:
        visit(argument.wire_name, argument.description, argument.schema)
    return found
