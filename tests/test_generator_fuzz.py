"""Fuzzing the generator: for any valid spec folder it writes a working package or says why not.

`specgen.spec_folders()` draws random, valid OpenAPI 3.0 folders full of hostile names and text.
For each, the generator either

- refuses with problems that are each one line, `specs/<file>:<line>:<column>: message`, naming
  a file of the folder and a place inside it, and writes nothing; or
- returns files that compile, import in a fresh interpreter (every module, and every resource
  and method reached from `Client` and `AsyncClient`), pass `mypy --strict`, and spell every
  property and parameter name of the spec verbatim, as a string literal.

Anything else (a traceback, black refusing the code, code that does not compile, import or
type-check, a problem on several lines or without a place) is a generator bug.

`make test` runs a few derandomized examples; `make fuzz` runs hundreds.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from specgen import load_yaml, spec_folders

from generator.cli import generate, main
from generator.problems import SpecError
from generator.write import compare, existing_files, write

PACKAGE = "magic_hour"
# The `ci` profile (make test) keeps the suite quick: each example costs about a second and a
# half (generating, black, import, mypy). The `fuzz` profile (make fuzz) runs hundreds.
EXAMPLES = {"fuzz": 500}.get(settings.get_current_profile_name(), 15)

IMPORT_EVERYTHING = """
import asyncio, functools, importlib, inspect, pkgutil, sys

import magic_hour

root = sys.argv[1]
assert magic_hour.__file__.startswith(root), f"imported {magic_hour.__file__}, not the output"
for info in sorted(pkgutil.walk_packages(magic_hour.__path__, "magic_hour."), key=lambda i: i.name):
    importlib.import_module(info.name)


def touch(obj, path):
    for name in sorted(dir(type(obj))):
        if name.startswith("_"):
            continue
        static = inspect.getattr_static(type(obj), name)
        value = getattr(obj, name)  # a cached_property runs its lazy import here
        if isinstance(static, functools.cached_property):
            touch(value, f"{path}.{name}")
        elif callable(value):
            inspect.signature(value)


