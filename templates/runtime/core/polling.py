"""How often `generate` asks about a project, and for how long.

Polling starts at the schedule's first interval and backs off to its longest one. The
schedules are the API's to give (`magic_hour.conventions`, by kind of project).
"""

from __future__ import annotations

import math
import typing

import httpx

_BACKOFF = 1.5


class Schedule(typing.NamedTuple):
    """How to poll one kind of project, in seconds.

    `first` is the first wait, `longest` the wait it backs off to, and `timeout` how long to
    wait for the project in all before giving up.
    """

    first: float
    longest: float
    timeout: float


def intervals(schedule: Schedule, first: typing.Optional[float] = None) -> typing.Iterator[float]:
    """Seconds to wait before each next poll; `first` overrides the schedule's first interval.

    The longest interval keeps the schedule's ratio to the first, so a short `first` (in
    tests, say) stays short.
    """
    start = schedule.first if first is None else first
    longest = start * schedule.longest / schedule.first
    interval = start
    while True:
        yield interval
        interval = min(interval * _BACKOFF, longest)


def capped_timeout(
    timeout: typing.Union[float, httpx.Timeout, None], seconds: float
) -> httpx.Timeout:
    """`timeout` with no part (connect, read, write, pool) longer than `seconds`.

    A poll must not outlast the wait it belongs to, even with a long timeout for other calls.
    """
    given = httpx.Timeout(timeout)

    def cap(part: typing.Optional[float]) -> typing.Optional[float]:
        if part is None:  # No timeout: an endless wait (`inf`) keeps it so.
            return None if math.isinf(seconds) else seconds
        return min(part, seconds)

    return httpx.Timeout(
        connect=cap(given.connect),
        read=cap(given.read),
        write=cap(given.write),
        pool=cap(given.pool),
    )
