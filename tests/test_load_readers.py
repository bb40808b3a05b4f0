"""libyaml's reading of a spec file (generator/load.py, `_read_with_libyaml`) against ruamel's
pure-Python round-trip reader, which was the only one before and is still the reference: the
same plain data, the same position for every value and key, the same located message for every
problem, the same caps; and a file libyaml would crash on (nested far too deep) refused at the
cap. tests/test_load.py runs the loader's own tests with each reader (helpers/readers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import CORPUS, FIXTURES, SPECS
from helpers.specgen import spec_folders
from hypothesis import given
from helpers.readers import reader  # noqa: F401  (a fixture)
from helpers.specfiles import GET_THINGS, HEADER, spec, write_specs

from generator import load
from generator.load import SPEC_SUFFIXES, Position, SpecFile, load_specs
from generator.problems import Location, SpecError

SPEC_FILES = sorted(
    path
    for folder in (SPECS, CORPUS, FIXTURES)
    for path in folder.rglob("*")
    if path.suffix in SPEC_SUFFIXES
)


def pure(text: str) -> tuple[Any, Position]:
    tree = load._yaml().load(text)
    return load.plain(tree), load._positions(tree, *load._node_position(tree))


def pointers(positions: Position, pointer: tuple[str | int, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every value's pointer, and one step past it that names nothing."""
    yield pointer
    yield (*pointer, "nowhere")
    inner = positions[2]
    if isinstance(inner, dict):
        for key, (_, _, child) in inner.items():
            yield from pointers(child, (*pointer, key))
    elif isinstance(inner, list):
        for index, child in enumerate(inner):
            yield from pointers(child, (*pointer, index))


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_libyaml_reads_every_spec_as_ruamel_does(path: Path) -> None:
    assert_read_alike(path.read_text(encoding="utf-8"))


@given(folder=spec_folders())
def test_libyaml_reads_random_hostile_specs_as_ruamel_does(folder: dict[str, str]) -> None:
    # specgen's documents: names and text full of quotes, escapes, unicode and YAML syntax.
    for text in folder.values():
        assert_read_alike(text)


def assert_read_alike(text: str) -> None:
    try:
        expected = pure(text)
    except load.MarkedYAMLError:
        # A file of broken YAML: libyaml leaves it to ruamel, whose message is the one shown.
        with pytest.raises(load._Unsure):
            load._read_with_libyaml(text)
        return
    data, positions = load._read_with_libyaml(text)
    assert data == expected[0]
    fast = SpecFile("spec", positions, data, text)
    reference = SpecFile("spec", expected[1], expected[0], text)
    for pointer in pointers(expected[1]):
        for key in (False, True):
            assert fast.locate(pointer, key=key) == reference.locate(pointer, key=key), pointer


