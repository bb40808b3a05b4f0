"""Response types (pydantic models)."""

from magic_hour.types.models.v1_ai_gif_generator_create_response import (
    V1AiGifGeneratorCreateResponse,
)
from magic_hour.types.models.v1_ai_image_generator_create_response import (
    V1AiImageGeneratorCreateResponse,
)
from magic_hour.types.models.v1_animation_create_response import V1AnimationCreateResponse
from magic_hour.types.models.v1_files_upload_urls_create_response import (
    V1FilesUploadUrlsCreateResponse,
)
from magic_hour.types.models.v1_files_upload_urls_create_response_items_item import (
    V1FilesUploadUrlsCreateResponseItemsItem,
)
from magic_hour.types.models.v1_image_projects_get_response import V1ImageProjectsGetResponse
from magic_hour.types.models.v1_image_projects_get_response_downloads_item import (
    V1ImageProjectsGetResponseDownloadsItem,
)
from magic_hour.types.models.v1_image_projects_get_response_error import (
    V1ImageProjectsGetResponseError,
)
from magic_hour.types.models.v1_image_projects_get_response_with_downloads import (
    V1ImageProjectsGetResponseWithDownloads,
)
from magic_hour.types.models.v1_video_projects_get_response import V1VideoProjectsGetResponse
from magic_hour.types.models.v1_video_projects_get_response_downloads_item import (
    V1VideoProjectsGetResponseDownloadsItem,
)
from magic_hour.types.models.v1_video_projects_get_response_error import (
    V1VideoProjectsGetResponseError,
)
from magic_hour.types.models.v1_video_projects_get_response_with_downloads import (
    V1VideoProjectsGetResponseWithDownloads,
)

__all__ = [
    "V1AiGifGeneratorCreateResponse",
    "V1AiImageGeneratorCreateResponse",
    "V1AnimationCreateResponse",
    "V1FilesUploadUrlsCreateResponse",
    "V1FilesUploadUrlsCreateResponseItemsItem",
    "V1ImageProjectsGetResponse",
    "V1ImageProjectsGetResponseDownloadsItem",
    "V1ImageProjectsGetResponseError",
    "V1ImageProjectsGetResponseWithDownloads",
    "V1VideoProjectsGetResponse",
    "V1VideoProjectsGetResponseDownloadsItem",
    "V1VideoProjectsGetResponseError",
    "V1VideoProjectsGetResponseWithDownloads",
]
