"""Stage 1: read every spec file (YAML or JSON), merge them into one OpenAPI document, check it.

Each file is read with libyaml's parser (ruamel.yaml.clib) into plain data and the line and
column of every value, so that every problem (bad YAML, a wrong type, an unknown `$ref`, a
conflict between files) can be reported as `file:line:column: what is wrong`. What libyaml's
reading leaves in doubt (a YAML error, an alias, a tag...) is read by ruamel.yaml's pure-Python
round-trip loader, whose data and messages are the reference; so is every file where
ruamel.yaml.clib is not installed.

Only files inside the specs folder are read, whether named by a `$ref` or reached through a
symbolic link. The API's operations are OpenAPI 3.0 documents; its webhook reference is an
OpenAPI 3.1 document holding a `webhooks` map (and its own `info` and `tags`), read beside them.
Each file is read within fixed caps (its size, its nesting depth and the number
of values it holds once its aliases are expanded), so that no input, however hostile, takes
unbounded time or memory: a file past a cap is a located problem naming the cap.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic
import ruamel.yaml
from openapi_pydantic.v3.v3_0 import OpenAPI, PathItem
from openapi_pydantic.v3.v3_1 import OpenAPI as OpenAPI31
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError

try:
    # libyaml's parser, from ruamel.yaml.clib: the events of a spec file, with their positions,
    # ten times as fast as ruamel's pure-Python parser (see `_read_with_libyaml`).
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]
except ImportError:  # no build of it for this platform: the pure parser reads every file
    CParser = None

from generator.cache import Cache, digest
from generator.problems import Location, Problem, SpecError

# JSON documents are read by the same YAML parser (JSON is YAML's flow style), which gives
# their nodes' positions; Python's json module checks first that they are JSON.
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
YAML_NAMESPACE = "yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Top-level sections whose value must be the same in every file that has it.
SHARED_SECTIONS = ("openapi", "info", "servers", "externalDocs")
# The one OpenAPI 3.1 construct read: the webhook reference's map of events (the rest of the
# pipeline reads OpenAPI 3.0, so its schemas are turned into 3.0's form, see `as_openapi_30`).
WEBHOOKS = "webhooks"

# The caps on one spec file. The largest real spec is about 40 KB, 700 values and 16 levels
# deep, all 36 together about 11,000 values; the caps leave room for far bigger files while
# bounding a run's time and memory whatever a file holds (pure-Python ruamel takes about a
# second per 5,000 values, and an alias bomb of under 1 KB stands for billions of them).
MAX_SPEC_BYTES = 1024 * 1024
MAX_DEPTH = 100
MAX_VALUES = 50_000
# The one rule for both ways a spec could name a file elsewhere: a `$ref` and a symbolic link.
OUTSIDE_THE_FOLDER = "names a file that is not in the specs folder"

Pointer = tuple[str | int, ...]
# Mappings whose keys are names chosen by the spec's author, not OpenAPI keywords.
NAMED_MAPS = frozenset(
    {
        "properties",
        "headers",
        "schemas",
        "responses",
        "parameters",
        "requestBodies",
        "securitySchemes",
        "links",
        "callbacks",
        "content",
        "encoding",
        "variables",
    }
)


# Where each value of a spec file is, as (line, column, inner), 0-based like ruamel's marks:
# `inner` is {key: (key's line, key's column, value's Position)} for a mapping, a list of the
# items' Positions for a sequence, None for a scalar, and EMPTY for an empty value (`key:` and
# nothing more) as libyaml read it, which places it where ruamel does not.
Position = tuple[int, int, Any]
EMPTY = "empty"


@dataclass
class SpecFile:
    """One parsed spec file: plain data for validation, and where each value of it is."""

    name: str
    positions: Position
    data: dict[str, Any]
    text: str = field(default="", repr=False, compare=False)
    # The positions ruamel's pure reader gives, read only when a problem is at an EMPTY value.
    _ruamel_positions: Position | None = field(default=None, repr=False, compare=False)

    def locate(self, pointer: Sequence[str | int], *, key: bool = False) -> Location:
        """Position of the deepest node on `pointer` that exists (of its key if `key`)."""
        line, column, inner = _walk(self.positions, pointer, key)
        if inner == EMPTY:
            # ruamel's place for it, which every message has said so far (and, with no
            # libyaml, still says): ruamel puts it at the next token, libyaml after the colon.
            if self._ruamel_positions is None:
                tree = _yaml().load(self.text)
                self._ruamel_positions = _positions(tree, *_node_position(tree))
            line, column, _ = _walk(self._ruamel_positions, pointer, key)
        return Location(self.name, line + 1, column + 1)


def _walk(positions: Position, pointer: Sequence[str | int], key: bool) -> Position:
    """The position of the deepest node on `pointer` that exists (of its key if `key`), and
    what that node holds (None for a key)."""
    line, column, inner = positions
    for index, step in enumerate(pointer):
        # A mapping's keys are the plain data's, strings (YAML reads `200:` as an int).
        if isinstance(inner, dict) and (entry := inner.get(str(step))) is not None:
            key_line, key_column, (line, column, inner) = entry
            if key and index == len(pointer) - 1:
                return key_line, key_column, None
        elif isinstance(inner, list) and isinstance(step, int) and step < len(inner):
            line, column, inner = inner[step]
        else:
            break
    return line, column, inner


@dataclass
class LoadedSpec:
    """The merged, validated document and where each part of it came from."""

    document: OpenAPI
    files: dict[str, SpecFile]
    operation_files: dict[tuple[str, str], str] = field(default_factory=dict)
    component_files: dict[tuple[str, str], str] = field(default_factory=dict)
    path_item_files: dict[tuple[str, str], str] = field(default_factory=dict)  # path-level keys
    # The webhook events (OpenAPI 3.1 `webhooks` map) by name, in 3.0's form, and their files.
    webhooks: dict[str, PathItem] = field(default_factory=dict)
    webhook_files: dict[str, str] = field(default_factory=dict)

    def locate(self, file: str, pointer: Sequence[str | int], *, key: bool = False) -> Location:
        return self.files[file].locate(pointer, key=key)


def load_specs(
    specs_dir: Path, display_dir: str | None = None, *, cache: Cache | None = None
) -> LoadedSpec:
    """Read, merge and validate every spec file in `specs_dir`; raise SpecError on any problem.

    `display_dir` is how the folder is named in messages (the path as the user typed it).
    With a cache, a file parsed before is not parsed again (see `_parse_yaml`).
    """
    display = display_dir if display_dir is not None else str(specs_dir)
    paths = sorted(
        (p for p in specs_dir.rglob("*") if p.suffix in SPEC_SUFFIXES and p.is_file()),
        key=lambda p: p.relative_to(specs_dir).as_posix(),
    )
    if not paths:
        patterns = ", ".join(f"*{suffix}" for suffix in SPEC_SUFFIXES)
        raise SpecError([Problem(None, f"{display}: no spec files ({patterns}) found")])

    problems: list[Problem] = []
    files: dict[str, SpecFile] = {}
    folder = specs_dir.resolve()
    for path in paths:
        name = f"{display.rstrip('/')}/{path.relative_to(specs_dir).as_posix()}"
        if not path.resolve().is_relative_to(folder):
            message = f"symbolic link to '{os.readlink(path)}' {OUTSIDE_THE_FOLDER}"
            problems.append(Problem(Location(name, 1, 1), message))
            continue
        spec_file = _parse_file(path, name, problems, cache)
        if spec_file is not None:
            problems.extend(_validate(spec_file))
            files[name] = spec_file
    if problems:
        raise SpecError(problems)

    merged = _Merger(files)
    document_data = merged.merge()
    problems.extend(merged.problems)
    problems.extend(_check_refs(files, document_data))
    if problems:
        raise SpecError(problems)

    return LoadedSpec(
        document=OpenAPI.model_validate(document_data),
        files=files,
        operation_files=merged.operation_files,
        component_files=merged.component_files,
        path_item_files=merged.path_item_files,
        webhooks={name: PathItem.model_validate(item) for name, item in merged.webhooks.items()},
        webhook_files=merged.webhook_files,
    )


def _parse_file(
    path: Path, name: str, problems: list[Problem], cache: Cache | None = None
) -> SpecFile | None:
    language = "JSON" if path.suffix == ".json" else "YAML"
    with path.open("rb") as stream:
        raw = stream.read(MAX_SPEC_BYTES + 1)
    if len(raw) > MAX_SPEC_BYTES:
        message = (
            f"larger than {MAX_SPEC_BYTES:,} bytes, the most a spec file may have"
            " (one endpoint per file is the habit here)"
        )
        problems.append(Problem(Location(name, 1, 1), message))
        return None
    try:
        # Line breaks as Python's text mode reads them, so positions are an editor's.
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        problems.append(Problem(Location(name, 1, 1), f"not UTF-8 text: {exc.reason}"))
        return None
    json_data = None
    if path.suffix == ".json":
        # YAML would take comments, single quotes and bare words that no JSON reader does, and
        # reads an escaped surrogate pair (`"\ud83d\ude00"`) as two lone surrogates: the values
        # are JSON's, the YAML tree gives only their positions.
        try:
            json_data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(Location(name, exc.lineno, exc.colno), f"invalid JSON: {exc.msg}")
            )
            return None
        except RecursionError:
            pass  # nested past any cap: the YAML reader below says where, naming the cap
    try:
        data, positions = _read_yaml(text, cache)
    except CapExceeded as exc:
        problems.append(Problem(Location(name, exc.line + 1, exc.column + 1), exc.message))
        return None
    except MaxDepthExceededError as exc:
        mark = exc.problem_mark
        location = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name, 1, 1)
        problems.append(Problem(location, _too_deep()))
        return None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "unreadable"
        problems.append(Problem(Location(name, line, column), f"invalid {language}: {what}"))
        return None
    except ReaderError as exc:
        # A character YAML does not allow (a NUL byte, say); `position` counts characters.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = f"invalid {language}: character U+{exc.character:04X} is not allowed in YAML"
        problems.append(Problem(Location(name, line, column), message))
        return None
    if not isinstance(positions[2], dict):
        kind = "an empty file" if data is None else _describe(data)
        message = f"a spec file must hold an OpenAPI document (a mapping), got {kind}"
        problems.append(Problem(Location(name, 1, 1), message))
        return None
    data = data if json_data is None else json_data
    return SpecFile(name=name, positions=positions, data=data, text=text)


def _read_yaml(text: str, cache: Cache | None) -> tuple[Any, Position]:
    """The plain data of `text` and its positions; from the cache if it has them.

    libyaml (`_read_with_libyaml`) reads a spec file in a few milliseconds, pure-Python ruamel
    in about 8 ms per 100 lines; unpickling what either read before takes less than both. Only
    files that read without a problem are kept: a problem is always found (and located) by
    ruamel itself. The cache is the project's own folder, trusted as its source files are
    (unpickling runs code it names).
    """
    if cache is None:
        return _read_uncached(text)
    caps = f"{MAX_DEPTH} {MAX_VALUES}"
    key = digest("plain data and positions", ruamel.yaml.__version__, sys.version, caps, text)
    stored = cache.get(YAML_NAMESPACE, key)
    if stored is not None:
        try:
            data, positions = pickle.loads(stored)
            return data, positions
        except Exception:  # written by an incompatible build of a library: read again
            pass
    read = _read_uncached(text)
    cache.put(YAML_NAMESPACE, key, pickle.dumps(read, protocol=5))
    return read


def _read_uncached(text: str) -> tuple[Any, Position]:
    if CParser is not None:
        try:
            return _read_with_libyaml(text)
        except _Unsure:
            pass
    tree = _yaml().load(text)
    data = plain(tree)
    return data, _positions(tree, *_node_position(tree))


def _node_position(node: Any) -> tuple[int, int]:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        return node.lc.line, node.lc.col
    return 0, 0


def _positions(node: Any, line: int, column: int) -> Position:
    """The positions of ruamel's round-trip tree, whose nodes know their keys' and items'."""
    if isinstance(node, CommentedMap):
        entries: dict[str, tuple[int, int, Position]] = {}
        for key, value in node.items():
            # Keys that read as the same string (`1` and `"1"`): the plain data's, a string,
            # is the one a pointer names.
            # A key merged in (`<<: *base`) has no position of its own: its mapping's.
            key_line, key_column, value_line, value_column = node.lc.data.get(
                key, (line, column, line, column)
            )
            if str(key) not in entries or isinstance(key, str):
                value_position = _positions(value, value_line, value_column)
                entries[str(key)] = (key_line, key_column, value_position)
        return line, column, entries
    if isinstance(node, CommentedSeq):
        items = [_positions(item, *node.lc.item(index)) for index, item in enumerate(node)]
        return line, column, items
    return line, column, None


