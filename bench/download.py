"""Download benchmark: `generate` saving a large output from the mock server, beside plain httpx.

The mock server runs in its own process; each measurement runs in a fresh process, so the peak
resident memory it reports (`ru_maxrss`) is the client's alone. Prints one line per row.

    python bench/download.py [--size BYTES] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    # Linux reports KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_generate(url: str, size: int, directory: str) -> dict[str, float]:
    from magic_hour import Client

    baseline = peak_rss_mb()
    with Client(token="bench", base_url=url) as client:
        started = time.perf_counter()
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
    with httpx.Client(timeout=60) as client:
        started = time.perf_counter()
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def child(kind: str, url: str, size: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        measure = measure_generate if kind == "generate" else measure_httpx
        print(json.dumps(measure(url, size, directory)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=300 * 1024 * 1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child[0], arguments.child[1], arguments.size)
        return

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--specs", "specs", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # its log of requests
        text=True,
    )
    try:
        assert server.stdout is not None
        server.stdout.readline()  # the "Mock Magic Hour API on ..." line: it is listening
        url = f"http://127.0.0.1:{port}"
        rows: dict[str, list[dict[str, float]]] = {"generate": [], "httpx": []}
        for _ in range(arguments.runs):
            for kind in rows:
                output = subprocess.run(
                    [sys.executable, __file__, "--size", str(arguments.size), "--child", kind, url],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                rows[kind].append(json.loads(output))
    finally:
        server.terminate()
        server.wait(timeout=10)

    megabytes = arguments.size / 2**20
    print(
        f"create, poll and download {megabytes:.0f} MiB; median of {arguments.runs} runs;"
        " memory of the client process only"
    )
    for kind, runs in rows.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = statistics.median(r["peak_mb"] for r in runs)
        growth = statistics.median(r["peak_mb"] - r["baseline_mb"] for r in runs)
        print(
            f"  {kind:<9} {megabytes / seconds:8.1f} MiB/s   peak RSS {peak:6.1f} MiB"
            f"   (+{growth:.1f} MiB over the process before the download)"
        )


if __name__ == "__main__":
    main()
