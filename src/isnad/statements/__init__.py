"""Reported statements: who said what, with the evidence spans (step 5).

For each article the reader goes through the kept segments sentence by
sentence (on the folded page text, so hamza, quote and comma variants are
one) and gives every reporting cue (``cues.tsv``) to the statement patterns
(:mod:`.patterns`); the speaker is the noun phrase the sentence puts in the
cue's subject slot (:mod:`.phrases`), or an earlier speaker a later mention
refers to (:mod:`.discourse`).  Stance and ``responds_to`` come from
:mod:`.stance`; dates from :func:`isnad.dates.date_mentions` over the
attribution part of the sentence; ``rule`` and ``speaker_rule`` name what made
a statement, and ``confidence`` (:mod:`.confidence`) says how likely it is right.

    extract_statements(page, article, lexicon)  -> statements.jsonl rows
    explain(text, lexicon)                      -> which pattern made or dropped each cue
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..dates import date_mentions
from ..ids import article_claim_prefix, statement_id
from ..lexicon import Lexicon
from ..mentions import Mention, article_scan
from ..model import Article, Page
from ..outlets import canonical_name
from ..rules import Trace
from ..text import FoldedText, sentences
from .confidence import confidence
from .discourse import Discourse
from .draft import Draft
from .reading import SentenceReader
from .sentence import ArticleText, Sentence
from .stance import assign_stances, link_responses

__all__ = ["extract_statements", "explain"]

_WORD_RE = re.compile(r"[^\W\d_]+")
_QUOTED_RE = re.compile(r'"([^"]*)"')
_QUOTE_WORDS = 3  # a quotation of fewer words is a name or a title (لـ«عكاظ»، «داعش»)
_VERB_KINDS = ("verb_past", "verb_present", "participle")
_VERB_PROCLITICS = ("", "و", "ف")  # a verb cue takes no preposition or article (للرد، الرد are nouns)


def extract_statements(page: Page, article: Article, lexicon: Lexicon, trace: Trace | None = None) -> list[dict]:
    """The reported statements of ``article`` as ``statements.jsonl`` records."""
    ft = page.folded
    segments = [(ft.to_folded(s), ft.to_folded(e)) for s, e in article.segments]
    mentions = _segment_mentions(page, lexicon, segments)
    doc = ArticleText(page.text, ft, mentions, lexicon, article.published, segments[0][0] if segments else 0)
    discourse = Discourse(doc)
    cues = [m for m in mentions if m.category == "cue" and m.value["kind"] != "noun"]
    cue_starts = [m.start for m in cues]
    drafts: list[Draft] = []
    spans = [(ft.to_folded(s), ft.to_folded(e)) for os, oe in article.segments  # quote marks as written
             for s, e in sentences(page.text, os, oe)]
    discourse.sentence_spans = spans
    for k, (ss, se) in enumerate(spans):
        here = cues[bisect_left(cue_starts, ss):bisect_left(cue_starts, se)]
        discourse.sentence_no = k
        if here:
            following = spans[k + 1] if k + 1 < len(spans) else None
            SentenceReader(Sentence(doc, (ss, se), following), discourse, _longest(here), drafts, trace).read()
    drafts.sort(key=lambda d: d.cue.start)
    for n, d in enumerate(drafts):
        d.id = statement_id(page.doc_id, article.article_index, n)
    assign_stances(drafts, doc)
    link_responses(drafts, doc, article_claim_prefix(page.doc_id, article.article_index))
    agencies = [canonical_name(a) for a in article.agencies]
    _dates(drafts, doc, article.published if article.published_precision in (None, "day") else None)
    records = [_record(d, page, article, ft, agencies, lexicon.actor_aliases) for d in drafts]
    for record in records:
        record["confidence"] = confidence(record, lexicon)
    return records


def explain(text: str, lexicon: Lexicon, published: str | None = None) -> tuple[list[dict], Trace]:
    """The statements of ``text`` read as one article, and the trace of what each pattern made
    or dropped (for ``isnad explain``)."""
    segments, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            segments.append((pos, pos + len(line)))
        pos += len(line) + 1
    page = Page("explain", "explain", text)
    trace = Trace()
    found = extract_statements(page, Article("explain", "explain", 0, segments, published=published),
                               lexicon, trace)
    return found, trace


def _segment_mentions(page: Page, lexicon: Lexicon, segments: list[tuple[int, int]]) -> list[Mention]:
    """The lexicon mentions inside the article's segments (one scan from the first segment to
    the last, kept for the event reader, then those of lines between segments left out), cues
    only in a verb's form."""
    if not segments:
        return []
    text = page.folded.text
    found = article_scan(page, lexicon, segments[0][0], segments[-1][1]).mentions
    starts = [s for s, _ in segments]
    out = []
    for m in found:
        k = bisect_right(starts, m.start) - 1
        if k >= 0 and m.end <= segments[k][1] and _cue_form(text, m):
            out.append(m)
    return out


