"""What `magic-hour` prints: results on stdout (readable text, or JSON for scripts), progress
and messages on stderr."""

from __future__ import annotations

import json
import sys
import time
import typing

from magic_hour.core.progress import Progress

# A terminal line is redrawn at most this often as chunks arrive.
_REDRAW_SECONDS = 0.1


def jsonable(result: typing.Any) -> typing.Any:
    """A result as the API spells it: a response model's fields under their wire names."""
    dump = getattr(result, "model_dump", None)
    if dump is not None:
        return dump(mode="json", by_alias=True)
    return result


def as_json(value: typing.Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def as_text(value: typing.Any) -> str:
    """A JSON value as indented `name: value` lines, lists as `- ` items."""
    return "\n".join(_lines(value, 0))


def _lines(value: typing.Any, depth: int) -> typing.List[str]:
    pad = "  " * depth
    if isinstance(value, dict):
        if not value:
            return [pad + "{}"]
        found = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                found.append(f"{pad}{key}:")
                found += _lines(item, depth + 1)
            else:
                found.append(f"{pad}{key}: {_scalar(item)}")
        return found
    if isinstance(value, list):
        if not value:
            return [pad + "[]"]
        found = []
        for item in value:
            inner = _lines(item, depth + 1)
            found.append(f"{pad}- {inner[0].lstrip()}")
            found += inner[1:]
        return found
    return [pad + _scalar(value)]


def _scalar(value: typing.Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _size(count: float) -> str:
    for unit in ("B", "KiB", "MiB"):
        if count < 1024:
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GiB"


class ProgressDisplay:
    """`generate`'s progress on stderr: the status and, while outputs download, the bytes and
    the rate. On a terminal one line, rewritten in place; elsewhere (a log, a pipe) a line per
    status and one when the downloads end."""

    def __init__(self, *, show: bool = True, stream: typing.TextIO = sys.stderr) -> None:
        self.project_id = ""  # once the project exists
        self._show_any = show
        self._stream = stream
        self._live = stream.isatty()
        self._status = ""
        self._started = time.monotonic()
        self._download_started: typing.Optional[float] = None
        self._last = Progress(project_id="", status="")
        self._shown = ""
        self._drawn = 0.0

    def __call__(self, progress: Progress) -> None:
        self.project_id = progress.project_id
        if not self._show_any:
            return
        now = time.monotonic()
        if progress.downloaded_bytes and self._download_started is None:
            self._download_started = now
        status_changed = progress.status != self._status
        self._status = progress.status
        self._last = progress
        if self._live and (status_changed or now - self._drawn >= _REDRAW_SECONDS):
            self._drawn = now
            self._show(self._line(progress, now))
        elif status_changed:
            self._write_line(self._line(progress, now))

    def finish(self) -> None:
        """Ends the display: the line stays, and what follows starts on a line of its own."""
        if not self._show_any:
            return
        if self._live and self._shown:
            self._show(self._line(self._last, time.monotonic()))  # the last, which a redraw skipped
            self._stream.write("\n")
            self._stream.flush()
        elif self._last.downloaded_bytes:
            self._write_line(self._line(self._last, time.monotonic()))

    def _line(self, progress: Progress, now: float) -> str:
        line = f"project {progress.project_id}: {progress.status} ({now - self._started:.0f} s)"
        if progress.downloaded_bytes:
            done = _size(progress.downloaded_bytes)
            total = f" of {_size(progress.total_bytes)}" if progress.total_bytes else ""
            seconds = now - (self._download_started or now)
            rate = f", {_size(progress.downloaded_bytes / seconds)}/s" if seconds > 0 else ""
            line += f", downloaded {done}{total}{rate}"
        return line

    def _show(self, line: str) -> None:
        if line != self._shown:
            self._stream.write("\r\x1b[K" + line)
            self._stream.flush()
            self._shown = line

    def _write_line(self, line: str) -> None:
        self._stream.write(line + "\n")
        self._stream.flush()
