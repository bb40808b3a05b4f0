"""`V1FaceSwapPhotoCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_face_swap_photo_create_body_assets import (
    V1FaceSwapPhotoCreateBodyAssets,
)


class V1FaceSwapPhotoCreateBody(typing_extensions.TypedDict):
    """
    V1FaceSwapPhotoCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    assets: typing_extensions.Required[V1FaceSwapPhotoCreateBodyAssets]
    """
    Provide the assets for face swap photo
    """
