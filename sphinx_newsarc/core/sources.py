"""Parsing of ``sources`` option lines: ``Name <URL>``, a bare URL, or a bare name."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from .model import Source

__all__ = ["SourceError", "fix_url", "parse_source"]

_NAMED = re.compile(r"^(?P<name>.*?)\s*<(?P<url>[^<>]*)>$")
_SCHEMES = ("http", "https", "ftp", "ftps")


#: What :func:`fix_url` leaves as it is: printable ASCII but ``<>"``` (``%`` included, so
#: existing escapes stay).
_URL_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in "<>\"`")


class SourceError(ValueError):
    """A source line that cannot be read."""


def fix_url(url: str) -> str:
    """Percent-encode what a URL cannot hold as written in a page or a ``sources`` line:
    blanks, control characters, ``<>"``` and non-ASCII (as UTF-8). The one rule for the
    ``event`` and ``entity`` directives and the importer, so that a URL reads the same
    whichever way it came in."""
    if url.isascii() and url.isprintable() and not any(c in url for c in " <>\"`"):
        return url
    return quote(url, safe=_URL_SAFE)


def _check_url(url: str, line: str) -> str:
    """``url`` encoded by :func:`fix_url`; :class:`SourceError` when it is not absolute."""
    # blanks stay an error: in a source line they end the URL
    fixed = url if any(c.isspace() for c in url) else fix_url(url)
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