class _Unsure(Exception):
    """libyaml's events hold something `_read_with_libyaml` leaves to ruamel's pure reader,
    whose data and messages are the reference: an alias (its expansion has caps of its own),
    a tag or a directive, a key that is not a scalar or is read twice, a second document, a
    YAML error (libyaml words it differently)."""


def _read_with_libyaml(text: str) -> tuple[Any, Position]:
    """The plain data and positions of `text`, from libyaml's events (ruamel.yaml.clib), the
    same as ruamel's round-trip reader and `plain` give, ten times as fast.

    The nodes are built here, with a stack rather than recursion (libyaml's own composer
    recurses in C, and a file nested a few thousand levels deep crashes the process), the
    caps counted as `_CountingComposer` counts them; each scalar is typed by ruamel's own
    resolver and constructor, so that `1_000`, `0o17`, `~` or `2024-01-01` read the same.
    """
    parser = CParser(text)
    try:
        parser.get_event()  # the stream's start
        event = parser.get_event()
        if isinstance(event, StreamEndEvent):
            return None, (0, 0, None)
        if event.version is not None or event.tags:  # %YAML or %TAG
            raise _Unsure
        root: tuple[Any, Position] | None = None
        values = 0
        # The mappings and sequences being read, outermost first: [data, positions of its
        # keys or items, the key whose value comes next (a mapping's), its line, its column,
        # the keys read so far as ruamel compares them (a mapping's)].
        stack: list[list[Any]] = []
        while root is None:
            event = parser.get_event()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                data, inner, _, line, column, _ = stack.pop()
                value, position = data, (line, column, inner)
            else:
                mark = event.start_mark
                top = stack[-1] if stack else None
                is_key = top is not None and isinstance(top[0], dict) and top[2] is None
                if not is_key:
                    values += 1
                    if values > MAX_VALUES:
                        raise CapExceeded(mark.line, mark.column, _too_many())
                if len(stack) + 1 > MAX_DEPTH:
                    raise CapExceeded(mark.line, mark.column, _too_deep())
                if kind is AliasEvent or event.tag is not None:
                    raise _Unsure
                if kind is MappingStartEvent or kind is SequenceStartEvent:
                    if is_key:
                        raise _Unsure
                    if kind is MappingStartEvent:
                        stack.append([{}, {}, None, mark.line, mark.column, set()])
                    else:
                        stack.append([[], [], None, mark.line, mark.column, None])
                    continue
                # A plain scalar is typed by its text; a quoted or block one is a string.
                value = _plain_scalar(event.value) if event.implicit[0] else event.value
                empty = not event.value and event.implicit[0]
                if is_key:
                    assert top is not None
                    # Read twice, or two keys that are one string in the plain data.
                    if empty or value in top[5] or str(value) in top[0]:
                        raise _Unsure
                    top[5].add(value)
                    top[2] = (str(value), mark.line, mark.column)
                    continue
                position = (mark.line, mark.column, EMPTY if empty else None)
            if not stack:
                root = value, position
            elif isinstance(stack[-1][0], dict):
                key, key_line, key_column = stack[-1][2]
                stack[-1][0][key] = value
                stack[-1][1][key] = (key_line, key_column, position)
                stack[-1][2] = None
            else:
                stack[-1][0].append(value)
                stack[-1][1].append(position)
        parser.get_event()  # the document's end
        if not isinstance(parser.get_event(), StreamEndEvent):
            raise _Unsure
        return root
    except (YAMLError, ValueError):
        raise _Unsure from None
    finally:
        parser.dispose()


