"""Server-side drawing: page text with highlighted spans, query hits, the
story timeline and the charts of counts over time (SVG, no script).

Everything is built as strings, so every value goes through ``escape``.
Time runs right to left, as the Arabic text beside it reads: the earliest
date is at the right.
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


# --- query hits ------------------------------------------------------------------

def mark_hits(text: str | None, spans: list[tuple[int, int]]) -> Markup:
    """``text`` escaped, each ``[start, end)`` of ``spans`` in ``<mark>``."""
    text = text or ""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(str(escape(text[last:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


# --- shared drawing helpers ---------------------------------------------------

# Okabe–Ito colours (told apart with colour-blindness), then a grey for "other".
SERIES_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")
OTHER_SERIES = "#9e9e9e"
LATIN_CHAR_PX = 6.6  # average advance of a 11–12 px Latin character
ARABIC_CHAR_PX = 6.2  # of a 13 px Naskh character


def _fit(text: str, width_px: float, char_px: float) -> str:
    """``text`` on one line, cut with an ellipsis to about ``width_px``."""
    text = " ".join((text or "").split())
    limit = max(1, int(width_px / char_px))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def series_colours(series: list[str], stances: bool) -> dict[str, str]:
    """A colour per series: the stance colours, else the palette in order."""
    if stances:
        return {k: OTHER_SERIES if k == "other" else stance_colour(k) for k in series}
    palette = iter(SERIES_COLOURS)
    return {k: OTHER_SERIES if k == "other" else next(palette, OTHER_SERIES) for k in series}


# --- story timeline -------------------------------------------------------------

WIDTH = 960
ROW = 24
TOP = 46
DATE_RIGHT = 952  # dates, right-aligned at the right edge
PLOT_RIGHT, PLOT_LEFT = 862, 650  # dated axis: earliest at the right
UNDATED_X = 612  # the lane of items without a full date
WHO_RIGHT, WHO_WIDTH = 580, 190  # speaker and stance, right-aligned
TEXT_RIGHT, TEXT_LEFT = 380, 8  # the Arabic snippet, right to left, clipped
MAX_ROWS = 200


@dataclass(frozen=True)
class TimelineItem:
    date: str | None
    kind: str  # statement | event
    stance: str | None
    who: str  # speaker, or event type and actor
    what: str  # stance, or event mode
    text: str  # Arabic content
    href: str
    title: str


def timeline_svg(items: list[TimelineItem]) -> Markup:
    """One row an item in date order, read right to left: its date, then a
    dot at that date on a shared axis (earliest at the right; events are
    squares), then who said it with the stance in full, then the content.
    Items without a full date come last, on a lane of their own."""
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
            return (PLOT_LEFT + PLOT_RIGHT) / 2
        return PLOT_RIGHT - (PLOT_RIGHT - PLOT_LEFT) * (d - first).days / days

    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="timeline of the story, earliest at the right">',
        f'<defs><clipPath id="snippet-clip"><rect x="{TEXT_LEFT}" y="0" width="{TEXT_RIGHT - TEXT_LEFT}" '
        f'height="{height}"/></clipPath></defs>',
        f'<line x1="{PLOT_LEFT}" y1="{TOP - 14}" x2="{PLOT_RIGHT}" y2="{TOP - 14}" stroke="#999"/>',
    ]
    if undated:
        parts.append(f'<text class="tick" x="{UNDATED_X}" y="{TOP - 24}" text-anchor="middle">undated</text>')
    if dated:
        ticks = {first, last} if days else {first}
        if days > 1:
            step = max(1, days // 3)
            ticks.update(date.fromordinal(first.toordinal() + k) for k in range(step, days, step))
        for d in sorted(ticks):
            if days and d not in (first, last) and min(abs((d - first).days), abs((last - d).days)) < days / 5:
                continue
            x = x_of(d)
            anchor = "end" if d == first and days else "start" if d == last and days else "middle"
            parts.append(f'<line x1="{x:.1f}" y1="{TOP - 18}" x2="{x:.1f}" y2="{TOP - 10}" stroke="#999"/>')
            parts.append(f'<text class="tick" x="{x:.1f}" y="{TOP - 24}" text-anchor="{anchor}">{d.isoformat()}</text>')
    for n, (d, it) in enumerate(rows):
        y = TOP + ROW * n + ROW / 2
        colour = EVENT_COLOUR if it.kind == "event" else stance_colour(it.stance)
        parts.append(
            f'<a class="row {escape(it.kind)}" href="{escape(it.href)}" data-stance="{escape(it.stance or "")}">'
            f"<title>{escape(it.title)}</title>"
        )
        if n % 2 == 0:
            parts.append(f'<rect x="0" y="{y - ROW / 2:.1f}" width="{WIDTH}" height="{ROW}" fill="#f6f6f3"/>')
        parts.append(f'<text class="date" x="{DATE_RIGHT}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{escape(it.date if d else "undated")}</text>')
        parts.append(f'<line x1="{PLOT_LEFT}" y1="{y:.1f}" x2="{PLOT_RIGHT}" y2="{y:.1f}" stroke="#e0e0e0"/>')
        x = x_of(d) if d is not None else UNDATED_X
        fill = colour if d is not None else "#fff"
        if it.kind == "event":
            parts.append(f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{fill}" '
                         f'stroke="{colour}" stroke-width="2"/>')
        else:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" stroke="{colour}" stroke-width="2"/>')
        what = f" — {it.what}" if it.what else ""
        who = _fit(it.who, WHO_WIDTH - LATIN_CHAR_PX * len(what), LATIN_CHAR_PX)
        parts.append(
            f'<text class="label" x="{WHO_RIGHT}" y="{y + 4:.1f}" text-anchor="end">'
            f'<tspan class="who" fill="{colour}">{escape(who)}</tspan>'
            f'<tspan class="what" fill="{colour}">{escape(what)}</tspan></text>'
        )
        parts.append(
            f'<text class="snippet" x="{TEXT_RIGHT}" y="{y + 4:.1f}" text-anchor="start" direction="rtl" '
            f'unicode-bidi="embed" clip-path="url(#snippet-clip)">'
            f'{escape(_fit(it.text, TEXT_RIGHT - TEXT_LEFT - 8, ARABIC_CHAR_PX))}</text>'
        )
        parts.append("</a>")
    if not rows:
        parts.append(f'<text x="{WHO_RIGHT}" y="{TOP + 14}" text-anchor="end">No statements or events.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


# --- counts over time -------------------------------------------------------------

CHART_WIDTH, CHART_HEIGHT = 760, 210
CHART_TOP, CHART_BOTTOM = 14, 186  # plot area, y
AXIS_RIGHT = 712  # bars end here; the count axis is at the right
CHART_LEFT = 12
UNDATED_BAR = 44  # the bar of undated rows, at the left end


def chart_svg(chart: dict, caption: str, colours: dict[str, str], link=None, chart_id: str = "chart") -> Markup:
    """Stacked columns of ``chart`` (see ``RunData._chart``): one column a
    period, earliest at the right, a segment a series; rows dated before or
    after the main range in a column at either end, rows without a full date
    in a column of their own at the far left.  ``link(start, end, key)`` gives
    the URL a segment opens (its rows), or None.  The legend and the numbers
    are in the HTML beside it (:func:`chart_rows`)."""
    series, unit = chart["series"], chart["unit"]
    periods = [date.fromisoformat(p) for p in chart["periods"]]
    columns = []  # (label, values, start, end), right to left
    if any(chart["before"].values()):
        columns.append((f"before {chart['range'][0]}", chart["before"], None, None))
    for i, start in enumerate(periods):
        columns.append((_period_label(start, unit), {k: chart["counts"][k][i] for k in series}, start,
                        _period_end(start, unit)))
    if any(chart["after"].values()):
        columns.append((f"after {chart['range'][1]}", chart["after"], None, None))
    undated = chart["undated"]
    if not columns:
        return _share_bar(undated, series, caption, colours, chart_id)
    has_undated = any(undated.values())
    peak = max([sum(v.values()) for _, v, _, _ in columns] + [1])
    undated_total = sum(undated.values())
    undated_apart = undated_total > 1.5 * peak  # drawn to a scale of its own, marked as such
    if not undated_apart:
        peak = max(peak, undated_total)
    left = CHART_LEFT + (UNDATED_BAR + 36 if has_undated else 0)
    slot = (AXIS_RIGHT - left) / max(1, len(columns))
    bar = max(1.0, min(48.0, slot * 0.8))
    scale = (CHART_BOTTOM - CHART_TOP) / peak
    label_id = f"{chart_id}-caption"
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" '
        f'width="{CHART_WIDTH}" height="{CHART_HEIGHT}" role="img" aria-labelledby="{label_id}">',
        f'<title id="{label_id}">{escape(caption)}</title>',
    ]
    for tick in _count_ticks(peak):
        y = CHART_BOTTOM - tick * scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{AXIS_RIGHT}" y2="{y:.1f}" stroke="#e6e6e6"/>')
        parts.append(f'<text class="tick" x="{AXIS_RIGHT + 6}" y="{y + 4:.1f}">{tick:,}</text>')
    parts.append(f'<line x1="{left}" y1="{CHART_BOTTOM}" x2="{AXIS_RIGHT}" y2="{CHART_BOTTOM}" stroke="#999"/>')

    def column(x: float, width: float, values: dict[str, int], start: date | None, end: date | None,
               label: str, unit_height: float = scale) -> None:
        y = CHART_BOTTOM
        for key in series:
            n = values.get(key, 0)
            if not n:
                continue
            h = n * unit_height
            rect = (f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{colours[key]}">'
                    f'<title>{escape(label)} · {escape(key)}: {n:,}</title></rect>')
            href = link(start, end, key) if link and start and key != "other" else None
            parts.append(f'<a href="{escape(href)}">{rect}</a>' if href else rect)
            y -= h

    for i, (label, values, start, end) in enumerate(columns):
        column(AXIS_RIGHT - slot * (i + 1) + (slot - bar) / 2, bar, values, start, end, label)
    if has_undated:
        x = CHART_LEFT + UNDATED_BAR * 0.1
        height = (CHART_BOTTOM - CHART_TOP - 14) / undated_total if undated_apart else scale
        column(x, UNDATED_BAR * 0.8, undated, None, None, "undated", height)
        if undated_apart:  # a break in the bar and its count: it is not on the axis' scale
            y = CHART_TOP + 24
            parts.append(f'<path d="M{x - 3:.1f} {y + 3} l{UNDATED_BAR * 0.45:.1f} -6 l{UNDATED_BAR * 0.45:.1f} 6" '
                         f'stroke="#fff" stroke-width="4" fill="none"/>')
            parts.append(f'<text class="tick" x="{CHART_LEFT + UNDATED_BAR / 2}" y="{CHART_TOP + 8}" '
                         f'text-anchor="middle">{undated_total:,}</text>')
        parts.append(f'<text class="tick" x="{CHART_LEFT + UNDATED_BAR / 2}" y="{CHART_BOTTOM + 16}" '
                     f'text-anchor="middle">undated</text>')
    for i in _label_positions(len(columns), max(1, int((AXIS_RIGHT - left) / 78))):
        label = columns[i][0]
        parts.append(f'<text class="tick" x="{AXIS_RIGHT - slot * (i + 0.5):.1f}" y="{CHART_BOTTOM + 16}" '
                     f'text-anchor="middle">{escape(label.split(" ")[0] if columns[i][2] is None else label)}</text>')
    if not columns and not has_undated:
        parts.append(f'<text x="{AXIS_RIGHT - 10}" y="{(CHART_TOP + CHART_BOTTOM) / 2}" text-anchor="end">'
                     "Nothing to count.</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


SHARE_HEIGHT = 46


def _share_bar(counts: dict[str, int], series: list[str], caption: str, colours: dict[str, str],
               chart_id: str) -> Markup:
    """When no row has a full date: one bar of the series' shares, the first at the right."""
    total = sum(counts.values())
    label_id = f"{chart_id}-caption"
    parts = [
        f'<svg class="chart share" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {SHARE_HEIGHT}" '
        f'width="{CHART_WIDTH}" height="{SHARE_HEIGHT}" role="img" aria-labelledby="{label_id}">',
        f'<title id="{label_id}">{escape(caption)}</title>',
    ]
    x = AXIS_RIGHT
    for key in series:
        n = counts.get(key, 0)
        if not n:
            continue
        width = (AXIS_RIGHT - CHART_LEFT) * n / total
        x -= width
        parts.append(f'<rect x="{x:.1f}" y="6" width="{width:.1f}" height="20" fill="{colours[key]}">'
                     f'<title>undated · {escape(key)}: {n:,} ({100 * n / total:.0f} %)</title></rect>')
    if not total:
        parts.append(f'<text x="{AXIS_RIGHT}" y="20" text-anchor="end">Nothing to count.</text>')
    else:
        parts.append(f'<text class="tick" x="{AXIS_RIGHT}" y="40" text-anchor="end">no full dates: '
                     f'shares of {total:,} rows</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _count_ticks(peak: int) -> list[int]:
    """Round values for the count axis: 0 and up to four steps to ``peak``."""
    step = 1
    while peak / step > 4:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if peak / step <= 4:
                break
    return list(range(0, peak + 1, step))


def _label_positions(n: int, most: int) -> list[int]:
    """Which of ``n`` columns get a date label: the first, the last, evenly between."""
    if n <= most:
        return list(range(n))
    step = (n - 1) / (most - 1) if most > 1 else n
    return sorted({round(k * step) for k in range(most)})


def _period_end(start: date, unit: str) -> date:
    if unit == "day":
        return start
    if unit == "week":
        return date.fromordinal(start.toordinal() + 6)
    following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _period_label(start: date, unit: str) -> str:
    return start.strftime("%Y-%m") if unit == "month" else start.isoformat()


def chart_rows(chart: dict) -> list[dict]:
    """The chart's numbers as table rows, earliest first: period, each series, total."""
    def row(period: str, values: dict[str, int]) -> dict:
        return {"period": period, "values": values, "total": sum(values.values())}

    rows = []
    if any(chart["before"].values()):
        rows.append(row(f"before {chart['range'][0]}", dict(chart["before"])))
    for i, p in enumerate(chart["periods"]):
        values = {k: chart["counts"][k][i] for k in chart["series"]}
        if any(values.values()):
            rows.append(row(_period_label(date.fromisoformat(p), chart["unit"]), values))
    if any(chart["after"].values()):
        rows.append(row(f"after {chart['range'][1]}", dict(chart["after"])))
    if any(chart["undated"].values()):
        rows.append(row("undated", dict(chart["undated"])))
    return rows
