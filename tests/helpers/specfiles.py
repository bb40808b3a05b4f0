"""Small spec folders written into a test's tmp_path, loaded as the folder `specs`."""

from __future__ import annotations

import textwrap
from pathlib import Path

# Four lines, so the first line after it is line 5.
HEADER = """\
openapi: 3.0.2
info:
  title: Test API
  version: '1'
"""


def spec(body: str) -> str:
    """A spec file: the common header, then `body` (dedented) from line 5 on."""
    return HEADER + textwrap.dedent(body)


def write_specs(folder: Path, files: dict[str, str]) -> Path:
    """Write each `name: text` into `folder` (created if missing) and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
