"""Webhook verification in the client (`magic_hour.core.webhooks`, `client.webhooks`).

Properties (hypothesis; `make fuzz` runs them at volume): whatever `sign` signs verifies; one
byte changed in the body, the timestamp or the signature fails; a timestamp outside the
tolerance fails, both ways; a missing header is named; header names in any case and in every
kind of header mapping are found; and no exception ever shows the secret or the signature it
gives. Then the client's surface (`unwrap`, `sign`, the secret from the environment) and a real
receiver on loopback built on `http.server`.
"""

from __future__ import annotations

import asyncio
import email.message
import http.client
import io
import json
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
from helpers.paths import SPECS
from helpers.specfiles import GET_THINGS, spec, write_specs
from helpers.stages import python_view_of
from helpers.webhook_receiver import receiver
from hypothesis import given
from hypothesis import strategies as st

import magic_hour
from generator.render import render
from generator.views.python.model import WebhookParser
from magic_hour import (
    AsyncClient,
    Client,
    InvalidSignatureError,
    MagicHourError,
    MalformedWebhookError,
    MissingHeaderError,
    TimestampOutsideToleranceError,
    WebhookVerificationError,
)
from magic_hour.core.webhooks import (
    SECRET_VARIABLE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    Webhooks,
    sign,
    signature,
    verify_signature,
)

HEADERS = (SIGNATURE_HEADER, TIMESTAMP_HEADER)

# A prefix no message could hold by chance, so that finding the secret means it leaked.
secrets = st.text(min_size=1).map(lambda text: "whsec_" + text)
bodies = st.binary(max_size=2000)
# Any whole number of seconds `sign` may be given (a 64-bit count, negative too).
timestamps = st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1)
# Ordinary times and tolerances, whose sums floats hold exactly.
moments = st.integers(min_value=0, max_value=2**40)
tolerances = st.integers(min_value=0, max_value=10**6)


def assert_hidden(error: BaseException, secret: str, expected: str) -> None:
    """Neither the secret nor the signature it gives is in the message, the repr or any
    attribute of `error`."""
    shown = [str(error), repr(error), *(repr(value) for value in vars(error).values())]
    for text in shown:
        assert secret not in text
        assert expected not in text


def refused(
    kind: type[WebhookVerificationError], body: Any, headers: Any, secret: str, **options: Any
) -> WebhookVerificationError:
    with pytest.raises(kind) as caught:
        verify_signature(body, headers, secret=secret, **options)
    return caught.value


def change_one(text: str, index: int, replacement: int) -> str:
    """`text` with its character at `index` replaced by a different one (Latin-1, as header
    values are)."""
    index %= len(text)
    new = chr(replacement)
    if new == text[index]:
        new = chr((replacement + 1) % 256)
    return text[:index] + new + text[index + 1 :]


# -- properties --------------------------------------------------------------------------------


@given(body=bodies, secret=secrets, timestamp=timestamps)
def test_whatever_sign_signs_verifies(body: bytes, secret: str, timestamp: int) -> None:
    headers = sign(body, secret, timestamp)
    verify_signature(body, headers, secret=secret, now=timestamp)


@given(
    body=bodies.filter(len),
    secret=secrets,
    timestamp=moments,
    index=st.integers(min_value=0),
    replacement=st.integers(min_value=0, max_value=255),
)
def test_a_body_changed_in_one_byte_fails(
    body: bytes, secret: str, timestamp: int, index: int, replacement: int
) -> None:
    headers = sign(body, secret, timestamp)
    changed = bytearray(body)
    index %= len(body)
    changed[index] = replacement if replacement != body[index] else (replacement + 1) % 256
    error = refused(InvalidSignatureError, bytes(changed), headers, secret, now=timestamp)
    assert_hidden(error, secret, headers[SIGNATURE_HEADER])
    assert_hidden(error, secret, signature(secret, headers[TIMESTAMP_HEADER], bytes(changed)))


