"""`client.v1.files`."""

from __future__ import annotations

import functools
import typing

from magic_hour import conventions
from magic_hour.core.assets import FileSource
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.workflow import AsyncUploads, SyncUploads
from magic_hour.resources.v1.files.upload_urls.client import AsyncUploadUrlsClient, UploadUrlsClient

if typing.TYPE_CHECKING:
    from magic_hour.resources.v1.files.upload_urls.client import (
        AsyncUploadUrlsClient,
        UploadUrlsClient,
    )


class FilesClient:
    """`client.v1.files`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    @functools.cached_property
    def upload_urls(self) -> UploadUrlsClient:
        from magic_hour.resources.v1.files.upload_urls.client import UploadUrlsClient

        return UploadUrlsClient(base_client=self._base_client)

    def upload_file(
        self, file: FileSource, *, request_options: typing.Optional[RequestOptions] = None
    ) -> str:
        """
        Upload one file to the API's storage; returns the `file_path` to put in an input-file field.

        Args:
            file: A local file: its path (a `str` or path-like), its bytes, or a binary file object. A URL, or a path already in the API's storage, is returned as it is.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            str: the file's path in the API's storage.

        Raises:
            RequestValidationError: the file is missing, or of a type the API does not take; nothing was sent.
            UploadError: the file could not be uploaded.

        Examples:
        ```py
        client.v1.files.upload_file("path/to/image.png")
        ```
        """
        uploads = SyncUploads(
            self._base_client,
            conventions.UPLOADS,
            create_upload_urls=UploadUrlsClient(base_client=self._base_client).create,
            request_options=request_options,
        )
        return uploads.upload_file(file)


class AsyncFilesClient:
    """`client.v1.files` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    @functools.cached_property
    def upload_urls(self) -> AsyncUploadUrlsClient:
        from magic_hour.resources.v1.files.upload_urls.client import AsyncUploadUrlsClient

        return AsyncUploadUrlsClient(base_client=self._base_client)

    async def upload_file(
        self, file: FileSource, *, request_options: typing.Optional[RequestOptions] = None
    ) -> str:
        """
        Upload one file to the API's storage

        The async form of `FilesClient.upload_file`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.files.upload_file("path/to/image.png")
        ```
        """
        uploads = AsyncUploads(
            self._base_client,
            conventions.UPLOADS,
            create_upload_urls=AsyncUploadUrlsClient(base_client=self._base_client).create,
            request_options=request_options,
        )
        return await uploads.upload_file(file)
