"""Which input-file values of a request are local files, and swapping in their uploads.

An asset value is one of three things: a URL (`https://...`), a path in the API's storage (as
the upload-URLs operation returns it: it starts with the storage prefix), or a local file.
Only local files are uploaded; the other two pass through untouched. Every local file is
checked (it exists, its extension is one the API takes for that kind of asset) before anything
is sent. The storage prefix and the extensions are the API's to give (`magic_hour.conventions`).
"""

from __future__ import annotations

import contextlib
import copy
import os
import shutil
import tempfile
import typing

from magic_hour.core.errors import RequestValidationError

_URL_SCHEMES = ("http://", "https://")
# File extensions by asset type (`image`, `video`...), as the upload-URLs operation takes them.
Extensions = typing.Mapping[str, typing.AbstractSet[str]]
# What `upload_file` takes: a path (or a URL or storage path, passed through), bytes, or a
# binary file object.
FileSource = typing.Union[str, "os.PathLike[str]", bytes, typing.BinaryIO]
# The first bytes of the file formats a file with no name is recognised by.
_SIGNATURES = (
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF8", "gif"),
    (b"\x1a\x45\xdf\xa3", "webm"),
    (b"fLaC", "flac"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
)


class UploadConventions(typing.NamedTuple):
    """Where uploads go: the storage prefix of the paths the upload-URLs operation gives, and
    the extensions it takes by asset type. The generated code passes the API's values."""

    storage_prefix: str
    extensions: Extensions


class AssetField(typing.NamedTuple):
    """Where an asset sits in a request body, and what kind of asset the API expects there.

    `path` holds the wire names from the top of the body; `"[]"` steps into every item of an
    array. `asset_type` is None when the field name does not say; the extension decides then.
    """

    path: typing.Tuple[str, ...]
    asset_type: typing.Optional[str]


class LocalAsset(typing.NamedTuple):
    locations: typing.List[typing.Tuple[typing.Union[str, int], ...]]  # where the file is named
    file: str
    asset_type: str
    extension: str


def is_local(value: str, storage_prefix: str) -> bool:
    return not value.startswith(_URL_SCHEMES) and not value.startswith(storage_prefix)


def local_assets(
    body: typing.Mapping[str, typing.Any],
    fields: typing.Sequence[AssetField],
    *,
    storage_prefix: str,
    extensions: Extensions,
) -> typing.List[LocalAsset]:
    """The local files named in `body`, one entry per file; raises if any cannot be uploaded.

    A field that does not say its asset type takes the first type whose extensions include
    the file's.
    """
    found: typing.Dict[str, LocalAsset] = {}
    problems: typing.List[str] = []
    for asset_field in fields:
        for location, value in _values_at(body, asset_field.path, ()):
            if not isinstance(value, str) or not is_local(value, storage_prefix):
                continue
            where = _describe(location)
            extension = os.path.splitext(value)[1].lstrip(".").lower()
            asset_type = asset_field.asset_type or _type_of(extension, extensions)
            if not os.path.isfile(value):
                problems.append(f"{where}: no such file: {value!r}")
            elif asset_type is None:
                problems.append(f"{where}: {value!r} is not a file type the API takes")
            elif extension not in extensions.get(asset_type, ()):
                allowed = ", ".join(sorted(extensions.get(asset_type, ())))
                problems.append(
                    f"{where}: {value!r} is not a file type the API takes as {asset_type}"
                    f" (extensions: {allowed})"
                )
            else:
                key = os.path.realpath(value)
                if key in found:
                    found[key].locations.append(location)
                else:
                    found[key] = LocalAsset([location], value, asset_type, extension)
    if problems:
        raise RequestValidationError(problems)
    return list(found.values())


def with_uploads(
    body: typing.Mapping[str, typing.Any],
    assets: typing.Sequence[LocalAsset],
    file_paths: typing.Sequence[str],
) -> typing.Dict[str, typing.Any]:
    """A copy of `body` with each local asset replaced by its storage path; `body` is untouched."""
    result = copy.deepcopy(dict(body))
    for asset, file_path in zip(assets, file_paths):
        for location in asset.locations:
            parent: typing.Any = result
            for step in location[:-1]:
                parent = parent[step]
            parent[location[-1]] = file_path
    return result


def _values_at(
    value: typing.Any,
    path: typing.Sequence[str],
    location: typing.Tuple[typing.Union[str, int], ...],
) -> typing.Iterator[typing.Tuple[typing.Tuple[typing.Union[str, int], ...], typing.Any]]:
    if not path:
        yield location, value
        return
    step, rest = path[0], path[1:]
    if step == "[]":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _values_at(item, rest, (*location, index))
    elif isinstance(value, dict) and step in value:
        yield from _values_at(value[step], rest, (*location, step))


@contextlib.contextmanager
def as_path(source: FileSource) -> typing.Iterator[str]:
    """`source` as a path on disk (a URL or storage path stays as it is). Bytes, or what a file
    object holds from where it stands, are written to a temporary file, removed afterwards."""
    if isinstance(source, (str, os.PathLike)):
        yield os.fspath(source)
        return
    name = getattr(source, "name", None)
    # A file object's own name is only its extension's source: what it holds may not be on
    # disk yet (written, not flushed), and the upload is what it holds.
    head = source[:_HEAD] if isinstance(source, bytes) else source.read(_HEAD)
    extension = os.path.splitext(name)[1] if isinstance(name, str) else ""
    handle, path = tempfile.mkstemp(suffix=extension or f".{_sniffed_extension(head)}")
    try:
        with os.fdopen(handle, "wb") as file:
            if isinstance(source, bytes):
                file.write(source)
            else:
                file.write(head)
                shutil.copyfileobj(source, file)
        yield path
    finally:
        os.remove(path)


# Enough of a file's first bytes to tell its type.
_HEAD = 64
# The ISO media brands (bytes 8 to 12 of an `ftyp` box) that are not video in an `.mp4`.
_BRANDS = {b"M4A ": "m4a", b"M4B ": "m4a", b"qt  ": "mov", b"M4V ": "m4v"}


def _sniffed_extension(data: bytes) -> str:
    for signature, extension in _SIGNATURES:
        if data.startswith(signature):
            return extension
    if data[4:8] == b"ftyp":
        return _BRANDS.get(data[8:12], "mp4")
    if data[:4] == b"RIFF":
        return {b"WAVE": "wav", b"WEBP": "webp"}.get(data[8:12], "bin")
    return "bin"


def _type_of(extension: str, extensions: Extensions) -> typing.Optional[str]:
    return next((kind for kind, known in extensions.items() if extension in known), None)


def _describe(location: typing.Sequence[typing.Union[str, int]]) -> str:
    text = ""
    for step in location:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text
