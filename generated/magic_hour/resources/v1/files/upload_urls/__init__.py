"""`client.v1.files.upload_urls`."""

from magic_hour.resources.v1.files.upload_urls.client import AsyncUploadUrlsClient, UploadUrlsClient

__all__ = ["AsyncUploadUrlsClient", "UploadUrlsClient"]
