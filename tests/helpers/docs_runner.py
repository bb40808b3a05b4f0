"""Run documentation examples as a reader would, in this fresh process:
`python tests/helpers/docs_runner.py`.

Reads a JSON list of documents from stdin, each a list of examples
`{"where": "file:line", "code": "..."}`. The examples of one document run in order in one
namespace, as a reader pastes them one after another; each document starts afresh. An example
with a top-level `await` runs in its own event loop, as in `python -m asyncio`.

Before an example runs, each local file it names (a string such as `path/to/1234.png` that is
not a URL or an `api-assets/` path) is created with a few bytes, in the working directory.

A warning is an error, and so is one raised where nobody can catch it (a coroutine never
awaited, a finalizer that fails): those are reported after the example that caused them.

Prints one line per example run. On the first failure, prints `where: error` and exits 1.
"""

from __future__ import annotations

import ast
import asyncio
import gc
import inspect
import json
import re
import sys
import traceback
from pathlib import Path
from typing import Any

# A relative file name with an extension, as the examples write local inputs.
_LOCAL_FILE = re.compile(r"[\w-]+(/[\w.-]+)*\.[A-Za-z0-9]{2,5}")


def local_files(code: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if _LOCAL_FILE.fullmatch(value) and not value.startswith("api-assets/"):
                names.append(value)
    return names


def run_example(code: str, where: str, namespace: dict[str, Any]) -> None:
    for name in local_files(code):
        path = Path(name)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"example input for " + name.encode())
    compiled = compile(code, where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    if compiled.co_flags & inspect.CO_COROUTINE:
        asyncio.run(eval(compiled, namespace))
    else:
        exec(compiled, namespace)
    gc.collect()
    if _unraisable:
        raise _unraisable.pop(0)


_unraisable: list[BaseException] = []


def _keep_unraisable(report: Any) -> None:
    _unraisable.append(report.exc_value)


def main() -> int:
    documents: list[list[dict[str, str]]] = json.load(sys.stdin)
    sys.unraisablehook = _keep_unraisable
    for examples in documents:
        namespace: dict[str, Any] = {"__name__": "__main__"}
        for example in examples:
            try:
                run_example(example["code"], example["where"], namespace)
            except BaseException as error:  # a failing example, whatever it raised
                detail = "".join(traceback.format_exception_only(type(error), error)).strip()
                print(f"{example['where']}: {detail}")
                traceback.print_exc(file=sys.stderr)
                return 1
            print(f"ran {example['where']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