@functools.lru_cache(maxsize=8192)
def _plain_scalar(text: str) -> Any:
    """The plain value of a plain scalar (unquoted, untagged), typed as ruamel's round-trip
    reader types it, with its own resolver and constructor, and made plain as `plain` makes
    it. Its text alone decides, and spec files repeat their words: a run types each once."""
    resolver, constructor = _scalar_typing()
    tag = str(resolver.resolve(ScalarNode, text, (True, False)))
    if tag == "tag:yaml.org,2002:str":
        return text
    if tag not in _PLAIN_TAGS:  # `<<` (a merge), or `=`
        raise _Unsure
    return _leaf(constructor.construct_non_recursive_object(ScalarNode(tag, text, None, None)))


@functools.cache
def _scalar_typing() -> tuple[Any, Any]:
    yaml = _yaml()
    return yaml.resolver, yaml.constructor


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    # ruamel composes nodes recursively: without a cap, deep nesting is a RecursionError.
    yaml.max_depth = MAX_DEPTH
    yaml.Composer = _CountingComposer
    return yaml


class _CountingComposer(Composer):  # type: ignore[misc]
    """Stops at the value past MAX_VALUES as it is read (each alias counted once), so that a
    file of many small values costs no more than the cap: `plain` counts aliases expanded."""

    values = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        # Mapping keys (composed with no index) are not values, as `plain` counts them.
        if parent is None or index is not None:
            self.values += 1
        if self.values > MAX_VALUES:
            mark = self.parser.peek_event().start_mark
            raise CapExceeded(mark.line, mark.column, _too_many())
        return super().compose_node(parent, index)


