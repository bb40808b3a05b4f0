"""A few of the real spec files that still make a whole API, for tests of the generator's
mechanics (its cache, its workers) that need real specs but not all of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.paths import SPECS
from helpers.raw_specs import file_operations

from generator.conventions import PROJECT_TAGS
from generator.load import SPEC_SUFFIXES


def creates_projects(spec_file: Path) -> bool:
    """Whether one of the file's operations creates projects: a POST on a collection whose tag
    names a kind of project (generator/conventions.py)."""
    return any(
        key.startswith("POST ")
        and "{" not in key
        and set(operation.get("tags", [])) & PROJECT_TAGS.keys()
        for key, operation in file_operations(spec_file).items()
    )


def few_spec_files(creators: int, folder: Path = SPECS) -> list[Path]:
    """The first `creators` files (in name order) whose operations create projects, and every
    file whose operations do not (the project getters and deletes, the upload URLs...), which
    those need: together, the files of a smaller API that generates as the whole one does."""
    files = sorted(path for path in folder.iterdir() if path.suffix in SPEC_SUFFIXES)
    making = [path for path in files if creates_projects(path)]
    assert len(making) > creators, f"{folder} has too few files that create projects"
    return [path for path in files if path in making[:creators] or path not in making]


def copy_few_specs(destination: Path, creators: int, folder: Path = SPECS) -> Path:
    """`few_spec_files(creators, folder)` copied into `destination` (made); returns it."""
    destination.mkdir(parents=True)
    for path in few_spec_files(creators, folder):
        shutil.copyfile(path, destination / path.name)
    return destination
