"""Stage 5: put the files in the output folder, or compare them with what is there.

The output folder belongs to the generator: a file it no longer produces is removed. Build
and cache folders that tools leave there are not its files and are left alone.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

IGNORED_DIRS = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist"}
)


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged"
        )


def existing_files(output_dir: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    if not output_dir.is_dir():
        return found
    for path in output_dir.rglob("*"):
        relative = path.relative_to(output_dir)
        if not path.is_file() or _ignored(relative):
            continue
        found[relative.as_posix()] = path.read_bytes()
    return found


def compare(output_dir: Path, files: dict[str, str]) -> Changes:
    current = existing_files(output_dir)
    changes = Changes()
    for path, text in files.items():
        if path not in current:
            changes.added.append(path)
        elif current[path] != text.encode("utf-8"):
            changes.changed.append(path)
        else:
            changes.unchanged += 1
    changes.removed = sorted(set(current) - set(files))
    return changes


def unified_diff(output_dir: Path, files: dict[str, str], changes: Changes) -> str:
    current = existing_files(output_dir)
    chunks: list[str] = []
    for path in sorted([*changes.added, *changes.changed, *changes.removed]):
        old = current[path].decode("utf-8", errors="replace") if path in current else ""
        new = files.get(path, "")
        chunks.extend(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=f"a/{path}" if path in current else "/dev/null",
                tofile=f"b/{path}" if path in files else "/dev/null",
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in chunks)


def write(output_dir: Path, files: dict[str, str], changes: Changes) -> None:
    for path in [*changes.added, *changes.changed]:
        _write_atomically(output_dir / path, files[path].encode("utf-8"))
    for path in changes.removed:
        (output_dir / path).unlink()
    _remove_empty_dirs(output_dir)


def _write_atomically(target: Path, data: bytes) -> None:
    # A run that is interrupted leaves either the old file or the new one, never half of one.
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_empty_dirs(output_dir: Path) -> None:
    for directory in sorted((p for p in output_dir.rglob("*") if p.is_dir()), reverse=True):
        if not _ignored(directory.relative_to(output_dir)) and not any(directory.iterdir()):
            directory.rmdir()


def _ignored(relative: Path) -> bool:
    return any(part in IGNORED_DIRS or part.endswith(".egg-info") for part in relative.parts)