def _too_deep() -> str:
    return f"nested deeper than {MAX_DEPTH} levels, the most a spec file may have"


def _too_many() -> str:
    return (
        f"holds more than {MAX_VALUES:,} values (aliases expanded), the most a spec file may have"
    )


class CapExceeded(Exception):
    """A file holds more than a cap allows; `line` and `column` are 0-based, as ruamel's."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def plain(node: Any) -> Any:
    """ruamel's node types as plain Python values, so nothing downstream sees ruamel.

    An alias is expanded into a copy of what it names, so the values made are counted and
    their depth checked: raises CapExceeded, at the mapping or list being expanded, past
    MAX_VALUES values or MAX_DEPTH levels (an alias can nest an anchor deeper than it was
    written, or inside itself).
    """
    return _Plain().convert(node, 1, (0, 0))


class _Plain:
    def __init__(self) -> None:
        self.values = 0

    def convert(self, node: Any, depth: int, where: tuple[int, int]) -> Any:
        if isinstance(node, (CommentedMap, CommentedSeq)):
            where = (node.lc.line, node.lc.col)
        self.values += 1
        if self.values > MAX_VALUES:
            raise CapExceeded(*where, _too_many())
        if depth > MAX_DEPTH:
            raise CapExceeded(*where, _too_deep() + " (aliases expanded)")
        if isinstance(node, dict):
            return {str(k): self.convert(v, depth + 1, where) for k, v in node.items()}
        if isinstance(node, list):
            return [self.convert(v, depth + 1, where) for v in node]
        return _leaf(node)


def _leaf(node: Any) -> Any:
    """A scalar of ruamel's as a plain Python value."""
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    return str(node)


