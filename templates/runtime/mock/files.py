"""Real output files of any size, described as pieces so that they can be streamed.

Each format is a small valid file with one padding element whose payload can be any length
(a private PNG chunk, GIF comment sub-blocks, an MP4 `free` box, a WebM `Void` element, WAV
silence), followed by as many copies of one constant 1 MiB padding piece as the size needs.
Only the variable piece is built per download; a 300 MB file is the same 1 MiB object written
300 times.
"""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK = 1024 * 1024
# A RIFF (WAV) size field is 32 bits; the same cap keeps every format simple.
MAX_SIZE = 2**32 - 1
CONTENT_TYPES = {
    "png": "image/png",
    "gif": "image/gif",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "wav": "audio/wav",
}
FORMATS = tuple(CONTENT_TYPES)

_ZEROS = memoryview(bytes(CHUNK))
Piece = bytes | memoryview


@dataclass(frozen=True)
class Layout:
    """A file: `head` pieces, then `chunk` repeated `count` times, then `tail`."""

    content_type: str
    head: tuple[Piece, ...]
    chunk: bytes
    count: int
    tail: bytes

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.head) + self.count * len(self.chunk) + len(self.tail)

    def pieces(self) -> Iterator[Piece]:
        yield from self.head
        for _ in range(self.count):
            yield self.chunk
        if self.tail:
            yield self.tail

    def read(self) -> bytes:
        """The whole file in memory: for tests and small files only."""
        return b"".join(self.pieces())


def minimal_size(file_format: str) -> int:
    return layout(file_format, 0).size


def layout(file_format: str, size: int) -> Layout:
    """A valid `file_format` file of exactly `size` bytes, or the smallest one if `size` is less."""
    if file_format not in CONTENT_TYPES:
        raise ValueError(f"unknown output format {file_format!r}; known: {', '.join(FORMATS)}")
    if size > MAX_SIZE:
        raise ValueError(f"output size {size} is over the maximum of {MAX_SIZE} bytes")
    builders = {"png": _png, "gif": _gif, "mp4": _mp4, "webm": _webm, "wav": _wav}
    return builders[file_format](size)


# PNG: signature, IHDR (1x1 grey), IDAT, padding chunks, IEND.
# `mhPd`: lower-case first letter = ancillary (decoders skip it), lower-case second = private.
_PNG_PAD = b"mhPd"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.cache
def _png_parts() -> tuple[bytes, bytes, bytes]:
    ihdr = _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    # One scanline: filter byte 0, then one black pixel.
    idat = _png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    prefix = b"\x89PNG\r\n\x1a\n" + ihdr + idat
    return prefix, _png_chunk(_PNG_PAD, bytes(CHUNK - 12)), _png_chunk(b"IEND", b"")


def _png(size: int) -> Layout:
    prefix, chunk, iend = _png_parts()
    count, rest = divmod(max(0, size - len(prefix) - 12 - len(iend)), CHUNK)
    data = _ZEROS[:rest]
    crc = zlib.crc32(data, zlib.crc32(_PNG_PAD))
    head = (prefix + struct.pack(">I", rest) + _PNG_PAD, data, struct.pack(">I", crc))
    return Layout(CONTENT_TYPES["png"], head, chunk, count, iend)


# GIF: header, 2-colour table, a 1x1 image, then one comment extension whose sub-blocks
# (a length byte and 1 to 255 bytes each) are the padding, then the trailer.
_GIF_FULL_BLOCK = b"\xff" + bytes(255)


@functools.cache
def _gif_parts() -> tuple[bytes, bytes, bytes]:
    screen = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    descriptor = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0)
    # LZW minimum code size 2; the codes clear, 0, end pack into the two bytes 44 01.
    image = descriptor + b"\x02\x02\x44\x01\x00"
    # The same image data as two one-byte sub-blocks: one byte longer, for the one padding
    # length that sub-blocks cannot make (a single byte).
    image_split = descriptor + b"\x02\x01\x44\x01\x01\x00"
    comment = b"\x21\xfe"
    return screen + image + comment, screen + image_split + comment, _GIF_FULL_BLOCK * 4096


def _gif(size: int) -> Layout:
    prefix, prefix_split, chunk = _gif_parts()
    tail = b"\x00\x3b"  # end of the comment's sub-blocks, trailer
    count, rest = divmod(max(0, size - len(prefix) - len(tail)), CHUNK)
    if rest == 1:
        prefix, rest = prefix_split, 0
    full, last = divmod(rest, 256)
    if last == 1:
        # 257 bytes as blocks of 128 and 129, since a block of one byte is impossible.
        full, last_blocks = full - 1, b"\x7f" + bytes(127) + b"\x80" + bytes(128)
    else:
        last_blocks = bytes([last - 1]) + bytes(last - 1) if last else b""
    head = (prefix, memoryview(chunk)[: full * 256], last_blocks)
    return Layout(CONTENT_TYPES["gif"], head, chunk, count, tail)


