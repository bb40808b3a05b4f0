"""A user's own test suite for the offline kit, run by pytest in a child process as a user runs it:
from a folder of its own, with no conftest.py, the fixtures coming from the installed package's
`pytest11` entry point."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

# What a user writes: sync tests, an async test with no async plugin, scripting, inspection.
USER_TESTS = """
import os

import pytest

from magic_hour import Client, RequestValidationError
from magic_hour.environment import Environment

# The mock keeps what it is sent, image or not.
PHOTO = b"\\x89PNG\\r\\n\\x1a\\n" + bytes(range(256)) * 16


def make_image(client, folder):
    return client.v1.ai_image_generator.generate(
        image_count=1,
        style={"prompt": "a lighthouse at dawn"},
        download_directory=folder,
        poll_interval=0.01,
    )


def test_generate_completes(magic_hour_client, tmp_path):
    res = make_image(magic_hour_client, tmp_path)
    assert res.status == "complete"
    assert len(res.downloaded_paths) == 1
    assert os.path.getsize(res.downloaded_paths[0]) > 0


async def test_async_generate_completes(magic_hour_async_client, magic_hour_mock, tmp_path):
    res = await magic_hour_async_client.v1.ai_image_generator.generate(
        image_count=1,
        style={"prompt": "a lighthouse at dusk"},
        download_directory=tmp_path,
        poll_interval=0.01,
    )
    assert res.status == "complete"
    assert len(res.downloaded_paths) == 1
    assert magic_hour_mock.projects[res.id].status == "complete"


def test_scripted_error_is_returned(magic_hour_mock, magic_hour_client, tmp_path):
    magic_hour_mock.script(outcome="error", error_code="no_source_face")
    res = make_image(magic_hour_client, tmp_path)
    assert res.status == "error"
    assert res.error is not None and res.error.code == "no_source_face"
    assert not res.downloaded_paths
    assert list(tmp_path.iterdir()) == []
    assert magic_hour_mock.projects[res.id].status == "error"


def test_create_body_and_uploaded_file(magic_hour_mock, magic_hour_client, tmp_path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(PHOTO)
    res = magic_hour_client.v1.image_background_remover.generate(
        assets={"image_file_path": str(photo)},
        name="cut out",
        download_directory=tmp_path / "out",
        poll_interval=0.01,
    )
    assert res.status == "complete"
    [create] = magic_hour_mock.creates
    assert create.body["name"] == "cut out"
    sent = create.body["assets"]["image_file_path"]
    assert sent != str(photo)
    assert list(magic_hour_mock.uploads) == [sent]
    assert magic_hour_mock.uploads[sent].content == PHOTO


def test_refused_request_sends_nothing(magic_hour_mock, magic_hour_client, tmp_path):
    with pytest.raises(RequestValidationError, match="image_file_path"):
        magic_hour_client.v1.image_background_remover.generate(
            assets={"image_file_path": str(tmp_path / "missing.png")},
        )
    magic_hour_mock.assert_no_create()
    assert magic_hour_mock.requests == []


def test_environment_mock_server_reaches_the_fixture(magic_hour_mock):
    assert os.environ["MAGIC_HOUR_MOCK_URL"] == magic_hour_mock.url
    with Client(token="my-key", environment=Environment.MOCK_SERVER) as client:
        project = client.v1.ai_image_generator.create(image_count=1, style={"prompt": "a fox"})
    assert [r.body["style"] for r in magic_hour_mock.creates] == [{"prompt": "a fox"}]
    assert list(magic_hour_mock.projects) == [project.id]


def test_state_left_behind(magic_hour_mock, magic_hour_client, tmp_path):
    make_image(magic_hour_client, tmp_path)
    magic_hour_mock.script(outcome="canceled")
    assert magic_hour_mock.projects


def test_state_is_reset(magic_hour_mock, magic_hour_client, tmp_path):
    assert magic_hour_mock.requests == []
    assert magic_hour_mock.projects == {}
    assert magic_hour_mock.uploads == {}
    # The script the test before left unused is gone too.
    assert make_image(magic_hour_client, tmp_path).status == "complete"
"""

# Every test of USER_TESTS, each of which must pass.
USER_TEST_NAMES = sorted(re.findall(r"^(?:async )?def (test_\w+)", USER_TESTS, re.MULTILINE))


@dataclass
class Outcome:
    passed: list[str]
    not_passed: list[str]  # failed, errored or skipped
    output: str


def write_suite(folder: Path, extra: dict[str, str] | None = None) -> Path:
    """The user's project: their test file(s) and a pytest.ini that makes it pytest's root,
    so that nothing of this repository (its conftest.py, its settings) is picked up."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (folder / "test_with_magic_hour.py").write_text(USER_TESTS, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def child_environment() -> dict[str, str]:
    """This process's environment without what would reach into the child's run: the package's
    own variables (a mock URL, a key), pytest's (xdist's worker id, added options) and a path."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MAGIC_HOUR_", "PYTEST_", "PYTHONPATH"))
    }


def start_pytest(python: Path | str, folder: Path) -> subprocess.Popen[bytes]:
    """pytest on the suite in `folder`; its output goes to a file there (`finish` reads it), never
    to a pipe that could fill while another run is waited for."""
    with open(folder / "output.txt", "wb") as output:
        return subprocess.Popen(
            [
                str(python),
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:randomly",
                "-q",
                f"--junitxml={folder / 'report.xml'}",
            ],
            cwd=folder,
            env=child_environment(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def finish(process: subprocess.Popen[bytes], folder: Path, timeout: float = 240) -> Outcome:
    """Wait for the run in `folder` (at most `timeout` seconds); which tests passed, from its
    JUnit report, with what it printed."""
    process.wait(timeout=timeout)
    output = (folder / "output.txt").read_text(encoding="utf-8", errors="replace")
    return outcome(folder, output)


def outcome(folder: Path, output: str) -> Outcome:
    """Which tests passed, from the run's JUnit report."""
    report = folder / "report.xml"
    assert report.exists(), f"pytest wrote no report:\n{output}"
    passed, not_passed = [], []
    for case in ElementTree.parse(report).iter("testcase"):
        bad = any(child.tag in ("failure", "error", "skipped") for child in case)
        (not_passed if bad else passed).append(case.attrib["name"])
    return Outcome(sorted(passed), sorted(not_passed), output)
