from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# The helpers package (tests/helpers/) is imported as `helpers.<module>` from the tests folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers.paths import ROOT, SPECS  # noqa: E402  (needs the line above)

# The generator's cache (generator/cache.py) goes to this session's own folder, for the runs of
# `python -m generator` that tests make (in process and in subprocesses): never the project's.
_CACHE = tempfile.mkdtemp(prefix="generator-cache-")
os.environ["GENERATOR_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

from hypothesis import HealthCheck, settings  # noqa: E402

if TYPE_CHECKING:
    # Imported where a fixture starts a server, not here: hypothesis draws constants from every
    # module of the project that is loaded, so a module imported by conftest.py would change
    # what the `ci` profile draws in a test module run on its own.
    from magic_hour.mock import MockServer

# `ci`: deterministic and quick, for `make test`. `fuzz`: the same properties at volume.
settings.register_profile(
    "ci",
    max_examples=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "mock_server(**options): the MockServer options (polls_per_status, seconds_per_status,"
        " output_size, seed) of the module's `server` fixture; set as the module's pytestmark",
    )


# -- folders -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root folder (where `make` runs)."""
    return ROOT


@pytest.fixture(scope="session")
def specs_dir() -> Path:
    """The real spec folder, `specs/`."""
    return SPECS


@pytest.fixture(scope="session")
def published_folder() -> Path:
    """The published SDK's folder, which `make test` installs it in (beside, never over, ours)."""
    folder = os.environ.get("MAGIC_HOUR_PUBLISHED_SDK")
    assert folder, "MAGIC_HOUR_PUBLISHED_SDK is not set: run the tests with `make test`"
    path = (ROOT / folder).resolve()
    assert (path / "magic_hour").is_dir(), f"no published SDK in {path}: run `make test`"
    return path


# -- the mock API server -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    """The package's own mock server (`magic_hour.mock`) on a free loopback port for the whole
    module, stopped after its last test whatever happened. Configured by the module's marker,
    for instance `pytestmark = pytest.mark.mock_server(polls_per_status=0)`; its defaults
    otherwise."""
    from magic_hour.mock import MockServer

    marker = request.node.get_closest_marker("mock_server")
    with MockServer(port=0, **(marker.kwargs if marker else {})) as running:
        yield running


@pytest.fixture
def start_mock_server() -> Iterator[Callable[..., MockServer]]:
    """`start_mock_server(**options)`: a mock server of its own for one test, on a free loopback
    port: the package's own, or with `specs=` the shipped engine on another spec folder
    (`mockserver`). Each one started is stopped when the test ends, pass or fail."""
    from magic_hour.mock import MockServer

    with contextlib.ExitStack() as running:

        def start(**options: Any) -> MockServer:
            if "specs" in options:
                from mockserver import MockServer as OnSpecs

                return running.enter_context(OnSpecs(port=0, **options))
            return running.enter_context(MockServer(port=0, **options))

        yield start
