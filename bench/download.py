"""Download benchmark: `generate` saving a large output from the mock server, beside plain httpx
(the baseline) and the published SDK (the reference).

The mock server runs in its own process, every output of its projects the size asked
(`--output-size`); each measurement runs in a fresh process, so the peak resident memory it
reports (`ru_maxrss`) is the client's alone. Each side does the whole `generate` of the same
GIF project: the create, the polls every 0.01 s until `complete`, and the download to a file.

- ours: `client.v1.ai_gif_generator.generate(...)`. Its file is durable before it is named
  (written to an unnamed file, `fsync`, then linked into place), so that no partial file is
  ever visible, even after a power cut.
- httpx: the same requests with plain `httpx.Client`, streaming the body into a file: no
  checks, no atomic naming, no `fsync` (the kernel writes the file out after the clock stops).
- published: magic-hour 0.90.0's own `generate` (its folder first on PYTHONPATH, its poll
  interval from MAGIC_HOUR_POLL_INTERVAL), which reads the whole body into memory first.

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

from common import PUBLISHED_SDK, PYTHON, Row, environment, mock_server, report

POLL = 0.01


def peak_rss_mb() -> float:
    # Linux reports KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_generate(url: str, directory: str) -> dict[str, float]:
    from magic_hour import Client

    # The modules a first `generate` loads, loaded before the clock starts, as in a program
    # that has run one already; the clock then covers the same work as the httpx floor's:
    # making the client (its connection pool loads the CA certificates) and every request.
    import magic_hour.core.workflow  # noqa: F401
    import magic_hour.resources.v1.ai_gif_generator.client  # noqa: F401
    import magic_hour.resources.v1.image_projects.client  # noqa: F401

    started = time.perf_counter()
    with Client(token="bench", base_url=url) as client:
        result = client.v1.ai_gif_generator.generate(
            style={"prompt": "bench"},
            output_format="mp4",
            download_directory=directory,
            poll_interval=POLL,
        )
        seconds = time.perf_counter() - started
    (path,) = result.downloaded_paths or []
    return {"seconds": seconds, "size": os.path.getsize(path)}


def measure_httpx(url: str, directory: str) -> dict[str, float]:
    """The floor: the same create, polls and download with plain httpx, no checks, no safety."""
    import httpx

    headers = {"Authorization": "Bearer bench"}
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
            time.sleep(POLL)
        path = os.path.join(directory, "plain.mp4")
        with client.stream("GET", project["downloads"][0]["url"]) as response:
            with open(path, "wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "size": os.path.getsize(path)}


def measure_published(url: str, directory: str) -> dict[str, float]:
    """The published SDK's `generate`, as its docs show it (its client has no `with`)."""
    from magic_hour import Client

    import magic_hour.resources.v1.ai_gif_generator.client  # noqa: F401
    import magic_hour.resources.v1.image_projects.client  # noqa: F401

    assert PUBLISHED_SDK and magic_hour.__file__.startswith(os.path.abspath(PUBLISHED_SDK))
    started = time.perf_counter()
    client = Client(token="bench", base_url=url)
    result = client.v1.ai_gif_generator.generate(
        style={"prompt": "bench"}, output_format="mp4", download_directory=directory
    )
    seconds = time.perf_counter() - started
    (path,) = result.downloaded_paths or []
    return {"seconds": seconds, "size": os.path.getsize(path)}


MEASURES = {"generate": measure_generate, "httpx": measure_httpx, "published": measure_published}


def child(kind: str, url: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        measured = MEASURES[kind](url, directory)
    print(json.dumps({**measured, "peak_mb": peak_rss_mb()}))


def run_child(kind: str, url: str, size: int) -> dict[str, float]:
    if kind == "published":
        assert PUBLISHED_SDK is not None
    env = environment(PUBLISHED_SDK if kind == "published" else None)
    if kind == "published":
        env["MAGIC_HOUR_POLL_INTERVAL"] = str(POLL)
    output = subprocess.run(
        [PYTHON, __file__, "--child", kind, url],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    measured: dict[str, float] = json.loads(output)
    assert measured["size"] == size, (kind, measured)
    return measured


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=300 * 1024 * 1024)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(*arguments.child)
        return

    kinds = ["generate", "httpx"] + (["published"] if PUBLISHED_SDK else [])
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    with mock_server("--output-size", str(arguments.size)) as url:
        for run in range(arguments.runs):
            # Each in turn first, and each after the disk has written out the last run's file:
            # else the kernel makes whichever runs next pay for the other's dirty pages.
            for kind in kinds[run % len(kinds) :] + kinds[: run % len(kinds)]:
                os.sync()
                runs[kind].append(run_child(kind, url, arguments.size))

    megabytes = arguments.size / 2**20
    speed = {k: statistics.median(megabytes / r["seconds"] for r in rs) for k, rs in runs.items()}
    seconds = {k: statistics.median(r["seconds"] for r in rs) for k, rs in runs.items()}
    peak = {k: statistics.median(r["peak_mb"] for r in rs) for k, rs in runs.items()}
    reference = "published SDK" if PUBLISHED_SDK else ""
    missing = "" if PUBLISHED_SDK else "; no published SDK: MAGIC_HOUR_PUBLISHED_SDK unset"
    report(
        [
            Row(
                f"generate downloading {megabytes:.0f} MiB: throughput",
                speed["generate"],
                "MiB/s",
                speed["httpx"],
                ">= 0.95x httpx",
                speed["generate"] >= 0.95 * speed["httpx"],
                note="create, polls, download; wall time "
                + ", ".join(f"{k} {seconds[k]:.2f} s" for k in kinds)
                + missing,
                reference=speed.get("published"),
                reference_name=reference,
            ),
            Row(
                f"generate downloading {megabytes:.0f} MiB: client peak RSS",
                peak["generate"],
                "MiB",
                peak["httpx"],
                "< 64 MiB",
                peak["generate"] < 64,
                note=missing.lstrip("; "),
                reference=peak.get("published"),
                reference_name=reference,
            ),
        ]
    )


if __name__ == "__main__":
    main()
