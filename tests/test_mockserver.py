"""The mock server, over real sockets: routing, auth, validation, projects, uploads, files."""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import wave
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
import pytest
from ruamel.yaml import YAML
from helpers.paths import ROOT
from helpers.processes import running
from helpers.raw_specs import curl_body, spec_operations
from helpers.specfiles import fixture

from magic_hour.mock import MockServer, files

# The module's `server` (conftest.py) moves a project on at every poll: see `finish`.
pytestmark = pytest.mark.mock_server(polls_per_status=1)
AUTH = {"Authorization": "Bearer test-key"}
IMAGE_BODY = {"image_count": 1, "style": {"prompt": "Epic wizard"}}
GIF_BODY = {"style": {"prompt": "Cute dancing cat"}}


@pytest.fixture
def http(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=10) as client:
        yield client


def fetch(url: str) -> httpx.Response:
    """A storage URL, fetched as clients must: without the API key."""
    return httpx.get(url, timeout=10)


def create(http: httpx.Client, path: str, body: Any, **headers: str) -> str:
    response = http.post(path, json=body, headers=headers)
    assert response.status_code == 200, response.text
    project_id: str = response.json()["id"]
    return project_id


def finish(http: httpx.Client, kind: str, project_id: str) -> dict[str, Any]:
    """Poll the project until it stops changing (three GETs at one poll per status)."""
    for _ in range(3):
        response = http.get(f"/v1/{kind}-projects/{project_id}")
        assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


# Routing, auth and validation.


def test_unknown_path_is_404_and_known_path_with_other_method_is_405(http: httpx.Client) -> None:
    response = http.get("/v1/nothing-here")
    assert (response.status_code, response.json()) == (404, {"message": "Not Found"})

    response = http.put("/v1/image-projects/abc")
    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, GET"


