"""The mock's memory: projects, upload slots, uploads received and download tickets.

Records are immutable and replaced on change, so a snapshot handed to a test is never
changed under it by a request being served.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime
import itertools
import random
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from magic_hour.mock import files

OUTCOME_HEADER = "X-Mock-Outcome"
OUTPUT_SIZE_HEADER = "X-Mock-Output-Size"
DOWNLOAD_FAULT_HEADER = "X-Mock-Download-Fault"
DOWNLOAD_NAME_HEADER = "X-Mock-Download-Name"
UPLOAD_FAULT_HEADER = "X-Mock-Upload-Fault"

DOWNLOAD_FAULTS = ("truncate", "expire-once", "revoke-once")
# How many of the latest requests are kept, for tests to read back.
KEPT_REQUESTS = 100_000
# Uploaded files up to this size are kept whole, for tests to read back.
KEPT_UPLOAD_SIZE = 8 * 1024 * 1024
_ERROR_CODE = re.compile(r"[A-Za-z0-9_.-]+")
_SIZE = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Conventions:
    """The API's conventions the mock plays, from its description."""

    waiting: tuple[str, ...]  # the statuses a project passes through, in order
    terminal: tuple[str, ...]  # where it ends
    complete: str
    error_codes: Mapping[str, str]  # code -> message
    storage_prefix: str
    download_lifetime: datetime.timedelta
    upload_lifetime: datetime.timedelta

    @classmethod
    def from_description(cls, described: Mapping[str, Any]) -> Conventions:
        return cls(
            waiting=tuple(described["waiting_statuses"]),
            terminal=tuple(described["terminal_statuses"]),
            complete=described["complete"],
            error_codes=dict(described["error_codes"]),
            storage_prefix=described["storage_prefix"],
            download_lifetime=datetime.timedelta(hours=described["download_url_hours"]),
            upload_lifetime=datetime.timedelta(hours=described["upload_url_hours"]),
        )


@dataclass(frozen=True)
class ProjectState:
    id: str
    kind: str  # image | video | audio
    name: Optional[str]
    status: str  # as last reported, by a GET (or a webhook event); `queued` before the first
    outcome: str  # complete | error | canceled: where the project ends
    error_code: Optional[str]
    error_message: Optional[str]
    output_format: str  # png | gif | mp4 | webm | wav
    output_count: int
    output_size: int  # bytes per output file
    credits_charged: Optional[int]
    created_at: datetime.datetime
    polls: int
    download_fault: Optional[str]  # truncate | expire-once | revoke-once
    download_name: Optional[str]  # the last part of each download URL's path, if steered
    completions: int = 0  # GETs answered `complete`
    started: float = dataclasses.field(default=0.0, repr=False)  # monotonic clock at create
    # The create request: its operation (`POST /v1/...`) and JSON body, as the server got them.
    created_by: str = ""
    body: Any = dataclasses.field(default=None, repr=False)
    # Its own pace, if steered: GETs, or seconds, per waiting status.
    polls_per_status: Optional[int] = None
    seconds_per_status: Optional[float] = None


@dataclass(frozen=True)
class UploadRecord:
    file_path: str
    size: int
    sha256: str
    asset_type: Optional[str]  # as the upload-URLs request asked for it
    content: Optional[bytes] = dataclasses.field(default=None, repr=False)  # if kept


@dataclass(frozen=True)
class UploadSlot:
    token: str
    file_path: str
    expires_at: datetime.datetime
    refused: bool = False  # a PUT here answers 403, as storage may
    asset_type: Optional[str] = None


@dataclass(frozen=True)
class DownloadTicket:
    token: str
    project_id: str
    index: int
    expires_at: datetime.datetime
    revoked: bool = False  # refused although not expired, as a storage URL may be


