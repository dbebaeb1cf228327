"""Typed, validated ``newsarc_*`` settings, read once per build from ``conf.py``.

Each field of :class:`NewsarcConfig` is the setting ``newsarc_<field>``; its metadata holds
its ``validator`` (:mod:`.validators`), its ``help`` (Markdown, shown in the generated
``docs/settings.md``) and its ``conf_default`` (the value ``conf.py`` sees). At
``config-inited`` every value is validated once: each invalid one is a located
``newsarc.config`` warning, and its default is used. The result is kept on the build's
:class:`~sphinx.config.Config` object and read through :func:`settings`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .core.pages import DEFAULT_PATTERNS
from .locale import _
from .validators import (
    Invalid,
    Validator,
    boolean,
    one_of,
    output_paths,
    page_patterns,
    text,
    whole_number,
)
from .warnings import NewsarcWarning, warn

__all__ = [
    "FEED_PATTERNS",
    "JSON_PATHS",
    "FeedPaths",
    "JsonPaths",
    "NewsarcConfig",
    "check_config",
    "register",
    "settings",
]


# -- feeds and JSON exports (see outputs.py and docs/feeds.md) -----------------------------


@dataclass(frozen=True)
class FeedPaths:
    """Where each kind of Atom feed and iCalendar file goes, relative to the output
    directory ("": none); ``{page}`` is the docname of the day's, entity's or story's
    page (the file sits beside it)."""

    all: str = "news/feeds/all.atom.xml"
    entity: str = "news/feeds/entities/{slug}.atom.xml"
    story: str = "news/feeds/stories/{slug}.atom.xml"
    category: str = "news/feeds/categories/{slug}.atom.xml"
    day: str = "{page}.xml"
    calendar: str = "news/calendar.ics"
    entity_calendar: str = "{page}.ics"
    story_calendar: str = "{page}.ics"

    def enabled(self) -> dict[str, str]:
        """The path (pattern) of each feed kind that is written."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v}


