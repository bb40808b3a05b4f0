"""How a method reads a success response: by its status, as the spec describes each one."""

from __future__ import annotations

import typing

import httpx
import pydantic

T = typing.TypeVar("T")


class Expected(typing.Generic[T]):
    """The 2xx responses of one operation: JSON of a given type, text, bytes, or no content.

    A 2xx status the spec does not list is read like the first one it does list.
    """

    def __init__(
        self,
        *,
        json: typing.Optional[typing.Mapping[int, typing.Any]] = None,
        text: typing.Sequence[int] = (),
        binary: typing.Sequence[int] = (),
        empty: typing.Sequence[int] = (),
    ) -> None:
        self._json: typing.Dict[int, typing.Any] = dict(json or {})
        self._kinds: typing.Dict[int, str] = {
            **{status: "json" for status in self._json},
            **{status: "text" for status in text},
            **{status: "binary" for status in binary},
            **{status: "empty" for status in empty},
        }
        self._first = min(self._kinds)
        self._adapters: typing.Dict[int, pydantic.TypeAdapter[typing.Any]] = {}

    def read(self, response: httpx.Response) -> T:
        """The value the method returns; ValueError or ValidationError if the body is not it."""
        status = response.status_code if response.status_code in self._kinds else self._first
        kind = self._kinds[status]
        if kind == "empty":
            return typing.cast(T, None)
        if kind == "binary":
            return typing.cast(T, response.content)
        if kind == "text":
            return typing.cast(T, response.text)
        target = self._json[status]
        if isinstance(target, type) and issubclass(target, pydantic.BaseModel):
            return typing.cast(T, target.model_validate_json(response.content))
        adapter = self._adapters.get(status)
        if adapter is None:
            # Built on first use, so that importing a resource stays cheap.
            adapter = self._adapters[status] = pydantic.TypeAdapter(target)
        return typing.cast(T, adapter.validate_json(response.content))