@dataclass(frozen=True)
class ReceivedRequest:
    """A request as the mock received it, the key left out."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # lower-case names; credentials as `<redacted>`
    body: Any  # the parsed JSON body, None if none; an uploaded file's size in bytes
    operation: Optional[str]  # `POST /v1/ai-gif-generator`, None for files and unknown paths
    role: Optional[str]  # create | get | delete | upload_urls | example | upload | download
    status: int  # what the mock answered


@dataclass(frozen=True)
class Steering:
    """What is asked of a project: by a create request's X-Mock-* headers, or by a script."""

    outcome: str = "complete"
    error_code: Optional[str] = None
    error_message: Optional[str] = None
    output_size: Optional[int] = None
    download_fault: Optional[str] = None
    download_name: Optional[str] = None
    polls_per_status: Optional[int] = None
    seconds_per_status: Optional[float] = None


class SteeringError(ValueError):
    pass


def steering(
    conventions: Conventions,
    outcome: str = "complete",
    error_code: Optional[str] = None,
    output_size: Optional[int] = None,
    download_fault: Optional[str] = None,
    download_name: Optional[str] = None,
    polls_per_status: Optional[int] = None,
    seconds_per_status: Optional[float] = None,
) -> Steering:
    """A project's steering, checked; SteeringError names the argument that is wrong."""
    if outcome not in conventions.terminal:
        raise SteeringError(
            f"outcome: expected one of {', '.join(conventions.terminal)}, got {outcome!r}"
        )
    if error_code is not None and (outcome != "error" or not _ERROR_CODE.fullmatch(error_code)):
        raise SteeringError(
            f"error_code: letters, digits and `_.-`, with outcome='error', got {error_code!r}"
        )
    if outcome == "error":
        error_code = error_code or "unknown_error"
    message = None
    if error_code is not None:
        message = conventions.error_codes.get(
            error_code, conventions.error_codes.get("unknown_error", "Unexpected error")
        )
    if output_size is not None and (
        type(output_size) is not int or not 0 <= output_size <= files.MAX_SIZE
    ):
        raise SteeringError(
            f"output_size: expected a number of bytes from 0 to {files.MAX_SIZE}, got {output_size!r}"
        )
    if download_fault is not None and download_fault not in DOWNLOAD_FAULTS:
        raise SteeringError(
            f"download_fault: expected {' or '.join(DOWNLOAD_FAULTS)}, got {download_fault!r}"
        )
    if download_name is not None and not _printable(download_name):
        raise SteeringError(
            f"download_name: printable ASCII without '?' or '#' only, got {download_name!r}"
        )
    if polls_per_status is not None and (type(polls_per_status) is not int or polls_per_status < 0):
        raise SteeringError(
            f"polls_per_status: expected a whole number >= 0, got {polls_per_status!r}"
        )
    if seconds_per_status is not None and (
        isinstance(seconds_per_status, bool)
        or not isinstance(seconds_per_status, (int, float))
        or not 0 <= seconds_per_status < float("inf")
    ):
        raise SteeringError(
            f"seconds_per_status: expected a number of seconds >= 0, got {seconds_per_status!r}"
        )
    return Steering(
        outcome=outcome,
        error_code=error_code,
        error_message=message,
        output_size=output_size,
        download_fault=download_fault,
        download_name=download_name,
        polls_per_status=polls_per_status,
        seconds_per_status=None if seconds_per_status is None else float(seconds_per_status),
    )


