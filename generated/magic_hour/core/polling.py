"""How often `generate` asks about a project, and for how long.

The API's guidance: images every 2-3 s (they take 30-60 s), videos every 5-10 s (they take
2-5 minutes). Polling starts at the short interval and backs off to the long one.
"""

from __future__ import annotations

import typing

TERMINAL_STATUSES = frozenset({"complete", "error", "canceled"})

# (first interval, longest interval, overall wait) in seconds, per project kind.
_SCHEDULES: typing.Dict[str, typing.Tuple[float, float, float]] = {
    "image": (2.0, 3.0, 10 * 60.0),
    "video": (5.0, 10.0, 60 * 60.0),
    "audio": (2.0, 5.0, 20 * 60.0),
}
_BACKOFF = 1.5


def intervals(kind: str, first: typing.Optional[float] = None) -> typing.Iterator[float]:
    """Seconds to wait before each next poll; `first` overrides the kind's first interval.

    The longest interval keeps the kind's ratio to the first, so a short `first` (in tests,
    say) stays short.
    """
    default_first, default_longest, _ = _SCHEDULES.get(kind, _SCHEDULES["video"])
    start = default_first if first is None else first
    longest = start * default_longest / default_first
    interval = start
    while True:
        yield interval
        interval = min(interval * _BACKOFF, longest)


def default_wait_timeout(kind: str) -> float:
    return _SCHEDULES.get(kind, _SCHEDULES["video"])[2]
