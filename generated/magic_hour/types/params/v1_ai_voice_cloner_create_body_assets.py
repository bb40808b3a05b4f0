"""`V1AiVoiceClonerCreateBodyAssets`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiVoiceClonerCreateBodyAssets(typing_extensions.TypedDict):
    """
    Provide the assets for voice cloning.
    """

    audio_file_path: typing_extensions.Required[str]
    """
    The audio used to clone the voice. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.
    """
