"""The generated docs cannot rot: every Python example in `generated/` runs, every link resolves,
and every page parses as the Markdown a viewer shows.

The examples run as written, each document in a fresh process against the mock server (which
`MAGIC_HOUR_BASE_URL` and `MAGIC_HOUR_MOCK_URL` point them at), sync and async, from a scratch
working directory where the local files they name exist. A block fenced `python <name>.py` is a
whole file of tests: pytest runs it as a user would, with the package's own plugin. A Markdown block is whatever markdown-it (CommonMark with GitHub
tables) makes of the page, so a fence that does not close or a table a stray `|` breaks is
caught as a reader would meet it.
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import posixpath
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.markdown_pages import (
    MARKDOWN,
    anchors,
    code_spans,
    inline_texts,
    layout_problems,
    link_problems,
    link_texts,
    links,
    python_blocks,
    table_rows,
    tokens,
    unsafe_markup,
)
from helpers.paths import GENERATED, HELPERS
from helpers.specfiles import write_specs

from generator.views.docs import OFFLINE_PAGE, build_docs, markdown_block, spec_markdown
from generator.load import load_specs
from generator.ir import build_ir
from generator.render import render
from generator.views.python import PyApi, build_python_view
from magic_hour.mock import MockServer

# Projects complete at the first poll: the examples wait for nothing.
pytestmark = pytest.mark.mock_server(polls_per_status=0)
RUNNER = HELPERS / "docs_runner.py"
# Fences that hold no Python to run: a shell command, JSON data, text from the specs, output.
OTHER_FENCES = ("sh", "json", "text", "")
# A fence `python test_offline.py`: a test file, named, for pytest to run.
TEST_FILE_FENCE = re.compile(r"python (test_\w+\.py)")


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
        # Where `Environment.MOCK_SERVER` leads, as for a mock started by hand elsewhere.
        "MAGIC_HOUR_MOCK_URL": server.url,
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


def files_of_tests(page: Path) -> list[tuple[str, str]]:
    """(file name, code) of each test file the page shows."""
    found = []
    for token in tokens(text(page)):
        named = TEST_FILE_FENCE.fullmatch(token.info.strip()) if token.type == "fence" else None
        if named:
            found.append((named.group(1), token.content))
    return found


def test_the_test_files_of_the_docs_pass_under_pytest_with_the_plugin(tmp_path: Path) -> None:
    files = [(page, *found) for page in markdown_pages() for found in files_of_tests(page)]
    assert [page_name(page) for page, _, _ in files] == [OFFLINE_PAGE]
    # A user's shell, not this test run's: no variable of ours or of pytest's.
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MAGIC_HOUR_", "PYTEST_"))
    }
    for page, name, code in files:
        tree = ast.parse(code)
        tests = [
            node
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name.startswith("test_")
        ]
        # Sync and async tests, each run by the plugin's fixtures alone.
        assert {type(node) for node in tests} == {ast.FunctionDef, ast.AsyncFunctionDef}
        folder = tmp_path / page_name(page).replace("/", "_")
        folder.mkdir()
        (folder / name).write_text(code, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error", name],
            capture_output=True,
            text=True,
            cwd=folder,
            env=environment,
            timeout=240,
        )
        summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        assert result.returncode == 0, f"{page_name(page)}: {name}\n{result.stdout}{result.stderr}"
        assert re.fullmatch(rf"{len(tests)} passed in [\d.]+s( \([\d:]+\))?", summary), summary


def test_the_testing_page_lists_the_kits_options_and_defaults_as_they_are() -> None:
    # The page's tables are written by hand; the options they list are the kit's own.
    from magic_hour.testing import MockServer

    page = text(GENERATED / OFFLINE_PAGE)
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in page.splitlines()
        if line.startswith("| `")
    ]
    helped = subprocess.run(
        [sys.executable, "-m", "magic_hour.mock", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert helped.returncode == 0, helped.stderr
    options = set(re.findall(r"^\s+(--[\w-]+)", helped.stdout, re.M)) - {"--help"}
    shown = {row[0].split()[0].strip("`"): row[1] for row in rows if row[0].startswith("`--")}
    assert set(shown) == options
    # Each default the help states as a number, the page states too.
    described = " ".join(helped.stdout.split())
    defaults = re.findall(r"(--[\w-]+)(?:(?!--)[^()])*\(default: (\d+)\)", described)
    assert defaults
    for option, default in defaults:
        assert f"(default {default})" in shown[option], option
    # `MockServer`'s keyword arguments, each with its default.
    arguments = {
        name: f"`{parameter.default!r}`"
        for name, parameter in inspect.signature(MockServer).parameters.items()
    }
    listed = {
        row[0].strip("`"): row[1]
        for row in rows
        if re.fullmatch(r"`\w+`", row[0]) and re.fullmatch(r"`[^`]*`", row[1])
    }
    assert listed == arguments


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


def test_each_guarantee_of_the_project_readme_names_a_test_that_exists(repo_root: Path) -> None:
    readme = text(repo_root / "README.md")
    section = readme.split("\n## Guarantees\n", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"(tests/[\w/]+\.py)::(\w+)", section)
    promises = [line for line in section.splitlines() if line.startswith("- ")]
    assert named and len(named) == len(promises)
    for file, test in named:
        tree = ast.parse((repo_root / file).read_text(encoding="utf-8"))
        tests = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        assert test in tests, f"{file}::{test}: no such test"


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


# Spec text that a Markdown viewer would run or follow, beside Markdown that is meant.
HOSTILE_MARKDOWN = """\
    Meant: *emphasis*, a [web link](https://example.com/a?b=c), `<face_frame>.png` in code,
    <https://example.com/auto>, and a list:

    - one <img src=x onerror=alert(1)>
    - [script](javascript:alert(1)) and ![data](data:text/html;base64,PHNjcmlwdD4=)

    <script>alert(1)</script>

    [ref][r] <javascript:alert(1)> [spaced]( JaVaScRiPt:alert(1)) `a
    b` <iframe src=x>

    [r]: javascript:alert(1)
"""


def test_spec_text_shows_as_text_and_keeps_only_web_links(tmp_path: Path) -> None:
    # Written as JSON strings, which YAML reads as they are.
    description = json.dumps(textwrap.dedent(HOSTILE_MARKDOWN))
    body = f"""\
        openapi: 3.0.2
        info:
          title: "Hostile <script>alert(1)</script> API"
          version: "1` <img src=x onerror=alert(1)> `"
        servers:
          - url: "https://api.example.com/<img src=x onerror=alert(1)>"
        paths:
          /v1/things:
            post:
              summary: "Make <img src=x onerror=alert(1)> [it](javascript:alert(1))"
              description: {description}
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                '200':
                  description: OK
        components:
          schemas:
            Thing:
              type: object
              description: {description}
              properties:
                name:
                  type: string
                  description: {description}
        """
    specs = write_specs(tmp_path / "specs", {"things.yaml": textwrap.dedent(body)})
    files = render(build_python_view(build_ir(load_specs(specs, "specs"))))
    pages = {path: text for path, text in files.items() if path.endswith(".md")}
    # The guide, the resource, its request and response types, testing offline, webhooks, the
    # command line.
    assert len(pages) == 7
    for path, page in pages.items():
        assert not list(unsafe_markup(page)), path
        assert not list(layout_problems(page)), path
    page = pages["magic_hour/resources/v1/things/README.md"]
    shown = " ".join(inline_texts(page))
    # What was neutralised is shown as it was written.
    for text in ("<script>alert(1)</script>", "[script](javascript:alert(1))", "<iframe src=x>"):
        assert text in shown
    # What was meant is kept: the web link and autolink, code, emphasis, the list.
    assert ("https://example.com/a?b=c", "web link") in list(link_texts(page))
    assert ("https://example.com/auto", "https://example.com/auto") in list(link_texts(page))
    assert "<face_frame>.png" in code_spans(page)
    assert "<em>emphasis</em>" in MARKDOWN.render(page)
    assert "<li>one &lt;img src=x onerror=alert(1)&gt;</li>" in MARKDOWN.render(page)
    # The parameter table, the types page and the guide show the same text safely.
    types_page = pages["magic_hour/types/params/README.md"]
    assert "<script>alert(1)</script>" in " ".join(inline_texts(types_page))
    cli_page = pages["docs/cli.md"]
    assert "<script>alert(1)</script>" in " ".join(inline_texts(cli_page))
    guide = pages["README.md"]
    assert "Hostile <script>alert(1)</script> API" in " ".join(inline_texts(guide))
    assert "1` <img src=x onerror=alert(1)> `" in code_spans(guide)


@pytest.mark.parametrize(
    "text",
    [
        # A code span that runs across lines pairs its backticks otherwise than line by line.
        "a `b\nc` <script>alert(1)</script> `d`",
        # A heading interrupts a paragraph, and with it a span across its line.
        "`a\n# b` x `<img src=x onerror=alert(1)>`",
        # An escaped backtick opens no code span.
        "\\`<img src=x onerror=alert(1)>`",
        # A fence in a list item ends with the item, before its closing line.
        "- a\n\n  ```\n<script>alert(1)</script>\n  ```",
        # A fence indented in a quote.
        "> ```\n<script>alert(1)</script>\n```",
        # Link destinations after spaces, a line break, in angle brackets, entity-spelled.
        "[a]( javascript:alert(1)) [b](<javascript:alert(1)>) [c](javascript&colon;alert(1))",
        "[a]\n(javascript:alert(1)) [d]:\n  javascript:alert(1)\n\n[d]",
        "<a href='javascript:alert(1)'>x</a> <!-- c --> <?php x ?> <![CDATA[x]]>",
    ],
)
def test_spec_markdown_leaves_nothing_live_in_tricky_text(text: str) -> None:
    for made in (markdown_block(text), spec_markdown(text)):
        assert not list(unsafe_markup(made)), made


def test_spec_markdown_keeps_fenced_and_spanned_code_as_written() -> None:
    text = "Use `List<String>`:\n\n```java\nList<String> x = new ArrayList<>();\n```\n\n<b>no</b>"
    made = markdown_block(text)
    assert "List<String>" in code_spans(made)
    fence = next(t for t in tokens(made) if t.type == "fence")
    assert fence.content == "List<String> x = new ArrayList<>();\n"
    assert "<b>no</b>" in " ".join(inline_texts(made))


def test_a_carriage_return_in_spec_text_breaks_its_line_as_markdown_does() -> None:
    # Markdown breaks lines at `\r` too: a fence or an HTML block may start after one.
    for text in ("a\r<script>alert(1)</script>", "x\r```\r<b>code</b>\r```\r<b>no</b>"):
        made = markdown_block(text)
        assert "\r" not in made
        assert not list(unsafe_markup(made)) and not list(layout_problems(made))


def test_a_path_with_backticks_stays_inside_its_code_span(tmp_path: Path) -> None:
    body = """\
        openapi: 3.0.2
        info: {title: T, version: '1'}
        paths:
          "/v1/things/`<img src=x onerror=alert(1)>`":
            get:
              responses:
                '200': {description: OK}
        """
    specs = write_specs(tmp_path / "specs", {"things.yaml": textwrap.dedent(body)})
    files = render(build_python_view(build_ir(load_specs(specs, "specs"))))
    pages = {path: text for path, text in files.items() if path.endswith(".md")}
    endpoint = "GET /v1/things/`<img src=x onerror=alert(1)>`"
    for path in ("README.md", "magic_hour/resources/v1/things/img_src_x_onerror_alert_1/README.md"):
        assert not list(unsafe_markup(pages[path])), path
        assert endpoint in code_spans(pages[path]), path
