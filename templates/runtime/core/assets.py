"""Which `*_file_path` values of a request are local files, and swapping in their uploads.

An asset value is one of three things: a URL (`https://...`), a path in Magic Hour storage
(`api-assets/...`, as the upload-URLs API returns it), or a local file. Only local files are
uploaded; the other two pass through untouched. Every local file is checked (it exists, its
extension is one the API takes for that kind of asset) before anything is sent.
"""

from __future__ import annotations

import copy
import os
import typing

from magic_hour.errors import RequestValidationError

UPLOADED_PREFIX = "api-assets/"
_URL_SCHEMES = ("http://", "https://")

# The upload-URLs API's valid extensions per asset type.
EXTENSIONS: typing.Dict[str, typing.FrozenSet[str]] = {
    "video": frozenset({"mp4", "m4v", "mov", "webm"}),
    "audio": frozenset({"mp3", "wav", "aac", "flac", "webm", "m4a", "opus", "ogg", "aiff", "amr"}),
    "image": frozenset(
        {"png", "jpg", "jpeg", "heic", "heif", "webp", "avif", "jp2", "tiff", "bmp"}
    ),
}


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


def is_local(value: str) -> bool:
    return not value.startswith(_URL_SCHEMES) and not value.startswith(UPLOADED_PREFIX)


def local_assets(
    body: typing.Mapping[str, typing.Any], fields: typing.Sequence[AssetField]
) -> typing.List[LocalAsset]:
    """The local files named in `body`, one entry per file; raises if any cannot be uploaded."""
    found: typing.Dict[str, LocalAsset] = {}
    problems: typing.List[str] = []
    for asset_field in fields:
        for location, value in _values_at(body, asset_field.path, ()):
            if not isinstance(value, str) or not is_local(value):
                continue
            where = _describe(location)
            extension = os.path.splitext(value)[1].lstrip(".").lower()
            asset_type = asset_field.asset_type or _type_of(extension)
            if not os.path.isfile(value):
                problems.append(f"{where}: no such file: {value!r}")
            elif asset_type is None:
                problems.append(f"{where}: {value!r} is not a file type the API takes")
            elif extension not in EXTENSIONS.get(asset_type, ()):
                allowed = ", ".join(sorted(EXTENSIONS.get(asset_type, ())))
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


def _type_of(extension: str) -> typing.Optional[str]:
    for asset_type in ("image", "video", "audio"):
        if extension in EXTENSIONS[asset_type]:
            return asset_type
    return None


def _describe(location: typing.Sequence[typing.Union[str, int]]) -> str:
    text = ""
    for step in location:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text
