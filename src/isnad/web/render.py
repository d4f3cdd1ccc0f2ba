"""Server-side drawing: page text with highlighted spans, and the SVG timeline.

Both build HTML/SVG as strings, so every value goes through ``escape``.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

STANCE_COLOURS = {
    "assert": "#1f6fb4",
    "deny": "#c62828",
    "confirm": "#2e7d32",
    "decline_comment": "#757575",
    "reject": "#ef6c00",
    "accuse": "#7b1fa2",
    "question": "#00838f",
}
OTHER_COLOUR = "#6d4c41"
EVENT_COLOUR = "#263238"


def stance_colour(stance: str | None) -> str:
    return STANCE_COLOURS.get(stance or "", OTHER_COLOUR)


def url_part(value: object) -> str:
    """A path segment, every reserved character escaped."""
    return quote(str(value), safe="")


@dataclass(frozen=True)
class Mark:
    """A span of the page text to highlight, linking to its record."""

    start: int
    end: int
    css: str
    href: str
    title: str
    anchor: str | None = None  # id given to the span's first character


def highlight(text: str, start: int, end: int, marks: list[Mark], kept: list[tuple[int, int]] | None = None) -> Markup:
    """``text[start:end]`` as HTML: marked spans become links (the innermost
    wins where they overlap, every covering span adds its class), and text
    outside ``kept`` segments is shown as cut."""
    start, end = max(0, start), min(len(text), end)
    marks = sorted((m for m in marks if max(m.start, start) < min(m.end, end)), key=lambda m: (m.start, -m.end))
    kept = sorted(kept) if kept is not None else [(start, end)]
    bounds = {start, end}
    for m in marks:
        bounds.update((max(m.start, start), min(m.end, end)))
    for s, e in kept:
        bounds.update(b for b in (s, e) if start < b < end)
    out: list[str] = []
    active: list[tuple[int, int, Mark]] = []  # heap by end
    next_mark = 0
    next_kept = 0
    points = sorted(bounds)
    for i, piece_start in enumerate(points[:-1]):
        piece_end = points[i + 1]
        while active and active[0][0] <= piece_start:
            heapq.heappop(active)
        while next_mark < len(marks) and max(marks[next_mark].start, start) <= piece_start:
            m = marks[next_mark]
            if m.anchor:
                out.append(f'<span class="anchor" id="{escape(m.anchor)}"></span>')
            heapq.heappush(active, (m.end, next_mark, m))
            next_mark += 1
        while active and active[0][0] <= piece_start:
            heapq.heappop(active)
        while next_kept < len(kept) and kept[next_kept][1] <= piece_start:
            next_kept += 1
        is_kept = next_kept < len(kept) and kept[next_kept][0] <= piece_start
        piece = escape(text[piece_start:piece_end])
        if active:
            covering = sorted((m for _, _, m in active), key=lambda m: m.end - m.start)
            inner = covering[0]
            # the innermost span gives the stance colour; outer ones add their other marks
            classes = {"hl", *inner.css.split()} | ({"cut"} if not is_kept else set())
            classes.update(c for m in covering[1:] for c in m.css.split() if not c.startswith("st"))
            classes = " ".join(sorted(classes))
            titles = " | ".join(dict.fromkeys(m.title for m in covering))
            piece = f'<a class="{escape(classes)}" href="{escape(inner.href)}" title="{escape(titles)}">{piece}</a>'
        elif not is_kept:
            piece = f'<span class="cut">{piece}</span>'
        out.append(str(piece))
    return Markup("".join(out))


# --- timeline ---------------------------------------------------------------

WIDTH = 960
ROW = 24
TOP = 46
DATE_COL = 96
PLOT_START, PLOT_END = 104, 384
LABEL_X = 396
MAX_ROWS = 200


@dataclass(frozen=True)
class TimelineItem:
    date: str | None
    kind: str  # statement | event
    stance: str | None
    label: str  # English: speaker and stance, or event type and actor
    text: str  # Arabic content
    href: str
    title: str


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _shorten(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_svg(items: list[TimelineItem]) -> Markup:
    """Rows in date order, a dot for each at its date on a shared axis,
    coloured by stance (events are squares); undated rows come last."""
    items = items[:MAX_ROWS]
    dated = sorted(((d, it) for it in items if (d := _parse(it.date))), key=lambda p: p[0])
    undated = [it for it in items if not _parse(it.date)]
    rows = [*dated, *((None, it) for it in undated)]
    height = TOP + ROW * max(1, len(rows)) + 10
    first = dated[0][0] if dated else None
    last = dated[-1][0] if dated else None
    days = (last - first).days if dated else 0

    def x_of(d: date) -> float:
        if not days:
            return (PLOT_START + PLOT_END) / 2
        return PLOT_START + (PLOT_END - PLOT_START) * (d - first).days / days

    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="timeline">',
        f'<line x1="{PLOT_START}" y1="{TOP - 14}" x2="{PLOT_END}" y2="{TOP - 14}" stroke="#999"/>',
    ]
    if dated:
        ticks = {first, last} if days else {first}
        if days > 1:
            step = max(1, days // 4)
            ticks.update(date.fromordinal(first.toordinal() + k) for k in range(step, days, step))
        for d in sorted(ticks):
            if days and d not in (first, last) and min(abs((d - first).days), abs((last - d).days)) < days / 8:
                continue
            x = x_of(d)
            parts.append(f'<line x1="{x:.1f}" y1="{TOP - 18}" x2="{x:.1f}" y2="{TOP - 10}" stroke="#999"/>')
            parts.append(f'<text class="tick" x="{x:.1f}" y="{TOP - 24}" text-anchor="middle">{d.isoformat()}</text>')
    for n, (d, it) in enumerate(rows):
        y = TOP + ROW * n + ROW / 2
        colour = EVENT_COLOUR if it.kind == "event" else stance_colour(it.stance)
        parts.append(
            f'<a class="row {escape(it.kind)}" href="{escape(it.href)}" data-stance="{escape(it.stance or "")}">'
            f"<title>{escape(it.title)}</title>"
        )
        if n % 2 == 0:
            parts.append(f'<rect x="0" y="{y - ROW / 2:.1f}" width="{WIDTH}" height="{ROW}" fill="#f6f6f3"/>')
        parts.append(f'<text class="date" x="8" y="{y + 4:.1f}">{escape(it.date or "undated")}</text>')
        parts.append(f'<line x1="{PLOT_START}" y1="{y:.1f}" x2="{PLOT_END}" y2="{y:.1f}" stroke="#e0e0e0"/>')
        if d is not None:
            x = x_of(d)
            if it.kind == "event":
                parts.append(f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>')
            else:
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>')
        parts.append(
            f'<text class="label" x="{LABEL_X}" y="{y + 4:.1f}">'
            f'<tspan class="who" fill="{colour}">{escape(_shorten(it.label, 40))}</tspan> '
            f'<tspan class="what" direction="rtl" unicode-bidi="embed">{escape(_shorten(it.text, 70))}</tspan></text>'
        )
        parts.append("</a>")
    if not rows:
        parts.append(f'<text x="{LABEL_X}" y="{TOP + 14}">No dated statements or events.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
