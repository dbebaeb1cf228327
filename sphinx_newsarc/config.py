"""Typed, validated ``newsarc_*`` settings, read once from ``conf.py``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .core.pages import DEFAULT_PATTERNS
from .locale import _

__all__ = ["NewsarcConfig", "register", "settings"]

logger = logging.getLogger(__name__)


def _pages_default() -> dict[str, str]:
    return dict(DEFAULT_PATTERNS)


# -- feeds and JSON exports (see outputs.py and docs/feeds.md) -----------------------------

#: Where each kind of Atom feed goes, relative to the output directory.
FEED_PATTERNS: dict[str, str] = {
    "all": "news/feeds/all.atom.xml",
    "entity": "news/feeds/entities/{slug}.atom.xml",
    "story": "news/feeds/stories/{slug}.atom.xml",
    "category": "news/feeds/categories/{slug}.atom.xml",
}

#: Where the JSON exports go: all events, and each day (``{page}`` is the day page's docname).
JSON_PATHS: dict[str, str] = {
    "events": "news/events.json",
    "day": "{page}.json",
}


def _output_paths(value: Any, defaults: dict[str, str], placeholder: dict[str, str]) -> bool:
    """A bool, or a dict of some of ``defaults``' keys to relative paths ("" turns one off)."""
    if isinstance(value, bool):
        return True
    if not isinstance(value, dict):
        return False
    for key, path in value.items():
        if key not in defaults or not isinstance(path, str | None):
            return False
        if not path:
            continue
        parts = path.split("/")
        if path.startswith("/") or "\\" in path or ".." in parts or "" in parts:
            return False
        if key in placeholder and placeholder[key] not in path:
            return False
    return True


def _check_feeds(value: Any) -> bool:
    return value is None or _output_paths(
        value, FEED_PATTERNS, {"entity": "{slug}", "story": "{slug}", "category": "{slug}"}
    )


def _check_json(value: Any) -> bool:
    return _output_paths(value, JSON_PATHS, {"day": "{page}"})


@dataclass(frozen=True)
class NewsarcConfig:
    """All settings of sphinx-newsarc; each field is ``newsarc_<name>`` in ``conf.py``."""

    date_format: str = field(default="%Y-%m-%d", metadata={"doc": "format of a day's date"})
    month_format: str = field(default="%B %Y", metadata={"doc": "format of a month"})
    year_format: str = field(default="%Y", metadata={"doc": "format of a year"})
    related_limit: int = field(default=5, metadata={"doc": "related events per event"})
    entity_page_threshold: int = field(
        default=2, metadata={"doc": "events an undeclared entity needs for a page of its own"}
    )
    front_days: int = field(default=10, metadata={"doc": "days on the archive front page"})
    pages: dict[str, str] = field(
        default_factory=_pages_default, metadata={"doc": "docname pattern of each page kind"}
    )
    archive_title: str = field(default="", metadata={"doc": "title of the archive front page"})
    chronology_title: str = field(default="", metadata={"doc": "title of the Chronology index"})
    entities_title: str = field(default="", metadata={"doc": "title of the Entities index"})
    stories_title: str = field(default="", metadata={"doc": "title of the Stories index"})
    generate_pages: bool = field(
        default=True, metadata={"doc": "write the archive pages into the source directory"}
    )
    # -- feeds and JSON exports (outputs.py) ---------------------------------------------
    feeds: Any = field(
        default=None,
        metadata={
            "doc": "Atom feeds: None (when html_baseurl is set), True, False, or a dict of "
                   "feed kinds (all, entity, story, category) to output paths",
            "types": (type(None), bool, dict),
            "check": _check_feeds,
            "expect": "None, a bool, or a dict of feed kinds (all, entity, story, category) "
                      "to relative paths ('{slug}' in all but 'all')",
        },
    )
    feed_length: int = field(
        default=50, metadata={"doc": "entries per feed, newest first (0: all)"}
    )
    json: Any = field(
        default=True,
        metadata={
            "doc": "JSON exports: True, False, or a dict with the paths of 'events' and "
                   "'day' ('{page}' is the day page)",
            "types": (bool, dict),
            "check": _check_json,
            "expect": "a bool, or a dict with relative paths for 'events' and 'day' "
                      "('{page}' in 'day')",
        },
    )

    dated_pages: str = field(
        default="toctree",
        metadata={
            "doc": "how readers reach documents that hold events: 'toctree' (the author's "
                   "toctrees) or 'archive' (the archive; see docs/performance.md)",
            "check": lambda value: value in ("toctree", "archive"),
            "expect": "'toctree' or 'archive'",
        },
    )

    def titles(self) -> dict[str, str]:
        """The root pages' titles, translated defaults where ``conf.py`` sets none."""
        return {
            "archive": self.archive_title or _("News archive"),
            "chronology": self.chronology_title or _("Chronology"),
            "entities": self.entities_title or _("Entities"),
            "stories": self.stories_title or _("Stories"),
        }


_FIELDS = {f.name: f for f in dataclasses.fields(NewsarcConfig)}


def register(app: Sphinx) -> None:
    """Declare every ``newsarc_*`` value; a change to any of them rebuilds the environment."""
    defaults = NewsarcConfig()
    for name in _FIELDS:
        default = getattr(defaults, name)
        types = _FIELDS[name].metadata.get("types", (type(default),))
        app.add_config_value(f"newsarc_{name}", default, "env", types=types)


def _validate(name: str, value: Any, default: Any) -> Any:
    check = _FIELDS[name].metadata.get("check")
    if check is not None:
        if check(value):
            return value
        logger.warning("newsarc_%s = %r is not valid (expected %s); using %r", name, value,
                       _FIELDS[name].metadata["expect"], default, type="newsarc",
                       subtype="config")
        return default
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    elif isinstance(default, dict):
        ok = isinstance(value, dict) and all(
            k in DEFAULT_PATTERNS and isinstance(v, str) and v.strip("/") for k, v in value.items()
        )
        if ok:
            value = {**DEFAULT_PATTERNS, **{k: v.strip("/") for k, v in value.items()}}
    else:
        ok = isinstance(value, str)
    if not ok:
        logger.warning("newsarc_%s = %r is not valid (expected %s); using %r", name, value,
                       _expected(default), default, type="newsarc", subtype="config")
        return default
    return value


def _expected(default: Any) -> str:
    """What a setting with this default accepts, in words."""
    if isinstance(default, bool):
        return "True or False"
    if isinstance(default, int):
        return "a whole number, 0 or more"
    if isinstance(default, dict):
        return f"a dict of page kinds ({', '.join(DEFAULT_PATTERNS)}) to docname patterns"
    return "a string"


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: validate the settings once, replacing bad values by defaults."""
    defaults = NewsarcConfig()
    for name in _FIELDS:
        key = f"newsarc_{name}"
        value = _validate(name, getattr(config, key), getattr(defaults, name))
        config[key] = value


def settings(config: Config) -> NewsarcConfig:
    """The validated settings as one typed object."""
    return NewsarcConfig(**{name: getattr(config, f"newsarc_{name}") for name in _FIELDS})
