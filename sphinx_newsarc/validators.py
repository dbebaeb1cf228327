"""Validators of ``newsarc_*`` settings (pure: no Sphinx), one per field of
:class:`~sphinx_newsarc.config.NewsarcConfig` (its ``metadata["validator"]``).

A validator turns the value written in ``conf.py`` into the typed value the extension uses.
It raises :class:`Invalid` when the whole value is unusable (the caller uses the default),
and reports each unusable entry of a dict as a :class:`Problem` (that entry's default is
used, the rest is kept). :attr:`Validator.expects` says what it accepts, in words, for
messages and for the generated settings documentation.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "Invalid",
    "Problem",
    "Validator",
    "boolean",
    "one_of",
    "output_paths",
    "page_patterns",
    "text",
    "whole_number",
]

T = TypeVar("T", covariant=True)
D = TypeVar("D", bound="DataclassInstance")


class Invalid(ValueError):
    """The whole value is unusable; ``expected`` says what would be."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass(frozen=True)
class Problem:
    """One unusable entry of a dict setting: its key, its value, what is expected, and
    what is done instead (in words)."""

    key: str
    value: object
    expected: str
    instead: str


@dataclass(frozen=True)
class Validator(Generic[T]):
    """What a setting accepts (``expects``, in words), the Python types Sphinx may check
    (``types``), and the conversion to the typed value (``convert``)."""

    expects: str
    types: tuple[type, ...]
    convert: Callable[[object, list[Problem]], T]

    def __call__(self, value: object) -> tuple[T, list[Problem]]:
        """The typed value and the problems of single entries; :class:`Invalid` when the
        whole value is unusable."""
        problems: list[Problem] = []
        return self.convert(value, problems), problems


def boolean() -> Validator[bool]:
    """``True`` or ``False`` (not 0, 1 or a string)."""
    expects = "True or False"

    def convert(value: object, problems: list[Problem]) -> bool:
        if not isinstance(value, bool):
            raise Invalid(expects)
        return value

    return Validator(expects, (bool,), convert)


def whole_number(minimum: int) -> Validator[int]:
    """An ``int`` (not a bool) of at least ``minimum``."""
    expects = f"a whole number, {minimum} or more"

    def convert(value: object, problems: list[Problem]) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise Invalid(expects)
        return value

    return Validator(expects, (int,), convert)


def text(non_empty: bool = False, what: str = "") -> Validator[str]:
    """A string; with ``non_empty``, one with more than white space. ``what`` names it."""
    expects = what or ("a non-empty string" if non_empty else "a string")

    def convert(value: object, problems: list[Problem]) -> str:
        if not isinstance(value, str) or (non_empty and not value.strip()):
            raise Invalid(expects)
        return value

    return Validator(expects, (str,), convert)


def one_of(*choices: str) -> Validator[str]:
    """One of the strings ``choices``."""
    expects = " or ".join(repr(c) for c in choices)

    def convert(value: object, problems: list[Problem]) -> str:
        if not isinstance(value, str) or value not in choices:
            raise Invalid(expects)
        return value

    return Validator(expects, (str,), convert)


def _placeholders(pattern: str) -> set[str] | None:
    """The ``{name}`` fields of a pattern; ``None`` when it is no valid format string or
    has a field with a conversion, format spec or index."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        return None
    names = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return None
        names.add(name)
    return names


def _names(names: tuple[str, ...]) -> str:
    """``{a}``, ``{a} and {b}``, ``{a}, {b} and {c}``."""
    items = [f"{{{n}}}" for n in names]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _pattern_problem(pattern: str, required: tuple[str, ...], noun: str) -> str | None:
    """What a path pattern should be (the "expected" text), or ``None`` when it is."""
    parts = pattern.split("/")
    if (
        pattern
        and not pattern.startswith("/")
        and "\\" not in pattern
        and ".." not in parts
        and "" not in parts
        and _placeholders(pattern) == set(required)
    ):
        return None
    fields = (
        f"with {_names(required)} and no other placeholder" if required else "without placeholders"
    )
    return f"{noun} {fields} (relative, '/' between its parts, no '..')"


def page_patterns(
    defaults: Mapping[str, str], required: Mapping[str, tuple[str, ...]]
) -> Validator[dict[str, str]]:
    """A dict of some page kinds of ``defaults`` to docname patterns, each with the
    placeholders ``required`` names for its kind and no others; the result has every kind
    (the defaults for those not given), without leading or trailing ``/``."""
    kinds = ", ".join(defaults)
    expects = f"a dict of page kinds ({kinds}) to docname patterns"

    def convert(value: object, problems: list[Problem]) -> dict[str, str]:
        if not isinstance(value, dict):
            raise Invalid(expects)
        result = dict(defaults)
        for kind, pattern in value.items():
            if kind not in defaults:
                problems.append(
                    Problem(f"[{kind!r}]", pattern, f"a page kind ({kinds})", "ignored")
                )
                continue
            cleaned = pattern.strip("/") if isinstance(pattern, str) else ""
            what = _pattern_problem(cleaned, required.get(kind, ()), "a docname pattern")
            if what is not None:
                problems.append(Problem(f"[{kind!r}]", pattern, what, f"using {defaults[kind]!r}"))
                continue
            result[kind] = cleaned
        return result

    return Validator(expects, (dict,), convert)


def output_paths(
    cls: type[D], placeholders: Mapping[str, str], auto: bool, what: str
) -> Validator[D | None]:
    """``True`` (``cls()``: every file at its default path), ``False`` (none: every path
    empty), ``None`` when ``auto`` (decided later: the result is ``None``), or a dict of
    some of ``cls``'s fields to relative paths (``""`` or ``None``: that one is not
    written); a path of a field ``placeholders`` names must contain that placeholder."""
    names = [f.name for f in dataclasses.fields(cls)]
    expects = ("None, " if auto else "") + (
        f"True, False, or a dict of {what} ({', '.join(names)}) to relative paths "
        "(an empty one leaves it out)"
    )

    def convert(value: object, problems: list[Problem]) -> D | None:
        if value is None and auto:
            return None
        if isinstance(value, bool):
            return cls() if value else cls(**dict.fromkeys(names, ""))
        if not isinstance(value, dict):
            raise Invalid(expects)
        defaults: dict[str, Any] = {n: getattr(cls(), n) for n in names}
        result = dict(defaults)
        for key, path in value.items():
            if key not in defaults:
                problems.append(
                    Problem(f"[{key!r}]", path, f"one of {', '.join(names)}", "ignored")
                )
                continue
            if path is None or path == "":
                result[key] = ""
                continue
            need = (placeholders[key],) if key in placeholders else ()
            problem = (
                _pattern_problem(path, need, "a path")
                if isinstance(path, str)
                else "a relative path, or an empty string"
            )
            if problem is not None:
                problems.append(Problem(f"[{key!r}]", path, problem, f"using {defaults[key]!r}"))
                continue
            result[key] = path
        return cls(**result)

    return Validator(expects, (type(None), bool, dict) if auto else (bool, dict), convert)
