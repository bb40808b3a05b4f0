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


def given(
    values: typing.Dict[str, typing.Any], unset_by_none: typing.Collection[str] = ()
) -> typing.Dict[str, typing.Any]:
    """`values` without the entries left at NOT_GIVEN, in the same order; nor those named in
    `unset_by_none` that are None (an optional argument the API takes no null for)."""
    return {
        key: value
        for key, value in values.items()
        if value is not NOT_GIVEN and not (value is None and key in unset_by_none)
    }