@dataclass(frozen=True)
class JsonPaths:
    """Where the JSON exports go: all events, and each day (``{page}`` is the day page's
    docname); "": not written."""

    events: str = "news/events.json"
    day: str = "{page}.json"

    def enabled(self) -> dict[str, str]:
        """The path (pattern) of each JSON export that is written."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v}


#: Where each kind of Atom feed goes by default.
FEED_PATTERNS: dict[str, str] = FeedPaths().enabled()
#: Where the JSON exports go by default.
JSON_PATHS: dict[str, str] = JsonPaths().enabled()

_DATE_FORMAT = "a non-empty date format such as '%d %B %Y'"

#: The placeholders the pattern of each page kind must have (and no others).
_PAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "year": ("year",),
    "month": ("year", "month"),
    "day": ("year", "month", "day"),
    "entity": ("slug",),
    "story": ("slug",),
    "onthisday": ("month", "day"),
    "entities-letter": ("letter",),
    "stories-letter": ("letter",),
    "entity-year": ("slug", "period"),
    "story-year": ("slug", "period"),
}


def _setting(conf_default: object, validator: Validator[object], help: str, **more: str) -> Any:
    """A field whose default is ``validator``'s reading of ``conf_default``."""
    default, problems = validator(conf_default)
    assert not problems, problems
    metadata = {"validator": validator, "help": help, "conf_default": conf_default, **more}
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class NewsarcConfig:
    """All settings of sphinx-newsarc; each field is ``newsarc_<name>`` in ``conf.py``."""

    date_format: str = _setting(
        "%-d %B %Y",
        text(non_empty=True, what=_DATE_FORMAT),
        "Format of a day's date, the one text of a date everywhere (events, listings, "
        "related lists, page titles, the sidebar, bookmarks, the `day` role). Uses Sphinx's "
        "date formatting, localised by Babel: *10 April 2006*, and *10 avril 2006* with "
        '`language = "fr"`; `"%Y-%m-%d"` gives ISO dates.',
    )
    month_format: str = _setting(
        "%B %Y",
        text(non_empty=True, what=_DATE_FORMAT),
        "Format of a month (page titles, events known only to the month).",
    )
    year_format: str = _setting("%Y", text(non_empty=True, what=_DATE_FORMAT), "Format of a year.")
    related_limit: int = _setting(
        5, whole_number(0), "Related events shown per event (explicit `related` ids are never cut)."
    )
    entity_page_threshold: int = _setting(
        2,
        whole_number(1),
        "Events an undeclared entity needs for a page of its own. Declared entities with "
        "events always get one.",
    )
    entities_per_page: int = _setting(
        1000,
        whole_number(0),
        "Names on one page of the website's Entities index (and Stories index): a larger "
        "index gets a page per letter (a letter with more names, a page per two letters), "
        "each with an A-Z bar (0: one page, whatever its size). With Pagefind, events get "
        "`entity` (`story`) filters only while that index is one page.",
    )
    events_per_page: int = _setting(
        500,
        whole_number(0),
        "Events on one entity's or story's page (websites): a page with more shows its facts, "
        "chart and latest events and links a page per year (a year with more events, a page "
        "per month; a month with more, a page per day; a day with more, numbered pages) "
        "(0: one page, whatever its size).",
    )
    chronology_days: int = _setting(
        1000,
        whole_number(0),
        "Days the website's Chronology lists with their number of events: an archive with "
        "more days shows its years and months with their counts, each linking to its page "
        "(the year and month pages list the days) (0: always the days).",
    )
    front_days: int = _setting(10, whole_number(0), "Days on the archive front page (0: all).")
    pages: dict[str, str] = _setting(
        dict(DEFAULT_PATTERNS),
        page_patterns(DEFAULT_PATTERNS, _PAGE_FIELDS),
        "Docname pattern of each kind of page; give only those you change (see below). "
        "`year`, `month` and `day` need their `{year}`, `{month}`, `{day}`; `entity` and "
        "`story` need `{slug}`; `entities-letter` and `stories-letter` need `{letter}`; "
        "`entity-year` and `story-year` need `{slug}` and `{period}`; the other kinds have "
        "no placeholder.",
        doc_default="see below",
    )
    archive_title: str = _setting(
        "",
        text(),
        "Title of the front page (empty: the translated default).",
        doc_default="*News archive*",
    )
    chronology_title: str = _setting(
        "", text(), "Title of the Chronology index.", doc_default="*Chronology*"
    )
    entities_title: str = _setting(
        "", text(), "Title of the Entities index.", doc_default="*Entities*"
    )
    stories_title: str = _setting(
        "", text(), "Title of the Stories index.", doc_default="*Stories*"
    )
    generate_pages: bool = _setting(
        True, boolean(), "Write the archive pages into the source directory."
    )
    # -- feeds and JSON exports (outputs.py) ---------------------------------------------
    feeds: FeedPaths | None = _setting(
        None,
        output_paths(
            FeedPaths,
            {
                "entity": "slug",
                "story": "slug",
                "category": "slug",
                "day": "page",
                "entity_calendar": "page",
                "story_calendar": "page",
            },
            auto=True,
            what="feed kinds",
        ),
        "Atom feeds, each day as Atom XML, and iCalendar files: when `html_baseurl` is set "
        "(`None`), always (`True`), never (`False`), or a dict of their paths (`{slug}` in "
        "`entity`, `story`, `category`; `{page}` in `day`, `entity_calendar`, "
        "`story_calendar`); see [Feeds, JSON and link checking](feeds.md).",
    )
    feed_length: int = _setting(50, whole_number(0), "Entries per feed, the newest (0: all).")
    json: JsonPaths = _setting(
        True,
        output_paths(JsonPaths, {"day": "page"}, auto=False, what="exports"),
        "`events.json` and a JSON file per day (`False`: none), or a dict of their paths "
        "(`events`, and `day` with `{page}`, the day page's docname); see "
        "[Feeds, JSON and link checking](feeds.md).",
    )
    search: str = _setting(
        "sphinx",
        one_of("sphinx", "pagefind"),
        "The website's search: Sphinx's own, or `\"pagefind\"`, one result per event with "
        'filters, needs `pip install "sphinx-newsarc[search]"` (see *Search with '
        "Pagefind*).",
    )

    dated_pages: str = _setting(
        "toctree",
        one_of("toctree", "archive"),
        'Who leads readers to documents that hold events: your toctrees (`"toctree"`), or '
        'the archive (`"archive"`: no toctree entry needed, a small website navigation, '
        "breadcrumbs and previous/next on each such page, the pages in date order in "
        "books); see [choosing a layout](authoring.md#choosing-a-layout).",
    )

    def titles(self) -> dict[str, str]:
        """The root pages' titles, translated defaults where ``conf.py`` sets none."""
        return {
            "archive": self.archive_title or _("News archive"),
            "chronology": self.chronology_title or _("Chronology"),
            "entities": self.entities_title or _("Entities"),
            "stories": self.stories_title or _("Stories"),
        }


