"""Words: how the spec's names (paths, properties, operationIds) split, whatever their case.

The IR names things by words; each view joins them in its own case (`ai_gif_generator`,
`AiGifGenerator`), so that the names of the same thing always agree.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")


def words(text: str) -> list[str]:
    """`aiGifGenerator`, `ai-gif-generator`, `AI_GIF generator` -> ['ai', 'gif', 'generator']."""
    return [w.lower() for w in _WORD.findall(text)]


def pascal(parts: list[str] | tuple[str, ...]) -> str:
    return "".join(p[:1].upper() + p[1:] for p in parts)


def snake(parts: list[str] | tuple[str, ...]) -> str:
    return "_".join(parts)
