"""`V1CharacterReplaceCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_character_replace_create_body_assets import (
    V1CharacterReplaceCreateBodyAssets,
)
from magic_hour.types.params.v1_character_replace_create_body_style import (
    V1CharacterReplaceCreateBodyStyle,
)


class V1CharacterReplaceCreateBody(typing_extensions.TypedDict):
    """
    V1CharacterReplaceCreateBody
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

    resolution: typing_extensions.NotRequired[typing_extensions.Literal["480p", "720p"]]
    """
    Output video resolution. Defaults to 480p, the lowest resolution available on your plan.
    """

    assets: typing_extensions.Required[V1CharacterReplaceCreateBodyAssets]
    """
    Source video and reference character image for the job.
    """

    style: typing_extensions.NotRequired[V1CharacterReplaceCreateBodyStyle]
    """
    Optional style controls for replace vs animate mode and subject selection.
    """
