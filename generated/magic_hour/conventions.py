"""The Magic Hour API's conventions: values the runtime (`magic_hour.core`) is given.

The runtime knows nothing of the API; the generated client and resources pass these in.
"""

import typing

from magic_hour.core.assets import UploadConventions
from magic_hour.core.polling import Schedule

# How often `generate` asks about a project, and for how long, by kind of project, in seconds.
SCHEDULES: typing.Dict[str, Schedule] = {
    "image": Schedule(first=2.0, longest=3.0, timeout=600.0),
    "video": Schedule(first=5.0, longest=10.0, timeout=3600.0),
    "audio": Schedule(first=2.0, longest=5.0, timeout=1200.0),
}

# The status of a project whose outputs are ready to download.
COMPLETE_STATUS = "complete"

# The statuses a project does not leave.
TERMINAL_STATUSES = frozenset(("complete", "error", "canceled"))

# How the storage paths the upload-URLs operation hands out begin: an input-file value that
# begins so is not a local file.
STORAGE_PREFIX = "api-assets/"

# The file extensions the upload-URLs operation takes, by asset type. A field that does not
# say its asset type takes the first type whose extensions include the file's.
UPLOAD_EXTENSIONS: typing.Dict[str, typing.FrozenSet[str]] = {
    "image": frozenset(
        ("png", "jpg", "jpeg", "heic", "heif", "webp", "avif", "jp2", "tiff", "bmp")
    ),
    "video": frozenset(("mp4", "m4v", "mov", "webm")),
    "audio": frozenset(("mp3", "wav", "aac", "flac", "webm", "m4a", "opus", "ogg", "aiff", "amr")),
}

UPLOADS = UploadConventions(storage_prefix=STORAGE_PREFIX, extensions=UPLOAD_EXTENSIONS)

# The headers of a webhook delivery: the hex HMAC-SHA256 signature, and the timestamp it signs.
WEBHOOK_SIGNATURE_HEADER = "magic-hour-event-signature"
WEBHOOK_TIMESTAMP_HEADER = "magic-hour-event-timestamp"
