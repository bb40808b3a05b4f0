"""`magic-hour`, the command line: every operation of the API, and `generate` with progress.

It needs click: `pip install 'magic-hour[cli]'`. `import magic_hour` never imports
this package.
"""

from __future__ import annotations

import sys
import typing

EXTRA_HINT = "magic-hour: the command line needs click: pip install 'magic-hour[cli]'"


def main(argv: typing.Optional[typing.List[str]] = None) -> None:
    """The console script: runs one command and exits with its code (see `magic-hour --help`)."""
    try:
        import click  # noqa: F401  (whether the extra is installed)
    except ImportError:
        print(EXTRA_HINT, file=sys.stderr)
        sys.exit(1)
    from magic_hour import conventions
    from magic_hour.cli.app import Package, run
    from magic_hour.client import API_KEY_VARIABLE, Client
    from magic_hour.environment import Environment

    package = Package(
        client=Client,
        mock_server=Environment.MOCK_SERVER,
        api_key_variable=API_KEY_VARIABLE,
        storage_prefix=conventions.STORAGE_PREFIX,
        complete_status=conventions.COMPLETE_STATUS,
    )
    run(argv, package)
