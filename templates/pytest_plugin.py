"""pytest fixtures for testing code that uses `magic_hour`, offline (`pip install 'magic-hour[mock]'`).

- `magic_hour_mock`: the mock server (`magic_hour.testing.MockServer`), one per test session
  (per worker with pytest-xdist), on a free port, its state reset before each test. Script how
  projects end, read what it received, `assert_no_create()`.
- `magic_hour_client`, `magic_hour_async_client`: clients bound to it.
- `magic_hour_webhooks`: a webhook receiver (`magic_hour.testing.WebhookReceiver`) that the
  mock delivers its signed events to during the test (`.secret` verifies them).

An `async def` test that uses `magic_hour_async_client` runs in an event loop of its own when no
async plugin (pytest-asyncio, anyio) takes it.

Registered through the `pytest11` entry point; it imports `magic_hour` only when a test asks for
one of its fixtures, so that pytest starts as fast with the package installed as without it.
"""

from __future__ import annotations

import asyncio
import inspect
import typing

import pytest

if typing.TYPE_CHECKING:
    from magic_hour import AsyncClient, Client
    from magic_hour.testing import MockServer, WebhookReceiver

# A key the mock accepts; a real one is never used, whatever the environment holds.
MOCK_API_KEY = "magic-hour-mock-key"
# The markers of plugins that run coroutine tests themselves.
_ASYNC_MARKERS = ("asyncio", "anyio", "trio")


@pytest.fixture(scope="session")
def magic_hour_mock_session() -> typing.Iterator[MockServer]:
    """The session's mock server; use `magic_hour_mock`, which resets it for each test."""
    from magic_hour.testing import MockServer

    with MockServer() as server:
        yield server


@pytest.fixture
def magic_hour_mock(magic_hour_mock_session: MockServer) -> MockServer:
    """The mock API server, with no project, upload, request or script left by another test.
    `Environment.MOCK_SERVER` reaches it."""
    magic_hour_mock_session.reset()
    return magic_hour_mock_session


@pytest.fixture(scope="session")
def magic_hour_webhook_receiver_session() -> typing.Iterator[WebhookReceiver]:
    """The session's webhook receiver, started when a test first asks for `magic_hour_webhooks`."""
    from magic_hour.testing import WebhookReceiver

    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def magic_hour_webhooks(
    magic_hour_mock: MockServer, magic_hour_webhook_receiver_session: WebhookReceiver
) -> typing.Iterator[WebhookReceiver]:
    """A webhook receiver on loopback that the mock delivers its signed events to during this
    test (projects then move with time, polled or not): `.deliveries`, `.wait(count)`, and
    `.secret`, which the mock signs with."""
    receiver = magic_hour_webhook_receiver_session
    receiver.clear()
    magic_hour_mock.deliver_webhooks(receiver.url, receiver.secret)
    yield receiver
    magic_hour_mock.deliver_webhooks(None)


@pytest.fixture
def magic_hour_client(magic_hour_mock: MockServer) -> typing.Iterator[Client]:
    """A `magic_hour.Client` bound to the mock server."""
    from magic_hour import Client

    with Client(token=MOCK_API_KEY, base_url=magic_hour_mock.url) as client:
        yield client


@pytest.fixture
def magic_hour_async_client(magic_hour_mock: MockServer) -> typing.Iterator[AsyncClient]:
    """A `magic_hour.AsyncClient` bound to the mock server, usable from any test's event loop."""
    import httpx

    from magic_hour import AsyncClient

    # No connection outlives the event loop that opened it: each test may run its own loop.
    transport = httpx.AsyncClient(limits=httpx.Limits(max_keepalive_connections=0))
    client = AsyncClient(token=MOCK_API_KEY, base_url=magic_hour_mock.url, httpx_client=transport)
    yield client
    asyncio.run(transport.aclose())


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> typing.Optional[bool]:
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None
    if "magic_hour_async_client" not in pyfuncitem.fixturenames:
        return None
    if any(pyfuncitem.get_closest_marker(name) for name in _ASYNC_MARKERS):
        return None  # an async plugin runs it
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(test(**arguments))
    return True
