"""Request body types (TypedDicts)."""

from magic_hour.types.params.v1_ai_gif_generator_create_body import V1AiGifGeneratorCreateBody
from magic_hour.types.params.v1_ai_gif_generator_create_body_style import (
    V1AiGifGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_image_generator_create_body import V1AiImageGeneratorCreateBody
from magic_hour.types.params.v1_ai_image_generator_create_body_style import (
    V1AiImageGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_animation_create_body import V1AnimationCreateBody
from magic_hour.types.params.v1_animation_create_body_assets import V1AnimationCreateBodyAssets
from magic_hour.types.params.v1_animation_create_body_style import V1AnimationCreateBodyStyle
from magic_hour.types.params.v1_files_upload_urls_create_body import V1FilesUploadUrlsCreateBody
from magic_hour.types.params.v1_files_upload_urls_create_body_items_item import (
    V1FilesUploadUrlsCreateBodyItemsItem,
)

__all__ = [
    "V1AiGifGeneratorCreateBody",
    "V1AiGifGeneratorCreateBodyStyle",
    "V1AiImageGeneratorCreateBody",
    "V1AiImageGeneratorCreateBodyStyle",
    "V1AnimationCreateBody",
    "V1AnimationCreateBodyAssets",
    "V1AnimationCreateBodyStyle",
    "V1FilesUploadUrlsCreateBody",
    "V1FilesUploadUrlsCreateBodyItemsItem",
]
