"""The `magic-hour` commands, built from `commands.json`: the generator's view of the API as a
command line (its groups, commands, arguments and flags, the flags' rule, the exit codes).

Every command runs the same way: its flags become the keyword arguments of one client method
(`create`, `generate`, `check_result`...), the method validates them before anything is sent,
and what it returns is printed; each error class ends with its own exit code.
"""

from __future__ import annotations

import functools
import json
import os
import pathlib
import shlex
import sys
import textwrap
import typing

import click
import httpx

from magic_hour.cli import output
from magic_hour.core import assets, redaction
from magic_hour.core.type_utils import NOT_GIVEN
from magic_hour.core.errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    GenerationError,
    GenerationInterrupted,
    GenerationTimeoutError,
    MagicHourError,
    RequestValidationError,
    UploadError,
)

Table = typing.Dict[str, typing.Any]
Spec = typing.Dict[str, typing.Any]
SHELLS = ("bash", "zsh", "fish")
# The keyword argument each of the command line's own options gives the client, by its role;
# the client's own check names the argument.
_ARGUMENT_ROLES = {
    "timeout": "timeout",
    "max_retries": "max_retries",
    "wait_timeout": "wait_timeout",
    "poll_interval": "poll_interval",
    "download_directory": "output_dir",
}
_CLIENT_ARGUMENTS = ("timeout", "max_retries")  # given to `Client`, the others to the method


class Package(typing.NamedTuple):
    """What the command line takes of the generated package (the runtime imports none of it)."""

    client: typing.Callable[..., typing.Any]  # `Client`
    mock_server: typing.Any  # the `Environment` of the mock server
    api_key_variable: str
    storage_prefix: str  # of the paths in the API's storage, which are no local files
    complete_status: str  # of a project that ended well


def run(argv: typing.Optional[typing.List[str]], package: Package) -> typing.NoReturn:
    """Runs one command (`argv`, else the process's arguments) and exits with its code."""
    table = load_table()
    codes = {c["name"]: c["code"] for c in table["exit_codes"]}
    command = build(table, package)
    try:
        command.main(
            args=argv,
            prog_name=table["program"],
            complete_var=table["complete_variable"],
            standalone_mode=False,
        )
    except Failure as failure:
        click.echo(f"{table['program']}: {failure.message}", err=True)
        sys.exit(codes[failure.code])
    except click.exceptions.Abort:
        click.echo(f"{table['program']}: interrupted", err=True)
        sys.exit(codes["interrupted"])
    except click.ClickException as error:
        error.show()
        sys.exit(codes["usage"])
    sys.exit(codes["ok"])


def load_table() -> Table:
    text = pathlib.Path(__file__).with_name("commands.json").read_text(encoding="utf-8")
    table: Table = json.loads(text)
    return table


