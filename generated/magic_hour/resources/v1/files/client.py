"""`client.v1.files`."""

from __future__ import annotations

import functools
import typing

from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient

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


class AsyncFilesClient:
    """`client.v1.files` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    @functools.cached_property
    def upload_urls(self) -> AsyncUploadUrlsClient:
        from magic_hour.resources.v1.files.upload_urls.client import AsyncUploadUrlsClient

        return AsyncUploadUrlsClient(base_client=self._base_client)
