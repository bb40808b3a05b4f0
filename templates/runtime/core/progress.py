"""What `generate` tells its `on_progress` callback, and the counts behind it."""

from __future__ import annotations

import dataclasses
import logging
import typing

logger = logging.getLogger("magic_hour")


@dataclasses.dataclass(frozen=True)
class Progress:
    """What `generate` tells its `on_progress` callback.

    Sent when the project's status changes and as each chunk of an output is saved.
    `total_bytes` is the sum of the sizes of the outputs whose download has started, or
    None while a size is unknown.
    """

    project_id: str
    status: str
    downloaded_bytes: int = 0
    total_bytes: typing.Optional[int] = None


ProgressCallback = typing.Callable[[Progress], None]


class Reporter:
    """Keeps the counts of one `generate`; builds a `Progress` only when someone listens."""

    def __init__(self, project_id: str, callback: typing.Optional[ProgressCallback]) -> None:
        self._project_id = project_id
        self._callback = callback
        self._status = ""
        self._downloaded = 0
        self._done: typing.Dict[int, int] = {}  # bytes saved, per output
        self._sizes: typing.Dict[int, typing.Optional[int]] = {}  # announced size, per output

    def status(self, status: str) -> None:
        if status != self._status:
            logger.debug("project %s is %s", self._project_id, status)
            self._status = status
            self._report()

    def start(self, index: int, size: typing.Optional[int]) -> None:
        """Output `index` starts downloading, or starts over."""
        self._downloaded -= self._done.get(index, 0)
        self._done[index] = 0
        self._sizes[index] = size

    def advance(self, index: int, count: int) -> None:
        self._done[index] += count
        self._downloaded += count
        self._report()

    def _report(self) -> None:
        if self._callback is not None:
            sizes = list(self._sizes.values())
            total = None if None in sizes else sum(typing.cast(typing.List[int], sizes))
            self._callback(Progress(self._project_id, self._status, self._downloaded, total))
