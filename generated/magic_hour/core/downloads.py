"""Where a download goes on disk: a safe name inside the directory, written whole or not at all.

A download is written to a file nobody else sees and given its name only once complete, so a
broken transfer, or a process that dies however it dies (Ctrl-C, SIGTERM, SIGKILL), never leaves
a partial file under a name. On Linux that file is unnamed (`O_TMPFILE`): the system removes it
with the process. Elsewhere it is a hidden `.<name>.<hex>.part` beside the destination, locked
while written; the next download into that folder removes those whose process has died. An
existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix instead.

A download is complete when as many bytes arrived as its `Content-Length` announced and each
compressed layer of its body (`Content-Encoding: gzip` or `deflate`) reached its own end: a
compressed body cut short is refused even without a `Content-Length`. A body whose end is only
the connection closing, uncompressed, cannot be checked: HTTP gives nothing to check it with.

Limits, each overridable per call in `request_options`:

- `download_stall_timeout` (default 30 s, `STALL_TIMEOUT`): a transfer that receives fewer
  than 1024 bytes (`STALL_BYTES`) in that many seconds, or nothing at all, has stalled; it
  starts over like a cut connection, as often as the retry policy allows.
- `download_timeout` (default 3600 s, `DOWNLOAD_TIMEOUT`): the outputs of one `generate` are
  saved within that many seconds, every attempt included, or it fails; checked as data arrives
  and before each new attempt, a silent connection being caught by the stall timeout.
"""

from __future__ import annotations

import mimetypes
import os
import re
import secrets
import sys
import threading
import time
import typing
import unicodedata
import urllib.parse
import zlib

if sys.platform != "win32":
    import fcntl

STALL_TIMEOUT = 30.0
STALL_BYTES = 1024
DOWNLOAD_TIMEOUT = 3600.0
# While a download arrives, each time this many more bytes are written a worker thread starts
# putting them on disk, so that the fsync before naming the file has only the tail left to wait
# for, instead of the whole file after the last byte (the disk works while the network does).
FLUSH_BYTES = 8 * 2**20
# The data alone, without the metadata a later fsync writes anyway, where the system has it.
_datasync = getattr(os, "fdatasync", os.fsync)
_MAX_NAME_LENGTH = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Names Windows reserves for devices, whatever the extension.
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


def file_name(url: str, fallback: str, content_type: typing.Optional[str] = None) -> str:
    """A file name from the last segment of `url`'s path, safe on any file system.

    Percent-escapes are decoded first, so an encoded separator cannot smuggle in a directory;
    what is left is a single name of letters, digits, `.`, `_` and `-` that does not start or
    end with a dot. When nothing usable is left, `fallback` (made safe the same way) plus an
    extension from `content_type` or from the URL.
    """
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    stem, extension = os.path.splitext(re.split(r"[/\\]", path)[-1])
    stem, extension = _safe(stem), _safe(extension.lstrip("."))[:16]
    if not stem:
        stem = _safe(fallback) or "output"
        guessed = mimetypes.guess_extension((content_type or "").split(";")[0].strip())
        extension = extension or (guessed or "").lstrip(".")
    suffix = f".{extension}" if extension else ""
    stem = stem[: _MAX_NAME_LENGTH - len(suffix) - 1].rstrip("._-")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem + suffix


