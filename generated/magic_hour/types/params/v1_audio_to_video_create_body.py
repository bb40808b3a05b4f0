"""`V1AudioToVideoCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_audio_to_video_create_body_assets import (
    V1AudioToVideoCreateBodyAssets,
)
from magic_hour.types.params.v1_audio_to_video_create_body_style import (
    V1AudioToVideoCreateBodyStyle,
)


class V1AudioToVideoCreateBody(typing_extensions.TypedDict):
    """
    V1AudioToVideoCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your video a custom name for easy identification.
    """

    start_seconds: typing_extensions.NotRequired[float]
    """
    Start time of your clip (seconds). Must be ≥ 0.
    """

    end_seconds: typing_extensions.Required[float]
    """
    End time of your clip (seconds). Must be greater than start_seconds.
    """

    resolution: typing_extensions.NotRequired[typing_extensions.Literal["480p", "720p", "1080p"]]
    """
    Output video resolution. Defaults to `720p` on paid tiers and `480p` on free tiers.
    """

    assets: typing_extensions.Required[V1AudioToVideoCreateBodyAssets]
    """
    Provide the audio file and an optional reference image.
    """

    style: typing_extensions.NotRequired[V1AudioToVideoCreateBodyStyle]
    """
    Attributes used to dictate the style of the output
    """
