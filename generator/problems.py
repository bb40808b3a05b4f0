"""Errors the generator reports to the person running it: one line each, with a location."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A place in a spec file, 1-based like every editor shows it."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the specs; `location` is None only for a whole-folder problem."""

    location: Location | None
    message: str
    # A warning does not stop the generator: the output is made, without what it concerns.
    warning: bool = False

    def __str__(self) -> str:
        message = f"warning: {self.message}" if self.warning else self.message
        return f"{self.location}: {message}" if self.location else message

    def sort_key(self) -> tuple[object, ...]:
        if self.location is None:
            return ("", 0, 0, self.message)
        return (self.location.file, self.location.line, self.location.column, self.message)


class SpecError(Exception):
    """The specs cannot be turned into a client; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))
