"""`V1AiClothesChangerGenerateBodyAssets`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiClothesChangerGenerateBodyAssets(typing_extensions.TypedDict):
    """
    Provide the assets for clothes changer
    """

    person_file_path: typing_extensions.Required[str]
    """
    The image with the person. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """

    garment_file_path: typing_extensions.Required[str]
    """
    The image of the outfit. This value is either
    - a direct URL to the video file
    - `file_path` field from the response of the [upload urls API](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls).

    See the [file upload guide](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls#input-file) for details.

    `generate` also takes the path of a local file here: it uploads it first. A URL, or a path in the API's storage (`api-assets/...`), is sent as it is.
    """

    garment_type: typing_extensions.NotRequired[
        typing_extensions.Literal["entire_outfit", "upper_body", "lower_body", "dresses"]
    ]
    """
    Type of garment to swap. If not provided, swaps the entire outfit.
    * `upper_body` - for shirts/jackets
    * `lower_body` - for pants/skirts
    * `dresses` - for entire outfit (deprecated, use `entire_outfit` instead)
    * `entire_outfit` - for entire outfit
    """
