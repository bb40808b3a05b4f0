"""Whether the output folder already holds what the inputs give, without running the pipeline.

Loading the specs (ruamel.yaml, pure Python) and importing the pipeline take most of a second,
which a run that changes nothing should not cost. After each successful run the cache keeps,
under a hash of every input, the SHA-256 of each file the run produced (a manifest) and the
warnings it printed. A later run with the same inputs whose output folder matches that
manifest file for file prints those warnings again and is done before it imports anything
heavy. Anything else (an edited spec or template, a file changed
by hand in the output, another version of a library) misses, and the pipeline runs in full.

The inputs: every file under the specs folder, the templates folder and the folder of
template overrides, the generator's own source, the versions of Python and of every library that shapes the output, and the name the
specs folder is shown by.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

from generator.cache import Cache, digest

NAMESPACE = "runs"
GENERATOR_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = GENERATOR_DIR.parent / "templates"
# Every distribution whose code decides a byte of the output.
LIBRARIES = ("black", "jinja2", "markupsafe", "openapi-pydantic", "pydantic", "ruamel.yaml")


def inputs_key(specs_dir: Path, display_dir: str, overrides: Path | None = None) -> str:
    """`overrides`: the folder of templates that replace built-in ones, if any."""
    parts: list[bytes | str] = [sys.version, display_dir]
    parts.extend(f"{name} {metadata.version(name)}" for name in LIBRARIES)
    folders = [
        ("generator", GENERATOR_DIR, "*.py"),
        ("templates", TEMPLATES_DIR, "*"),
        ("specs", specs_dir, "*"),
    ]
    if overrides is not None:
        folders.append(("overrides", overrides, "*"))
    for label, folder, pattern in folders:
        for path in sorted(folder.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                parts.extend((label, path.relative_to(folder).as_posix(), _file_sha256(path)))
    return digest(*parts)


def _file_sha256(path: Path) -> str:
    # Read in chunks: a spec file may be huge (load.py refuses it, after reading its start).
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def remember(cache: Cache, key: str, files: dict[str, str], warnings: list[str]) -> None:
    """Keep, under `key`, the manifest of `files` and the warnings the run printed."""
    cache.put(NAMESPACE, key, json.dumps({"files": manifest(files), "warnings": warnings}).encode())


def manifest(files: dict[str, str]) -> dict[str, str]:
    """{path: SHA-256 of its bytes} of the files a run produced."""
    return {path: _sha256(text.encode("utf-8")) for path, text in sorted(files.items())}


def up_to_date(cache: Cache, key: str, current: dict[str, bytes]) -> list[str] | None:
    """The warnings of the run whose inputs were `key`'s when the output folder holds exactly
    what it produced, else None.

    `current` is the output folder's files as `write.existing_files` reads them.
    """
    stored = cache.get(NAMESPACE, key)
    if stored is None:
        return None
    try:
        run = json.loads(stored)
        expected, warnings = run["files"], run["warnings"]
    except (ValueError, KeyError, TypeError):  # written by an older generator
        return None
    actual = {path: _sha256(data) for path, data in current.items()}
    return list(warnings) if actual == expected else None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
