"""Stance of each statement and the claim a denial answers.

Stance comes from the cue (نفى → deny, رفض التعليق → decline_comment …)
and, under a neutral cue, from phrases in the content (``stance_phrases.tsv``:
مزيفة وغير صحيحة، تقرير خاطئ، ليس لدي أي تعليق …).  A speaker who is not
itself a reporter and whose content is negated and re-uses the words of a
report in the same article denies that report (``لم توافق الإدارة على هذه
المباحثات`` against NBC's account of the talks).

A denial points (``responds_to``) at the report inside its own content
(``نفى الكرملين تقريرا لبلومبرج أفاد …``), at the report its words re-use,
at the claim it names (``المزاعم القائلة بأن …``، ``تعليقا على بيان …``), or at
the article's first report; when the denied claim is no statement of the
article it becomes ``claim:<doc>:<article>:<n>`` with ``denied_claim``
{text, span}.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from ..text import lookup_forms
from .sentence import TOKEN_RE, ArticleText, tokens_of

_PRIORITY = ("decline_comment", "deny", "confirm", "reject", "accuse")
_SUFFIXES = ("ات", "ون", "ين", "ان", "هما", "هم", "ها", "ه")
_NEGATION_WINDOW = 6


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    s = lookup_forms(word)[-1]
    for suffix in _SUFFIXES:
        if len(s) - len(suffix) >= 3 and s.endswith(suffix):
            return s[: -len(suffix)]
    return s


def _content_words(doc: ArticleText, span: tuple[int, int]) -> list[str]:
    return [w for w in TOKEN_RE.findall(doc.text, span[0], span[1]) if w[0].isalpha()]


def _stems(doc: ArticleText, words: list[str]) -> set[str]:
    function_words = doc.words.of("any")
    out = set()
    for w in words:
        if w in function_words:
            continue
        s = _stem(w)
        if len(s) >= 3 and s not in function_words:
            out.add(s)
    return out


def is_report(draft) -> bool:
    """A statement that reports (an outlet, a report, an anonymous or relayed source)."""
    sp = draft.speaker
    return sp.kind in ("outlet", "anonymous") or sp.report or bool(sp.via)


def _phrase_stance(doc: ArticleText, span: tuple[int, int]) -> tuple[str | None, int]:
    """The strongest stance phrase inside ``span`` and where the first one starts."""
    found: dict[str, int] = {}
    for m in doc.stance_marks[bisect_left(doc.stance_starts, span[0]):bisect_left(doc.stance_starts, span[1])]:
        if m.end <= span[1]:
            found.setdefault(m.value["stance"], m.start)
    for stance in _PRIORITY:
        if stance in found:
            return stance, min(found.values())
    return None, span[1]


def assign_stances(drafts, doc: ArticleText) -> None:
    """Set ``stance`` of every draft from its cue and content, then find denials by negation."""
    declined = doc.words.declined_objects
    words: dict[str, list[str]] = {}
    for d in drafts:
        words[d.id] = _content_words(doc, d.content)
        cue_stance = d.cue.value["stance"]
        phrase, _ = _phrase_stance(doc, d.content)
        first = words[d.id][:1]
        text = doc.text[d.content[0]:d.content[1]].lstrip('" ')
        if text.startswith(("لا,", "لا.", "لا ,")):
            phrase = phrase or "deny"
        if cue_stance == "reject" and first and first[0] in declined:
            cue_stance = "decline_comment"
        if cue_stance == "assert":
            d.stance = phrase or "assert"
        elif cue_stance == "reject" and phrase in ("decline_comment", "deny"):
            d.stance = phrase
        else:
            d.stance = cue_stance
    reports = [d for d in drafts if is_report(d)]
    if not reports:
        return
    report_stems = {r.id: _stems(doc, words[r.id]) for r in reports}
    negation = doc.words.of("verbal_negation")
    for d in drafts:
        if d.stance != "assert" or is_report(d):
            continue
        if not _negated(words[d.id][:_NEGATION_WINDOW + 1], negation, doc.words.of("continuative")):
            continue
        mine = _stems(doc, words[d.id])
        best, score = None, 0
        for r in reports:
            if r.speaker.same_as(d.speaker):
                continue
            overlap = len(mine & report_stems[r.id])
            if overlap > score:
                best, score = r, overlap
        if best is not None and score >= 2:
            d.stance = "deny"
            d.responds_to = best.id


def _negated(words: list[str], negation: frozenset[str], continuative) -> bool:
    """A verbal negation among the first words (لم توافق، لن …), not لا يزال (still)."""
    return any(w in negation and not (i + 1 < len(words) and words[i + 1] in continuative)
               for i, w in enumerate(words[:_NEGATION_WINDOW]))


def link_responses(drafts, doc: ArticleText, claim_prefix: str) -> None:
    """Point every denial at the statement or claim it answers, and every refusal to comment
    at the report it declines to comment on (the one it names, else the last one before it)."""
    reports = [d for d in drafts if is_report(d)]
    claims = doc.words.of("claim")
    n = 0
    for d in drafts:
        if d.stance == "decline_comment" and not d.responds_to:
            d.responds_to = _declined_report(d, reports)
            continue
        if d.stance != "deny" or d.responds_to:
            continue
        inner = next((r for r in reports if r is not d and d.content[0] <= r.cue.start < d.content[1]), None)
        if inner is not None:
            d.responds_to = inner.id
            continue
        claim_span = d.response_phrase
        if claim_span is None:
            claim_span = _named_claim(doc, d.content, claims)
        if claim_span is None and reports:
            earlier = [r for r in reports if not r.speaker.same_as(d.speaker)]
            if earlier:
                d.responds_to = earlier[0].id
                continue
        if claim_span is None:
            claim_span = d.content
        n += 1
        d.responds_to = f"{claim_prefix}:{n}"
        s, e = doc.folded.span_to_original(*claim_span)
        d.denied_claim = {"text": doc.original[s:e], "span": [s, e]}


def _declined_report(d, reports) -> str | None:
    """The report a refusal to comment answers (ورفضت الوزارة التعليق على تقرير بلومبرج): one
    inside its content, else the last report of another speaker before it."""
    inner = next((r for r in reports if r is not d and d.content[0] <= r.cue.start < d.content[1]), None)
    if inner is not None:
        return inner.id
    earlier = [r for r in reports if r.cue.start < d.cue.start and not r.speaker.same_as(d.speaker)]
    return earlier[-1].id if earlier else None


def _named_claim(doc: ArticleText, content: tuple[int, int], claims: frozenset[str]) -> tuple[int, int] | None:
    """``المزاعم القائلة بأن X، مزيفة``: the claim a denial names in its content, up to the denial phrase."""
    toks = tokens_of(doc.text, content[0], content[1])
    _, deny_at = _phrase_stance(doc, content)
    for i, tok in enumerate(toks):
        if tok.start >= deny_at:
            return None
        if tok.text in claims:
            end = deny_at
            while end > tok.start and doc.text[end - 1] in " ,;":
                end -= 1
            return (tok.start, end) if end > tok.end else None
    return None
