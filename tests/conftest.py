import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

# The loopback helper is imported by name from the tests folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The generator's cache (generator/cache.py) goes to this session's own folder, for the runs of
# `python -m generator` that tests make (in process and in subprocesses): never the project's.
_CACHE = tempfile.mkdtemp(prefix="generator-cache-")
os.environ["GENERATOR_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

from hypothesis import HealthCheck, settings

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
