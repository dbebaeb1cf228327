"""Events over time: counts per year or month, and a small bar chart of them as SVG text.

The chart of an entity's or story's page: no script, no stylesheet needed (it inherits
the text colour), the same bytes for the same counts (fixed number formatting), every
text escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .dates import EventDate

__all__ = ["MONTHLY_SPAN", "Timeline", "chart_svg", "timeline"]

#: Counted per month when every event's month is known and the first and last month are
#: at most this many months apart (inclusive); otherwise per year.
MONTHLY_SPAN = 24


@dataclass(frozen=True, slots=True)
class Timeline:
    """Event counts per period: ``unit`` is ``"year"`` or ``"month"``; ``bins`` are
    ``(key, count)`` for every period from the first to the last (``YYYY`` or
    ``YYYY-MM``), empty periods included so the axis is proportional to time."""

    unit: str
    bins: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        """The number of events counted."""
        return sum(count for _, count in self.bins)


def _month_index(date: EventDate) -> int:
    return date.year * 12 + date.month - 1


def timeline(dates: Iterable[EventDate]) -> Timeline:
    """The counts of ``dates`` per month (short spans, months known) or per year."""
    dates = list(dates)
    if not dates:
        return Timeline("year", ())
    if all(d.month for d in dates):
        months = [_month_index(d) for d in dates]
        first, last = min(months), max(months)
        if last - first + 1 <= MONTHLY_SPAN:
            counts = [0] * (last - first + 1)
            for m in months:
                counts[m - first] += 1
            return Timeline(
                "month",
                tuple(
                    (f"{(first + n) // 12:04d}-{(first + n) % 12 + 1:02d}", count)
                    for n, count in enumerate(counts)
                ),
            )
    years = [d.year for d in dates]
    first, last = min(years), max(years)
    counts = [0] * (last - first + 1)
    for y in years:
        counts[y - first] += 1
    return Timeline("year", tuple((f"{first + n:04d}", count) for n, count in enumerate(counts)))


# -- the chart -----------------------------------------------------------------------------

_WIDTH, _HEIGHT = 600, 100
_LEFT, _RIGHT, _TOP, _BOTTOM = 30, 4, 8, 22
_PLOT_W = _WIDTH - _LEFT - _RIGHT
_PLOT_H = _HEIGHT - _TOP - _BOTTOM
#: the widest a period's slot gets (a few periods do not become a wall of colour)
_MAX_SLOT = 48
#: below this width, the first and last labels would collide: one label "first to last"
_SPLIT_LABELS = 300


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (deterministic)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def chart_svg(counts: Sequence[tuple[str, int]], title: str, bar_titles: Sequence[str] = ()) -> str:
    """An SVG bar chart of ``counts`` (``(label, count)`` per period, in order): one bar
    per period with events (its tooltip ``bar_titles[n]`` when given), the largest count
    on the left, the first and last periods' labels below. ``title`` is its text
    equivalent (``<title>`` and ``aria-label``). Empty text for no periods."""
    if not counts:
        return ""
    n = len(counts)
    slot = min(_PLOT_W / n, _MAX_SLOT)
    bar = slot * 0.8 if slot >= 4 else slot
    highest = max(count for _, count in counts) or 1
    base = _TOP + _PLOT_H
    extent = slot * n
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="newsarc-chart" '
        f'width="{_WIDTH}" height="{_HEIGHT}" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'role="img" aria-label={quoteattr(title)} fill="currentColor" '
        f'font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="{_LEFT - 4}" y="{_TOP + 9}" text-anchor="end">{highest}</text>',
        f'<line class="newsarc-chart-axis" x1="{_LEFT}" y1="{base}" x2="{_num(_LEFT + extent)}" '
        f'y2="{base}" stroke="currentColor" stroke-width="1"/>',
    ]
    for i, (_, count) in enumerate(counts):
        if not count:
            continue
        height = max(count / highest * _PLOT_H, 1.0)
        x = _LEFT + i * slot + (slot - bar) / 2
        rect = (
            f'<rect class="newsarc-chart-bar" x="{_num(x)}" y="{_num(base - height)}" '
            f'width="{_num(bar)}" height="{_num(height)}"'
        )
        if i < len(bar_titles):
            parts.append(f"{rect}><title>{escape(bar_titles[i])}</title></rect>")
        else:
            parts.append(rect + "/>")
    label_y = _HEIGHT - 6
    first, last = counts[0][0], counts[-1][0]
    if n == 1:
        parts.append(f'<text x="{_LEFT}" y="{label_y}">{escape(first)}</text>')
    elif extent < _SPLIT_LABELS:
        parts.append(
            f'<text x="{_LEFT}" y="{label_y}">{escape(first)} \N{EN DASH} {escape(last)}</text>'
        )
    else:
        parts.append(f'<text x="{_LEFT}" y="{label_y}">{escape(first)}</text>')
        parts.append(
            f'<text x="{_num(_LEFT + extent)}" y="{label_y}" text-anchor="end">'
            f"{escape(last)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
