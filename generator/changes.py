"""What changed in the API surface between two versions of the specs, for a pull request.

`change_report` compares two surfaces (generator/views/surface.py) and says, line by line,
what a user of the client would notice, marking with `BREAKING` what could break code written
against the older one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from generator.views.surface import Surface


@dataclass(frozen=True)
class Change:
    section: str  # operations | params | models
    text: str
    breaking: bool = False

    def __str__(self) -> str:
        return f"- BREAKING: {self.text}" if self.breaking else f"- {self.text}"


SECTIONS = (
    ("operations", "Operations"),
    ("params", "Request types (`magic_hour.types.params`)"),
    ("models", "Response types (`magic_hour.types.models`)"),
)


def change_report(before: Surface, after: Surface) -> str:
    """A Markdown-friendly report of what changed from `before` to `after`."""
    changes = compare_surfaces(before, after)
    if not changes:
        return "No API surface changes.\n"
    lines = ["## API surface changes"]
    for section, title in SECTIONS:
        found = [c for c in changes if c.section == section]
        if found:
            lines += ["", f"### {title}", "", *(str(c) for c in found)]
    breaking = sum(c.breaking for c in changes)
    count = len(changes)
    lines += ["", f"{count} change{'' if count == 1 else 's'}, {breaking} breaking"]
    return "\n".join(lines) + "\n"


def compare_surfaces(before: Surface, after: Surface) -> list[Change]:
    changes = _compare_operations(before.get("operations", {}), after.get("operations", {}))
    # A request body's fields are the operation's arguments: reported there, not twice.
    bodies = {
        op.get("body")
        for surface in (before, after)
        for op in surface.get("operations", {}).values()
        if op.get("body")
    }
    for side in ("params", "models"):
        changes += _compare_classes(
            side, before.get(side, {}), after.get(side, {}), skip_fields=bodies
        )
    return changes


def _compare_operations(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []

    def note(text: str, breaking: bool = False) -> None:
        changes.append(Change("operations", text, breaking))

    for name in sorted(before.keys() | after.keys()):
        old: dict[str, Any] = before.get(name) or {}
        new: dict[str, Any] = after.get(name) or {}
        if name not in after:
            note(f"`{name}` removed ({_endpoint(old)})", breaking=True)
            if old.get("generate"):
                note(f"`{_sibling(name, 'generate')}` removed", breaking=True)
            continue
        if name not in before:
            note(f"`{name}` added ({_endpoint(new)})")
            if new.get("generate"):
                note(f"`{_sibling(name, 'generate')}` added")
            continue
        if _endpoint(old) != _endpoint(new):
            note(f"`{name}`: now {_endpoint(new)} (was {_endpoint(old)})")
        if old.get("deprecated") != new.get("deprecated"):
            state = "now deprecated" if new.get("deprecated") else "no longer deprecated"
            note(f"`{name}`: {state}")
        if old.get("generate") != new.get("generate"):
            generate = _sibling(name, "generate")
            if new.get("generate"):
                note(f"`{generate}` added")
            else:
                note(f"`{generate}` removed", breaking=True)
        if old.get("response") != new.get("response"):
            note(
                f"`{name}`: response type {_type(old.get('response'))} →"
                f" {_type(new.get('response'))}",
                breaking=True,
            )
        old_args, new_args = old.get("arguments", {}), new.get("arguments", {})
        for arg in sorted(old_args.keys() | new_args.keys()):
            subject = f"`{name}`: argument `{arg}`"
            was, now = old_args.get(arg), new_args.get(arg)
            if now is None:
                note(f"{subject} removed", breaking=True)
            elif was is None:
                required = bool(now.get("required"))
                note(
                    f"{subject} added ({'required' if required else 'optional'},"
                    f" {now.get('location')}, `{now.get('annotation')}`)",
                    breaking=required,
                )
            else:
                changes += _compare_entry("operations", subject, was, now, side="params")
    return changes


def _compare_classes(
    side: str, before: dict[str, Any], after: dict[str, Any], skip_fields: set[str]
) -> list[Change]:
    changes: list[Change] = []
    kind = "request" if side == "params" else "response"
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if new is None:
            changes.append(Change(side, f"{kind} type `{name}` removed", breaking=True))
            continue
        if old is None:
            changes.append(Change(side, f"{kind} type `{name}` added"))
            continue
        if name in skip_fields:
            continue
        old_fields, new_fields = old.get("fields", {}), new.get("fields", {})
        for wire in sorted(old_fields.keys() | new_fields.keys()):
            subject = f"`{name}`: field `{wire}`"
            was, now = old_fields.get(wire), new_fields.get(wire)
            if now is None:
                changes.append(Change(side, f"{subject} removed", breaking=True))
            elif was is None:
                required = bool(now.get("required"))
                changes.append(
                    Change(
                        side,
                        f"{subject} added ({'required' if required else 'optional'},"
                        f" `{now.get('annotation')}`)",
                        # A new required request field breaks every call without it; a new
                        # response field, required or not, breaks nothing.
                        breaking=required and side == "params",
                    )
                )
            else:
                changes += _compare_entry(side, subject, was, now, side=side)
    return changes


def _compare_entry(
    section: str, subject: str, was: dict[str, Any], now: dict[str, Any], side: str
) -> list[Change]:
    """One argument or field present on both sides: required-ness, type, enum, place, name."""
    changes: list[Change] = []
    request = side == "params"
    old_required, new_required = bool(was.get("required")), bool(now.get("required"))
    if old_required != new_required:
        if new_required:
            # A request must now carry it; a response now always has it (nothing breaks).
            changes.append(Change(section, f"{subject}: now required", breaking=request))
        else:
            # A request may leave it out (nothing breaks); a response may now lack it.
            changes.append(Change(section, f"{subject}: now optional", breaking=not request))
    old_type, new_type = _shape(was.get("annotation")), _shape(now.get("annotation"))
    if old_required != new_required:
        # A response field's annotation gains or loses `Optional` with its required-ness.
        old_type, new_type = _unoptional(old_type), _unoptional(new_type)
    if old_type != new_type:
        types = f"`{was.get('annotation')}` → `{now.get('annotation')}`"
        if new_type == f"typing.Optional[{old_type}]":
            # None is now sent or received: fine in a request, a surprise in a response.
            changes.append(Change(section, f"{subject}: now nullable ({types})", not request))
        elif old_type == f"typing.Optional[{new_type}]":
            changes.append(Change(section, f"{subject}: no longer nullable ({types})", request))
        else:
            changes.append(Change(section, f"{subject}: type {types}", breaking=True))
    old_enum, new_enum = _enum_set(was), _enum_set(now)
    if old_enum is not None and new_enum is not None:
        for key in (k for k in _ordered(now) if k not in old_enum):
            if request:
                changes.append(Change(section, f"{subject}: enum value {key} added"))
            else:
                changes.append(
                    Change(
                        section,
                        f"{subject}: enum value {key} added (not breaking: the client accepts"
                        " unknown values; code that branches on this field may want a case for it)",
                    )
                )
        for key in (k for k in _ordered(was) if k not in new_enum):
            changes.append(
                Change(section, f"{subject}: enum value {key} removed", breaking=request)
            )
    if "location" in was and was.get("location") != now.get("location"):
        changes.append(
            Change(section, f"{subject}: moved from {was.get('location')} to {now.get('location')}")
        )
    if was.get("wire_name") != now.get("wire_name"):
        changes.append(
            Change(
                section,
                f"{subject}: sent as `{now.get('wire_name')}` (was `{was.get('wire_name')}`)",
            )
        )
    if side == "models" and was.get("py_name") != now.get("py_name"):
        changes.append(
            Change(
                section,
                f"{subject}: attribute `{now.get('py_name')}` (was `{was.get('py_name')}`)",
                breaking=True,
            )
        )
    return changes


# `Literal[...]` with its values (double-quoted strings, escapes and all) left out: an enum
# change is reported as such, not also as a type change.
_LITERAL = re.compile(r'Literal\[(?:"(?:[^"\\]|\\.)*"|[^\]"])*\]')
_OPTIONAL = re.compile(r"^typing\.Optional\[(.*)\]$")


def _shape(annotation: Any) -> Any:
    return _LITERAL.sub("Literal[...]", annotation) if isinstance(annotation, str) else annotation


def _unoptional(annotation: Any) -> Any:
    if isinstance(annotation, str):
        match = _OPTIONAL.match(annotation)
        if match:
            return match.group(1)
    return annotation


def _ordered(entry: dict[str, Any]) -> list[str]:
    return [json.dumps(v, ensure_ascii=False) for v in entry.get("enum") or []]


def _enum_set(entry: dict[str, Any]) -> set[str] | None:
    return set(_ordered(entry)) if entry.get("enum") is not None else None


def _endpoint(op: dict[str, Any]) -> str:
    return f"{op.get('http_method')} {op.get('path')}"


def _sibling(name: str, method: str) -> str:
    return f"{name.rpartition('.')[0]}.{method}"


def _type(name: Any) -> str:
    return f"`{name}`" if name else "none"
