"""Turn years of the Current Events Portal (``cep-daily``) into three Sphinx projects.

All have the same day pages: one MyST page per day (``days/YYYY/MM/YYYY-MM-DD.md``, one
heading per section of the day). ``plain`` and ``newsarc`` add a page per year whose
toctrees (one per month) list the days, and a root ``index.md`` listing the years.

``newsarc``
    every event is an ``event`` directive with ``date``, ``sources``, ``entities`` and
    ``story``; the root toctree also names ``news/index``, the archive the extension
    generates (day, month, year, entity and story pages, related events).
``archive``
    the day pages of ``newsarc`` in the archive layout (``newsarc_dated_pages =
    "archive"``): no year pages, the root toctree names only ``news/index``, and readers
    reach the days through the archive.
``plain``
    every event is plain Markdown: a paragraph with its date and headline, its sources as
    a numbered list and its entities as a ``Context: ...`` line. Same extensions apart
    from sphinx-newsarc (``myst_parser`` and ``sphinx_design``, which sphinx-newsarc loads).

A day file's bullets are events. Trailing parenthesised groups are the sources (outlet
names only; ``(Vesti; Russian)`` gives ``Vesti``); what precedes them is the headline.
Entities are the section's story name (unless ``Uncategorized``) and the maximal runs of
capitalised words of the headline, less sentence-initial stopwords and a trailing ``'s``.

Usage: ``python benchmarks/make_projects.py --years 2010 --out /tmp/bench``. Also writes
``edit.json``: the one-sentence edit that :mod:`run` applies to both projects.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path("/work/shared/data/cep-daily")
FIRST_YEAR, LAST_YEAR = 2002, 2026

try:  # the C loader is about 10x faster; fall back to the pure-Python one
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

#: Capitalised only because they start a sentence (dropped from the front of a run there).
STOPWORDS = frozenset(
    """
    a an the in on at of for to from by with after before during as about against among
    amid and but or nor so yet if while when where since until though although because
    this that these those there here it its he she they we you i his her their our my your
    some many most several few all both each every no one two three four five six seven
    eight nine ten dozens hundreds thousands millions tens scores least more than over
    under up down new former current heavy major officials police troops authorities
    militants gunmen protesters people residents voters rebels
    """.split()  # noqa: SIM905 - a word list is easier to read and edit
)

_TRAILING_SOURCE = re.compile(r"\s*\(([^()]*)\)\s*$")
_WORD_EDGE = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb[]{}"


@dataclass(frozen=True)
class Event:
    date: str
    headline: str
    sources: tuple[str, ...]
    entities: tuple[str, ...]
    story: str


@dataclass(frozen=True)
class Day:
    date: str
    sections: tuple[tuple[str, tuple[Event, ...]], ...]  # (section name, events)


# -- reading ----------------------------------------------------------------------------------

def one_line(text: str) -> str:
    return " ".join(str(text).split())


def split_sources(text: str) -> tuple[str, tuple[str, ...]]:
    """The headline and the outlet names of a bullet (its trailing parenthesised groups)."""
    sources: list[str] = []
    rest = text
    while True:
        match = _TRAILING_SOURCE.search(rest)
        if not match or match.start() == 0:
            break
        name = one_line(match[1].split(";")[0]).replace("<", "").replace(">", "")
        if name:
            sources.append(name)
        rest = rest[: match.start()]
    return rest.strip(), tuple(reversed(sources))


def capitalised_runs(headline: str) -> list[str]:
    """Maximal runs of capitalised words; stopwords are dropped from the front of a sentence."""
    runs: list[str] = []
    run: list[str] = []
    sentence_start = True

    def close() -> None:
        nonlocal run
        if run:
            name = " ".join(run)
            if name not in runs:
                runs.append(name)
        run = []

    for token in headline.split():
        word = token.strip(_WORD_EDGE)
        ends_clause = word[-1:] in ",;:.!?)" if word else True
        word = word.rstrip(",;:.!?)").lstrip("(").strip(_WORD_EDGE)
        if word.endswith(("'s", "\u2019s")):
            word, ends_clause = word[:-2], True
        first = next((ch for ch in word if ch.isalpha()), "")
        if first and first.isupper() and word[:1].isalnum():
            if not (sentence_start and not run and word.casefold() in STOPWORDS):
                run.append(word)
            elif run:
                close()
        else:
            close()
        sentence_start = False
        if ends_clause:
            close()
            sentence_start = token.rstrip(_WORD_EDGE).endswith((".", "!", "?"))
    close()
    return runs


def read_day(path: Path) -> Day:
    with path.open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=_Loader)
    date = str(data.get("Date") or path.stem)
    sections = []
    for section, bullets in (data.get("Intelligence_Payload") or {}).items():
        section_name = one_line(section)
        story = "" if section_name == "Uncategorized" else section_name
        events = []
        for bullet in bullets or ():
            if not isinstance(bullet, str) or not bullet.strip():
                continue
            headline, sources = split_sources(one_line(bullet))
            entities = ([story.replace(";", ",")] if story else []) + capitalised_runs(headline)
            entities = list(dict.fromkeys(entities))
            events.append(Event(date, headline, sources, tuple(entities), story))
        if events:
            sections.append((section_name, tuple(events)))
    return Day(date, tuple(sections))


def parse_years(text: str) -> list[int]:
    """``2010``, ``2006-2010`` or ``2006,2008``."""
    years: list[int] = []
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        years.extend(range(int(low), int(high or low) + 1))
    return sorted(set(years))


def day_files(years: Iterable[int], data: Path = DATA) -> list[Path]:
    return [p for year in years for p in sorted((data / str(year)).glob("*/*.yaml"))]


# -- writing ----------------------------------------------------------------------------------

_MD_SPECIAL = frozenset("\\`*_[]<>{}|~$&#")


def md_escape(text: str) -> str:
    """Plain text as MyST inline text in mid-line: the characters Markdown acts on escaped."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def event_newsarc(event: Event) -> str:
    fence = "~~~" if "`" in event.headline else "```"
    lines = [f"{fence}{{event}} {event.headline}", "---", f"date: {event.date}"]
    if event.entities:
        lines.append(f"entities: {q('; '.join(event.entities))}")
    if event.story:
        lines.append(f"story: {q(event.story)}")
    if event.sources:
        lines.append("sources: |")
        lines += [f"  {name}" for name in event.sources]
    lines += ["---", fence, ""]
    return "\n".join(lines)


