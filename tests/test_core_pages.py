"""Unit tests for ``sphinx_newsarc.core.pages``: the plan of generated archive pages."""

from __future__ import annotations

import pytest

from sphinx_newsarc.core.archive import Archive
from sphinx_newsarc.core.dates import EventDate, parse_date
from sphinx_newsarc.core.model import EntityRecord, EventRecord
from sphinx_newsarc.core.pages import DEFAULT_PATTERNS, Page, PagePlan, plan_pages

TITLES = {
    "archive": "News archive",
    "chronology": "Chronology",
    "entities": "People and places",
    "stories": "Stories",
}


def ev(
    uid: str,
    date: str,
    entities: tuple[str, ...] = (),
    story: str = "",
    lineno: int = 1,
) -> EventRecord:
    return EventRecord(
        uid=uid,
        id=uid,
        date=parse_date(date),
        headline=f"Headline {uid}",
        docname="news-src",
        lineno=lineno,
        anchor=uid,
        entities=entities,
        story=story,
    )


def fmt(date: EventDate) -> str:
    """A recognisable title per precision, so tests see which date was formatted."""
    return f"<{date.precision}:{date.iso()}>"


def small_archive() -> Archive:
    declared = [
        EntityRecord("Lourdes Flores", "people", 1, "flores"),  # declared, one event
        EntityRecord("Keiko Fujimori", "people", 5, "keiko"),  # declared, no event
    ]
    events = [
        ev(
            "apr10",
            "2006-04-10",
            ("Ollanta Humala", "Alan García", "Lourdes Flores"),
            "Elecciones 2006",
        ),
        ev("apr10b", "2006-04-10", ("Alan Garcia",), "Elecciones 2006", lineno=2),
        ev("apr30", "2006-04-30", ("Ollanta Humala",)),
        ev("apr", "2006-04", ("Chile",)),  # month precision: no day page
        ev("jun05", "2006-06-05", ("ollanta humala",), "elecciones 2006"),
        ev("y2011", "2011", ("Ollanta Humala",), "Conga"),  # year only: no month page
        ev("dec11", "2001-12-04", ()),
    ]
    return Archive(events, declared)


@pytest.fixture
def plan() -> PagePlan:
    return plan_pages(small_archive(), {}, TITLES, fmt)


def test_default_patterns() -> None:
    assert DEFAULT_PATTERNS == {
        "archive": "news/index",
        "chronology": "news/chronology",
        "year": "news/{year}/index",
        "month": "news/{year}/{month}/index",
        "day": "news/{year}/{month}/{day}",
        "entities": "news/entities/index",
        "entity": "news/entities/{slug}",
        "stories": "news/stories/index",
        "story": "news/stories/{slug}",
        "onthisday": "news/on-this-day/{month}-{day}",
        "entities-letter": "news/entities/index-{letter}",
        "stories-letter": "news/stories/index-{letter}",
        "entity-year": "news/entities/{slug}/{period}",
        "story-year": "news/stories/{slug}/{period}",
    }


def test_every_page_and_its_docname(plan: PagePlan) -> None:
    assert {(p.kind, p.key): name for name, p in plan.pages.items()} == {
        ("day", "2006-04-10"): "news/2006/04/10",
        ("day", "2006-04-30"): "news/2006/04/30",
        ("day", "2006-06-05"): "news/2006/06/05",
        ("day", "2001-12-04"): "news/2001/12/04",
        ("month", "2006-04"): "news/2006/04/index",
        ("month", "2006-06"): "news/2006/06/index",
        ("month", "2001-12"): "news/2001/12/index",
        ("year", "2011"): "news/2011/index",
        ("year", "2006"): "news/2006/index",
        ("year", "2001"): "news/2001/index",
        ("entity", "alan garcia"): "news/entities/alan-garcia",
        ("entity", "lourdes flores"): "news/entities/lourdes-flores",
        ("entity", "ollanta humala"): "news/entities/ollanta-humala",
        ("story", "elecciones 2006"): "news/stories/elecciones-2006",
        ("story", "conga"): "news/stories/conga",
        ("chronology", ""): "news/chronology",
        ("entities", ""): "news/entities/index",
        ("stories", ""): "news/stories/index",
        ("archive", ""): "news/index",
        # a page per calendar day with events, whatever the year
        ("onthisday", "04-10"): "news/on-this-day/04-10",
        ("onthisday", "04-30"): "news/on-this-day/04-30",
        ("onthisday", "06-05"): "news/on-this-day/06-05",
        ("onthisday", "12-04"): "news/on-this-day/12-04",
    }
    assert plan.by_key == {(p.kind, p.key): name for name, p in plan.pages.items()}


