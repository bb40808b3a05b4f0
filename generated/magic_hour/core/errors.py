"""The exceptions every client of this package raises, whatever its API's spec says.

Every one derives from `MagicHourError`. `APIStatusError` is the base of the errors for an
error status: the generated `magic_hour.errors` adds a subclass per status the spec documents,
and the client says which class each status gets.
"""

from __future__ import annotations

import json
import re
import typing

import httpx


class MagicHourError(Exception):
    """Base class of every error raised by this package.

    `project_id` names the project `generate` was working on when the error happened, if any;
    `resume_advice`, the words at the end of the message that say how to pick it up again.
    """

    project_id: typing.Optional[str] = None
    resume_advice: typing.Optional[str] = None


class RequestValidationError(MagicHourError, ValueError):
    """The request breaks the API's spec; it was not sent, so no credits were spent.

    `violations` lists every problem, each naming the field path first.
    """

    def __init__(self, violations: typing.List[str]) -> None:
        self.violations = violations
        super().__init__("invalid request: " + "; ".join(violations))


class APIConnectionError(MagicHourError):
    """The API could not be reached, or the connection failed before a response arrived."""

    def __init__(self, *, method: str, path: str, reason: str) -> None:
        self.method = method
        self.path = path
        self.reason = reason
        super().__init__(f"{method} {path} failed: {reason}")


class APITimeoutError(APIConnectionError):
    """The API did not answer within the timeout."""


class APIStatusError(MagicHourError):
    """The API answered with an error status."""

    def __init__(
        self,
        *,
        status_code: int,
        body: typing.Any,
        headers: httpx.Headers,
        method: str,
        path: str,
        note: typing.Optional[str] = None,
    ) -> None:
        self.method, self.path = method, path
        self.status_code, self.headers, self.body = status_code, headers, body
        fields = body if isinstance(body, dict) else {}
        message = fields.get("message")
        self.message: typing.Optional[str] = message if isinstance(message, str) else None
        code = fields.get("code")
        self.code: typing.Optional[str] = code if isinstance(code, str) else None
        self.request_id: typing.Optional[str] = headers.get("x-request-id") or headers.get(
            "request-id"
        )
        text = f"{status_code} on {method} {path}: {self.message or describe_body(body)}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        if note:
            text += f"; {note}"
        super().__init__(text)

    @property
    def status(self) -> int:
        return self.status_code


class APIResponseError(MagicHourError):
    """The API answered success, but with a body this client cannot read as the spec says."""

    def __init__(
        self,
        *,
        status_code: int,
        body: str,
        headers: httpx.Headers,
        method: str,
        path: str,
        reason: str,
        note: typing.Optional[str] = None,
    ) -> None:
        self.method, self.path = method, path
        self.status_code, self.headers, self.body = status_code, headers, body
        self.reason = reason
        text = f"{status_code} on {method} {path}, but the body is unreadable: {reason}"
        super().__init__(f"{text}; {note}" if note else text)


def describe_body(body: typing.Any) -> str:
    """A short, one-line account of an error body that has no `message`."""
    if isinstance(body, str):
        text = " ".join(body.split())
        title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE)
        if title:
            return f"an HTML page: {title.group(1).strip()[:200]}"
        return f"{text[:200]}" if text else "an empty body"
    if body is None:
        return "an empty body"
    return json.dumps(body)[:200]


class UploadError(MagicHourError):
    """A local file could not be uploaded to the storage URL the API handed out."""

    def __init__(self, *, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"uploading {file} failed: {reason}")


class GenerationError(MagicHourError):
    """`generate` created a project but could not see it through; `project_id` names it.

    The project lives on the server whatever happened here: fetch it with the project's `get`.
    """

    def __init__(self, message: str, *, project_id: str) -> None:
        self.project_id = project_id
        super().__init__(f"project {project_id}: {message}")


class GenerationTimeoutError(GenerationError, TimeoutError):
    """The project did not finish within `generate`'s `wait_timeout`; it may still finish."""

    def __init__(self, *, project_id: str, status: typing.Optional[str], timeout: float) -> None:
        self.status = status
        self.timeout = timeout
        # No status: no poll was answered in time.
        where = f"still {status!r}" if status is not None else "no answer about it"
        super().__init__(
            f"{where} after {timeout:g} s; it may still finish: fetch it later with its id",
            project_id=project_id,
        )


class DownloadError(GenerationError):
    """An output could not be downloaded; no partial file was left behind.

    `url` is the download address without its query (which holds credentials);
    `downloaded_paths` lists the outputs saved before the failure.
    """

    def __init__(
        self,
        *,
        project_id: str,
        url: str,
        reason: str,
        status_code: typing.Optional[int] = None,
        downloaded_paths: typing.Optional[typing.List[str]] = None,
    ) -> None:
        self.url = url
        self.reason = reason
        self.status_code = status_code
        self.downloaded_paths = list(downloaded_paths or [])
        super().__init__(
            f"downloading {url or 'the outputs'} failed: {reason}", project_id=project_id
        )


class WebhookVerificationError(MagicHourError):
    """A webhook delivery failed its check: do not act on it (answer it with a 400).

    No message or attribute of this or its subclasses holds the secret or the signature it gives.
    """


class MissingHeaderError(WebhookVerificationError):
    """The delivery lacks one of the signature's headers; `header` names it."""

    def __init__(self, *, header: str) -> None:
        self.header = header
        super().__init__(f"the webhook delivery has no {header} header")


class InvalidSignatureError(WebhookVerificationError):
    """The signature does not match the body and timestamp: not signed with this secret, or
    changed on the way (a body parsed and serialized again is changed)."""


class TimestampOutsideToleranceError(WebhookVerificationError):
    """The delivery was signed further from now than the tolerance: an old delivery replayed,
    or a clock that is off. `skew` is the signing time minus now, in seconds."""

    def __init__(self, *, timestamp: int, skew: float, tolerance: float) -> None:
        self.timestamp, self.skew, self.tolerance = timestamp, skew, tolerance
        when = "in the past" if skew < 0 else "in the future"
        super().__init__(
            f"the webhook was signed {_seconds(abs(skew))} s {when}, outside the tolerance of"
            f" {_seconds(tolerance)} s (its timestamp is {timestamp})"
        )


def _seconds(value: float) -> str:
    # Whole seconds as integers (`1000000`, not `1e+06`), fractions to the millisecond.
    return f"{value:.3f}".rstrip("0").rstrip(".")


class MalformedWebhookError(WebhookVerificationError):
    """The delivery's body is not a JSON object naming its event's `type` (or not what that
    event's model describes), or its timestamp is not a whole number of seconds."""


class GenerationInterrupted(KeyboardInterrupt):
    """Ctrl-C while `generate` waited: the project goes on on the server; `project_id` names it.

    A `KeyboardInterrupt`, so handlers of Ctrl-C keep working; not a `MagicHourError`, so
    `except Exception` does not swallow it.
    """

    resume_advice: typing.Optional[str] = None  # as `MagicHourError`'s

    def __init__(self, *, project_id: str, status: typing.Optional[str]) -> None:
        self.project_id = project_id
        self.status = status
        super().__init__(
            f"interrupted while waiting for project {project_id} (last status {status!r})"
        )
