"""`python -m mockserver`: serve the specs' API on a local port until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
import urllib.parse
from types import FrameType

from generator.conventions import MOCK_SERVER_URL
from generator.problems import SpecError
from mockserver.server import MockServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mockserver", description=__doc__)
    parser.add_argument(
        "--specs", default="specs", help="folder of OpenAPI YAML files (default: specs)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    default_port = urllib.parse.urlsplit(MOCK_SERVER_URL).port
    parser.add_argument(
        "--port",
        type=int,
        default=default_port,
        help=f"port to listen on (default: {default_port}, where Environment.MOCK_SERVER points)",
    )
    pace = parser.add_mutually_exclusive_group()
    pace.add_argument(
        "--polls-per-status",
        type=int,
        default=1,
        metavar="N",
        help="GETs a project answers `queued`, then `rendering`, before its end (default: 1)",
    )
    pace.add_argument(
        "--seconds-per-status",
        type=float,
        default=None,
        metavar="S",
        help="seconds a project spends `queued`, then `rendering`, instead of counting GETs",
    )
    parser.add_argument(
        "--output-size",
        type=int,
        default=16 * 1024,
        metavar="BYTES",
        help="size of each output file unless a request asks otherwise (default: 16384)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    try:
        server = MockServer(
            specs=args.specs,
            host=args.host,
            port=args.port,
            polls_per_status=args.polls_per_status,
            seconds_per_status=args.seconds_per_status,
            output_size=args.output_size,
        )
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except ValueError as exc:
        parser.error(str(exc))
    try:
        server.start()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1

    # SIGTERM (a container or a process manager stopping us) ends as quietly as Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        specs = args.specs.rstrip("/") + "/"
        print(
            f"Mock {server.title} on {server.url} ({server.operation_count} operations from {specs})",
            flush=True,
        )
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
