"""The folders the tests read, for code that runs at import time (parametrize lists, module
constants). Inside a test, the `repo_root` and `specs_dir` fixtures of conftest.py say the same."""

from __future__ import annotations

from pathlib import Path

HELPERS = Path(__file__).resolve().parent
TESTS = HELPERS.parent
ROOT = TESTS.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
FIXTURES = TESTS / "fixtures"
CORPUS = TESTS / "corpus"
