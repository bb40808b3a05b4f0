"""100 `generate` calls at once with the async client, against the ideal the mock server sets.

The mock server (its own process) keeps each project `queued` for S seconds, then `rendering`
for S more. The ideal is the time a client that costs nothing would take: every project is
complete 2 S after its create, and the poll that sees it is the first of the schedule (the
create's answer, then 0.4 s, then every 0.6 s after each answer) at or after that. With S = 5
that poll falls at exactly 10.0 s, so the ideal is 2 S = 10 s: the schedule's granularity adds
nothing, and whatever the 100 creates, the answers to about 170 polls a second, and the 100
downloads cost is the client's (and the mock's, which serves every side alike). The timing is
the API's scaled down about six times: a 10 s job polled every 0.4 s backing off to 0.6 s
(images take 30-60 s, polled every 2-3 s).

Beside it, the same 100 create-poll-download sequences written with plain `httpx.AsyncClient`
(in the note: what httpx itself costs at this many concurrent connections), and the published
SDK's async `generate` (the reference, in its own process: its folder first on PYTHONPATH),
which polls at one fixed interval, set to 0.6 s (MAGIC_HOUR_POLL_INTERVAL), and reads each
output whole into memory.

    python bench/concurrency.py [--json] [--runs N]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time

import httpx
from common import PUBLISHED_SDK, PYTHON, Row, environment, mock_server, report

CALLS = 100
SECONDS_PER_STATUS = 5.0
POLL = 0.4  # the first interval; generate backs off to 1.5 times it, and so does the floor
RUNS = 3
FEWER = 50  # the published SDK's calls at once, when 100 fail
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


async def with_published(url: str, directory: str, calls: int) -> float:
    """The published SDK's async `generate`, as its docs show it (its client has no `with`)."""
    import magic_hour

    assert PUBLISHED_SDK and magic_hour.__file__.startswith(os.path.abspath(PUBLISHED_SDK))
    started = time.perf_counter()
    client = magic_hour.AsyncClient(token="bench", base_url=url)
    results = await asyncio.gather(
        *(
            client.v1.ai_image_generator.generate(**BODY, download_directory=directory)
            for _ in range(calls)
        )
    )
    seconds = time.perf_counter() - started
    assert all(r.status == "complete" and r.downloaded_paths for r in results)
    return seconds


def published_seconds(url: str, calls: int) -> float | str:
    """The published SDK's seconds for `calls` at once, or the last line of its error."""
    assert PUBLISHED_SDK is not None
    env = environment(PUBLISHED_SDK)
    env["MAGIC_HOUR_POLL_INTERVAL"] = str(POLL * 1.5)
    done = subprocess.run(
        [PYTHON, __file__, "--child", url, str(calls)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or ["no output"])[-1]
    return float(done.stdout.strip().splitlines()[-1])


def published_note(runs: list[float | str], fewer: list[float | str]) -> str:
    if not PUBLISHED_SDK:
        return "; no published SDK: MAGIC_HOUR_PUBLISHED_SDK unset"
    failed = [r for r in runs if isinstance(r, str)]
    if not failed:
        return "; the published SDK polls every 0.6 s"
    seconds = [r for r in fewer if isinstance(r, float)]
    at_fewer = f"{FEWER} at once: {statistics.median(seconds):.2f} s" if seconds else ""
    return f"; published SDK: {len(failed)} of {len(runs)} runs failed ({failed[0]}); {at_fewer}"


def main() -> None:
    if "--child" in sys.argv:
        url, calls = sys.argv[sys.argv.index("--child") + 1 :][:2]
        import magic_hour.resources.v1.ai_image_generator.client  # noqa: F401  # not timed
        import magic_hour.resources.v1.image_projects.client  # noqa: F401

        with tempfile.TemporaryDirectory() as directory:
            print(asyncio.run(with_published(url, directory, int(calls))))
        return
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    import magic_hour.resources.v1.ai_image_generator.client  # noqa: F401  # not timed
    import magic_hour.resources.v1.image_projects.client  # noqa: F401

    ours: list[float] = []
    plain: list[float] = []
    published: list[float | str] = []
    fewer: list[float | str] = []
    with mock_server("--seconds-per-status", str(SECONDS_PER_STATUS)) as url:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as directory:
                ours.append(asyncio.run(with_client(url, directory)))
            with tempfile.TemporaryDirectory() as directory:
                plain.append(asyncio.run(with_httpx(url, directory)))
            if PUBLISHED_SDK:
                published.append(published_seconds(url, CALLS))
                if isinstance(published[-1], str):
                    fewer.append(published_seconds(url, FEWER))
    figure, ideal = statistics.median(ours), 2 * SECONDS_PER_STATUS
    succeeded = [r for r in published if isinstance(r, float)]
    report(
        [
            Row(
                f"{CALLS} concurrent async generate calls",
                figure,
                "s",
                ideal,
                "<= 1.1x ideal",
                figure <= 1.1 * ideal,
                note=f"baseline: the ideal, 2 x {SECONDS_PER_STATUS:g} s per status, on the poll"
                f" schedule; plain httpx {statistics.median(plain):.2f} s"
                + published_note(published, fewer),
                reference=(
                    statistics.median(succeeded) if len(succeeded) == len(published) > 0 else None
                ),
                reference_name="published SDK",
            )
        ]
    )


if __name__ == "__main__":
    main()
