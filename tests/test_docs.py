"""The generated docs cannot rot: every Python example in `generated/` runs, every link resolves,
and every page parses as the Markdown a viewer shows.

The examples run as written, each document in a fresh process against the mock server (which
`MAGIC_HOUR_BASE_URL` points them at), sync and async, from a scratch working directory where
the local files they name exist. A Markdown block is whatever markdown-it (CommonMark with GitHub
tables) makes of the page, so a fence that does not close or a table a stray `|` breaks is
caught as a reader would meet it.
"""

from __future__ import annotations

import ast
import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.markdown_pages import (
    anchors,
    layout_problems,
    link_problems,
    links,
    python_blocks,
    table_rows,
    tokens,
)
from helpers.paths import GENERATED, HELPERS

from generator.views.docs import build_docs
from generator.load import load_specs
from generator.ir import build_ir
from generator.views.python import PyApi, build_python_view
from mockserver import MockServer

# Projects complete at the first poll: the examples wait for nothing.
pytestmark = pytest.mark.mock_server(polls_per_status=0)
RUNNER = HELPERS / "docs_runner.py"
# Fences that hold no Python to run: a shell command, JSON data, text from the specs.
OTHER_FENCES = ("sh", "json", "")


def markdown_pages() -> list[Path]:
    return sorted(GENERATED.rglob("*.md"))


def page_name(page: Path) -> str:
    return page.relative_to(GENERATED).as_posix()


def text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def python_examples(page: Path) -> list[dict[str, str]]:
    return [
        {"where": f"{page_name(page)}:{line}", "code": code}
        for line, code in python_blocks(text(page))
    ]


