"""Parsing of ``sources`` option lines: ``Name <URL>``, a bare URL, or a bare name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .model import Source

__all__ = ["SourceError", "encode_url", "parse_source"]

_NAMED = re.compile(r"^(?P<name>.*?)\s*<(?P<url>[^<>]*)>$")
_SCHEMES = ("http", "https", "ftp", "ftps")
#: What a URL keeps as it is: printable ASCII that RFC 3986 allows (so not
#: ``" < > \\ ^ ` { | }``), and ``%`` starting an escape (``%`` followed by two hex digits).
_URL_OK = re.compile(r"(?:[!#$&-;=?-\[\]_a-z~]|%[0-9A-Fa-f]{2})*")
_URL_KEEP = frozenset(
    "!#$&'()*+,-./:;=?@[]_~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")


class SourceError(ValueError):
    """A source line that cannot be read."""


def encode_url(url: str) -> str:
    """``url`` with every character RFC 3986 does not allow percent-encoded (as UTF-8).

    Encoded are blanks and control characters, ``" < > \\ ^ ` { | }``, non-ASCII
    characters, and a ``%`` that does not start an escape; escapes already there stay, so
    ``encode_url(encode_url(u)) == encode_url(u)``. The one rule for every URL the
    extension publishes, whether a page or the importer wrote it.
    """
    if _URL_OK.fullmatch(url):
        return url
    parts: list[str] = []
    for index, char in enumerate(url):
        if char in _URL_KEEP or (char == "%" and _HEX2.match(url, index + 1)):
            parts.append(char)
        else:
            parts.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
    return "".join(parts)


def _check_url(url: str, line: str) -> str:
    """``url`` encoded by :func:`encode_url`; :class:`SourceError` when it is not absolute."""
    # blanks stay an error: in a source line they end the URL
    fixed = url if any(c.isspace() for c in url) else encode_url(url)
    try:
        parts = urlsplit(fixed)
    except ValueError as error:  # e.g. an unbalanced "[" in the host
        raise SourceError(f"source {line!r}: {url!r} is not a URL ({error})") from None
    if parts.scheme not in _SCHEMES or not parts.netloc or any(c.isspace() for c in fixed):
        raise SourceError(
            f"source {line!r}: {url!r} is not an absolute http(s) URL; "
            "write 'Name <https://...>', a bare URL, or a bare name"
        )
    return fixed


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def parse_source(line: str) -> Source:
    """Read one source line; raise :class:`SourceError` when it is malformed."""
    text = line.strip()
    match = _NAMED.match(text)
    if match:
        name = match["name"].strip()
        url = _check_url(match["url"].strip(), text)
        return Source(name or _host(url), url)
    if "<" in text or ">" in text:
        raise SourceError(
            f"source {text!r} is malformed; write 'Name <https://...>', a bare URL, or a name"
        )
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        url = _check_url(text, text)
        return Source(_host(url), url)
    return Source(text)