client = magic_hour.Client(token="x", base_url="http://127.0.0.1:9")
touch(client, "client")
client.close()
async_client = magic_hour.AsyncClient(token="x", base_url="http://127.0.0.1:9")
touch(async_client, "async_client")
asyncio.run(async_client.close())
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One output folder for every example (the writer keeps it exact), and mypy's cache.

    The runtime modules under `core/` are the same in every example, so mypy checks them once.
    """
    return tmp_path_factory.mktemp("fuzz")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)
@given(folder=spec_folders())
def test_generator_writes_a_working_package_or_one_located_line_per_problem(
    workspace: Path, folder: dict[str, str]
) -> None:
    check_folder(folder, workspace)


def check_folder(folder: dict[str, str], workspace: Path) -> None:
    """The property, for one spec folder; `workspace` persists from one folder to the next."""
    with tempfile.TemporaryDirectory() as scratch:
        specs = Path(scratch) / "specs"
        specs.mkdir()
        for name, text in folder.items():
            (specs / name).write_text(text, encoding="utf-8")
        try:
            files = generate(specs, "specs")
        except SpecError as error:
            check_problems(error, folder)
            check_nothing_is_written(Path(scratch), error)
            for problem in error.problems:
                # What was refused, without the names: `make fuzz` shows how often.
                event("refused: " + re.sub(r"'[^']*'|\S*/\S*", "…", problem.message)[:70])
            return
    event("generated")
    output = workspace / "generated"
    write(output, files, compare(output, files))
    assert existing_files(output) == {path: text.encode() for path, text in files.items()}
    check_package(output, files, folder, workspace / "mypy-cache")


# -- the refusal ---------------------------------------------------------------------------


def check_problems(error: SpecError, folder: dict[str, str]) -> None:
    assert error.problems, "a SpecError with no problems"
    for problem in error.problems:
        text = str(problem)
        assert (
            len(text.splitlines()) == 1 and "\n" not in text
        ), f"problem on several lines: {text!r}"
        assert problem.location is not None, f"problem without a location: {text!r}"
        file, line, column = problem.location.file, problem.location.line, problem.location.column
        assert (
            file.startswith("specs/") and file[len("specs/") :] in folder
        ), f"unknown file: {text!r}"
        lines = folder[file[len("specs/") :]].split("\n")
        assert (
            1 <= line <= len(lines)
        ), f"line {line} is outside {file} ({len(lines)} lines): {text!r}"
        assert (
            1 <= column <= len(lines[line - 1]) + 1
        ), f"column {column} is outside line {line}: {text!r}"
        assert text.startswith(f"{file}:{line}:{column}: "), text


def check_nothing_is_written(scratch: Path, error: SpecError) -> None:
    """The command line prints exactly the problems and a summary, and writes nothing."""
    stderr = io.StringIO()
    with (
        contextlib.chdir(scratch),
        contextlib.redirect_stderr(stderr),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        status = main(["--specs", "specs", "--output", "out"])
    assert status == 1
    assert not (scratch / "out").exists(), "a refused spec folder wrote output"
    lines = stderr.getvalue().split("\n")
    assert lines[:-2] == [str(problem) for problem in error.problems]
    assert lines[-2].startswith(f"{len(error.problems)} problem(s) in ") and lines[-1] == ""


# -- the package -----------------------------------------------------------------------------


def check_package(output: Path, files: dict[str, str], folder: dict[str, str], cache: Path) -> None:
    constants: set[str] = set()
    for path, text in sorted(files.items()):
        if path.endswith(".py"):
            code = compile(text, path, "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
            compile(code, path, "exec", dont_inherit=True)
            constants |= string_constants(code)
    tomllib.loads(files["pyproject.toml"])

    # The import in a fresh interpreter and mypy run side by side.
    environment = {
        **os.environ,
        "PYTHONPATH": str(output),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONWARNINGS": "error",
    }
    importing = subprocess.Popen(
        [sys.executable, "-c", IMPORT_EVERYTHING, str(output / PACKAGE)],
        cwd=output,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    typing = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-color-output",
            "--cache-dir",
            str(cache),
            PACKAGE,
        ],
        cwd=output,
        env={**os.environ, "PYTHONPATH": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    imported = importing.communicate(timeout=300)[0]
    typed = typing.communicate(timeout=300)[0]
    assert importing.returncode == 0, f"the package does not import:\n{imported}"
    assert typing.returncode == 0, f"mypy --strict fails:\n{typed}"

    missing = sorted(spec_wire_names(folder) - constants)
    assert not missing, f"wire names not spelled verbatim in the code: {missing}"


def string_constants(tree: ast.AST) -> set[str]:
    """Every string literal of a module but its docstrings."""
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        # Attribute docstrings: a string statement right after an annotated assignment.
        if isinstance(node, ast.ClassDef):
            for before, statement in zip(node.body, node.body[1:]):
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    docstrings.add(id(statement.value))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


# -- what the spec says the code must spell ---------------------------------------------------


def spec_wire_names(folder: dict[str, str]) -> set[str]:
    """The names of the parameters and properties the generated client sends or reads.

    Those of every parameter, request body and 2xx response, following `$ref`s (to any file)
    through `items`, `properties`, `additionalProperties`, `allOf`, `oneOf` and `anyOf`.
    """
    documents = {name: load_yaml(text) for name, text in folder.items()}
    schemas: dict[str, Any] = {}
    for document in documents.values():
        schemas.update((document.get("components") or {}).get("schemas") or {})
    found: set[str] = set()
    seen: set[str] = set()

    def visit(schema: Any) -> None:
        if not isinstance(schema, dict):
            return
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref.rpartition("/")[2].replace("~1", "/").replace("~0", "~")
            if name not in seen:
                seen.add(name)
                visit(schemas.get(name))
            return
        for name, child in (schema.get("properties") or {}).items():
            found.add(name)
            visit(child)
        for key in ("items", "additionalProperties"):
            visit(schema.get(key))
        for key in ("allOf", "oneOf", "anyOf"):
            for member in schema.get(key) or []:
                visit(member)

    for document in documents.values():
        for operation, item in operations(document):
            for parameter in [
                *(item.get("parameters") or []),
                *(operation.get("parameters") or []),
            ]:
                found.add(parameter["name"])
                visit(parameter.get("schema"))
            body = operation.get("requestBody") or {}
            visit(((body.get("content") or {}).get("application/json") or {}).get("schema"))
            for code, response in (operation.get("responses") or {}).items():
                if str(code).isdigit() and 200 <= int(code) < 300:
                    media = (response.get("content") or {}).get("application/json") or {}
                    visit(media.get("schema"))
    return found


def operations(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for item in (document.get("paths") or {}).values():
        for verb in ("get", "put", "post", "delete", "patch"):
            if verb in item:
                yield item[verb], item
