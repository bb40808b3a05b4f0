"""`python -m magic_hour.mock` (or `magic-hour-mock`): serve the mock API until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
import urllib.parse
from types import FrameType
from typing import Optional


def main(argv: Optional[list[str]] = None) -> int:
    try:
        from magic_hour.mock.server import DESCRIPTION, MockServer
        from magic_hour.mock.state import SteeringError
        from magic_hour.mock.webhooks import DEFAULT_RETRY_SECONDS, SECRET_VARIABLE
    except ImportError as exc:
        print(exc, file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(prog="magic-hour-mock", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to listen on; 0 picks a free one (default: the port of Environment.MOCK_SERVER)",
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
    parser.add_argument(
        "--outcome",
        default="complete",
        metavar="OUTCOME",
        help="how every project ends unless steered: complete, canceled, error or error:<code>"
        " (default: complete)",
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="hand out the same ids and URLs on every run"
    )
    parser.add_argument(
        "--webhook-url",
        default=None,
        metavar="URL",
        help="POST a signed event there as each project starts, completes or fails; projects then"
        " move every --seconds-per-status (0.2 s unless given), polled or not",
    )
    parser.add_argument(
        "--webhook-secret",
        default=None,
        metavar="SECRET",
        help=f"the secret that signs them (default: the {SECRET_VARIABLE} environment variable,"
        " which keeps it off the command line)",
    )
    parser.add_argument(
        "--webhook-retry-seconds",
        type=float,
        default=DEFAULT_RETRY_SECONDS,
        metavar="S",
        help="how long a failing delivery is retried (default: 60; the API retries for 24 hours)",
    )
    parser.add_argument(
        "--description",
        default=None,
        metavar="FILE",
        help="the API description to serve (default: this package's, written by its generator)",
    )
    args = parser.parse_args(argv)
    if args.port is not None and not 0 <= args.port <= 65535:
        parser.error(f"--port: 0 to 65535, got {args.port}")
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    outcome, _, code = args.outcome.partition(":")
    try:
        server = MockServer(
            description=args.description or DESCRIPTION,
            host=args.host,
            port=0,  # replaced below, once the default is known
            polls_per_status=args.polls_per_status,
            seconds_per_status=args.seconds_per_status,
            output_size=args.output_size,
            seed=args.seed,
            outcome=outcome,
            error_code=code or None,
            webhook_url=args.webhook_url,
            webhook_secret=(
                args.webhook_secret
                if args.webhook_secret is not None
                else os.environ.get(SECRET_VARIABLE)
            ),
            webhook_retry_seconds=args.webhook_retry_seconds,
        )
    except (SteeringError, ValueError) as exc:
        message = str(exc)
        if message.startswith("webhook_"):
            # Named as the command line names it; the message never holds the secret.
            option, _, rest = message.partition(":")
            message = f"--{option.replace('_', '-')}:{rest}"
        parser.error(message)
    except (OSError, KeyError) as exc:
        print(f"Cannot read the API description: {exc}", file=sys.stderr)
        return 1
    default_url = str(server.description["url"])
    server.port = (
        args.port if args.port is not None else urllib.parse.urlsplit(default_url).port or 0
    )
    try:
        server.start()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{server.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1

    # SIGTERM (a container, a process manager, a test's fixture) ends as quietly as Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        print(
            f"Mock {server.title} on {server.url} ({server.operation_count} operations)", flush=True
        )
        if server.webhook_url is not None:
            print("Webhook events are signed and sent as projects move", flush=True)
        if server.url != default_url.rstrip("/"):
            print(
                f"Environment.MOCK_SERVER reaches it where {server.url_variable}={server.url}",
                flush=True,
            )
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _interrupt(signum: int, frame: Optional[FrameType]) -> None:
    raise KeyboardInterrupt
