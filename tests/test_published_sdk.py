"""Code written for the published `magic_hour` SDK runs unchanged on ours.

The published SDK is installed apart by `make test` (its folder in MAGIC_HOUR_PUBLISHED_SDK; the
version is the Makefile's). Both packages are named `magic_hour`, so each is described in a
process of its own (helpers/sdk_surface.py): every export, resource client, method and keyword
argument, request TypedDict with its keys, response model with its fields. What the published
one has and ours lacks is a difference; the differences we accept, each group with its reason,
are tests/fixtures/published-sdk-differences.txt (patterns, as fnmatch reads them).
"""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import FIXTURES, HELPERS, ROOT
from helpers.sdk_differences import differences

ACCEPTED = FIXTURES / "published-sdk-differences.txt"


def describe(python_path: str | None) -> dict[str, Any]:
    """The surface of the `magic_hour` that a process with `python_path` first on its path
    imports (ours, when None)."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if python_path is not None:
        env["PYTHONPATH"] = python_path
    result = subprocess.run(
        [sys.executable, str(HELPERS / "sdk_surface.py")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    surface: dict[str, Any] = json.loads(result.stdout)
    return surface


@pytest.fixture(scope="module")
def found(published_folder: Path) -> list[str]:
    published = describe(str(published_folder))
    ours = describe(None)
    # Each process imported the package meant for it.
    assert Path(published["file"]).is_relative_to(published_folder)
    assert Path(ours["file"]).is_relative_to(ROOT / "generated")
    return differences(published, ours)


def accepted() -> list[str]:
    lines = ACCEPTED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_code_written_for_the_published_sdk_finds_every_name_it_uses(found: list[str]) -> None:
    unexplained = [d for d in found if not any(fnmatch.fnmatchcase(d, p) for p in accepted())]
    assert unexplained == []


def test_every_accepted_difference_is_still_one(found: list[str]) -> None:
    # An entry that no longer matches anything is removed from the list, so that the list
    # says what is missing today.
    stale = [p for p in accepted() if not any(fnmatch.fnmatchcase(d, p) for d in found)]
    assert stale == []


def test_a_difference_is_found_where_there_is_one() -> None:
    # The comparison itself, on two small descriptions: what ours lacks or asks for more.
    method = {"arguments": {"prompt": True, "name": False}, "positional": ["prompt", "name"]}
    nothing: dict[str, Any] = {"arguments": {}, "positional": []}
    published = {
        "exports": ["Client", "ApiError"],
        "modules": ["client"],
        "environments": ["ENVIRONMENT"],
        "clients": {"Client": {"v1.things": {"create": method, "list": nothing}, "v1.gone": {}}},
        "params": {"Body": {"prompt": True, "style": False}},
        "models": {"Answer": {"id": True, "frame_cost": True}},
    }
    ours = {
        "exports": ["Client"],
        "modules": ["client"],
        "environments": ["ENVIRONMENT"],
        "clients": {
            "Client": {
                "v1.things": {
                    "create": {
                        "arguments": {"prompt": True, "name": True},
                        "positional": ["prompt"],
                    }
                }
            }
        },
        "params": {"Body": {"prompt": True, "size": True}},
        "models": {"Answer": {"id": True}},
    }
    assert differences(published, ours) == [
        "export ApiError",
        "required Client v1.things.create(name)",
        "position Client v1.things.create(name)",
        "method Client v1.things.list",
        "resource Client v1.gone",
        "key Body.style",
        "required-key Body.size",
        "field Answer.frame_cost",
    ]
    assert differences(published, published) == []
