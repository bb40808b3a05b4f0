"""The `NOT_GIVEN` sentinel: tells an omitted argument apart from an explicit `None`."""

from __future__ import annotations

import typing


class NotGiven:
    """The type of `NOT_GIVEN`; an argument left at it is not sent at all."""

    _instance: typing.ClassVar[typing.Optional["NotGiven"]] = None

    def __new__(cls) -> "NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def given(values: typing.Dict[str, typing.Any]) -> typing.Dict[str, typing.Any]:
    """`values` without the entries left at NOT_GIVEN, in the same order."""
    return {key: value for key, value in values.items() if value is not NOT_GIVEN}