def docstring_examples() -> list[list[dict[str, str]]]:
    """The ```py examples of the generated methods' docstrings, each a document of its own:
    a `client` of the method's kind, then the example."""
    documents = []
    for module in sorted((GENERATED / "magic_hour").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            docstring = ast.get_docstring(node) or ""
            for code in re.findall(r"^```py\n(.*?)^```", docstring, re.S | re.M):
                client = "AsyncClient" if isinstance(node, ast.AsyncFunctionDef) else "Client"
                where = f"{module.relative_to(GENERATED).as_posix()}:{node.lineno}"
                prelude = f"from magic_hour import {client}\n\nclient = {client}()\n"
                documents.append([{"where": where, "code": prelude + code}])
    return documents


def run_documents(
    documents: list[list[dict[str, str]]], server: MockServer, cwd: Path
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "MAGIC_HOUR_BASE_URL": server.url,
        "MAGIC_HOUR_API_KEY": "mhk_docs_example",
    }
    # Warnings are errors, but for the connections of a client an example lets go without
    # closing (as a short script does, and as the published docs show: a socket, or an asyncio
    # transport when the example's event loop ends), which Python does not show by default.
    # An unclosed file is still an error.
    return subprocess.run(
        [
            sys.executable,
            "-W",
            "error",
            "-W",
            "ignore:unclosed <socket.socket:ResourceWarning",
            "-W",
            "ignore:unclosed transport:ResourceWarning",
            str(RUNNER),
        ],
        input=json.dumps(documents),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=300,
    )


@pytest.fixture(scope="module")
def api(specs_dir: Path) -> PyApi:
    """The model `generated/` was made from: what the pages must show."""
    return build_python_view(build_ir(load_specs(specs_dir)))


# -- every example runs ---------------------------------------------------------------------


def test_every_resource_has_its_page_with_each_method_sync_and_async(api: PyApi) -> None:
    resources = [r for r in api.resources if r.operations or r.check_result or r.upload_file]
    assert resources
    for resource in resources:
        page = GENERATED / resource.directory / "README.md"
        names = anchors(text(page))
        codes = [e["code"] for e in python_examples(page)]
        sync = [c for c in codes if "= Client(" in c]
        async_ = [c for c in codes if "= AsyncClient(" in c]
        methods = [op.method_name for op in resource.operations]
        methods += ["generate"] if resource.workflow else []
        methods += ["check_result"] if resource.check_result else []
        methods += ["upload_file"] if resource.upload_file else []
        for method in methods:
            assert method in names, f"{page_name(page)}: no section for {method}"
            call = f"{resource.access_path}.{method}("
            called = re.compile(rf"^(res = )?{re.escape(call)}", re.M)
            awaited = re.compile(rf"^(res = )?await {re.escape(call)}", re.M)
            assert any(called.search(c) for c in sync), f"{page_name(page)}: no sync {call}"
            assert any(awaited.search(c) for c in async_), f"{page_name(page)}: no async {call}"
        for op in resource.operations:
            assert f"`{op.http_method} {op.path}`" in text(page)
        assert ("generate" in names) == (resource.workflow is not None)
        assert ("check_result" in names) == (resource.check_result is not None)
        assert ("upload_file" in names) == (resource.upload_file is not None)


@pytest.mark.parametrize("page", markdown_pages(), ids=page_name)
def test_the_examples_of_a_page_run_against_the_mock_server(
    page: Path, server: MockServer, tmp_path: Path
) -> None:
    examples = python_examples(page)
    if not examples:
        # A page without examples (the types reference) has only other fences, if any.
        fences = [t for t in tokens(text(page)) if t.type == "fence"]
        assert all(t.info.strip() in OTHER_FENCES for t in fences)
        return
    uploads_before = len(server.uploads)
    result = run_documents([examples], server, tmp_path)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert result.stdout.count("ran ") == len(examples)
    code = "\n".join(e["code"] for e in examples)
    if ".generate(" in code and "download_directory=" in code:
        # `generate` saved real files where the example said.
        assert any((tmp_path / "outputs").iterdir())
    if "path/to/" in code:
        # The local files the example names were uploaded, not sent as paths.
        assert len(server.uploads) > uploads_before


def test_the_guide_states_the_runtimes_numbers_as_they_are() -> None:
    # The guide's prose is written by hand; the numbers it quotes are the runtime's own.
    from magic_hour import conventions
    from magic_hour.core import base_client, retry

    guide = " ".join(text(GENERATED / "README.md").split())
    timeout = base_client.DEFAULT_TIMEOUT
    image, video = conventions.SCHEDULES["image"], conventions.SCHEDULES["video"]
    audio = conventions.SCHEDULES["audio"]
    for phrase in (
        f"(default {base_client.DEFAULT_MAX_RETRIES};",
        f"`min({retry.MAX_DELAY:g} s, {retry.BASE_DELAY:g} s × 2^attempt)`",
        f"capped at {retry.MAX_RETRY_AFTER:g} s",
        f"{timeout.connect:g} s to connect and {timeout.read:g} s to read by default",
        f"({image.first:g} s growing to {image.longest:g} s for images,"
        f" {video.first:g} s growing to {video.longest:g} s for videos,"
        f" {audio.first:g} s growing to {audio.longest:g} s for audio)",
        f"(by default {image.timeout / 60:g} minutes for images, {video.timeout / 3600:g} hour"
        f" for videos, {audio.timeout / 60:g} minutes for audio)",
    ):
        assert phrase in guide, phrase


def test_the_docstring_examples_run_sync_and_async(server: MockServer, tmp_path: Path) -> None:
    documents = docstring_examples()
    kinds = {d[0]["code"].split("\n")[0] for d in documents}
    assert kinds == {"from magic_hour import Client", "from magic_hour import AsyncClient"}
    result = run_documents(documents, server, tmp_path)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert result.stdout.count("ran ") == len(documents)


def test_a_broken_example_fails_naming_its_place(server: MockServer, tmp_path: Path) -> None:
    # The runner can fail: an example that breaks the spec stops it at that example.
    documents = [
        [
            {"where": "page.md:3", "code": "from magic_hour import Client\nclient = Client()\n"},
            {
                "where": "page.md:9",
                "code": 'client.v1.ai_gif_generator.create(style={"prompt": ""})\n',
            },
        ]
    ]
    result = run_documents(documents, server, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith(
        "page.md:9: magic_hour.core.errors.RequestValidationError"
    )


def test_an_async_call_without_await_fails(server: MockServer, tmp_path: Path) -> None:
    code = (
        "from magic_hour import AsyncClient\n"
        "client = AsyncClient()\n"
        'client.v1.image_projects.get(id="cuid-example")\n'
    )
    result = run_documents([[{"where": "page.md:1", "code": code}]], server, tmp_path)
    assert result.returncode == 1, result.stdout
    assert "was never awaited" in result.stdout


# -- every page renders cleanly, and its links lead somewhere -----------------------------------


@pytest.mark.parametrize("page", markdown_pages(), ids=page_name)
def test_fences_close_and_tables_keep_their_columns(page: Path) -> None:
    assert list(layout_problems(text(page))) == []


def test_layout_problems_are_found() -> None:
    broken = "| a | b |\n|---|---|\n| x | y | z |\n| cut\nhere |\n\n```python\nx = 1\n"
    assert list(layout_problems(broken)) == [
        "7: a code fence that does not close",
        "3: 3 cells, the header has 2",
        "4: 1 cells, the header has 2",
        "5: 1 cells, the header has 2",
    ]
    assert table_rows(broken) == 3  # the cut row's second line counted as a row of its own


def test_every_table_row_the_docs_model_built_shows(api: PyApi) -> None:
    # A cell cut by a line break or a stray `|` would end its table early or add rows.
    docs = build_docs(api)
    for page in docs.resource_pages:
        built = sum(len(m.rows) for m in page.methods)
        assert table_rows(text(GENERATED / page.path)) == built, page.path
    for types_page in docs.types_pages:
        built = sum(len(t.rows) for t in types_page.types)
        assert table_rows(text(GENERATED / types_page.path)) == built, types_page.path


@pytest.mark.parametrize("page", markdown_pages(), ids=page_name)
def test_links_between_generated_pages_resolve(page: Path) -> None:
    files = {p.relative_to(GENERATED).as_posix() for p in GENERATED.rglob("*") if p.is_file()}
    pages = {page_name(p): text(p) for p in markdown_pages()}
    assert list(link_problems(page_name(page), pages, files)) == []


def test_the_project_readme_links_resolve(repo_root: Path) -> None:
    # The maintainers' README links into the repository and to its own sections.
    files = {
        p.relative_to(repo_root).as_posix()
        for p in repo_root.rglob("*")
        if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts
    }
    pages = {"README.md": text(repo_root / "README.md")}
    assert any(href.startswith("#") for _, href in links(pages["README.md"]))
    assert list(link_problems("README.md", pages, files)) == []


def test_link_problems_are_found() -> None:
    pages = {
        "a/README.md": '<a name="x"></a> [ok](#x) [no](#y) [up](../b.py) [gone](c.md) [f](ftp://x)'
    }
    assert list(link_problems("a/README.md", pages, {"a/README.md", "b.py"})) == [
        "1: #y: no such anchor",
        "1: c.md: names no generated file",
        "1: ftp://x: not a web link",
    ]


def test_every_page_is_reachable_from_the_package_readme() -> None:
    reached: set[str] = set()
    pending = ["README.md"]
    while pending:
        page = pending.pop()
        if page in reached:
            continue
        reached.add(page)
        for _, href in links(text(GENERATED / page)):
            path = href.partition("#")[0]
            if path.endswith(".md") and "://" not in path:
                pending.append(posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
    assert reached == {page_name(p) for p in markdown_pages()}


def test_an_example_that_leaves_a_file_open_fails(server: MockServer, tmp_path: Path) -> None:
    code = 'handle = open("notes.txt", "w")\ndel handle\n'
    result = run_documents([[{"where": "page.md:1", "code": code}]], server, tmp_path)
    assert result.returncode == 1, result.stdout
    assert "ResourceWarning: unclosed file" in result.stdout
