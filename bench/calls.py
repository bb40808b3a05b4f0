"""Import time and the client's overhead per call, each beside the plain httpx floor and the
published SDK (magic-hour 0.90.0, when MAGIC_HOUR_PUBLISHED_SDK names its folder).

- import: `import magic_hour` and a `Client`, as a fresh process, against a fresh process that
  imports httpx and pydantic only (what the package cannot do without), and against the same
  two lines run on the published SDK (its folder first on PYTHONPATH). Every process reads its
  modules' bytecode from one cache folder of the run's own, filled by an untimed first run of
  each command: an installed package has its bytecode (pip compiles it as it installs), while
  this checkout's generated/ may have none (PYTHONDONTWRITEBYTECODE), which would time
  compiling our sources beside reading httpx's bytecode.
- calls: `ai_image_generator.create` many times, sync and async (one call at a time), against
  a loopback server in its own process that answers at once with the create response; beside
  the same POSTs sent with plain httpx (`post(json=...)` then `.json()`) to the same server,
  and the same create made with the published SDK in a process of its own, after ours.
  The server is as quick as it can be, so the ratio shows the client's own work (checking the
  arguments, building the request, reading the response into a model) at its largest.

    python bench/calls.py [--json]
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable

from common import PUBLISHED_SDK, PYTHON, ROOT, Row, environment, report, wall_time

IMPORT_RUNS = 25
CALLS = 100
CALL_ROUNDS = 40
BODY = {"image_count": 1, "style": {"prompt": "Cool image", "tool": "ai-anime-generator"}}
RESPONSE = json.dumps({"id": "cuid-example", "frame_cost": 5, "credits_charged": 5}).encode()


# -- the loopback server ---------------------------------------------------------------------


async def _answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 keep-alive: read each request whole, answer the create response."""
    reply = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(RESPONSE)).encode() + b"\r\n\r\n" + RESPONSE
    )
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            writer.write(reply)
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


async def _serve() -> None:
    server = await asyncio.start_server(_answer, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


# -- the measurements ------------------------------------------------------------------------

CLIENT = "import magic_hour; magic_hour.Client(token='bench')"
NO_REFERENCE = "no reference: MAGIC_HOUR_PUBLISHED_SDK is not set"


def import_rows() -> list[Row]:
    commands = {
        "client": ([PYTHON, "-c", CLIENT], {}),
        "floor": ([PYTHON, "-c", "import httpx, pydantic"], {}),
    }
    if PUBLISHED_SDK:
        commands["published"] = ([PYTHON, "-c", CLIENT], {"PYTHONPATH": PUBLISHED_SDK})
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="bench-bytecode-") as bytecode:
        env = environment(bytecode=bytecode)
        for command, extra in commands.values():  # compiles what each imports, untimed
            wall_time(command, cwd=ROOT, env={**env, **extra})
        for _ in range(IMPORT_RUNS):  # alternated, so a busy moment of the machine hits each
            for name, (command, extra) in commands.items():
                times[name].append(wall_time(command, cwd=ROOT, env={**env, **extra}))
    figure, baseline = statistics.median(times["client"]), statistics.median(times["floor"])
    reference = statistics.median(times["published"]) if PUBLISHED_SDK else None
    return [
        Row(
            "import magic_hour + Client (fresh process)",
            figure,
            "s",
            baseline,
            "<= 1.10x httpx+pydantic",
            figure <= 1.10 * baseline,
            "" if PUBLISHED_SDK else NO_REFERENCE,
            reference,
            "published SDK",
        )
    ]


def per_call(blocks: dict[str, Callable[[], object]]) -> dict[str, list[float]]:
    """Microseconds per call of each way, block by block, the ways taking turns."""
    times: dict[str, list[float]] = {name: [] for name in blocks}
    for _ in range(CALL_ROUNDS):
        for name, call in blocks.items():
            started = time.perf_counter()
            for _ in range(CALLS):
                call()
            times[name].append((time.perf_counter() - started) / CALLS * 1e6)
    return times


async def per_call_async(
    blocks: dict[str, Callable[[], Awaitable[object]]],
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in blocks}
    for _ in range(CALL_ROUNDS):
        for name, call in blocks.items():
            started = time.perf_counter()
            for _ in range(CALLS):
                await call()
            times[name].append((time.perf_counter() - started) / CALLS * 1e6)
    return times


def call_times(url: str) -> dict[str, dict[str, list[float]]]:
    """Per-call times, sync and async, of `magic_hour` (ours or the published one, whichever
    this process imports) and of plain httpx: blocks of calls in turn, on connections opened
    beforehand. Each client is given an httpx client of its own to send with, closed here: the
    published one has no `close`."""
    import httpx

    from magic_hour import AsyncClient, Client

    endpoint, headers = url + "/v1/ai-image-generator", {"Authorization": "Bearer bench"}
    times = {}
    with httpx.Client() as transport, httpx.Client() as floor:
        create = Client(
            token="bench", base_url=url, httpx_client=transport
        ).v1.ai_image_generator.create
        sync = {
            "client": lambda: create(**BODY),
            "floor": lambda: floor.post(endpoint, json=BODY, headers=headers).json(),
        }
        for call in sync.values():  # connect before the clock starts
            call()
        times["sync"] = per_call(sync)

    async def async_times() -> dict[str, list[float]]:
        async with httpx.AsyncClient() as transport, httpx.AsyncClient() as floor:
            client = AsyncClient(token="bench", base_url=url, httpx_client=transport)
            create = client.v1.ai_image_generator.create

            async def plain() -> object:
                return (await floor.post(endpoint, json=BODY, headers=headers)).json()

            blocks = {"client": lambda: create(**BODY), "floor": plain}
            for call in blocks.values():
                await call()
            return await per_call_async(blocks)

    times["async"] = asyncio.run(async_times())
    return times


def published_times(url: str) -> dict[str, list[float]] | None:
    """The published SDK's per-call times (sync, async) against the same server, measured in a
    process whose `magic_hour` is the published one; None without its folder."""
    if not PUBLISHED_SDK:
        return None
    env = environment(PUBLISHED_SDK)
    done = subprocess.run(
        [PYTHON, __file__, "--published", url],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        timeout=600,
    )
    measured: dict[str, dict[str, list[float]]] = json.loads(done.stdout)
    return {kind: measured[kind]["client"] for kind in measured}


def call_rows(url: str) -> list[Row]:
    ours = call_times(url)
    published = published_times(url)
    rows = []
    for kind, times in ours.items():
        figure, baseline = statistics.median(times["client"]), statistics.median(times["floor"])
        rows.append(
            Row(
                f"ai_image_generator.create, {kind}, per call",
                figure,
                "µs",
                baseline,
                "<= 1.10x httpx",
                figure <= 1.10 * baseline,
                "" if published else NO_REFERENCE,
                statistics.median(published[kind]) if published else None,
                "published SDK",
            )
        )
    return rows


def main() -> None:
    if "--serve" in sys.argv:
        asyncio.run(_serve())
        return
    if "--published" in sys.argv:  # run by published_times, the published SDK on PYTHONPATH
        print(json.dumps(call_times(sys.argv[sys.argv.index("--published") + 1])))
        return
    server = subprocess.Popen(
        [PYTHON, __file__, "--serve"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        rows = import_rows() + call_rows(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
    report(rows)


if __name__ == "__main__":
    main()
