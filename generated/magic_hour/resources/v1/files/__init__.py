"""`client.v1.files`."""

from magic_hour.resources.v1.files.client import AsyncFilesClient, FilesClient

__all__ = ["AsyncFilesClient", "FilesClient"]
