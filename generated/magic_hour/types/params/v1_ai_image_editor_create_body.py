"""`V1AiImageEditorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_image_editor_create_body_assets import (
    V1AiImageEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_image_editor_create_body_style import (
    V1AiImageEditorCreateBodyStyle,
)


class V1AiImageEditorCreateBody(typing_extensions.TypedDict):
    """
    V1AiImageEditorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    image_count: typing_extensions.NotRequired[typing_extensions.Literal[1, 4, 9, 16]]
    """
    Number of images to generate. Maximum varies by model. Defaults to 1 if not specified.
    """

    model: typing_extensions.NotRequired[
        typing_extensions.Literal[
            "default",
            "nano-banana-2",
            "gpt-image-2",
            "flux-2-klein",
            "nano-banana-2-lite",
            "qwen-edit",
            "seedream-v4",
            "seedream-v4.5",
            "seedream-v5-pro",
            "nano-banana",
            "nano-banana-pro",
        ]
    ]
    """
    The AI model to use for image editing. Each model has different capabilities and costs.

    **Models:**
    - `default` - Use the model we recommend, which will change over time. This is recommended unless you need a specific model. This is the default behavior.
    - `flux-2-klein` - from 5 credits/image
      - Supported resolutions: 640px, 1k, 2k
      - Available for tiers: free, creator, pro, business
      - Max additional input images: 5
    - `gpt-image-2` - from 50 credits/image
      - Supported resolutions: 640px, 1k, 2k, 4k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `nano-banana` - from 50 credits/image
      - Supported resolutions: 640px, 1k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `nano-banana-2` - from 100 credits/image
      - Supported resolutions: 640px, 1k, 2k, 4k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `nano-banana-2-lite` - from 50 credits/image
      - Supported resolutions: 640px, 1k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `nano-banana-pro` - from 150 credits/image
      - Supported resolutions: 1k, 2k, 4k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `qwen-edit` - from 10 credits/image
      - Supported resolutions: 640px, 1k, 2k
      - Available for tiers: free, creator, pro, business
      - Max additional input images: 2
    - `seedream-v4` - from 40 credits/image
      - Supported resolutions: 640px, 1k, 2k, 4k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `seedream-v4.5` - from 50 credits/image
      - Supported resolutions: 640px, 1k, 2k, 4k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    - `seedream-v5-pro` - from 75 credits/image
      - Supported resolutions: 640px, 1k, 2k
      - Available for tiers: creator, pro, business
      - Max additional input images: 9
    """

    aspect_ratio: typing_extensions.NotRequired[
        typing_extensions.Literal["auto", "16:9", "9:16", "4:3", "3:2", "1:1", "4:5", "2:3"]
    ]
    """
    The aspect ratio of the output image(s). If not specified, defaults to `auto`.
    """

    resolution: typing_extensions.NotRequired[
        typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]
    ]
    """
    Maximum resolution (longest edge) for the output image.

    **Options:**
    - `640px` — up to 640px
    - `1k` — up to 1024px
    - `2k` — up to 2048px
    - `4k` — up to 4096px
    - `auto` — **Deprecated.** Mapped server-side from your subscription tier to the best matching resolution the model supports

    **Per-model support:**
    - `flux-2-klein` - 640px, 1k, 2k
    - `gpt-image-2` - 640px, 1k, 2k, 4k
    - `nano-banana` - 640px, 1k
    - `nano-banana-2` - 640px, 1k, 2k, 4k
    - `nano-banana-2-lite` - 640px, 1k
    - `nano-banana-pro` - 1k, 2k, 4k
    - `qwen-edit` - 640px, 1k, 2k
    - `seedream-v4` - 640px, 1k, 2k, 4k
    - `seedream-v4.5` - 640px, 1k, 2k, 4k
    - `seedream-v5-pro` - 640px, 1k, 2k

    Note: Resolution availability depends on the model and your subscription tier.
    """

    style: typing_extensions.Required[V1AiImageEditorCreateBodyStyle]

    assets: typing_extensions.Required[V1AiImageEditorCreateBodyAssets]
    """
    Provide the assets for image edit
    """