@given(
    body=bodies,
    secret=secrets,
    timestamp=moments,
    header=st.sampled_from(HEADERS),
    index=st.integers(min_value=0),
    replacement=st.integers(min_value=0, max_value=255),
)
def test_a_header_changed_in_one_byte_fails(
    body: bytes, secret: str, timestamp: int, header: str, index: int, replacement: int
) -> None:
    headers = sign(body, secret, timestamp)
    changed = {**headers, header: change_one(headers[header], index, replacement)}
    # The signature is checked first: a changed timestamp is a signature that does not match,
    # never news about the time.
    error = refused(InvalidSignatureError, body, changed, secret, now=timestamp)
    assert_hidden(error, secret, headers[SIGNATURE_HEADER])


@given(body=bodies, secret=secrets, other=secrets, timestamp=moments)
def test_another_secret_fails(body: bytes, secret: str, other: str, timestamp: int) -> None:
    headers = sign(body, other, timestamp)
    if other == secret:
        verify_signature(body, headers, secret=secret, now=timestamp)
        return
    error = refused(InvalidSignatureError, body, headers, secret, now=timestamp)
    assert_hidden(error, secret, signature(secret, headers[TIMESTAMP_HEADER], body))


@given(
    body=bodies,
    secret=secrets,
    timestamp=moments,
    tolerance=tolerances,
    beyond=st.integers(min_value=1, max_value=10**9),
    past=st.booleans(),
)
def test_a_timestamp_outside_the_tolerance_fails_either_way(
    body: bytes, secret: str, timestamp: int, tolerance: int, beyond: int, past: bool
) -> None:
    headers = sign(body, secret, timestamp)
    skew = tolerance + beyond
    now = timestamp + skew if past else timestamp - skew
    error = refused(
        TimestampOutsideToleranceError, body, headers, secret, tolerance=tolerance, now=now
    )
    assert isinstance(error, TimestampOutsideToleranceError)
    assert error.skew == (-skew if past else skew)
    assert error.tolerance == tolerance
    # How far off, which way, and the tolerance, in whole seconds.
    assert f"signed {skew} s {'in the past' if past else 'in the future'}" in str(error)
    assert f"tolerance of {tolerance} s" in str(error)
    assert_hidden(error, secret, headers[SIGNATURE_HEADER])


@given(
    body=bodies,
    secret=secrets,
    timestamp=moments,
    tolerance=tolerances,
    within=st.floats(min_value=-1, max_value=1),
)
def test_a_timestamp_within_the_tolerance_passes(
    body: bytes, secret: str, timestamp: int, tolerance: int, within: float
) -> None:
    headers = sign(body, secret, timestamp)
    # Up to the tolerance itself, in the past or the future.
    now = timestamp + round(within * tolerance)
    verify_signature(body, headers, secret=secret, tolerance=tolerance, now=now)


@given(body=bodies, secret=secrets, timestamp=moments, header=st.sampled_from(HEADERS))
def test_a_missing_header_is_named(body: bytes, secret: str, timestamp: int, header: str) -> None:
    headers = sign(body, secret, timestamp)
    signed = headers[SIGNATURE_HEADER]
    del headers[header]
    error = refused(MissingHeaderError, body, headers, secret, now=timestamp)
    assert isinstance(error, MissingHeaderError)
    assert error.header == header
    assert str(error) == f"the webhook delivery has no {header} header"
    assert_hidden(error, secret, signed)


class OnlyItems:
    """Headers as Werkzeug's and aiohttp's multi-dicts show them to a reader that iterates:
    `items()` only, a name possibly repeated."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def items(self) -> list[tuple[str, str]]:
        return [("X-Forwarded-For", "127.0.0.1"), *self._pairs]


class TitleCased(Mapping[str, str]):
    """Headers as Django's `request.headers` keeps them: names title-cased, `get` exact."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._headers = {name.title(): value for name, value in pairs}

    def __getitem__(self, name: str) -> str:
        return self._headers[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)


