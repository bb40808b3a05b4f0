"""Write a synthetic spec folder of N operations, to see how generation cost grows with size.

    python bench/synthetic_spec.py --operations 200 --output /tmp/specs-200

Resources `widget_0`, `widget_1`, ... each get a `create` (POST with a JSON body: strings,
integers with bounds, an enum, a nested object and an array of objects) and a `get` (GET by id
with a nested response), so N operations give about N/2 resources, 1.5 N request and response
classes, and a few files per operation, like the real specs. Ten operations per file, so touching
one file is a small change among many. The same N always gives the same bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

OPERATIONS_PER_FILE = 10

HEADER = """\
openapi: 3.0.2
info:
  title: Synthetic API
  version: '1.0'
  description: A synthetic API for the generator's benchmark.
servers:
  - url: https://api.example.com
tags:
  - name: Widgets
    description: Synthetic widgets
components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
security:
  - bearerAuth: []
paths:
"""

CREATE = """\
  /v1/widget-{n}:
    post:
      summary: Create widget {n}
      description: Create a widget of kind {n}. Costs `1` credit.
      operationId: widget{n}.create
      tags:
        - Widgets
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required:
                - name
                - style
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: The widget's name.
                  example: My widget
                size:
                  type: integer
                  minimum: 1
                  maximum: 4096
                  description: Size in pixels.
                  example: 512
                mode:
                  type: string
                  enum: ['fast', 'slow', '1:1']
                  description: How to make it.
                style:
                  type: object
                  required:
                    - prompt
                  properties:
                    prompt:
                      type: string
                      description: What it looks like.
                      example: A cat
                    strength:
                      type: number
                      minimum: 0
                      maximum: 1
                parts:
                  type: array
                  maxItems: 10
                  items:
                    type: object
                    required:
                      - label
                    properties:
                      label:
                        type: string
                      weight:
                        type: integer
      responses:
        '200':
          description: Created
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
                  id: {{type: string, example: cuid-example}}
                  credits_charged: {{type: integer, example: 1}}
"""

GET = """\
  /v1/widget-{n}/{{id}}:
    get:
      summary: Get widget {n}
      description: The widget's details.
      operationId: widget{n}.get
      tags:
        - Widgets
      parameters:
        - {{name: id, in: path, required: true, schema: {{type: string, example: cuid-example}}}}
      responses:
        '200':
          description: Success
          content:
            application/json:
              schema:
                type: object
                required: [id, status]
                properties:
                  id: {{type: string}}
                  status:
                    type: string
                    enum: ['queued', 'done']
                  details:
                    type: object
                    properties:
                      width:
                        type: integer
                      height:
                        type: integer
        '404':
          description: Not found
"""


def spec_files(operations: int) -> dict[str, str]:
    """{file name: YAML text}: operation 2k creates widget k, operation 2k+1 gets it."""
    files: dict[str, str] = {}
    for first in range(0, operations, OPERATIONS_PER_FILE):
        chunks = [HEADER]
        for index in range(first, min(first + OPERATIONS_PER_FILE, operations)):
            chunks.append((GET if index % 2 else CREATE).format(n=index // 2))
        files[f"widgets-{first // OPERATIONS_PER_FILE:04d}.yaml"] = "".join(chunks)
    return files


def write_specs(operations: int, output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    for stale in output.glob("*.yaml"):
        stale.unlink()
    for name, text in spec_files(operations).items():
        (output / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--operations", type=int, required=True)
    parser.add_argument("--output", type=Path, required=True)
    arguments = parser.parse_args()
    write_specs(arguments.operations, arguments.output)


if __name__ == "__main__":
    main()
