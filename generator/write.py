"""Stage 5: put the files in the output folder, or compare them with what is there.

The generator removes only files it wrote itself. It lists them in the output folder's
manifest (MANIFEST, committed with the output so that a fresh clone knows them too), and it
refuses, touching nothing, a folder that holds anything else: a file neither listed there nor
the very bytes this run writes (so a folder the generator filled before manifests existed, as
it left it, is still its own), or a symbolic link, which it never follows to write or to
delete. Build and cache folders that tools leave in the output are not its files and are left
alone.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

IGNORED_DIRS = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist"}
)
MANIFEST = ".generator-manifest"
MANIFEST_HEADER = (
    "# The files `python -m generator` wrote in this folder, the only ones it may remove."
    " Keep this file with them.\n"
)
# How many of the files it did not write a refusal names.
NAMED_STRANGERS = 3


class UnsafeOutput(Exception):
    """The output folder is not the generator's to write: one line saying why, nothing done."""


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


def with_manifest(files: dict[str, str]) -> dict[str, str]:
    """`files` and the manifest that lists them, as the output folder must hold them."""
    return {**files, MANIFEST: _manifest_text(set(files))}


def existing_files(output_dir: Path) -> dict[str, bytes]:
    """The regular files in the output folder (symbolic links are not followed nor read)."""
    return {
        relative: path.read_bytes()
        for relative, path in _entries(output_dir)
        if not path.is_symlink() and path.is_file()
    }


def check_ownership(output_dir: Path, files: dict[str, str]) -> set[str]:
    """The files the manifest says the generator wrote; UnsafeOutput if the folder holds
    anything else than those and the files of `files` with exactly those bytes."""
    if not output_dir.exists():
        return set()
    if not output_dir.is_dir():
        raise UnsafeOutput(f"{output_dir}: not a folder")
    ours = _read_manifest(output_dir)
    strangers = []
    for relative, path in _entries(output_dir):
        if path.is_symlink():
            strangers.append(f"{relative} (a symbolic link)")
        elif path.is_dir():
            continue
        elif not path.is_file():  # a pipe or a device: never the generator's, never read
            strangers.append(relative)
        elif relative in ours or relative == MANIFEST:
            continue
        elif relative not in files or path.read_bytes() != files[relative].encode("utf-8"):
            strangers.append(relative)
    if strangers:
        named = ", ".join(strangers[:NAMED_STRANGERS])
        more = len(strangers) - NAMED_STRANGERS
        if more > 0:
            named += f" and {more} more"
        raise UnsafeOutput(
            f"{output_dir}: holds files the generator did not write ({named}); nothing was"
            " written: choose an empty folder, or one the generator wrote"
        )
    return ours


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
    """Write `changes` (from `compare`); UnsafeOutput, before anything is touched, if the
    folder holds files the generator did not write."""
    ours = check_ownership(output_dir, files)
    if not changes.any:
        return
    # Every file this run may leave behind is listed before it is written, so that a run
    # interrupted half-way leaves nothing the next run takes for a stranger.
    _write_atomically(output_dir / MANIFEST, _manifest_text(ours | set(files)).encode("utf-8"))
    for path in [*changes.added, *changes.changed]:
        if path == MANIFEST:
            continue  # written last, once the folder holds what it lists
        _write_atomically(output_dir / path, files[path].encode("utf-8"))
    for path in changes.removed:
        if path in ours:
            (output_dir / path).unlink()
            _remove_empty_parents(output_dir, output_dir / path)
    _write_atomically(output_dir / MANIFEST, _manifest_text(set(files)).encode("utf-8"))


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


def _remove_empty_parents(output_dir: Path, removed: Path) -> None:
    # Only folders that removing one of its files emptied: a folder of the user's stays.
    for directory in removed.parents:
        if directory == output_dir or any(directory.iterdir()):
            return
        directory.rmdir()


def _entries(output_dir: Path) -> Iterator[tuple[str, Path]]:
    """(relative posix path, path) of every file, folder and symbolic link under `output_dir`,
    sorted, without entering ignored folders or following links."""
    if not output_dir.is_dir():
        return
    for top, dirs, names in os.walk(output_dir):
        dirs[:] = sorted(d for d in dirs if not _ignored(Path(d)))
        for name in sorted([*dirs, *names]):
            path = Path(top) / name
            yield path.relative_to(output_dir).as_posix(), path


def _manifest_text(paths: set[str]) -> str:
    return MANIFEST_HEADER + "".join(f"{path}\n" for path in sorted(paths - {MANIFEST}))


def _read_manifest(output_dir: Path) -> set[str]:
    manifest = output_dir / MANIFEST
    if manifest.is_symlink():
        raise UnsafeOutput(f"{manifest}: a symbolic link, not the generator's manifest")
    try:
        text = manifest.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnsafeOutput(f"{manifest}: not readable ({exc})") from None
    paths = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        parts = PurePosixPath(line).parts
        if line.startswith("/") or "\\" in line or any(p in (".", "..") for p in parts):
            raise UnsafeOutput(
                f"{manifest}:{number}: {line!r} is not a path inside the folder;"
                " nothing was written"
            )
        paths.add(PurePosixPath(line).as_posix())
    return paths


def _ignored(relative: Path) -> bool:
    return any(part in IGNORED_DIRS or part.endswith(".egg-info") for part in relative.parts)
