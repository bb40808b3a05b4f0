"""Response types (pydantic models)."""

from magic_hour.types.models.audio_completed_event_payload import AudioCompletedEventPayload
from magic_hour.types.models.audio_completed_event_payload_downloads_item import (
    AudioCompletedEventPayloadDownloadsItem,
)
from magic_hour.types.models.audio_completed_event_payload_error import (
    AudioCompletedEventPayloadError,
)
from magic_hour.types.models.audio_errored_event_payload import AudioErroredEventPayload
from magic_hour.types.models.audio_errored_event_payload_downloads_item import (
    AudioErroredEventPayloadDownloadsItem,
)
from magic_hour.types.models.audio_errored_event_payload_error import AudioErroredEventPayloadError
from magic_hour.types.models.audio_started_event_payload import AudioStartedEventPayload
from magic_hour.types.models.audio_started_event_payload_downloads_item import (
    AudioStartedEventPayloadDownloadsItem,
)
from magic_hour.types.models.audio_started_event_payload_error import AudioStartedEventPayloadError
from magic_hour.types.models.image_completed_event_payload import ImageCompletedEventPayload
from magic_hour.types.models.image_completed_event_payload_downloads_item import (
    ImageCompletedEventPayloadDownloadsItem,
)
from magic_hour.types.models.image_completed_event_payload_error import (
    ImageCompletedEventPayloadError,
)
from magic_hour.types.models.image_errored_event_payload import ImageErroredEventPayload
from magic_hour.types.models.image_errored_event_payload_downloads_item import (
    ImageErroredEventPayloadDownloadsItem,
)
from magic_hour.types.models.image_errored_event_payload_error import ImageErroredEventPayloadError
from magic_hour.types.models.image_started_event_payload import ImageStartedEventPayload
from magic_hour.types.models.image_started_event_payload_downloads_item import (
    ImageStartedEventPayloadDownloadsItem,
)
from magic_hour.types.models.image_started_event_payload_error import ImageStartedEventPayloadError
from magic_hour.types.models.v1_ai_clothes_changer_create_response import (
    V1AiClothesChangerCreateResponse,
)
from magic_hour.types.models.v1_ai_face_editor_create_response import V1AiFaceEditorCreateResponse
from magic_hour.types.models.v1_ai_gif_generator_create_response import (
    V1AiGifGeneratorCreateResponse,
)
from magic_hour.types.models.v1_ai_headshot_generator_create_response import (
    V1AiHeadshotGeneratorCreateResponse,
)
from magic_hour.types.models.v1_ai_image_editor_create_response import V1AiImageEditorCreateResponse
from magic_hour.types.models.v1_ai_image_generator_create_response import (
    V1AiImageGeneratorCreateResponse,
)
from magic_hour.types.models.v1_ai_image_upscaler_create_response import (
    V1AiImageUpscalerCreateResponse,
)
from magic_hour.types.models.v1_ai_meme_generator_create_response import (
    V1AiMemeGeneratorCreateResponse,
)
from magic_hour.types.models.v1_ai_qr_code_generator_create_response import (
    V1AiQrCodeGeneratorCreateResponse,
)
from magic_hour.types.models.v1_ai_talking_photo_create_response import (
    V1AiTalkingPhotoCreateResponse,
)
from magic_hour.types.models.v1_ai_video_editor_create_response import V1AiVideoEditorCreateResponse
from magic_hour.types.models.v1_ai_voice_cloner_create_response import V1AiVoiceClonerCreateResponse
from magic_hour.types.models.v1_ai_voice_generator_create_response import (
    V1AiVoiceGeneratorCreateResponse,
)
from magic_hour.types.models.v1_animation_create_response import V1AnimationCreateResponse
from magic_hour.types.models.v1_audio_projects_get_response import V1AudioProjectsGetResponse
from magic_hour.types.models.v1_audio_projects_get_response_downloads_item import (
    V1AudioProjectsGetResponseDownloadsItem,
)
from magic_hour.types.models.v1_audio_projects_get_response_error import (
    V1AudioProjectsGetResponseError,
)
from magic_hour.types.models.v1_audio_projects_get_response_with_downloads import (
    V1AudioProjectsGetResponseWithDownloads,
)
from magic_hour.types.models.v1_audio_to_video_create_response import V1AudioToVideoCreateResponse
from magic_hour.types.models.v1_auto_subtitle_generator_create_response import (
    V1AutoSubtitleGeneratorCreateResponse,
)
from magic_hour.types.models.v1_body_swap_create_response import V1BodySwapCreateResponse
from magic_hour.types.models.v1_character_replace_create_response import (
    V1CharacterReplaceCreateResponse,
)
from magic_hour.types.models.v1_face_detection_create_response import V1FaceDetectionCreateResponse
from magic_hour.types.models.v1_face_detection_get_response import V1FaceDetectionGetResponse
from magic_hour.types.models.v1_face_detection_get_response_faces_item import (
    V1FaceDetectionGetResponseFacesItem,
)
from magic_hour.types.models.v1_face_detection_get_response_with_downloads import (
    V1FaceDetectionGetResponseWithDownloads,
)
from magic_hour.types.models.v1_face_swap_create_response import V1FaceSwapCreateResponse
from magic_hour.types.models.v1_face_swap_photo_create_response import V1FaceSwapPhotoCreateResponse
from magic_hour.types.models.v1_files_upload_urls_create_response import (
    V1FilesUploadUrlsCreateResponse,
)
from magic_hour.types.models.v1_files_upload_urls_create_response_items_item import (
    V1FilesUploadUrlsCreateResponseItemsItem,
)
from magic_hour.types.models.v1_head_swap_create_response import V1HeadSwapCreateResponse
from magic_hour.types.models.v1_image_background_remover_create_response import (
    V1ImageBackgroundRemoverCreateResponse,
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
from magic_hour.types.models.v1_image_to_video_create_response import V1ImageToVideoCreateResponse
from magic_hour.types.models.v1_lip_sync_create_response import V1LipSyncCreateResponse
from magic_hour.types.models.v1_photo_colorizer_create_response import (
    V1PhotoColorizerCreateResponse,
)
from magic_hour.types.models.v1_text_to_video_create_response import V1TextToVideoCreateResponse
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
from magic_hour.types.models.v1_video_to_video_create_response import V1VideoToVideoCreateResponse
from magic_hour.types.models.video_completed_event_payload import VideoCompletedEventPayload
from magic_hour.types.models.video_completed_event_payload_downloads_item import (
    VideoCompletedEventPayloadDownloadsItem,
)
from magic_hour.types.models.video_completed_event_payload_error import (
    VideoCompletedEventPayloadError,
)
from magic_hour.types.models.video_errored_event_payload import VideoErroredEventPayload
from magic_hour.types.models.video_errored_event_payload_downloads_item import (
    VideoErroredEventPayloadDownloadsItem,
)
from magic_hour.types.models.video_errored_event_payload_error import VideoErroredEventPayloadError
from magic_hour.types.models.video_started_event_payload import VideoStartedEventPayload
from magic_hour.types.models.video_started_event_payload_downloads_item import (
    VideoStartedEventPayloadDownloadsItem,
)
from magic_hour.types.models.video_started_event_payload_error import VideoStartedEventPayloadError

__all__ = [
    "AudioCompletedEventPayload",
    "AudioCompletedEventPayloadDownloadsItem",
    "AudioCompletedEventPayloadError",
    "AudioErroredEventPayload",
    "AudioErroredEventPayloadDownloadsItem",
    "AudioErroredEventPayloadError",
    "AudioStartedEventPayload",
    "AudioStartedEventPayloadDownloadsItem",
    "AudioStartedEventPayloadError",
    "ImageCompletedEventPayload",
    "ImageCompletedEventPayloadDownloadsItem",
    "ImageCompletedEventPayloadError",
    "ImageErroredEventPayload",
    "ImageErroredEventPayloadDownloadsItem",
    "ImageErroredEventPayloadError",
    "ImageStartedEventPayload",
    "ImageStartedEventPayloadDownloadsItem",
    "ImageStartedEventPayloadError",
    "V1AiClothesChangerCreateResponse",
    "V1AiFaceEditorCreateResponse",
    "V1AiGifGeneratorCreateResponse",
    "V1AiHeadshotGeneratorCreateResponse",
    "V1AiImageEditorCreateResponse",
    "V1AiImageGeneratorCreateResponse",
    "V1AiImageUpscalerCreateResponse",
    "V1AiMemeGeneratorCreateResponse",
    "V1AiQrCodeGeneratorCreateResponse",
    "V1AiTalkingPhotoCreateResponse",
    "V1AiVideoEditorCreateResponse",
    "V1AiVoiceClonerCreateResponse",
    "V1AiVoiceGeneratorCreateResponse",
    "V1AnimationCreateResponse",
    "V1AudioProjectsGetResponse",
    "V1AudioProjectsGetResponseDownloadsItem",
    "V1AudioProjectsGetResponseError",
    "V1AudioProjectsGetResponseWithDownloads",
    "V1AudioToVideoCreateResponse",
    "V1AutoSubtitleGeneratorCreateResponse",
    "V1BodySwapCreateResponse",
    "V1CharacterReplaceCreateResponse",
    "V1FaceDetectionCreateResponse",
    "V1FaceDetectionGetResponse",
    "V1FaceDetectionGetResponseFacesItem",
    "V1FaceDetectionGetResponseWithDownloads",
    "V1FaceSwapCreateResponse",
    "V1FaceSwapPhotoCreateResponse",
    "V1FilesUploadUrlsCreateResponse",
    "V1FilesUploadUrlsCreateResponseItemsItem",
    "V1HeadSwapCreateResponse",
    "V1ImageBackgroundRemoverCreateResponse",
    "V1ImageProjectsGetResponse",
    "V1ImageProjectsGetResponseDownloadsItem",
    "V1ImageProjectsGetResponseError",
    "V1ImageProjectsGetResponseWithDownloads",
    "V1ImageToVideoCreateResponse",
    "V1LipSyncCreateResponse",
    "V1PhotoColorizerCreateResponse",
    "V1TextToVideoCreateResponse",
    "V1VideoProjectsGetResponse",
    "V1VideoProjectsGetResponseDownloadsItem",
    "V1VideoProjectsGetResponseError",
    "V1VideoProjectsGetResponseWithDownloads",
    "V1VideoToVideoCreateResponse",
    "VideoCompletedEventPayload",
    "VideoCompletedEventPayloadDownloadsItem",
    "VideoCompletedEventPayloadError",
    "VideoErroredEventPayload",
    "VideoErroredEventPayloadDownloadsItem",
    "VideoErroredEventPayloadError",
    "VideoStartedEventPayload",
    "VideoStartedEventPayloadDownloadsItem",
    "VideoStartedEventPayloadError",
]
