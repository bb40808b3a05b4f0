"""Stage 4: black, in process, on every Python file; other files pass through.

Black is the slow stage (about 15 ms a file, most of a cold run), so:
- with a cache, its output is kept under a hash of everything it depends on (the input text,
  black's version and the mode), and a file black has seen before is not formatted again;
- the files the cache lacks are shared between worker processes, one per core, when there
  are enough of them to repay starting the workers.
Either way the bytes are black's own, in the same order: the cache and the workers change
only how long a run takes.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

import black

from generator.cache import Cache, digest

# Pinned settings: the same input gives the same bytes on every machine.
MODE = black.Mode(
    target_versions={black.TargetVersion.PY39},
    line_length=100,
)
CACHE_NAMESPACE = "black"
# Below this many files to format, starting the worker processes costs more than it saves.
MIN_FILES_FOR_WORKERS = 16


class FormattingError(Exception):
    """A template produced Python that black cannot parse: a generator bug, named by file."""


def format_files(
    files: dict[str, str], *, cache: Cache | None = None, jobs: int | None = None
) -> dict[str, str]:
    """Every Python file formatted; `jobs` worker processes at most (default: one per core)."""
    formatted = dict(files)
    keys: dict[str, str] = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        key = cache_key(text)
        cached = cache.get(CACHE_NAMESPACE, key) if cache is not None else None
        if cached is not None:
            formatted[path] = cached.decode("utf-8")
        else:
            keys[path] = key

    paths = list(keys)
    workers = min(jobs if jobs is not None else os.cpu_count() or 1, len(paths))
    if workers > 1 and len(paths) >= MIN_FILES_FOR_WORKERS:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # map keeps the order; chunks of several files spare a round trip per file.
            chunk = max(1, len(paths) // (workers * 4))
            results = list(pool.map(format_file, paths, [files[p] for p in paths], chunksize=chunk))
    else:
        results = [format_file(path, files[path]) for path in paths]

    for path, text in zip(paths, results):
        formatted[path] = text
        if cache is not None:
            cache.put(CACHE_NAMESPACE, keys[path], text.encode("utf-8"))
    return formatted


def cache_key(text: str) -> str:
    # The mode's repr names every setting (line length, targets, preview features...).
    return digest("black", black.__version__, repr(MODE), text)


def format_file(path: str, text: str) -> str:
    if not path.endswith(".py"):
        return text
    try:
        return black.format_str(text, mode=MODE)
    except black.InvalidInput as exc:
        raise FormattingError(f"{path}: the rendered code is not valid Python: {exc}") from exc
