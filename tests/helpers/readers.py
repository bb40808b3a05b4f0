"""The two ways the loader reads a spec file, as a fixture: a test that asks for `reader` runs
once with libyaml's parser (ruamel.yaml.clib, a dependency) and once with ruamel's pure-Python
reader alone, as on a platform where ruamel.yaml.clib has no build. Both must give the same
data, the same positions and the same messages (see generator/load.py)."""

from __future__ import annotations

import pytest

from generator import load


@pytest.fixture(params=["libyaml", "pure"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure":
        monkeypatch.setattr(load, "CParser", None)
    else:
        assert load.CParser is not None, "ruamel.yaml.clib is a dependency: installed here"
    return str(request.param)
