"""The mock's memory: projects, upload slots, uploads received and download tickets.

Records are immutable and replaced on change, so a snapshot handed to a test is never
changed under it by a request being served.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator import conventions
from mockserver import files

OUTCOME_HEADER = "X-Mock-Outcome"
OUTPUT_SIZE_HEADER = "X-Mock-Output-Size"
DOWNLOAD_FAULT_HEADER = "X-Mock-Download-Fault"
DOWNLOAD_NAME_HEADER = "X-Mock-Download-Name"
UPLOAD_FAULT_HEADER = "X-Mock-Upload-Fault"

OUTCOMES = conventions.TERMINAL_STATUSES
DOWNLOAD_FAULTS = ("truncate", "expire-once", "revoke-once")
ERROR_MESSAGES = conventions.ERROR_CODES
DOWNLOAD_LIFETIME = datetime.timedelta(hours=conventions.DOWNLOAD_URL_HOURS)
UPLOAD_LIFETIME = datetime.timedelta(hours=conventions.UPLOAD_URL_HOURS)
WAITING = conventions.WAITING_STATUSES
_ERROR_CODE = re.compile(r"[A-Za-z0-9_.-]+")
_SIZE = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class ProjectState:
    id: str
    kind: str  # image | video | audio
    name: str | None
    status: str  # as the last GET reported it; `queued` before the first
    outcome: str  # complete | error | canceled: where the project ends
    error_code: str | None
    error_message: str | None
    output_format: str  # png | gif | mp4 | webm | wav
    output_count: int
    output_size: int  # bytes per output file
    credits_charged: int | None
    created_at: datetime.datetime
    polls: int
    download_fault: str | None  # truncate | expire-once | revoke-once
    download_name: str | None  # the last part of each download URL's path, if steered
    completions: int = 0  # GETs answered `complete`
    started: float = dataclasses.field(default=0.0, repr=False)  # monotonic clock at create
    # The create request: its path and JSON body, as the server received them.
    created_by: str = ""
    body: Any = dataclasses.field(default=None, repr=False)


@dataclass(frozen=True)
class UploadRecord:
    file_path: str
    size: int
    sha256: str
    asset_type: str | None  # as the upload-URLs request asked for it


@dataclass(frozen=True)
class UploadSlot:
    token: str
    file_path: str
    expires_at: datetime.datetime
    refused: bool = False  # a PUT here answers 403, as storage may
    asset_type: str | None = None


@dataclass(frozen=True)
class DownloadTicket:
    token: str
    project_id: str
    index: int
    expires_at: datetime.datetime
    revoked: bool = False  # refused although not expired, as a storage URL may be


@dataclass(frozen=True)
class Steering:
    """What a create request's X-Mock-* headers ask of its project."""

    outcome: str = "complete"
    error_code: str | None = None
    error_message: str | None = None
    output_size: int | None = None
    download_fault: str | None = None
    download_name: str | None = None


class SteeringError(ValueError):
    pass


def parse_steering(headers: Mapping[str, str]) -> Steering:
    """The X-Mock-* headers (lower-case names in `headers`); SteeringError names a bad one."""
    steering = Steering()
    outcome = headers.get(OUTCOME_HEADER.lower())
    if outcome is not None:
        value = outcome.strip()
        keyword, _, code = value.partition(":")
        if value in ("complete", "canceled"):
            steering = dataclasses.replace(steering, outcome=value)
        elif value == "error" or (keyword == "error" and _ERROR_CODE.fullmatch(code)):
            code = code or "unknown_error"
            message = ERROR_MESSAGES.get(code, ERROR_MESSAGES["unknown_error"])
            steering = dataclasses.replace(
                steering, outcome="error", error_code=code, error_message=message
            )
        else:
            raise SteeringError(
                f"{OUTCOME_HEADER}: expected complete, error, error:<code> or canceled,"
                f" got {outcome!r}"
            )
    size = headers.get(OUTPUT_SIZE_HEADER.lower())
    if size is not None:
        if not _SIZE.fullmatch(size.strip()) or int(size) > files.MAX_SIZE:
            raise SteeringError(
                f"{OUTPUT_SIZE_HEADER}: expected a number of bytes from 0 to {files.MAX_SIZE},"
                f" got {size!r}"
            )
        steering = dataclasses.replace(steering, output_size=int(size))
    fault = headers.get(DOWNLOAD_FAULT_HEADER.lower())
    if fault is not None:
        if fault.strip() not in DOWNLOAD_FAULTS:
            raise SteeringError(
                f"{DOWNLOAD_FAULT_HEADER}: expected {' or '.join(DOWNLOAD_FAULTS)}, got {fault!r}"
            )
        steering = dataclasses.replace(steering, download_fault=fault.strip())
    name = headers.get(DOWNLOAD_NAME_HEADER.lower())
    if name is not None:
        # `?` and `#` would end the URL's path; the rest goes in as it is, hostile or not.
        if not all(" " <= c <= "~" and c not in "?#" for c in name):
            raise SteeringError(
                f"{DOWNLOAD_NAME_HEADER}: printable ASCII without '?' or '#' only, got {name!r}"
            )
        steering = dataclasses.replace(steering, download_name=name)
    return steering