def event_plain(event: Event) -> str:
    lines = [f"**{event.date}** {md_escape(event.headline)}", ""]
    if event.sources:
        lines += [f"{n}. {md_escape(name)}" for n, name in enumerate(event.sources, 1)] + [""]
    if event.entities:
        lines += [f"Context: {md_escape('; '.join(event.entities))}", ""]
    return "\n".join(lines)


def day_title(date: str) -> str:
    return f"{MONTHS[int(date[5:7]) - 1]} {int(date[8:10])}, {date[:4]}"


def day_page(day: Day, flavour: str) -> str:
    render = event_newsarc if flavour == "newsarc" else event_plain
    parts = [f"# {day_title(day.date)}", ""]
    for section, events in day.sections:
        title = section if section != "Uncategorized" else "Other events"
        parts += [f"## {md_escape(title)}", ""]
        parts += [render(event) for event in events]
    return "\n".join(parts)


CONF = """\
project = "Current events {years} ({flavour})"
author = "Wikipedia contributors (CC BY-SA)"
copyright = "Wikipedia contributors, CC BY-SA"
extensions = {extensions!r}
exclude_patterns = ["_build"]
{extra}"""


def write_project(root: Path, days: list[Day], flavour: str, label: str) -> int:
    """Write one project; return the number of events."""
    newsarc = flavour in ("newsarc", "archive")
    extensions = ["myst_parser", "sphinx_newsarc"] if newsarc else [
        "myst_parser", "sphinx_design"]
    extra = 'newsarc_dated_pages = "archive"\n' if flavour == "archive" else ""
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(CONF.format(years=label, flavour=flavour,
                                              extensions=extensions, extra=extra),
                                  encoding="utf-8")
    by_year: dict[str, dict[str, list[Day]]] = {}
    count = 0
    for day in days:
        year, month = day.date[:4], day.date[5:7]
        by_year.setdefault(year, {}).setdefault(month, []).append(day)
        path = root / "days" / year / month / f"{day.date}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(day_page(day, "newsarc" if newsarc else flavour), encoding="utf-8")
        count += sum(len(events) for _, events in day.sections)
    for year, months in by_year.items() if flavour != "archive" else ():
        lines = [f"# {year}", ""]
        for month, month_days in sorted(months.items()):
            lines += ["```{toctree}", ":maxdepth: 1",
                      f":caption: {MONTHS[int(month) - 1]} {year}", ""]
            lines += [f"{month}/{d.date}" for d in month_days] + ["```", ""]
        (root / "days" / year / "index.md").write_text("\n".join(lines), encoding="utf-8")
    index = [f"# Current events {label}", "",
             "Event text from Wikipedia's Current Events Portal (CC BY-SA).", "",
             "```{toctree}", ":maxdepth: 1", ""]
    if flavour != "archive":
        index += [f"days/{year}/index" for year in sorted(by_year)]
    if newsarc:
        index.append("news/index")
    index += ["```", ""]
    (root / "index.md").write_text("\n".join(index), encoding="utf-8")
    return count