class Failure(Exception):
    """Ends the command: `message` on stderr, and the exit code the table gives `code`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# -- building the commands ------------------------------------------------------------------


def build(table: Table, package: Package) -> click.Group:
    root = _Group(
        {"name": table["program"], "commands": [], "groups": table["groups"]},
        table,
        package,
        help=f"{table['summary']}\n\n{_epilog(table)}",
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )
    root.add_command(_schema_command(table))
    root.add_command(_completion_command(table))
    return root


class _Group(click.Group):
    """A group whose commands are built when first asked for: a run builds the one command it
    runs (and a `--help` the lines it shows), whatever the size of the API."""

    def __init__(self, spec: Spec, table: Table, package: Package, **options: typing.Any) -> None:
        options.setdefault("help", spec.get("help"))
        options.setdefault("short_help", _short(spec.get("help") or ""))
        super().__init__(name=spec["name"], **options)
        self._spec = spec
        self._table = table
        self._package = package

    def list_commands(self, ctx: click.Context) -> typing.List[str]:
        found = {c["name"] for c in self._spec["commands"]} | {
            g["name"] for g in self._spec["groups"]
        }
        return sorted(found | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> typing.Optional[click.Command]:
        if cmd_name not in self.commands:
            for command in self._spec["commands"]:
                if command["name"] == cmd_name:
                    self.add_command(_command(command, self._table, self._package))
            for group in self._spec["groups"]:
                if group["name"] == cmd_name:
                    self.add_command(_Group(group, self._table, self._package))
        return self.commands.get(cmd_name)


def _epilog(table: Table) -> str:
    codes = "\n".join(
        textwrap.fill(
            c["meaning"], 96, initial_indent=f"  {c['code']:>3}  ", subsequent_indent=" " * 7
        )
        for c in table["exit_codes"]
    )
    variables = "\n".join(f"  {name}: {text}" for name, text in table["variables"].items())
    return (
        f"{table['flag_rule']} `{table['program']} schema` prints every command as JSON.\n\n"
        f"\b\nExit codes:\n{codes}\n\n\b\nEnvironment:\n{variables}"
    )


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "..."


def _command(spec: Spec, table: Table, package: Package) -> click.Command:
    params: typing.List[click.Parameter] = []
    for index, argument in enumerate(spec["arguments"]):
        params.append(click.Argument([f"a{index}"], metavar=argument["metavar"], required=True))
    for index, option in enumerate(spec["options"]):
        params.append(_click_option(option, f"o{index}"))
    for role in spec["own"]:
        params.append(_click_option(table["options"][role], role))
    arguments = "".join(f"\n\n{a['metavar']}: {a['help']}" for a in spec["arguments"] if a["help"])
    body = f"{spec['help']}\n\n" if spec["help"] else ""
    return click.Command(
        name=spec["name"],
        params=params,
        callback=functools.partial(_run, spec, package, table),
        help=f"{spec['summary']}\n\n{body}{spec['endpoint']}{arguments}",
        short_help=_short(spec["summary"]),
        no_args_is_help=False,
    )


def _click_option(spec: Spec, dest: str) -> click.Option:
    flag = spec["flag"]
    help_text = spec["help"]
    if spec.get("choices") and spec.get("metavar"):
        # Too many to show beside the flag: listed after its help.
        help_text += " One of: " + ", ".join(_choice_text(c) for c in spec["choices"]) + "."
    help_text += " [required]" if spec.get("required") else ""
    common: typing.Dict[str, typing.Any] = {"help": help_text, "multiple": spec["multiple"]}
    if spec.get("metavar"):
        common["metavar"] = spec["metavar"]
    kind = spec["type"]
    if kind == "boolean":
        if spec["role"] in ("body", "query", "header"):
            # Unset unless given: the API applies its own default.
            return click.Option([f"{flag}/--no-{flag[2:]}", dest], default=None, help=help_text)
        return click.Option([flag, dest], is_flag=True, default=False, help=help_text)
    types: typing.Dict[str, typing.Any] = {
        "string": click.STRING,
        "integer": click.INT,
        "number": click.FLOAT,
        "json": click.STRING,  # parsed with the other values, to name the flag
        "path": click.Path(file_okay=False),
    }
    if kind == "choice":
        param_type: typing.Any = click.Choice([_choice_text(c) for c in spec["choices"]])
    else:
        param_type = types[kind]
    default = spec.get("default")
    return click.Option(
        [flag, dest],
        type=param_type,
        default=default,
        show_default=default is not None,
        **common,
    )


def _choice_text(value: typing.Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _schema_command(table: Table) -> click.Command:
    def show(words: typing.Tuple[str, ...]) -> None:
        found: typing.Any = table
        for word in words:
            found = _child(found, word)
            if found is None:
                raise click.UsageError(f"no group or command {' '.join(words)!r}")
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))

    return click.Command(
        name="schema",
        params=[click.Argument(["words"], nargs=-1, metavar="[GROUP [COMMAND]]")],
        callback=show,
        help="Print the command definitions as JSON: every one, or those of a group or command.",
        short_help="Print the command definitions as JSON.",
    )


def _child(found: typing.Any, word: str) -> typing.Any:
    for kind in ("groups", "commands"):
        for item in found.get(kind, []):
            if item["name"] == word:
                return item
    return None


def _completion_command(table: Table) -> click.Command:
    def show(shell: str) -> None:
        from click.shell_completion import get_completion_class

        completion = get_completion_class(shell)
        assert completion is not None  # click knows every shell of SHELLS
        context = click.get_current_context()
        root = context.find_root().command
        click.echo(completion(root, {}, table["program"], table["complete_variable"]).source())

    return click.Command(
        name="completion",
        params=[click.Argument(["shell"], type=click.Choice(SHELLS))],
        callback=show,
        help=(
            "Print the shell completion script for SHELL. Load it from your shell's start-up"
            f' file: bash `eval "$({table["program"]} completion bash)"`, zsh the same with'
            f" zsh, fish `{table['program']} completion fish | source`."
        ),
        short_help="Print a shell completion script.",
    )


# -- running a command ----------------------------------------------------------------------


def _run(spec: Spec, package: Package, table: Table, **values: typing.Any) -> None:
    own = {role: values.pop(role) for role in spec["own"]}
    waits = spec["kind"] in ("generate", "wait", "download")
    # Shown unless --quiet; either way it knows the project once it exists.
    display = output.ProgressDisplay(show=not own.get("quiet")) if waits else None
    try:
        arguments = {a["name"]: values[f"a{i}"] for i, a in enumerate(spec["arguments"])}
        request = _request_values(spec, values, own, table)
        token = _api_key(own, package, table)
        try:
            client = _client(own, package, table, token)
        except RequestValidationError as error:
            raise Failure("usage", _own_problems(spec, table, error.violations)) from None
        target = functools.reduce(getattr, spec["client"], typing.cast(typing.Any, client))
        if own.get("dry_run"):
            _dry_run(spec, target, arguments, request, own, package, token)
            return
        try:
            result = _call(spec, target, arguments, request, own, display)
        finally:
            if display is not None:
                display.finish()
        _print_result(spec, result, own, package, table)
    except (MagicHourError, GenerationInterrupted) as error:
        raise _failure(spec, error, own, table) from None
    except KeyboardInterrupt:
        # Before the project existed, or while its outputs downloaded.
        project_id = display.project_id if display is not None else ""
        message = f"interrupted; project {project_id} goes on" if project_id else "interrupted"
        if project_id:
            message += "\n" + resume_command(spec, project_id, own, table["program"])
        raise Failure("interrupted", message) from None


def _failure(
    spec: Spec, error: typing.Union[MagicHourError, GenerationInterrupted], own: Spec, table: Table
) -> Failure:
    """The exit code of an error's class, and its message; with the command that picks up the
    project, once there is one."""
    if isinstance(error, RequestValidationError):
        problems = _own_problems(spec, table, error.violations, request=True)
        return Failure("usage", problems)
    if isinstance(error, GenerationInterrupted):
        code, message = "interrupted", f"interrupted; project {error.project_id} goes on"
    else:
        if isinstance(error, APIStatusError):
            code = "auth" if error.status_code in (401, 403) else "api"
        elif isinstance(error, (APITimeoutError, GenerationTimeoutError)):
            code = "timeout"
        elif isinstance(error, (APIConnectionError, APIResponseError, UploadError)):
            code = "api"
        elif isinstance(error, GenerationError):
            code = "api"  # a download, or what else failed once the project existed
        else:
            code = "failed"
        message = str(error)
        if error.resume_advice:
            message = message[: -len(f"; {error.resume_advice}")]
    if error.project_id:
        message += "\n" + resume_command(spec, error.project_id, own, table["program"])
    return Failure(code, message)


def resume_command(spec: Spec, project_id: str, own: Spec, program: str) -> str:
    """The command that picks up the project where `spec`'s command stopped."""
    if not spec["resume"]:
        return f"project id: {project_id}"
    downloads = spec["kind"] == "download" or (
        spec["kind"] == "generate" and not own.get("no_download")
    )
    words = [*spec["resume"]["download" if downloads else "wait"], project_id]
    if downloads:
        words += ["--output-dir", str(own.get("output_dir") or ".")]
    return "resume with: " + " ".join(shlex.quote(w) for w in [program, *words])