def iso(moment: datetime.datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a `Z`, as the API writes times."""
    utc = moment.astimezone(datetime.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class Store:
    """All state, behind one lock: handler threads call in concurrently."""

    def __init__(
        self,
        polls_per_status: int,
        seconds_per_status: float | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.polls_per_status = polls_per_status
        self.seconds_per_status = seconds_per_status
        self.clock = clock
        self._lock = threading.Lock()
        self._counter = itertools.count(1)
        self._projects: dict[str, ProjectState] = {}
        self._slots: dict[str, UploadSlot] = {}
        self._uploads: dict[str, UploadRecord] = {}
        self._tickets: dict[str, DownloadTicket] = {}

    def projects(self) -> dict[str, ProjectState]:
        with self._lock:
            return dict(self._projects)

    def uploads(self) -> dict[str, UploadRecord]:
        with self._lock:
            return dict(self._uploads)

    def create(
        self,
        kind: str,
        name: str | None,
        output_format: str,
        output_count: int,
        output_size: int,
        credits_charged: int | None,
        steering: Steering,
        created_by: str = "",
        body: Any = None,
    ) -> ProjectState:
        with self._lock:
            project_id = f"mock-{kind}-{next(self._counter)}-{secrets.token_hex(4)}"
            project = ProjectState(
                id=project_id,
                kind=kind,
                name=name,
                status=WAITING[0],
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
            )
            self._projects[project_id] = project
            return project

    def poll(self, project_id: str, kind: str) -> tuple[ProjectState, list[DownloadTicket]] | None:
        """Count a GET of the project; its new state and, once complete, fresh tickets."""
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or project.kind != kind:
                return None
            polls = project.polls + 1
            status = self._status(project, polls)
            tickets: list[DownloadTicket] = []
            if status == conventions.COMPLETE:
                expires_at = _now() + DOWNLOAD_LIFETIME
                first = project.completions == 0
                if project.download_fault == "expire-once" and first:
                    expires_at = _now() - datetime.timedelta(minutes=1)
                revoked = project.download_fault == "revoke-once" and first
                for index in range(project.output_count):
                    ticket = DownloadTicket(
                        secrets.token_urlsafe(16), project_id, index, expires_at, revoked
                    )
                    self._tickets[ticket.token] = ticket
                    tickets.append(ticket)
            project = dataclasses.replace(
                project,
                polls=polls,
                status=status,
                completions=project.completions + (status == conventions.COMPLETE),
            )
            self._projects[project_id] = project
            return project, tickets

    def _status(self, project: ProjectState, polls: int) -> str:
        if self.seconds_per_status is not None:
            elapsed = self.clock() - project.started
            step = int(elapsed / self.seconds_per_status) if self.seconds_per_status > 0 else None
        else:
            step = (polls - 1) // self.polls_per_status if self.polls_per_status > 0 else None
        # No time or polls per status: the project is at its end from the first GET.
        return WAITING[step] if step is not None and step < len(WAITING) else project.outcome

    def delete(self, project_id: str, kind: str) -> bool:
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or project.kind != kind:
                return False
            del self._projects[project_id]
            return True

    def ticket(self, token: str) -> tuple[DownloadTicket, ProjectState | None] | None:
        """The ticket for a download token and its project (None once deleted)."""
        with self._lock:
            ticket = self._tickets.get(token)
            if ticket is None:
                return None
            return ticket, self._projects.get(ticket.project_id)

    def new_upload_slots(
        self, items: list[tuple[str | None, str]], refused: bool = False
    ) -> list[UploadSlot]:
        """A slot for each (asset type, extension) asked for."""
        with self._lock:
            folder = f"mock-{next(self._counter)}-{secrets.token_hex(4)}"
            expires_at = _now() + UPLOAD_LIFETIME
            slots = [
                UploadSlot(
                    secrets.token_urlsafe(16),
                    f"{conventions.STORAGE_PREFIX}{folder}/{n}.{ext}",
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

    def upload_slot(self, token: str) -> UploadSlot | None:
        with self._lock:
            return self._slots.get(token)

    def record_upload(self, slot: UploadSlot, size: int, sha256: str) -> None:
        with self._lock:
            self._uploads[slot.file_path] = UploadRecord(
                slot.file_path, size, sha256, slot.asset_type
            )


def expired(moment: datetime.datetime) -> bool:
    return moment <= _now()
