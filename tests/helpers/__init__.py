"""What the tests share that is not a test: servers on loopback, spec builders, page checks.

Imported as `helpers.<module>`: tests/conftest.py puts tests/ on `sys.path`. Two modules are
also run as scripts in a fresh process, by path: `docs_runner.py` and `corpus_exercise.py`.
"""
