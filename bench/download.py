"""Download benchmark: `generate` saving a large output from the mock server, beside plain httpx.

The mock server runs in its own process; each measurement runs in a fresh process, so the peak
resident memory it reports (`ru_maxrss`) is the client's alone. Throughput counts the whole
`generate` (create, polls, download) against the same requests made with plain httpx.

    python bench/download.py [--size BYTES] [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time

import httpx
from common import PYTHON, Row, mock_server, report


def peak_rss_mb() -> float:
    # Linux reports KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_generate(url: str, size: int, directory: str) -> dict[str, float]:
    from magic_hour import Client

    # The modules a first `generate` loads, loaded before the clock starts, as in a program
    # that has run one already; the clock then covers the same work as the httpx floor's:
    # making the client (its connection pool loads the CA certificates) and every request.
    import magic_hour.core.workflow  # noqa: F401
    import magic_hour.resources.v1.ai_gif_generator.client  # noqa: F401
    import magic_hour.resources.v1.image_projects.client  # noqa: F401

    baseline = peak_rss_mb()
    started = time.perf_counter()
    with Client(token="bench", base_url=url) as client:
        result = client.v1.ai_gif_generator.generate(
            style={"prompt": "bench"},
            output_format="mp4",
            download_directory=directory,
            poll_interval=0.01,
            request_options={"additional_headers": {"X-Mock-Output-Size": str(size)}},
        )
        seconds = time.perf_counter() - started
    (path,) = result.downloaded_paths or []
    assert os.path.getsize(path) == size
    os.remove(path)
    return {"seconds": seconds, "baseline_mb": baseline, "peak_mb": peak_rss_mb()}


def measure_httpx(url: str, size: int, directory: str) -> dict[str, float]:
    """The floor: the same create, polls and download with plain httpx, no checks, no safety."""
    baseline = peak_rss_mb()
    headers = {"Authorization": "Bearer bench", "X-Mock-Output-Size": str(size)}
    started = time.perf_counter()
    with httpx.Client(timeout=60) as client:
        created = client.post(
            f"{url}/v1/ai-gif-generator",
            json={"style": {"prompt": "bench"}, "output_format": "mp4"},
            headers=headers,
        ).json()
        while True:
            project = client.get(f"{url}/v1/image-projects/{created['id']}", headers=headers).json()
            if project["status"] == "complete":
                break
            time.sleep(0.01)
        path = os.path.join(directory, "plain.mp4")
        with client.stream("GET", project["downloads"][0]["url"]) as response:
            with open(path, "wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
        seconds = time.perf_counter() - started
    assert os.path.getsize(path) == size
    os.remove(path)
    return {"seconds": seconds, "baseline_mb": baseline, "peak_mb": peak_rss_mb()}


def child(kind: str, url: str, size: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        measure = measure_generate if kind == "generate" else measure_httpx
        print(json.dumps(measure(url, size, directory)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=300 * 1024 * 1024)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child[0], arguments.child[1], arguments.size)
        return

    rows: dict[str, list[dict[str, float]]] = {"generate": [], "httpx": []}
    with mock_server() as url:
        for run in range(arguments.runs):
            # Each in turn first, and each after the disk has written out the last run's file:
            # else the kernel makes whichever runs second pay for the other's dirty pages.
            for kind in list(rows)[:: 1 if run % 2 else -1]:
                os.sync()
                output = subprocess.run(
                    [PYTHON, __file__, "--size", str(arguments.size), "--child", kind, url],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                rows[kind].append(json.loads(output))

    megabytes = arguments.size / 2**20
    speed = {
        k: statistics.median(megabytes / r["seconds"] for r in runs) for k, runs in rows.items()
    }
    peak = {k: statistics.median(r["peak_mb"] for r in runs) for k, runs in rows.items()}
    report(
        [
            Row(
                f"generate downloading {megabytes:.0f} MiB: throughput",
                speed["generate"],
                "MiB/s",
                speed["httpx"],
                ">= 0.9x httpx",
                speed["generate"] >= 0.9 * speed["httpx"],
                note="create, poll and download",
            ),
            Row(
                f"generate downloading {megabytes:.0f} MiB: client peak RSS",
                peak["generate"],
                "MiB",
                peak["httpx"],
                "< 80 MiB",
                peak["generate"] < 80,
            ),
        ]
    )


if __name__ == "__main__":
    main()
