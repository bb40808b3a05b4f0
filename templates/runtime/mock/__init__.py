"""A local mock of the API, driven by the description the generator wrote beside it (`api.json`).

    python -m magic_hour.mock --port 4010       # or: magic-hour-mock; needs magic-hour[mock]

    with MockServer(port=0) as server:          # magic_hour.testing wraps this for tests
        client = Client(token="any", base_url=server.url)
        ...
        server.projects[project_id].status, server.uploads[file_path].sha256

Every operation is routed, authenticated and validated as the API's reference says (401, 400,
422 with the field named). Create operations of image, video and audio projects start a project
that GETs move from `queued` through `rendering` to its end; on `complete` it hands out download
URLs serving real PNG, GIF, MP4, WebM or WAV files of the size asked for. Answers carry every
field the reference requires, and the deprecated ones earlier clients still read.

A project is steered by `MockServer.script(...)` before its create (or `steer(...)` after it),
or by headers on the create request:

    X-Mock-Outcome: complete | error | error:<code> | canceled
    X-Mock-Output-Size: <bytes per output file>
    X-Mock-Download-Fault: truncate | expire-once | revoke-once
    X-Mock-Download-Name: <last part of each download URL's path, as given>

and on an upload-URLs request, `X-Mock-Upload-Fault: refuse` makes its upload URLs answer 403.

With `webhook_url` and `webhook_secret` (`--webhook-url`, `--webhook-secret`), it POSTs a
signed event there as each project starts rendering, completes or fails (none when canceled),
retrying one that fails; projects then move with time, polled or not. `webhook_deliveries`
lists what it sent.

`truncate` cuts each download after about half its bytes; `expire-once` makes the first
download URLs expired (`expires_at` past, 403 on fetch); `revoke-once` makes them answer 403
while `expires_at` says they are still valid. Later GETs of the project give working URLs.

URLs it hands out: `{url}/_mock/uploads/<token>/<n>.<ext>` (PUT a file there) and
`{url}/_mock/downloads/<project id>/<name>?mock-download=<token>&auth-token=<hex>` (any GET
with a valid `mock-download` token is that file, whatever the path has become). A test in
another process reads and steers the mock through `POST {url}/_mock/control/<action>`.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from magic_hour.mock.server import DESCRIPTION, MockServer
    from magic_hour.mock.state import (
        DOWNLOAD_FAULT_HEADER,
        DOWNLOAD_NAME_HEADER,
        OUTCOME_HEADER,
        OUTPUT_SIZE_HEADER,
        UPLOAD_FAULT_HEADER,
        ProjectState,
        ReceivedRequest,
        UploadRecord,
    )

# Imported when first used: the server needs jsonschema (the `mock` extra), and
# `python -m magic_hour.mock` says so in one line when it is missing.
_HOMES = {
    "DESCRIPTION": "magic_hour.mock.server",
    "MockServer": "magic_hour.mock.server",
    "DOWNLOAD_FAULT_HEADER": "magic_hour.mock.state",
    "DOWNLOAD_NAME_HEADER": "magic_hour.mock.state",
    "OUTCOME_HEADER": "magic_hour.mock.state",
    "OUTPUT_SIZE_HEADER": "magic_hour.mock.state",
    "UPLOAD_FAULT_HEADER": "magic_hour.mock.state",
    "ProjectState": "magic_hour.mock.state",
    "ReceivedRequest": "magic_hour.mock.state",
    "UploadRecord": "magic_hour.mock.state",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> typing.Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