def http_server_headers(pairs: list[tuple[str, str]]) -> email.message.Message:
    """Headers as `http.server` hands them to a handler (`self.headers`), parsed from the
    wire."""
    lines = "".join(f"{name}: {value}\r\n" for name, value in pairs) + "\r\n"
    return http.client.parse_headers(io.BytesIO(lines.encode("latin-1")))


HEADER_KINDS: dict[str, Callable[[list[tuple[str, str]]], Any]] = {
    "dict": dict,
    "httpx.Headers": httpx.Headers,
    "http.server": http_server_headers,
    "pairs": list,
    "ASGI pairs (bytes)": lambda pairs: [(n.encode(), v.encode()) for n, v in pairs],
    "items() only": OnlyItems,
    "title-cased mapping": TitleCased,
}


@given(
    body=bodies,
    secret=secrets,
    timestamp=moments,
    kind=st.sampled_from(sorted(HEADER_KINDS)),
    cases=st.lists(st.booleans(), min_size=64, max_size=64),
)
def test_headers_are_found_in_any_case_and_any_mapping(
    body: bytes, secret: str, timestamp: int, kind: str, cases: list[bool]
) -> None:
    def recased(name: str) -> str:
        return "".join(c.upper() if up else c for c, up in zip(name, cases))

    pairs = [(recased(name), value) for name, value in sign(body, secret, timestamp).items()]
    verify_signature(body, HEADER_KINDS[kind](pairs), secret=secret, now=timestamp)
    # And a changed body still fails, whatever the mapping.
    error = refused(
        InvalidSignatureError, body + b"!", HEADER_KINDS[kind](pairs), secret, now=timestamp
    )
    assert_hidden(error, secret, signature(secret, str(timestamp), body + b"!"))


@given(text=st.text(max_size=500), secret=secrets, timestamp=moments, sign_text=st.booleans())
def test_a_str_body_is_its_utf8_bytes(
    text: str, secret: str, timestamp: int, sign_text: bool
) -> None:
    raw = text.encode("utf-8")
    headers = sign(text if sign_text else raw, secret, timestamp)
    for body in (text, raw, bytearray(raw), memoryview(raw)):
        verify_signature(body, headers, secret=secret, now=timestamp)


def json_containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # A named function: hypothesis reads a lambda's source to see that it recurses, and does
    # not always find it.
    return st.lists(children) | st.dictionaries(st.text(), children)


@given(
    event=st.dictionaries(
        st.text(max_size=10),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(), json_containers, max_leaves=10
        ),
        max_size=5,
    ),
    kind=st.text(),
    secret=secrets,
    as_text=st.booleans(),
)
def test_unwrap_gives_back_what_was_signed(
    event: dict[str, Any], kind: str, secret: str, as_text: bool
) -> None:
    event = {**event, "type": kind}
    body = json.dumps(event)
    # The class `client.webhooks` is, without a client per example.
    webhooks = Webhooks()
    headers = webhooks.sign(body, secret=secret)
    unwrapped = webhooks.unwrap(body if as_text else body.encode(), headers, secret=secret)
    assert unwrapped == event


# -- malformed deliveries, the secret, the arguments -------------------------------------------

SECRET = "whsec_test_secret"
# A delivery as the API sends one: the webhook reference's own example of its first event.
EXAMPLE_EVENT: dict[str, Any] = python_view_of(SPECS).ir.webhook_events[0].example


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "the webhook body is not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"\xff{}", "the webhook body is not JSON: 'utf-8' codec can't decode byte 0xff"),
        (b'{"type": "video.started"', "the webhook body is not JSON: Expecting ',' delimiter"),
        (b'[{"type": "video.started"}]', "the webhook body is not a JSON object but list"),
        (b'{"payload": {}}', "the webhook body has no `type` string naming its event"),
        (b'{"type": 3}', "the webhook body has no `type` string naming its event"),
    ],
)
def test_a_malformed_body_is_refused_after_its_signature(body: bytes, message: str) -> None:
    with Client(token="any") as client:
        webhooks = client.webhooks
    with pytest.raises(MalformedWebhookError) as caught:
        webhooks.unwrap(body, webhooks.sign(body, secret=SECRET), secret=SECRET)
    assert str(caught.value).startswith(message)
    assert_hidden(caught.value, SECRET, sign(body, SECRET)[SIGNATURE_HEADER])
    # Unsigned, the same body is only a bad signature: nothing is parsed before the check.
    with pytest.raises(InvalidSignatureError):
        webhooks.unwrap(body, sign(body, "whsec_other"), secret=SECRET)


