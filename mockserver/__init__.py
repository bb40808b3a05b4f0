"""A local mock of the Magic Hour API, driven by the spec files: nothing in it names an endpoint.

    python -m mockserver --specs specs --port 4010      # or: make mock

    with MockServer(specs="specs", port=0) as server:
        client = Client(token="any", base_url=server.url)
        ...
        server.projects[project_id].status, server.uploads[file_path].sha256

Every operation is routed, authenticated and validated as its spec says (401, 400, 422 with
the field named). Create operations of image, video and audio projects start a project that
GETs move from `queued` through `rendering` to its end; on `complete` it hands out download
URLs serving real PNG, GIF, MP4, WebM or WAV files of the size asked for. Headers on a create
request steer its project, so that tests can reach the failure paths:

    X-Mock-Outcome: complete | error | error:<code> | canceled
    X-Mock-Output-Size: <bytes per output file>
    X-Mock-Download-Fault: truncate | expire-once | revoke-once
    X-Mock-Download-Name: <last part of each download URL's path, as given>

and on an upload-URLs request, `X-Mock-Upload-Fault: refuse` makes its upload URLs answer 403.

`truncate` cuts each download after about half its bytes; `expire-once` makes the first
download URLs expired (`expires_at` past, 403 on fetch); `revoke-once` makes them answer 403
while `expires_at` says they are still valid. Later GETs of the project give working URLs.

URLs it hands out: `{url}/_mock/uploads/<token>/<n>.<ext>` (PUT a file there) and
`{url}/_mock/downloads/<project id>/<name>?mock-download=<token>&auth-token=<hex>` (any GET
with a valid `mock-download` token is that file, whatever the path has become).
"""

from mockserver.server import MockServer
from mockserver.state import (
    DOWNLOAD_FAULT_HEADER,
    DOWNLOAD_NAME_HEADER,
    ERROR_MESSAGES,
    OUTCOME_HEADER,
    OUTPUT_SIZE_HEADER,
    UPLOAD_FAULT_HEADER,
    ProjectState,
    UploadRecord,
)

__all__ = [
    "DOWNLOAD_FAULT_HEADER",
    "DOWNLOAD_NAME_HEADER",
    "ERROR_MESSAGES",
    "OUTCOME_HEADER",
    "OUTPUT_SIZE_HEADER",
    "MockServer",
    "ProjectState",
    "UploadRecord",
]