# MP4: ftyp, moov holding an mvhd, then `free` boxes, which every reader skips.
def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


@functools.cache
def _mp4_parts() -> tuple[bytes, bytes]:
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomiso2mp41")
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    mvhd = _box(
        b"mvhd",
        struct.pack(">IIIII", 0, 0, 0, 1000, 0)  # version+flags, times, timescale, duration
        + struct.pack(">IH", 0x10000, 0x100)  # rate 1.0, volume 1.0
        + bytes(10)
        + matrix
        + bytes(24)
        + struct.pack(">I", 1),  # next track id
    )
    return ftyp + _box(b"moov", mvhd), struct.pack(">I", CHUNK) + b"free" + bytes(CHUNK - 8)


def _mp4(size: int) -> Layout:
    prefix, chunk = _mp4_parts()
    count, rest = divmod(max(0, size - len(prefix) - 8), CHUNK)
    head = (prefix + struct.pack(">I", 8 + rest) + b"free", _ZEROS[:rest])
    return Layout(CONTENT_TYPES["mp4"], head, chunk, count, b"")


# WebM: EBML header (DocType webm), then a Segment with Info, Tracks and Void elements.
def _ebml_size(length: int, width: int = 0) -> bytes:
    """An EBML variable-size integer; `width` 8 gives the fixed 8-byte form."""
    if width == 8 or length >= 0x3FFF:
        return struct.pack(">Q", (1 << 56) | length)
    if length < 0x7F:
        return bytes([0x80 | length])
    return struct.pack(">H", 0x4000 | length)


def _element(element_id: bytes, payload: bytes) -> bytes:
    return element_id + _ebml_size(len(payload)) + payload


def _uint(element_id: bytes, value: int) -> bytes:
    return _element(element_id, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


_VOID = b"\xec"


@functools.cache
def _webm_parts() -> tuple[bytes, bytes, bytes]:
    header = _element(
        b"\x1a\x45\xdf\xa3",
        _uint(b"\x42\x86", 1)  # EBMLVersion
        + _uint(b"\x42\xf7", 1)  # EBMLReadVersion
        + _uint(b"\x42\xf2", 4)  # EBMLMaxIDLength
        + _uint(b"\x42\xf3", 8)  # EBMLMaxSizeLength
        + _element(b"\x42\x82", b"webm")  # DocType
        + _uint(b"\x42\x87", 4)  # DocTypeVersion
        + _uint(b"\x42\x85", 2),  # DocTypeReadVersion
    )
    info = _element(
        b"\x15\x49\xa9\x66",
        _uint(b"\x2a\xd7\xb1", 1_000_000)  # TimestampScale
        + _element(b"\x4d\x80", b"mockserver")  # MuxingApp
        + _element(b"\x57\x41", b"mockserver"),  # WritingApp
    )
    video = _element(b"\xe0", _uint(b"\xb0", 1) + _uint(b"\xba", 1))  # PixelWidth, PixelHeight
    track = _element(
        b"\xae",
        _uint(b"\xd7", 1)  # TrackNumber
        + _uint(b"\x73\xc5", 1)  # TrackUID
        + _uint(b"\x83", 1)  # TrackType: video
        + _element(b"\x86", b"V_VP8")  # CodecID
        + video,
    )
    tracks = _element(b"\x16\x54\xae\x6b", track)
    chunk = _VOID + _ebml_size(CHUNK - 9, 8) + bytes(CHUNK - 9)
    return header, info + tracks, chunk


def _webm(size: int) -> Layout:
    header, segment_start, chunk = _webm_parts()
    segment_id = b"\x18\x53\x80\x67"
    fixed = len(header) + len(segment_id) + 8 + len(segment_start) + 9
    count, rest = divmod(max(0, size - fixed), CHUNK)
    segment_size = len(segment_start) + 9 + rest + count * CHUNK
    head = (
        header + segment_id + _ebml_size(segment_size, 8) + segment_start,
        _VOID + _ebml_size(rest, 8),
        _ZEROS[:rest],
    )
    return Layout(CONTENT_TYPES["webm"], head, chunk, count, b"")


# WAV: 8-bit mono PCM, where every length of samples is valid; 0x80 is silence.
@functools.cache
def _silence() -> bytes:
    return b"\x80" * CHUNK


def _wav(size: int) -> Layout:
    chunk = _silence()
    samples = max(0, size - 44)
    count, rest = divmod(samples, CHUNK)
    # An odd number of samples leaves out RIFF's pad byte, so that the size stays exact.
    header = (
        b"RIFF"
        + struct.pack("<I", 36 + samples)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8)
        + b"data"
        + struct.pack("<I", samples)
    )
    head = (header, memoryview(chunk)[:rest])
    return Layout(CONTENT_TYPES["wav"], head, chunk, count, b"")