def choose_edit(days: list[Day]) -> dict[str, str]:
    """The one-sentence edit: an event with entities in the middle day of the range."""
    day = days[len(days) // 2]
    event = next((e for _, events in day.sections for e in events if e.entities and
                  e.headline.endswith(".")),
                 day.sections[0][1][0])
    new = event.headline + " Officials later revised the figures."
    edited = Event(event.date, new, event.sources, event.entities, event.story)
    rel = f"days/{day.date[:4]}/{day.date[5:7]}/{day.date}.md"
    return {
        "file": rel,
        "newsarc_old": event_newsarc(event).split("\n", 1)[0] + "\n",
        "newsarc_new": event_newsarc(edited).split("\n", 1)[0] + "\n",
        "plain_old": event_plain(event).split("\n", 1)[0] + "\n",
        "plain_new": event_plain(edited).split("\n", 1)[0] + "\n",
    }


def iter_days(files: list[Path]) -> Iterator[Day]:
    for path in files:
        day = read_day(path)
        if day.sections:
            yield day


def make_projects(years: list[int], out: Path, data: Path = DATA) -> dict[str, object]:
    """Write ``out/newsarc``, ``out/archive``, ``out/plain`` and ``out/edit.json``; return
    a summary."""
    days = list(iter_days(day_files(years, data)))
    if not days:
        raise SystemExit(f"no day files for years {years} in {data}")
    label = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    for flavour in ("newsarc", "archive", "plain"):
        shutil.rmtree(out / flavour, ignore_errors=True)
    events = write_project(out / "newsarc", days, "newsarc", label)
    write_project(out / "archive", days, "archive", label)
    write_project(out / "plain", days, "plain", label)
    edit = choose_edit(days)
    (out / "edit.json").write_text(json.dumps(edit, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    entities = {e for d in days for _, evs in d.sections for ev in evs for e in ev.entities}
    return {"label": label, "years": years, "days": len(days), "events": events,
            "entity_names": len(entities)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="2010", help="2010, 2006-2010 or 2006,2008")
    parser.add_argument("--all", action="store_true", help=f"{FIRST_YEAR}-{LAST_YEAR}")
    parser.add_argument("--data", type=Path, default=DATA, help="the cep-daily folder")
    parser.add_argument("--out", type=Path, required=True, help="folder for the projects")
    args = parser.parse_args(argv)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1)) if args.all else parse_years(args.years)
    summary = make_projects(years, args.out, args.data)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
