"""`V1AiMemeGeneratorCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiMemeGeneratorCreateBodyStyle(typing_extensions.TypedDict):
    """
    V1AiMemeGeneratorCreateBodyStyle
    """

    topic: typing_extensions.Required[str]
    """
    The topic of the meme.
    """

    template: typing_extensions.Required[
        typing_extensions.Literal[
            "Random",
            "Drake Hotline Bling",
            "Galaxy Brain",
            "Two Buttons",
            "Gru's Plan",
            "Tuxedo Winnie The Pooh",
            "Is This a Pigeon",
            "Panik Kalm Panik",
            "Disappointed Guy",
            "Waiting Skeleton",
            "Bike Fall",
            "Change My Mind",
            "Side Eyeing Chloe",
        ]
    ]
    """
    To use our templates, pass in one of the enum values.
    """

    search_web: typing_extensions.NotRequired[bool]
    """
    Whether to search the web for meme content.
    """
