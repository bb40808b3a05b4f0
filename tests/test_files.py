"""The generated runtime's file handling: safe download names, no-overwrite placing, assets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from magic_hour import conventions
from magic_hour.core import assets, downloads, polling
from magic_hour.errors import RequestValidationError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://videos.magichour.ai/id/output.png?auth-token=abc", "output.png"),
        ("https://h/a/..%2F..%2Fevil.gif", "evil.gif"),
        ("https://h/a/%2e%2e", "project-0.gif"),
        ("https://h/a/..", "project-0.gif"),
        ("https://h/", "project-0.gif"),
        ("https://h/a/%2Fetc%2Fpasswd", "passwd"),
        ("https://h/a/..%5C..%5Cwin.ini", "win.ini"),
        ("https://h/a/.hidden", "hidden"),
        ("https://h/a/caf%C3%A9%20cr%C3%A8me.mp4", "cafe_creme.mp4"),
        ("https://h/a/%00nul%0A.png", "_nul.png"),
        ("https://h/a/CON.gif", "_CON.gif"),
        ("https://h/a/" + "x" * 300 + ".webm", "x" * 114 + ".webm"),
        ("https://h/a/%E5%87%BA%E5%8A%9B.png", "project-0.png"),
        ("https://h/a/" + "a" * 117 + ".b.c", "a" * 117 + ".c"),
        ("https://h/a/___.---", "project-0.gif"),
        ("https://h/a/..%2F..%2F.", "project-0.gif"),
    ],
)
def test_file_names_from_urls_are_single_safe_names(url: str, expected: str) -> None:
    name = downloads.file_name(url, "project-0", "image/gif")
    assert name == expected
    assert os.path.basename(name) == name and not name.startswith(".")


def test_an_empty_name_without_a_known_type_is_the_bare_fallback() -> None:
    assert downloads.file_name("https://h/", "project-0", None) == "project-0"


def test_the_fallback_is_made_safe_too() -> None:
    # The fallback holds the project id, which comes from the server.
    name = downloads.file_name("https://h/", "/../../../tmp/x/pwn-0", "image/gif")
    assert name == "tmp_x_pwn-0.gif"


def test_placing_refuses_anything_but_a_plain_name(tmp_path: Path) -> None:
    for name in ("../x", "a/b", "", ".."):
        with pytest.raises(ValueError):
            downloads.place(str(tmp_path / "t"), str(tmp_path), name)


@pytest.fixture(params=["unnamed", "named"])
def partial_files(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Downloads in progress as unnamed files (Linux), or as hidden `.part` files (elsewhere)."""
    if request.param == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    return str(request.param)


def test_placing_never_replaces_a_file(tmp_path: Path, partial_files: str) -> None:
    (tmp_path / "output.gif").write_bytes(b"precious")
    (tmp_path / "output-1.gif").write_bytes(b"also precious")
    placed = []
    for content in (b"first", b"second"):
        with downloads.PartialFile(str(tmp_path), "output.gif") as part:
            part.file.write(content)
            placed.append(part.place())
    assert [Path(p).name for p in placed] == ["output-2.gif", "output-3.gif"]
    assert (tmp_path / "output.gif").read_bytes() == b"precious"
    assert (tmp_path / "output-1.gif").read_bytes() == b"also precious"
    assert (tmp_path / "output-3.gif").read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "output-1.gif",
        "output-2.gif",
        "output-3.gif",
        "output.gif",
    ]


def test_a_download_is_invisible_until_placed_and_gone_if_never_placed(
    tmp_path: Path, partial_files: str
) -> None:
    with downloads.PartialFile(str(tmp_path), "output.gif") as part:
        part.file.write(b"half")
        visible = sorted(p.name for p in tmp_path.iterdir())
    if partial_files == "unnamed":
        assert visible == []
    else:
        (hidden,) = visible
        assert hidden.startswith(".output.gif.") and hidden.endswith(".part")
    assert list(tmp_path.iterdir()) == []