def is_webhook_document(data: dict[str, Any]) -> bool:
    """An OpenAPI 3.1 document: the webhook reference (the API's operations are 3.0)."""
    version = data.get("openapi")
    return isinstance(version, str) and version.startswith("3.1")


def _validate(spec_file: SpecFile) -> Iterator[Problem]:
    data = spec_file.data
    version = data.get("openapi")
    if is_webhook_document(data):
        yield from _validate_webhook_document(spec_file)
        return
    if not (isinstance(version, str) and version.startswith("3.0")):
        location = spec_file.locate(("openapi",))
        yield Problem(
            location,
            "only OpenAPI 3.0 documents (and 3.1 documents of webhooks) are supported,"
            f" got openapi: {version!r}",
        )
        return
    yield from _pydantic_problems(spec_file, OpenAPI, data)


def _validate_webhook_document(spec_file: SpecFile) -> Iterator[Problem]:
    """A 3.1 document holds webhooks only; valid as 3.1, and in 3.0's form as the IR reads it."""
    data = spec_file.data
    if data.get("paths"):
        message = (
            "an OpenAPI 3.1 document is read for its 'webhooks' only;"
            " put paths in an OpenAPI 3.0 document"
        )
        yield Problem(spec_file.locate(("paths",), key=True), message)
        return
    if not isinstance(data.get(WEBHOOKS), dict) or not data[WEBHOOKS]:
        message = "an OpenAPI 3.1 document is read for its 'webhooks' map, and this one has none"
        yield Problem(spec_file.locate(("openapi",), key=True), message)
        return
    problems = list(_pydantic_problems(spec_file, OpenAPI31, data))
    for pointer, types in [] if problems else _type_lists(data, ()):
        message = (
            f"'type': a list of several types ({', '.join(map(str, types))}) is not supported;"
            " use 'anyOf'"
        )
        problems.append(Problem(spec_file.locate(pointer), message))
    if not problems:
        # The same checks the IR's 3.0 models make, the webhooks standing where paths stand.
        converted = {k: v for k, v in as_openapi_30(data).items() if k != WEBHOOKS}
        converted["openapi"] = "3.0.3"
        converted["paths"] = as_openapi_30(data[WEBHOOKS], keys_are_names=True)
        problems = list(
            _pydantic_problems(spec_file, OpenAPI, converted, rename=("paths", WEBHOOKS))
        )
    yield from problems