def _safe(text: str) -> str:
    """`text` in letters, digits, `.`, `_` and `-` only, without them at either end."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("_", ascii_text).strip("._-")


def temporary_path(directory: str, name: str) -> str:
    """A fresh hidden file name in `directory` for a download in progress."""
    return os.path.join(directory, f".{name}.{secrets.token_hex(6)}.part")


# The names `temporary_path` gives; nothing else is ever removed as a leftover.
_LEFTOVER = re.compile(r"\..+\.[0-9a-f]{12}\.part")


class PartialFile:
    """A download on its way to `directory/name`, invisible until `place` names it.

    Write to `file`; `place` once complete; `close` (or leave the `with` block) in any case.
    """

    def __init__(self, directory: str, name: str) -> None:
        self._directory, self._name = directory, name
        self._path: typing.Optional[str] = None  # the `.part` file, where there is one
        self._directory_fd: typing.Optional[int] = None
        fd = self._open_unnamed()
        if fd is None:
            fd, self._path = _open_named(directory, name)
        self.file: typing.BinaryIO = os.fdopen(fd, "wb")
        self._synced = -1  # the length of the file when last known to be on disk
        self._written = 0
        self._flushed_up_to = 0  # the length when the last background flush started
        self._flusher: typing.Optional[threading.Thread] = None
        self._flush_error: typing.Optional[OSError] = None

    def _open_unnamed(self) -> typing.Optional[int]:
        flag = getattr(os, "O_TMPFILE", None)
        # Naming it later goes through /proc (linkat without privileges needs the path there).
        if flag is None or not os.path.isdir("/proc/self/fd"):
            return None
        try:
            directory_fd = os.open(self._directory, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:  # a directory one may write to but not read
            return None
        try:
            fd = os.open(".", flag | os.O_WRONLY, 0o644, dir_fd=directory_fd)
        except OSError:  # a file system without unnamed files
            os.close(directory_fd)
            return None
        self._directory_fd = directory_fd
        return fd

    def write(self, data: bytes) -> None:
        """Append `data`; every `FLUSH_BYTES`, start putting what came so far on disk."""
        self.file.write(data)
        self._written += len(data)
        if self._written - self._flushed_up_to >= FLUSH_BYTES and not self._flushing():
            self.file.flush()
            self._flushed_up_to = self._written
            self._flusher = threading.Thread(
                target=self._flush_in_background,
                args=(self.file.fileno(),),
                name="magic_hour-download-flush",
                daemon=True,
            )
            self._flusher.start()

    def _flush_in_background(self, fd: int) -> None:
        try:
            _datasync(fd)
        except OSError as error:  # raised by `fsync`, which the download waits for
            self._flush_error = error

    def _flushing(self) -> bool:
        return self._flusher is not None and self._flusher.is_alive()

    def _wait_for_flush(self) -> None:
        if self._flusher is not None:
            self._flusher.join()
            self._flusher = None

    def fsync(self) -> None:
        """Put what is written on disk, waiting until it is there: it may take long, so the
        async client has a worker thread do it (`close` waits for it: see `workflow`)."""
        self._wait_for_flush()
        if self._flush_error is not None:
            raise self._flush_error
        self.file.flush()
        position = self.file.tell()
        os.fsync(self.file.fileno())
        self._synced = position

    def place(self) -> str:
        """Give the complete download its name; the path used (`name`, or `name-1`... when taken)."""
        if self.file.tell() != self._synced:
            self.fsync()  # the content is on disk before any name points to it
        if self._path is not None:
            return place(self._path, self._directory, self._name)
        source = f"/proc/self/fd/{self.file.fileno()}"
        return _first_free(
            self._directory,
            self._name,
            lambda candidate: os.link(
                source, candidate, dst_dir_fd=self._directory_fd, follow_symlinks=True
            ),
        )

    def close(self) -> None:
        """Close the file and remove the `.part` file, if any; a placed file keeps its name."""
        try:
            self._wait_for_flush()  # its descriptor must stay open until it is done
            self.file.close()
        finally:
            if self._directory_fd is not None:
                os.close(self._directory_fd)
                self._directory_fd = None
            if self._path is not None:
                remove(self._path)

    def __enter__(self) -> "PartialFile":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _open_named(directory: str, name: str) -> typing.Tuple[int, str]:
    """A new, locked `.part` file for `name` in `directory`: its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(10):
        # O_EXCL: never write through a file or symlink that is already there.
        path = temporary_path(directory, name)
        fd = os.open(path, flags, 0o644)
        _lock(fd, wait=True)
        if _same_file(fd, path):
            return fd, path
        os.close(fd)  # Removed as a leftover between its creation and its lock: another name.
    raise FileExistsError(f"no stable temporary file for {name} in {directory}")


def remove_leftovers(directory: str) -> typing.List[str]:
    """Remove the `.part` files in `directory` that no running download holds; their names.

    What a download leaves when its process is killed where there are no unnamed files.
    """
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    return [
        entry.name
        for entry in entries
        if _LEFTOVER.fullmatch(entry.name)
        and entry.is_file(follow_symlinks=False)
        and _remove_if_abandoned(entry.path)
    ]


def _remove_if_abandoned(path: str) -> bool:
    if sys.platform == "win32":
        # Windows refuses to remove a file that a running download holds open.
        try:
            os.remove(path)
        except OSError:
            return False
        return True
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        # Its writer's lock went with its process; the same file still has the name.
        if not (_lock(fd, wait=False) and _same_file(fd, path)):
            return False
        remove(path)
        return True
    finally:
        os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """Lock the file for as long as `fd` is open; whether it was locked."""
    if sys.platform == "win32":
        return True  # An open file is protected enough there (see _remove_if_abandoned).
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:  # locked by another process, or a file system without locks
        return False
    return True


def _same_file(fd: int, path: str) -> bool:
    try:
        opened, named = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


def place(temporary: str, directory: str, name: str) -> str:
    """Give the complete download at `temporary` its final name, never replacing a file.

    Returns the path used: `name`, or `name` with `-1`, `-2`, ... before its extension when
    taken. The temporary file is left for the caller to remove.
    """
    return _first_free(
        directory, name, lambda candidate: _link_new(temporary, os.path.join(directory, candidate))
    )


