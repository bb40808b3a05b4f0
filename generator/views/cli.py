"""The command line's view: every command, argument and flag of `magic-hour`, from the Python
view, as the data the generated package's `magic_hour/cli/commands.json` holds.

The runtime (`templates/runtime/cli/`) builds its commands from that data alone, `magic-hour
schema` prints it, and the docs view lays out the CLI page from the same objects, so a name
is decided here once.

- A group per resource, under its parents' groups (a namespace that is the only one and has
  no command of its own, `v1`, is left out); a command per method (`create`, `get`,
  `delete`...), `generate` beside a project's create, `wait` and `download` beside the get that
  `check_result` polls, `upload` beside the operation that hands out upload URLs. A group or
  command whose name a sibling (or the command line's own `schema`, `completion`) has already
  gets a number: `wait-2`.
- A path parameter is a positional argument. Every other value of the request is a flag named
  by its field path, the words joined by `-` (`style.prompt` is `--style-prompt`); an object
  is also taken whole as JSON (`--style '{"prompt": "..."}'`), its flags set on top of it. An
  array of strings or numbers is a repeated flag, an array of objects one object a repetition;
  any other value (a union, a free-form object, an array of booleans or of arrays) takes one
  JSON value. A true-or-false value is `--x` / `--no-x`. A flag that would take a name already
  taken (another field's, or one of the command's own options, or either's `--no-` form) gets
  its location in front (`--body-format`).
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import asdict, dataclass, field
from typing import Any

from generator.conventions import (
    API_KEY_VARIABLE,
    BASE_URL_VARIABLE,
    FILE_PATH_FIELD,
    MOCK_SERVER_URL,
    MOCK_SERVER_URL_VARIABLE,
)
from generator.ir.examples import example_value
from generator.ir.workflows import DOWNLOADED_PATHS
from generator.ir.model import Schema
from generator.naming import words
from generator.views.docs import (
    cell,
    code,
    constraint_sentences,
    one_line,
    sentence,
    spec_markdown,
)
from generator.views.python.generate import LOCAL_FOLDER, WORKFLOW_ARGUMENTS, with_local_files
from generator.views.python.model import PyApi, PyArgument, PyMethod, PyResource
from generator.views.python.types import PACKAGE

PROGRAM = "magic-hour"
DISTRIBUTION = "magic-hour"  # the package's name on the package index, with its extras
COMMANDS_FILE = "cli/commands.json"
# A value of an input-file flag that means: read it from what the previous command printed.
STDIN_VALUE = "-"
# The command line's own commands, beside the groups of the API's resources.
OWN_COMMANDS = ("schema", "completion")
# The flags' rule in a few words, for `--help` (the CLI page says it at length).
FLAG_RULE = (
    "Each request value is a flag named by its field path (`style.prompt` is --style-prompt);"
    " an object also takes JSON whole (--style '{...}'); an array repeats its flag."
)


@dataclass
class ExitCode:
    name: str  # what the runtime calls it
    code: int
    meaning: str


EXIT_CODES = [
    ExitCode("ok", 0, "Done."),
    ExitCode(
        "failed",
        1,
        "The project ended `error` or `canceled` (its JSON is printed, with the error), or"
        " something failed that none of the codes below names.",
    ),
    ExitCode(
        "usage",
        2,
        "Usage or validation: an unknown command or flag, a value the spec refuses, a local file"
        " that is missing. Nothing was sent.",
    ),
    ExitCode(
        "auth",
        3,
        f"Authentication: no API key (`{API_KEY_VARIABLE}`), or the API refused it (401, 403).",
    ),
    ExitCode(
        "api",
        4,
        "API error: the API answered another error status (400, 402, 404, 422, 429, 5xx), could"
        " not be reached, or an upload or a download failed.",
    ),
    ExitCode(
        "timeout",
        5,
        "Timeout: the API did not answer in time, or the project did not finish within"
        " `--wait-timeout`. The project id and the command that resumes it are printed.",
    ),
    ExitCode(
        "interrupted",
        130,
        "Interrupted (Ctrl-C). A project that exists goes on: its id and the command that"
        " resumes it are printed.",
    ),
]


@dataclass
class CliOption:
    """A flag. `role` says what the runtime does with it: `body`, `query` and `header` set a
    request value; the others are the command's own (`format`, `dry_run`, `output_dir`...)."""

    flag: str
    role: str
    type: str  # string | integer | number | boolean | json | choice | path
    help: str
    metavar: str = ""
    # For a request value: the method's keyword argument, and the wire names below it.
    argument: str | None = None
    path: list[str] = field(default_factory=list)
    field_path: str = ""  # as the client's validation names it: `style.prompt`
    multiple: bool = False  # repeated: each value one item of an array
    whole: bool = False  # a JSON object whose fields have flags of their own too
    choices: list[Any] | None = None
    required: bool = False  # by the spec (the runtime leaves the check to the client)
    default: Any = None  # the command's own default; a request value's is the API's to apply
    input_file: bool = False  # a local file here is uploaded by `generate`; `-` reads stdin


