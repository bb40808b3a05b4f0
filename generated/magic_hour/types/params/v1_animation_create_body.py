"""`V1AnimationCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_animation_create_body_assets import V1AnimationCreateBodyAssets
from magic_hour.types.params.v1_animation_create_body_style import V1AnimationCreateBodyStyle


class V1AnimationCreateBody(typing_extensions.TypedDict):
    """
    V1AnimationCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your video a custom name for easy identification.
    """

    fps: typing_extensions.Required[float]
    """
    The desire output video frame rate
    """

    end_seconds: typing_extensions.Required[float]
    """
    This value determines the duration of the output video.
    """

    height: typing_extensions.Required[int]
    """
    The height of the final output video. The maximum height depends on your subscription. Please refer to our [pricing page](https://magichour.ai/pricing) for more details
    """

    width: typing_extensions.Required[int]
    """
    The width of the final output video. The maximum width depends on your subscription. Please refer to our [pricing page](https://magichour.ai/pricing) for more details
    """

    style: typing_extensions.Required[V1AnimationCreateBodyStyle]
    """
    Defines the style of the output video
    """

    assets: typing_extensions.Required[V1AnimationCreateBodyAssets]
    """
    Provide the assets for animation.
    """