def _first_free(directory: str, name: str, link: typing.Callable[[str], None]) -> str:
    """`link(candidate)` for `name`, then `name-1`, ...: the path of the first not taken."""
    if os.path.basename(name) != name or name in ("", ".", ".."):
        raise ValueError(f"not a plain file name: {name!r}")
    stem, extension = os.path.splitext(name)
    for attempt in range(10_000):
        candidate = name if attempt == 0 else f"{stem}-{attempt}{extension}"
        try:
            link(candidate)
        except FileExistsError:
            continue
        return os.path.join(directory, candidate)
    raise FileExistsError(f"no free name for {name} in {directory}")


def _link_new(source: str, destination: str) -> None:
    """Make `destination` hold `source`'s content; FileExistsError if `destination` exists."""
    try:
        # A hard link appears whole and atomically, and fails if the name is taken.
        os.link(source, destination)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # A file system without hard links: reserve the name, then move the file over it.
    reserved = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    os.close(reserved)
    os.replace(source, destination)


class Incomplete(Exception):
    """The body ended before its end, or stalled: the download may start over."""


class Failed(Exception):
    """The download cannot succeed by starting over: its body is unreadable, or time is up."""


class Body:
    """A download's body as it comes over the wire, turned into the file's bytes, and checked
    to have arrived whole (see the module's docstring)."""

    def __init__(self, headers: typing.Mapping[str, str]) -> None:
        layers = [
            layer.strip().lower()
            for layer in headers.get("content-encoding", "").split(",")
            if layer.strip() and layer.strip().lower() != "identity"
        ]
        for layer in layers:
            if layer not in ("gzip", "x-gzip", "deflate"):
                raise Failed(f"the body is in an encoding this client cannot check: {layer}")
        self._layers = [_Inflater() for _ in reversed(layers)]  # the last one applied first
        length = headers.get("content-length", "")
        self._expected = int(length) if length.isdigit() else None
        self.received = 0
        # What a progress bar can count on: the announced length is the compressed one.
        self.size = self._expected if not layers else None

    def decode(self, data: bytes) -> bytes:
        self.received += len(data)
        for layer in self._layers:
            data = layer.decode(data)
        return data

    def finish(self) -> None:
        """Raise `Incomplete` unless the body arrived whole."""
        if self._expected is not None and self.received != self._expected:
            raise Incomplete(f"connection closed after {self.received} of {self._expected} bytes")
        for layer in self._layers:
            layer.finish()


class _Inflater:
    """One compressed layer: gzip (members one after another, as gzip allows) or zlib."""

    _GZIP_OR_ZLIB = zlib.MAX_WBITS | 32

    def __init__(self) -> None:
        self._stream = zlib.decompressobj(self._GZIP_OR_ZLIB)

    def decode(self, data: bytes) -> bytes:
        out = []
        while data:
            if self._stream.eof:
                self._stream = zlib.decompressobj(self._GZIP_OR_ZLIB)
            try:
                out.append(self._stream.decompress(data))
            except zlib.error as error:
                raise Failed(f"the compressed body is corrupt: {error}") from None
            data = self._stream.unused_data if self._stream.eof else b""
        return b"".join(out)

    def finish(self) -> None:
        # A gzip stream ends with a checksum and the length of its content: its end is known.
        if not self._stream.eof:
            raise Incomplete("the compressed body ended before its end")


class Pace:
    """Watches a transfer as data arrives: `Incomplete` when it stalls (fewer than
    `STALL_BYTES` in `stall_timeout` seconds), `Failed` once `deadline` (a `time.monotonic()`
    time) has passed."""

    def __init__(self, stall_timeout: float, deadline: float, download_timeout: float) -> None:
        self._stall_timeout = stall_timeout
        self._deadline = deadline
        self._download_timeout = download_timeout
        self._since = time.monotonic()
        self._count = 0

    def advance(self, count: int) -> None:
        now = time.monotonic()
        self.check_deadline(now)
        self._count += count
        if self._count >= STALL_BYTES:
            self._since, self._count = now, 0
        elif now - self._since >= self._stall_timeout:
            raise Incomplete(
                f"stalled: fewer than {STALL_BYTES} bytes in {self._stall_timeout:g} s"
                " (request_options download_stall_timeout)"
            )

    def check_deadline(self, now: typing.Optional[float] = None) -> None:
        if (time.monotonic() if now is None else now) >= self._deadline:
            raise Failed(
                f"not finished within the download_timeout of {self._download_timeout:g} s"
                " (request_options download_timeout)"
            )


def remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def strip_query(url: str) -> str:
    """`url` without its query and fragment, which hold the signature of a storage URL."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
