"""Run in a fresh process beside a generated package: call every method of a plan, sync and
async, against a loopback server, and check what went over the wire and what came back.

    python tests/helpers/corpus_exercise.py PLAN.json
        (the package's folder and tests/, for `helpers.loopback`, on PYTHONPATH)

The plan is written by test_corpus.py from the generator's model: for each method, the
arguments to pass, the request the server must receive, and the reply it gives.
"""

from __future__ import annotations

import asyncio
import json
import sys
import urllib.parse
import warnings
from typing import Any

import pydantic
from helpers.loopback import Recorded, Reply, loopback_server

import magic_hour

TOKEN = "corpus-token"


def plain(value: Any) -> Any:
    """A returned value as JSON data, with the wire names and only the fields that came."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def reply_for(call: dict[str, Any]) -> Reply:
    kind, body = call["reply_kind"], call["reply_body"]
    if kind == "empty":
        return Reply(call["status"], None)
    if kind == "binary":
        return Reply(
            call["status"], body.encode("latin-1"), {"Content-Type": "application/octet-stream"}
        )
    if kind == "text":
        return Reply(call["status"], body.encode(), {"Content-Type": "text/plain"})
    return Reply(call["status"], body)


def check_request(call: dict[str, Any], seen: Recorded) -> None:
    where = call["name"]
    url = urllib.parse.urlsplit(seen.path)
    assert seen.method == call["method"], (where, seen.method)
    assert url.path == call["path"], (where, url.path, call["path"])
    query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
    for name, values in call["query"].items():
        assert query.get(name) == values, (where, name, query.get(name), values)
    for name, value in call["headers"].items():
        # Sent as UTF-8; the server's http.server reads header bytes as Latin-1.
        sent = value.encode("utf-8").decode("latin-1")
        assert seen.headers.get(name.lower()) == sent, (where, name, seen.headers)
    for kind, name in call["auth"]:
        if kind == "query":
            assert query.get(name) == [TOKEN], (where, "auth", query)
        else:
            expected = f"Bearer {TOKEN}" if kind == "bearer" else TOKEN
            assert seen.headers.get(name.lower()) == expected, (where, "auth", seen.headers)
    if not call["auth"]:
        assert "authorization" not in seen.headers, (where, "no auth expected")
    if call["body"] is None:
        assert seen.body == b"", (where, seen.body)
    else:
        assert seen.json() == call["body"], (where, seen.json(), call["body"])


def check_result(call: dict[str, Any], result: Any) -> None:
    expected = call["reply_body"]
    if call["reply_kind"] == "binary":
        expected = expected.encode("latin-1")
    elif call["reply_kind"] == "empty":
        expected = None
    assert plain(result) == expected, (call["name"], plain(result), expected)


def method_of(client: Any, call: dict[str, Any]) -> Any:
    target = client
    for attribute in call["access"]:
        target = getattr(target, attribute)
    return target


async def run_async(url: str, calls: list[dict[str, Any]]) -> list[Any]:
    async with magic_hour.AsyncClient(token=TOKEN, base_url=url, max_retries=0) as client:
        return [await method_of(client, call)(**call["kwargs"]) for call in calls]


def check_warnings(call: dict[str, Any], caught: list[warnings.WarningMessage]) -> None:
    """Each deprecated operation or field that was used warns once, at the caller's line."""
    found = sorted(str(w.message) for w in caught if w.category is DeprecationWarning)
    assert found == sorted(call["deprecations"]), (call["name"], found)
    assert all(w.filename == __file__ for w in caught), [w.filename for w in caught]


def main(plan_path: str) -> None:
    calls = json.loads(open(plan_path, encoding="utf-8").read())
    with loopback_server() as server:
        for call in calls:
            server.answer(lambda request, call=call: reply_for(call))
            with magic_hour.Client(token=TOKEN, base_url=server.url, max_retries=0) as client:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    result = method_of(client, call)(**call["kwargs"])
            check_warnings(call, caught)
            check_request(call, server.requests[-1])
            check_result(call, result)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                [async_result] = asyncio.run(run_async(server.url, [call]))
            check_warnings(call, caught)
            check_request(call, server.requests[-1])
            check_result(call, async_result)
    print(f"ok: {len(calls)} methods, sync and async")


if __name__ == "__main__":
    main(sys.argv[1])