def test_a_download_never_writes_through_a_link_at_its_name(
    tmp_path: Path, partial_files: str
) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"keep")
    (tmp_path / "output.gif").symlink_to(target)
    with downloads.PartialFile(str(tmp_path), "output.gif") as part:
        part.file.write(b"new")
        assert Path(part.place()).name == "output-1.gif"
    assert target.read_bytes() == b"keep"
    assert (tmp_path / "output-1.gif").read_bytes() == b"new"


def test_storage_urls_lose_their_signature_in_messages() -> None:
    assert (
        downloads.strip_query("https://h/id/output.png?auth-token=secret#x")
        == "https://h/id/output.png"
    )


FIELDS = [
    assets.AssetField(("assets", "image_file_path"), "image"),
    assets.AssetField(("assets", "audio_file_path"), "audio"),
    assets.AssetField(("frames", "[]", "file_path"), None),
]
STORAGE = {
    "storage_prefix": conventions.STORAGE_PREFIX,
    "extensions": conventions.UPLOAD_EXTENSIONS,
}


def test_local_files_are_found_urls_and_storage_paths_pass(tmp_path: Path) -> None:
    image = tmp_path / "face.PNG"
    image.write_bytes(b"png")
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"mp4")
    body = {
        "assets": {"image_file_path": str(image), "audio_file_path": "https://x/a.mp3"},
        "frames": [{"file_path": "api-assets/id/1.png"}, {"file_path": str(clip)}],
        "name": str(image),
    }
    found = assets.local_assets(body, FIELDS, **STORAGE)
    assert [(a.locations, a.asset_type, a.extension) for a in found] == [
        ([("assets", "image_file_path")], "image", "png"),
        ([("frames", 1, "file_path")], "video", "mp4"),
    ]
    replaced = assets.with_uploads(body, found, ["api-assets/u/0.png", "api-assets/u/1.mp4"])
    assert replaced == {
        "assets": {"image_file_path": "api-assets/u/0.png", "audio_file_path": "https://x/a.mp3"},
        "frames": [{"file_path": "api-assets/id/1.png"}, {"file_path": "api-assets/u/1.mp4"}],
        "name": str(image),
    }
    assert body["assets"]["image_file_path"] == str(image)  # the caller's body is untouched


def test_one_file_named_twice_is_uploaded_once(tmp_path: Path) -> None:
    image = tmp_path / "face.jpg"
    image.write_bytes(b"jpg")
    body = {"frames": [{"file_path": str(image)}, {"file_path": str(image)}]}
    (found,) = assets.local_assets(body, FIELDS, **STORAGE)
    assert found.locations == [("frames", 0, "file_path"), ("frames", 1, "file_path")]


def test_every_unusable_local_file_is_named_before_anything_is_sent(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    song = tmp_path / "song.mp3"
    song.write_bytes(b"mp3")
    body = {
        "assets": {"image_file_path": str(song), "audio_file_path": str(tmp_path / "gone.mp3")},
        "frames": [{"file_path": str(notes)}],
    }
    with pytest.raises(RequestValidationError) as raised:
        assets.local_assets(body, FIELDS, **STORAGE)
    assert raised.value.violations == [
        f"assets.image_file_path: {str(song)!r} is not a file type the API takes as image"
        " (extensions: avif, bmp, heic, heif, jp2, jpeg, jpg, png, tiff, webp)",
        f"assets.audio_file_path: no such file: {str(tmp_path / 'gone.mp3')!r}",
        f"frames[0].file_path: {str(notes)!r} is not a file type the API takes",
    ]


def test_polling_backs_off_from_the_first_interval_to_the_kinds_longest() -> None:
    image = polling.intervals(conventions.SCHEDULES["image"])
    assert [next(image) for _ in range(4)] == [2.0, 3.0, 3.0, 3.0]
    video = polling.intervals(conventions.SCHEDULES["video"])
    assert [next(video) for _ in range(4)] == [5.0, 7.5, 10.0, 10.0]
    fast = polling.intervals(conventions.SCHEDULES["video"], 0.01)
    assert [round(next(fast), 6) for _ in range(4)] == [0.01, 0.015, 0.02, 0.02]
