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
    steps = _Steps(flow)
    while not steps.finished:
        try:
            answer = do(steps.action)
        except BaseException as error:  # Ctrl-C too: the flow may clean up or explain.
            steps.fail(error)
        else:
            steps.answer(answer)
    return steps.result


async def run_async(
    flow: Flow[T], do: typing.Callable[[Action], typing.Awaitable[typing.Any]]
) -> T:
    """`flow`'s result, each action it yields done by the coroutine function `do`."""
    steps = _Steps(flow)
    while not steps.finished:
        try:
            answer = await do(steps.action)
        except BaseException as error:  # Cancellation too: the flow may clean up or explain.
            steps.fail(error)
        else:
            steps.answer(answer)
    return steps.result


class _Steps(typing.Generic[T]):
    """A flow on its way: the action it waits on, until it has finished with `result`."""

    def __init__(self, flow: Flow[T]) -> None:
        self._flow = flow
        self.finished = False
        self.action: Action
        self.result: T
        self._resume(lambda: next(flow))

    def answer(self, value: typing.Any) -> None:
        self._resume(lambda: self._flow.send(value))

    def fail(self, error: BaseException) -> None:
        self._resume(lambda: self._flow.throw(error))

    def _resume(self, step: typing.Callable[[], Action]) -> None:
        try:
            self.action = step()
        except StopIteration as stop:
            self.finished = True
            self.result = stop.value
