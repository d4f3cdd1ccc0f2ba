"""Segmentation: one record per real article in a page, without page furniture.

Each line of the page is classified from features that do not depend on one
site's wording: its length, sentence punctuation, prose function words,
bullets, repetition, photo-credit shape, and marker phrases of page blocks
("read also", tags, comments, share and follow prompts: ``data/
boilerplate_markers.tsv``, each with the action it implies).  A small state
machine then builds articles: a body paragraph opens an article (its title is
the headline line right before it), a related/comments block closes it, and a
new article starts after such a block or after a headline that opens a fresh
lead.  A headline line that interrupts an article (an inserted related link)
is cut out of its segments.

Raw dumps (``content_type == "text"``) get the full treatment.  Extracted
main text (``html``) and records (``jsonl``) are already clean: there only
marker blocks and furniture lines are dropped, and an article is split only
after a marker block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from . import metadata
from .dates import MetadataDate, metadata_date, url_date
from .lexicon import read_tsv
from .model import Article, Page
from .outlets import canonical_name, host_of, publisher_named, publisher_of_host
from .text import fold_key

_WORD = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_DIGIT = re.compile(r"\d")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)")
_DATELINE_HINT = re.compile(r"[\d(\-]")
_CRUMBS = re.compile(r"[^/>|›]{1,30}(?:\s[/>|›]\s[^/>|›]{1,30}){2,}$")  # الرئيسية / أخبار / سياسة
_BULLET = "•·▪●◦‣*►◄■□▸-+>"
_SENTENCE_END = re.compile(r"(?<!\.)[.!?](?:[\"')\]]*)$")
_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"')\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.+|…)[\"')\]]*$")
_INNER_SENTENCE = re.compile(r"[^.\s]\.\s+[^\s.]")
_PUNCT = ".,:;!?\"'()[]-"
_BYLINE = re.compile(r"[^\W\d_]+(?:\s[^\W\d_]+){0,3}\s?[-/|]\s?[^\W\d_]+(?:\s[^\W\d_]+){0,2}$")
_EDGE = " \t\r\f\v\u200f\u200e:.-|" + _BULLET

MIN_ARTICLE_WORDS = 40  # below this a split-off or teaser-like article is not an article
SHORT_LINE_WORDS = 12
SUBHEAD_WORDS = 4  # a headline-like line this short inside an article is a subheading
COHESION = 0.5  # share of a headline's words in runs of three the article already holds: a pull quote


@dataclass(frozen=True)
class _Markers:
    line: dict[str, str]  # folded phrase -> action
    prefix: dict[str, re.Pattern]  # mode -> regex of phrases at line start
    action_of: dict[str, str]
    contains: re.Pattern
    anywhere: re.Pattern
    vocab: frozenset[str]
    inline: re.Pattern
    prose: frozenset[str]
    continuation: frozenset[str]
    dangling: frozenset[str]


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    rows = read_tsv("boilerplate_markers.tsv")
    line, action_of, prefix, contains, anywhere, vocab, inline = {}, {}, {}, [], [], set(), []
    for r in rows:
        mode = r["mode"]
        key = fold_key(r["phrase"])
        if mode in ("line", "vocab"):
            key = key.strip(_EDGE) or key
        action_of[key] = r["action"]
        if mode == "line":
            line[key] = r["action"]
        elif mode in ("start", "short", "byline"):
            prefix.setdefault(mode, []).append(key)
        elif mode == "contains":
            contains.append(key)
        elif mode == "anywhere":
            anywhere.append(key)
        elif mode == "vocab":
            vocab.add(key)
        if r["inline"] == "yes":
            inline.append(key)
    word_end = r"(?!\w)"
    features = read_tsv("segment_features.tsv")
    return _Markers(
        line=line,
        prefix={m: re.compile(rf"(?:{_alternation(p)}){word_end}") for m, p in prefix.items()},
        action_of=action_of,
        contains=re.compile(_alternation(contains)),
        anywhere=re.compile(_alternation(anywhere)),
        vocab=frozenset(vocab),
        inline=re.compile(rf"[.!?\"']\s*(?P<m>{_alternation(inline)}){word_end}"),
        prose=frozenset(fold_key(r["word"]) for r in features if r["feature"] == "prose"),
        continuation=frozenset(fold_key(r["word"]) for r in features if r["feature"] == "continuation"),
        dangling=frozenset(fold_key(r["word"]) for r in features if r["feature"] == "dangling"),
    )


@dataclass(slots=True)
class _Line:
    """One non-empty line: folded ``[fs, fe)`` and its class."""

    fs: int
    fe: int
    kind: str  # body head teaser list junk repeat, or a marker action
    words: int
    ends_sentence: bool
    continuation: bool
    cut: int | None = None  # folded offset where an inline marker cuts a body line


@dataclass
class _Draft:
    """An article being built: line indexes of its parts."""

    title: int | None
    start: str  # first | marker | header | soft
    body: list[tuple[int, int]] = field(default_factory=list)  # folded ranges
    parts: list[int] = field(default_factory=list)  # the line of each body range
    meta: list[int] = field(default_factory=list)
    lead: int | None = None
    words: int = 0
    paragraphs: int = 0
    subheads: int = 0  # headline-like lines kept or cut inside the article
    grams: set = field(default_factory=set)  # word trigrams of body[:grams_upto]
    grams_upto: int = 0


def _split_lines(folded: str) -> list[tuple[int, int]]:
    """Folded ``[start, end)`` of every line, stripped of surrounding spaces."""
    spans = []
    pos = 0
    n = len(folded)
    while pos <= n:
        nl = folded.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and folded[s].isspace():
            s += 1
        while e > s and folded[e - 1].isspace():
            e -= 1
        spans.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _marker_action(key: str, tokens: list[str], ends_stop: bool, markers: _Markers) -> str | None:
    words = len(tokens)
    action = markers.line.get(key)
    if action:
        return action
    for mode, pattern in markers.prefix.items():
        m = pattern.match(key)
        if not m:
            continue
        if mode == "short" and (words > 15 or ends_stop):
            continue
        if mode == "byline" and words > 7:
            continue
        return markers.action_of[" ".join(m.group().split())]
    if words <= SHORT_LINE_WORDS and markers.contains.search(key):
        m = markers.contains.search(key)
        return markers.action_of[" ".join(m.group().split())]
    m = markers.anywhere.search(key)
    if m:
        return markers.action_of[" ".join(m.group().split())]
    if words <= SHORT_LINE_WORDS and all(t.strip(_PUNCT) in markers.vocab for t in tokens):
        return "share"
    return None


def _classify(folded: str, spans: list[tuple[int, int]], ft) -> list[_Line | None]:
    """Classify each line (None for blank lines)."""
    markers = _markers()
    seen: set[str] = set()
    out: list[_Line | None] = []
    prev_kind = None
    for fs, fe in spans:
        if fs == fe:
            out.append(None)
            continue
        raw = folded[fs:fe]
        tokens = raw.strip(_EDGE).split()
        key = " ".join(tokens)
        words = len(tokens)
        tail = raw[-8:]
        ends_stop = bool(_FULL_STOP_END.search(tail))
        ends_sentence = bool(_SENTENCE_END.search(tail))
        opening = [t.strip(_PUNCT) for t in tokens[:3]]
        continues = bool(opening) and (opening[0] in markers.continuation
                                       or " ".join(opening[:2]) in markers.continuation
                                       or " ".join(opening[:3]) in markers.continuation)
        line = _Line(fs, fe, "junk", words, ends_sentence, continues)
        action = _marker_action(key, tokens, ends_stop, markers) if key else None
        if action in ("published", "updated") and not metadata.has_date(ft, fs, fe):
            action = None
        if action:
            line.kind = action
        elif not _WORD.search(key):
            line.kind = "junk"
            line.words = 0
        elif key in seen:
            line.kind = "repeat"
        elif words <= 15 and _DIGIT.search(folded, fs, fe) and metadata.is_date_line(ft, fs, fe):
            line.kind = "published"  # "06/08/2025", "14:05 GMT 06.08.2025", "نشر في 2025-08-06"
        elif words <= 4 and metadata.is_agency(ft, *_inner(folded, fs, fe)):
            line.kind = "agency"
        elif words <= 6 and _BYLINE.match(key):
            line.kind = "byline"
        elif not _ARABIC.search(raw) and words < SHORT_LINE_WORDS:
            line.kind = "foreign"
        elif words <= 2 and not ends_sentence:
            line.kind = "junk"
        elif _ELLIPSIS_END.search(tail) and words < MIN_ARTICLE_WORDS and prev_kind == "head":
            line.kind = "teaser"
        elif _is_body(raw, tokens, ends_stop, ends_sentence, markers) or words >= 4 and (
                line.continuation or raw.endswith(":") or tokens[-1] in markers.dangling):
            line.kind = "body"
            cut = markers.inline.search(folded, fs, fe)
            if cut and not _INNER_SENTENCE.search(folded, cut.end(), fe) and not _FULL_STOP_END.search(raw):
                line.cut = cut.start("m")
                while line.cut > fs and folded[line.cut - 1].isspace():
                    line.cut -= 1
        elif _CRUMBS.match(key):
            line.kind = "junk"
            line.words = 0
        elif words <= SHORT_LINE_WORDS and _NUMERIC_DATE.search(folded, fs, fe) and metadata.has_date(ft, fs, fe):
            line.kind = "published"  # a byline with its date: "الكاتب | 13.01.2026 - تحديث : ..."
        elif words <= 15 and _DATELINE_HINT.search(raw) and _is_dateline_line(ft, fs, fe):
            line.kind = "dateline"
        elif raw[0] in _BULLET:
            line.kind = "list"
        else:
            line.kind = "head"
        if key:
            seen.add(key)
        out.append(line)
        prev_kind = line.kind
    return out


def _is_dateline_line(ft, fs: int, fe: int) -> bool:
    """A line that is a dateline and nothing more ("إسلام آباد 18 شوال 1436 هـ ... واس")."""
    dateline = metadata.dateline_of(ft, fs, fe)
    return dateline is not None and not ft.original[dateline.end:ft.to_original(fe)].strip(" -:,")


def _inner(folded: str, fs: int, fe: int) -> tuple[int, int]:
    """``[fs, fe)`` without surrounding punctuation and brackets."""
    while fs < fe and folded[fs] in _PUNCT + " ":
        fs += 1
    while fe > fs and folded[fe - 1] in _PUNCT + " ":
        fe -= 1
    return fs, fe


def _mark_teaser_runs(lines: list[_Line | None]) -> None:
    """Two or more headline + one short paragraph pairs in a row are a list of
    teasers: their paragraphs become ``teaser`` lines.  A paragraph that runs
    on from the previous one, that does not end a sentence, or that another
    paragraph follows breaks a pair."""
    content = [line for line in lines if line is not None and line.kind not in _TRANSPARENT]
    pairs = []  # indexes into content of the body of each headline + paragraph pair
    for k in range(1, len(content)):
        head, body = content[k - 1], content[k]
        if head.kind == "head" and head.words > SUBHEAD_WORDS and not head.ends_sentence \
                and body.kind == "body" and body.words < MIN_ARTICLE_WORDS and body.ends_sentence \
                and not body.continuation and (k + 1 == len(content) or content[k + 1].kind != "body"):
            pairs.append(k)
    run: list[int] = []
    for k in pairs + [None]:
        if run and (k is None or k != run[-1] + 2):
            if len(run) >= 2:
                for j in run:
                    content[j].kind = "teaser"
            run = []
        if k is not None:
            run.append(k)


def _is_body(raw: str, tokens: list[str], ends_stop: bool, ends_sentence: bool, markers: _Markers) -> bool:
    """Running prose rather than a headline, menu item or teaser."""
    words = len(tokens)
    score = 0
    if ends_sentence and words >= 4:
        score += 3 if ends_stop else 1
    elif words >= 8 and _ELLIPSIS_END.search(raw[-8:]):
        score += 2
    if words >= 25:
        score += 2
    elif words >= 15:
        score += 1
    if _INNER_SENTENCE.search(raw):
        score += 1
    if "," in raw:
        score += 1
    if not markers.prose.isdisjoint(tokens):
        score += 1
    return score >= 3


_CLOSERS = {"related", "comments", "end", "teaser"}
_TRANSPARENT = {"junk", "foreign", "repeat", "credit", "follow", "share", "byline"}
_META = {"published", "updated", "source", "agency", "dateline"}
_DROPPED_CLEAN = {"foreign", "credit", "follow", "share", "byline"}


def _assemble_clean(lines: list[_Line | None]) -> list[_Draft]:
    """Build article drafts from already extracted main text: every content line is
    body; a new article starts only after a related/comments block."""
    drafts: list[_Draft] = []
    cur: _Draft | None = None
    in_block = False  # inside a related/comments block
    pending: list[int] = []
    for i, line in enumerate(lines):
        if line is None or line.kind in _DROPPED_CLEAN or line.kind == "junk" and not line.words:
            continue
        kind = line.kind
        if kind in _META:
            (cur.meta if cur is not None and not in_block else pending).append(i)
            continue
        if kind in ("related", "comments", "end", "tags"):
            in_block = cur is not None or kind != "tags"
            pending = [j for j in pending if lines[j].kind in _META]
            continue
        if in_block:
            if kind == "head":
                pending.append(i)
                continue
            if kind != "body":
                continue
            in_block = False
            opens = True
        else:
            opens = cur is None
        if opens:
            cur = _Draft(_title_of(lines, pending), "first" if cur is None else "marker",
                         meta=[j for j in pending if lines[j].kind in _META])
            drafts.append(cur)
            pending = []
        if cur.lead is None and kind == "body":
            cur.lead = i
        _add_body(cur, lines, i)
    if not drafts:  # a record is one article even when nothing in it reads as prose
        rest = [i for i, line in enumerate(lines) if line is not None and line.words]
        if rest:
            drafts.append(_Draft(None, "first"))
            for i in rest:
                _add_body(drafts[0], lines, i)
    elif drafts[0].title is None and len(drafts[0].parts) > 1 and lines[drafts[0].parts[0]].kind == "head" \
            and lines[drafts[0].parts[1]].kind == "body":
        drafts[0].title = drafts[0].parts[0]  # a headline line opening the text is its title
    return drafts


def _assemble_dump(folded: str, lines: list[_Line | None]) -> list[_Draft]:
    """Build article drafts from the classified lines of a raw page dump."""
    drafts: list[_Draft] = []
    cur: _Draft | None = None
    closed = True
    pending: list[int] = []  # headline and date lines waiting for the next article
    held: list[int] = []  # headline lines inside an open article
    held_meta = False  # a date line came after a held headline
    last_body: _Line | None = None

    def start(kind: str, title: int | None) -> _Draft:
        draft = _Draft(title, kind, meta=[i for i in pending if lines[i].kind != "head"])
        drafts.append(draft)
        return draft

    for i, line in enumerate(lines):
        if line is None or line.kind in _TRANSPARENT:
            if line is not None and line.kind == "junk" and line.words and cur is not None and not closed:
                cur.subheads += 1  # a one- or two-word line between paragraphs: a section title
            continue
        kind = line.kind
        if kind in ("published", "updated", "dateline"):
            if cur is not None and not closed and not held:
                cur.meta.append(i)
            else:
                pending.append(i)
                held_meta = held_meta or bool(held)
            continue
        if kind in ("source", "agency"):
            if cur is None:
                pending.append(i)
                continue
            cur.meta.append(i)
            if kind == "source":
                closed = True
                held = []
            continue
        if kind == "tags":
            if cur is not None:
                closed = True
                held = []
            continue
        if kind in ("head", "list"):
            if cur is not None and not closed:
                held.append(i)
            else:
                pending.append(i)
            continue
        if kind in _CLOSERS:
            if cur is not None:
                closed = True
            held, pending, held_meta = [], [], False
            continue
        # a body paragraph
        if cur is None or closed:
            cur = start("first" if cur is None else "marker", _title_of(lines, pending))
            closed = False
        elif held:
            new = _opens_article(folded, lines, held, line, cur, last_body, held_meta)
            if new:
                cur = start(new, held[-1])
            elif len(held) == 1 or all(lines[j].kind == "list" for j in held):
                for j in held:  # a subheading, a question or a bullet paragraph of the article
                    if lines[j].kind == "list" or lines[j].words <= SUBHEAD_WORDS or lines[j].ends_sentence:
                        _add_body(cur, lines, j)
                cur.subheads += 1
        held, pending, held_meta = [], [], False
        if cur.lead is None:
            cur.lead = i
        _add_body(cur, lines, i)
        last_body = line
    return drafts


def _title_of(lines, pending: list[int]) -> int | None:
    """The headline right before a body: the last headline line of four words or
    more (a shorter one after it is a byline or place line), else the last one."""
    heads = [j for j in pending if lines[j].kind == "head"]
    full = [j for j in heads if lines[j].words >= SUBHEAD_WORDS]
    return (full or heads or [None])[-1]


def _opens_article(folded: str, lines, held: list[int], body: _Line, draft: _Draft,
                   last_body: _Line | None, held_meta: bool) -> str | None:
    """Whether the headline(s) ``held`` inside ``draft`` open a new article before ``body``.

    Yes when a date line sits between headline and body.  Otherwise only a
    single full headline (not a subheading, not a question) after a finished
    sentence of an article of two paragraphs or more without subheadings,
    before a paragraph that does not continue the previous one, and whose
    words the article does not already hold in runs of three (a pull quote
    repeats the article's own phrases; a related article's title shares at
    most a name or two with it).
    """
    if held_meta:
        return "header"
    head = lines[held[-1]]
    if len(held) > 1 or head.kind != "head" or head.words <= SUBHEAD_WORDS or head.ends_sentence \
            or body.continuation or draft.paragraphs < 2 or draft.subheads:
        return None
    if last_body is not None and not last_body.ends_sentence:
        return None  # the headline interrupts a sentence: an inserted link
    head_stems = _stems(folded[head.fs:head.fe])
    if len(head_stems) < 3:
        return None
    for s, e in draft.body[draft.grams_upto:]:  # kept up to date, so a page costs linear time
        draft.grams.update(_trigrams(_stems(folded[s:e])))
    draft.grams_upto = len(draft.body)
    covered = set()
    for k, gram in enumerate(_trigrams(head_stems)):
        if gram in draft.grams:
            covered.update((k, k + 1, k + 2))
    if len(covered) >= COHESION * len(head_stems):
        return None
    return "soft"


def _stems(text: str) -> list[str]:
    """Crude stems of the content words of ``text`` (prefixes off, first five letters)."""
    out = []
    prose = _markers().prose
    for token in _WORD.findall(text):
        if len(token) < 3 or token in prose:
            continue
        for prefix in ("وال", "بال", "فال", "لل", "ال", "و"):
            if token.startswith(prefix) and len(token) - len(prefix) >= 3:
                token = token[len(prefix):]
                break
        out.append(token[:5])
    return out


def _trigrams(stems: list[str]) -> list[tuple[str, str, str]]:
    return list(zip(stems, stems[1:], stems[2:]))


def _add_body(draft: _Draft, lines: list[_Line | None], i: int) -> None:
    line = lines[i]
    end = line.cut if line.cut is not None else line.fe
    draft.body.append((line.fs, end))
    draft.parts.append(i)
    draft.words += line.words
    draft.paragraphs += 1


def _prune(drafts: list[_Draft]) -> list[_Draft]:
    """Drop teaser runs, merge other short soft splits back, drop short fragments.

    A teaser is a headline with one short paragraph; two or more in a row form
    a list of links, not articles.  A short soft split, or one that has
    subheadings of its own, was a section of the article before it.
    """
    def teaser(d: _Draft) -> bool:
        return d.title is not None and d.paragraphs == 1 and d.words < MIN_ARTICLE_WORDS

    kept: list[_Draft] = []
    for k, d in enumerate(drafts):
        if teaser(d) and any(0 <= j < len(drafts) and teaser(drafts[j]) for j in (k - 1, k + 1)):
            continue
        kept.append(d)
        # a section split off the article before it goes back, and so does a
        # chain of such splits once one of them shows sections of its own
        while len(kept) > 1 and kept[-1].start == "soft" and (
                kept[-1].words < MIN_ARTICLE_WORDS or kept[-1].subheads):
            _merge(kept[-2], kept.pop())
    if len(kept) > 1 and any(d.words >= MIN_ARTICLE_WORDS for d in kept):
        kept = [d for d in kept if d.words >= MIN_ARTICLE_WORDS or d.paragraphs > 1 or d.start == "header"]
    return kept


def _merge(prev: _Draft, d: _Draft) -> None:
    """Append ``d`` to ``prev``; its headline counts as a section title."""
    prev.body.extend(d.body)
    prev.parts.extend(d.parts)
    prev.meta.extend(d.meta)
    prev.words += d.words
    prev.paragraphs += d.paragraphs
    prev.subheads += d.subheads + 1


def segment_page(page: Page) -> list[Article]:
    """The articles of ``page`` with their metadata; spans in ``page.text``."""
    ft = page.folded
    clean = page.content_type in ("html", "jsonl")
    spans = _split_lines(ft.text)
    lines = _classify(ft.text, spans, ft)
    if not clean:
        _mark_teaser_runs(lines)
    drafts = _prune(_assemble_clean(lines) if clean else _assemble_dump(ft.text, lines))
    page_outlet = _page_outlet(page, lines, drafts)
    articles = []
    for index, draft in enumerate(drafts):
        article = Article(page.doc_id, page.source, index,
                          [ft.span_to_original(s, e) for s, e in draft.body])
        _fill_title(article, draft, lines, ft, page.meta if index == 0 else {})
        _fill_metadata(article, draft, lines, page, index == 0, page_outlet)
        articles.append(article)
    return articles


def _fill_title(article: Article, draft: _Draft, lines, ft, meta: dict) -> None:
    """The headline line before the body; else the container's title (a first body
    line that repeats it becomes the title line)."""
    meta_title = (meta.get("title") or "").strip()
    if draft.title is not None and not (meta_title and draft.parts and draft.parts[0] == draft.title):
        line = lines[draft.title]
        s, e = ft.span_to_original(line.fs, line.fe)
        article.title, article.title_span = ft.original[s:e], (s, e)
        if draft.parts and draft.parts[0] == draft.title:
            article.segments.pop(0)
        return
    if not meta_title:
        return
    article.title = meta_title
    if len(article.segments) > 1:
        s, e = article.segments[0]
        if fold_key(ft.original[s:e]) == fold_key(meta_title):
            article.title_span = article.segments.pop(0)


class _Outlet(NamedTuple):
    name: str
    span: tuple[int, int] | None
    source: str  # see model.OUTLET_SOURCES


HEADER_LINES = 6  # lines at the head of a page that may name its outlet ("الجزيرة نت")


def _page_outlet(page: Page, lines: list[_Line | None], drafts: list[_Draft]) -> _Outlet | None:
    """The outlet that publishes every article of the page: the container's own
    field (a record's ``source``, ``media_name``…), else a header line before the
    first article that is a known outlet's name, else the URL's domain."""
    named = page.meta.get("outlet")
    if named:
        return _Outlet(_canonical_outlet(str(named)), None, "metadata")
    first = min((i for d in drafts for i in (d.title, *d.parts[:1]) if i is not None), default=len(lines))
    ft = page.folded
    for line in [x for x in lines[:first] if x is not None][:HEADER_LINES]:
        s, e = ft.span_to_original(*_inner(ft.text, line.fs, line.fe))
        found = publisher_named(ft.original[s:e])
        if found is not None:
            return _Outlet(found.name, (s, e), "text")
    host = host_of(page.meta.get("url") or page.source)
    if host:
        found = publisher_of_host(host)
        return _Outlet(found.name if found else host, None, "url")
    return None


def _canonical_outlet(value: str) -> str:
    """A publisher's canonical name; an unknown one as written, or its host when it is a web address."""
    found = publisher_named(value)
    if found is not None:
        return found.name
    return host_of(value, bare=True) or " ".join(value.split())


def _fill_metadata(article: Article, draft: _Draft, lines, page: Page, first: bool,
                   page_outlet: _Outlet | None) -> None:
    """Publication date, outlet, agencies and dateline of ``article`` from its
    metadata lines and lead, and from what the container says (``page.meta``:
    the first article of a page takes its date, every article its outlet)."""
    ft = page.folded
    published = updated = None
    outlet = None
    agencies: list[metadata.Value] = []
    credited: list[metadata.Value] = []  # agencies the metadata lines credit
    for i in draft.meta:
        line = lines[i]
        if line.kind == "source":
            named, found = metadata.source_in(ft, line.fs, line.fe)
            if named:
                outlet = _Outlet(canonical_name(named.text), named.span, "text")
            credited.extend(found)
        elif line.kind == "agency":
            s, e = _inner(ft.text, line.fs, line.fe)
            credited.append(metadata.Value(*_original(ft, s, e)))
        elif line.kind == "published" and published is None:
            published = metadata.published_in(ft, line.fs, line.fe)
        elif line.kind == "updated" and updated is None:
            updated = metadata.published_in(ft, line.fs, line.fe)
    dateline_lines = [lines[i] for i in draft.meta if lines[i].kind == "dateline"]
    if draft.lead is not None:
        dateline_lines.append(lines[draft.lead])
    dateline = next(filter(None, (metadata.dateline_of(ft, x.fs, x.fe) for x in dateline_lines)), None)
    if dateline:
        article.dateline, article.dateline_span = dateline.place.text, dateline.place.span
        if dateline.agency:
            credited.insert(0, dateline.agency)
    agencies.extend(credited)
    for s, e in draft.body:
        agencies.extend(metadata.agencies_in(ft, s, e))
    byline = _byline_agencies(page.meta.get("author")) if first else ()
    _fill_agencies(article, agencies, byline)
    article.author = str(page.meta["author"]) if first and page.meta.get("author") else None
    credit = ([_Outlet(canonical_name(credited[0].text), credited[0].span, "credit")] if credited else []) + \
             [_Outlet(name, None, "credit") for name in byline[:1]]
    ranked = [page_outlet, outlet] if page_outlet and page_outlet.source == "metadata" else [outlet, page_outlet]
    chosen = next(filter(None, [*ranked, *credit]), None)
    if chosen is not None:
        article.outlet, article.outlet_span, article.outlet_source = chosen
    _fill_published(article, [published, updated, dateline.date if dateline else None], page, first)


def _fill_agencies(article: Article, found: list[metadata.Value], byline: tuple[str, ...]) -> None:
    """Canonical agency names, each once: "رويترز" and "Reuters" are one agency."""
    seen = set()
    for name, span in [(canonical_name(a.text), a.span) for a in found] + [(name, None) for name in byline]:
        if name not in seen:
            seen.add(name)
            article.agencies.append(name)
            article.agency_spans.append(span)


# what separates the parts of a byline: punctuation, and a hyphen that does not join
# two Latin words ("صنعاء-الوئام", "الرياض - واس", but "Agence France-Presse")
_BYLINE_SEPARATOR = re.compile(r"[–—,،:/()|\[\]]|(?<![A-Za-z])-|-(?![A-Za-z])")


def _byline_agencies(author: object) -> tuple[str, ...]:
    """Agencies a record's byline credits ("الرياض - واس", "واس (جدة)", "AFP")."""
    return _agencies_of_byline(str(author)) if author else ()


@lru_cache(maxsize=8192)  # bylines repeat: "الرياض - واس"
def _agencies_of_byline(author: str) -> tuple[str, ...]:
    out = []
    for part in _BYLINE_SEPARATOR.split(author):
        found = publisher_named(part)
        if found is not None and found.kind == "agency" and found.name not in out:
            out.append(found.name)
    return tuple(out)


def _original(ft, fs: int, fe: int) -> tuple[str, tuple[int, int]]:
    s, e = ft.span_to_original(fs, fe)
    return ft.original[s:e], (s, e)


LATEST_AFTER_CRAWL = 1  # days: a page cannot be published after it was fetched (time zones aside)


def _fill_published(article: Article, stated: list[metadata.StatedDate | None], page: Page, first: bool) -> None:
    """The publication date and where it came from, in this order: a day the page
    states (a date line, an update line, the dateline), the container's metadata,
    the URL's path, a stated day without its year completed from the crawl time
    or the fallback, the crawl time, the fallback (``--published``).  A stated
    day later than the crawl is a misreading and is passed over."""
    meta = page.meta if first else {}
    crawled = metadata_date(meta.get("crawled"))
    fallback = metadata_date(page.meta.get("published_fallback"))
    latest = _latest_publication(crawled)
    stated = [d for d in stated if d is not None and not (d.value and latest and d.value > latest)]
    full = next((d for d in stated if d.value), None)
    partial = next((d for d in stated if d.partial), None)
    year_from = crawled or fallback
    completed = _complete(partial, year_from) if partial is not None and year_from is not None else None
    candidates = [
        (MetadataDate(full.value, "day"), full.span, "text") if full else None,
        (metadata_date(meta.get("published")), None, "metadata"),
        (url_date(meta.get("url") or page.source) if first else None, None, "url"),
        (completed, partial.span, "text") if completed else None,
        (crawled, None, "crawl"),
        (fallback, None, "fallback"),
    ]
    found = [c for c in candidates if c is not None and c[0] is not None]
    chosen = _refined(found[0], found[1:]) if found else None
    if chosen is not None:
        (article.published, article.published_precision), article.published_span, article.published_source = chosen
    elif partial is not None:
        article.published_partial, article.published_span = partial.partial, partial.span


def _refined(chosen: tuple, later: list[tuple]) -> tuple:
    """A month or year refined by the first later day that falls inside it (a URL's
    ``/2015/08/`` by a crawl time of 3 August 2015); otherwise as it is."""
    date_of, precision = chosen[0]
    if precision == "day":
        return chosen
    width = 7 if precision == "month" else 4  # the ISO prefix a day must share: "2015-08", "2015"
    return next((c for c in later if c[0].precision == "day" and c[0].value[:width] == date_of[:width]), chosen)


def _latest_publication(crawled: MetadataDate | None) -> str | None:
    """The latest ISO day a page fetched at ``crawled`` can have been published."""
    if crawled is None:
        return None
    return (date.fromisoformat(crawled.value) + timedelta(days=LATEST_AFTER_CRAWL)).isoformat()


def _complete(partial: metadata.StatedDate, reference: MetadataDate) -> MetadataDate | None:
    """A stated day without its year ("5 ديسمبر"), in the latest year that puts it no
    later than a day after ``reference`` (the crawl time or the fallback date)."""
    ref = date.fromisoformat(reference.value) + timedelta(days=LATEST_AFTER_CRAWL)
    month, day = int(partial.partial[2:4]), int(partial.partial[5:7])
    for year in range(ref.year, ref.year - 8, -1):  # 29 February: back to the last leap year
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= ref:
            return MetadataDate(d.isoformat(), "day")
    return None
