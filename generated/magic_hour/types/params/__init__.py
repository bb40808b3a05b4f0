"""Request body types (TypedDicts)."""

from magic_hour.types.params.v1_ai_clothes_changer_create_body import V1AiClothesChangerCreateBody
from magic_hour.types.params.v1_ai_clothes_changer_create_body_assets import (
    V1AiClothesChangerCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_clothes_changer_generate_body_assets import (
    V1AiClothesChangerGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_face_editor_create_body import V1AiFaceEditorCreateBody
from magic_hour.types.params.v1_ai_face_editor_create_body_assets import (
    V1AiFaceEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_face_editor_create_body_style import (
    V1AiFaceEditorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_face_editor_generate_body_assets import (
    V1AiFaceEditorGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_gif_generator_create_body import V1AiGifGeneratorCreateBody
from magic_hour.types.params.v1_ai_gif_generator_create_body_style import (
    V1AiGifGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_headshot_generator_create_body import (
    V1AiHeadshotGeneratorCreateBody,
)
from magic_hour.types.params.v1_ai_headshot_generator_create_body_assets import (
    V1AiHeadshotGeneratorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_headshot_generator_create_body_style import (
    V1AiHeadshotGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_headshot_generator_generate_body_assets import (
    V1AiHeadshotGeneratorGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_image_editor_create_body import V1AiImageEditorCreateBody
from magic_hour.types.params.v1_ai_image_editor_create_body_assets import (
    V1AiImageEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_image_editor_create_body_style import (
    V1AiImageEditorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_image_editor_generate_body_assets import (
    V1AiImageEditorGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_image_generator_create_body import V1AiImageGeneratorCreateBody
from magic_hour.types.params.v1_ai_image_generator_create_body_style import (
    V1AiImageGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_image_upscaler_create_body import V1AiImageUpscalerCreateBody
from magic_hour.types.params.v1_ai_image_upscaler_create_body_assets import (
    V1AiImageUpscalerCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_image_upscaler_create_body_style import (
    V1AiImageUpscalerCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_image_upscaler_generate_body_assets import (
    V1AiImageUpscalerGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_meme_generator_create_body import V1AiMemeGeneratorCreateBody
from magic_hour.types.params.v1_ai_meme_generator_create_body_style import (
    V1AiMemeGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_qr_code_generator_create_body import (
    V1AiQrCodeGeneratorCreateBody,
)
from magic_hour.types.params.v1_ai_qr_code_generator_create_body_style import (
    V1AiQrCodeGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_talking_photo_create_body import V1AiTalkingPhotoCreateBody
from magic_hour.types.params.v1_ai_talking_photo_create_body_assets import (
    V1AiTalkingPhotoCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_talking_photo_create_body_style import (
    V1AiTalkingPhotoCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_talking_photo_generate_body_assets import (
    V1AiTalkingPhotoGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_video_editor_create_body import V1AiVideoEditorCreateBody
from magic_hour.types.params.v1_ai_video_editor_create_body_assets import (
    V1AiVideoEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_video_editor_create_body_style import (
    V1AiVideoEditorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_video_editor_generate_body_assets import (
    V1AiVideoEditorGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_voice_cloner_create_body import V1AiVoiceClonerCreateBody
from magic_hour.types.params.v1_ai_voice_cloner_create_body_assets import (
    V1AiVoiceClonerCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_voice_cloner_create_body_style import (
    V1AiVoiceClonerCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_voice_cloner_generate_body_assets import (
    V1AiVoiceClonerGenerateBodyAssets,
)
from magic_hour.types.params.v1_ai_voice_generator_create_body import V1AiVoiceGeneratorCreateBody
from magic_hour.types.params.v1_ai_voice_generator_create_body_style import (
    V1AiVoiceGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_animation_create_body import V1AnimationCreateBody
from magic_hour.types.params.v1_animation_create_body_assets import V1AnimationCreateBodyAssets
from magic_hour.types.params.v1_animation_create_body_style import V1AnimationCreateBodyStyle
from magic_hour.types.params.v1_animation_generate_body_assets import V1AnimationGenerateBodyAssets
from magic_hour.types.params.v1_audio_to_video_create_body import V1AudioToVideoCreateBody
from magic_hour.types.params.v1_audio_to_video_create_body_assets import (
    V1AudioToVideoCreateBodyAssets,
)
from magic_hour.types.params.v1_audio_to_video_create_body_style import (
    V1AudioToVideoCreateBodyStyle,
)
from magic_hour.types.params.v1_audio_to_video_generate_body_assets import (
    V1AudioToVideoGenerateBodyAssets,
)
from magic_hour.types.params.v1_auto_subtitle_generator_create_body import (
    V1AutoSubtitleGeneratorCreateBody,
)
from magic_hour.types.params.v1_auto_subtitle_generator_create_body_assets import (
    V1AutoSubtitleGeneratorCreateBodyAssets,
)
from magic_hour.types.params.v1_auto_subtitle_generator_create_body_style import (
    V1AutoSubtitleGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_auto_subtitle_generator_create_body_style_custom_config import (
    V1AutoSubtitleGeneratorCreateBodyStyleCustomConfig,
)
from magic_hour.types.params.v1_auto_subtitle_generator_generate_body_assets import (
    V1AutoSubtitleGeneratorGenerateBodyAssets,
)
from magic_hour.types.params.v1_body_swap_create_body import V1BodySwapCreateBody
from magic_hour.types.params.v1_body_swap_create_body_assets import V1BodySwapCreateBodyAssets
from magic_hour.types.params.v1_body_swap_generate_body_assets import V1BodySwapGenerateBodyAssets
from magic_hour.types.params.v1_character_replace_create_body import V1CharacterReplaceCreateBody
from magic_hour.types.params.v1_character_replace_create_body_assets import (
    V1CharacterReplaceCreateBodyAssets,
)
from magic_hour.types.params.v1_character_replace_create_body_style import (
    V1CharacterReplaceCreateBodyStyle,
)
from magic_hour.types.params.v1_character_replace_create_body_style_points_item import (
    V1CharacterReplaceCreateBodyStylePointsItem,
)
from magic_hour.types.params.v1_character_replace_generate_body_assets import (
    V1CharacterReplaceGenerateBodyAssets,
)
from magic_hour.types.params.v1_face_detection_create_body import V1FaceDetectionCreateBody
from magic_hour.types.params.v1_face_detection_create_body_assets import (
    V1FaceDetectionCreateBodyAssets,
)
from magic_hour.types.params.v1_face_detection_generate_body_assets import (
    V1FaceDetectionGenerateBodyAssets,
)
from magic_hour.types.params.v1_face_swap_create_body import V1FaceSwapCreateBody
from magic_hour.types.params.v1_face_swap_create_body_assets import V1FaceSwapCreateBodyAssets
from magic_hour.types.params.v1_face_swap_create_body_assets_face_mappings_item import (
    V1FaceSwapCreateBodyAssetsFaceMappingsItem,
)
from magic_hour.types.params.v1_face_swap_create_body_style import V1FaceSwapCreateBodyStyle
from magic_hour.types.params.v1_face_swap_generate_body_assets import V1FaceSwapGenerateBodyAssets
from magic_hour.types.params.v1_face_swap_generate_body_assets_face_mappings_item import (
    V1FaceSwapGenerateBodyAssetsFaceMappingsItem,
)
from magic_hour.types.params.v1_face_swap_photo_create_body import V1FaceSwapPhotoCreateBody
from magic_hour.types.params.v1_face_swap_photo_create_body_assets import (
    V1FaceSwapPhotoCreateBodyAssets,
)
from magic_hour.types.params.v1_face_swap_photo_create_body_assets_face_mappings_item import (
    V1FaceSwapPhotoCreateBodyAssetsFaceMappingsItem,
)
from magic_hour.types.params.v1_face_swap_photo_generate_body_assets import (
    V1FaceSwapPhotoGenerateBodyAssets,
)
from magic_hour.types.params.v1_face_swap_photo_generate_body_assets_face_mappings_item import (
    V1FaceSwapPhotoGenerateBodyAssetsFaceMappingsItem,
)
from magic_hour.types.params.v1_files_upload_urls_create_body import V1FilesUploadUrlsCreateBody
from magic_hour.types.params.v1_files_upload_urls_create_body_items_item import (
    V1FilesUploadUrlsCreateBodyItemsItem,
)
from magic_hour.types.params.v1_head_swap_create_body import V1HeadSwapCreateBody
from magic_hour.types.params.v1_head_swap_create_body_assets import V1HeadSwapCreateBodyAssets
from magic_hour.types.params.v1_head_swap_generate_body_assets import V1HeadSwapGenerateBodyAssets
from magic_hour.types.params.v1_image_background_remover_create_body import (
    V1ImageBackgroundRemoverCreateBody,
)
from magic_hour.types.params.v1_image_background_remover_create_body_assets import (
    V1ImageBackgroundRemoverCreateBodyAssets,
)
from magic_hour.types.params.v1_image_background_remover_generate_body_assets import (
    V1ImageBackgroundRemoverGenerateBodyAssets,
)
from magic_hour.types.params.v1_image_to_video_create_body import V1ImageToVideoCreateBody
from magic_hour.types.params.v1_image_to_video_create_body_assets import (
    V1ImageToVideoCreateBodyAssets,
)
from magic_hour.types.params.v1_image_to_video_create_body_style import (
    V1ImageToVideoCreateBodyStyle,
)
from magic_hour.types.params.v1_image_to_video_generate_body_assets import (
    V1ImageToVideoGenerateBodyAssets,
)
from magic_hour.types.params.v1_lip_sync_create_body import V1LipSyncCreateBody
from magic_hour.types.params.v1_lip_sync_create_body_assets import V1LipSyncCreateBodyAssets
from magic_hour.types.params.v1_lip_sync_create_body_style import V1LipSyncCreateBodyStyle
from magic_hour.types.params.v1_lip_sync_generate_body_assets import V1LipSyncGenerateBodyAssets
from magic_hour.types.params.v1_photo_colorizer_create_body import V1PhotoColorizerCreateBody
from magic_hour.types.params.v1_photo_colorizer_create_body_assets import (
    V1PhotoColorizerCreateBodyAssets,
)
from magic_hour.types.params.v1_photo_colorizer_generate_body_assets import (
    V1PhotoColorizerGenerateBodyAssets,
)
from magic_hour.types.params.v1_text_to_video_create_body import V1TextToVideoCreateBody
from magic_hour.types.params.v1_text_to_video_create_body_style import V1TextToVideoCreateBodyStyle
from magic_hour.types.params.v1_video_to_video_create_body import V1VideoToVideoCreateBody
from magic_hour.types.params.v1_video_to_video_create_body_assets import (
    V1VideoToVideoCreateBodyAssets,
)
from magic_hour.types.params.v1_video_to_video_create_body_style import (
    V1VideoToVideoCreateBodyStyle,
)
from magic_hour.types.params.v1_video_to_video_generate_body_assets import (
    V1VideoToVideoGenerateBodyAssets,
)

__all__ = [
    "V1AiClothesChangerCreateBody",
    "V1AiClothesChangerCreateBodyAssets",
    "V1AiClothesChangerGenerateBodyAssets",
    "V1AiFaceEditorCreateBody",
    "V1AiFaceEditorCreateBodyAssets",
    "V1AiFaceEditorCreateBodyStyle",
    "V1AiFaceEditorGenerateBodyAssets",
    "V1AiGifGeneratorCreateBody",
    "V1AiGifGeneratorCreateBodyStyle",
    "V1AiHeadshotGeneratorCreateBody",
    "V1AiHeadshotGeneratorCreateBodyAssets",
    "V1AiHeadshotGeneratorCreateBodyStyle",
    "V1AiHeadshotGeneratorGenerateBodyAssets",
    "V1AiImageEditorCreateBody",
    "V1AiImageEditorCreateBodyAssets",
    "V1AiImageEditorCreateBodyStyle",
    "V1AiImageEditorGenerateBodyAssets",
    "V1AiImageGeneratorCreateBody",
    "V1AiImageGeneratorCreateBodyStyle",
    "V1AiImageUpscalerCreateBody",
    "V1AiImageUpscalerCreateBodyAssets",
    "V1AiImageUpscalerCreateBodyStyle",
    "V1AiImageUpscalerGenerateBodyAssets",
    "V1AiMemeGeneratorCreateBody",
    "V1AiMemeGeneratorCreateBodyStyle",
    "V1AiQrCodeGeneratorCreateBody",
    "V1AiQrCodeGeneratorCreateBodyStyle",
    "V1AiTalkingPhotoCreateBody",
    "V1AiTalkingPhotoCreateBodyAssets",
    "V1AiTalkingPhotoCreateBodyStyle",
    "V1AiTalkingPhotoGenerateBodyAssets",
    "V1AiVideoEditorCreateBody",
    "V1AiVideoEditorCreateBodyAssets",
    "V1AiVideoEditorCreateBodyStyle",
    "V1AiVideoEditorGenerateBodyAssets",
    "V1AiVoiceClonerCreateBody",
    "V1AiVoiceClonerCreateBodyAssets",
    "V1AiVoiceClonerCreateBodyStyle",
    "V1AiVoiceClonerGenerateBodyAssets",
    "V1AiVoiceGeneratorCreateBody",
    "V1AiVoiceGeneratorCreateBodyStyle",
    "V1AnimationCreateBody",
    "V1AnimationCreateBodyAssets",
    "V1AnimationCreateBodyStyle",
    "V1AnimationGenerateBodyAssets",
    "V1AudioToVideoCreateBody",
    "V1AudioToVideoCreateBodyAssets",
    "V1AudioToVideoCreateBodyStyle",
    "V1AudioToVideoGenerateBodyAssets",
    "V1AutoSubtitleGeneratorCreateBody",
    "V1AutoSubtitleGeneratorCreateBodyAssets",
    "V1AutoSubtitleGeneratorCreateBodyStyle",
    "V1AutoSubtitleGeneratorCreateBodyStyleCustomConfig",
    "V1AutoSubtitleGeneratorGenerateBodyAssets",
    "V1BodySwapCreateBody",
    "V1BodySwapCreateBodyAssets",
    "V1BodySwapGenerateBodyAssets",
    "V1CharacterReplaceCreateBody",
    "V1CharacterReplaceCreateBodyAssets",
    "V1CharacterReplaceCreateBodyStyle",
    "V1CharacterReplaceCreateBodyStylePointsItem",
    "V1CharacterReplaceGenerateBodyAssets",
    "V1FaceDetectionCreateBody",
    "V1FaceDetectionCreateBodyAssets",
    "V1FaceDetectionGenerateBodyAssets",
    "V1FaceSwapCreateBody",
    "V1FaceSwapCreateBodyAssets",
    "V1FaceSwapCreateBodyAssetsFaceMappingsItem",
    "V1FaceSwapCreateBodyStyle",
    "V1FaceSwapGenerateBodyAssets",
    "V1FaceSwapGenerateBodyAssetsFaceMappingsItem",
    "V1FaceSwapPhotoCreateBody",
    "V1FaceSwapPhotoCreateBodyAssets",
    "V1FaceSwapPhotoCreateBodyAssetsFaceMappingsItem",
    "V1FaceSwapPhotoGenerateBodyAssets",
    "V1FaceSwapPhotoGenerateBodyAssetsFaceMappingsItem",
    "V1FilesUploadUrlsCreateBody",
    "V1FilesUploadUrlsCreateBodyItemsItem",
    "V1HeadSwapCreateBody",
    "V1HeadSwapCreateBodyAssets",
    "V1HeadSwapGenerateBodyAssets",
    "V1ImageBackgroundRemoverCreateBody",
    "V1ImageBackgroundRemoverCreateBodyAssets",
    "V1ImageBackgroundRemoverGenerateBodyAssets",
    "V1ImageToVideoCreateBody",
    "V1ImageToVideoCreateBodyAssets",
    "V1ImageToVideoCreateBodyStyle",
    "V1ImageToVideoGenerateBodyAssets",
    "V1LipSyncCreateBody",
    "V1LipSyncCreateBodyAssets",
    "V1LipSyncCreateBodyStyle",
    "V1LipSyncGenerateBodyAssets",
    "V1PhotoColorizerCreateBody",
    "V1PhotoColorizerCreateBodyAssets",
    "V1PhotoColorizerGenerateBodyAssets",
    "V1TextToVideoCreateBody",
    "V1TextToVideoCreateBodyStyle",
    "V1VideoToVideoCreateBody",
    "V1VideoToVideoCreateBodyAssets",
    "V1VideoToVideoCreateBodyStyle",
    "V1VideoToVideoGenerateBodyAssets",
]
