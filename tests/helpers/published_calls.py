"""Calls made with the published `magic_hour` SDK, as code written for it makes them.

Run as a script in a process whose `magic_hour` is the published package (its folder first on
PYTHONPATH): `python tests/helpers/published_calls.py BASE_URL [async] < plan.json` (`async`:
with its `AsyncClient`, each call awaited). The plan is a JSON list of calls, each `{"name",
"resource", "method", "arguments"}`: `resource` is the attribute path from the client
(`v1.files.upload_urls`), and an argument written `{"$id_of": name}` is the `id` of what the
call of that name returned. Prints one JSON object: the folder of the
`magic_hour` imported, the file of every `magic_hour` module loaded, the client class used, and
for each call the class of what it returned (module and name) and that value as JSON.

Every call returns what the published SDK makes of the answer: its own pydantic models, which
raise if the answer lacks a field they require; a call that raises ends the script with its
traceback.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import sys
from pathlib import Path
from typing import Any

import magic_hour
import pydantic


def resolved(value: Any, results: dict[str, Any]) -> Any:
    if isinstance(value, dict) and set(value) == {"$id_of"}:
        return results[value["$id_of"]].id
    if isinstance(value, dict):
        return {key: resolved(item, results) for key, item in value.items()}
    if isinstance(value, list):
        return [resolved(item, results) for item in value]
    return value


def described(value: Any) -> dict[str, Any]:
    kind = type(value)
    shown = value.model_dump(mode="json") if isinstance(value, pydantic.BaseModel) else value
    return {"module": kind.__module__, "class": kind.__qualname__, "value": shown}


async def make_calls(client: Any, plan: list[dict[str, Any]]) -> list[dict[str, Any]]:
    results: dict[str, Any] = {}
    answers = []
    for call in plan:
        target: Any = client
        for attribute in call["resource"].split("."):
            target = getattr(target, attribute)
        method = getattr(target, call["method"])
        result = method(**resolved(call["arguments"], results))
        if inspect.isawaitable(result):
            result = await result
        results[call["name"]] = result
        answers.append({"name": call["name"], **described(result)})
    return answers


def main() -> None:
    base_url = sys.argv[1]
    kind = magic_hour.AsyncClient if sys.argv[2:] == ["async"] else magic_hour.Client
    plan = json.load(sys.stdin)
    # The published client has no `with`: it is used as its own docs show.
    answers = asyncio.run(make_calls(kind(token="published-sdk", base_url=base_url), plan))
    package = Path(magic_hour.__file__).parent
    # Every magic_hour module loaded by the calls, wherever it came from.
    loaded = sorted(
        str(Path(str(module.__file__)).resolve())
        for name, module in list(sys.modules.items())
        if (name == "magic_hour" or name.startswith("magic_hour."))
        and getattr(module, "__file__", None)
    )
    print(
        json.dumps(
            {
                "package": str(package.resolve()),
                "loaded": loaded,
                "client": kind.__name__,
                "answers": answers,
            },
            default=str,
        )
    )


if __name__ == "__main__":
    main()
