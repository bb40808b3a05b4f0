"""Import time and the client's overhead per call, each beside the plain httpx floor.

- import: `import magic_hour` and a `Client`, as a fresh process, against a fresh process that
  imports httpx and pydantic only (what the package cannot do without).
- calls: `ai_image_generator.create` many times, sync and async (one call at a time), against
  a loopback server in its own process that answers at once with the create response; beside
  the same POSTs sent with plain httpx (`post(json=...)` then `.json()`) to the same server.
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
import time

from common import PYTHON, ROOT, Row, report, wall_time

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


def import_rows() -> list[Row]:
    client = [PYTHON, "-c", "import magic_hour; magic_hour.Client(token='bench')"]
    floor = [PYTHON, "-c", "import httpx, pydantic"]
    times: dict[str, list[float]] = {"client": [], "floor": []}
    for _ in range(IMPORT_RUNS):  # alternated, so a busy moment of the machine hits both
        times["client"].append(wall_time(client))
        times["floor"].append(wall_time(floor))
    figure = sorted(times["client"])[IMPORT_RUNS // 2]
    baseline = sorted(times["floor"])[IMPORT_RUNS // 2]
    return [
        Row(
            "import magic_hour + Client (fresh process)",
            figure,
            "s",
            baseline,
            "<= 1.25x httpx+pydantic",
            figure <= 1.25 * baseline,
        )
    ]


def call_rows(url: str) -> list[Row]:
    """Per-call times, sync and async: blocks of calls, the client's and httpx's in turn, on
    connections opened beforehand; the median block of each."""
    import httpx

    from magic_hour import AsyncClient, Client

    endpoint, headers = url + "/v1/ai-image-generator", {"Authorization": "Bearer bench"}

    def sync_times() -> tuple[list[float], list[float]]:
        ours: list[float] = []
        plain: list[float] = []
        with Client(token="bench", base_url=url) as client, httpx.Client() as floor:
            create = client.v1.ai_image_generator.create
            create(**BODY)  # type: ignore[arg-type]  # connect before the clock starts
            floor.post(endpoint, json=BODY, headers=headers).json()
            for _ in range(CALL_ROUNDS):
                started = time.perf_counter()
                for _ in range(CALLS):
                    create(**BODY)  # type: ignore[arg-type]
                ours.append((time.perf_counter() - started) / CALLS * 1e6)
                started = time.perf_counter()
                for _ in range(CALLS):
                    floor.post(endpoint, json=BODY, headers=headers).json()
                plain.append((time.perf_counter() - started) / CALLS * 1e6)
        return ours, plain

    async def async_times() -> tuple[list[float], list[float]]:
        ours: list[float] = []
        plain: list[float] = []
        async with AsyncClient(token="bench", base_url=url) as client:
            async with httpx.AsyncClient() as floor:
                create = client.v1.ai_image_generator.create
                await create(**BODY)  # type: ignore[arg-type]
                (await floor.post(endpoint, json=BODY, headers=headers)).json()
                for _ in range(CALL_ROUNDS):
                    started = time.perf_counter()
                    for _ in range(CALLS):
                        await create(**BODY)  # type: ignore[arg-type]
                    ours.append((time.perf_counter() - started) / CALLS * 1e6)
                    started = time.perf_counter()
                    for _ in range(CALLS):
                        (await floor.post(endpoint, json=BODY, headers=headers)).json()
                    plain.append((time.perf_counter() - started) / CALLS * 1e6)
        return ours, plain

    rows = []
    for kind, (ours, plain) in (("sync", sync_times()), ("async", asyncio.run(async_times()))):
        figure, baseline = statistics.median(ours), statistics.median(plain)
        rows.append(
            Row(
                f"ai_image_generator.create, {kind}, per call",
                figure,
                "µs",
                baseline,
                "<= 1.15x httpx",
                figure <= 1.15 * baseline,
            )
        )
    return rows


def main() -> None:
    if "--serve" in sys.argv:
        asyncio.run(_serve())
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