def _pydantic_problems(
    spec_file: SpecFile,
    model: type[pydantic.BaseModel],
    data: dict[str, Any],
    rename: tuple[str, str] | None = None,
) -> Iterator[Problem]:
    """`data` validated as `model`, each error located in the file; `rename` maps the first
    step of an error's location to the document's own key."""
    try:
        model.model_validate(data)
    except pydantic.ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if rename is not None and loc[:1] == rename[:1]:
                error = {**error, "loc": (rename[1], *loc[1:])}
            problem = _problem_from_pydantic(spec_file, error)
            if problem is not None:
                yield problem


def _type_lists(
    node: Any, pointer: Pointer, keys_are_names: bool = False
) -> Iterator[tuple[Pointer, list[Any]]]:
    """Each schema's `type` that lists several types besides null, which 3.0 cannot say."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _type_lists(item, (*pointer, index))
    elif isinstance(node, dict):
        types = None if keys_are_names else node.get("type")
        if isinstance(types, list) and len([t for t in types if t != "null"]) > 1:
            yield (*pointer, "type"), types
        for key, value in node.items():
            if keys_are_names or not (key in ("example", "examples") or key.startswith("x-")):
                names = not keys_are_names and (key in NAMED_MAPS or key == WEBHOOKS)
                yield from _type_lists(value, (*pointer, key), names)


def as_openapi_30(node: Any, keys_are_names: bool = False) -> Any:
    """A 3.1 document's values in OpenAPI 3.0's form: a schema's type list (`type: [string,
    "null"]`) becomes its one type and `nullable: true`; 3.0's own `nullable: true`, which the
    webhook reference uses although it declares 3.1, stays. A list of several types besides
    null is left as it is (`_type_lists` finds it, a problem). Examples and extensions are
    data, kept as written; in a map of names (`properties`, `webhooks`...) a key is a name."""
    if isinstance(node, list):
        return [as_openapi_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {}
    for key, value in node.items():
        if not keys_are_names and (key in ("example", "examples") or key.startswith("x-")):
            converted[key] = value
        else:
            names = not keys_are_names and (key in NAMED_MAPS or key == WEBHOOKS)
            converted[key] = as_openapi_30(value, names)
    types = None if keys_are_names else node.get("type")
    if isinstance(types, list):
        named = [t for t in types if t != "null"]
        if len(named) <= 1:
            if named:
                converted["type"] = named[0]
            else:
                del converted["type"]
            if "null" in types:
                converted["nullable"] = True
    return converted


def _problem_from_pydantic(spec_file: SpecFile, error: Any) -> Problem | None:
    loc = tuple(error["loc"])
    # openapi-pydantic tries `Reference` first for every schema-or-reference slot; a plain
    # schema fails that branch with "$ref missing", which says nothing about the real problem.
    if error["type"] == "missing" and loc[-2:] == ("Reference", "$ref"):
        return None
    pointer = _document_pointer(spec_file.data, loc)
    missing = error["type"] == "missing"
    if missing:
        what = f"missing required field '{loc[-1]}'"
    elif error["type"] in ("model_type", "dict_type", "model_attributes_type"):
        what = f"'{pointer[-1] if pointer else 'document'}' must be a mapping, got {_describe(error['input'])}"
    else:
        message = error["msg"][0].lower() + error["msg"][1:]
        what = f"'{pointer[-1] if pointer else 'document'}': {message}, got {_describe(error['input'])}"
    return Problem(spec_file.locate(pointer), what)


def _document_pointer(data: Any, loc: Sequence[Any]) -> Pointer:
    """The steps of a pydantic error location that exist in the document (union tags dropped)."""
    pointer: list[str | int] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
            pointer.append(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            pointer.append(step)
    return tuple(pointer)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Merger:
    """Merges the files into one document; the same thing defined twice must be identical."""

    def __init__(self, files: dict[str, SpecFile]) -> None:
        self.files = files
        self.problems: list[Problem] = []
        self.operation_files: dict[tuple[str, str], str] = {}
        self.component_files: dict[tuple[str, str], str] = {}
        self.path_item_files: dict[tuple[str, str], str] = {}
        self.webhooks: dict[str, Any] = {}
        self.webhook_files: dict[str, str] = {}
        # Where each merged value came from: pointer -> file name.
        self._origin: dict[Pointer, str] = {}

    def merge(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for name, spec_file in self.files.items():
            data = spec_file.data
            if is_webhook_document(data):
                self._merge_webhooks(merged, data, name)
                continue
            for section in SHARED_SECTIONS:
                if section in data:
                    self._put(merged, (section,), data[section], name, what=f"'{section}'")
            self._merge_tags(merged, data, name)
            self._merge_paths(merged, data, name)
            self._merge_components(merged, data, name)
            for key, value in data.items():
                if key.startswith("x-"):
                    self._put(merged, (key,), value, name, what=f"'{key}'")
        merged.setdefault("paths", {})
        return merged

    def _merge_components(self, merged: dict[str, Any], data: dict[str, Any], name: str) -> None:
        for section, entries in sorted((data.get("components") or {}).items()):
            for entry, value in (entries or {}).items():
                pointer = ("components", section, entry)
                if self._put(merged, pointer, value, name, what=f"component {section}/{entry}"):
                    self.component_files[(section, entry)] = name

    def _merge_webhooks(self, merged: dict[str, Any], data: dict[str, Any], name: str) -> None:
        """A webhook document's events, and its components (which its `$ref`s name), in 3.0's
        form; its `info` and `tags` are its own, not the API's, so they are not merged."""
        converted = as_openapi_30(data)
        self._merge_components(merged, converted, name)
        holder = {WEBHOOKS: self.webhooks}
        for event, item in converted[WEBHOOKS].items():
            if self._put(holder, (WEBHOOKS, event), item, name, what=f"webhook '{event}'"):
                self.webhook_files[event] = name

    def _merge_tags(self, merged: dict[str, Any], data: dict[str, Any], name: str) -> None:
        known = {tag["name"]: index for index, tag in enumerate(merged.get("tags", []))}
        for index, tag in enumerate(data.get("tags", [])):
            if tag["name"] not in known:
                known[tag["name"]] = len(known)
                merged.setdefault("tags", []).append(tag)
                self._origin[("tags", tag["name"])] = name
            elif merged["tags"][known[tag["name"]]] != tag:
                first = self._origin[("tags", tag["name"])]
                self._conflict(name, ("tags", index), first, ("tags",), f"tag '{tag['name']}'")

    def _merge_paths(self, merged: dict[str, Any], data: dict[str, Any], name: str) -> None:
        # A file-level `security` applies to that file's operations only, so it moves down
        # onto each of them before the files are merged.
        file_security = data.get("security")
        for path, item in data.get("paths", {}).items():
            for key, value in item.items():
                pointer = ("paths", path, key)
                if key in HTTP_METHODS:
                    if file_security is not None and "security" not in value:
                        value = {**value, "security": file_security}
                    what = f"{key.upper()} {path}"
                    if self._put(merged, pointer, value, name, what=what):
                        self.operation_files[(path, key)] = name
                elif self._put(merged, pointer, value, name, what=f"'{key}' of path {path}"):
                    self.path_item_files[(path, key)] = name

    def _put(
        self, merged: dict[str, Any], pointer: tuple[str, ...], value: Any, name: str, *, what: str
    ) -> bool:
        """Set merged[pointer] = value; True if it was new, a problem if it differs."""
        parent = merged
        for step in pointer[:-1]:
            parent = parent.setdefault(step, {})
        last = pointer[-1]
        if last not in parent:
            parent[last] = value
            self._origin[pointer] = name
            return True
        if parent[last] != value:
            self._conflict(name, pointer, self._origin[pointer], pointer, what)
        return False

    def _conflict(
        self, name: str, pointer: Pointer, first: str, first_pointer: Pointer, what: str
    ) -> None:
        here = self.files[name].locate(pointer, key=True)
        there = self.files[first].locate(first_pointer, key=True)
        self.problems.append(Problem(here, f"{what} is already defined differently in {there}"))


def _check_refs(files: dict[str, SpecFile], merged: dict[str, Any]) -> Iterator[Problem]:
    """Every `$ref` must point at something; only refs inside the specs folder are followed."""
    for name, spec_file in files.items():
        for pointer, ref in _refs(spec_file.data, ()):
            target_file, _, fragment = ref.partition("#")
            if target_file:
                target_name = _sibling(name, target_file)
                if target_name not in files:
                    message = f"$ref '{ref}' {OUTSIDE_THE_FOLDER}"
                    yield Problem(spec_file.locate(pointer), message)
                    continue
                document = files[target_name].data
            else:
                document = merged
            if _resolve_pointer(document, fragment) is None:
                yield Problem(
                    spec_file.locate(pointer), f"$ref '{ref}' does not resolve to anything"
                )


def _refs(
    node: Any, pointer: Pointer, keys_are_names: bool = False
) -> Iterator[tuple[Pointer, str]]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield (*pointer, "$ref"), ref
        for key, value in node.items():
            # Examples and extensions are data: a "$ref" inside one is not a reference. In a
            # map of names (`properties`, `headers`...) the same words are only names, and a
            # property called `content` holds a schema, not a map of names.
            if not keys_are_names and (key in ("example", "examples") or str(key).startswith("x-")):
                continue
            yield from _refs(value, (*pointer, key), not keys_are_names and key in NAMED_MAPS)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _refs(value, (*pointer, index))


def _sibling(name: str, relative: str) -> str:
    parts = name.split("/")[:-1]
    for part in relative.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _resolve_pointer(document: Any, fragment: str) -> Any:
    if not fragment.startswith("/"):
        return None
    node = document
    for raw in fragment[1:].split("/"):
        step = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return None
    return node
