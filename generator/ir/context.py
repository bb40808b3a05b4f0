"""What the IR's builders share: the loaded spec, the problems found so far, `$ref`s followed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from openapi_pydantic.v3.v3_0 import Reference

from generator.load import LoadedSpec, Pointer
from generator.problems import Location, Problem

# What a `$ref` is expected to land on: a parameter, a request body, a response.
NodeT = TypeVar("NodeT")


class Context:
    def __init__(self, spec: LoadedSpec) -> None:
        self.spec = spec
        self.document = spec.document
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def locate(self, file: str, pointer: Sequence[str | int], *, key: bool = False) -> Location:
        return self.spec.locate(file, pointer, key=key)

    def problem(
        self, file: str, pointer: Sequence[str | int], message: str, *, key: bool = False
    ) -> None:
        self.problems.append(Problem(self.locate(file, pointer, key=key), message))

    def problem_at(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def warn(self, location: Location, message: str) -> None:
        """Something the output will lack, said once; the generator goes on."""
        self.warnings.append(Problem(location, message, warning=True))

    def resolve(self, file: str, pointer: Pointer, ref: str) -> tuple[str, Pointer, Any] | None:
        """Follow a `$ref` to a component; its location is in the file that defines it."""
        fragment = ref.partition("#")[2]
        parts = [p.replace("~1", "/").replace("~0", "~") for p in fragment.strip("/").split("/")]
        if len(parts) != 3 or parts[0] != "components":
            message = f"$ref '{ref}': only references to components are supported"
            self.problem(file, (*pointer, "$ref"), message)
            return None
        _, section, name = parts
        components = self.document.components
        target = getattr(components, section, None) if components else None
        if not target or name not in target:
            self.problem(file, (*pointer, "$ref"), f"$ref '{ref}' does not resolve")
            return None
        target_file = self.spec.component_files[(section, name)]
        return target_file, ("components", section, name), target[name]

    def follow(
        self, file: str, pointer: Pointer, node: Any, kind: type[NodeT], what: str
    ) -> tuple[str, Pointer, NodeT] | None:
        """`node` itself, or what its `$ref` points at, which must be a `kind` (a `what`)."""
        if isinstance(node, Reference):
            resolved = self.resolve(file, pointer, node.ref)
            if resolved is None:
                return None
            file, pointer, node = resolved
        if not isinstance(node, kind):
            self.problem(file, pointer, f"this $ref must point at a {what}")
            return None
        return file, pointer, node
