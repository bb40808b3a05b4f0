"""100 `generate` calls at once with the async client, against the ideal the mock server sets.

The mock server (its own process) keeps each project `queued` for S seconds, then `rendering`
for S more, so no client can finish a project in less than 2 S: with every call concurrent,
the ideal wall time for all of them is 2 S. The timing is the API's scaled down about six
times: a 10 s job polled every 0.4 s backing off to 0.6 s (images take 30-60 s, polled every
2-3 s), so the poll that sees `complete` comes at most 0.6 s after the end. Beside it, the same
100 create-poll-download sequences written with plain `httpx.AsyncClient`: what httpx itself
costs at this many concurrent connections.

    python bench/concurrency.py [--json] [--runs N]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time

import httpx
from common import Row, mock_server, report

CALLS = 100
SECONDS_PER_STATUS = 5.0
POLL = 0.4  # the first interval; generate backs off to 1.5 times it, and so does the floor
RUNS = 3
BODY = {"image_count": 1, "style": {"prompt": "bench", "tool": "ai-anime-generator"}}


async def with_client(url: str, directory: str) -> float:
    from magic_hour import AsyncClient

    started = time.perf_counter()
    async with AsyncClient(token="bench", base_url=url) as client:
        results = await asyncio.gather(
            *(
                client.v1.ai_image_generator.generate(
                    **BODY, download_directory=directory, poll_interval=POLL  # type: ignore[arg-type]
                )
                for _ in range(CALLS)
            )
        )
    seconds = time.perf_counter() - started
    assert all(r.status == "complete" and r.downloaded_paths for r in results)
    return seconds


async def with_httpx(url: str, directory: str) -> float:
    headers = {"Authorization": "Bearer bench"}

    async def one(client: httpx.AsyncClient, index: int) -> None:
        created = await client.post(f"{url}/v1/ai-image-generator", json=BODY, headers=headers)
        project_id, wait = created.json()["id"], POLL
        while True:
            await asyncio.sleep(wait)
            wait = min(wait * 1.5, POLL * 1.5)
            project = (
                await client.get(f"{url}/v1/image-projects/{project_id}", headers=headers)
            ).json()
            if project["status"] == "complete":
                break
        async with client.stream("GET", project["downloads"][0]["url"]) as response:
            with open(os.path.join(directory, f"{index}.png"), "wb") as out:
                async for chunk in response.aiter_bytes():
                    out.write(chunk)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*(one(client, index) for index in range(CALLS)))
    return time.perf_counter() - started


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    import magic_hour.resources.v1.ai_image_generator.client  # noqa: F401  # not timed
    import magic_hour.resources.v1.image_projects.client  # noqa: F401

    ours, plain = [], []
    with mock_server("--seconds-per-status", str(SECONDS_PER_STATUS)) as url:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as directory:
                ours.append(asyncio.run(with_client(url, directory)))
            with tempfile.TemporaryDirectory() as directory:
                plain.append(asyncio.run(with_httpx(url, directory)))
    figure, ideal = statistics.median(ours), 2 * SECONDS_PER_STATUS
    report(
        [
            Row(
                f"{CALLS} concurrent async generate calls",
                figure,
                "s",
                ideal,
                "<= 1.2x ideal",
                figure <= 1.2 * ideal,
                note=f"mock {SECONDS_PER_STATUS:g} s per status, poll every {POLL:g} s;"
                f" plain httpx {statistics.median(plain):.2f} s",
            )
        ]
    )


if __name__ == "__main__":
    main()
