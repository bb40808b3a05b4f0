"""Keeps credentials out of what the package shows: the API key, and signed storage URLs.

The key is checked once, when a client is made, so that no request can fail on it (httpx would
quote a key that ends in a line break in its error); errors and log lines are scrubbed anyway,
whatever a library below says.
"""

from __future__ import annotations

import logging
import re
import typing

from magic_hour.core.errors import MagicHourError

# Patterns rather than compiled ones: `re` compiles each when first used (and keeps it), so
# that importing the package does not pay for what only an error or a log line needs.
# A URL's query string: signed storage URLs carry their credentials there.
_QUERY = r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#'\"<>]*)\?[^\s#'\"<>]*"
# An `Authorization` value as httpx, h11 or a server may quote it.
_CREDENTIAL = r"\b(Bearer|Basic)\s+[^\s'\"]+"
REDACTED = "[redacted]"


def checked_token(token: typing.Any, source: str) -> str:
    """The API key without the whitespace around it, or an error naming `source` (not the key).

    A key read from a file or a terminal often ends in a line break; one with a character a
    header cannot carry inside it would be refused by httpx only when sent, quoting it.
    """
    if not isinstance(token, str):
        raise MagicHourError(f"{source}: the API key must be a string, not {type(token).__name__}")
    key = token.strip()
    if not key:
        raise MagicHourError(f"{source}: the API key is empty or only whitespace")
    for position, character in enumerate(key, 1):
        if not "!" <= character <= "~":
            raise MagicHourError(
                f"{source}: the API key holds {_describe(character)} at character {position};"
                " a key is printable ASCII with no spaces"
            )
    return key


def _describe(character: str) -> str:
    if character.isspace():
        return "a space or line break"
    if not character.isprintable():
        return "a control character"
    return "a character that is not ASCII"


def scrub(text: str, secret: str) -> str:
    """`text` without `secret`, signed query strings or credentials."""
    if secret:
        text = text.replace(secret, REDACTED)
    return redact(text)


def redact(text: str) -> str:
    """`text` with the query of every URL and every quoted credential replaced."""
    if "?" in text:
        text = re.sub(_QUERY, r"\1?" + REDACTED, text)
    return re.sub(_CREDENTIAL, r"\1 " + REDACTED, text, flags=re.IGNORECASE)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message without signed query strings or credentials.

    On the package's logger, so that every line it writes is clean whatever its arguments
    hold (an httpx error, a URL), for every handler the application attaches.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record that cannot be formatted is the handler's to report
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


# On the package's logger itself, so that every handler an application attaches gets clean lines.
logging.getLogger("magic_hour").addFilter(RedactingFilter())
