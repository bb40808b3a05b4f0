"""The corpus: small odd, hostile and invalid spec documents, each with its expected outcome.

A case is `corpus/<name>.yaml` or a folder `corpus/<name>/` of spec files. Its first lines say
what must happen:

    # expect: ok                                   the package compiles, passes mypy --strict,
                                                   and every method round-trips on the wire
    # expect: specs/<file>:<line>:<col>: <text>    the generator stops with exactly these lines

For an `ok` case, every method is called (sync and async) in a fresh process against a
loopback server: the request must carry the wire names the spec spells, and the reply must
come back as the value the spec describes (`helpers/corpus_exercise.py`).
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import CORPUS, HELPERS, TESTS

from generator.cli import generate
from generator.load import load_specs
from generator.ir import build_ir
from generator.ir.examples import example_value
from generator.views.python import build_python_view
from generator.views.python.model import PyMethod
from generator.problems import SpecError
from generator.write import compare, write

MYPY = Path(sys.executable).with_name("mypy")
EXPECT = "# expect: "


def cases() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix == ".yaml" or p.is_dir())


def spec_files(case: Path) -> list[Path]:
    return sorted(case.glob("*.yaml")) if case.is_dir() else [case]


def expectation(case: Path) -> list[str]:
    lines = spec_files(case)[0].read_text(encoding="utf-8").splitlines()
    return [line[len(EXPECT) :] for line in lines if line.startswith(EXPECT)]


def copy_specs(case: Path, folder: Path) -> Path:
    specs = folder / "specs"
    specs.mkdir(parents=True)
    for path in spec_files(case):
        shutil.copy(path, specs / path.name)
    return specs


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Shared by the cases: the runtime modules are the same in each, so mypy checks them once.
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.stem)
def test_corpus_case(case: Path, tmp_path: Path, mypy_cache: Path) -> None:
    expected = expectation(case)
    assert expected, f"{case.name}: no '{EXPECT}' line"
    specs = copy_specs(case, tmp_path)
    if expected != ["ok"]:
        with pytest.raises(SpecError) as raised:
            generate(specs, "specs")
        assert [str(p) for p in raised.value.problems] == expected
        return

    files = generate(specs, "specs")
    output = tmp_path / "out"
    write(output, files, compare(output, files))
    package = output / "magic_hour"
    for path in sorted(package.rglob("*.py")):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    checked = subprocess.run(
        [str(MYPY), "--strict", "--cache-dir", str(mypy_cache), str(package)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout

    api = build_python_view(build_ir(load_specs(specs, "specs")))
    wire_names = spec_wire_names(api)
    constants = {
        node.value
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert wire_names <= constants, wire_names - constants

    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps([call_plan(api, op) for op in api.operations]), encoding="utf-8")
    ran = subprocess.run(
        [sys.executable, str(HELPERS / "corpus_exercise.py"), str(plan)],
        # The generated package, and the tests folder for `helpers.loopback`.
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(output), str(TESTS)])},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith(f"ok: {len(api.operations)} methods"), ran.stdout


def spec_wire_names(api: Any) -> set[str]:
    """Every property and parameter name the generated code must spell exactly."""
    names = {a.wire_name for op in api.operations for a in op.arguments}
    for cls in [*api.params_classes, *api.model_classes]:
        names |= {f.wire_name for f in cls.fields}
    return names


def argument_value(op: PyMethod, name: str) -> Any:
    argument = next(a for a in op.arguments if a.py_name == name)
    return (
        eval(argument.example)
        if argument.example is not None
        else example_value(argument.schema, complete=True)
    )


def call_plan(api: Any, op: PyMethod) -> dict[str, Any]:
    """What to call, what the server must receive, and how it answers."""
    resource = next(r for r in api.resources if op in r.operations)
    given = [a for a in op.arguments if a.required or a.example is not None]
    kwargs = {a.py_name: argument_value(op, a.py_name) for a in given}
    by_place: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}, "body": {}}
    for argument in given:
        by_place[argument.location][argument.wire_name] = kwargs[argument.py_name]
    path = op.path
    for name, value in by_place["path"].items():
        path = path.replace("{" + name + "}", urllib.parse.quote(wire_text(value), safe=""))
    first = op.responses[0]
    if first.kind == "json":
        reply: Any = example_value(first.schema, complete=True) if first.schema else {"any": [1]}
    else:
        reply = {"binary": "\x00\x01\xfe binary", "text": "plain text ✓", "empty": None}[first.kind]
    return {
        "name": f"{resource.access_path}.{op.method_name}",
        "access": [*resource.access_path.split(".")[1:], op.method_name],
        "kwargs": kwargs,
        "method": op.http_method,
        "path": path,
        "query": {
            name: [wire_text(v) for v in (value if isinstance(value, list) else [value])]
            for name, value in by_place["query"].items()
        },
        "headers": {name: wire_text(value) for name, value in by_place["header"].items()},
        "body": by_place["body"] if op.body_rule else None,
        "auth": [list(pair) for pair in op.operation.auth],
        "deprecations": [
            *([f"{op.http_method} {op.path} is deprecated"] if op.operation.deprecated else []),
            *(f"{a.wire_name} is deprecated" for a in given if a.deprecated),
        ],
        "status": first.status,
        "reply_kind": first.kind,
        "reply_body": reply,
    }


def wire_text(value: Any) -> str:
    """A path, query or header value as the spec's styles write it."""
    if isinstance(value, list):
        return ",".join(wire_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
