"""`V1FilesUploadUrlsCreateResponseItemsItem`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions


class V1FilesUploadUrlsCreateResponseItemsItem(pydantic.BaseModel):
    """
    V1FilesUploadUrlsCreateResponseItemsItem
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    upload_url: str = pydantic.Field(alias="upload_url")
    """
    Used to upload the file to storage, send a PUT request with the file as data to upload.
    """

    expires_at: str = pydantic.Field(alias="expires_at")
    """
    when the upload url expires, and will need to request a new one.
    """

    file_path: str = pydantic.Field(alias="file_path")
    """
    this value is used in APIs that needs assets, such as image_file_path, video_file_path, and audio_file_path
    """
