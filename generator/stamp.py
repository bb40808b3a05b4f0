"""Whether the output folder already holds what the inputs give, without running the pipeline.

Loading the specs and importing the pipeline take most of a second, which a run that changes
nothing should not cost. After each successful run the cache keeps, under a hash of every
input, the SHA-256 of each file the run produced (a manifest) and the warnings it printed. A
later run with the same inputs whose output folder matches that manifest file for file prints
those warnings again and is done before it imports anything heavy. Anything else (an edited
spec or template, a file changed by hand in the output, another version of a library) misses,
and the pipeline runs in full.

The inputs: every file under the specs folder, the templates folder and the folder of
template overrides, the generator's own source, the versions of Python and of every library
that shapes the output, and the name the specs folder is shown by.

This module runs on every invocation, so it uses only what the interpreter has loaded at
start-up or nearly (os, hashlib, json): no pathlib walk and no importlib.metadata, each of which
costs more than all the hashing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys

from generator.cache import Cache, digest

NAMESPACE = "runs"
GENERATOR_DIR = os.path.dirname(os.path.abspath(__file__))
TEMPLATES_DIR = os.path.join(os.path.dirname(GENERATOR_DIR), "templates")
# Every distribution whose code decides a byte of the output (ruamel.yaml.clib only reads the
# specs, to the same data as ruamel.yaml's pure reader, but kept here rather than trusted),
# spelled as their metadata folders' names are once normalised.
LIBRARIES = frozenset(
    {
        "black",
        "jinja2",
        "markupsafe",
        "openapi_pydantic",
        "pydantic",
        "ruamel_yaml",
        "ruamel_yaml_clib",
    }
)
# The folders of the output that generator/write.py leaves alone (its IGNORED_DIRS, and
# `*.egg-info`): they are not compared. tests/test_cache.py keeps the two the same.
IGNORED_OUTPUT_DIRS = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist"}
)


def inputs_key(specs_dir: str, display_dir: str, overrides: str | None = None) -> str | None:
    """`overrides`: the folder of templates that replace built-in ones, if any. None when the
    inputs cannot be hashed here (a folder of them holds a symbolic link to a folder): the
    pipeline decides."""
    parts: list[bytes | str] = [sys.version, display_dir, *_library_metadata()]
    folders = [("generator", GENERATOR_DIR), ("templates", TEMPLATES_DIR), ("specs", specs_dir)]
    if overrides is not None:
        folders.append(("overrides", overrides))
    for label, folder in folders:
        try:
            files = _input_files(folder, "", label == "generator")
        except OSError:  # gone, or unreadable: the pipeline says what is wrong
            return None
        if files is None:
            return None
        for relative, path in sorted(files):
            parts.extend((label, relative, _file_sha256(path)))
    return digest(*parts)


def _library_metadata() -> list[str]:
    """The name and the metadata's hash of each installed distribution of LIBRARIES, in the
    order of sys.path, as the import system finds them (a version is in both, and a library
    installed twice gives both)."""
    found = []
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:  # a zip file, or a folder that does not exist
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            project = name.partition("-")[0].removesuffix(".egg").removesuffix(".dist")
            if project.replace(".", "_").replace("-", "_").lower() not in LIBRARIES:
                continue
            path = os.path.join(entry or ".", name)
            for metadata in ("METADATA", "PKG-INFO"):
                if os.path.isfile(os.path.join(path, metadata)):
                    path = os.path.join(path, metadata)
                    break
            found.append(f"{name} {_file_sha256(path) if os.path.isfile(path) else ''}")
    return found


def _input_files(folder: str, prefix: str, python_only: bool) -> list[tuple[str, str]] | None:
    """(relative posix path, path) of each file under `folder`, a link to a file read as the
    file; None if a link to a folder is there (what it holds may be outside)."""
    files: list[tuple[str, str]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.is_symlink():
                    return None
                if python_only and entry.name == "__pycache__":
                    continue
                inner = _input_files(entry.path, f"{prefix}{entry.name}/", python_only)
                if inner is None:
                    return None
                files.extend(inner)
            elif entry.is_file() and not (python_only and not entry.name.endswith(".py")):
                files.append((prefix + entry.name, entry.path))
    return files


def output_digests(output_dir: str) -> dict[str, str] | None:
    """{relative posix path: SHA-256} of each file in the output folder, those write.py leaves
    alone left out; None if it holds anything but files and folders (a symbolic link, which
    only a full run may judge)."""
    digests: dict[str, str] = {}
    if os.path.isdir(output_dir) and not _hash_output(output_dir, "", digests):
        return None
    return digests


def _hash_output(folder: str, prefix: str, digests: dict[str, str]) -> bool:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                return False
            if entry.is_dir():
                if entry.name in IGNORED_OUTPUT_DIRS or entry.name.endswith(".egg-info"):
                    continue
                if not _hash_output(entry.path, f"{prefix}{entry.name}/", digests):
                    return False
            elif entry.is_file():
                digests[prefix + entry.name] = _file_sha256(entry.path)
            else:
                return False
    return True


def _file_sha256(path: str) -> str:
    # Read in chunks, a spec file may be huge (load.py refuses it, after reading its start);
    # with os.read, which takes half the time of a file object on hundreds of small files.
    hasher = hashlib.sha256()
    descriptor = os.open(path, os.O_RDONLY)
    try:
        while chunk := os.read(descriptor, 1024 * 1024):
            hasher.update(chunk)
    finally:
        os.close(descriptor)
    return hasher.hexdigest()


def remember(cache: Cache, key: str, files: dict[str, str], warnings: list[str]) -> None:
    """Keep, under `key`, the manifest of `files` and the warnings the run printed."""
    cache.put(NAMESPACE, key, json.dumps({"files": manifest(files), "warnings": warnings}).encode())


def manifest(files: dict[str, str]) -> dict[str, str]:
    """{path: SHA-256 of its bytes} of the files a run produced."""
    return {path: _sha256(text.encode("utf-8")) for path, text in sorted(files.items())}


def up_to_date(cache: Cache, key: str, output_dir: str) -> tuple[list[str], int] | None:
    """The warnings of the run whose inputs were `key`'s, and how many files it produced, when
    the output folder holds exactly those files; else None."""
    stored = cache.get(NAMESPACE, key)
    if stored is None:
        return None
    try:
        run = json.loads(stored)
        expected, warnings = run["files"], run["warnings"]
    except (ValueError, KeyError, TypeError):  # written by an older generator
        return None
    if output_digests(output_dir) != expected:
        return None
    return list(warnings), len(expected)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
