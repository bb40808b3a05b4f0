"""Per-call options that every generated method accepts as `request_options`."""

from __future__ import annotations

import math
import re
import typing

import httpx
import typing_extensions

from magic_hour.core.validation import encodable


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


# Patterns, compiled by `re` when headers are first checked: most calls send none of their own.
# What an HTTP header name may hold (RFC 9110's `token`).
_HEADER_NAME = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
# What a header value may not hold: a line break would end the header, other controls are refused.
_HEADER_CONTROL = r"[\x00-\x08\x0a-\x1f\x7f]"


def option_problems(options: typing.Any) -> typing.List[str]:
    """What is wrong with a call's `request_options`, each problem naming the option."""
    if not isinstance(options, dict):
        return [f"request_options: must be a dict, not {type(options).__name__}"]
    problems = []
    if "timeout" in options:
        problems += timeout_problems("request_options['timeout']", options["timeout"])
    headers = options.get("additional_headers", {})
    if isinstance(headers, dict):
        problems += header_problems("request_options['additional_headers']", headers)
    else:
        kind = type(headers).__name__
        problems.append(f"request_options['additional_headers']: must be a dict, not {kind}")
    return problems


def timeout_problems(name: str, timeout: typing.Any) -> typing.List[str]:
    """What is wrong with a timeout: seconds more than 0, an `httpx.Timeout`, or None (none)."""
    if isinstance(timeout, httpx.Timeout):
        parts = ("connect", "read", "write", "pool")
        return [
            problem
            for part in parts
            for problem in timeout_problems(f"{name}.{part}", getattr(timeout, part))
        ]
    if timeout is None:
        return []
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        kind = type(timeout).__name__
        return [
            f"{name}: must be a number of seconds or an httpx.Timeout, not {kind} {timeout!r:.40}"
        ]
    if not (timeout > 0 and math.isfinite(timeout)):
        return [f"{name}: must be a number of seconds more than 0, not {timeout!r}"]
    return []


def header_problems(
    where: str, headers: typing.Mapping[typing.Any, typing.Any]
) -> typing.List[str]:
    """What is wrong with headers to send: names and values must be strings a header can carry."""
    problems = []
    for name, value in headers.items():
        field = f"{where}[{name!r}]"
        if not isinstance(name, str) or not re.fullmatch(_HEADER_NAME, name):
            problems.append(f"{field}: is not a valid header name")
        elif not isinstance(value, str):
            problems.append(f"{field}: must be a string, not {type(value).__name__}")
        elif re.search(_HEADER_CONTROL, value):
            problems.append(f"{field}: must not hold a line break or other control character")
        elif not encodable(value):
            problems.append(f"{field}: is not valid Unicode (it holds a lone surrogate)")
    return problems