def _client(own: Spec, package: Package, table: Table, token: str) -> typing.Any:
    if own.get("base_url") and own.get("mock"):
        raise Failure("usage", f"{_flag(table, 'base_url')} and {_flag(table, 'mock')}: give one")
    options: Spec = {"token": token}
    if own.get("base_url"):
        options["base_url"] = own["base_url"]
    elif own.get("mock"):
        options["environment"] = package.mock_server
    if own.get("timeout") is not None:
        options["timeout"] = own["timeout"]
    if own.get("max_retries") is not None:
        options["max_retries"] = own["max_retries"]
    if own.get("dry_run"):
        options["httpx_client"] = httpx.Client(transport=_Capture())
    return package.client(**options)


def _flag(table: Table, role: str) -> str:
    """The flag of one of the command line's own options."""
    flag: str = table["options"][role]["flag"]
    return flag


def _api_key(own: Spec, package: Package, table: Table) -> str:
    from_stdin = _flag(table, "api_key_stdin")
    if own.get("api_key_stdin"):
        key = sys.stdin.readline().strip()
        if not key:
            raise Failure("auth", f"{from_stdin}: the first line of stdin is empty")
        return key
    key = os.environ.get(package.api_key_variable, "")
    if key:
        return key
    if own.get("dry_run"):
        return "dry-run"  # shown redacted; nothing is sent
    raise Failure("auth", f"no API key: set {package.api_key_variable}, or pass {from_stdin}")


