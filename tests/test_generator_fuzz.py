"""Fuzzing the generator: for any valid spec folder it writes a working package or says why not.

`helpers.specgen.spec_folders()` draws random, valid OpenAPI 3.0 folders full of hostile names and text.
For each, the generator either

- refuses with problems that are each one line, `specs/<file>:<line>:<column>: message`, naming
  a file of the folder and a place inside it, and writes nothing (the command line prints those
  lines and a count, and exits 1). specgen writes no dangling and no recursive `$ref`, so a
  refusal that says one is, is wrong too; or
- returns files that compile (and so do the ```py examples of every method's docstring and
  the Python examples of every Markdown page), whose JSON and TOML parse, whose Markdown pages
  show as meant (fences closed, tables whole, every relative link leading to a generated file), that import in a fresh interpreter with warnings as errors (every module,
  and every resource and method reached from `Client` and `AsyncClient`), pass `mypy --strict`,
  and spell every property and parameter name of the spec verbatim, as a string literal.

Anything else (a traceback, black refusing the code, code that does not compile, import or
type-check, a problem on several lines or without a place) is a generator bug.

`make test` runs 15 derandomized examples; `make fuzz` runs 500, and shrinks what fails.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.markdown_pages import (
    layout_problems,
    link_problems,
    python_blocks,
    table_rows,
    unsafe_markup,
)
from helpers.processes import running
from helpers.specgen import load_yaml, spec_folders
from hypothesis import HealthCheck, Phase, event, given, settings

from generator.cli import generate, main
from generator.views.docs import Docs, build_docs
from generator.load import load_specs
from generator.ir import build_ir
from generator.views.python import build_python_view
from generator.problems import SpecError
from generator.write import compare, existing_files, write

PACKAGE = "magic_hour"
# An example costs about 2 s (drawing it 0.2, generating with black 1, then importing and
# mypy side by side 0.8; the first 3 more, while mypy caches the runtime), so the `ci` profile
# (make test) runs 15, in about 35 s, and reports a failing one as drawn: shrinking it can take
# minutes. The `fuzz` profile (make fuzz) runs 500, about 15 minutes, and shrinks what fails.
FUZZ = settings.get_current_profile_name() == "fuzz"
EXAMPLES = 500 if FUZZ else 15
PHASES = list(Phase) if FUZZ else [phase for phase in Phase if phase is not Phase.shrink]

IMPORT_EVERYTHING = """
import asyncio, functools, importlib, inspect, pkgutil, sys

import magic_hour

root = sys.argv[1]
assert magic_hour.__file__.startswith(root), f"imported {magic_hour.__file__}, not the output"
for info in sorted(pkgutil.walk_packages(magic_hour.__path__, "magic_hour."), key=lambda i: i.name):
    if info.name.endswith(".__main__"):
        continue  # importing a `__main__` runs its program (the mock server's command)
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


