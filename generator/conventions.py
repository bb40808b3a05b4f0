"""The Magic Hour API's conventions: what its documents say in prose, not in OpenAPI terms.

The one home of these facts. The IR reads which operations create projects, which one hands
out upload URLs and which fields hold input files; the Python view writes the values the
runtime needs (poll schedules, wait timeouts, terminal statuses, the storage prefix, the
upload extensions, the advice after a create that may have happened) into the generated
package, and the docs take their figures from them; the mock server plays the project
lifecycle and error codes described here.
"""

from __future__ import annotations

from dataclasses import dataclass

# Which kind of project an operation's tag says it creates (a POST on a collection) or reports
# on (a GET on an item): `/v1/image-projects/{id}` is tagged "Image Projects".
PROJECT_TAGS = {"Image Projects": "image", "Video Projects": "video", "Audio Projects": "audio"}

# The operation that hands out upload URLs for local files (`POST /v1/files/upload-urls`),
# found by its request and its answer: it asks for `items`, one per file, each with its asset
# `type` and `extension`, and answers with `items`, each with an `upload_url` and a `file_path`.
UPLOAD_ITEMS_FIELD = "items"
UPLOAD_URL_FIELD = "upload_url"
FILE_PATH_FIELD = "file_path"
UPLOAD_TYPE_FIELD = "type"
UPLOAD_EXTENSION_FIELD = "extension"

# A request field holds input files (URLs, storage paths, or for `generate` local files to
# upload first) when its name says so (`image_file_path`, or a list: `image_file_paths`), or,
# where only its wording says so, when its description names the upload API's `file_path`
# (`face_mappings[].new_face`).
INPUT_FILE_SUFFIX = "_file_path"
INPUT_FILES_SUFFIX = "_file_paths"
INPUT_FILE_WORDING = r"`file_path` field from the response of the \[?upload urls API"
# The asset types, as a field's name or the first sentence of its description names them.
ASSET_TYPES = ("image", "video", "audio")

# Where the upload-URLs operation puts a file: its `file_path`s start so.
STORAGE_PREFIX = "api-assets/"

# The extensions the upload-URLs operation takes, per asset type.
UPLOAD_EXTENSIONS = {
    "image": ("png", "jpg", "jpeg", "heic", "heif", "webp", "avif", "jp2", "tiff", "bmp"),
    "video": ("mp4", "m4v", "mov", "webm"),
    "audio": ("mp3", "wav", "aac", "flac", "webm", "m4a", "opus", "ogg", "aiff", "amr"),
}

# The field of a project that lists its outputs, each with a `url` (and an `expires_at`).
OUTPUTS_FIELD = "downloads"
# A task (face detection) is a create, with no project tag, that the GET of its own item path
# reports on; its outputs (`faces`) are images, polled as image projects are.
TASK_KIND = "image"

# A project's statuses: it waits, renders, then ends in one of the terminal ones.
WAITING_STATUSES = ("queued", "rendering")
TERMINAL_STATUSES = ("complete", "error", "canceled")
COMPLETE = "complete"


@dataclass(frozen=True)
class PollSchedule:
    """How often to ask about a project, and for how long, in seconds."""

    first: float  # the first interval, which backs off ...
    longest: float  # ... to this one
    timeout: float  # the overall wait


# The API overview's guidance: images every 2-3 s (they take 30-60 s), videos every 5-10 s
# (they take 2-5 minutes). Audio renders like a short video.
POLL_SCHEDULES = {
    "image": PollSchedule(first=2.0, longest=3.0, timeout=10 * 60.0),
    "video": PollSchedule(first=5.0, longest=10.0, timeout=60 * 60.0),
    "audio": PollSchedule(first=2.0, longest=5.0, timeout=20 * 60.0),
}

# Where a user finds a project the client could not confirm.
LIBRARY_URL = "https://magichour.ai/my-library"
# Said when a create failed after the server may have acted on it: retrying could charge twice.
MAY_HAVE_ACTED = (
    "the server may have created the project (and charged credits) before failing, so it was not"
    f" sent again: look for it in your library ({LIBRARY_URL}) or with the project's get before"
    " sending it again"
)

# A project's `error.code` values, from the API overview's table, with their messages.
ERROR_CODES = {
    "no_source_face": "Please use an image with a detectable face",
    "invalid_file_format": "File format not supported",
    "file_too_large": "File exceeds size limits for your plan",
    "nsfw": "Content violates moderation policy",
    "unknown_error": "Unexpected error",
}

# How long the URLs the API hands out stay valid, in hours.
DOWNLOAD_URL_HOURS = 24
UPLOAD_URL_HOURS = 1

# Where `Environment.MOCK_SERVER` points: the local mock server's default address.
MOCK_SERVER_URL = "http://127.0.0.1:4010"
# The environment variable that points `Environment.MOCK_SERVER` at a mock running elsewhere
# (another port, another host); the offline kit sets it while its mock runs.
MOCK_SERVER_URL_VARIABLE = "MAGIC_HOUR_MOCK_URL"
# The environment variables a client (and the command line) takes the API key and another
# server's URL from, when the code says nothing.
API_KEY_VARIABLE = "MAGIC_HOUR_API_KEY"
BASE_URL_VARIABLE = "MAGIC_HOUR_BASE_URL"

# Fields of earlier versions of the API reference that clients built on them (the published
# SDK 0.90.0) still require in answers, each with the field that replaced it: the mock answers
# them too, with that field's value ("value") or its first item, null if none ("first"). That
# SDK documents each as deprecated ("Use 'credits_charged' instead", "Please use `.downloads`").
DEPRECATED_FIELDS = {
    "frame_cost": ("credits_charged", "value"),
    "estimated_frame_cost": ("credits_charged", "value"),
    "total_frame_cost": ("credits_charged", "value"),
    "download": ("downloads", "first"),
}

# Webhooks (the webhook reference, `webhooks.yaml`). Each delivery is signed: the hex
# HMAC-SHA256, keyed with the webhook secret, of `<timestamp>.<raw body>`, in these headers (the
# runtime's `core/webhooks.py` has the same names; the generated package passes these).
WEBHOOK_SIGNATURE_HEADER = "magic-hour-event-signature"
WEBHOOK_TIMESTAMP_HEADER = "magic-hour-event-timestamp"
# An event is named `<kind>.<phase>` (`video.started`), its kind a project's (image, video,
# audio), and fires when a project of that kind enters the phase's status; a project that ends
# `canceled` sends no event (the reference: "poll this endpoint to detect cancellation").
WEBHOOK_PHASES = {"started": "rendering", "completed": "complete", "errored": "error"}
# The event's body: its name under `type`, the project (as its GET answers) under `payload`.
WEBHOOK_TYPE_FIELD = "type"
WEBHOOK_PAYLOAD_FIELD = "payload"
