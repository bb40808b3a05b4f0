"""Where the client sends its requests."""

import enum
import os
import typing


class Environment(enum.Enum):
    """The API servers: the production API, and the local mock server for offline work.

    `MOCK_SERVER` is where `python -m magic_hour.mock` listens by default; a mock running
    elsewhere (another port, as `magic_hour.testing` starts them) is reached by setting the
    `MAGIC_HOUR_MOCK_URL` environment variable to its URL.
    """

    ENVIRONMENT = "https://api.magichour.ai"
    MOCK_SERVER = "http://127.0.0.1:4010"


MOCK_SERVER_URL_VARIABLE = "MAGIC_HOUR_MOCK_URL"

# Said when nothing answers at the mock server's address.
MOCK_SERVER_HINT = (
    "is a mock server running there? Start one with `python -m magic_hour.mock`"
    " (pip install 'magic-hour[mock]'), or set "
    + MOCK_SERVER_URL_VARIABLE
    + " to the URL of a running one"
)


def environment_url(environment: Environment) -> str:
    """The URL of `environment`: for `MOCK_SERVER`, wherever the variable says it runs."""
    if environment is Environment.MOCK_SERVER:
        return os.environ.get(MOCK_SERVER_URL_VARIABLE) or str(environment.value)
    return str(environment.value)


def unreachable_hint(base_url: str) -> typing.Optional[str]:
    """What to say when nothing answers at `base_url`."""
    if base_url == environment_url(Environment.MOCK_SERVER):
        return MOCK_SERVER_HINT
    return None
