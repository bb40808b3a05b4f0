"""The real specs read as plain YAML (JSON is YAML too), without the generator: an oracle
independent of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from helpers.paths import SPECS

from generator.load import SPEC_SUFFIXES

VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def spec_operations(folder: Path = SPECS) -> dict[str, dict[str, Any]]:
    """Each operation as its YAML file writes it, by `"VERB /path"`; the parameters its path
    item declares for all its operations are added under `"path-parameters"`."""
    found = {}
    for path in spec_files(folder):
        found.update(file_operations(path))
    return found


def spec_files(folder: Path = SPECS) -> list[Path]:
    """The spec files of `folder` (YAML or JSON documents), sorted."""
    return sorted(path for path in folder.iterdir() if path.suffix in SPEC_SUFFIXES)


def file_operations(path: Path) -> dict[str, dict[str, Any]]:
    """The operations of one spec file, as `spec_operations` gives them."""
    document = YAML(typ="safe").load(path.read_text())
    found = {}
    # A webhook document (OpenAPI 3.1, a `webhooks` map) has no `paths`: no operations.
    for url, item in (document.get("paths") or {}).items():
        for verb, operation in item.items():
            if verb not in VERBS:  # the path item's parameters, summary, servers...
                continue
            found[f"{verb.upper()} {url}"] = {
                **operation,
                "path-parameters": item.get("parameters", []),
            }
    return found


def curl_body(operation: dict[str, Any]) -> Any:
    """The JSON body of an operation's own curl example (its `x-codeSamples`)."""
    sample = next(s["source"] for s in operation["x-codeSamples"] if s["lang"] == "curl")
    return json.loads(sample.split("--data '", 1)[1].rsplit("'", 1)[0])


def spec_webhooks(folder: Path = SPECS) -> dict[str, dict[str, Any]]:
    """Each webhook event's POST as its YAML file writes it, by event name (`video.started`)."""
    found = {}
    for path in spec_files(folder):
        document = YAML(typ="safe").load(path.read_text())
        for name, item in (document.get("webhooks") or {}).items():
            found[name] = item["post"]
    return found
