"""Parsing of ``sources`` option lines: ``Name <URL>``, a bare URL, or a bare name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .model import Source

__all__ = ["SourceError", "parse_source"]

_NAMED = re.compile(r"^(?P<name>.*?)\s*<(?P<url>[^<>]*)>$")
_SCHEMES = ("http", "https", "ftp", "ftps")


class SourceError(ValueError):
    """A source line that cannot be read."""


def _check_url(url: str, line: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError as error:  # e.g. an unbalanced "[" in the host
        raise SourceError(f"source {line!r}: {url!r} is not a URL ({error})") from None
    if parts.scheme not in _SCHEMES or not parts.netloc or any(c.isspace() for c in url):
        raise SourceError(
            f"source {line!r}: {url!r} is not an absolute http(s) URL; "
            "write 'Name <https://...>', a bare URL, or a bare name"
        )
    return url


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
