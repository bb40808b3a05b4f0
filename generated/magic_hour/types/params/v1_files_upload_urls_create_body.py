"""`V1FilesUploadUrlsCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_files_upload_urls_create_body_items_item import (
    V1FilesUploadUrlsCreateBodyItemsItem,
)


class V1FilesUploadUrlsCreateBody(typing_extensions.TypedDict):
    """
    V1FilesUploadUrlsCreateBody
    """

    items: typing_extensions.Required[typing.List[V1FilesUploadUrlsCreateBodyItemsItem]]
    """
    The list of assets to upload. The response array will match the order of items in the request body.
    """
