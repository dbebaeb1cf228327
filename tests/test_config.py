"""The typed settings: one validator per field, located warnings, read once per build."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from buildutil import build
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc.config import FeedPaths, JsonPaths, NewsarcConfig, settings
from sphinx_newsarc.validators import Invalid, Validator


def validator(name: str) -> Validator[object]:
    field = {f.name: f for f in dataclasses.fields(NewsarcConfig)}[name]
    result: Validator[object] = field.metadata["validator"]
    return result


def test_every_field_has_a_validator_help_and_its_default() -> None:
    defaults = NewsarcConfig()
    for field in dataclasses.fields(NewsarcConfig):
        check = field.metadata["validator"]
        assert field.metadata["help"] and check.expects
        value, problems = check(field.metadata["conf_default"])
        assert problems == [] and value == getattr(defaults, field.name)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("related_limit", -1),
        ("related_limit", True),
        ("related_limit", "5"),
        ("entity_page_threshold", 0),
        ("front_days", 2.0),
        ("generate_pages", 1),
        ("date_format", ""),
        ("date_format", None),
        ("archive_title", 3),
        ("pages", ["news"]),
        ("feeds", "yes"),
        ("json", None),
        ("json", 0),
    ],
)
def test_invalid_values(name: str, value: object) -> None:
    with pytest.raises(Invalid):
        validator(name)(value)


def test_feeds_and_json_are_typed() -> None:
    feeds = validator("feeds")
    assert feeds(None) == (None, [])
    assert feeds(True) == (FeedPaths(), [])
    assert feeds(False)[0] == FeedPaths("", "", "", "", "", "", "", "")
    value, problems = feeds({"all": "feed.xml", "entity": None, "story": "s/{slug}.xml"})
    assert value == FeedPaths(all="feed.xml", entity="", story="s/{slug}.xml")
    assert problems == []
    assert validator("json")(False)[0] == JsonPaths("", "")
    assert validator("json")({"events": "all.json"})[0] == JsonPaths(events="all.json")


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("feeds", {"entity": "feeds/no-slug.xml"}, "a path with {slug}"),
        ("feeds", {"all": "../up.xml"}, "a path without placeholders"),
        ("feeds", {"all": "/abs.xml"}, "a path without placeholders"),
        ("feeds", {"all": "{slug}.xml"}, "a path without placeholders"),
        ("feeds", {"comments": "c.xml"}, "one of all, entity, story, category"),
        ("json", {"day": "day.json"}, "a path with {page}"),
        ("pages", {"day": "news/{year}/{day}"}, "a docname pattern with {year}, {month} and {day}"),
        ("pages", {"entity": "people/{name}"}, "a docname pattern with {slug}"),
        ("pages", {"archive": "news/{year}"}, "a docname pattern without placeholders"),
        ("pages", {"story": "s/{slug!r}"}, "a docname pattern with {slug}"),
        ("pages", {"weeks": "w/{week}"}, "a page kind (archive, chronology"),
    ],
)
def test_a_bad_entry_of_a_dict_falls_back_alone(
    name: str, value: dict[str, str], expected: str
) -> None:
    """The bad entry gets its default (an unknown one is ignored); the others are kept."""
    typed, problems = validator(name)({**value, **({"category": ""} if name == "feeds" else {})})
    assert len(problems) == 1
    assert problems[0].expected.startswith(expected), problems[0].expected
    default = NewsarcConfig()
    if name == "feeds":
        assert isinstance(typed, FeedPaths) and typed.category == ""  # the good entry is kept
        key = next(iter(value))
        if key in typed.enabled():
            assert getattr(typed, key) == getattr(FeedPaths(), key)
    elif name == "pages":
        assert typed == default.pages


def test_pages_are_completed_and_stripped() -> None:
    pages, problems = validator("pages")({"entity": "/people/{slug}/"})
    assert problems == []
    assert isinstance(pages, dict)
    assert pages["entity"] == "people/{slug}" and pages["day"] == "news/{year}/{month}/{day}"


def _project(tmp_path: Path, conf: str) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_newsarc']\nnewsarc_generate_pages = False\n" + conf, encoding="utf-8"
    )
    (src / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    return src


def test_each_invalid_value_warns_at_its_line_of_conf_py(tmp_path: Path) -> None:
    src = _project(
        tmp_path,
        "newsarc_front_days = -2\nnewsarc_pages = {'day': 'd/{day}', 'entity': 'people/{slug}'}\n",
    )
    _, text = build(src, tmp_path / "out", newsarc_feed_length=-1)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    warnings = [line for line in text.splitlines() if line.endswith("[newsarc.config]")]
    assert len(warnings) == 3, text
    conf = re.escape(str(src / "conf.py"))
    assert re.match(
        rf"{conf}:3: WARNING: newsarc_front_days = -2 is not valid \(expected a "
        r"whole number, 0 or more\); using 10",
        warnings[0],
    )
    assert re.match(
        rf"{conf}:4: WARNING: newsarc_pages\['day'\] = 'd/{{day}}' is not valid "
        r"\(expected a docname pattern with \{year\}, \{month\} and \{day\}",
        warnings[1],
    )
    # given with -D: no line of conf.py to point at
    assert warnings[2].startswith("WARNING: newsarc_feed_length = -1 is not valid")


def test_settings_are_read_once_per_build(tmp_path: Path) -> None:
    """One typed object per build, kept on that build's Config (not pickled with it)."""
    src = _project(tmp_path, "newsarc_front_days = 3\nnewsarc_feeds = False\n")
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "out")
    try:
        first = settings(app.config)
        assert first is settings(app.config) is settings(app.env.config)
        assert first.front_days == 3 and first.feeds == FeedPaths("", "", "", "", "", "", "", "")
        assert "_newsarc_settings" not in app.config.__getstate__()
    finally:
        app.cleanup()
    other = SphinxTestApp(
        "html", srcdir=src, builddir=tmp_path / "out2", confoverrides={"newsarc_front_days": 4}
    )
    try:
        assert settings(other.config).front_days == 4  # another build, its own settings
    finally:
        other.cleanup()
