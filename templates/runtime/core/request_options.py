"""Per-call options that every generated method accepts as `request_options`."""

from __future__ import annotations

import typing

import httpx
import typing_extensions


class RequestOptions(typing_extensions.TypedDict, total=False):
    """Options for one call; each overrides the client's setting for that call only.

    Attributes:
        timeout: seconds (or an `httpx.Timeout`) for each attempt of this call.
        max_retries: how many times a failed attempt may be retried; 0 turns retries off.
        additional_headers: headers to send with this call, on top of the client's.
        download_stall_timeout: for `generate`'s downloads, seconds after which a transfer
            that received fewer than 1024 bytes has stalled and starts over (default 30).
        download_timeout: for `generate`'s downloads, seconds within which all its outputs
            are saved, every attempt included, or it fails (default 3600).
    """

    timeout: typing.Union[float, httpx.Timeout]
    max_retries: int
    additional_headers: typing.Dict[str, str]
    download_stall_timeout: float
    download_timeout: float
