"""`V1FaceSwapGenerateBodyAssets`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_face_swap_generate_body_assets_face_mappings_item import (
    V1FaceSwapGenerateBodyAssetsFaceMappingsItem,
)


class V1FaceSwapGenerateBodyAssets(typing_extensions.TypedDict):
    """
    Provide the assets for face swap. For video, The `video_source` field determines whether `video_file_path` or `youtube_url` field is used
    """

    face_swap_mode: typing_extensions.NotRequired[
        typing_extensions.Literal["all-faces", "individual-faces"]
    ]
    """
    Choose how to swap faces:
    **all-faces** (recommended) — swap all detected faces using one source image (`source_file_path` required)
    +- **individual-faces** — specify exact mappings using `face_mappings`
    """

    image_file_path: typing_extensions.NotRequired[str]
    """
    The path of the input image with the face to be swapped.  The value is required if `face_swap_mode` is `all-faces`.

    This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """

    face_mappings: typing_extensions.NotRequired[
        typing.List[V1FaceSwapGenerateBodyAssetsFaceMappingsItem]
    ]
    """
    This is the array of face mappings used for multiple face swap. The value is required if `face_swap_mode` is `individual-faces`.
    """

    video_source: typing_extensions.Required[typing_extensions.Literal["file", "youtube"]]
    """
    Choose your video source.
    """

    video_file_path: typing_extensions.NotRequired[str]
    """
    Your video file. Required if `video_source` is `file`. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """

    youtube_url: typing_extensions.NotRequired[str]
    """
    YouTube URL (required if `video_source` is `youtube`).
    """
