"""A synthetic archive to measure page weight: one hub entity in every event, one-off names.

Writes a MyST project with one page per day (``days/YYYY-MM-DD.md``), ``--events`` events
spread evenly over ``--years`` years from 2010; every event names the hub entity
("United States") and ``--names`` one-off names of its own (random, deterministic); every
fourth event belongs to one long story. Used for issue 14's measurements (see
docs/performance.md) and, small, by tests/test_scale.py.

Usage: ``python benchmarks/make_synthetic.py --events 12000 --out /tmp/synth``.
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

CONF = """\
project = "Synthetic archive"
author = "Test"
copyright = "2026, Test"
extensions = ["myst_parser", "sphinx_newsarc"]
exclude_patterns = ["_build"]
{extra}
"""

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "an", "el", "or",
             "ba", "de", "fi", "gu", "ho", "ja", "qu", "wy", "xe", "yo", "ce", "pi")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def one_off(rng: random.Random, seen: set[str]) -> str:
    """A new name: a capital letter and two to four syllables, twice."""
    while True:
        words = [rng.choice(LETTERS) + "".join(rng.choice(SYLLABLES)
                                               for _ in range(rng.randint(2, 4)))
                 for _ in range(2)]
        name = " ".join(words)
        if name not in seen:
            seen.add(name)
            return name


def make_archive(out: Path, events: int, years: int = 1, names: int = 3,
                 extra_conf: str = "", seed: int = 14, per_month: bool = False,
                 stories: int = 0, burst: int = 0) -> dict[str, int]:
    """Write the project at ``out`` (a document per day, or per month); return its
    counts. ``stories`` events (every fourth, from the third) get a one-off story of
    their own; ``burst`` more events happen on the middle day."""
    rng = random.Random(seed)
    start = datetime.date(2010, 1, 1)
    days = (datetime.date(2010 + years, 1, 1) - start).days
    seen: set[str] = set()
    by_file: dict[str, list[str]] = {}
    for n in range(events + burst):
        offset = n * days // events if n < events else days // 2
        day = start + datetime.timedelta(days=offset)
        entities = ["United States", *(one_off(rng, seen) for _ in range(names))]
        story = "story: \"Long story\"\n" if n % 4 == 0 and n < events else ""
        if n % 4 == 2 and n // 4 < stories:
            story = f"story: \"{one_off(rng, seen)} affair\"\n"
        by_file.setdefault(day.isoformat()[:7] if per_month else day.isoformat(), []).append(
            f"```{{event}} Event {n} happens in {entities[1]}.\n---\ndate: {day.isoformat()}\n"
            f"entities: {'; '.join(entities)}\n{story}---\n```\n")
    (out / "days").mkdir(parents=True, exist_ok=True)
    for name, texts in by_file.items():
        (out / "days" / f"{name}.md").write_text(f"# {name}\n\n" + "\n".join(texts),
                                                 encoding="utf-8")
    (out / "conf.py").write_text(CONF.format(extra=extra_conf), encoding="utf-8")
    (out / "index.md").write_text(
        "# Synthetic archive\n\n```{toctree}\n:glob:\n\nnews/index\ndays/*\n```\n",
        encoding="utf-8")
    return {"events": events + burst, "files": len(by_file), "names": len(seen) + 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=12000)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--names", type=int, default=3, help="one-off names per event")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    print(make_archive(args.out, args.events, args.years, args.names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
