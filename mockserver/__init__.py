"""The shipped mock server (`magic_hour.mock`) on any spec folder, for work on the generator.

The generated package's mock serves the API of the specs it was generated from. Tests of the
generator (a new spec file, an edited one) need the mock of other specs, without generating a
package: this describes a spec folder as the generator would (`generator.views.mock`) and hands
that to the shipped engine.

    with MockServer(specs="specs", port=0) as server: ...
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from magic_hour.mock.server import MockServer as Engine

from generator.ir import build_ir
from generator.load import load_specs
from generator.views.mock import mock_description


def describe(specs: str | Path) -> dict[str, Any]:
    """The mock's description of the API in a spec folder; SpecError names what is wrong."""
    return mock_description(build_ir(load_specs(Path(specs), str(specs))))


class MockServer(Engine):
    """`magic_hour.mock.MockServer`, serving the API of `specs`."""

    def __init__(self, specs: str | Path = "specs", **options: Any) -> None:
        super().__init__(description=describe(specs), **options)