@dataclass
class CliArgument:
    """A positional argument: a path parameter."""

    name: str  # the method's keyword argument
    metavar: str
    help: str
    field_path: str


@dataclass
class CliCommand:
    name: str
    # call (the method) | generate | wait | download (check_result) | upload (upload_file)
    kind: str
    client: list[str]  # attributes from the client to the resource's client
    method: str
    sends_first: str  # the method whose request is the command's first: what --dry-run shows
    summary: str
    help: str
    endpoint: str  # the first request it makes: `POST /v1/ai-image-generator`
    arguments: list[CliArgument]
    options: list[CliOption]  # the request's values
    own: list[str]  # the roles of the command line's own flags it takes (OWN_OPTIONS)
    # The `wait` and `download` commands (their words) that pick up the project this command
    # waits on, by kind.
    resume: dict[str, list[str]] | None
    # Runs on the mock server as it is: the command's words and flags, after PROGRAM.
    example: list[str]
    # What the example needs run first, its output in $ID: a project to download, say.
    example_setup: list[str] | None = None


@dataclass
class CliGroup:
    name: str
    help: str
    commands: list[CliCommand]
    groups: list[CliGroup]

    def walk(self) -> list[tuple[list[str], CliCommand]]:
        """Every command below, with its words (the group names and its own)."""
        found = [([self.name, c.name], c) for c in self.commands]
        for group in self.groups:
            found += [([self.name, *words], c) for words, c in group.walk()]
        return found


@dataclass
class CliView:
    program: str
    distribution: str
    summary: str
    groups: list[CliGroup]
    options: dict[str, CliOption]  # the command line's own flags, by role
    exit_codes: list[ExitCode]
    variables: dict[str, str]  # what each environment variable the CLI reads is for
    piped_fields: dict[str, Any]

    def commands(self) -> list[tuple[list[str], CliCommand]]:
        return [found for group in self.groups for found in group.walk()]


def build_cli(api: PyApi) -> CliView:
    namespaces = api.root.children
    # `v1` is no word worth typing while it is the only namespace, and has no command itself.
    only = namespaces[0] if len(namespaces) == 1 else None
    tops = only.children if only is not None and not _command_keys(only) else namespaces
    names = _Names(tops)
    groups = [_group(r, names) for r in tops]
    _set_download_examples(groups)
    summary = f"The {api.title_line} from a shell: every operation, and `generate` with progress."
    variables = {
        API_KEY_VARIABLE: "The API key (or pass it on the first line of stdin with `--api-key-stdin`).",
        BASE_URL_VARIABLE: "Where requests go instead of the production API (`--base-url`).",
        MOCK_SERVER_URL_VARIABLE: f"Where `--mock` finds the mock server (default {MOCK_SERVER_URL}).",
    }
    piped_fields = {
        "file": FILE_PATH_FIELD,
        "saved": DOWNLOADED_PATHS.wire_name,
        "outputs": sorted({w.outputs for w in api.ir.workflows}),
    }
    return CliView(
        PROGRAM, DISTRIBUTION, summary, groups, OWN_OPTIONS, EXIT_CODES, variables, piped_fields
    )


