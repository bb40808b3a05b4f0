"""The async client imports nothing per request (#19).

httpcore imports `sniffio` on every async request to learn which event loop runs it; Python
does not remember an import that failed, so without `sniffio` installed each request searches
every folder of sys.path again (about 3 ms a request, most of a client's time with 100 calls
under way). The package depends on `sniffio` for that reason. Runs the async client against a
real loopback server (`helpers.storage`), watching the import system.
"""

from __future__ import annotations

import asyncio
import importlib.abc
import sys
from pathlib import Path
from typing import Any

from helpers.storage import OUTPUT, storage_server

from magic_hour import AsyncClient


class Watcher(importlib.abc.MetaPathFinder):
    """Asked first for every module not yet imported; finds none, notes each name."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: Any, target: Any = None) -> None:
        self.names.append(name)
        return None


def test_async_generate_searches_for_no_module_once_warm(tmp_path: Path) -> None:
    async def generate_twice(url: str, watcher: Watcher) -> list[Any]:
        async with AsyncClient(token="key", base_url=url) as client:
            results = []
            for attempt in range(2):
                if attempt == 1:  # the first call imports what calls need, once
                    sys.meta_path.insert(0, watcher)
                results.append(
                    await client.v1.ai_gif_generator.generate(
                        style={"prompt": "imports"},
                        download_directory=tmp_path / str(attempt),
                        poll_interval=0.01,
                    )
                )
            return results

    watcher = Watcher()
    try:
        with storage_server("whole") as server:
            results = asyncio.run(generate_twice(server.url, watcher))
    finally:
        if watcher in sys.meta_path:
            sys.meta_path.remove(watcher)
    assert [Path(r.downloaded_paths[0]).read_bytes() for r in results] == [OUTPUT, OUTPUT]
    assert watcher.names == []
