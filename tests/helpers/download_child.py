"""Run one `generate` in this fresh process, for tests that send it signals:

    python tests/helpers/download_child.py URL DIRECTORY sync|async [--no-unnamed-files]

Generates with the client against URL (a `helpers.storage` server), saving to DIRECTORY, and
prints `downloading` once the first bytes of the output are saved. `--no-unnamed-files` runs
as on a system without unnamed files (no `os.O_TMPFILE`): downloads use named `.part` files.
Exceptions are left uncaught, so the exit status and stderr are what a user's script gives.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

if "--no-unnamed-files" in sys.argv:
    del os.O_TMPFILE

import magic_hour  # noqa: E402  (after the platform is set up)


def report(progress: magic_hour.Progress) -> None:
    if progress.downloaded_bytes and not report.__dict__.get("said"):
        report.__dict__["said"] = True
        print("downloading", flush=True)


def main(url: str, directory: str, driver: str) -> None:
    arguments = {
        "style": {"prompt": "signals"},
        "download_directory": directory,
        "poll_interval": 0.01,
        "on_progress": report,
    }
    if driver == "sync":
        with magic_hour.Client(token="key", base_url=url) as client:
            result = client.v1.ai_gif_generator.generate(**arguments)
    else:

        async def run() -> Any:
            async with magic_hour.AsyncClient(token="key", base_url=url) as client:
                return await client.v1.ai_gif_generator.generate(**arguments)

        result = asyncio.run(run())
    print("saved", *(result.downloaded_paths or []), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