def cli_json(view: CliView) -> str:
    """The command definitions, as `magic-hour schema` prints them and the runtime reads them."""
    data = {
        "program": view.program,
        "summary": view.summary,
        "flag_rule": FLAG_RULE,
        "stdin_value": STDIN_VALUE,
        # Where a command's JSON output holds files to pipe into an input-file flag: `upload`'s
        # path, the files a generate or download saved, the outputs a project lists.
        "piped_fields": view.piped_fields,
        # Where click's completion finds what a shell asks for.
        "complete_variable": "_" + "_".join(_words(view.program)).upper() + "_COMPLETE",
        "options": {role: asdict(o) for role, o in view.options.items()},
        "exit_codes": [asdict(c) for c in view.exit_codes],
        "variables": view.variables,
        "groups": [asdict(g) for g in view.groups],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def shell_line(words_: list[str], *, wrap: bool = False) -> str:
    """A command line as a POSIX shell reads it, `$ID` left to expand; `wrap`: a long one with
    each flag on a line of its own."""
    quoted = [w if w == '"$ID"' else shlex.quote(w) for w in [PROGRAM, *words_]]
    line = " ".join(quoted)
    if not wrap or len(line) <= 100:
        return line
    parts = [quoted[0]]
    for word in quoted[1:]:
        if word.startswith("--"):
            parts.append(" \\\n  " + word)
        else:
            parts.append(" " + word)
    return "".join(parts)


# -- groups and commands --------------------------------------------------------------------


class _Names:
    """Every group's words and every command's name, decided before any command is built (an
    example names the commands of other groups): a name already taken beside its siblings, or
    by the command line's own commands, gets a number (`wait-2`), in the order of the spec."""

    def __init__(self, tops: list[PyResource]) -> None:
        self.groups: dict[str, list[str]] = {}  # by access path
        self.commands: dict[tuple[str, str], str] = {}  # by access path and `_command_keys` key
        self._visit(tops, [], set(OWN_COMMANDS))

    def _visit(self, resources: list[PyResource], parent: list[str], taken: set[str]) -> None:
        for resource in resources:
            words_ = [*parent, _unique(_kebab(resource.attribute), taken)]
            self.groups[resource.access_path] = words_
            siblings: set[str] = set()
            for key, name in _command_keys(resource):
                self.commands[(resource.access_path, key)] = _unique(name, siblings)
            self._visit(resource.children, words_, siblings)

    def command(self, resource: PyResource, key: str) -> str:
        return self.commands[(resource.access_path, key)]

    def resume(self, access_path: str) -> dict[str, list[str]] | None:
        """The words of the `wait` and `download` of the resource at `access_path`."""
        if (access_path, "wait") not in self.commands:
            return None
        group = self.groups[access_path]
        return {kind: [*group, self.commands[(access_path, kind)]] for kind in ("wait", "download")}


def _command_keys(resource: PyResource) -> list[tuple[str, str]]:
    """(key, name) of each command of a resource's group, in the order of its `--help`."""
    found = []
    for op in resource.operations:
        if op.workflow is not None:
            found.append((f"generate {op.method_name}", "generate"))
        found.append((op.method_name, _kebab(op.method_name)))
    if resource.check_result is not None:
        found += [("wait", "wait"), ("download", "download")]
    if resource.upload_file is not None:
        found.append(("upload", "upload"))
    return found


def _unique(name: str, taken: set[str]) -> str:
    found, n = name, 2
    while found in taken:
        found, n = f"{name}-{n}", n + 1
    taken.add(found)
    return found


def _group(resource: PyResource, names: _Names) -> CliGroup:
    commands: list[CliCommand] = []
    for op in resource.operations:
        if op.workflow is not None:
            commands.append(_generate_command(resource, op, names))
        commands.append(_method_command(resource, op, names))
    if resource.check_result is not None:
        commands += _check_result_commands(resource, names)
    if resource.upload_file is not None:
        commands.append(_upload_command(resource, names))
    summaries = [one_line(op.operation.summary) for op in resource.operations]
    summaries += [c.summary for c in commands if c.kind == "upload"]
    help_text = "; ".join(s for s in dict.fromkeys(summaries) if s) or f"`{resource.access_path}`."
    return CliGroup(
        name=names.groups[resource.access_path][-1],
        help=help_text,
        commands=commands,
        groups=[_group(child, names) for child in resource.children],
    )


def _client_path(resource: PyResource) -> list[str]:
    return resource.access_path.split(".")[1:]


def _method_command(resource: PyResource, op: PyMethod, names: _Names) -> CliCommand:
    arguments = [_positional(a) for a in op.arguments_in("path")]
    options = _request_options(op, input_files=[], reserved=_own_flags("call"))
    name = names.command(resource, op.method_name)
    example = [*names.groups[resource.access_path], name]
    example += [_example_id(a) for a in op.arguments_in("path")]
    example += _example_flags(options, _example_body(op, []))
    return CliCommand(
        name=name,
        kind="call",
        client=_client_path(resource),
        method=op.method_name,
        sends_first=op.method_name,
        summary=_summary(op),
        help=one_line(op.operation.description),
        endpoint=f"{op.http_method} {op.path}",
        arguments=arguments,
        options=options,
        own=OWN_ROLES["call"],
        resume=None,
        example=example,
    )


def _generate_command(resource: PyResource, op: PyMethod, names: _Names) -> CliCommand:
    workflow = op.workflow
    assert workflow is not None
    input_files = [f.path for f in workflow.workflow.input_files]
    options = _request_options(op, input_files=input_files, reserved=_own_flags("generate"))
    body = _example_body(op, input_files)
    name = names.command(resource, f"generate {op.method_name}")
    example = [*names.groups[resource.access_path], name]
    example += _example_flags(options, body)
    example += ["--output-dir", "outputs"]
    return CliCommand(
        name=name,
        kind="generate",
        client=_client_path(resource),
        method="generate",
        sends_first=op.method_name,
        summary=f"{_summary(op)}: create, wait for the result, download it.",
        help=(
            "Uploads the local files given in input-file flags, creates the project, shows its"
            " progress on stderr, and saves its outputs in --output-dir (an existing file is"
            " never replaced)."
        ),
        endpoint=f"{op.http_method} {op.path}",
        arguments=[],
        options=options,
        own=OWN_ROLES["generate"],
        resume=names.resume(workflow.getter.access_path),
        example=example,
    )


def _check_result_commands(resource: PyResource, names: _Names) -> list[CliCommand]:
    check = resource.check_result
    assert check is not None
    getter = next(op for op in resource.operations if op.method_name == check.getter_method)
    id_argument = getter.arguments_in("path")[0]
    positional = _positional(id_argument)
    endpoint = f"{getter.http_method} {getter.path}"
    group = names.groups[resource.access_path]
    commands = []
    for kind, summary, help_text in (
        (
            "wait",
            "Wait for a project by its id until it is done.",
            "Polls until the project is complete, errored or canceled, then prints it.",
        ),
        (
            "download",
            "Wait for a project by its id, then save its outputs.",
            "Polls until the project is done and saves its outputs in --output-dir (an existing"
            " file is never replaced).",
        ),
    ):
        name = names.command(resource, kind)
        example = [*group, name, _example_id(id_argument)]
        commands.append(
            CliCommand(
                name=name,
                kind=kind,
                client=_client_path(resource),
                method="check_result",
                sends_first=getter.method_name,
                summary=summary,
                help=help_text,
                endpoint=endpoint,
                arguments=[positional],
                options=[],
                own=OWN_ROLES[kind],
                resume=names.resume(resource.access_path),
                example=example,
            )
        )
    return commands


def _upload_command(resource: PyResource, names: _Names) -> CliCommand:
    upload = resource.upload_file
    assert upload is not None
    name = names.command(resource, "upload")
    return CliCommand(
        name=name,
        kind="upload",
        client=_client_path(resource),
        method="upload_file",
        sends_first="upload_file",
        summary="Upload one local file; prints the file path to give an input-file flag.",
        help=(
            "A URL, or a path already in the API's storage, is printed as it is. Its output"
            f" feeds an input-file flag of the next command given `{STDIN_VALUE}`."
        ),
        endpoint=upload.doc.endpoint,
        arguments=[CliArgument("file", "PATH", "The local file to upload.", "file")],
        options=[],
        own=OWN_ROLES["upload"],
        resume=None,
        example=[*names.groups[resource.access_path], name, f"{LOCAL_FOLDER}image.png"],
    )


def _summary(op: PyMethod) -> str:
    return one_line(op.operation.summary) or f"{op.http_method} {op.path}"


def _positional(argument: PyArgument) -> CliArgument:
    return CliArgument(
        name=argument.py_name,
        metavar=argument.py_name.upper(),
        help=one_line(argument.description),
        field_path=argument.wire_name,
    )


def _example_id(argument: PyArgument) -> str:
    value = example_value(argument.schema)
    return str(value) if value is not None else argument.wire_name


def _set_download_examples(groups: list[CliGroup]) -> None:
    """A `download` example downloads a project that a `generate --no-wait` made first: the
    spec's example project's outputs live on the API's servers, those of a project the mock
    made on the mock itself."""
    commands = [c for g in groups for _, c in g.walk()]
    for download in (c for c in commands if c.kind == "download"):
        maker = next(
            (c for c in commands if c.kind == "generate" and c.resume == download.resume), None
        )
        if maker is not None:
            download.example_setup = [*maker.example[:-2], "--no-wait"]
            download.example = [*download.example[:-1], '"$ID"', "--output-dir", "outputs"]


# -- flags ----------------------------------------------------------------------------------


def _option(flag: str, role: str, type_: str, help_text: str, **more: Any) -> CliOption:
    return CliOption(flag=flag, role=role, type=type_, help=help_text, **more)


def _own_options() -> dict[str, CliOption]:
    """The command line's own flags, by role, in the order `--help` lists them."""
    options = [
        _option(
            "--no-wait",
            "no_wait",
            "boolean",
            "Create the project and print its id without waiting for it.",
            default=False,
        ),
        _option(
            "--no-download",
            "no_download",
            "boolean",
            "Wait for the project, but save none of its outputs.",
            default=False,
        ),
        _option(
            "--output-dir",
            "output_dir",
            "path",
            _workflow_help("download_directory"),
            metavar="DIR",
            default=".",
        ),
        _option(
            "--wait-timeout",
            "wait_timeout",
            "number",
            _workflow_help("wait_timeout"),
            metavar="SECONDS",
        ),
        _option(
            "--poll-interval",
            "poll_interval",
            "number",
            _workflow_help("poll_interval"),
            metavar="SECONDS",
        ),
        _option("--quiet", "quiet", "boolean", "Show no progress on stderr.", default=False),
        _option(
            "--format",
            "format",
            "choice",
            "How to print the result: readable text, or the response as JSON (for scripts;"
            " progress and messages go to stderr).",
            choices=["text", "json"],
            default="text",
        ),
        _option(
            "--dry-run",
            "dry_run",
            "boolean",
            "Validate, then print the request (method, URL, headers with the key redacted, JSON"
            " body) instead of sending it.",
            default=False,
        ),
        _option(
            "--base-url",
            "base_url",
            "string",
            f"Send requests here (default: ${BASE_URL_VARIABLE}, else the production API).",
            metavar="URL",
        ),
        _option(
            "--mock",
            "mock",
            "boolean",
            f"Send requests to the mock server (`python -m {PACKAGE}.mock`; ${MOCK_SERVER_URL_VARIABLE}"
            f" says where it runs, default {MOCK_SERVER_URL}).",
            default=False,
        ),
        _option(
            "--api-key-stdin",
            "api_key_stdin",
            "boolean",
            f"Read the API key from the first line of stdin (default: ${API_KEY_VARIABLE}).",
            default=False,
        ),
        _option(
            "--timeout",
            "timeout",
            "number",
            "Seconds each request may take (default: 60).",
            metavar="SECONDS",
        ),
        _option(
            "--max-retries",
            "max_retries",
            "integer",
            "Retries of a request that failed on the way (default: 2; a create is never sent"
            " twice).",
            metavar="N",
        ),
    ]
    return {o.role: o for o in options}


def _workflow_help(name: str) -> str:
    text = next(t for n, _, _, t in WORKFLOW_ARGUMENTS if n == name)
    return text.replace("GenerationTimeoutError", "giving up (exit code 5)")


OWN_OPTIONS = _own_options()
# Which of them each kind of command takes.
_SENDING = ["format", "dry_run", "base_url", "mock", "api_key_stdin", "timeout", "max_retries"]
_WAITING = ["wait_timeout", "poll_interval", "quiet"]
OWN_ROLES = {
    "call": _SENDING,
    "upload": _SENDING,
    "wait": [*_WAITING, *_SENDING],
    "download": ["output_dir", *_WAITING, *_SENDING],
    "generate": ["no_wait", "no_download", "output_dir", *_WAITING, *_SENDING],
}


def _own_flags(kind: str) -> frozenset[str]:
    return frozenset(OWN_OPTIONS[role].flag for role in OWN_ROLES[kind]) | {"--help"}


def _request_options(
    op: PyMethod, *, input_files: list[tuple[str, ...]], reserved: frozenset[str]
) -> list[CliOption]:
    taken = set(reserved)
    found: list[CliOption] = []
    for argument in op.arguments:
        if argument.location == "path":
            continue
        for option in _value_options(argument, [], argument.schema, argument.required, input_files):
            negated = option.type == "boolean"  # `--audio` comes with `--no-audio`
            option.flag = _free_flag(option.flag, argument.location, taken, negated)
            taken.update(_names_of(option.flag, negated))
            found.append(option)
    return found


def _value_options(
    argument: PyArgument,
    path: list[str],
    schema: Schema,
    required: bool,
    input_files: list[tuple[str, ...]],
    description: str | None = None,
) -> list[CliOption]:
    """The flags of the value at `path` under `argument`: its own, and its fields'."""
    names = [argument.py_name.rstrip("_"), *path]
    flag = "--" + "-".join(w for name in names for w in _words(name))
    wire = (argument.wire_name, *path)
    field_path = ".".join(wire)
    help_text = _help(description if description is not None else argument.description, schema)
    common: dict[str, Any] = dict(
        argument=argument.py_name,
        path=list(path),
        field_path=field_path,
        required=required,
        metavar=_metavar(names[-1]),
    )
    deprecated = argument.deprecated if not path else schema.deprecated
    if deprecated:
        help_text = f"Deprecated. {help_text}".strip()
    if schema.kind == "object" and schema.fields:
        own = _option(
            flag,
            argument.location,
            "json",
            f"{help_text} A JSON object; the flags of its fields set on top of it.".strip(),
            whole=True,
            **common,
        )
        own.metavar = "JSON"
        children = []
        for f in schema.fields:
            children += _value_options(
                argument,
                [*path, f.wire_name],
                f.schema,
                required and f.required,
                input_files,
                f.description,
            )
        return [own, *children]
    if schema.kind == "array" and schema.items is not None and _repeatable(schema.items):
        item_help = help_text + " Repeat the flag for each item."
        return [
            _scalar(
                flag,
                argument.location,
                schema.items,
                item_help,
                common,
                multiple=True,
                input_file=(*wire, "[]") in input_files,
            )
        ]
    if _plain(schema):
        return [
            _scalar(
                flag, argument.location, schema, help_text, common, input_file=wire in input_files
            )
        ]
    # An array of objects takes one object a flag; any other (of arrays, of unions) one JSON.
    repeated = schema.kind == "array" and schema.items is not None and schema.items.kind == "object"
    suffix = " Each a JSON value; repeat the flag for each item." if repeated else " A JSON value."
    option = _option(
        flag, argument.location, "json", (help_text + suffix).strip(), multiple=repeated, **common
    )
    option.metavar = "JSON"
    return [option]


# A flag with more choices than this shows its name in `--help`, and the choices after its help.
_CHOICES_IN_USAGE = 6


def _repeatable(schema: Schema) -> bool:
    """An array item a repeated flag takes as it is (a true-or-false item takes JSON)."""
    return schema.kind in ("string", "integer", "number")


def _plain(schema: Schema) -> bool:
    return schema.kind in ("string", "integer", "number", "boolean")


def _scalar(
    flag: str,
    location: str,
    schema: Schema,
    help_text: str,
    common: dict[str, Any],
    *,
    multiple: bool = False,
    input_file: bool = False,
) -> CliOption:
    choices: list[Any] | None = None
    if schema.enum:
        type_ = "choice"
        choices = [v for v in schema.enum if v is not None]
        if len(choices) <= _CHOICES_IN_USAGE:
            common = {**common, "metavar": ""}  # `--help` shows them as `[gif|mp4|webm]`
    else:
        type_ = schema.kind
    if input_file:
        help_text += (
            f" A URL, a path in the API's storage, or a local file (which generate uploads);"
            f" `{STDIN_VALUE}` reads it from the previous command's output on stdin."
        )
    option = _option(
        flag,
        location,
        type_,
        help_text.strip(),
        multiple=multiple,
        choices=choices,
        input_file=input_file,
        **common,
    )
    if input_file:
        option.metavar = "FILE"
    return option


def _free_flag(flag: str, location: str, taken: set[str], negated: bool) -> str:
    """`flag`, or, if it (or its `--no-` form) is taken, its location in front, then a number."""

    def free(candidate: str) -> bool:
        return not taken.intersection(_names_of(candidate, negated))

    if free(flag):
        return flag
    prefixed = f"--{location}-{flag[2:]}"
    candidate, n = prefixed, 2
    while not free(candidate):
        candidate, n = f"{prefixed}-{n}", n + 1
    return candidate


def _names_of(flag: str, negated: bool) -> list[str]:
    return [flag, f"--no-{flag[2:]}"] if negated else [flag]


def _metavar(name: str) -> str:
    return "_".join(_words(name)).upper()


def _help(description: str, schema: Schema) -> str:
    text = one_line(description)
    parts = [sentence(text)]
    parts += constraint_sentences(schema)
    if schema.has_default:
        parts.append(f"The API's default: {json.dumps(schema.default, ensure_ascii=False)}.")
    return " ".join(p for p in parts if p)


def _kebab(name: str) -> str:
    return "-".join(_words(name))


def _words(name: str) -> list[str]:
    """A name's words; a name the spec spells in no ASCII letter or digit, as its hex."""
    return words(name) or ["x" + name.encode().hex()]


# -- examples -------------------------------------------------------------------------------


def _example_body(op: PyMethod, input_files: list[tuple[str, ...]]) -> dict[str, Any]:
    """The spec's example values of the body and query, by keyword argument (wire names below);
    with local files where `generate` would upload them."""
    body: dict[str, Any] = {}
    for argument in op.arguments:
        if argument.location == "path":
            continue
        value = example_value(argument.schema)
        paths = [f[1:] for f in input_files if f[0] == argument.wire_name]
        if value is not None and paths:
            value = with_local_files(value, paths)
        if value is not None:
            body[argument.py_name] = value
    return body


def _example_flags(options: list[CliOption], body: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for option in options:
        if option.whole or option.argument is None:
            continue
        value = _at(body, [option.argument, *option.path])
        if value is None:
            continue
        values = value if option.multiple and isinstance(value, list) else [value]
        for item in values:
            if option.type == "boolean":
                found.append(option.flag if item else f"--no-{option.flag[2:]}")
            elif option.type == "json":
                found += [option.flag, json.dumps(item, ensure_ascii=False)]
            elif option.type == "choice":
                found += [option.flag, _choice_text(item)]
            else:
                found += [option.flag, _plain_text(item)]
    return found


def _choice_text(value: Any) -> str:
    """A choice as the command line takes it: a string as it is, any other value as JSON (the
    runtime's `_choice_text`, which turns it back into the value)."""
    return value if isinstance(value, str) else json.dumps(value)


def _plain_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else json.dumps(value)


def _at(value: Any, path: list[str]) -> Any:
    for step in path:
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


# -- the docs page --------------------------------------------------------------------------

CLI_PAGE = "docs/cli.md"


@dataclass
class OptionRow:
    flag: str  # as a code span, the value's form after it
    required: str
    description: str  # one table cell


@dataclass
class CommandDoc:
    anchor: str
    title: str  # its words, after PROGRAM
    usage: str  # a code span
    text: str  # its summary and description
    endpoint: str  # a code span
    arguments: list[OptionRow]
    rows: list[OptionRow]
    own: str  # the command line's own flags it takes, as links
    example: str  # a `sh` block that runs on the mock server as it is


@dataclass
class GroupDoc:
    anchor: str
    title: str
    help: str
    commands: list[CommandDoc]


@dataclass
class CliPage:
    path: str
    view: CliView
    summary: str  # the view's, its spec text inert
    api_key_variable: str
    flags: dict[str, str]  # the command line's own, by role
    rule: RuleExamples
    groups: list[GroupDoc]
    own_rows: list[tuple[str, OptionRow]]  # anchor, row
    exit_rows: list[tuple[str, str, str]]  # code, name, meaning
    variable_rows: list[tuple[str, str]]
    tour: Tour | None  # when the API has a generate
    pipe: str | None  # when it has uploads too
    as_json: str | None


@dataclass
class RuleExamples:
    """The flags' rule shown on this API's own commands, as page text (None: it has none)."""

    argument: str | None  # a command's usage with its path parameter
    nested: str | None  # a field's path and its flag
    whole: str | None  # an object given whole as JSON


@dataclass
class Tour:
    """The page's first examples, each a `sh` block: a generate, waiting apart, a dry run."""

    generate: str
    no_wait: str
    dry_run: str
    schema: str


def cli_page(view: CliView) -> CliPage:
    """The CLI page of the generated docs: every example on it runs on the mock server."""
    commands = view.commands()
    generates = [(w, c) for w, c in commands if c.kind == "generate"]
    # The tour starts from a generate that needs no file, if there is one.
    first = next(
        ((w, c) for w, c in generates if not any(o.input_file for o in c.options)),
        generates[0] if generates else None,
    )
    tour = None
    if first is not None:
        words_, command = first
        no_wait = shell_line([*command.example[:-2], "--no-wait"])
        resume = command.resume or {}
        chain = [f"ID=$({no_wait})"]
        if resume:
            chain += [
                shell_line([*resume["wait"], '"$ID"', "--format", "json"]),
                shell_line([*resume["download"], '"$ID"', "--output-dir", "outputs"]),
            ]
        tour = Tour(
            generate=_fenced(shell_line(command.example, wrap=True)),
            no_wait=_fenced("\n".join(chain)),
            dry_run=_fenced(shell_line([*command.example[:-2], "--dry-run"], wrap=True)),
            schema=_fenced(shell_line(["schema", *words_])),
        )
    calls = [c for _, c in commands if c.kind == "call"]
    shown = next((c for c in calls if c.arguments), calls[0] if calls else None)
    return CliPage(
        path=CLI_PAGE,
        view=view,
        summary=_page_text(view.summary),
        api_key_variable=API_KEY_VARIABLE,
        flags={role: o.flag for role, o in view.options.items()},
        rule=_rule_examples(commands),
        groups=[d for g in view.groups for d in _group_docs(g, [])],
        own_rows=[(f"option-{o.flag[2:]}", _row(o)) for o in view.options.values()],
        exit_rows=[(str(c.code), code(c.name), cell(c.meaning)) for c in view.exit_codes],
        variable_rows=[(code(n), cell(t)) for n, t in view.variables.items()],
        tour=tour,
        pipe=_pipe_example(commands),
        as_json=_fenced(shell_line([*shown.example, "--format", "json"])) if shown else None,
    )


def _rule_examples(commands: list[tuple[list[str], CliCommand]]) -> RuleExamples:
    with_argument = next(((w, c) for w, c in commands if c.arguments), None)
    argument = None
    if with_argument is not None:
        words_, command = with_argument
        argument = code(" ".join([PROGRAM, *words_, *(a.metavar for a in command.arguments)]))
    options = [o for _, c in commands for o in c.options]
    nested = next((o for o in options if o.path and not o.whole), None)
    whole = next(
        (
            o
            for o in options
            if nested and o.whole and o.field_path == nested.field_path.rpartition(".")[0]
        ),
        None,
    )
    return RuleExamples(
        argument=argument,
        nested=f"{code(nested.field_path)} is {code(nested.flag)}" if nested else None,
        whole=(
            code(f"{whole.flag} {shlex.quote(json.dumps({nested.path[-1]: '...'}))}")
            if whole is not None and nested is not None
            else None
        ),
    )


def _pipe_example(commands: list[tuple[list[str], CliCommand]]) -> str | None:
    """`files upload` feeding the input-file flag of a generate, given `-`."""
    upload = next((c for _, c in commands if c.kind == "upload"), None)
    for _, command in commands:
        if command.kind != "generate" or upload is None:
            continue
        option = next((o for o in command.options if o.input_file and not o.multiple), None)
        if option is None or option.flag not in command.example:
            continue
        at = command.example.index(option.flag) + 1
        file = command.example[at]
        piped = [*command.example[:at], STDIN_VALUE, *command.example[at + 1 :]]
        upload_line = shell_line([*upload.example[:-1], file, "--format", "json"])
        return _fenced(f"{upload_line} \\\n  | {shell_line(piped, wrap=True)}")
    return None


def _group_docs(group: CliGroup, parents: list[str]) -> list[GroupDoc]:
    """The group's section, then its sub-groups' (`files`, then `files upload-urls`)."""
    words_ = [*parents, group.name]
    doc = GroupDoc(
        anchor=_anchor(words_),
        title=" ".join(words_),
        help=_page_text(group.help),
        commands=[_command_doc(c, [*words_, c.name]) for c in group.commands],
    )
    return [doc, *(d for child in group.groups for d in _group_docs(child, words_))]


def _command_doc(command: CliCommand, words_: list[str]) -> CommandDoc:
    arguments = " ".join(a.metavar for a in command.arguments)
    usage = " ".join(w for w in [PROGRAM, *words_, arguments, "[OPTIONS]"] if w)
    example = shell_line(command.example, wrap=True)
    if command.example_setup is not None:
        example = f"ID=$({shell_line(command.example_setup)})\n{example}"
    example = _fenced(example)
    own = ", ".join(
        f"[{code(OWN_OPTIONS[role].flag)}](#option-{OWN_OPTIONS[role].flag[2:]})"
        for role in command.own
    )
    return CommandDoc(
        anchor=_anchor(words_),
        title=" ".join(words_),
        usage=code(usage),
        text=_page_text(" ".join(p for p in (sentence(command.summary), command.help) if p)),
        endpoint=code(command.endpoint),
        arguments=[
            OptionRow(code(a.metavar), "yes", _page_text(a.help)) for a in command.arguments
        ],
        rows=[_row(o) for o in command.options],
        own=own,
        example=example,
    )


def _row(option: CliOption) -> OptionRow:
    if option.type == "boolean" and option.role in ("body", "query", "header"):
        flag = f"{code(option.flag)} / {code('--no-' + option.flag[2:])}"
    elif option.type == "boolean":
        flag = code(option.flag)
    else:
        flag = code(f"{option.flag} {option.metavar or 'VALUE'}")
    text = option.help
    if option.choices:
        text += " One of " + ", ".join(code(_choice_text(c)) for c in option.choices) + "."
    if option.default not in (None, False):
        text += f" Default: {code(str(option.default))}."
    return OptionRow(flag, "yes" if option.required else "", _page_text(text))


def _page_text(text: str) -> str:
    """Spec text on one line of the page (a paragraph or a table cell), its HTML inert."""
    return cell(spec_markdown(text))


def _anchor(words_: list[str]) -> str:
    """A command's or a group's anchor: apart from the page's own sections, and from each
    other (the words of each level joined by `-`, the levels by `--`)."""
    return "command-" + "--".join(words_)


def _fenced(script: str) -> str:
    """A `sh` block of the page: its fence longer than any run of backticks in the script."""
    longest = max((len(run) for run in re.findall(r"`+", script)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}sh\n{script}\n{fence}"
