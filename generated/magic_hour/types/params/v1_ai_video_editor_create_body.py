"""`V1AiVideoEditorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_video_editor_create_body_assets import (
    V1AiVideoEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_video_editor_create_body_style import (
    V1AiVideoEditorCreateBodyStyle,
)


class V1AiVideoEditorCreateBody(typing_extensions.TypedDict):
    """
    V1AiVideoEditorCreateBody
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
    End time of your clip in seconds. Must be greater than `start_seconds`. Minimum duration depends on model: `gemini-omni`: 3s, `ltx-2.3`: 0.5s. Maximum duration depends on model: `gemini-omni`: 10s, `ltx-2.3`: 45s.
    """

    model: typing_extensions.NotRequired[typing_extensions.Literal["gemini-omni", "ltx-2.3"]]
    """
    Editing model. Defaults to `ltx-2.3` for free tier and `gemini-omni` for paid. Use `ltx-2.3` for LTX video edit.
    """

    resolution: typing_extensions.NotRequired[typing_extensions.Literal["480p", "720p", "1080p"]]
    """
    Output resolution. Defaults to `480p` for free tier and `720p` for paid. Google Omni supports 720p only; LTX-2.3 supports 480p, 720p, and 1080p.
    """

    style: typing_extensions.Required[V1AiVideoEditorCreateBodyStyle]

    assets: typing_extensions.Required[V1AiVideoEditorCreateBodyAssets]
    """
    Provide the assets for video editing.
    """