def parse_steering(
    headers: Mapping[str, str], conventions: Conventions, base: Steering
) -> Steering:
    """`base` as the X-Mock-* headers (lower-case names in `headers`) change it; SteeringError
    names a bad one."""
    values = dataclasses.asdict(base)
    del values["error_message"]
    outcome = headers.get(OUTCOME_HEADER.lower())
    if outcome is not None:
        keyword, colon, code = outcome.strip().partition(":")
        if keyword not in conventions.terminal or (
            colon and (keyword != "error" or not _ERROR_CODE.fullmatch(code))
        ):
            raise SteeringError(
                f"{OUTCOME_HEADER}: expected complete, error, error:<code> or canceled,"
                f" got {outcome!r}"
            )
        values.update(outcome=keyword, error_code=code or None)
    size = headers.get(OUTPUT_SIZE_HEADER.lower())
    if size is not None:
        if not _SIZE.fullmatch(size.strip()) or int(size) > files.MAX_SIZE:
            raise SteeringError(
                f"{OUTPUT_SIZE_HEADER}: expected a number of bytes from 0 to {files.MAX_SIZE},"
                f" got {size!r}"
            )
        values["output_size"] = int(size)
    fault = headers.get(DOWNLOAD_FAULT_HEADER.lower())
    if fault is not None:
        if fault.strip() not in DOWNLOAD_FAULTS:
            raise SteeringError(
                f"{DOWNLOAD_FAULT_HEADER}: expected {' or '.join(DOWNLOAD_FAULTS)}, got {fault!r}"
            )
        values["download_fault"] = fault.strip()
    name = headers.get(DOWNLOAD_NAME_HEADER.lower())
    if name is not None:
        if not _printable(name):
            raise SteeringError(
                f"{DOWNLOAD_NAME_HEADER}: printable ASCII without '?' or '#' only, got {name!r}"
            )
        values["download_name"] = name
    return steering(conventions, **values)


def reportable(
    chosen: Steering, outcomes: Optional[tuple[str, ...]], conventions: Conventions
) -> Steering:
    """`chosen`, unless it ends a project where its getter cannot report (a canceled face
    detection): then the project fails instead (or completes, if it cannot fail either)."""
    if outcomes is None or chosen.outcome in outcomes:
        return chosen
    values = dataclasses.asdict(chosen)
    del values["error_message"]
    values.update(outcome="error" if "error" in outcomes else conventions.complete, error_code=None)
    return steering(conventions, **values)


def _printable(name: str) -> bool:
    # `?` and `#` would end the URL's path; the rest goes in as it is, hostile or not.
    return all(" " <= c <= "~" and c not in "?#" for c in name)


