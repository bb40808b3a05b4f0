"""A content-addressed cache on disk, so that a run repeats no work an earlier run has done.

Entries are bytes under a key that hashes everything their value depends on; the cache can
only save time, never change an answer. Each entry starts with the SHA-256 of its value, so
an entry that is damaged (a disk error, a hand edit, a file cut short) reads as a miss and is
written again; entries are written whole (a temporary file renamed over), so a reader never
sees half of one, even with another run writing the same entry.

Where it lives: `--cache-dir`, else the `GENERATOR_CACHE_DIR` environment variable, else
`.cache/generator` in the working folder (beside `.mypy_cache` and `.pytest_cache`, and
gitignored like them). `--no-cache`, or `GENERATOR_CACHE_DIR=off`, turns it off.
"""

from __future__ import annotations

import hashlib
import os

CACHE_ENV = "GENERATOR_CACHE_DIR"
DEFAULT_DIR = os.path.join(".cache", "generator")
OFF = "off"


def default_directory() -> str | None:
    """The cache folder when no option says otherwise; None when the environment turns it off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is None:
        return DEFAULT_DIR
    if configured.strip().lower() == OFF:
        return None
    return configured


def digest(*parts: bytes | str) -> str:
    """SHA-256 of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


class Cache:
    # Paths are strings, not pathlib's: a run with nothing to do reads one entry, and importing
    # pathlib would take longer.
    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = os.fspath(directory)

    def _path(self, namespace: str, key: str) -> str:
        # Two-character shards keep any one folder small.
        return os.path.join(self.directory, namespace, key[:2], key)

    def get(self, namespace: str, key: str) -> bytes | None:
        try:
            with open(self._path(namespace, key), "rb") as stream:
                stored = stream.read()
        except OSError:
            return None
        checksum, newline, value = stored.partition(b"\n")
        if not newline or checksum != hashlib.sha256(value).hexdigest().encode("ascii"):
            return None  # damaged: the caller computes the value and puts it back
        return value

    def put(self, namespace: str, key: str, value: bytes) -> None:
        # Imported here: a run with nothing to do reads the cache and never writes it.
        import tempfile

        folder = os.path.dirname(self._path(namespace, key))
        checksum = hashlib.sha256(value).hexdigest().encode("ascii")
        try:
            os.makedirs(folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        except OSError:
            return  # a read-only or full disk makes the run slower, not wrong
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(checksum + b"\n" + value)
            os.replace(temporary, self._path(namespace, key))
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass
