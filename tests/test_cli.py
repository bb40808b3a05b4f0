"""`magic-hour`, the command line, run as a user runs it: the installed console script in a
subprocess, against the package's mock server on loopback, writing real files.

Every command comes from specs/ (through the CLI view), so a spec added or removed brings or
takes its commands here with no edit: each one runs its own example and prints what its
method returns, as JSON that the method's own model reads.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers.loopback import Reply, loopback_server
from helpers.paths import GENERATED, SPECS
from helpers.specfiles import spec, write_specs
from helpers.stages import python_view_of

from generator.views.cli import (
    CLI_PAGE,
    PROGRAM,
    STDIN_VALUE,
    CliCommand,
    CliView,
    build_cli,
    cli_json,
)
from magic_hour import conventions
from magic_hour.mock import MockServer

pytestmark = pytest.mark.mock_server(polls_per_status=0, output_size=2048)

API = python_view_of(SPECS)
VIEW: CliView = build_cli(API)
COMMANDS = VIEW.commands()
SCRIPT = Path(sys.executable).parent / PROGRAM
KEY = "mhk_cli_test_key_0123456789"
CODES = {c.name: c.code for c in VIEW.exit_codes}
# A local file the examples name: `path/to/1234.png`.
LOCAL_FILE = re.compile(r"^[\w-]+(/[\w.-]+)*\.[A-Za-z0-9]{2,5}$")


def run(
    args: list[str],
    cwd: Path,
    server: MockServer | None = None,
    *,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MAGIC_HOUR_API_KEY": KEY}
    environment.pop("MAGIC_HOUR_BASE_URL", None)
    if server is not None:
        environment["MAGIC_HOUR_BASE_URL"] = server.url
    environment.update(env or {})
    return subprocess.run(
        [str(SCRIPT), *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def make_local_files(words: list[str], folder: Path) -> None:
    """Each local file an example names (as a flag's value, or in a JSON one), with a few
    bytes."""
    for word in words:
        for value in strings_in(word):
            if LOCAL_FILE.match(value) and not value.startswith(conventions.STORAGE_PREFIX):
                (folder / value).parent.mkdir(parents=True, exist_ok=True)
                (folder / value).write_bytes(b"\x89PNG example " + value.encode())


def strings_in(word: str) -> list[str]:
    try:
        value = json.loads(word)
    except ValueError:
        return [word]
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def with_value(example: list[str], flag: str, value: str) -> list[str]:
    """`example` with `value` given to `flag` instead of the example's own."""
    at = example.index(flag) + 1
    return [*example[:at], value, *example[at + 1 :]]


def creates(server: MockServer) -> list[Any]:
    return [r for r in server.requests if r.role == "create"]


def command_id(found: tuple[list[str], CliCommand]) -> str:
    return " ".join(found[0])


def model(name: str | None) -> Any:
    import magic_hour.types.models as models

    return getattr(models, name) if name else None


def method_of(command: CliCommand) -> Any:
    """The Python view's method a command calls (its create, for a generate)."""
    for resource in API.resources:
        if resource.access_path.split(".")[1:] == command.client:
            if command.kind == "call" or command.kind == "generate":
                return next(
                    op for op in resource.operations if op.method_name == command.sends_first
                )
            return resource
    raise AssertionError(f"no resource for {command.client}")


# -- every operation, from the shell ----------------------------------------------------------


def test_every_operation_and_helper_of_specs_has_its_command() -> None:
    calls = {(tuple(c.client), c.method) for _, c in COMMANDS if c.kind == "call"}
    kinds = {(tuple(c.client), c.kind) for _, c in COMMANDS}
    assert API.operations
    for resource in API.resources:
        path = tuple(resource.access_path.split(".")[1:])
        for op in resource.operations:
            assert (path, op.method_name) in calls, f"{resource.access_path}.{op.method_name}"
        assert ((path, "generate") in kinds) == (resource.workflow is not None)
        assert ((path, "wait") in kinds) == (resource.check_result is not None)
        assert ((path, "download") in kinds) == (resource.check_result is not None)
        assert ((path, "upload") in kinds) == (resource.upload_file is not None)
    assert len(calls) == len(API.operations)


def test_the_package_holds_the_command_definitions_the_specs_give() -> None:
    shipped = GENERATED / "magic_hour" / "cli" / "commands.json"
    assert shipped.read_text(encoding="utf-8") == cli_json(VIEW)


@pytest.mark.parametrize("found", COMMANDS, ids=command_id)
def test_each_command_runs_its_example_on_the_mock(
    found: tuple[list[str], CliCommand], start_mock_server: Any, tmp_path: Path
) -> None:
    # A mock of its own: a `delete` must not take the example project from a `get`.
    server = start_mock_server(polls_per_status=0, output_size=2048)
    words, command = found
    example = list(command.example)
    make_local_files(example + (command.example_setup or []), tmp_path)
    if command.example_setup is not None:
        made = run([*command.example_setup, "--format", "json"], tmp_path, server)
        assert made.returncode == 0, made.stderr
        example = [json.loads(made.stdout)["id"] if w == '"$ID"' else w for w in example]
    requests_before = len(server.requests)
    result = run([*example, "--format", "json"], tmp_path, server)
    assert result.returncode == CODES["ok"], result.stderr
    value = json.loads(result.stdout)
    assert len(server.requests) > requests_before
    if command.kind == "call":
        op = method_of(command)
        response = model(op.response_model)
        if response is None:
            assert value is None
        else:
            assert response.model_validate(value)
            assert set(value) >= {
                f.wire_name for f in op.operation.response_object.fields if f.required
            }
    elif command.kind == "upload":
        path = value["file_path"]
        assert path.startswith(conventions.STORAGE_PREFIX)
        assert any(u.file_path == path for u in server.uploads.values())
    elif command.kind == "generate":
        op = method_of(command)
        result_model = model(op.workflow.result_model)
        project = result_model.model_validate(value)
        assert project.status == "complete"
        assert project.downloaded_paths
        for saved in project.downloaded_paths:
            assert (tmp_path / saved).is_file() and (tmp_path / saved).stat().st_size == 2048
            assert Path(saved).parent == Path("outputs")
        create = creates(server)[-1]
        sent = json.dumps(create.body)
        assert "path/to/" not in sent  # local files were uploaded, their storage paths sent
    else:
        resource = method_of(command)
        project = model(resource.check_result.result_model).model_validate(value)
        assert project.id == example[len(words)]
        if command.kind == "download":
            assert project.downloaded_paths
            assert all((tmp_path / p).is_file() for p in project.downloaded_paths)
        else:
            assert project.downloaded_paths is None
            assert not (tmp_path / "outputs").exists()


# -- validation, before anything is sent -------------------------------------------------------


def first(kind: str, has_input_file: bool = False) -> tuple[list[str], CliCommand]:
    return next(
        (w, c)
        for w, c in COMMANDS
        if c.kind == kind and (not has_input_file or any(o.input_file for o in c.options))
    )


def test_a_value_the_spec_refuses_names_its_flag_and_nothing_is_sent(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server()
    words, command = first("call")
    option = next(o for o in command.options if o.required and not o.whole)
    result = run([*words], tmp_path, server)
    assert result.returncode == CODES["usage"], result.stderr
    assert f"{option.flag}" in result.stderr and "is required" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert server.requests == []


def test_a_number_out_of_bounds_and_a_bad_choice_and_bad_json_name_their_flags(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server()

    def bounded(option: Any) -> bool:
        return option.type in ("integer", "number") and "≥" in option.help

    words, command = next(
        (w, c)
        for w, c in COMMANDS
        if c.kind == "call"
        and any(bounded(o) for o in c.options)
        and any(o.type == "choice" for o in c.options)
        and any(o.whole for o in c.options)
    )
    number = next(o for o in command.options if bounded(o))
    bounded = run([*command.example, number.flag, "-1000000"], tmp_path, server)
    assert bounded.returncode == CODES["usage"]
    assert f"{number.flag}: must be at least" in bounded.stderr
    choice = next(o for o in command.options if o.type == "choice")
    chosen = run([*command.example, choice.flag, "not-a-choice"], tmp_path, server)
    assert chosen.returncode == CODES["usage"]
    assert choice.flag in chosen.stderr
    whole = next(o for o in command.options if o.whole)
    broken = run([*command.example, whole.flag, "{not json"], tmp_path, server)
    assert broken.returncode == CODES["usage"]
    assert f"{whole.flag}: not JSON" in broken.stderr
    assert server.requests == []


def test_an_object_given_as_json_takes_its_fields_flags_on_top(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server(polls_per_status=0)
    words, command = first("call")
    whole = next(
        o
        for o in command.options
        if o.whole
        and any(
            c.field_path.startswith(o.field_path + ".") and c.type == "string" and not c.choices
            for c in command.options
        )
    )
    inner = next(
        c
        for c in command.options
        if c.field_path.startswith(whole.field_path + ".") and c.type == "string" and not c.choices
    )
    key = inner.path[-1]
    given = {key: "from the JSON", "unknown_field": 1}
    refused = run([*command.example, whole.flag, json.dumps(given)], tmp_path, server)
    assert refused.returncode == CODES["usage"]
    assert f"{whole.flag} unknown_field" in refused.stderr
    shown = run(
        [
            *command.example,
            whole.flag,
            json.dumps({key: "from the JSON"}),
            inner.flag,
            "on top",
            "--dry-run",
            "--format",
            "json",
        ],
        tmp_path,
        server,
    )
    assert shown.returncode == 0, shown.stderr
    body = json.loads(shown.stdout)["body"]
    value: Any = body
    for step in [whole.argument, *inner.path]:
        value = value[step]
    assert value == "on top"
    assert server.requests == []


def test_a_local_file_that_is_missing_is_refused_by_its_flag(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server()
    _, command = first("generate", has_input_file=True)
    option = next(o for o in command.options if o.input_file)
    make_local_files(command.example, tmp_path)
    result = run(with_value(command.example, option.flag, "nowhere/missing.png"), tmp_path, server)
    assert result.returncode == CODES["usage"]
    assert option.flag in result.stderr and "missing.png" in result.stderr
    assert server.requests == []


# -- --dry-run, the key, the server ------------------------------------------------------------


def test_dry_run_prints_the_validated_request_with_the_key_redacted_and_sends_nothing(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server()
    _, command = first("generate", has_input_file=True)
    make_local_files(command.example, tmp_path)
    result = run([*command.example, "--dry-run", "--format", "json"], tmp_path, server)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    method, path = command.endpoint.split(" ")
    assert shown["method"] == method and shown["url"] == server.url + path
    assert shown["headers"]["authorization"] == "Bearer [redacted]"
    assert KEY not in result.stdout and KEY not in result.stderr
    files = [w for w in command.example if w.startswith("path/to/")]
    assert shown["uploads_first"] and set(shown["uploads_first"]) <= set(files)
    assert server.requests == []
    text = run([*command.example, "--dry-run"], tmp_path, server)
    assert text.stdout.startswith(f"{method} {server.url}{path}\n")
    assert "authorization: Bearer [redacted]" in text.stdout
    assert server.requests == []


def test_no_key_is_an_auth_error_before_anything_is_sent(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server()
    words, command = first("call")
    result = run(command.example, tmp_path, server, env={"MAGIC_HOUR_API_KEY": ""})
    assert result.returncode == CODES["auth"]
    assert "MAGIC_HOUR_API_KEY" in result.stderr and "--api-key-stdin" in result.stderr
    assert server.requests == []


def test_the_key_from_stdin_is_sent_and_a_refused_key_is_an_auth_error(tmp_path: Path) -> None:
    words, command = first("call", has_input_file=False)
    with loopback_server(lambda request: Reply(401, {"message": "Unauthorized"})) as api:
        result = run(
            [*command.example, "--api-key-stdin", "--base-url", api.url],
            tmp_path,
            stdin="mhk_from_stdin\n",
            env={"MAGIC_HOUR_API_KEY": ""},
        )
    assert result.returncode == CODES["auth"], result.stderr
    assert "401" in result.stderr
    headers = {name.lower(): value for name, value in api.requests[0].headers.items()}
    assert headers["authorization"] == "Bearer mhk_from_stdin"
    assert "mhk_from_stdin" not in result.stderr


def test_an_api_error_and_an_unreachable_server_exit_with_the_api_code(
    server: MockServer, tmp_path: Path
) -> None:
    words, command = next((w, c) for w, c in COMMANDS if c.kind == "call" and c.arguments)
    missing = run([*words, "no-such-id"], tmp_path, server)
    assert missing.returncode == CODES["api"]
    assert "404" in missing.stderr
    with loopback_server() as closed:
        url = closed.url
    unreachable = run([*words, "no-such-id", "--base-url", url, "--max-retries", "0"], tmp_path)
    assert unreachable.returncode == CODES["api"]
    assert len(unreachable.stderr.strip().splitlines()) == 1


def test_mock_and_base_url_flags_choose_the_server(server: MockServer, tmp_path: Path) -> None:
    words, command = next((w, c) for w, c in COMMANDS if c.kind == "call" and c.arguments)
    mock = run(
        [*command.example, "--mock", "--format", "json"],
        tmp_path,
        env={"MAGIC_HOUR_MOCK_URL": server.url},
    )
    assert mock.returncode == 0, mock.stderr
    both = run([*command.example, "--mock", "--base-url", server.url], tmp_path)
    assert both.returncode == CODES["usage"]


# -- generate: waiting, output, interruption -------------------------------------------------------


def test_no_wait_prints_the_id_alone_and_the_resume_command_then_download_finishes_it(
    server: MockServer, tmp_path: Path
) -> None:
    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    created = run([*command.example[:-2], "--no-wait"], tmp_path, server)
    assert created.returncode == 0, created.stderr
    project_id = created.stdout.strip()
    assert project_id in server.projects
    resume = re.search(r"resume with: (.*)", created.stderr)
    assert resume is not None
    resumed = run(shlex.split(resume.group(1))[1:], tmp_path, server)
    assert resumed.returncode == 0, resumed.stderr
    assert "status: complete" in resumed.stdout
    assert any((tmp_path).iterdir())


def test_readable_text_by_default_and_progress_on_stderr(
    server: MockServer, tmp_path: Path
) -> None:
    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    result = run(command.example, tmp_path, server)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^status: complete$", result.stdout, re.M)
    assert re.search(r"^downloaded_paths:\n  - outputs/", result.stdout, re.M)
    assert re.search(r"project \S+: complete .*downloaded [\d.]+ KiB of [\d.]+ KiB", result.stderr)
    quiet = run([*command.example, "--quiet"], tmp_path, server)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_project_that_ends_in_error_is_printed_and_exits_failed(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server(polls_per_status=0, outcome="error")
    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    result = run([*command.example, "--format", "json"], tmp_path, server)
    assert result.returncode == CODES["failed"]
    assert json.loads(result.stdout)["status"] == "error"
    assert "ended error" in result.stderr


def test_a_wait_that_times_out_says_how_to_resume_and_the_resume_works(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server(seconds_per_status=60)
    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    result = run(
        [*command.example, "--wait-timeout", "0.5", "--poll-interval", "0.1"], tmp_path, server
    )
    assert result.returncode == CODES["timeout"], result.stderr
    project_id = next(iter(server.projects))
    resume = re.search(r"resume with: (.*)", result.stderr)
    assert resume is not None and project_id in resume.group(1)
    server.steer(project_id, polls_per_status=0)
    resumed = run(shlex.split(resume.group(1))[1:], tmp_path, server)
    assert resumed.returncode == 0, resumed.stderr
    assert any((tmp_path / "outputs").iterdir())


def test_ctrl_c_while_waiting_prints_the_project_and_its_resume_command(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server(seconds_per_status=60)
    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    environment = {**os.environ, "MAGIC_HOUR_API_KEY": KEY, "MAGIC_HOUR_BASE_URL": server.url}
    process = subprocess.Popen(
        [str(SCRIPT), *command.example, "--poll-interval", "0.2"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # the first status: the project exists
        assert line.startswith("project "), line
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    project_id = next(iter(server.projects))
    assert process.returncode == CODES["interrupted"], stderr
    assert f"interrupted; project {project_id} goes on" in stderr
    resume = re.search(r"resume with: (.*)", stderr)
    assert resume is not None and project_id in resume.group(1)
    assert "Traceback" not in stderr and stdout == ""
    server.steer(project_id, polls_per_status=0)
    resumed = run(shlex.split(resume.group(1))[1:], tmp_path, server)
    assert resumed.returncode == 0, resumed.stderr
    assert len(creates(server)) == 1


# -- chaining --------------------------------------------------------------------------------------


def test_an_upload_piped_into_an_input_file_flag(server: MockServer, tmp_path: Path) -> None:
    _, upload = first("upload")
    _, command = first("generate", has_input_file=True)
    option = next(o for o in command.options if o.input_file and not o.multiple)
    make_local_files(command.example, tmp_path)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG piped")
    for fmt in ("json", "text"):
        uploaded = run([*upload.example[:-1], "photo.png", "--format", fmt], tmp_path, server)
        assert uploaded.returncode == 0, uploaded.stderr
        piped = with_value(command.example, option.flag, STDIN_VALUE)
        result = run([*piped, "--format", "json"], tmp_path, server, stdin=uploaded.stdout)
        assert result.returncode == 0, result.stderr
        value: Any = creates(server)[-1].body
        for step in [option.argument, *option.path]:
            value = value[step]
        assert value.startswith(conventions.STORAGE_PREFIX)
        assert value in uploaded.stdout
    nothing = run(piped, tmp_path, server, stdin="")
    assert nothing.returncode == CODES["usage"] and option.flag in nothing.stderr


# -- help, schema, completion ------------------------------------------------------------------------


def test_help_lists_every_group_and_a_commands_help_shows_its_rules(tmp_path: Path) -> None:
    top = run(["--help"], tmp_path)
    assert top.returncode == 0
    for group in VIEW.groups:
        assert re.search(rf"^  {re.escape(group.name)}\s", top.stdout, re.M), group.name
    for code in VIEW.exit_codes:
        assert re.search(rf"^\s+{code.code}  ", top.stdout, re.M)
    words, command = first("generate")
    shown = run([*words, "--help"], tmp_path)
    assert shown.returncode == 0
    flat = " ".join(shown.stdout.split())
    for option in command.options:
        assert option.flag in shown.stdout
    required = next(o for o in command.options if o.required and not o.whole)
    assert "[required]" in flat and required.flag in flat
    choice = next((o for o in command.options if o.choices), None)
    if choice is not None:
        assert str(choice.choices[0]) in flat
    for flag in ("--no-wait", "--no-download", "--output-dir", "--format", "--dry-run"):
        assert flag in shown.stdout


def test_schema_prints_the_command_definitions(tmp_path: Path) -> None:
    whole = run(["schema"], tmp_path)
    assert json.loads(whole.stdout) == json.loads(cli_json(VIEW))
    words, command = COMMANDS[0]
    one = run(["schema", *words], tmp_path)
    assert json.loads(one.stdout)["name"] == command.name
    assert json.loads(one.stdout)["options"][0]["flag"] == command.options[0].flag
    unknown = run(["schema", "no-such-group"], tmp_path)
    assert unknown.returncode == CODES["usage"]


def test_bash_completes_groups_commands_and_flags(tmp_path: Path) -> None:
    script = run(["completion", "bash"], tmp_path).stdout
    group = VIEW.groups[0].name
    words, command = first("generate")
    flag = command.options[0].flag
    checks = [
        (f"{PROGRAM} {group[:4]}", 1, group),
        (f"{PROGRAM} {' '.join(words[:-1])} gen", len(words), "generate"),
        (f"{PROGRAM} {' '.join(words)} {flag[:5]}", len(words) + 1, flag),
    ]
    for line, cword, expected in checks:
        program = (
            f'PATH="{SCRIPT.parent}:$PATH"\n{script}\n'
            f"COMP_WORDS=({line}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n"
            f"_magic_hour_completion {PROGRAM}\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
        )
        result = subprocess.run(
            ["bash", "-c", program], capture_output=True, text=True, cwd=tmp_path, timeout=60
        )
        assert expected in result.stdout.split(), (line, result.stdout, result.stderr)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_get_scripts_and_completions(shell: str, tmp_path: Path) -> None:
    script = run(["completion", shell], tmp_path)
    assert script.returncode == 0 and "_MAGIC_HOUR_COMPLETE" in script.stdout
    group = VIEW.groups[0].name
    result = run(
        [],
        tmp_path,
        env={
            "_MAGIC_HOUR_COMPLETE": f"{shell}_complete",
            "COMP_WORDS": f"{PROGRAM} {group[:4]}",
            "COMP_CWORD": "1" if shell == "zsh" else f"{group[:4]}",
        },
    )
    assert group in result.stdout


# -- the docs page ---------------------------------------------------------------------------------


def page_scripts() -> list[tuple[int, str]]:
    text = (GENERATED / CLI_PAGE).read_text(encoding="utf-8")
    return [
        (text[: m.start()].count("\n") + 1, m.group(1))
        for m in re.finditer(r"^```sh\n(.*?)^```", text, re.S | re.M)
    ]


@pytest.mark.parametrize(
    "line,script", page_scripts(), ids=lambda v: str(v) if isinstance(v, int) else ""
)
def test_every_example_of_the_cli_page_runs_on_the_mock(
    line: int, script: str, server: MockServer, tmp_path: Path
) -> None:
    make_local_files(shlex.split(script.replace("\\\n", " "), comments=True), tmp_path)
    environment = {
        **os.environ,
        "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ['PATH']}",
        "MAGIC_HOUR_API_KEY": KEY,
        "MAGIC_HOUR_BASE_URL": server.url,
    }
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, f"{CLI_PAGE}:{line}\n{result.stdout}\n{result.stderr}"
    if "--output-dir outputs" in script and "--no-wait" not in script.splitlines()[-1]:
        assert any((tmp_path / "outputs").iterdir()), f"{CLI_PAGE}:{line}: saved nothing"


# -- the package without the extra ---------------------------------------------------------------


def test_import_magic_hour_loads_nothing_of_the_command_line() -> None:
    """Beyond what httpx loads itself: with click installed, `import httpx` imports it (for
    httpx's own command line) whoever imports httpx."""
    code = (
        "import sys; import httpx, pydantic; before = set(sys.modules);"
        "import magic_hour; magic_hour.Client(token='x');"
        "print(sorted(m for m in set(sys.modules) - before"
        " if m.partition('.')[0] == 'click' or m == 'magic_hour.cli' or m.startswith('magic_hour.cli.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_without_click_the_script_says_which_extra_to_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['click'] = None; from magic_hour.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "magic-hour: the command line needs click: pip install 'magic-hour[cli]'"
    )


# -- the flag rule, on a spec of its own -----------------------------------------------------------


def test_a_name_already_taken_gets_its_location_or_a_number(tmp_path: Path) -> None:
    specs = write_specs(
        tmp_path / "specs",
        {"schema.yaml": spec("""\
                paths:
                  /v1/schema:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                format: {type: string}
                                style_prompt: {type: string}
                                style:
                                  type: object
                                  properties:
                                    prompt: {type: string}
                                dry: {type: boolean}
                                no_dry: {type: string}
                                flags: {type: array, items: {type: boolean}}
                                matrix:
                                  type: array
                                  items: {type: array, items: {type: integer}}
                                pairs:
                                  type: array
                                  items:
                                    type: object
                                    properties:
                                      a: {type: string}
                                scale: {type: number, enum: [1.0, 2.5], example: 1.0}
                      responses:
                        '200':
                          description: OK
                """)},
    )
    view = build_cli(python_view_of(specs))
    [(words, command)] = view.commands()
    # `schema` is the command line's own command; `--format` its own flag.
    assert words == ["schema-2", "create"]
    flags = {o.field_path: o for o in command.options}
    assert [(path, o.flag) for path, o in flags.items()] == [
        ("format", "--body-format"),
        ("style_prompt", "--style-prompt"),
        ("style", "--style"),
        ("style.prompt", "--body-style-prompt"),
        ("dry", "--dry"),  # and --no-dry, which a string field then does not take
        ("no_dry", "--body-no-dry"),
        ("flags", "--flags"),
        ("matrix", "--matrix"),
        ("pairs", "--pairs"),
        ("scale", "--scale"),
    ]
    # An array of true-or-false values or of arrays is one JSON value; of objects, one a flag.
    assert (flags["flags"].type, flags["flags"].multiple) == ("json", False)
    assert (flags["matrix"].type, flags["matrix"].multiple) == ("json", False)
    assert (flags["pairs"].type, flags["pairs"].multiple) == ("json", True)
    # A choice that is no string is written as the runtime reads it back: as JSON.
    assert command.example[command.example.index("--scale") + 1] == "1.0"


def test_dry_run_redacts_the_key_wherever_the_request_carries_it() -> None:
    import httpx

    from magic_hour.cli.app import _shown_request

    request = httpx.Request(
        "GET",
        f"https://api.example/v1/things?api_key={KEY}&page=2",
        headers={"X-Token": KEY, "Authorization": f"Bearer {KEY}", "Accept": "application/json"},
    )
    shown = _shown_request(request, [], KEY)
    assert KEY not in json.dumps(shown)
    assert shown["headers"]["x-token"] == "[redacted]"
    assert shown["headers"]["accept"] == "application/json"


def test_the_commands_own_options_are_named_when_refused(
    start_mock_server: Any, tmp_path: Path
) -> None:
    server = start_mock_server()
    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    for extra, flag in (
        (["--wait-timeout", "-1"], "--wait-timeout"),
        (["--poll-interval", "-1"], "--poll-interval"),
        (["--timeout", "-1"], "--timeout"),
        (["--max-retries", "-1"], "--max-retries"),
    ):
        for dry in ([], ["--dry-run"]):
            result = run([*command.example, *extra, *dry], tmp_path, server)
            assert result.returncode == CODES["usage"], (extra, dry, result.stderr)
            assert result.stderr.startswith(f"{PROGRAM}: {flag}: "), result.stderr
    assert server.requests == []


def test_an_api_error_once_the_project_exists_says_how_to_resume(tmp_path: Path) -> None:
    _, command = next(
        (w, c)
        for w, c in COMMANDS
        if c.kind == "generate" and not any(o.input_file for o in c.options)
    )
    op = method_of(command)
    created = op.operation.response_example

    def answer(request: Any) -> Reply:
        return Reply(200, created) if request.method == "POST" else Reply(403, {"message": "no"})

    make_local_files(command.example, tmp_path)
    with loopback_server(answer) as api:
        result = run([*command.example, "--base-url", api.url], tmp_path)
    assert result.returncode == CODES["auth"], result.stderr
    assert "403" in result.stderr
    resume = re.search(r"resume with: (.*)", result.stderr)
    assert resume is not None
    words = shlex.split(resume.group(1))
    assert words[:1] == [PROGRAM] and words[-3:] == [created["id"], "--output-dir", "outputs"]
    assert "check_result" not in result.stderr


def test_on_a_terminal_the_progress_is_one_line_redrawn_in_place(
    server: MockServer, tmp_path: Path
) -> None:
    import pty

    _, command = first("generate")
    make_local_files(command.example, tmp_path)
    environment = {**os.environ, "MAGIC_HOUR_API_KEY": KEY, "MAGIC_HOUR_BASE_URL": server.url}
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(SCRIPT), *command.example],
            cwd=tmp_path,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=terminal,
        )
        os.close(terminal)
        stdout, _ = process.communicate(timeout=120)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed: all was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert process.returncode == 0
    text = shown.decode()
    assert text.startswith("\r\x1b[Kproject ")
    last = text.rsplit("\r\x1b[K", 1)[-1]
    assert re.match(r"project \S+: complete \(\d+ s\), downloaded [\d.]+ KiB of [\d.]+ KiB", last)
    assert last.endswith("\n") and text.count("\n") == 1
    assert b"status: complete" in stdout


def test_a_namespace_with_an_operation_of_its_own_keeps_its_group(tmp_path: Path) -> None:
    specs = write_specs(
        tmp_path / "specs",
        {"root.yaml": spec("""\
                paths:
                  /v1:
                    get:
                      responses:
                        '200':
                          description: OK
                  /v1/things:
                    get:
                      responses:
                        '200':
                          description: OK
                """)},
    )
    api = python_view_of(specs)
    words = [w for w, _ in build_cli(api).commands()]
    assert len(words) == len(api.operations) == 2
    assert words[0][0] == words[1][0] == "v1"