def _own_problems(
    spec: Spec, table: Table, violations: typing.List[str], *, request: bool = False
) -> str:
    """Validation problems, each under the flag that gave the value: one of the command's own
    (`--wait-timeout`), else, for a `request`'s problems, a flag or argument of the request."""
    lines = []
    for violation in violations:
        path, _, problem = violation.partition(": ")
        role = _ARGUMENT_ROLES.get(path, "")
        if role in spec["own"] and (path not in _CLIENT_ARGUMENTS) == request:
            lines.append(f"{_flag(table, role)}: {problem}")
        elif request:
            lines.append(_flag_problem(spec, path, problem) or violation)
        else:
            lines.append(violation)
    return "; ".join(lines)


# -- the request ----------------------------------------------------------------------------


def _request_values(spec: Spec, values: Spec, own: Spec, table: Table) -> Spec:
    """The method's keyword arguments from the flags given: an object's whole JSON first, then
    the flags of its fields set on top of it."""
    given = []
    for index, option in enumerate(spec["options"]):
        value = values[f"o{index}"]
        if value is None or value == ():
            continue
        given.append((option, _value(option, value, own, table)))
    request: Spec = {}
    for option, value in sorted(given, key=lambda pair: len(pair[0]["path"])):
        _place(request, option, value)
    for option in spec["options"]:
        if option["required"] and not option["path"]:
            # Left for the method's own check, which names every missing value at once.
            request.setdefault(option["argument"], NOT_GIVEN)
    return request


def _value(option: Spec, value: typing.Any, own: Spec, table: Table) -> typing.Any:
    stdin = table["stdin_value"]
    if option["multiple"]:
        items: typing.List[typing.Any] = []
        for item in value:
            converted = _one_value(option, item, own, table)
            if option["input_file"] and item == stdin:
                items += converted
            elif option["type"] == "json" and isinstance(converted, list):
                items += converted  # a JSON array given once holds every item
            else:
                items.append(converted)
        return items
    converted = _one_value(option, value, own, table)
    if option["input_file"] and value == stdin:
        if len(converted) != 1:
            count = len(converted)
            raise Failure(
                "usage", f"{option['flag']} {stdin}: stdin holds {count} paths; this flag takes one"
            )
        return converted[0]
    return converted


def _one_value(option: Spec, value: typing.Any, own: Spec, table: Table) -> typing.Any:
    stdin = table["stdin_value"]
    if option["type"] == "json":
        try:
            return json.loads(value)
        except ValueError as error:
            raise Failure("usage", f"{option['flag']}: not JSON ({error}): {value!r}") from None
    if option["type"] == "choice":
        return {_choice_text(c): c for c in option["choices"]}[value]
    if option["input_file"] and value == stdin:
        if own.get("api_key_stdin"):
            raise Failure("usage", f"{option['flag']} {stdin}: stdin holds the API key already")
        return _piped_files(f"{option['flag']} {stdin}", table["piped_fields"])
    return value