def test_docname_lookup(plan: PagePlan) -> None:
    assert plan.docname("day", "2006-04-10") == "news/2006/04/10"
    assert plan.docname("month", "2006-04") == "news/2006/04/index"
    assert plan.docname("year", "2006") == "news/2006/index"
    assert plan.docname("archive") == "news/index"
    assert plan.docname("chronology") == "news/chronology"
    assert plan.docname("entity", "ollanta humala") == "news/entities/ollanta-humala"
    assert plan.docname("story", "elecciones 2006") == "news/stories/elecciones-2006"
    assert plan.docname("day", "2006-04-11") is None
    assert plan.docname("month", "2011-01") is None
    assert plan.docname("entity", "chile") is None


def test_partial_dates_get_no_day_or_month_page(plan: PagePlan) -> None:
    assert "news/2011/index" in plan.pages
    assert plan.pages["news/2011/index"].browse_children == ()
    assert not any(
        name.startswith("news/2011/") and name != "news/2011/index" for name in plan.pages
    )
    assert plan.pages["news/2006/04/index"].browse_children == (
        "news/2006/04/10",
        "news/2006/04/30",
    )


def test_titles_come_from_format_date_and_titles(plan: PagePlan) -> None:
    assert plan.pages["news/2006/04/10"].title == "<day:2006-04-10>"
    assert plan.pages["news/2006/04/index"].title == "<month:2006-04>"
    assert plan.pages["news/2006/index"].title == "<year:2006>"
    assert plan.pages["news/index"].title == "News archive"
    assert plan.pages["news/chronology"].title == "Chronology"
    assert plan.pages["news/entities/index"].title == "People and places"
    assert plan.pages["news/stories/index"].title == "Stories"
    # entity pages take the entity's name (undeclared tie: alphabetical), stories the
    # spelling of their first event, declared entities their declared name
    assert plan.pages["news/entities/alan-garcia"].title == "Alan Garcia"
    assert plan.pages["news/entities/lourdes-flores"].title == "Lourdes Flores"
    assert plan.pages["news/stories/elecciones-2006"].title == "Elecciones 2006"


def test_format_date_is_called_with_event_dates() -> None:
    calls: list[EventDate] = []

    def record(date: EventDate) -> str:
        calls.append(date)
        return date.iso()

    plan_pages(small_archive(), {}, TITLES, record)
    assert sorted(calls) == [
        EventDate(2001),
        EventDate(2001, 12),
        EventDate(2001, 12, 4),
        EventDate(2006),
        EventDate(2006, 4),
        EventDate(2006, 4, 10),
        EventDate(2006, 4, 30),
        EventDate(2006, 6),
        EventDate(2006, 6, 5),
        EventDate(2011),
    ]


def test_children_and_browse_children(plan: PagePlan) -> None:
    archive = plan.pages["news/index"]
    assert archive.children == ("news/chronology", "news/entities/index", "news/stories/index")
    years = [d for d, page in plan.pages.items() if page.kind == "year"]
    assert years == ["news/2011/index", "news/2006/index", "news/2001/index"]
    assert plan.pages["news/2006/index"].browse_children == (
        "news/2006/06/index",
        "news/2006/04/index",
    )
    assert plan.pages["news/2006/06/index"].browse_children == ("news/2006/06/05",)
    assert sorted(d for d, page in plan.pages.items() if page.kind == "entity") == [
        "news/entities/alan-garcia",
        "news/entities/lourdes-flores",
        "news/entities/ollanta-humala",
    ]
    assert sorted(d for d, page in plan.pages.items() if page.kind == "story") == [
        "news/stories/conga",
        "news/stories/elecciones-2006",
    ]
    for name in ("news/2006/04/10", "news/entities/alan-garcia", "news/stories/conga"):
        assert plan.pages[name].children == ()
        assert plan.pages[name].browse_children == ()