def _cue_form(text: str, m: Mention) -> bool:
    """False for a verb cue glued to a preposition or the article (للرد، والنقل، بقول): a noun;
    a present verb keeps the لـ of purpose (لتؤكد)."""
    if m.category != "cue":
        return True
    verb = m.value["kind"] in _VERB_KINDS or (m.value["kind"] == "relay" and m.value["gender"] != "-")
    glued = text[m.start:m.key_start]
    return not verb or glued in _VERB_PROCLITICS or (m.value["kind"] == "verb_present" and glued in ("ل", "ول"))
    #      (لتؤكد، ليؤكد: لـ before a present verb says what for, the verb stays a verb)


def _longest(cues: list[Mention]) -> list[Mention]:
    """Drop cues covered by a longer cue at the same place (رفض التعليق over رفض)."""
    out: list[Mention] = []
    for m in cues:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _dates(drafts: list[Draft], doc: ArticleText, base: str | None) -> None:
    """The date of each statement from its attribution (a relative day is resolved against ``base``)."""
    previous = None
    time_words = doc.words.of("skip")
    for d in drafts:
        attribution = doc.text[d.attribution_start:d.content[0]]
        found = []
        if any(map(str.isdigit, attribution)) or any(
                w in time_words or w[1:] in time_words for w in _WORD_RE.findall(attribution)):  # والجمعة
            s, e = doc.folded.span_to_original(d.attribution_start, d.content[0])
            found = [m for m in date_mentions(doc.original[s:e], base) if m.value and m.grain == "day"]
        if found:
            d.date = found[0].value
        elif previous is not None and previous.sentence == d.sentence and previous.speaker is d.speaker:
            d.date = previous.date
        previous = d


def _mode(content: str, after_colon: bool, aliases: dict[str, str]) -> str:
    """direct (one quotation, or words after a colon), mixed (a clause holding a quotation of
    three words or more that is not a name) or indirect, from folded ``content``."""
    long_quote = any(len(_WORD_RE.findall(q)) >= _QUOTE_WORDS and " ".join(q.split()) not in aliases
                     for q in _QUOTED_RE.findall(content))
    if content.startswith('"'):
        close = content.find('"', 1)
        if not _WORD_RE.search(content[close + 1:] if close > 0 else ""):
            return "direct"
    elif after_colon:
        return "direct"
    return "mixed" if long_quote else "indirect"


def _after_colon(text: str, start: int) -> bool:
    """Whether a colon stands right before folded ``start`` (وتابع: …)."""
    k = start
    while k > 0 and text[k - 1] == " ":
        k -= 1
    return k > 0 and text[k - 1] == ":"


def _record(d: Draft, page: Page, article: Article, ft: FoldedText, agencies: list[str],
            aliases: dict[str, str]) -> dict:
    """The ``statements.jsonl`` row, spans mapped back to ``page.text``."""
    text = ft.text
    cs, ce = d.content
    while ce > cs and text[ce - 1] in " ,;:-":
        ce -= 1
    mode = _mode(text[cs:ce], _after_colon(text, cs), aliases)
    if mode == "direct" and text[cs] == '"':
        close = text.find('"', cs + 1, ce)
        cs, ce = cs + 1, close if close > 0 else ce
        while ce > cs and text[ce - 1] in '".,':
            ce -= 1
    content_span = ft.span_to_original(cs, ce)
    via = list(dict.fromkeys(canonical_name(v) for v in d.via))  # لـ«الشرق الأوسط» is Asharq Al-Awsat
    if d.speaker.kind in ("outlet", "anonymous") or d.speaker.report or via:
        via += [a for a in agencies if a not in via and a != d.speaker.name]
    record = {
        "id": d.id,
        "doc_id": page.doc_id,
        "article_index": article.article_index,
        "speaker": d.speaker.record(),
        "speaker_span": list(ft.span_to_original(*d.speaker.span)),
        "cue": page.text[slice(*ft.span_to_original(d.cue.key_start, d.cue.end))],
        "cue_span": list(ft.span_to_original(d.cue.key_start, d.cue.end)),
        "mode": mode,
        "stance": d.stance,
        "content": page.text[content_span[0]:content_span[1]],
        "content_span": list(content_span),
        "sentence_span": list(ft.span_to_original(*d.sentence)),
        "via": via,
        "date": d.date,
        "responds_to": d.responds_to,
        "rule": d.rule,
        "speaker_rule": d.speaker_rule,
    }
    if d.denied_claim is not None:
        record["denied_claim"] = d.denied_claim
    return record
