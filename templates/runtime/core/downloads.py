"""Where a download goes on disk: a safe name inside the directory, written whole or not at all.

A download is written to a hidden temporary file next to its destination and linked into
place only once complete, so a broken transfer never leaves a partial file, and an existing
file is never replaced: a taken name gets a `-1`, `-2`, ... suffix instead.
"""

from __future__ import annotations

import mimetypes
import os
import re
import secrets
import typing
import unicodedata
import urllib.parse

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


def open_temporary(path: str) -> typing.BinaryIO:
    # "x": never write through a file or symlink that is already there.
    return open(path, "xb")


def place(temporary: str, directory: str, name: str) -> str:
    """Give the complete download at `temporary` its final name, never replacing a file.

    Returns the path used: `name`, or `name` with `-1`, `-2`, ... before its extension when
    taken. The temporary file is left for the caller to remove.
    """
    if os.path.basename(name) != name or name in ("", ".", ".."):
        raise ValueError(f"not a plain file name: {name!r}")
    stem, extension = os.path.splitext(name)
    for attempt in range(10_000):
        candidate = os.path.join(
            directory, name if attempt == 0 else f"{stem}-{attempt}{extension}"
        )
        try:
            _link_new(temporary, candidate)
        except FileExistsError:
            continue
        return candidate
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


def remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def strip_query(url: str) -> str:
    """`url` without its query and fragment, which hold the signature of a storage URL."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
