"""Stage 4: black, in process, on every Python file; other files pass through.

Black is the slow stage (about 15 ms a file, most of a cold run), so it runs only on what
no earlier run has formatted:
- the runtime modules copied as they are from templates/runtime are black-clean already
  (tests/test_pipeline.py proves it of each one), so they skip black;
- each run leaves a record in the output folder (RECORD, committed with it): for every
  Python file, a hash of the text the templates gave (with black's version and settings) and
  the SHA-256 of black's output. A file whose rendered text has the recorded hash and whose
  bytes in the output folder have the recorded SHA-256 is black's output already, so a fresh
  clone's `make check` reuses it; a file edited by hand, an edited spec or template, another
  black, or a damaged record misses, and black runs;
- with a cache, black's output is kept under the same hash of its input, and a file black
  has seen before is not formatted again;
- the files left are shared between worker processes, one per core, when there are enough
  of them to repay starting the workers.
Either way the bytes are black's own, in the same order: all this changes only how long a
run takes.
"""

from __future__ import annotations

import functools
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import Cache, digest
from generator.render import PYTEST_PLUGIN, TEMPLATES_DIR

if TYPE_CHECKING:
    import black

# Pinned settings: the same input gives the same bytes on every machine.
LINE_LENGTH = 100
TARGET_VERSION = "PY39"
CACHE_NAMESPACE = "black"
# Below this many files to format, starting the worker processes costs more than it saves.
MIN_FILES_FOR_WORKERS = 16
RECORD = ".generator-formatted"
RECORD_HEADER = (
    "# For each Python file: the hash of the text the templates gave it (with black's version"
    " and settings), the SHA-256 of black's output, the path. While both still hold, the"
    " generator reuses the file instead of running black again. Keep this file with them.\n"
)


class FormattingError(Exception):
    """A template produced Python that black cannot parse: a generator bug, named by file."""


def format_files(
    files: dict[str, str],
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    previous: Path | None = None,
) -> dict[str, str]:
    """Every Python file formatted, and RECORD added; `previous`: the output folder of an
    earlier run, whose files the record says are black's output of the same text are reused.
    `jobs` worker processes at most (default: one per core)."""
    formatted = dict(files)
    keys = {path: cache_key(text) for path, text in files.items() if path.endswith(".py")}
    reusable = _recorded_output(previous, keys) if previous is not None else {}
    clean = black_clean_texts()
    pending: list[str] = []
    for path, key in keys.items():
        if files[path] in clean:
            continue
        if path in reusable:
            formatted[path] = reusable[path]
            continue
        cached = cache.get(CACHE_NAMESPACE, key) if cache is not None else None
        if cached is not None:
            formatted[path] = cached.decode("utf-8")
        else:
            pending.append(path)

    if pending:
        # Imported only now: a run that formats nothing (a fresh clone's check) spares it, and
        # worker processes forked after this inherit it.
        import black  # noqa: F401
    workers = min(jobs if jobs is not None else os.cpu_count() or 1, len(pending))
    if workers > 1 and len(pending) >= MIN_FILES_FOR_WORKERS:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # map keeps the order; chunks of several files spare a round trip per file.
            chunk = max(1, len(pending) // (workers * 4))
            results = list(
                pool.map(format_file, pending, [files[p] for p in pending], chunksize=chunk)
            )
    else:
        results = [format_file(path, files[path]) for path in pending]

    for path, text in zip(pending, results):
        formatted[path] = text
        if cache is not None:
            cache.put(CACHE_NAMESPACE, keys[path], text.encode("utf-8"))
    formatted[RECORD] = record_text(keys, formatted)
    return formatted


def mode() -> black.Mode:
    """Black's settings: LINE_LENGTH and TARGET_VERSION, the rest black's defaults."""
    import black

    return black.Mode(
        target_versions={black.TargetVersion[TARGET_VERSION]}, line_length=LINE_LENGTH
    )


def cache_key(text: str) -> str:
    # Black's version decides its defaults; the settings are all the others.
    settings = f"line length {LINE_LENGTH}, target {TARGET_VERSION}"
    return digest("black", black_version(), settings, text)


@functools.cache
def black_version() -> str:
    return metadata.version("black")


def format_file(path: str, text: str) -> str:
    if not path.endswith(".py"):
        return text
    import black

    try:
        return black.format_str(text, mode=mode())
    except black.InvalidInput as exc:
        raise FormattingError(f"{path}: the rendered code is not valid Python: {exc}") from exc


def black_clean_texts() -> frozenset[str]:
    """The texts of the built-in runtime modules and pytest plugin, which the generator copies
    as they are and which are black-clean in `mode()` (tests/test_pipeline.py and
    tests/test_formatting_record.py prove it). A template override is not among them."""
    sources = [*(TEMPLATES_DIR / "runtime").rglob("*.py"), TEMPLATES_DIR / PYTEST_PLUGIN]
    return frozenset(path.read_text(encoding="utf-8") for path in sources)


def record_text(keys: dict[str, str], formatted: dict[str, str]) -> str:
    """RECORD's text: `keys` maps each Python file to the cache key of its rendered text."""
    lines = (f"{keys[path]} {_sha256(formatted[path])} {path}\n" for path in sorted(keys))
    return RECORD_HEADER + "".join(lines)


def _recorded_output(output_dir: Path, keys: dict[str, str]) -> dict[str, str]:
    """The files of `output_dir` that its record says are black's output of the text whose
    cache key `keys` gives, checked against the SHA-256 the record gives for each."""
    recorded = _read_record(output_dir / RECORD)
    reusable = {}
    for path, key in keys.items():
        entry = recorded.get(path)
        if entry is None or entry[0] != key:
            continue
        target = output_dir / path
        try:
            if target.is_symlink() or not target.is_file():
                continue
            data = target.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != entry[1]:
            continue  # edited since: black formats the rendered text again
        try:
            reusable[path] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return reusable


def _read_record(record: Path) -> dict[str, tuple[str, str]]:
    """{path: (cache key, SHA-256)}; a missing or unreadable record is an empty one, and a
    line that is not three fields is skipped: either way those files are formatted again."""
    try:
        if record.is_symlink():
            return {}
        text = record.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    entries = {}
    for line in text.splitlines():
        fields = line.split(" ", 2)
        if line.startswith("#") or len(fields) != 3:
            continue
        key, sha, path = fields
        entries[path] = (key, sha)
    return entries


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
