"""`V1CharacterReplaceCreateBodyStylePointsItem`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1CharacterReplaceCreateBodyStylePointsItem(typing_extensions.TypedDict):
    """
    V1CharacterReplaceCreateBodyStylePointsItem
    """

    position_x: typing_extensions.Required[int]
    """
    Horizontal pixel coordinate in the source video frame at `time_seconds`, measured from the left edge.
    """

    position_y: typing_extensions.Required[int]
    """
    Vertical pixel coordinate in the source video frame at `time_seconds`, measured from the top edge.
    """

    time_seconds: typing_extensions.Required[float]
    """
    Timestamp on the source video timeline in seconds. Uses the same clock as `start_seconds` and `end_seconds`.
    """