def test_entity_threshold(plan: PagePlan) -> None:
    entity_pages = {p.key for p in plan.pages.values() if p.kind == "entity"}
    # Ollanta Humala (4 events) and Alan García (2 spellings, 2 events) reach the default 2;
    # Lourdes Flores has one event but is declared; Chile has one undeclared event
    assert entity_pages == {"ollanta humala", "alan garcia", "lourdes flores"}
    assert "chile" not in entity_pages


def test_declared_entity_without_events_gets_no_page(plan: PagePlan) -> None:
    assert plan.docname("entity", "keiko fujimori") is None


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (1, {"alan garcia", "chile", "lourdes flores", "ollanta humala"}),
        (2, {"alan garcia", "lourdes flores", "ollanta humala"}),
        (3, {"lourdes flores", "ollanta humala"}),
        (5, {"lourdes flores"}),
    ],
)
def test_entity_threshold_values(threshold: int, expected: set[str]) -> None:
    plan = plan_pages(small_archive(), {}, TITLES, fmt, entity_threshold=threshold)
    assert {p.key for p in plan.pages.values() if p.kind == "entity"} == expected
    assert plan.docname("entities") == "news/entities/index"


def test_custom_patterns() -> None:
    patterns = {
        "archive": "archive/index",
        "day": "archive/{year}-{month}-{day}",
        "month": "archive/{year}-{month}",
        "year": "archive/{year}",
        "entity": "who/{slug}",
    }
    plan = plan_pages(small_archive(), patterns, TITLES, fmt)
    assert plan.docname("archive") == "archive/index"
    assert plan.docname("day", "2006-04-10") == "archive/2006-04-10"
    assert plan.docname("month", "2006-04") == "archive/2006-04"
    assert plan.docname("year", "2006") == "archive/2006"
    assert plan.docname("entity", "alan garcia") == "who/alan-garcia"
    # patterns not given keep their defaults
    assert plan.docname("chronology") == "news/chronology"
    assert plan.docname("entities") == "news/entities/index"
    assert plan.docname("story", "conga") == "news/stories/conga"
    assert plan.pages["archive/2006"].browse_children == ("archive/2006-06", "archive/2006-04")
    assert plan.pages["archive/2006-04"].browse_children == (
        "archive/2006-04-10",
        "archive/2006-04-30",
    )
    assert [d for d, page in plan.pages.items() if page.kind == "year"] == [
        "archive/2011",
        "archive/2006",
        "archive/2001",
    ]
    assert plan.pages["archive/index"].children == (
        "news/chronology",
        "news/entities/index",
        "news/stories/index",
    )
    assert not any(name.startswith("news/20") for name in plan.pages)


def test_root_pages_exist_without_events() -> None:
    plan = plan_pages(Archive([]), {}, TITLES, fmt)
    assert plan.pages == {
        "news/chronology": Page("chronology", "", "news/chronology", "Chronology"),
        "news/entities/index": Page("entities", "", "news/entities/index", "People and places"),
        "news/stories/index": Page("stories", "", "news/stories/index", "Stories"),
        "news/index": Page(
            "archive",
            "",
            "news/index",
            "News archive",
            children=("news/chronology", "news/entities/index", "news/stories/index"),
        ),
    }


def test_plan_add_first_page_keeps_a_docname() -> None:
    plan = PagePlan()
    first = Page("story", "a", "news/x", "A")
    plan.add(first)
    plan.add(Page("entity", "b", "news/x", "B"))
    assert plan.pages == {"news/x": first}
    assert plan.by_key == {("story", "a"): "news/x"}
    assert plan.docname("entity", "b") is None


def test_entity_or_story_named_index_does_not_replace_the_index_pages() -> None:
    events = [ev("a", "2006-04-10", ("Index",), "Index"), ev("b", "2006-04-11", ("Index",))]
    plan = plan_pages(Archive(events), {}, TITLES, fmt)
    assert plan.docname("entities") == "news/entities/index"
    assert plan.docname("stories") == "news/stories/index"
    assert plan.pages["news/entities/index"].kind == "entities"
    assert plan.pages["news/stories/index"].kind == "stories"
    entity_doc = plan.docname("entity", "index")
    story_doc = plan.docname("story", "index")
    assert entity_doc is not None
    assert story_doc is not None
    assert entity_doc != "news/entities/index"
    assert story_doc != "news/stories/index"


