# Set-up is two commands: `make generate` and `make test`. Both create the virtual
# environment on first use, so a fresh machine needs only Python 3.11 and the package index.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: generate check test mypy clean

$(INSTALLED): pyproject.toml generated/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]" -e ./generated
	touch $(INSTALLED)

generate: $(INSTALLED)
	$(BIN)/python -m generator --specs specs --output generated

check: $(INSTALLED)
	$(BIN)/python -m generator --specs specs --output generated --check

mypy: $(INSTALLED)
	$(BIN)/mypy --strict generated/magic_hour
	$(BIN)/mypy generator

test: check mypy
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV)
