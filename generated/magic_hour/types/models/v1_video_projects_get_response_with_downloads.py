"""`V1VideoProjectsGetResponseWithDownloads`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.v1_video_projects_get_response import V1VideoProjectsGetResponse


class V1VideoProjectsGetResponseWithDownloads(V1VideoProjectsGetResponse):
    """
    `V1VideoProjectsGetResponse` as `generate` returns it: the project, and where its outputs were saved.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    downloaded_paths: typing.Optional[typing.List[str]] = pydantic.Field(
        default=None, alias="downloaded_paths"
    )
    """
    The files the outputs were saved to, in the order the project lists them; None when nothing was downloaded.
    """