def register(app: Sphinx) -> None:
    """Declare every ``newsarc_*`` value; a change to any of them rebuilds the environment."""
    for f in dataclasses.fields(NewsarcConfig):
        validator: Validator[object] = f.metadata["validator"]
        app.add_config_value(
            f"newsarc_{f.name}",
            f.metadata["conf_default"],
            "env",
            types=validator.types,
            description=f.metadata["help"],
        )


#: Where the validated settings are kept: an attribute of the build's own ``Config``
#: (names starting with "_" are not pickled with the environment).
_KEPT = "_newsarc_settings"


def conf_location(confdir: str | Path | None, name: str) -> str | None:
    """``path/conf.py:LINE`` of the assignment to ``name``, or ``None`` (no ``conf.py``, or
    the value came from elsewhere, e.g. ``-D``)."""
    if not confdir:
        return None
    conf = Path(confdir) / "conf.py"
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if re.match(rf"\s*{re.escape(name)}\s*(:[^=]*)?=", line):
            return f"{conf}:{number}"
    return None


def read_settings(config: Config, confdir: str | Path | None = None) -> NewsarcConfig:
    """Validate every ``newsarc_*`` value of ``config``: each invalid value (or entry of
    a dict) is a ``newsarc.config`` warning at its line of ``conf.py``, and its default is
    used; a wholly invalid value is replaced in ``config`` too (so Sphinx's own type check
    does not warn a second time)."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(NewsarcConfig):
        key = f"newsarc_{f.name}"
        validator: Validator[object] = f.metadata["validator"]
        raw = getattr(config, key)
        try:
            values[f.name], problems = validator(raw)
        except Invalid as error:
            default = f.metadata["conf_default"]
            warn(
                "%s = %r is not valid (expected %s); using %r",
                NewsarcWarning.config,
                conf_location(confdir, key),
                key,
                raw,
                error.expected,
                default,
            )
            values[f.name], problems = validator(default)
            config[key] = default
        for problem in problems:
            warn(
                "%s%s = %r is not valid (expected %s); %s",
                NewsarcWarning.config,
                conf_location(confdir, key),
                key,
                problem.key,
                problem.value,
                problem.expected,
                problem.instead,
            )
    return NewsarcConfig(**values)


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: validate the settings once and keep them for this build."""
    setattr(config, _KEPT, read_settings(config, app.confdir))


def settings(config: Config) -> NewsarcConfig:
    """The validated settings of this build as one typed object (read at ``config-inited``;
    read here, once, for a configuration that never went through it)."""
    kept = vars(config).get(_KEPT)
    if not isinstance(kept, NewsarcConfig):
        kept = read_settings(config)
        setattr(config, _KEPT, kept)
    return kept
