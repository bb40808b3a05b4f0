"""`V1HeadSwapGenerateBodyAssets`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1HeadSwapGenerateBodyAssets(typing_extensions.TypedDict):
    """
    Provide the body and head images for head swap
    """

    body_file_path: typing_extensions.Required[str]
    """
    Image that receives the swapped head. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """

    head_file_path: typing_extensions.Required[str]
    """
    Image of the head to place on the body. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """
