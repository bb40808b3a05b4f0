# Set-up is two commands: `make generate` and `make test`. Both create the virtual
# environment on first use, so a fresh machine needs only Python 3.11 and the package index.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MOCK_PORT ?= 4010

.PHONY: generate check changes test mypy fuzz bench mock demo clean

$(INSTALLED): pyproject.toml generated/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]" -e "./generated[mock,cli]"
	touch $(INSTALLED)

# TEMPLATES=dir: a folder laid out as templates/ whose files replace the built-in ones.
TEMPLATE_OVERRIDES := $(if $(TEMPLATES),--templates $(TEMPLATES))

generate: $(INSTALLED)
	$(BIN)/python -m generator --specs specs --output generated $(TEMPLATE_OVERRIDES)

check: $(INSTALLED)
	$(BIN)/python -m generator --specs specs --output generated --check $(TEMPLATE_OVERRIDES)

mypy: $(INSTALLED)
	$(BIN)/mypy --strict generated/magic_hour generated/_magic_hour_pytest.py
	$(BIN)/mypy generator mockserver

# What the specs change in the API surface, against the committed generated/api-surface.json:
# a report for the pull request, breaking changes marked. Writes nothing; exit 0.
changes: $(INSTALLED)
	$(BIN)/python -m generator --specs specs --output generated --changes

# The published SDK, which code written for it must keep working on ours: installed in a folder
# of its own, never beside ours (tests/test_published_sdk.py compares the two).
PUBLISHED_SDK_VERSION := 0.90.0
PUBLISHED_SDK := .cache/published-sdk/$(PUBLISHED_SDK_VERSION)

$(PUBLISHED_SDK)/.installed: | $(INSTALLED)
	rm -rf $(PUBLISHED_SDK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --target $(PUBLISHED_SDK) magic-hour==$(PUBLISHED_SDK_VERSION)
	touch $@

# The tests run in one worker process per core (pytest-xdist); PYTEST_WORKERS=0 runs them in
# this process.
PYTEST_WORKERS ?= auto

test: check mypy $(PUBLISHED_SDK)/.installed
	MAGIC_HOUR_PUBLISHED_SDK=$(PUBLISHED_SDK) $(BIN)/python -m pytest -n $(PYTEST_WORKERS)

# The property tests at volume: 10,000 examples per operation and property, and per webhook
# signature property (about ten minutes); then 500 random spec folders through the whole
# generator (about 15 minutes: each one is generated, imported and type-checked).
fuzz: $(INSTALLED)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py -k "valid_requests or broken_requests_are_refused" -p no:cacheprovider
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_webhooks.py -p no:cacheprovider
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_generator_fuzz.py -p no:cacheprovider --hypothesis-show-statistics

# The references make bench compares against, where only the benchmarks see them:
# openapi-python-client (with ruff, its formatter) in a virtual environment of its own, and the
# published SDK (above). Neither is a dependency of the generator or of the generated package.
OPENAPI_PYTHON_CLIENT_VERSION := 0.29.1
BENCH_TOOLS := .cache/bench-tools/openapi-python-client-$(OPENAPI_PYTHON_CLIENT_VERSION)

$(BENCH_TOOLS)/.installed:
	rm -rf $(BENCH_TOOLS)
	$(PYTHON) -m venv $(BENCH_TOOLS)
	$(BENCH_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check openapi-python-client==$(OPENAPI_PYTHON_CLIENT_VERSION)
	touch $@

# Speed and memory, each beside its floor and its reference; one table, also written to
# bench/results.json. Several minutes (see bench/*.py for what each row measures).
bench: $(INSTALLED) $(PUBLISHED_SDK)/.installed $(BENCH_TOOLS)/.installed
	MAGIC_HOUR_PUBLISHED_SDK=$(PUBLISHED_SDK) BENCH_OPENAPI_PYTHON_CLIENT=$(BENCH_TOOLS) $(BIN)/python bench/run.py

# The mock API server on http://127.0.0.1:$(MOCK_PORT) (Environment.MOCK_SERVER), until Ctrl-C.
mock: $(INSTALLED)
	$(BIN)/python -m magic_hour.mock --port $(MOCK_PORT)

# The SDK page's ai_gif_generator.generate example, offline against the mock server.
demo: $(INSTALLED)
	$(BIN)/python -m mockserver.demo

clean:
	rm -rf $(VENV) .cache
