"""Text helpers: name keys that ignore case and accents, slugs, list splitting, control
characters."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "RESERVED_SLUGS",
    "control_chars",
    "index_letter",
    "name_key",
    "slugify",
    "split_list",
    "strip_control_chars",
    "unique_slugs",
]

#: Slugs no entity or story page may take: they name the index pages beside them.
RESERVED_SLUGS = frozenset({"index"})

_SPACE = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: Control characters published text never keeps: C0 but tab and line feed; DEL; C1
#: (U+0080-U+009F). XML 1.0 forbids most of them, LaTeX chokes on them, and none prints.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def name_key(name: str) -> str:
    """A key under which spellings of one name match: no accents, no case, single spaces.

    ``"Alan García"``, ``"alan garcia"`` and ``"ALAN  GARCÍA"`` share one key.
    """
    if not name.isascii():  # ASCII is its own NFKD form, with no combining marks
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", name.casefold()).strip()


def index_letter(name: str) -> str:
    """The letter an A-Z index files ``name`` under: its first letter without accents,
    upper case; ``#`` for names that start with anything else."""
    first = unicodedata.normalize("NFKD", name[:1])[:1]
    return first.upper() if first.isalpha() else "#"


def slugify(text: str, max_length: int = 80) -> str:
    """An ASCII slug for URLs and ids: ``"Alan García"`` becomes ``"alan-garcia"``."""
    slug = _NON_SLUG.sub("-", name_key(text).encode("ascii", "ignore").decode()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-":  # do not end in the middle of a word
            cut = cut.rsplit("-", 1)[0] or cut
        slug = cut.rstrip("-")
    return slug


def split_list(value: str) -> list[str]:
    """Split a ``;``- or newline-separated option value, dropping empty items."""
    return [item.strip() for item in re.split(r"[;\n]", value) if item.strip()]


def unique_slugs(names: dict[str, str], fallback: str = "item") -> dict[str, str]:
    """A unique slug for each key's name, assigned in key order so that it is stable;
    a taken slug gets ``-2``, ``-3``, ..., and none is in :data:`RESERVED_SLUGS`."""
    slugs: dict[str, str] = {}
    taken: set[str] = set(RESERVED_SLUGS)
    for key in sorted(names):
        base = slugify(names[key]) or fallback
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[key] = slug
    return slugs


def control_chars(text: str) -> list[str]:
    """The distinct control characters :func:`strip_control_chars` removes from ``text``,
    in order of first appearance."""
    return list(dict.fromkeys(_CONTROL.findall(text)))


def strip_control_chars(text: str) -> str:
    """``text`` without control characters: U+0000-U+001F but tab, line feed and carriage
    return, U+007F and U+0080-U+009F. (U+000B, U+000C, U+001C-U+001E and U+0085 break
    lines for ``str.splitlines``, docutils and MyST; text that has not been split into
    lines yet should turn them into line breaks first.)"""
    return _CONTROL.sub("", text)