# A folder is a few tens of kB of YAML: hypothesis warns before it writes one out.
@pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)
@settings(
    max_examples=EXAMPLES,
    phases=PHASES,
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
    for outcome in check_folder(folder, workspace):
        event(outcome)  # `make fuzz` shows how often each comes up


def check_folder(folder: dict[str, str], workspace: Path) -> list[str]:
    """The property, for one spec folder; `workspace` persists from one folder to the next.

    Returns what happened, each once: "generated", or what was refused (without the names).
    Usable outside hypothesis, to check a folder by hand.
    """
    with tempfile.TemporaryDirectory() as scratch:
        specs = Path(scratch) / "specs"
        specs.mkdir()
        for name, text in folder.items():
            (specs / name).write_text(text, encoding="utf-8")
        try:
            files = generate(specs, "specs")
            docs = build_docs(build_python_view(build_ir(load_specs(specs, "specs"))))
        except SpecError as error:
            check_problems(error, folder)
            check_nothing_is_written(Path(scratch), error)
            return sorted(
                {
                    "refused: " + re.sub(r"'[^']*'|\S*/\S*", "…", problem.message)[:70]
                    for problem in error.problems
                }
            )
    output = workspace / "generated"
    write(output, files, compare(output, files))
    assert existing_files(output) == {path: text.encode() for path, text in files.items()}
    check_pages(files, docs)
    check_package(output, files, folder, workspace / "mypy-cache")
    return ["generated"]


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
        # specgen writes no dangling and no recursive $ref: such a complaint means that data
        # (an example, an `x-` extension) was taken for a reference.
        for phrase in ("does not resolve", "not in the specs folder", "is recursive"):
            assert phrase not in problem.message, f"a valid spec folder refused: {text!r}"


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
    # Warnings found before the problems (a `required` name no property defines) come first.
    lines = [line for line in stderr.getvalue().split("\n") if ": warning: " not in line]
    assert lines[:-2] == [str(problem) for problem in error.problems]
    assert lines[-2].startswith(f"{len(error.problems)} problem(s) in ") and lines[-1] == ""


# -- the package -----------------------------------------------------------------------------


def check_pages(files: dict[str, str], docs: Docs) -> None:
    """Each Markdown page shows as meant: its Python examples compile, its fences close, its
    tables keep their columns and every row the docs model built, its links lead somewhere,
    and no HTML or link of the spec's text is live."""
    pages = {path: text for path, text in files.items() if path.endswith(".md")}
    for path, text in pages.items():
        for line, example in python_blocks(text):
            compile(example, f"{path}:{line}", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        problems = list(layout_problems(text))
        problems += list(link_problems(path, pages, set(files)))
        problems += list(unsafe_markup(text))
        assert not problems, f"{path} does not show as meant: {problems}"
    built = {page.path: sum(len(m.rows) for m in page.methods) for page in docs.resource_pages}
    built |= {page.path: sum(len(t.rows) for t in page.types) for page in docs.types_pages}
    for path, rows in built.items():
        assert table_rows(pages[path]) == rows, f"{path}: a table row cut or added"


def check_package(output: Path, files: dict[str, str], folder: dict[str, str], cache: Path) -> None:
    constants: set[str] = set()
    for path, text in sorted(files.items()):
        if path.endswith(".py"):
            code = ast.parse(text, path)
            compile(code, path, "exec", dont_inherit=True)
            if path.startswith((f"{PACKAGE}/resources/", f"{PACKAGE}/types/")):
                # Where the spec's names live (the runtime in core/ has words of its own).
                constants |= string_constants(code)
            for example in docstring_examples(code):
                try:
                    compile(
                        example,
                        f"an example in {path}",
                        "exec",
                        flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,  # an async method's example
                        dont_inherit=True,
                    )
                except SyntaxError as error:
                    raise AssertionError(
                        f"a docstring example is not Python:\n{example}"
                    ) from error
        elif path.endswith(".json"):
            json.loads(text)
        elif path.endswith(".toml"):
            tomllib.loads(text)

    # The import in a fresh interpreter and mypy run side by side.
    environment = {
        **os.environ,
        "PYTHONPATH": str(output),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONWARNINGS": "error",
    }
    with contextlib.ExitStack() as processes:
        importing = processes.enter_context(
            running(
                subprocess.Popen(
                    [sys.executable, "-c", IMPORT_EVERYTHING, str(output / PACKAGE)],
                    cwd=output,
                    env=environment,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
        )
        typing = processes.enter_context(
            running(
                subprocess.Popen(
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
            )
        )
        imported = importing.communicate(timeout=300)[0]
        typed = typing.communicate(timeout=300)[0]
    assert importing.returncode == 0, f"the package does not import:\n{imported}"
    assert typing.returncode == 0, f"mypy --strict fails:\n{typed}"

    missing = sorted(spec_wire_names(folder) - constants)
    assert not missing, f"wire names not spelled verbatim in the code: {missing}"


def docstring_examples(tree: ast.AST) -> list[str]:
    """The ```py blocks of the module's function docstrings, as code."""
    examples = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node, clean=True) or ""
            for block in re.findall(r"^```py(?:thon)?\n(.*?)^```", docstring, re.S | re.M):
                examples.append(textwrap.dedent(block))
    return examples


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

    Those of every parameter, request body and 2xx JSON response, following `$ref`s (to any
    file) through `items`, `properties`, `additionalProperties`, `allOf`, `oneOf` and `anyOf`;
    but for `readOnly` properties of requests and `writeOnly` ones of responses, which a client
    may leave out.
    """
    components: dict[str, dict[str, Any]] = {}
    for text in folder.values():
        for section, entries in (load_yaml(text).get("components") or {}).items():
            components.setdefault(section, {}).update(entries or {})
    found: set[str] = set()
    seen: set[tuple[str, str]] = set()

    def resolve(node: Any, section: str) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            name = node["$ref"].rpartition("/")[2].replace("~1", "/").replace("~0", "~")
            node = components.get(section, {}).get(name)
        return node

    def visit(schema: Any, side: str) -> None:
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            if (schema["$ref"], side) in seen:
                return
            seen.add((schema["$ref"], side))
        schema = resolve(schema, "schemas")
        if not isinstance(schema, dict):
            return
        left_out = "readOnly" if side == "request" else "writeOnly"
        for name, child in (schema.get("properties") or {}).items():
            if not (resolve(child, "schemas") or {}).get(left_out):
                found.add(name)
                visit(child, side)
        for key in ("items", "additionalProperties"):
            visit(schema.get(key), side)
        for key in ("allOf", "oneOf", "anyOf"):
            for member in schema.get(key) or []:
                visit(member, side)

    def json_schema(node: Any, section: str) -> Any:
        content = (resolve(node, section) or {}).get("content") or {}
        return (content.get("application/json") or {}).get("schema")

    for text in folder.values():
        for operation, item in operations(load_yaml(text)):
            for node in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
                parameter = resolve(node, "parameters")
                found.add(parameter["name"])
                visit(parameter.get("schema"), "request")
            visit(json_schema(operation.get("requestBody"), "requestBodies"), "request")
            for code, response in (operation.get("responses") or {}).items():
                if str(code).isdigit() and 200 <= int(code) < 300:
                    visit(json_schema(response, "responses"), "response")
    return found


def operations(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for item in (document.get("paths") or {}).values():
        for verb in ("get", "put", "post", "delete", "patch"):
            if verb in item:
                yield item[verb], item
