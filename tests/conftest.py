import os
import sys
from pathlib import Path

# The loopback helper is imported by name from the tests folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))

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