@functools.lru_cache(maxsize=None)
def _stdin_text() -> str:
    if sys.stdin.isatty():
        raise Failure("usage", "stdin is a terminal: pipe in the output of a command")
    return sys.stdin.read()


def _piped_files(flag: str, fields: Spec) -> typing.List[str]:
    """The file paths the previous command printed: `files upload`'s path, the files a
    `generate` or `download` saved, or the download URLs of a project; as JSON or text."""
    text = _stdin_text()
    try:
        value = json.loads(text)
    except ValueError:
        value = [line.strip() for line in text.splitlines() if line.strip()]
    found = _file_values(value, fields)
    if not found:
        raise Failure("usage", f"{flag}: stdin holds no file path (pipe in a command's output)")
    return found


def _file_values(value: typing.Any, fields: Spec) -> typing.List[str]:
    """The file paths in a command's output (`fields`: the table's `piped_fields`)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    if not isinstance(value, dict):
        return []
    if isinstance(value.get(fields["file"]), str):
        return [value[fields["file"]]]
    if value.get(fields["saved"]):
        return _file_values(value[fields["saved"]], fields)
    outputs = [o for name in fields["outputs"] for o in value.get(name) or []]
    return [o["url"] for o in outputs if isinstance(o, dict) and isinstance(o.get("url"), str)]


def _place(request: Spec, option: Spec, value: typing.Any) -> None:
    if not option["path"]:
        request[option["argument"]] = value
        return
    container = request.setdefault(option["argument"], {})
    for step in option["path"][:-1]:
        if not isinstance(container, dict):
            break
        container = container.setdefault(step, {})
    if not isinstance(container, dict):
        parent = option["field_path"].rpartition(".")[0]
        raise Failure("usage", f"{option['flag']}: {parent} is given as JSON that is no object")
    container[option["path"][-1]] = value


def _flag_problem(spec: Spec, path: str, problem: str) -> typing.Optional[str]:
    """A problem of the request's value at `path`, under the flag or argument that gave it."""
    names = [(a["field_path"], a["metavar"]) for a in spec["arguments"]]
    names += [(o["field_path"], o["flag"]) for o in spec["options"]]
    owner = max(
        (n for n in names if path == n[0] or path.startswith((f"{n[0]}.", f"{n[0]}["))),
        key=lambda n: len(n[0]),
        default=None,
    )
    if owner is None:
        return None
    rest = path[len(owner[0]) :].lstrip(".")
    name = f"{owner[1]} {rest}" if rest else owner[1]
    if problem == "is required":
        inner = [
            o["flag"]
            for o in spec["options"]
            if o["required"] and not o["whole"] and o["field_path"].startswith(f"{path}.")
        ]
        if inner:
            name = f"{', '.join(inner)} (or {owner[1]} as JSON)"
    return f"{name}: {problem}"


# -- calling --------------------------------------------------------------------------------


def _call(
    spec: Spec,
    target: typing.Any,
    arguments: Spec,
    request: Spec,
    own: Spec,
    display: typing.Optional[output.ProgressDisplay],
) -> typing.Any:
    method = getattr(target, spec["method"])
    kind = spec["kind"]
    if kind == "call":
        return method(**arguments, **request)
    if kind == "upload":
        return method(arguments["file"])
    waiting = {
        "wait_timeout": own.get("wait_timeout"),
        "poll_interval": own.get("poll_interval"),
        "on_progress": display,
    }
    if kind == "generate":
        return method(
            **request,
            wait_for_completion=not own["no_wait"],
            download_outputs=not own["no_download"],
            download_directory=own["output_dir"],
            **waiting,
        )
    downloads = kind == "download"
    return method(
        *arguments.values(),
        wait_for_completion=True,
        download_outputs=downloads,
        download_directory=own.get("output_dir") if downloads else None,
        **waiting,
    )