@pytest.mark.parametrize("timestamp", ["", "12.5", "1e9", "+12", " 12", "12a", "1" * 20])
def test_a_signed_timestamp_that_is_not_whole_seconds_is_malformed(timestamp: str) -> None:
    headers = {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(SECRET, timestamp, b"{}")}
    error = refused(MalformedWebhookError, b"{}", headers, SECRET, now=0)
    assert str(error) == (
        f"the {TIMESTAMP_HEADER} header is not a whole number of seconds since the epoch"
    )


def both_clients() -> list[Client | AsyncClient]:
    """A `Client` and an `AsyncClient`, closed: their `webhooks` need no connection."""
    with Client(token="any") as client:
        pass
    async_client = AsyncClient(token="any")
    asyncio.run(async_client.close())
    return [client, async_client]


def test_the_secret_comes_from_the_argument_else_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A type the package does not know: unwrap gives it back as an unknown event.
    body = b'{"type": "image.archived", "payload": {"id": "abc"}}'
    for client in both_clients():
        monkeypatch.delenv(SECRET_VARIABLE, raising=False)
        with pytest.raises(MagicHourError) as caught:
            client.webhooks.unwrap(body, sign(body, SECRET))
        assert str(caught.value) == f"no webhook secret: pass secret=... or set {SECRET_VARIABLE}"
        monkeypatch.setenv(SECRET_VARIABLE, SECRET)
        headers = client.webhooks.sign(body)
        assert headers == sign(body, SECRET, int(headers[TIMESTAMP_HEADER]))
        assert client.webhooks.unwrap(body, headers).model_dump() == json.loads(body)
        client.webhooks.verify_signature(body, headers)
        # The argument wins over the variable.
        with pytest.raises(InvalidSignatureError):
            client.webhooks.verify_signature(body, headers, secret="whsec_other")
        other = client.webhooks.sign(body, secret="whsec_other")
        unwrapped = client.webhooks.unwrap(body, other, secret="whsec_other")
        assert unwrapped.model_dump() == json.loads(body)


def test_an_empty_secret_is_refused_naming_where_it_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = b'{"type": "audio.errored"}'
    headers = sign(body, SECRET)
    monkeypatch.setenv(SECRET_VARIABLE, "")
    with Client(token="any") as client:
        webhooks = client.webhooks
    with pytest.raises(MagicHourError) as caught:
        webhooks.unwrap(body, headers)
    assert str(caught.value).startswith(f"{SECRET_VARIABLE} is empty:")
    for call in (
        lambda: webhooks.unwrap(body, headers, secret=""),
        lambda: webhooks.sign(body, secret=""),
        lambda: verify_signature(body, headers, secret=""),
    ):
        with pytest.raises(MagicHourError) as caught:
            call()
        assert str(caught.value).startswith("secret is empty:")
        # A configuration error, not a delivery to answer with a 400.
        assert not isinstance(caught.value, WebhookVerificationError)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"body": {"type": "video.started"}},
            "body: expected the raw body as bytes or str, not dict",
        ),
        ({"headers": 12}, "headers: expected a mapping or a list of (name, value) pairs, not int"),
        ({"headers": "abc"}, "headers: expected a mapping or a list of (name, value) pairs"),
        ({"secret": b"whsec"}, "secret: the webhook secret must be a str, not bytes"),
        ({"tolerance": "300"}, "tolerance: expected seconds, not str"),
        ({"tolerance": -1}, "tolerance: expected seconds >= 0, got -1"),
    ],
)
def test_wrong_arguments_are_named(arguments: dict[str, Any], message: str) -> None:
    call = {"body": b"{}", "headers": sign(b"{}", SECRET), "secret": SECRET, **arguments}
    with pytest.raises((TypeError, ValueError)) as caught:
        verify_signature(call.pop("body"), call.pop("headers"), **call)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_every_verification_error_is_exported_and_a_magic_hour_error() -> None:
    kinds = [
        InvalidSignatureError,
        MalformedWebhookError,
        MissingHeaderError,
        TimestampOutsideToleranceError,
    ]
    for kind in [WebhookVerificationError, *kinds]:
        assert kind.__name__ in magic_hour.__all__
        assert getattr(magic_hour.errors, kind.__name__) is kind
        assert issubclass(kind, MagicHourError)
    assert all(issubclass(kind, WebhookVerificationError) for kind in kinds)


