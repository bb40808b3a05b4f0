"""The generator's stages on a folder of spec files, for the tests of each stage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.ir import build_ir
from generator.ir.model import Api
from generator.load import load_specs
from generator.problems import SpecError
from generator.views.python import PyApi, build_python_view


def ir_of(specs: Path) -> Api:
    return build_ir(load_specs(specs, "specs"))


def python_view_of(specs: Path) -> PyApi:
    return build_python_view(ir_of(specs))


def problems_of(stage: Callable[[Path], object], specs: Path) -> list[str]:
    """The lines `stage` refuses `specs` with; each problem one line, and the error all of them."""
    with pytest.raises(SpecError) as raised:
        stage(specs)
    lines = [str(p) for p in raised.value.problems]
    assert str(raised.value) == "\n".join(lines)
    return lines