def _print_result(
    spec: Spec, result: typing.Any, own: Spec, package: Package, table: Table
) -> None:
    value = output.jsonable(result)
    if spec["kind"] == "upload":
        value = {table["piped_fields"]["file"]: result}  # the path, as the API names it
    no_wait = spec["kind"] == "generate" and own.get("no_wait")
    if own["format"] == "json":
        click.echo(output.as_json(value))
    elif no_wait:
        click.echo(result.id)  # for `ID=$(magic-hour ... generate --no-wait)`
    elif spec["kind"] == "upload":
        click.echo(result)
    elif value is not None:
        click.echo(output.as_text(value))
    if no_wait:
        click.echo(resume_command(spec, result.id, own, table["program"]), err=True)
    status = getattr(result, "status", None)
    waited = spec["kind"] in ("generate", "wait", "download") and not no_wait
    if waited and status != package.complete_status:
        message = getattr(getattr(result, "error", None), "message", None)
        detail = f": {message}" if message else ""
        raise Failure("failed", f"project {result.id} ended {status}{detail}")


# -- --dry-run ------------------------------------------------------------------------------


class DryRun(Exception):
    """The request a command would send, stopped before it leaves."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(f"{request.method} {request.url}")
        self.request = request


class _Capture(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise DryRun(request)


def _dry_run(
    spec: Spec,
    target: typing.Any,
    arguments: Spec,
    request: Spec,
    own: Spec,
    package: Package,
    token: str,
) -> None:
    """Print the request the command would send first (for `generate`, its create), checked as
    the real command checks it."""
    if spec["kind"] == "generate":
        # `generate` checks its arguments and local files before its first request (an upload
        # URLs' request, or the create); then the create, with the local files as given: it
        # would upload them first and send their storage paths in their place.
        _first_request(lambda: _call(spec, target, arguments, request, own, None))
    uploads = _local_files(spec, request, package)
    method = getattr(target, spec["sends_first"])
    if spec["kind"] == "upload":
        file = arguments["file"]
        if not assets.is_local(file, package.storage_prefix):
            # A URL or a storage path is the command's answer as it is: nothing is sent.
            click.echo("null" if own["format"] == "json" else f"{file}: nothing to upload")
            return
        uploads = [file]
        sent = _first_request(lambda: method(file))
    else:
        sent = _first_request(lambda: method(**arguments, **request))
    shown = _shown_request(sent, uploads, token)
    if own["format"] == "json":
        click.echo(output.as_json(shown))
        return
    lines = [f"{shown['method']} {shown['url']}"]
    lines += [f"{name}: {value}" for name, value in shown["headers"].items()]
    if shown.get("body") is not None:
        lines += ["", output.as_json(shown["body"])]
    for file in uploads:
        lines.append(f"(uploads {file} first, and sends its storage path in its place)")
    click.echo("\n".join(lines))


def _first_request(call: typing.Callable[[], typing.Any]) -> httpx.Request:
    try:
        call()
    except DryRun as sent:
        return sent.request
    raise Failure("failed", "--dry-run: the command sent no request")


def _shown_request(request: httpx.Request, uploads: typing.List[str], token: str) -> Spec:
    """The request as data, the key redacted wherever the API takes it (a header, the query)."""
    headers = {
        name: redaction.scrub(value, token)
        for name, value in request.headers.items()
        if name.lower() not in _TRANSPORT_HEADERS
    }
    body = json.loads(request.content) if request.content else None
    url = redaction.scrub(str(request.url), token)
    shown: Spec = {"method": request.method, "url": url, "headers": headers}
    shown["body"] = body
    if uploads:
        shown["uploads_first"] = uploads
    return shown


# httpx's own, the same for every request: not what a dry run is for.
_TRANSPORT_HEADERS = frozenset(
    {"host", "accept-encoding", "connection", "content-length", "user-agent"}
)


def _local_files(spec: Spec, request: Spec, package: Package) -> typing.List[str]:
    """The local files among the input-file values (which `generate` has checked)."""
    found = []
    for option in spec["options"]:
        if not option["input_file"]:
            continue
        value = _at(request, [option["argument"], *option["path"]])
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and assets.is_local(item, package.storage_prefix):
                found.append(item)
    return found


def _at(value: typing.Any, path: typing.List[str]) -> typing.Any:
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value