@pytest.mark.parametrize("authorization", [None, "Bearer", "Token abc", "Basic dXNlcg=="])
def test_operations_need_a_bearer_token(server: MockServer, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.post(f"{server.url}/v1/ai-image-generator", json=IMAGE_BODY, headers=headers)
    assert (response.status_code, response.json()) == (401, {"message": "Unauthorized"})


def test_a_body_that_is_missing_or_not_json_is_400(http: httpx.Client) -> None:
    response = http.post("/v1/ai-image-generator")
    assert (response.status_code, response.json()) == (400, {"message": "Missing request body"})

    response = http.post("/v1/ai-image-generator", content=b'{"style": ')
    assert response.status_code == 400
    assert response.json()["message"].startswith("Request body is not valid JSON")

    response = http.post("/v1/ai-image-generator", content=b"[" * 100_000)
    assert (response.status_code, response.json()) == (
        400,
        {"message": "Request body is nested too deeply"},
    )


@pytest.mark.parametrize(
    "path, body, message",
    [
        (
            "/v1/ai-image-generator",
            {"image_count": 0, "style": {"prompt": ""}, "colour": "red"},
            "colour: unknown field; image_count: must be >= 1;"
            " style.prompt: must have at least 1 character(s)",
        ),
        ("/v1/ai-image-generator", {"image_count": 1}, "style: required field is missing"),
        (
            "/v1/ai-image-generator",
            {"image_count": "2", "style": {"prompt": "x", "tool": "crayons"}},
            'image_count: expected integer, got string; style.tool: must be one of "ai-anime-generator"',
        ),
        (
            "/v1/files/upload-urls",
            {
                "items": [
                    {"type": "video", "extension": "mp4"},
                    {"type": "image", "extension": ".png"},
                ]
            },
            "items[1].extension: must match the pattern ^[a-z0-9]+$",
        ),
        ("/v1/files/upload-urls", {"items": []}, "items: must have at least 1 items"),
        ("/v1/ai-gif-generator", [], "body: expected object, got array"),
    ],
)
def test_schema_violations_are_422_naming_each_field(
    http: httpx.Client, path: str, body: Any, message: str
) -> None:
    response = http.post(path, json=body)
    assert response.status_code == 422
    assert response.json()["message"].startswith(message)


def test_fields_the_spec_requires_but_never_defines_are_not_required(http: httpx.Client) -> None:
    # The animation body's schema is fine; the response schemas name `frame_cost` (a wart).
    # The body is the spec's own curl example, as the docs show it.
    body = curl_body(spec_operations()["POST /v1/animation"])
    response = http.post("/v1/animation", json=body)
    assert response.status_code == 200
    assert response.json()["credits_charged"] == 450


# Projects.


def test_a_project_moves_from_queued_to_rendering_to_complete_by_polls(
    start_mock_server: Callable[..., MockServer],
) -> None:
    server = start_mock_server(polls_per_status=2)
    with httpx.Client(base_url=server.url, headers=AUTH) as http:
        body = {"name": "Wizards", "image_count": 3, "style": {"prompt": "Epic wizard"}}
        project_id = create(http, "/v1/ai-image-generator", body)
        assert re.fullmatch(r"mock-image-\d+-[0-9a-f]+", project_id)
        answers = [http.get(f"/v1/image-projects/{project_id}").json() for _ in range(5)]

    assert [a["status"] for a in answers] == [
        "queued",
        "queued",
        "rendering",
        "rendering",
        "complete",
    ]
    assert all(a["downloads"] == [] for a in answers[:4])
    final = answers[-1]
    assert final["id"] == project_id
    assert final["name"] == "Wizards"
    assert final["image_count"] == 3
    assert final["credits_charged"] == 5
    assert final["error"] is None
    assert final["type"] == "AI_IMAGE"  # the rest of the spec's example
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", final["created_at"])
    assert len(final["downloads"]) == 3
    expires = datetime.datetime.fromisoformat(final["downloads"][0]["expires_at"])
    left = expires - datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(hours=23) < left <= datetime.timedelta(hours=24)
    assert [d["url"].split("?")[0].rsplit("/", 1)[1] for d in final["downloads"]] == [
        "output-1.png",
        "output-2.png",
        "output-3.png",
    ]

    state = server.projects[project_id]
    assert (state.kind, state.status, state.polls, state.output_format) == (
        "image",
        "complete",
        5,
        "png",
    )


def test_a_project_moves_through_statuses_by_time(
    start_mock_server: Callable[..., MockServer],
) -> None:
    server = start_mock_server(seconds_per_status=0.4)
    with httpx.Client(base_url=server.url, headers=AUTH) as http:
        started = time.monotonic()
        project_id = create(http, "/v1/ai-gif-generator", GIF_BODY)

        def status_at(seconds: float) -> str:
            time.sleep(max(0.0, started + seconds - time.monotonic()))
            status: str = http.get(f"/v1/image-projects/{project_id}").json()["status"]
            return status

        assert [status_at(0), status_at(0.6), status_at(0.9)] == [
            "queued",
            "rendering",
            "complete",
        ]


@pytest.mark.parametrize(
    "outcome, error",
    [
        ("error", {"code": "unknown_error", "message": "Unexpected error"}),
        (
            "error:no_source_face",
            {"code": "no_source_face", "message": "Please use an image with a detectable face"},
        ),
        ("error:nsfw", {"code": "nsfw", "message": "Content violates moderation policy"}),
        ("error:gremlins", {"code": "gremlins", "message": "Unexpected error"}),
        ("canceled", None),
    ],
)
def test_a_project_can_end_in_error_or_canceled(
    http: httpx.Client, outcome: str, error: dict[str, str] | None
) -> None:
    project_id = create(http, "/v1/ai-gif-generator", GIF_BODY, **{"X-Mock-Outcome": outcome})
    final = finish(http, "image", project_id)
    assert final["status"] == outcome.split(":")[0]
    assert final["error"] == error
    assert final["downloads"] == []
    assert final["credits_charged"] == 0  # refunded


@pytest.mark.parametrize(
    "header, value",
    [
        ("X-Mock-Outcome", "exploded"),
        ("X-Mock-Outcome", "error:"),
        ("X-Mock-Output-Size", "-1"),
        ("X-Mock-Output-Size", "12kb"),
        ("X-Mock-Download-Fault", "slow"),
        ("X-Mock-Download-Name", "a?b.gif"),
    ],
)
def test_a_bad_steering_header_is_400_naming_it(
    http: httpx.Client, header: str, value: str
) -> None:
    response = http.post("/v1/ai-gif-generator", json=GIF_BODY, headers={header: value})
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{header}: ")


def test_getters_and_delete_know_only_their_own_kind_of_project(http: httpx.Client) -> None:
    image_id = create(http, "/v1/ai-image-generator", IMAGE_BODY)
    assert http.get(f"/v1/video-projects/{image_id}").status_code == 404
    assert http.delete(f"/v1/video-projects/{image_id}").status_code == 404
    assert http.get("/v1/image-projects/no-such-id").json() == {"message": "Not Found"}

    response = http.delete(f"/v1/image-projects/{image_id}")
    assert (response.status_code, response.content) == (204, b"")
    assert http.get(f"/v1/image-projects/{image_id}").status_code == 404
    assert http.delete(f"/v1/image-projects/{image_id}").status_code == 404


def test_the_specs_example_id_is_a_project_that_always_exists(http: httpx.Client) -> None:
    # The docs' examples call `get` and `delete` with the spec's example id.
    for _ in range(2):
        response = http.get("/v1/image-projects/cuid-example")
        assert response.status_code == 200
        assert response.json()["id"] == "cuid-example"
        assert response.json()["status"] == "complete"
        response = http.delete("/v1/video-projects/cuid-example")
        assert (response.status_code, response.content) == (204, b"")
    assert http.get("/v1/video-projects/cuid-example").json()["id"] == "cuid-example"
    assert http.get("/v1/video-projects/cuid-example2").status_code == 404


def test_video_projects_default_to_mp4(http: httpx.Client, server: MockServer) -> None:
    body = {
        "fps": 12,
        "end_seconds": 2,
        "height": 64,
        "width": 64,
        "style": {
            "art_style": "Cyberpunk",
            "camera_effect": "Jump",
            "prompt_type": "ai_choose",
            "transition_speed": 1,
        },
        "assets": {"audio_source": "none"},
    }
    project_id = create(http, "/v1/animation", body)
    final = finish(http, "video", project_id)
    assert "image_count" not in final
    response = fetch(final["downloads"][0]["url"])
    assert response.headers["content-type"] == "video/mp4"
    assert len(response.content) == server.output_size == 16 * 1024


# Uploads.


def test_upload_urls_accept_puts_and_record_what_arrived(
    http: httpx.Client, server: MockServer
) -> None:
    items = [{"type": "video", "extension": "mp4"}, {"type": "audio", "extension": "mp3"}]
    response = http.post("/v1/files/upload-urls", json={"items": items})
    assert response.status_code == 200
    answer = response.json()["items"]
    assert [a["file_path"].rsplit(".", 1)[1] for a in answer] == ["mp4", "mp3"]
    assert all(re.fullmatch(r"api-assets/[\w-]+/\d+\.\w+", a["file_path"]) for a in answer)
    assert all(a["upload_url"].startswith(f"{server.url}/_mock/uploads/") for a in answer)
    expires = datetime.datetime.fromisoformat(answer[0]["expires_at"])
    assert expires - datetime.datetime.now(datetime.timezone.utc) > datetime.timedelta(minutes=59)

    video = bytes(range(256)) * 5000
    response = httpx.put(answer[0]["upload_url"], content=video)
    assert (response.status_code, response.content) == (200, b"")

    audio = [b"ID3", b"\x00" * 70_000, b"end"]  # sent chunked: no Content-Length
    response = httpx.put(answer[1]["upload_url"], content=iter(audio))
    assert response.status_code == 200

    video_record = server.uploads[answer[0]["file_path"]]
    assert (video_record.size, video_record.sha256) == (
        len(video),
        hashlib.sha256(video).hexdigest(),
    )
    audio_record = server.uploads[answer[1]["file_path"]]
    assert audio_record.sha256 == hashlib.sha256(b"".join(audio)).hexdigest()

    response = httpx.put(f"{server.url}/_mock/uploads/not-a-token/0.mp4", content=b"x")
    assert response.status_code == 403


def test_storage_urls_refuse_an_api_key(http: httpx.Client) -> None:
    items = [{"type": "image", "extension": "png"}]
    upload_url = http.post("/v1/files/upload-urls", json={"items": items}).json()["items"][0]
    response = httpx.put(upload_url["upload_url"], content=b"png", headers=AUTH)
    assert (response.status_code, response.json()) == (
        400,
        {"message": "Storage URLs are signed: send no Authorization header"},
    )
    project_id = create(http, "/v1/ai-gif-generator", GIF_BODY)
    download_url = finish(http, "image", project_id)["downloads"][0]["url"]
    assert http.get(download_url).status_code == 400  # `http` sends the API key
    assert fetch(download_url).status_code == 200


# Download files.


def parse_png(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    kinds, position = [], 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        if kind == b"IHDR":
            assert struct.unpack(">II", body[:8]) == (1, 1)
        if kind == b"IDAT":
            assert zlib.decompress(body) == b"\x00\x00"  # filter byte, one pixel
        assert kind in (b"IHDR", b"IDAT", b"IEND") or kind[0:2].islower()  # private, skippable
        kinds.append(kind)
        position += 12 + length
    assert position == len(data)
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    return kinds


def parse_gif(data: bytes) -> list[str]:
    assert data[:6] == b"GIF89a"
    width, height, flags = struct.unpack("<HHB", data[6:11])
    assert (width, height) == (1, 1)
    position = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)

    def skip_sub_blocks(position: int) -> int:
        while data[position]:
            position += 1 + data[position]
        return position + 1

    blocks = []
    while data[position] != 0x3B:
        if data[position] == 0x21:
            blocks.append(f"extension {data[position + 1]:#x}")
            position = skip_sub_blocks(position + 2)
        else:
            assert data[position] == 0x2C
            assert data[position + 9] & 0x80 == 0  # no local colour table
            blocks.append("image")
            position = skip_sub_blocks(position + 11)  # descriptor, LZW code size
    assert position == len(data) - 1
    assert blocks.count("image") == 1
    return blocks


def parse_mp4(data: bytes) -> list[bytes]:
    kinds, position = [], 0
    while position < len(data):
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        assert size >= 8
        if kind == b"moov":
            assert data[position + 12 : position + 16] == b"mvhd"
            assert struct.unpack(">I", data[position + 8 : position + 12])[0] == size - 8
        kinds.append(kind)
        position += size
    assert position == len(data)
    assert kinds[:2] == [b"ftyp", b"moov"] and set(kinds[2:]) == {b"free"}
    return kinds


def read_vint(data: bytes, position: int, keep_marker: bool) -> tuple[int, int]:
    length = 8 - data[position].bit_length() + 1
    value = int.from_bytes(data[position : position + length], "big")
    return (value if keep_marker else value & ((1 << (7 * length)) - 1)), position + length


def ebml_elements(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """(id, payload start, payload end) of each element in data[start:end]."""
    found, position = [], start
    while position < end:
        element_id, position = read_vint(data, position, keep_marker=True)
        size, position = read_vint(data, position, keep_marker=False)
        found.append((element_id, position, position + size))
        position += size
    assert position == end
    return found


def parse_webm(data: bytes) -> list[int]:
    header, segment = ebml_elements(data, 0, len(data))
    assert header[0] == 0x1A45DFA3 and segment[0] == 0x18538067
    fields = {i: data[s:e] for i, s, e in ebml_elements(data, header[1], header[2])}
    assert fields[0x4282] == b"webm"
    children = [i for i, _, _ in ebml_elements(data, segment[1], segment[2])]
    assert children[:2] == [0x1549A966, 0x1654AE6B]  # Info, Tracks
    assert set(children[2:]) == {0xEC}  # Void
    return children


PARSERS = {"png": parse_png, "gif": parse_gif, "mp4": parse_mp4, "webm": parse_webm}


def test_every_format_is_valid_at_every_awkward_size() -> None:
    for file_format, parse in PARSERS.items():
        smallest = files.minimal_size(file_format)
        edges = [files.CHUNK + d for d in (-300, -2, -1, 0, 1, 2, 255, 256, 257)]
        for size in [*range(smallest, smallest + 600), *edges, 2 * files.CHUNK + smallest + 1]:
            layout = files.layout(file_format, size)
            data = layout.read()
            assert len(data) == layout.size == size, (file_format, size)
            parse(data)
        assert len(files.layout(file_format, 0).read()) == smallest
    for size in (44, 45, 1001, files.CHUNK + 3):
        with wave.open(BytesIO(files.layout("wav", size).read())) as audio:
            assert (audio.getsampwidth(), audio.getnframes()) == (1, size - 44)


@pytest.mark.parametrize("size", [200, 1_000_003])
@pytest.mark.parametrize(
    "path, body, file_format, content_type",
    [
        ("/v1/ai-image-generator", IMAGE_BODY, "png", "image/png"),
        ("/v1/ai-gif-generator", GIF_BODY, "gif", "image/gif"),
        ("/v1/ai-gif-generator", {**GIF_BODY, "output_format": "mp4"}, "mp4", "video/mp4"),
        ("/v1/ai-gif-generator", {**GIF_BODY, "output_format": "webm"}, "webm", "video/webm"),
    ],
)
def test_downloads_are_real_files_of_the_asked_size(
    http: httpx.Client, path: str, body: Any, file_format: str, content_type: str, size: int
) -> None:
    project_id = create(http, path, body, **{"X-Mock-Output-Size": str(size)})
    url = finish(http, "image", project_id)["downloads"][0]["url"]
    assert url.split("?")[0].endswith(f"/output.{file_format}")

    response = fetch(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert response.headers["content-length"] == str(size) == str(len(response.content))
    PARSERS[file_format](response.content)


def test_a_size_below_the_smallest_file_gives_the_smallest_file(http: httpx.Client) -> None:
    project_id = create(http, "/v1/ai-image-generator", IMAGE_BODY, **{"X-Mock-Output-Size": "0"})
    response = fetch(finish(http, "image", project_id)["downloads"][0]["url"])
    assert len(response.content) == files.minimal_size("png")
    parse_png(response.content)


def test_a_truncated_download_announces_everything_and_sends_half(http: httpx.Client) -> None:
    headers = {"X-Mock-Download-Fault": "truncate", "X-Mock-Output-Size": "200000"}
    project_id = create(http, "/v1/ai-gif-generator", GIF_BODY, **headers)
    url = finish(http, "image", project_id)["downloads"][0]["url"]
    received = bytearray()
    with httpx.stream("GET", url, timeout=10) as response:
        assert response.headers["content-length"] == "200000"
        with pytest.raises(httpx.RemoteProtocolError):
            for data in response.iter_raw():
                received += data
    assert len(received) == 100_000


def test_expire_once_hands_out_dead_urls_then_fresh_ones(http: httpx.Client) -> None:
    headers = {"X-Mock-Download-Fault": "expire-once"}
    project_id = create(http, "/v1/ai-gif-generator", GIF_BODY, **headers)
    first = finish(http, "image", project_id)["downloads"][0]
    assert datetime.datetime.fromisoformat(first["expires_at"]) < datetime.datetime.now(
        datetime.timezone.utc
    )
    response = fetch(first["url"])
    assert (response.status_code, response.json()) == (403, {"message": "Request has expired"})

    again = http.get(f"/v1/image-projects/{project_id}").json()["downloads"][0]
    assert again["url"] != first["url"]
    response = fetch(again["url"])
    assert response.status_code == 200
    parse_gif(response.content)


def test_revoke_once_refuses_urls_that_claim_to_be_valid(http: httpx.Client) -> None:
    headers = {"X-Mock-Download-Fault": "revoke-once"}
    project_id = create(http, "/v1/ai-gif-generator", GIF_BODY, **headers)
    first = finish(http, "image", project_id)["downloads"][0]
    assert datetime.datetime.fromisoformat(first["expires_at"]) > datetime.datetime.now(
        datetime.timezone.utc
    )
    assert fetch(first["url"]).status_code == 403

    again = http.get(f"/v1/image-projects/{project_id}").json()["downloads"][0]
    response = fetch(again["url"])
    assert response.status_code == 200
    parse_gif(response.content)


@pytest.mark.parametrize("name", ["..%2F..%2Fevil.gif", "%2e%2e", "a/../../b.gif", "", "x y.gif"])
def test_hostile_download_names_are_handed_out_verbatim_and_still_served(
    http: httpx.Client, server: MockServer, name: str
) -> None:
    project_id = create(http, "/v1/ai-gif-generator", GIF_BODY, **{"X-Mock-Download-Name": name})
    url = finish(http, "image", project_id)["downloads"][0]["url"]
    assert url.startswith(f"{server.url}/_mock/downloads/{project_id}/{name}?mock-download=")
    assert "&auth-token=" in url

    response = fetch(url)
    assert response.status_code == 200
    parse_gif(response.content)


# The specs drive everything.


@pytest.fixture
def extended_specs(tmp_path: Path, specs_dir: Path) -> Path:
    folder = tmp_path / "specs"
    shutil.copytree(specs_dir, folder)
    # Shared sections (info, servers, tags, components) must match the other files: a real
    # file's, with the fixture's paths in place of its own.
    yaml = YAML(typ="safe")
    document = yaml.load((specs_dir / "video-projects-get.yaml").read_text(encoding="utf-8"))
    document["paths"] = yaml.load(fixture("storyboard-paths.yaml"))["paths"]
    with (folder / "storyboard.yaml").open("w", encoding="utf-8") as stream:
        yaml.dump(document, stream)
    return folder


def test_a_new_spec_file_is_served_without_code_changes(
    extended_specs: Path, start_mock_server: Callable[..., MockServer]
) -> None:
    server = start_mock_server(specs=extended_specs)
    with httpx.Client(base_url=server.url, headers=AUTH) as http:
        response = httpx.post(f"{server.url}/v1/storyboard", json={"prompt": "x"})
        assert (response.status_code, response.json()) == (401, {"message": "Token missing"})

        response = http.post("/v1/storyboard", json={"prompt": "", "seconds": 1})
        assert response.status_code == 422
        assert response.json()["message"] == (
            "prompt: must have at least 1 character(s); seconds: must be > 1"
        )

        body = {"prompt": "A lighthouse", "seconds": 5, "resolution": None}
        project_id = create(http, "/v1/storyboard", body)
        assert project_id.startswith("mock-video-")
        final = finish(http, "video", project_id)
        assert (final["status"], final["credits_charged"]) == ("complete", 120)
        assert fetch(final["downloads"][0]["url"]).headers["content-type"] == "video/mp4"

        # No 422 documented: a bad parameter is a 400.
        response = http.get("/v1/storyboard-styles", params={"limit": "0"})
        assert (response.status_code, response.json()) == (
            400,
            {"message": "limit: must be >= 1"},
        )
        response = http.get("/v1/storyboard-styles", params={"limit": "many"})
        assert response.json() == {"message": "limit: expected integer, got string"}
        response = http.get("/v1/storyboard-styles", params={"limit": "2"})
        assert (response.status_code, response.json()) == (200, {"styles": ["noir"]})


# The server itself.


def test_many_clients_polling_at_once(server: MockServer) -> None:
    # One client shared by 100 threads: a connection each (an httpx.Client is slow to make).
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=10, limits=limits) as http:

        def one_client(n: int) -> tuple[str, str]:
            project_id = create(http, "/v1/ai-gif-generator", GIF_BODY)
            return project_id, str(finish(http, "image", project_id)["status"])

        with ThreadPoolExecutor(max_workers=100) as pool:
            results = list(pool.map(one_client, range(100)))
    assert [status for _, status in results] == ["complete"] * 100
    assert len({project_id for project_id, _ in results}) == 100


def test_start_and_stop_are_idempotent_and_state_is_read_only() -> None:
    server = MockServer()
    with pytest.raises(RuntimeError):
        server.url
    server.start()
    try:
        url = server.url
        assert server.start().url == url
        with httpx.Client(base_url=url, headers=AUTH) as http:
            project_id = create(http, "/v1/ai-gif-generator", GIF_BODY)
            with pytest.raises(TypeError):
                server.projects[project_id] = server.projects[project_id]  # type: ignore[index]
            server.stop()
            server.stop()
            with pytest.raises(httpx.TransportError):
                http.get(f"/v1/image-projects/{project_id}")
    finally:
        server.stop()  # stopped on a failure too (stop is idempotent: tested above)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "magic_hour.mock", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_the_command_serves_until_ctrl_c_with_no_spec_folder(tmp_path: Path) -> None:
    # Run from an empty folder: the package carries its API's description.
    port = free_port()
    command = [sys.executable, "-m", "magic_hour.mock", "--port", str(port)]
    with running(
        subprocess.Popen(
            command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        url = f"http://127.0.0.1:{port}"
        count = len(spec_operations())  # every operation of specs/, read as plain YAML
        assert line == f"Mock Magic Hour API on {url} ({count} operations)\n"
        # Not Environment.MOCK_SERVER's port: it says how to reach it from there.
        assert process.stdout.readline() == (
            f"Environment.MOCK_SERVER reaches it where MAGIC_HOUR_MOCK_URL={url}\n"
        )
        assert httpx.get(f"{url}/v1/image-projects/abc").status_code == 401
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        log = process.stderr.read()
    assert "GET /v1/image-projects/abc HTTP/1.1 401" in log
    assert "Traceback" not in log


@pytest.mark.parametrize(
    "arguments, named",
    [
        (["--outcome", "exploded"], "outcome"),
        (["--outcome", "error:no source face"], "error_code"),
        (["--polls-per-status", "-1"], "polls_per_status"),
        (["--output-size", "-5"], "output_size"),
    ],
)
def test_the_command_reports_a_bad_option_in_one_line(arguments: list[str], named: str) -> None:
    result = run_cli(*arguments, "--port", str(free_port()))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("magic-hour-mock: error: ")
    assert named in result.stderr.splitlines()[-1]
    assert result.stdout == ""


def test_the_command_reports_a_missing_description_in_one_line(tmp_path: Path) -> None:
    result = run_cli("--description", str(tmp_path / "nowhere.json"), "--port", "0")
    assert result.returncode == 1
    assert re.fullmatch(r"Cannot read the API description: .*nowhere\.json.*\n", result.stderr)


def test_the_command_reports_a_port_in_use_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("--port", str(port))
    assert result.returncode == 1
    assert re.fullmatch(rf"Cannot listen on 127\.0\.0\.1:{port}: .+\n", result.stderr)
