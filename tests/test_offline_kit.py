"""The offline kit as its users use it: the pytest plugin in a user's own test run (here, two at
once, and in a fresh virtual environment holding only the built wheel), `magic_hour.testing`'s
MockServer in a thread and in a subprocess, the hint when no mock answers, and the kit's extra
staying optional."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.offline_kit import (
    USER_TEST_NAMES,
    child_environment,
    finish,
    start_pytest,
    write_suite,
)
from helpers.paths import GENERATED
from helpers.processes import running
from helpers.raw_specs import spec_operations

from magic_hour import APIConnectionError, AsyncClient, Client
from magic_hour.environment import Environment
from magic_hour.testing import MockServer

URL_VARIABLE = "MAGIC_HOUR_MOCK_URL"
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
PROMPT = {"prompt": "a lighthouse at dawn"}


def run_user_suite(python: Path | str, folder: Path) -> None:
    """Run the user's suite in `folder` with `python`'s pytest; every test of it must pass."""
    with running(start_pytest(python, folder)) as process:
        result = finish(process, folder)
    assert result.not_passed == [], result.output
    assert result.passed == USER_TEST_NAMES, result.output
    assert process.returncode == 0, result.output
    summary = rf"^{len(USER_TEST_NAMES)} passed in "  # and nothing failed, skipped or warned
    assert re.search(summary, result.output, re.MULTILINE), result.output


# -- 1, 2: the plugin in a user's test run ------------------------------------------------------


def test_a_users_suite_passes_with_the_plugin(tmp_path: Path) -> None:
    run_user_suite(sys.executable, write_suite(tmp_path / "project"))


# Each run waits until the other's mock is up too, then checks that both answer, each on a port
# of its own. Control calls only: they are not recorded, so neither run's state is touched.
MEETING = """
import pathlib
import time

import httpx

MEETING = pathlib.Path({folder!r})


def test_two_runs_at_once(magic_hour_mock):
    mine = MEETING / "{name}.url"
    (MEETING / "{name}.part").write_text(magic_hour_mock.url)
    (MEETING / "{name}.part").rename(mine)
    deadline = time.monotonic() + 120
    while len(list(MEETING.glob("*.url"))) < 2:
        assert time.monotonic() < deadline, "the other run never started its mock"
        time.sleep(0.02)
    urls = sorted(path.read_text() for path in MEETING.glob("*.url"))
    assert len(set(urls)) == 2, urls
    for url in urls:
        assert httpx.post(url + "/_mock/control/state", timeout=10).status_code == 200
