"""Small spec folders written into a test's tmp_path, loaded as the folder `specs`.

A spec file's text comes from `spec` (the common header, then the test's own YAML), from a
builder here where tests vary one detail of the same document, or from a file of
tests/fixtures/ (`fixture`) where several test modules share a whole document.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from helpers.paths import FIXTURES

# Four lines, so the first line after it is line 5.
HEADER = """\
openapi: 3.0.2
info:
  title: Test API
  version: '1'
"""

# The smallest operation: `GET /v1/things`, answering 200 with nothing described.
GET_THINGS = """\
paths:
  /v1/things:
    get:
      responses:
        '200':
          description: OK
"""

_POST_BODY = """\
paths:
  /v1/things:
    post:
      requestBody:
        content:
          application/json:
            schema:
{schema}
      responses:
        '200':
          description: OK
"""

_GET_RESPONSE = """\
paths:
  /v1/things:
    get:
      responses:
        {status}:
          description: OK
          content:
            application/json:
{content}
"""


def spec(body: str) -> str:
    """A spec file: the common header, then `body` (dedented) from line 5 on."""
    return HEADER + textwrap.dedent(body)


def post_body(schema: str) -> str:
    """A spec file of `POST /v1/things` whose JSON body is of `schema` (YAML, dedented), which
    starts on line 12, column 15; the answer is a 200 with nothing described."""
    return HEADER + _POST_BODY.format(schema=_indented(schema, 14))


def body_property(name: str, schema: str) -> str:
    """`post_body` of an object with one property `name`, of `schema` (YAML, dedented):
    `name:` is line 14, the schema starts on line 15, column 19."""
    return post_body(f"type: object\nproperties:\n  {name}:\n{_indented(schema, 4)}")


def get_response(content: str, *, status: str = "'200'") -> str:
    """A spec file of `GET /v1/things` answering `status` with `content` (YAML, dedented: the
    `schema`, `example`... of `application/json`), which starts on line 13, column 15."""
    return HEADER + _GET_RESPONSE.format(status=status, content=_indented(content, 14))


def response_property(name: str, schema: str) -> str:
    """`get_response` of a JSON object with one property `name`, of `schema` (YAML, dedented),
    for the status `200` unquoted, as specs most often write it (YAML reads an integer key):
    `name:` is line 16, the schema starts on line 17, column 21."""
    content = f"schema:\n  type: object\n  properties:\n    {name}:\n{_indented(schema, 6)}"
    return get_response(content, status="200")


def _indented(schema: str, spaces: int) -> str:
    return textwrap.indent(textwrap.dedent(schema).strip("\n"), " " * spaces)


def fixture(name: str) -> str:
    """The text of `tests/fixtures/<name>`."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def renamed(text: str, old: str, new: str) -> str:
    """`text` with the word `old` (a resource's name, in its paths and summaries) as `new`."""
    return re.sub(rf"\b{re.escape(old)}\b", new, text)


def write_specs(folder: Path, files: dict[str, str]) -> Path:
    """Write each `name: text` into `folder` (created if missing) and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


_ID_PARAMETER = """\
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
"""
_NO_CONTENT = """\
      responses:
        '204':
          description: Done
"""


def paths_spec(*entries: tuple[str, list[str]], operation_id: str | None = None) -> str:
    """A spec of the given (path, verbs), each answering 204; an item path takes `id`."""
    lines = ["paths:"]
    for path, verbs in entries:
        lines.append(f"  {path}:")
        for verb in verbs:
            lines.append(f"    {verb}:")
            if operation_id:
                lines.append(f"      operationId: {operation_id}")
            text = (_ID_PARAMETER if "{" in path else "") + _NO_CONTENT
            lines.append(text.rstrip("\n"))
    return HEADER + "\n".join(lines) + "\n"


# An operation's responses, indented as `spec` documents them: a project, as `generate` needs.
PROJECT_RESPONSE = """\
              responses:
                '200':
                  description: Done
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                          status: {type: string}
                          downloads: {type: array, items: {type: object}}
"""


def project_getter(path: str, tag: str) -> str:
    """`GET {path}/{id}` tagged `tag`, answering a project: the paths entry, for `spec`."""
    return f"""\
          {path}/{{id}}:
            get:
              tags: [{tag}]
              parameters:
                - {{name: id, in: path, required: true, schema: {{type: string}}}}
{PROJECT_RESPONSE}"""
