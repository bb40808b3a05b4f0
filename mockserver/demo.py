"""`make demo`: the SDK page's `ai_gif_generator.generate` example, offline, on the mock server.

Starts the package's own mock server (`magic_hour.testing`, as users' tests do) on
`Environment.MOCK_SERVER`'s address (or any free port when that one is taken, which
`Environment.MOCK_SERVER` then reaches all the same), runs the example with a progress bar, and
prints where the GIF was saved.
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse

from magic_hour import Client, Progress
from magic_hour.environment import Environment
from magic_hour.testing import MockServer

BAR_WIDTH = 30


class ProgressBar:
    """Prints each status change on its own line, then a bar that fills as bytes arrive."""

    def __init__(self) -> None:
        self.status = ""

    def __call__(self, progress: Progress) -> None:
        if progress.status != self.status:
            self.status = progress.status
            print(f"  status: {progress.status}")
        if progress.downloaded_bytes and progress.total_bytes:
            done = progress.downloaded_bytes / progress.total_bytes
            bar = "#" * int(done * BAR_WIDTH)
            megabytes = progress.downloaded_bytes / 1e6
            print(f"\r  [{bar:<{BAR_WIDTH}}] {megabytes:6.1f} MB", end="", flush=True)
            if progress.downloaded_bytes == progress.total_bytes:
                print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5_000_000, help="GIF size in bytes")
    parser.add_argument("--directory", default="outputs", help="where to save (default: outputs)")
    arguments = parser.parse_args(argv)

    port = urllib.parse.urlsplit(Environment.MOCK_SERVER.value).port or 0
    try:
        server = _mock_server(port, arguments.size).start()
    except OSError:
        print(f"port {port} is taken; using a free one")
        server = _mock_server(0, arguments.size).start()
    print(f"mock server on {server.url}")
    try:
        with Client(token="demo-key", environment=Environment.MOCK_SERVER) as client:
            res = client.v1.ai_gif_generator.generate(
                style={"prompt": "Cute dancing cat, pixel art"},
                name="Ai Gif gif",
                output_format="gif",
                wait_for_completion=True,
                download_outputs=True,
                download_directory=arguments.directory,
                poll_interval=0.5,  # the mock renders in a few polls; the API takes longer
                on_progress=ProgressBar(),
            )
    finally:
        server.stop()
    print(f"project {res.id}: {res.status}, {res.credits_charged} credits")
    for path in res.downloaded_paths or []:
        print(f"GIF saved to {path}")
    return 0 if res.status == "complete" else 1


def _mock_server(port: int, output_size: int) -> MockServer:
    # Each project answers `queued`, then `rendering`, once before it completes.
    return MockServer(port=port, polls_per_status=1, output_size=output_size)


if __name__ == "__main__":
    sys.exit(main())