def iso(moment: datetime.datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a `Z`, as the API writes times."""
    utc = moment.astimezone(datetime.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


@dataclass(frozen=True)
class Script:
    """Steering for the next project created by `operation` (any create if None)."""

    steering: Steering
    operation: Optional[str]


class Store:
    """All state, behind one lock: handler threads call in concurrently.

    With a `seed`, the ids and tokens it hands out are the same on every run.
    """

    def __init__(
        self,
        conventions: Conventions,
        polls_per_status: int,
        seconds_per_status: Optional[float],
        clock: Callable[[], float] = time.monotonic,
        seed: Optional[int] = None,
        default: Steering = Steering(),
    ) -> None:
        self.conventions = conventions
        self.default = default  # for a project nothing else steers
        self.polls_per_status = polls_per_status
        self.seconds_per_status = seconds_per_status
        self.clock = clock
        self.seed = seed
        # Told of each status a project reaches (with its fresh tickets once complete), under
        # the lock, so in the order they happen: the webhook events. No I/O there.
        self.listener: Optional[Callable[[ProjectState, list[DownloadTicket]], None]] = None
        self._lock = threading.Lock()
        self._clear()

    def _clear(self) -> None:
        self._random: random.Random = (
            random.Random(self.seed) if self.seed is not None else secrets.SystemRandom()
        )
        self._counter = itertools.count(1)
        self._projects: dict[str, ProjectState] = {}
        self._slots: dict[str, UploadSlot] = {}
        self._uploads: dict[str, UploadRecord] = {}
        self._tickets: dict[str, DownloadTicket] = {}
        # The latest ones only: a mock left running (`make mock`, a benchmark) must not grow
        # without end; a test reads far fewer.
        self._requests: collections.deque[ReceivedRequest] = collections.deque(maxlen=KEPT_REQUESTS)
        self._scripts: list[Script] = []

    def reset(self) -> None:
        """Forget every project, upload, request and script, as if just started."""
        with self._lock:
            self._clear()

    def _token(self) -> str:
        return f"{self._random.getrandbits(128):032x}"

    def projects(self) -> dict[str, ProjectState]:
        with self._lock:
            return dict(self._projects)

    def uploads(self) -> dict[str, UploadRecord]:
        with self._lock:
            return dict(self._uploads)

    def requests(self) -> list[ReceivedRequest]:
        with self._lock:
            return list(self._requests)

    def record_request(self, request: ReceivedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def script(self, steering: Steering, operation: Optional[str] = None) -> None:
        """Steer the next project that `operation` (any create if None) creates."""
        with self._lock:
            self._scripts.append(Script(steering, operation))

    def steer(self, project_id: str, steering: Steering) -> Optional[ProjectState]:
        """Steer a project that exists; None if there is none of that id."""
        with self._lock:
            project = self._projects.get(project_id)
            if project is None:
                return None
            project = dataclasses.replace(
                project,
                outcome=steering.outcome,
                error_code=steering.error_code,
                error_message=steering.error_message,
                output_size=(
                    steering.output_size
                    if steering.output_size is not None
                    else project.output_size
                ),
                download_fault=steering.download_fault,
                download_name=steering.download_name,
                polls_per_status=steering.polls_per_status,
                seconds_per_status=steering.seconds_per_status,
            )
            self._projects[project_id] = project
            return project

    def scripted(self, operation: str) -> Steering:
        """The steering scripted for the next project of `operation` (taken), or the default."""
        with self._lock:
            for index, script in enumerate(self._scripts):
                if script.operation in (None, operation):
                    del self._scripts[index]
                    return script.steering
            return self.default

    def create(
        self,
        kind: str,
        name: Optional[str],
        output_format: str,
        output_count: int,
        output_size: int,
        credits_charged: Optional[int],
        steering: Steering,
        created_by: str = "",
        body: Any = None,
    ) -> ProjectState:
        with self._lock:
            project_id = f"mock-{kind}-{next(self._counter)}-{self._token()[:8]}"
            project = ProjectState(
                id=project_id,
                kind=kind,
                name=name,
                status=self.conventions.waiting[0],
                outcome=steering.outcome,
                error_code=steering.error_code,
                error_message=steering.error_message,
                output_format=output_format,
                output_count=output_count,
                output_size=(
                    steering.output_size if steering.output_size is not None else output_size
                ),
                credits_charged=credits_charged,
                created_at=_now(),
                polls=0,
                download_fault=steering.download_fault,
                download_name=steering.download_name,
                started=self.clock(),
                created_by=created_by,
                body=body,
                polls_per_status=steering.polls_per_status,
                seconds_per_status=steering.seconds_per_status,
            )
            self._projects[project_id] = project
            return project

    def poll(
        self, project_id: str, kind: str
    ) -> Optional[tuple[ProjectState, list[DownloadTicket]]]:
        """Count a GET of the project; its new state and, once complete, fresh tickets."""
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or project.kind != kind:
                return None
            polls = project.polls + 1
            project = self._move(project, self._status(project, polls), polls)
            tickets: list[DownloadTicket] = []
            if project.status == self.conventions.complete:
                project, tickets = self._hand_out(project)
            return project, tickets

    def advance(self) -> None:
        """Move each project that moves with time to where time has brought it, GET or not
        (for webhooks: a receiver of events never polls)."""
        with self._lock:
            for project in list(self._projects.values()):
                if (
                    project.status not in self.conventions.terminal
                    and self._pace(project)[0] is not None
                ):
                    self._move(project, self._status(project, project.polls), project.polls)

    def _move(self, project: ProjectState, status: str, polls: int) -> ProjectState:
        """The project at `status`, stored; the listener hears of each status it reached on
        the way, in order (a project seen late may have passed `rendering` unseen)."""
        lifecycle = (*self.conventions.waiting, project.outcome)
        passed: tuple[str, ...] = ()
        if status != project.status and project.status in lifecycle and status in lifecycle:
            passed = lifecycle[lifecycle.index(project.status) + 1 : lifecycle.index(status) + 1]
        project = dataclasses.replace(project, polls=polls, status=status)
        self._projects[project.id] = project
        for reached in passed if self.listener is not None else ():
            at = dataclasses.replace(project, status=reached)
            tickets: list[DownloadTicket] = []
            if reached == self.conventions.complete:
                at, tickets = self._hand_out(at)
                project = dataclasses.replace(project, completions=at.completions)
            assert self.listener is not None
            self.listener(at, tickets)
        return project

    def _hand_out(self, project: ProjectState) -> tuple[ProjectState, list[DownloadTicket]]:
        """Fresh download tickets for a complete project's outputs, the first ones faulty if it
        is steered so; the project, stored, counts them."""
        expires_at = _now() + self.conventions.download_lifetime
        first = project.completions == 0
        if project.download_fault == "expire-once" and first:
            expires_at = _now() - datetime.timedelta(minutes=1)
        revoked = project.download_fault == "revoke-once" and first
        tickets = []
        for index in range(project.output_count):
            ticket = DownloadTicket(self._token(), project.id, index, expires_at, revoked)
            self._tickets[ticket.token] = ticket
            tickets.append(ticket)
        project = dataclasses.replace(project, completions=project.completions + 1)
        self._projects[project.id] = dataclasses.replace(
            self._projects[project.id], completions=project.completions
        )
        return project, tickets

    def _pace(self, project: ProjectState) -> tuple[Optional[float], Optional[int]]:
        """Seconds, or GETs, per waiting status: the project's own, else the server's."""
        if project.seconds_per_status is None and project.polls_per_status is None:
            return self.seconds_per_status, self.polls_per_status
        return project.seconds_per_status, project.polls_per_status

    def _status(self, project: ProjectState, polls: int) -> str:
        if project.status in self.conventions.terminal:
            return project.status  # an ended project stays ended, whatever it is steered to
        waiting = self.conventions.waiting
        seconds, count = self._pace(project)
        if seconds is not None:
            elapsed = self.clock() - project.started
            step = int(elapsed / seconds) if seconds > 0 else None
        else:
            count = count or 0
            step = (polls - 1) // count if count > 0 else None
        # No time or polls per status: the project is at its end from the first GET.
        return waiting[step] if step is not None and step < len(waiting) else project.outcome

    def delete(self, project_id: str, kind: str) -> bool:
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or project.kind != kind:
                return False
            del self._projects[project_id]
            return True

    def ticket(self, token: str) -> Optional[tuple[DownloadTicket, Optional[ProjectState]]]:
        """The ticket for a download token and its project (None once deleted)."""
        with self._lock:
            ticket = self._tickets.get(token)
            if ticket is None:
                return None
            return ticket, self._projects.get(ticket.project_id)

    def new_upload_slots(
        self, items: list[tuple[Optional[str], str]], refused: bool = False
    ) -> list[UploadSlot]:
        """A slot for each (asset type, extension) asked for."""
        with self._lock:
            folder = f"mock-{next(self._counter)}-{self._token()[:8]}"
            expires_at = _now() + self.conventions.upload_lifetime
            slots = [
                UploadSlot(
                    self._token(),
                    f"{self.conventions.storage_prefix}{folder}/{n}.{ext}",
                    expires_at,
                    refused,
                    asset_type,
                )
                for n, (asset_type, ext) in enumerate(items)
            ]
            self._slots.update((slot.token, slot) for slot in slots)
            return slots

    def upload_slot_count(self) -> int:
        with self._lock:
            return len(self._slots)

    def upload_slot(self, token: str) -> Optional[UploadSlot]:
        with self._lock:
            return self._slots.get(token)

    def record_upload(
        self, slot: UploadSlot, size: int, sha256: str, content: Optional[bytes]
    ) -> None:
        with self._lock:
            self._uploads[slot.file_path] = UploadRecord(
                slot.file_path, size, sha256, slot.asset_type, content
            )


def expired(moment: datetime.datetime) -> bool:
    return moment <= _now()
