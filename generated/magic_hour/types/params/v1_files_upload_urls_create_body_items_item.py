"""`V1FilesUploadUrlsCreateBodyItemsItem`: a request body part, as a TypedDict keyed by the API's field names."""

from __future__ import annotations

import typing

import typing_extensions

# Some field names are not Python identifiers, hence the functional form.
V1FilesUploadUrlsCreateBodyItemsItem = typing_extensions.TypedDict(
    "V1FilesUploadUrlsCreateBodyItemsItem",
    {
        "type": typing_extensions.Required[typing_extensions.Literal["video", "audio", "image"]],
        "extension": typing_extensions.Required[str],
    },
)