def test_the_client_takes_its_event_parser_from_the_python_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The typed events' generator fills `webhook_parser`; here a module of the test's stands in.
    (tmp_path / "stand_in_events.py").write_text(
        "class Event:\n"
        "    def __init__(self, data):\n"
        "        self.data = data\n"
        "\n"
        "\n"
        "def parse_event(data):\n"
        "    return Event(data)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    api = python_view_of(SPECS)
    api.webhook_parser = WebhookParser(
        module="stand_in_events", function="parse_event", event_class="Event"
    )
    source = render(api)[f"{api.package}/client.py"]
    assert "def webhooks(self) -> Webhooks[Event]:" in source
    module = types.ModuleType("client_with_events")
    exec(compile(source, "client.py", "exec"), module.__dict__)
    body = b'{"type": "image.started"}'
    with module.Client(token="any") as client:
        event = client.webhooks.unwrap(body, sign(body, SECRET), secret=SECRET)
    assert type(event).__name__ == "Event"
    assert event.data == {"type": "image.started"}


def test_a_top_level_resource_named_webhooks_leaves_client_webhooks_alone(tmp_path: Path) -> None:
    folder = write_specs(
        tmp_path, {"hooks.yaml": spec(GET_THINGS.replace("/v1/things", "/webhooks"))}
    )
    api = python_view_of(folder)
    assert [child.attribute for child in api.root.children] == ["webhooks_"]
    source = render(api)[f"{api.package}/client.py"]
    assert source.count("    def webhooks(self) -> Webhooks[") == 2


def test_a_receiver_on_http_server_takes_signed_deliveries_and_refuses_the_rest() -> None:
    body = json.dumps(EXAMPLE_EVENT).encode()
    with receiver(SECRET) as (url, events), httpx.Client(timeout=10) as http:
        signed = sign(body, SECRET)
        # Header names as a proxy might spell them.
        title_cased = {name.title(): value for name, value in signed.items()}
        assert http.post(url, content=body, headers=title_cased).status_code == 200
        assert [(e.type, e.payload.id) for e in events] == [  # type: ignore[attr-defined]
            (EXAMPLE_EVENT["type"], EXAMPLE_EVENT["payload"]["id"])
        ]
        for content, headers, refusal in [
            (body + b" ", signed, "InvalidSignatureError"),
            (body, sign(body, "whsec_other"), "InvalidSignatureError"),
            (body, sign(body, SECRET, 1_000_000), "TimestampOutsideToleranceError"),
            (body, {SIGNATURE_HEADER: signed[SIGNATURE_HEADER]}, "MissingHeaderError"),
            (b"not json", sign(b"not json", SECRET), "MalformedWebhookError"),
        ]:
            answer = http.post(url, content=content, headers=headers)
            assert (answer.status_code, answer.text) == (400, refusal)
        assert len(events) == 1
