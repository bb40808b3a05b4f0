"""Stage 4: black, in process, on every Python file; other files pass through."""

from __future__ import annotations

import black

# Pinned settings: the same input gives the same bytes on every machine.
MODE = black.Mode(
    target_versions={black.TargetVersion.PY39},
    line_length=100,
)


class FormattingError(Exception):
    """A template produced Python that black cannot parse: a generator bug, named by file."""


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {path: format_file(path, text) for path, text in files.items()}


def format_file(path: str, text: str) -> str:
    if not path.endswith(".py"):
        return text
    try:
        return black.format_str(text, mode=MODE)
    except black.InvalidInput as exc:
        raise FormattingError(f"{path}: the rendered code is not valid Python: {exc}") from exc
