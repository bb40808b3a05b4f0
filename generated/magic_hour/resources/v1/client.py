"""`client.v1`."""

from __future__ import annotations

import functools
import typing

from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient

if typing.TYPE_CHECKING:
    from magic_hour.resources.v1.ai_gif_generator.client import (
        AsyncAiGifGeneratorClient,
        AiGifGeneratorClient,
    )
    from magic_hour.resources.v1.ai_image_generator.client import (
        AsyncAiImageGeneratorClient,
        AiImageGeneratorClient,
    )
    from magic_hour.resources.v1.animation.client import AsyncAnimationClient, AnimationClient
    from magic_hour.resources.v1.files.client import AsyncFilesClient, FilesClient
    from magic_hour.resources.v1.image_projects.client import (
        AsyncImageProjectsClient,
        ImageProjectsClient,
    )
    from magic_hour.resources.v1.video_projects.client import (
        AsyncVideoProjectsClient,
        VideoProjectsClient,
    )


class V1Client:
    """`client.v1`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    @functools.cached_property
    def ai_gif_generator(self) -> AiGifGeneratorClient:
        from magic_hour.resources.v1.ai_gif_generator.client import AiGifGeneratorClient

        return AiGifGeneratorClient(base_client=self._base_client)

    @functools.cached_property
    def ai_image_generator(self) -> AiImageGeneratorClient:
        from magic_hour.resources.v1.ai_image_generator.client import AiImageGeneratorClient

        return AiImageGeneratorClient(base_client=self._base_client)

    @functools.cached_property
    def animation(self) -> AnimationClient:
        from magic_hour.resources.v1.animation.client import AnimationClient

        return AnimationClient(base_client=self._base_client)

    @functools.cached_property
    def files(self) -> FilesClient:
        from magic_hour.resources.v1.files.client import FilesClient

        return FilesClient(base_client=self._base_client)

    @functools.cached_property
    def image_projects(self) -> ImageProjectsClient:
        from magic_hour.resources.v1.image_projects.client import ImageProjectsClient

        return ImageProjectsClient(base_client=self._base_client)

    @functools.cached_property
    def video_projects(self) -> VideoProjectsClient:
        from magic_hour.resources.v1.video_projects.client import VideoProjectsClient

        return VideoProjectsClient(base_client=self._base_client)


class AsyncV1Client:
    """`client.v1` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    @functools.cached_property
    def ai_gif_generator(self) -> AsyncAiGifGeneratorClient:
        from magic_hour.resources.v1.ai_gif_generator.client import AsyncAiGifGeneratorClient

        return AsyncAiGifGeneratorClient(base_client=self._base_client)

    @functools.cached_property
    def ai_image_generator(self) -> AsyncAiImageGeneratorClient:
        from magic_hour.resources.v1.ai_image_generator.client import AsyncAiImageGeneratorClient

        return AsyncAiImageGeneratorClient(base_client=self._base_client)

    @functools.cached_property
    def animation(self) -> AsyncAnimationClient:
        from magic_hour.resources.v1.animation.client import AsyncAnimationClient

        return AsyncAnimationClient(base_client=self._base_client)

    @functools.cached_property
    def files(self) -> AsyncFilesClient:
        from magic_hour.resources.v1.files.client import AsyncFilesClient

        return AsyncFilesClient(base_client=self._base_client)

    @functools.cached_property
    def image_projects(self) -> AsyncImageProjectsClient:
        from magic_hour.resources.v1.image_projects.client import AsyncImageProjectsClient

        return AsyncImageProjectsClient(base_client=self._base_client)

    @functools.cached_property
    def video_projects(self) -> AsyncVideoProjectsClient:
        from magic_hour.resources.v1.video_projects.client import AsyncVideoProjectsClient

        return AsyncVideoProjectsClient(base_client=self._base_client)