def test_reserved_and_repeated_names_are_collisions() -> None:
    plan = PagePlan(reserved={"genindex": "Sphinx's page 'genindex'"})
    plan.add(Page("entity", "genindex", "Genindex", "Genindex"))
    plan.add(Page("entity", "shared", "shared", "Shared"))
    plan.add(Page("story", "shared", "SHARED", "Shared"))
    # root pages are the author's choice: a reserved name does not drop them
    plan.add(Page("chronology", "", "genindex", "Chronology"))
    assert sorted(plan.pages) == ["genindex", "shared"]
    assert plan.docname("story", "shared") is None
    assert [(p.kind, holder) for p, holder in plan.collisions] == [
        ("entity", "Sphinx's page 'genindex'"),
        ("story", "the entity page of 'Shared'"),
    ]


def test_index_parts_split_by_letter_then_by_more_letters() -> None:
    from sphinx_newsarc.core.pages import index_parts, letter_slug

    names = dict(enumerate(["Sa", "sab", "Sac", "Sb", "1x", "Tz", "Saa", "S", "Émile"]))
    keyed = {str(k): v for k, v in names.items()}
    assert index_parts(keyed, 9) == {}
    assert index_parts(keyed, 0) == {}
    assert index_parts(keyed, 2) == {
        "#": ("4",),
        "E": ("8",),
        "S#": ("7",),
        "SA#": ("0",),
        "SAA": ("6",),
        "SAB": ("1",),
        "SAC": ("2",),
        "SB": ("3",),
        "T": ("5",),
    }
    assert index_parts(keyed, 6) == {
        "#": ("4",),
        "E": ("8",),
        "S": ("7", "0", "6", "1", "2", "3"),
        "T": ("5",),
    }
    assert [letter_slug(k) for k in ("#", "SA#", "Б")] == ["other", "saother", "u0411"]


def test_periods_by_year_then_by_month() -> None:
    from sphinx_newsarc.core.pages import periods

    archive = Archive(
        [
            ev("a", "2006-01-02"),
            ev("b", "2006-03-04"),
            ev("c", "2006-03-05"),
            ev("d", "2007-01-01"),
            ev("e", "2006"),
        ]
    )
    uids = archive.ordered
    assert periods(archive, uids, 5) == ()
    assert periods(archive, uids, 0) == ()
    by_year = periods(archive, uids, 4)
    assert [p for p, _ in by_year] == ["2006", "2007"]
    assert [len(u) for _, u in by_year] == [4, 1]
    # a year too large: by month, its events known only to the year on their own
    by_month = periods(archive, uids, 2)
    assert [p for p, _ in by_month] == ["2006", "2006-01", "2006-03", "2007"]
    assert sum(len(u) for _, u in by_month) == 5


def test_periods_total_by_day_then_numbered() -> None:
    """Every part holds at most the limit: a month too large by day, a day too large (and
    the events known only to a month) in numbered parts."""
    from sphinx_newsarc.core.pages import period_date, period_title, periods

    archive = Archive(
        [
            ev("a", "2006-03-04"),
            ev("b", "2006-03-04"),
            ev("c", "2006-03-04"),
            ev("d", "2006-03-05"),
            ev("e", "2006-03"),
            ev("f", "2006-03"),
            ev("g", "2006-03"),
            ev("h", "2006-04-01"),
        ]
    )
    parts = periods(archive, archive.ordered, 2)
    assert [p for p, _ in parts] == [
        "2006-03",
        "2006-03_2",
        "2006-03-04",
        "2006-03-04_2",
        "2006-03-05",
        "2006-04",
    ]
    assert all(len(uids) <= 2 for _, uids in parts)
    assert [u for _, uids in parts for u in uids] == list(archive.ordered)
    assert all(len(uids) == 1 for _, uids in periods(archive, archive.ordered, 1))
    assert period_date("2006-03-04_2") == (EventDate(2006, 3, 4), 2)
    assert period_title("2006-03-04_2", EventDate.iso) == "2006-03-04 (2)"
    assert period_title("2006", EventDate.iso) == "2006"
