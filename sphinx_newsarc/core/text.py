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
    "remove_control",
    "slugify",
    "split_list",
    "unique_slugs",
]

#: Slugs no entity or story page may take: they name the index pages beside them.
RESERVED_SLUGS = frozenset({"index"})

_SPACE = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: C0 controls but tab and newline, DEL and C1 controls (as the importer's cleaning): XML
#: 1.0 forbids or discourages them, pdflatex stops on them, and none means anything in a
#: headline, a name or a body.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_chars(text: str) -> list[str]:
    """The control characters :func:`remove_control` takes out of ``text``, each once, as
    ``U+XXXX`` in order of first appearance."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in _CONTROL.findall(text)))


def remove_control(text: str) -> str:
    """``text`` without control characters: U+0000-U+001F but tab and newline,
    U+007F-U+009F."""
    return _CONTROL.sub("", text)


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