def test_the_real_specs_load_the_same_with_either_reader(
    specs_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = load_specs(specs_dir, "specs")
    monkeypatch.setattr(load, "CParser", None)
    slow = load_specs(specs_dir, "specs")
    assert fast.document == slow.document
    assert fast.webhooks == slow.webhooks
    assert {n: f.data for n, f in fast.files.items()} == {n: f.data for n, f in slow.files.items()}


# Each a spec file whose reading is not plain: the loader's problem (or data) must be the same
# with both readers, whichever reads it.
AWKWARD = {
    "empty-values": spec(GET_THINGS) + "x-a:\nx-b: [1, 2]\nx-c:\n  - \n  - 2\n",
    "empty-value-problem": HEADER + "paths:\n  /v1/things:\n    get:\n      responses:\n",
    "empty-value-then-comment": HEADER + "paths:  # none yet\n",
    "scalars": spec(GET_THINGS)
    + "x-v: [1_000, 0o17, 0x1F, .inf, -.inf, .nan, ~, null, true, False, 2024-01-02,"
    + " 2024-01-02T03:04:05Z, 1e3, '1', \"\\u00e9\", !!str 7]\n",
    "keys-that-are-not-strings": spec(GET_THINGS) + "x-k: {1: a, 1.5: b, true: c, ~: d}\n",
    "keys-that-read-alike": spec(GET_THINGS) + "x-k: {1: a, '1': b}\n",
    "duplicate-key": spec(GET_THINGS) + "x-k: {a: 1, a: 2}\n",
    "complex-key": spec(GET_THINGS) + "x-k: {[a]: 1}\n",
    "empty-key": spec(GET_THINGS) + "x-k:\n  : 1\n",
    "merge-key": spec(GET_THINGS) + "x-k:\n  <<: {a: 1}\n  b: 2\n",
    "anchor-and-alias": spec(GET_THINGS) + "x-a: &a {b: 1}\nx-b: *a\n",
    "tag": spec(GET_THINGS) + "x-t: !custom {a: 1}\n",
    "directive": "%YAML 1.1\n---\n" + spec(GET_THINGS) + "x-y: yes\n",
    "two-documents": spec(GET_THINGS) + "---\nother: 1\n",
    "tab": spec(GET_THINGS) + "x-t:\n\t- 1\n",
    "wrong-type-at-an-empty-value": HEADER
    + "paths:\n  /v1/things:\n    get:\n      summary:\n      responses: {'200': {description: OK}}\n"
    + "      parameters:\n        -\n",
    "unicode-line-breaks": spec(GET_THINGS) + 'x-u: "a\u2028b"\nx-v: c\u0085d\nx-w: [1,\n  2]\n',
    "bom": "\ufeff" + spec(GET_THINGS),
    "json": '{"openapi": "3.0.2", "info": {"title": "T", "version": "1"}, "paths": {"/v1/x": '
    '{"get": {"responses": {"200": {"description": null}}}}}}\n',
}


def outcome(folder: Path, name: str, text: str) -> object:
    suffix = ".json" if name == "json" else ".yaml"
    try:
        loaded = load_specs(write_specs(folder, {f"{name}{suffix}": text}), "specs")
    except SpecError as exc:
        return [str(problem) for problem in exc.problems]
    return [spec_file.data for spec_file in loaded.files.values()]


@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_an_awkward_file_gives_the_same_data_or_problems_with_either_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    fast = outcome(tmp_path / "fast", name, AWKWARD[name])
    monkeypatch.setattr(load, "CParser", None)
    assert fast == outcome(tmp_path / "pure", name, AWKWARD[name])


def test_an_empty_value_is_located_where_ruamel_puts_it(tmp_path: Path) -> None:
    text = spec(GET_THINGS) + "x-a:\nx-b: 1\n"
    data, positions = load._read_with_libyaml(text)
    # libyaml's mark for x-a's empty value is after its colon (line 11, 0-based 10)...
    assert positions[2]["x-a"][2] == (10, 4, load.EMPTY)
    # ... ruamel's, which every message has named, is the next key's.
    assert SpecFile("x.yaml", positions, data, text).locate(("x-a",)) == Location("x.yaml", 12, 1)
    assert SpecFile("x.yaml", *reversed(pure(text)), text).locate(("x-a",)) == Location(
        "x.yaml", 12, 1
    )


def test_nesting_libyaml_would_crash_on_is_refused_at_the_cap(tmp_path: Path) -> None:
    # libyaml's own composer recurses in C: 100,000 levels overflow the stack and kill the
    # process. Read event by event, the file stops at the 101st level.
    text = spec(GET_THINGS) + "x-deep: " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(load.CapExceeded) as raised:
        load._read_with_libyaml(text)
    assert (raised.value.line, raised.value.column, raised.value.message) == (
        10,
        107,
        "nested deeper than 100 levels, the most a spec file may have",
    )


@pytest.mark.usefixtures("reader")
def test_a_file_of_too_many_values_stops_at_the_same_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "MAX_VALUES", 40)
    text = spec(GET_THINGS) + "x-many: {" + ", ".join(f"k{i}: [{i}]" for i in range(30)) + "}\n"
    with pytest.raises(SpecError) as raised:
        load_specs(write_specs(tmp_path / "specs", {"many.yaml": text}), "specs")
    # 11 values before x-many's mapping (see test_generator_safety.py), then a key's list and
    # its item for each key: the 41st value is k14's list.
    column = text.splitlines()[10].index("[14]") + 1
    assert [str(p) for p in raised.value.problems] == [
        f"specs/many.yaml:11:{column}: holds more than 40 values (aliases expanded),"
        " the most a spec file may have"
    ]