"""


def test_two_user_runs_at_once_do_not_collide(tmp_path: Path) -> None:
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    folders = [
        write_suite(
            tmp_path / name,
            {"test_meeting.py": MEETING.format(folder=str(meeting), name=name)},
        )
        for name in ("first", "second")
    ]
    with running(start_pytest(sys.executable, folders[0])) as first:
        with running(start_pytest(sys.executable, folders[1])) as second:
            results = [finish(first, folders[0]), finish(second, folders[1])]
    for result, process in zip(results, (first, second)):
        assert result.not_passed == [], result.output
        assert result.passed == sorted([*USER_TEST_NAMES, "test_two_runs_at_once"]), result.output
        assert process.returncode == 0, result.output
    assert len(list(meeting.glob("*.url"))) == 2


# -- 3: done means: a fresh virtual environment with only the wheel and pytest ----------------


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment holding the built wheel of generated/ with its `mock` extra,
    and pytest, from the package index; its python."""
    folder = tmp_path_factory.mktemp("fresh")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
        + [str(GENERATED), "-w", str(folder / "wheels")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (folder / "wheels").glob("magic_hour-*.whl")
    made = subprocess.run(
        [sys.executable, "-m", "venv", str(folder / "venv")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    python = folder / "venv" / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
        + [f"{wheel}[mock]", "pytest"],
        capture_output=True,
        text=True,
        timeout=600,
        env=child_environment(),
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return python


def test_done_means_a_users_suite_passes_in_a_fresh_venv(fresh_venv: Path, tmp_path: Path) -> None:
    # One test, not three: pytest-xdist would build the venv once per worker that ran one.
    where = subprocess.run(
        [
            str(fresh_venv),
            "-c",
            "import magic_hour, _magic_hour_pytest; print(magic_hour.__file__)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_environment(),
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(fresh_venv.parent.parent), where.stdout

    run_user_suite(fresh_venv, write_suite(tmp_path / "project"))

    process = subprocess.Popen(
        [str(fresh_venv.parent / "magic-hour-mock"), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
        env=child_environment(),
    )
    with running(process):
        first_line = read_first_line(process)
        process.terminate()
        process.communicate(timeout=30)
    count = len(spec_operations())  # every operation of specs/, read as plain YAML
    found = re.fullmatch(
        rf"Mock .+ on http://127\.0\.0\.1:(\d+) \({count} operations\)\n", first_line
    )
    assert found and int(found.group(1)) > 0, first_line
    assert process.returncode == 0


def read_first_line(process: subprocess.Popen[str]) -> str:
    """The process's first line of output, waited for at most 60 s."""
    lines: list[str] = []
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(60)
    assert lines, "no line within 60 s"
    return lines[0]


# -- 4: magic_hour.testing.MockServer, in a thread and in a subprocess ------------------------

MODES = pytest.mark.parametrize("in_subprocess", [False, True], ids=["thread", "subprocess"])


def exercise(mock: MockServer, folder: Path) -> list[Any]:
    """Script, steer, upload and read back through `mock`; what it saw, to compare the modes."""
    with Client(token="any-key", environment=Environment.MOCK_SERVER) as client:
        mock.script(outcome="error", error_code="no_source_face")
        failed = client.v1.ai_image_generator.generate(
            image_count=1, style=PROMPT, download_directory=folder, poll_interval=0.01
        )
        assert failed.status == "error"
        assert failed.error is not None and failed.error.code == "no_source_face"

        mock.script(polls_per_status=1000)  # would stay `queued` for 1000 GETs
        created = client.v1.ai_image_generator.create(image_count=1, style=PROMPT)
        assert client.v1.image_projects.get(id=created.id).status == "queued"
        mock.steer(created.id, outcome="canceled", polls_per_status=0)
        assert client.v1.image_projects.get(id=created.id).status == "canceled"

        file_path = client.v1.files.upload_file(PHOTO)

    projects = mock.projects
    assert set(projects) == {failed.id, created.id}
    assert projects[failed.id].status == "error"
    assert projects[failed.id].error_code == "no_source_face"
    assert projects[created.id].status == "canceled"
    assert projects[created.id].body == {"image_count": 1, "style": PROMPT}
    [upload] = mock.uploads.values()
    assert upload.file_path == file_path
    assert upload.content == PHOTO
    assert upload.size == len(PHOTO)
    assert upload.sha256 == hashlib.sha256(PHOTO).hexdigest()
    assert [create.body for create in mock.creates] == [
        {"image_count": 1, "style": PROMPT},
        {"image_count": 1, "style": PROMPT},
    ]
    assert all(r.headers.get("authorization") == "<redacted>" for r in mock.creates)
    seen = [(r.method, r.operation, r.role, r.status) for r in mock.requests]
    mock.reset()
    assert mock.requests == [] and mock.projects == {} and mock.uploads == {}
    return [seen, sorted(projects), file_path]


@MODES
def test_mock_server_scripts_steers_and_records(
    in_subprocess: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(URL_VARIABLE, "http://127.0.0.1:9/before")
    with MockServer(subprocess=in_subprocess, seed=17) as mock:
        assert os.environ[URL_VARIABLE] == mock.url
        exercise(mock, tmp_path)
    assert os.environ[URL_VARIABLE] == "http://127.0.0.1:9/before"


def test_both_modes_see_the_same(tmp_path: Path) -> None:
    seen = []
    for in_subprocess in (False, True):
        with MockServer(subprocess=in_subprocess, seed=17) as mock:
            seen.append(exercise(mock, tmp_path / str(in_subprocess)))
    assert seen[0] == seen[1]
    operations = [operation for _, operation, _, _ in seen[0][0]]
    assert operations.count("POST /v1/ai-image-generator") == 2


@MODES
def test_the_variable_is_removed_after_when_it_was_unset(
    in_subprocess: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    with MockServer(subprocess=in_subprocess) as mock:
        assert os.environ[URL_VARIABLE] == mock.url
    assert URL_VARIABLE not in os.environ


def test_the_subprocess_is_gone_after_the_block_even_when_it_raises() -> None:
    with pytest.raises(RuntimeError, match="the test failed"):
        with MockServer(subprocess=True) as mock:
            process = mock._process  # the only handle on it: the kit keeps it private
            url = mock.url
            assert process is not None and process.poll() is None
            raise RuntimeError("the test failed")
    assert process.poll() is not None
    assert not answers(url)

    with MockServer(subprocess=True) as mock:
        process = mock._process
        url = mock.url
    assert process is not None and process.poll() is not None
    assert not answers(url)


def test_the_thread_is_gone_after_the_block_even_when_it_raises() -> None:
    with pytest.raises(RuntimeError, match="the test failed"):
        with MockServer() as mock:
            url = mock.url
            assert answers(url)
            raise RuntimeError("the test failed")
    assert not answers(url)
    with pytest.raises(RuntimeError, match="not running"):
        mock.url


def answers(url: str) -> bool:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=10).close()
    except OSError:
        return False
    return True


BAD_OPTIONS = [
    ({"outcome": "exploded"}, "outcome"),
    ({"polls_per_status": -1}, "polls_per_status"),
    ({"seconds_per_status": -1.0}, "seconds_per_status"),
    ({"seconds_per_status": "slow"}, "seconds_per_status"),
    ({"output_size": -5}, "output_size"),
    ({"error_code": "no face"}, "error_code"),
    ({"seed": "seventeen"}, "seed"),
    ({"port": 70000}, "port"),
]


@MODES
@pytest.mark.parametrize(("options", "named"), BAD_OPTIONS, ids=[n for _, n in BAD_OPTIONS])
def test_a_bad_option_is_one_line_naming_it_before_anything_starts(
    in_subprocess: bool, options: dict[str, Any], named: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    started: list[Any] = []
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(a))
    with pytest.raises(ValueError) as raised:
        MockServer(subprocess=in_subprocess, **options)
    message = str(raised.value)
    assert message.startswith(named) and "\n" not in message, message
    assert started == []
    assert URL_VARIABLE not in os.environ


@MODES
def test_a_taken_port_is_one_line_naming_it(
    in_subprocess: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        mock = MockServer(subprocess=in_subprocess, port=port)
        with pytest.raises(RuntimeError) as raised:
            mock.start()
    assert str(raised.value) == (
        f"the mock server did not start: Cannot listen on 127.0.0.1:{port}: Address already in use"
    )
    assert URL_VARIABLE not in os.environ


@MODES
def test_a_description_that_is_not_json_is_named(in_subprocess: bool, tmp_path: Path) -> None:
    broken = tmp_path / "api.json"
    broken.write_text("{not json")
    with pytest.raises(ValueError, match=rf"^description: {re.escape(str(broken))} is not JSON: "):
        MockServer(subprocess=in_subprocess, description=broken)


def test_a_description_mapping_needs_a_file_in_a_subprocess() -> None:
    with pytest.raises(ValueError, match=r"^description: with subprocess=True"):
        MockServer(subprocess=True, description={"url_variable": URL_VARIABLE})


@pytest.fixture(scope="module", params=[False, True], ids=["thread", "subprocess"])
def running_mock(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    with MockServer(subprocess=request.param) as mock:
        yield mock


BAD_SCRIPTS = [
    ({"outcome": "exploded"}, "outcome"),
    ({"outcome": "complete", "error_code": "no_source_face"}, "error_code"),
    ({"polls_per_status": -1}, "polls_per_status"),
    ({"polls_per_status": "3"}, "polls_per_status"),
    ({"seconds_per_status": float("nan")}, "seconds_per_status"),
    ({"output_size": -1}, "output_size"),
    ({"download_fault": "melt"}, "download_fault"),
    ({"operation": "POST /v1/no-such-thing"}, "operation"),
]


@pytest.mark.parametrize(("arguments", "named"), BAD_SCRIPTS, ids=[n for _, n in BAD_SCRIPTS])
def test_a_bad_script_is_a_value_error_naming_it(
    running_mock: MockServer, arguments: dict[str, Any], named: str
) -> None:
    running_mock.reset()
    with pytest.raises(ValueError) as raised:
        running_mock.script(**arguments)
    message = str(raised.value)
    assert message.startswith(f"{named}: ") and "\n" not in message, message
    # The value as given, quoted whole, in both modes.
    assert f" {arguments[named]!r}" in message, message
    # Nothing was scripted: the next project completes.
    with Client(token="any-key", base_url=running_mock.url) as client:
        created = client.v1.ai_image_generator.create(image_count=1, style=PROMPT)
        assert client.v1.image_projects.get(id=created.id).status == "complete"


def test_steering_an_unknown_project_or_badly_is_a_value_error_naming_it(
    running_mock: MockServer,
) -> None:
    with pytest.raises(ValueError, match=r"^project_id: no project 'nope' on this mock$"):
        running_mock.steer("nope", outcome="canceled")
    with Client(token="any-key", base_url=running_mock.url) as client:
        created = client.v1.ai_image_generator.create(image_count=1, style=PROMPT)
        with pytest.raises(ValueError, match=r"^outcome: .* got 'exploded'$"):
            running_mock.steer(created.id, outcome="exploded")
        assert client.v1.image_projects.get(id=created.id).status == "complete"


def test_steering_changes_only_what_it_names(running_mock: MockServer) -> None:
    running_mock.reset()
    running_mock.script(outcome="error", error_code="no_source_face", polls_per_status=1000)
    with Client(token="any-key", base_url=running_mock.url) as client:
        created = client.v1.ai_image_generator.create(image_count=1, style=PROMPT)
        assert client.v1.image_projects.get(id=created.id).status == "queued"
        running_mock.steer(created.id, polls_per_status=0)
        ended = client.v1.image_projects.get(id=created.id)
    assert ended.status == "error"
    assert ended.error is not None and ended.error.code == "no_source_face"


@MODES
def test_a_script_that_does_not_say_how_it_ends_keeps_the_servers_outcome(
    in_subprocess: bool, tmp_path: Path
) -> None:
    with MockServer(subprocess=in_subprocess, outcome="error", error_code="no_source_face") as mock:
        mock.script(polls_per_status=1)
        with Client(token="any-key", base_url=mock.url) as client:
            created = client.v1.ai_image_generator.create(image_count=1, style=PROMPT)
            statuses = [client.v1.image_projects.get(id=created.id).status for _ in range(3)]
            ended = client.v1.image_projects.get(id=created.id)
    assert statuses == ["queued", "rendering", "error"]
    assert ended.error is not None and ended.error.code == "no_source_face"


def test_the_control_api_answers_one_part_of_the_state(running_mock: MockServer) -> None:
    # What a test in another process reads the mock through (magic_hour.testing does).
    running_mock.reset()
    with Client(token="any-key", base_url=running_mock.url) as client:
        client.v1.files.upload_file(PHOTO)
    control = f"{running_mock.url}/_mock/control/state"
    whole = httpx.post(control, timeout=10).json()["result"]
    assert sorted(whole) == [
        "projects",
        "requests",
        "upload_slots",
        "uploads",
        "webhook_deliveries",
    ]
    requests = httpx.post(control, json={"part": "requests"}, timeout=10).json()["result"]
    assert requests == {"requests": whole["requests"]}
    refused = httpx.post(control, json={"part": "everything"}, timeout=10)
    assert refused.status_code == 400
    assert refused.json()["message"].startswith("part: expected one of requests, "), refused.text


# -- 5: nothing answers at the mock's address --------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_an_absent_mock_says_how_to_start_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(URL_VARIABLE, f"http://127.0.0.1:{closed_port()}")
    with Client(token="any-key", environment=Environment.MOCK_SERVER, max_retries=0) as client:
        with pytest.raises(APIConnectionError) as raised:
            client.v1.image_projects.get(id="some-id")
    message = str(raised.value)
    assert "python -m magic_hour.mock" in message and URL_VARIABLE in message, message


async def absent_async(client: AsyncClient) -> str:
    async with client:
        try:
            await client.v1.image_projects.get(id="some-id")
        except APIConnectionError as error:
            return str(error)
    raise AssertionError("the request reached a server")


def test_an_absent_mock_says_how_to_start_one_async(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    monkeypatch.setenv(URL_VARIABLE, f"http://127.0.0.1:{closed_port()}")
    client = AsyncClient(token="any-key", environment=Environment.MOCK_SERVER, max_retries=0)
    message = asyncio.run(absent_async(client))
    assert "python -m magic_hour.mock" in message and URL_VARIABLE in message, message


def test_another_absent_server_gets_no_mock_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(URL_VARIABLE, f"http://127.0.0.1:{closed_port()}")
    elsewhere = f"http://127.0.0.1:{closed_port()}"
    assert elsewhere != os.environ[URL_VARIABLE]
    with Client(token="any-key", base_url=elsewhere, max_retries=0) as client:
        with pytest.raises(APIConnectionError) as raised:
            client.v1.image_projects.get(id="some-id")
    message = str(raised.value)
    assert "magic_hour.mock" not in message and URL_VARIABLE not in message, message


# -- 6: the extra stays optional ---------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_environment(),
    )


def test_the_mock_without_jsonschema_says_which_extra_in_one_line() -> None:
    ran = run_python(
        "import sys; sys.modules['jsonschema'] = None; import runpy;"
        " runpy.run_module('magic_hour.mock', run_name='__main__')"
    )
    assert ran.returncode == 1, ran.stderr
    assert ran.stdout == ""
    lines = ran.stderr.splitlines()
    assert len(lines) == 1 and "magic-hour[mock]" in lines[0], ran.stderr
    assert "Traceback" not in ran.stderr


def test_the_testing_helper_without_jsonschema_says_which_extra() -> None:
    ran = run_python(
        "import sys; sys.modules['jsonschema'] = None\n"
        "from magic_hour.testing import MockServer\n"
        "try:\n"
        "    MockServer()\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    assert ran.returncode == 0, ran.stderr
    assert "magic-hour[mock]" in ran.stdout, ran.stdout


LAZY = """
import sys


def test_the_plugin_is_loaded_and_magic_hour_is_not(request):
    assert request.config.pluginmanager.has_plugin("magic_hour")
    assert [m for m in sys.modules if m.split(".")[0] == "magic_hour"] == []
"""


def test_pytest_starts_with_the_plugin_without_importing_magic_hour(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_lazy.py").write_text(LAZY)
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=child_environment(),
    )
    assert ran.returncode == 0 and re.search(r"^1 passed in ", ran.stdout, re.M), ran.stdout


def test_import_magic_hour_leaves_the_kit_alone() -> None:
    ran = run_python(
        "import sys, magic_hour\n"
        "print([m for m in ('jsonschema', 'magic_hour.mock', 'magic_hour.testing')"
        " if m in sys.modules])\n"
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"


def test_the_plugin_module_does_not_import_magic_hour() -> None:
    ran = run_python(
        "import sys, _magic_hour_pytest\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'magic_hour'))\n"
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"
