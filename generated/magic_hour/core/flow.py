"""Logic written once for the sync and the async client, as flows run by a driver.

A flow is a generator that yields an `Action` (send this request, sleep this long...) and is
sent the answer, or has the action's exception thrown into it, at the `yield`. The logic is
the flow's; a driver only does what it is asked, with blocking calls (`run_sync`) or with
awaits (`run_async`). A flow that gets an exception may still yield (to close a response in a
`finally`, say) before it ends.
"""

from __future__ import annotations

import typing

import httpx

T = typing.TypeVar("T")


class Action:
    """Something a flow asks its driver to do; each kind says what its answer is."""


# The answer a flow is sent is typed where it is received: `response: httpx.Response = yield`.
Flow = typing.Generator[Action, typing.Any, T]


class Sleep(Action):
    """Wait `seconds`; no answer."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class ReadBody(Action):
    """Hand each chunk of a streamed response's body to `save`, as it arrives; no answer.

    The chunks are the body as sent, not decoded: the reader checks its `Content-Encoding`.
    """

    def __init__(self, response: httpx.Response, save: typing.Callable[[bytes], None]) -> None:
        self.response = response
        self.save = save


class Close(Action):
    """Close a streamed response; no answer."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response


def run_sync(flow: Flow[T], do: typing.Callable[[Action], typing.Any]) -> T:
    """`flow`'s result, each action it yields done by the blocking `do`."""
    try:
        action = next(flow)
        while True:
            try:
                answer = do(action)
            except BaseException as error:  # Ctrl-C too: the flow may clean up or explain.
                action = flow.throw(error)
            else:
                action = flow.send(answer)
    except StopIteration as stop:
        return typing.cast(T, stop.value)


async def run_async(
    flow: Flow[T], do: typing.Callable[[Action], typing.Awaitable[typing.Any]]
) -> T:
    """`flow`'s result, each action it yields done by the coroutine function `do`."""
    try:
        action = next(flow)
        while True:
            try:
                answer = await do(action)
            except BaseException as error:  # Cancellation too: the flow may clean up or explain.
                action = flow.throw(error)
            else:
                action = flow.send(answer)
    except StopIteration as stop:
        return typing.cast(T, stop.value)
