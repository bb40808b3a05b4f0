"""What a Markdown viewer makes of a generated page, and the checks that it shows as meant.

A page is parsed by markdown-it (CommonMark with GitHub's tables), so a fence that does not
close, or a table that a stray `|` or line break cuts, is caught as a reader would meet it.
Used by the docs tests on `generated/` and by the generator fuzz test on hostile specs.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

MARKDOWN = MarkdownIt("commonmark").enable("table")
PYTHON_FENCES = ("python", "py")


def tokens(text: str) -> list[Token]:
    return MARKDOWN.parse(text)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line, code) of each fenced Python block; the line is the code's first."""
    return [
        (t.map[0] + 2, t.content)
        for t in tokens(text)
        if t.type == "fence" and t.info.strip() in PYTHON_FENCES and t.map is not None
    ]


def layout_problems(text: str) -> Iterator[str]:
    """`line: problem` for each fence that does not close and each table row that has more or
    fewer cells than its header. (A row cut from its table shows in `table_rows`.)"""
    lines = text.split("\n")  # as Markdown breaks lines: not at \f or U+2028
    parsed = tokens(text)
    for token in parsed:
        if token.type == "fence" and token.map is not None:
            last = token.map[1] - 1
            closing = lines[last].strip() if token.map[1] - token.map[0] >= 2 else ""
            if not closing.startswith(token.markup):
                yield f"{token.map[0] + 1}: a code fence that does not close"
    for token in parsed:
        if token.type == "table_open" and token.map is not None:
            header = len(cells(lines[token.map[0]]))
            for number in range(*token.map):
                count = len(cells(lines[number]))
                if count != header:
                    yield f"{number + 1}: {count} cells, the header has {header}"


def table_rows(text: str) -> int:
    """How many body rows the page's tables have, as a viewer shows them."""
    rows, in_body = 0, False
    for token in tokens(text):
        if token.type in ("tbody_open", "tbody_close"):
            in_body = token.type == "tbody_open"
        rows += in_body and token.type == "tr_open"
    return rows


def cells(row: str) -> list[str]:
    """The cells of a table row: split at each `|` that is not escaped."""
    return re.split(r"(?<!\\)\|", row.strip().removeprefix("|").removesuffix("|"))


def links(text: str) -> Iterator[tuple[int, str]]:
    """(line, href) of each link."""
    for token in tokens(text):
        for child in token.children or []:
            if child.type == "link_open" and token.map is not None:
                yield token.map[0] + 1, str(child.attrs["href"])


@functools.cache  # a page's anchors are looked up once per link to it
def anchors(text: str) -> frozenset[str]:
    """The `<a name>`s of a page, and its headings' anchors as GitHub makes them."""
    found = set(re.findall(r'<a name="([^"]+)"></a>', text))
    parsed = tokens(text)
    for opening, inline in zip(parsed, parsed[1:]):
        if opening.type == "heading_open":
            words = "".join(
                c.content for c in inline.children or [] if c.type in ("text", "code_inline")
            )
            found.add(re.sub(r"[^\w\- ]", "", words.strip().lower()).replace(" ", "-"))
    return frozenset(found)


def link_problems(page: str, pages: dict[str, str], files: set[str]) -> Iterator[str]:
    """`line: href: problem` for each link of `page` (a path among `files`) that leads nowhere:
    a relative link must name one of `files`, and its anchor must be on that page."""
    for line, href in links(pages[page]):
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href):
            if not href.startswith(("https://", "http://", "mailto:")):
                yield f"{line}: {href}: not a web link"
            continue
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        if target not in files:
            yield f"{line}: {href}: names no generated file"
        elif anchor and (target not in pages or anchor not in anchors(pages[target])):
            yield f"{line}: {href}: no such anchor"


# A parser that keeps every link, whatever its scheme (markdown-it drops `javascript:` ones),
# so that a link a less careful viewer would follow is seen.
_EVERY_LINK = MarkdownIt("commonmark").enable("table")
_EVERY_LINK.validateLink = lambda url: True
# The HTML the generator writes itself: anchors for headings, line breaks in table cells.
OWN_HTML = re.compile(r'<a name="[\w-]*">|</a>|<br>')
WEB_LINK = re.compile(r"(https?|mailto):", re.IGNORECASE)


def unsafe_markup(text: str) -> Iterator[str]:
    """`line: what` for each piece of HTML a viewer would render that the generator did not
    write, and each link or image that leads elsewhere than the web, mail or a relative path."""
    for token in _EVERY_LINK.parse(text):
        line = token.map[0] + 1 if token.map is not None else 0
        if token.type == "html_block":
            yield f"{line}: HTML block {token.content.strip()!r}"
        for child in token.children or []:
            if child.type == "html_inline" and not OWN_HTML.fullmatch(child.content):
                yield f"{line}: inline HTML {child.content!r}"
            target = child.attrs.get("href", child.attrs.get("src"))
            if child.type in ("link_open", "image") and isinstance(target, str):
                scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", target)
                if scheme and not WEB_LINK.match(target.strip()):
                    yield f"{line}: link to {target!r}"


def inline_texts(text: str) -> Iterator[str]:
    """The text of each paragraph, heading and table cell as a viewer shows it (code included)."""
    for token in tokens(text):
        if token.type == "inline":
            yield "".join(
                " " if c.type == "softbreak" else c.content
                for c in token.children or []
                if c.type in ("text", "code_inline", "softbreak")
            )


def code_spans(text: str) -> list[str]:
    return [
        c.content for token in tokens(text) for c in token.children or [] if c.type == "code_inline"
    ]


def link_texts(text: str) -> Iterator[tuple[str, str]]:
    """(href, text) of each link."""
    for token in tokens(text):
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "link_open":
                words = []
                for inner in children[index + 1 :]:
                    if inner.type == "link_close":
                        break
                    words.append(inner.content)
                yield str(child.attrs["href"]), "".join(words)
