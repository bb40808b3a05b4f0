"""`V1TextToVideoCreateBodyStyle`: a request body part, as a TypedDict keyed by the API's field names."""

from __future__ import annotations

import typing

import typing_extensions


class V1TextToVideoCreateBodyStyle(typing_extensions.TypedDict):
    """
    V1TextToVideoCreateBodyStyle
    """

    prompt: typing_extensions.Required[str]
    """
    The prompt used for the video.
    """
