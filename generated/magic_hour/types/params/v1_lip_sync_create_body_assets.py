"""`V1LipSyncCreateBodyAssets`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1LipSyncCreateBodyAssets(typing_extensions.TypedDict):
    """
    Provide the assets for lip-sync. For video, The `video_source` field determines whether `video_file_path` or `youtube_url` field is used
    """

    audio_file_path: typing_extensions.Required[str]
    """
    The path of the audio file. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.
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
    """

    youtube_url: typing_extensions.NotRequired[str]
    """
    YouTube URL (required if `video_source` is `youtube`).
    """
