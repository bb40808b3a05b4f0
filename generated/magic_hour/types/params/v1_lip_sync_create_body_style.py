"""`V1LipSyncCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1LipSyncCreateBodyStyle(typing_extensions.TypedDict):
    """
    Attributes used to dictate the style of the output
    """

    generation_mode: typing_extensions.NotRequired[
        typing_extensions.Literal["lite", "standard", "pro"]
    ]
    """
    A specific version of our lip sync system, optimized for different needs.
    * `lite` -  Fast and affordable lip sync - best for simple videos. Costs 1 credit per frame of video.
    * `standard` -  Natural, accurate lip sync - best for most creators. Costs 1 credit per frame of video.
    * `pro` -  Premium fidelity with enhanced detail - best for professionals. Costs 2 credits per frame of video.

    Note: `standard` and `pro` are only available for users on Creator, Pro, and Business tiers.
    """
