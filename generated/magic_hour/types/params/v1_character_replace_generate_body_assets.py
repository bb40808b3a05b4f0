"""`V1CharacterReplaceGenerateBodyAssets`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1CharacterReplaceGenerateBodyAssets(typing_extensions.TypedDict):
    """
    Source video and reference character image for the job.
    """

    video_file_path: typing_extensions.Required[str]
    """
    Source video containing the subject to replace or animate. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """

    image_file_path: typing_extensions.Required[str]
    """
    Reference character image used as the replacement or animation target. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """
