"""The conventions' figures as the docs say them: in docstrings and the package guide alike."""

from __future__ import annotations

from collections.abc import Callable

from generator import conventions
from generator.conventions import PollSchedule

# How the docs say each kind of project in the plural.
_KINDS = {"image": "images", "video": "videos", "audio": "audio"}


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _duration(seconds: float) -> str:
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return _seconds(seconds)


def _per_kind(describe: Callable[[PollSchedule], str]) -> str:
    """A figure for each kind of project, as the docs say them: `10 minutes for images, ...`."""
    schedules: dict[str, PollSchedule] = conventions.POLL_SCHEDULES
    return ", ".join(f"{describe(s)} for {_KINDS.get(k, k)}" for k, s in schedules.items())


WAIT_FIGURES = _per_kind(lambda s: _duration(s.timeout))
POLL_FIGURES = _per_kind(lambda s: f"{_seconds(s.first)} growing to {_seconds(s.longest)}")
