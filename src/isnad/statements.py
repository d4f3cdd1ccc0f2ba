"""Reported statements: who said what, with the evidence spans (step 5).

For each article the extractor reads the kept segments sentence by sentence
(on the folded page text, so hamza, quote and comma variants are one) and
turns every reporting cue (``cues.tsv``) into a statement:

- a finite verb (قال، أكد، نفت …) takes the speaker phrase that follows it
  (verb–subject order, role in apposition), else a report or name right
  before it (``تقرير لوكالة بلومبرج أفاد``), else the last speaker whose
  gender agrees (``وأضافت`` → a woman or a feminine noun);
- the content starts after إن / أن / بأن / إلى أن، a colon, an opening quote,
  ``قائلا`` or ``قوله``; verbs that take an object (نفى، تهرب، أعلن …) may
  take the plain object instead; it runs to the end of the sentence (quotes
  over several sentences stay whole) or to the next coordinated cue
  (``، كما أكد``، ``، وأوضح``); participles (مشيرا، مضيفا …) continue the open
  statement, or open one for the subject of the sentence;
- relays (نقلت X عن Y، وفقا لـ X، بحسب X) give a speaker and its ``via``;
- a cue inside another statement's content is kept only for a report
  (the Kremlin denies *a Bloomberg report that said …*).

Stance and ``responds_to`` come from :mod:`isnad.stance`; dates from
:func:`isnad.dates.date_mentions` over the attribution part of the sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from .dates import date_mentions
from .ids import article_claim_prefix, statement_id
from .lexicon import actor_aliases, actors
from .mentions import Mention, find_mentions
from .model import Article, Page
from .speakers import ArticleState, Speaker, SpeakerParser, Token, quote_ends_sentence, tokens_of
from .stance import assign_stances, declined_objects, link_responses
from .text import FoldedText, fold_key, lookup_forms, sentences

_WORD_RE = re.compile(r"[^\W\d_]+")
_QUOTED_RE = re.compile(r'"([^"]*)"')
_QUOTE_WORDS = 3  # a quotation of fewer words is a name or a title (لـ«عكاظ»، «داعش»)
_CLAUSE_PUNCT = (",", ";", "-")
_ZONE_LIMIT = 40
_OBJECT_PREPOSITIONS = ("علي", "الي", "من", "عن")
_VERB_KINDS = ("verb_past", "verb_present", "participle")
_VERB_PROCLITICS = ("", "و", "ف")  # a verb cue takes no preposition or article (للرد، الرد are nouns)
_TITLE_QUOTE = 6  # a quotation this short followed by more attribution is a title (مسرحية «…»)
_SUBJECT_REACH = 4
_SUBJECT_SPAN = 15  # how far back a كان may open the clause of a cue
_NAME_QUOTE = 5
_IN_STATEMENT = ("في", "وفي", "خلال", "وخلال", "عبر")  # في تصريح، خلال حديث: the statement a cue was made in  # a quotation this short with words right before and after it is a name  # a participle's subject stands among the first words of the sentence


@dataclass
class Draft:
    """A statement being built; spans in folded offsets."""

    speaker: Speaker
    cue: Mention
    content: tuple[int, int]
    sentence: tuple[int, int]
    attribution_start: int  # start of the text that may hold the date
    via: list[str] = field(default_factory=list)
    date: str | None = None
    response_phrase: tuple[int, int] | None = None  # تعقيبا على <claim>
    stance: str = "assert"
    responds_to: str | None = None
    denied_claim: dict | None = None
    id: str = ""


class SentenceReader:
    """Finds the statements of one sentence."""

    def __init__(self, st: ArticleState, span: tuple[int, int], cues: list[Mention], drafts: list[Draft],
                 following: tuple[int, int] | None = None):
        self.st = st
        self.span = span
        self.following = following  # the next sentence: content announced by a final colon
        self.toks: list[Token] = tokens_of(st.text, span[0], span[1])
        self.n = len(self.toks)
        self.parser = SpeakerParser(st, self.toks)
        self.quotes = [t.start for t in self.toks if t.text == '"']
        self.cues = cues
        self.drafts = drafts
        self.zone_source: Speaker | None = None  # نقلا عن X inside the attribution of a statement
        self.zone_via: list[str] = []
        self.lead_via: list[str] = []  # وبحسب رويترز، …: the outlet every statement of the sentence came through

    def in_quote(self, pos: int) -> bool:
        """Whether folded ``pos`` lies inside a quotation of this sentence."""
        return bisect_left(self.quotes, pos) % 2 == 1

    def read(self) -> None:
        """Turn the sentence's cues into statements, left to right."""
        active: Draft | None = None
        consumed = 0
        for cue in self.cues:
            if self.in_quote(cue.start):
                continue
            ci = self.parser.index_after(cue.start)
            if ci < consumed or not self.live(cue, ci):
                continue
            kind = cue.value["kind"]
            inside = active is not None and cue.start >= active.content[0]
            draft = None
            if kind == "participle":
                if inside:
                    continue  # …، مضيفا أن …: the statement goes on
                draft = self.participle(cue, ci)
            elif kind == "relay":
                draft = self.relay(cue, ci, active)
            elif inside and self.clause_start(ci):
                draft = self.verb(cue, ci, active.speaker)
                if draft is not None:
                    self.truncate(active, ci)
            elif inside:
                draft = self.verb(cue, ci, None, carry_over=False)
                if draft is not None and (draft.speaker.report or draft.speaker.kind == "outlet"):
                    self.accept(draft)  # a report inside the content: نفى … تقريرا لبلومبرج أفاد …
                continue
            else:
                draft = self.verb(cue, ci, None)
            if draft is not None:
                self.accept(draft)
                active = draft
                consumed = self.parser.index_after(draft.content[0])

    def verbal_noun(self, cue: Mention, ci: int) -> bool:
        """A verb form read as a noun or a name: after a preposition or عدم (عدم ذكر اسمه، حول
        وصف …), or after أبي / بن in a name (علي بن أبي طالب)."""
        before = self.toks[ci - 1] if ci > 0 else None
        return (cue.value["kind"] in ("verb_past", "verb_present") and not cue.prefix_len and before is not None
                and (self.st.is_word(before, "noun_context") or self.st.is_word(before, "name_link")))

    def subordinate(self, ci: int) -> bool:
        """A cue inside a subordinate clause (بعد أن أعلنت، التي قالت، عندما قال)."""
        k = ci - 1
        while k >= 0 and self.st.is_word(self.toks[k], "auxiliary"):
            k -= 1
        return k >= 0 and any(self.st.is_word(Token(w, 0, 0), "subordinator") for w in lookup_forms(self.toks[k].text))

    def subject_before(self, ci: int) -> bool:
        """A form of كان opens the clause of the cue (وكانت عناصر محسوبة على التنظيم … ذكرت): its
        subject stands before the verb, so a speaker not found there is not the last one met."""
        for k in range(ci - 1, max(-1, ci - _SUBJECT_SPAN), -1):
            tok = self.toks[k]
            if tok.text in _CLAUSE_PUNCT or self.st.at(tok.start, "cue") is not None:
                return False
            if self.st.is_word(tok, "auxiliary") and tok.text.lstrip("وف").startswith("كان"):
                return True
        return False

    def subjectless(self, k: int) -> bool:
        """Whether token ``k`` after a verb leaves its subject unsaid: the end, a mark, a content
        opener, an adverbial or a participle (وأضاف أن، وقال في كلمته، وتابع قائلا), not an
        unknown noun that would be the subject (وقال الأطباء، وأعلنت خلوها)."""
        if k >= self.n:
            return True
        tok, st = self.toks[k], self.st
        return (not tok.text.isalpha() or tok.text[0] == "ل"
                or any(st.is_word(tok, c) for c in ("intro", "intro_say", "intro_prep", "adverbial_prep", "skip"))
                or st.at(tok.start, "cue") is not None)

    def accept(self, draft: Draft) -> None:
        self.drafts.append(draft)
        self.st.remember(draft.speaker)

    # -- structure -------------------------------------------------------------
    def clause_start(self, ci: int) -> bool:
        """A cue that opens a new coordinated clause: ``، وأوضح`` / ``، كما أكد`` / ``، فيما أعلنت``."""
        toks = self.toks
        k = ci - 1
        if k >= 0 and (toks[k].text in ("كما", "وكما", "ثم") or self.st.is_word(toks[k], "contrast")):
            k -= 1
        elif not toks[ci].text.startswith("و"):
            return False
        return k < 0 or toks[k].text in _CLAUSE_PUNCT

    def truncate(self, draft: Draft, ci: int) -> None:
        """End ``draft``'s content before the coordinated clause that starts at token ``ci``."""
        k = ci - 1
        while k > 0 and (self.toks[k].text in _CLAUSE_PUNCT or self.toks[k].text in ("كما", "وكما", "ثم")
                         or self.st.is_word(self.toks[k], "contrast")):
            k -= 1
        end = self.toks[k].end
        if end > draft.content[0]:
            draft.content = (draft.content[0], end)

    def skip_words(self, k: int, classes=("skip",)) -> int:
        """Past commas and words of ``classes`` (time words: اليوم الجمعة، أمس)."""
        while k < self.n and (self.toks[k].text in _CLAUSE_PUNCT
                              or any(self.st.is_word(self.toks[k], c) for c in classes)):
            k += 1
        return k

    def object_start(self, k: int) -> int:
        """Where a plain object begins after the speaker: past filler words, a reply phrase up to
        its comma (ردا على سؤال،) and the statement or place it was made in (في بيان، في فيينا)."""
        toks, st = self.toks, self.st
        k = self.skip_words(k)
        while k + 1 < self.n:
            tok, after = toks[k], toks[k + 1]
            if st.is_word(tok, "response") and after.text == "علي":
                comma = next((c for c in range(k + 2, min(self.n, k + 12)) if toks[c].text == ","), None)
                if comma is None:
                    break
                k = self.skip_words(comma + 1)
            elif tok.text in _IN_STATEMENT and (st.at(after.start, "cue", lambda m: m.value["kind"] == "noun")
                                                or st.at(after.start, "country")):
                k = self.skip_words(k + 2)
            elif st.is_word(tok, "adverbial_prep") and st.is_word(after, "skip"):
                k = self.skip_words(k + 1)  # نفت في وقت سابق التنسيق
            else:
                break
        return k

    def skip_addressee(self, k: int) -> int:
        """Past an outlet the words were said to, before the speaker (قال لـ«الشرق الأوسط» مدير …)."""
        toks, st = self.toks, self.st
        if k < self.n and toks[k].text == "ل" and k + 1 < self.n and toks[k + 1].text == '"':
            close = self._quoted_name_end(k + 1)
            return self.skip_words(close) if close is not None else k
        outlet = st.at(toks[k].start, "actor") if k < self.n and toks[k].text.startswith("ل") else None
        if outlet is not None and outlet.prefix_len and actors()[outlet.value].kind in ("outlet", "agency"):
            return self.skip_words(self.parser.index_after(outlet.end))
        if k < self.n and toks[k].text.startswith("لل") and not st.by_start.get(toks[k].start):
            return self.skip_words(k + 1)  # قال للصحفيين إن: the addressee
        return k

    def intro(self, k: int, far_saying: bool = True) -> tuple[int, int] | None:
        """(content start index, zone end index) for the first content opener from ``k``; a
        participle قائلا opens it right after ``k`` or, when ``far_saying``, after an aside
        (a verb with an object keeps it: ورفض فيدان، ردا على سؤال، مقترحا …، قائلا …)."""
        toks, st = self.toks, self.st
        self.zone_source, self.zone_via = None, []
        stop = min(self.n, k + _ZONE_LIMIT)
        z = k
        relative = False  # inside ميرين التي فازت … في مسرحية «…»، up to its comma
        while z < stop:
            tok = toks[z]
            if tok.text == '"':
                close = self._quoted_name_end(z, relative or (z > k and self._title_quote(z)))
                if close is None:
                    return z, z
                z = close
                continue
            if tok.text == ":":
                return self._after_opener(z + 1), z
            if tok.text == ",":
                relative = False
            elif st.is_word(tok, "subordinator") and tok.text.startswith("ال"):
                relative = True
            elif st.is_word(tok, "contrast"):
                return None  # حذرت … إلا أن …: the opener belongs to another clause
            if st.is_word(tok, "intro") and not (relative and st.is_word(toks[z - 1], "noun_context")) \
                    and st.text[tok.end:tok.end + 1] != ".":  # دي.سي.ان.اس: initials, not إن
                return z + 1, z
            if st.is_word(tok, "intro_prep") and z + 1 < self.n and st.is_word(toks[z + 1], "intro"):
                return z + 2, z
            if st.is_word(tok, "intro_say"):
                return self._after_opener(z + 1), z
            cue = self._live_cue(z)
            if cue is not None:
                kind = cue.value["kind"]
                if kind == "participle" and cue.value["lemma"] == "قال" and (far_saying or self._adjacent(k, z)):
                    return self._after_opener(self.parser.index_after(cue.end)), z
                if kind == "relay":
                    z = self._zone_relay(cue, z)  # …، بحسب ما نقلت عنه وكالة إرنا، أن …
                    continue
                if kind != "noun" or not (z > 0 and toks[z - 1].text in _IN_STATEMENT):
                    return None
            z += 1
        return None

    def _live_cue(self, z: int) -> Mention | None:
        """The cue at token ``z`` unless the words make it something else (ورد في، عدم ذكر اسمه،
        طالبا عدم الكشف، للرد)."""
        cue = self.st.at(self.toks[z].start, "cue")
        return cue if cue is not None and self.live(cue, z) else None

    def live(self, cue: Mention, z: int) -> bool:
        """Whether ``cue`` at token ``z`` reports speech (see ``_live_cue``)."""
        st = self.st
        if st.at(cue.start, "word", lambda m: m.value["class"] == "not_cue") is not None:
            return False
        return not self.verbal_noun(cue, z)

    def _adjacent(self, k: int, z: int) -> bool:
        """Only marks and filler words between tokens ``k`` and ``z`` (وتابع الوزير، قائلا)."""
        return all(not t.text.isalpha() or self.st.is_word(t, "skip") for t in self.toks[k:z])

    def _zone_relay(self, cue: Mention, z: int) -> int:
        """A relay inside the attribution (، نقلا عن مسؤولين مصريين، / ، حسبما نقلت وكالة X،):
        its source becomes the speaker (``zone_source``), an outlet goes to ``zone_via``.
        Returns the index past the relay phrase (its closing comma)."""
        toks = self.toks
        j = self.parser.index_after(cue.end)
        while j < self.n and (toks[j].text in ("ما", "عنه", "عنها", "عن", "ل") or self.st.at(toks[j].start, "cue")):
            j = self.parser.index_after(self.st.at(toks[j].start, "cue").end) if self.st.at(toks[j].start, "cue") \
                else j + 1
        res = self.parser.parse(j, self.n) if j < self.n else None
        if res is not None:
            if cue.value["lemma"] == "نقلا عن":  # the words are the source's
                self.zone_source = res[0]
            elif res[0].kind in ("outlet", "organization"):
                self.zone_via.append(res[0].name)
            j = res[1]
        while j < self.n and toks[j].text not in (",", ":") and not self.st.is_word(toks[j], "intro"):
            j += 1
        return j + (j < self.n and toks[j].text == ",")

    def _quoted_name_end(self, z: int, named_here: bool = False) -> int | None:
        """After a quoted outlet, name or title in the attribution (لـ«الشرق الأوسط»، وكالة "سمارت"،
        or any quote when ``named_here``), the index past its closing quote; None when the quote
        opens the content."""
        toks, st = self.toks, self.st
        close = next((c for c in range(z + 1, min(self.n, z + 8)) if toks[c].text == '"'), None)
        if close is None:
            return None
        named = named_here or (z > 0 and (toks[z - 1].text == "ل" or (
            st.at(toks[z - 1].start, "role") is not None and not quote_ends_sentence(toks, close, self.n))))
        if close - z <= _NAME_QUOTE and close + 1 < self.n and toks[close + 1].text.isalpha() \
                and z > 0 and toks[z - 1].text.isalpha() and not st.is_word(toks[z - 1], "intro"):
            named = True  # على طلب "الجزائر الآن" للتعليق: a name followed by more words
        if named or (z + 1 < self.n and st.at(toks[z + 1].start, "actor")):
            return close + 1
        after = toks[close + 1] if close + 1 < self.n else None
        if after is not None and (after.text == ":" or st.is_word(after, "intro")):
            return close + 1  # على منصته "تروث سوشيال": …
        return None

    def _title_quote(self, z: int) -> bool:
        """A short quotation followed by a comma and, a few words on, the content opener
        (في مسرحية «ذي أوديونس»، عند تفقدها …، إنه …): a title, not the content."""
        close = next((c for c in range(z + 1, min(self.n, z + _TITLE_QUOTE + 1)) if self.toks[c].text == '"'), None)
        return close is not None and close + 1 < self.n and self.toks[close + 1].text == "," \
            and self._opener_ahead(close + 2)

    def _opener_ahead(self, k: int) -> bool:
        """Whether a colon or إن / أن comes within a few words from ``k``, before any quote."""
        for tok in self.toks[k:k + 20]:
            if tok.text == '"':
                return False
            if tok.text == ":" or self.st.is_word(tok, "intro"):
                return True
        return False

    def _after_opener(self, k: int) -> int:
        if k < self.n and self.toks[k].text == ":":
            k += 1
        if k < self.n and self.st.is_word(self.toks[k], "intro"):
            k += 1
        return k

    def content_span(self, k: int) -> tuple[int, int] | None:
        """From token ``k`` to the end of the sentence, when a word is there; after a
        colon that ends the sentence (وقال في كلمته:), the next sentence."""
        if k >= self.n and self.following is not None and self.toks[-1].text == ":":
            return self.following
        if not any(t.text[0].isalpha() for t in self.toks[k:k + 3]):
            return None
        return self.toks[k].start, self.span[1]

    def quote_before(self, ci: int) -> tuple[int, int] | None:
        """A quotation that ends right before ``، قال …`` (content first, then the cue)."""
        toks = self.toks
        if ci < 3 or toks[ci - 1].text != "," or toks[ci - 2].text != '"':
            return None
        opening = bisect_left(self.quotes, toks[ci - 2].start) - 1
        if opening < 0 or opening % 2:
            return None
        return self.quotes[opening], toks[ci - 2].end

    def before_cue(self, ci: int) -> Speaker | None:
        """A speaker phrase that ends right before the cue (subject–verb order)."""
        toks, st = self.toks, self.st
        for k in range(max(0, ci - 8), ci):
            ms = st.by_start.get(toks[k].start)
            if not ms or (k > 0 and toks[k - 1].text in _IN_STATEMENT):
                continue  # وفي تصريح لوكالة فرانس برس، قالت …: the statement it was made in
            if any(m.prefix_len and st.text[m.start:m.key_start].lstrip("وف").startswith(("ب", "ل", "ك"))
                   for m in ms):
                continue
            res = self.parser.parse(k, ci, allow_name=False)
            if res is None or not self._aside(res[1], ci):
                continue
            sp = res[0]
            before = k - 1
            while before >= 0 and st.is_word(toks[before], "auxiliary"):
                before -= 1  # وكانت الوزارة قد أعلنت
            at_clause = before < 0 or toks[before].text in _CLAUSE_PUNCT + (":", '"') \
                or st.is_word(toks[before], "clause_opener") or before < k - 1
            if sp.report or at_clause:
                return sp
        return None

    def _aside(self, k: int, ci: int) -> bool:
        """Whether only an aside stands between a subject ending at token ``k`` and its verb at
        ``ci``: commas, قد، من جانبه، أيضا, or a place before قد (وكان المكتب في جدة قد أعلن)."""
        st, toks = self.st, self.toks
        if all(t.text in _CLAUSE_PUNCT or t.text == "من" or st.is_word(t, "auxiliary") or st.is_word(t, "skip")
               for t in toks[k:ci]):
            return True
        return ci - k == 3 and toks[ci - 1].text == "قد" and st.is_word(toks[k], "preposition")

    def draft(self, speaker: Speaker, cue: Mention, content: tuple[int, int], zone_end: int) -> Draft:
        """A statement; the attribution before token ``zone_end`` may name the claim it answers
        (تعقيبا على …), a report it was made in (في بيان) and outlets it was made to (لرويترز)."""
        zone = (self.toks[0].start, self.toks[zone_end].start if zone_end < self.n else self.span[1])
        d = Draft(speaker, cue, content, self.span, self.span[0], list(speaker.via))
        d.via += [v for v in self.zone_via + self.lead_via if v not in d.via]
        d.response_phrase = self.response_phrase(zone)
        for z in range(self.n):
            tok = self.toks[z]
            if tok.start >= zone[1]:
                break
            if tok.start < cue.end:
                continue
            noun = self.st.at(tok.start, "cue", lambda m: m.value["kind"] == "noun")
            if noun is not None and not speaker.report:
                self.st.report_owner = speaker
            actor = self.st.at(tok.start, "actor")
            if actor is not None and not (speaker.span[0] <= actor.key_start < speaker.span[1]):
                a = actors()[actor.value]
                if a.kind in ("outlet", "agency") and a.name_en not in d.via:
                    d.via.append(a.name_en)
            elif tok.text == "ل" and z + 2 < self.n and self.toks[z + 1].text == '"':
                close = self._quoted_name_end(z + 1)  # لـ«الشرق الأوسط»
                name = self.st.surface(self.toks[z + 2].start, self.toks[close - 2].end) if close else None
                if name and name not in d.via:
                    d.via.append(name)
        return d

    def response_phrase(self, zone: tuple[int, int]) -> tuple[int, int] | None:
        """``تعقيبا على X`` / ``ردا على X`` before the content: the span of X up to a comma."""
        toks, st = self.toks, self.st
        for z in range(self.n - 2):
            if toks[z].start >= zone[1]:
                return None
            if st.is_word(toks[z], "response") and toks[z + 1].text == "علي":
                e = z + 2
                while e < self.n and toks[e].start < zone[1] and toks[e].text not in _CLAUSE_PUNCT + (":",):
                    e += 1
                claim = st.at(toks[z + 2].start, "cue", lambda m: m.value["kind"] == "noun") \
                    or (toks[z + 2].text in st.words.get("claim", ()))
                if claim and e > z + 2:
                    return toks[z + 2].start, toks[e - 1].end
        return None

    # -- cue kinds -------------------------------------------------------------
    def verb(self, cue: Mention, ci: int, subject: Speaker | None, carry_over: bool = True) -> Draft | None:
        """A statement for a finite verb cue; without a speaker phrase the subject is
        ``subject`` (the clause this one is coordinated with) or, with ``carry_over``,
        the last speaker whose gender agrees."""
        row = cue.value
        found = self.speaker_of(cue, ci, subject, carry_over)
        if found is None:
            return None
        speaker, zs, explicit = found
        opened = self.intro(zs, far_saying=row["object"] != "yes")
        if opened is not None and self.zone_source is not None:
            self.st.remember(speaker)  # وقالت الصحيفة: the relaying outlet may be referred back to
            speaker = replace(self.zone_source, via=[speaker.name] + [v for v in speaker.via if v != speaker.name])
        if opened is None and explicit:
            quoted = self.quote_before(ci)
            if quoted is not None:
                return self.draft(speaker, cue, quoted, zs)
        if opened is None:
            start = self.object_opening(cue, zs, explicit or speaker is subject)
            if start is None:
                return None
            opened = (start, start)
        span = self.content_span(opened[0])
        if span is None:
            return None
        return self.draft(speaker, cue, span, opened[1])

    def speaker_of(self, cue: Mention, ci: int, subject: Speaker | None,
                   carry_over: bool) -> tuple[Speaker, int, bool] | None:
        """(speaker, index where the attribution goes on, whether the sentence names it) for
        the verb cue at token ``ci``; None when the subject is not understood."""
        row = cue.value
        j = self.parser.index_after(cue.end)
        k = self.skip_addressee(self.skip_words(j))
        res = self.explicit_subject(cue, ci, j, k)
        if res is not None:
            return res[0], res[1], True
        speaker = self.before_cue(ci)
        if speaker is not None:
            return speaker, j, True
        if row["kind"] == "verb_present":
            return None  # يُزعم، يقال: a present form needs its subject
        if subject is not None:
            return subject, j, False
        if self.subordinate(ci) or self.subject_before(ci) or not (" " in cue.key or self.subjectless(k)):
            return None
        speaker = self.st.carry_over(row["gender"]) if carry_over else None
        return (speaker, j, False) if speaker is not None else None

    def explicit_subject(self, cue: Mention, ci: int, j: int, k: int) -> tuple[Speaker, int] | None:
        """The speaker phrase after the verb (from token ``k``), or before it when قد precedes the
        verb (وكان مكتب رعاية الشباب قد أعلن); not the accused of اتهم X بـ, nor one unknown word in
        a subordinate clause (وحين رفضت أحس أن)."""
        if ci > 0 and self.toks[ci - 1].text == "قد":
            first = self.before_cue(ci)
            return (first, j) if first is not None else None
        res = self.parser.parse(k, self.n) if k < self.n else None
        if res is None:
            return None
        if cue.value["stance"] == "accuse" and res[1] < self.n and self.toks[res[1]].text[0] == "ب":
            return None
        if self.subordinate(ci) and res[0].entity_id is None and res[0].kind == "person" and res[1] - k == 1:
            return None
        return res

    def object_opening(self, cue: Mention, zs: int, subject_known: bool) -> int | None:
        """Where a plain-object content starts (رفضت الوزارة التعليق، وشدد على ضرورة …، رفض
        التعليق …), or None when the verb takes no object here."""
        row = cue.value
        if subject_known and row["stance"] == "reject":
            start = self.object_start(zs)
            if start < self.n and self.toks[start].text in declined_objects():
                return start
        if row["object"] != "yes":
            return None
        if subject_known:
            return self.object_start(zs)
        if zs < self.n and self.toks[zs].text in _OBJECT_PREPOSITIONS:
            return zs
        if " " in cue.key:  # رفض التعليق / تهرب من …: the cue names what is declined
            return self.parser.index_after(cue.key_start + cue.key.index(" ") + 1)
        return None

    def participle(self, cue: Mention, ci: int) -> Draft | None:
        """A participle that opens a statement (كما تناول المسؤول …، موضحًا أن …): its speaker is
        the first speaker phrase of the sentence, else the last speaker whose gender agrees."""
        k = self.parser.index_after(cue.end)
        opened = None
        for z in range(k, min(self.n, k + 3)):
            tok = self.toks[z]
            if tok.text in ('"', ":") or self.st.is_word(tok, "intro"):
                opened = self._after_opener(z + 1) if tok.text == ":" else (z if tok.text == '"' else z + 1)
                break
        if opened is None:
            return None
        speaker = self.sentence_subject(ci) or self.st.carry_over(cue.value["gender"])
        span = self.content_span(opened)
        if speaker is None or span is None:
            return None
        return self.draft(speaker, cue, span, opened)

    def _relay_source(self, k: int) -> int:
        """The index of عن that names the source a few words on (نقلت صحيفة حرييت وغيرها من
        وسائل الإعلام عن أردوغان), else ``k``."""
        for z in range(k, min(self.n, k + 10)):
            tok = self.toks[z]
            if tok.text == "عن":
                return z
            if tok.text not in "()" and (not tok.text.isalpha() or self.st.is_word(tok, "intro")
                                         or self.st.at(tok.start, "cue")):
                break
        return k

    def sentence_subject(self, ci: int) -> Speaker | None:
        """The subject a participle at token ``ci`` hangs on: a speaker phrase among the first
        words of the sentence, not inside a prepositional phrase (وثمن مدير عام …، مشيرا)."""
        st = self.st
        for s in range(min(ci, _SUBJECT_REACH + 1)):
            ms = st.by_start.get(self.toks[s].start, ())
            if not (ms or s > 0) or (s > 0 and st.is_word(self.toks[s - 1], "noun_context")) \
                    or any(st.text[m.start:m.key_start].lstrip("وف").startswith(("ب", "ل", "ك")) for m in ms):
                continue
            res = self.parser.parse(s, ci, allow_name=s > 0)  # وقدم صبري الكثيري، …، مشيرا
            if res is not None:
                return res[0]
        return None

    def relay(self, cue: Mention, ci: int, active: Draft | None) -> Draft | None:
        """``نقلت X عن Y أن …``، ``وفقا لـ X، فإن …``، ``…، بحسب X``."""
        toks, st = self.toks, self.st
        row = cue.value
        j = self.parser.index_after(cue.end)
        if row["gender"] != "-":  # نقلت / نقل: a verb
            j = self.skip_words(j)
            res = self.parser.parse(j, self.n) if j < self.n and toks[j].text != "عن" else None
            if res is None and not (j < self.n and toks[j].text == "عن"):
                return None  # نقل زوار الرئيس عنه: a subject not understood, not the last outlet
            relay_by, k = res if res else (st.carry_over(row["gender"], ("outlet", "organization")), j)
            k = self.skip_words(k)
            if relay_by is None:
                return None
            speaker = relay_by
            if res is not None:
                st.remember(relay_by)  # ونقلت أيضا عن …: the relaying outlet may be carried over
            k = self._relay_source(k)
            if k < self.n and toks[k].text == "عن":
                source = self.parser.parse(k + 1, self.n)
                if source is None:
                    return None
                speaker, k = source
                speaker = replace(speaker, via=[relay_by.name] + [v for v in relay_by.via if v != relay_by.name])
            opened = self.intro(k)
            if opened is None:
                return None
            span = self.content_span(opened[0])
            return self.draft(speaker, cue, span, opened[1]) if span else None
        if cue.key.endswith("ما") and j < self.n and toks[j].text[0].isalpha():
            j += 1  # بحسب ما ذكرت X، حسبما نقلته X
        if j < self.n and toks[j].text == "ل":
            j += 1
        res = self.parser.parse(j, self.n)
        if res is None:
            return None
        speaker, k = res
        if k + 1 < self.n and toks[k].text == "عن":  # بحسب ما نقلته X عن Y
            source = self.parser.parse(k + 1, self.n)
            if source is not None:
                speaker, k = replace(source[0], via=[speaker.name] + list(speaker.via)), source[1]
        if all(t.text in _CLAUSE_PUNCT for t in toks[:ci]):
            k = self.skip_words(k, classes=("intro",))
            if k < self.n and self._live_cue(k) is not None and self._live_cue(k).value["kind"] in _VERB_KINDS:
                self.lead_via.append(speaker.name)  # وبحسب رويترز، قال مكتب … إن: the source of what follows
                return None
            span = self.content_span(k)
            return self.draft(speaker, cue, span, k) if span else None
        if active is not None:
            if speaker.kind == "outlet" and speaker.name not in active.via:
                active.via.insert(0, speaker.name)
            return None
        end = ci - 1
        while end > 0 and toks[end].text in _CLAUSE_PUNCT:
            end -= 1
        if end < 2:
            return None
        d = self.draft(speaker, cue, (toks[0].start, toks[end].end), 0)
        d.attribution_start = cue.start
        return d


def _agency_names(article: Article) -> list[str]:
    """The article's agencies (رويترز) by their English names where the lexicon has them."""
    aliases = actor_aliases()
    out = []
    for a in article.agencies:
        eid = aliases.get(fold_key(a))
        out.append(actors()[eid].name_en if eid else a)
    return out


def extract_statements(page: Page, article: Article) -> list[dict]:
    """The reported statements of ``article`` as ``statements.jsonl`` records."""
    ft = page.folded
    text = ft.text
    segments = [(ft.to_folded(s), ft.to_folded(e)) for s, e in article.segments]
    mentions: list[Mention] = []
    for fs, fe in segments:
        mentions.extend(m for m in find_mentions(text, fs, fe) if _cue_form(text, m))
    st = ArticleState(page.text, ft, mentions, article.published, segments[0][0] if segments else 0)
    cues = [m for m in mentions if m.category == "cue" and m.value["kind"] != "noun"]
    cue_starts = [m.start for m in cues]
    drafts: list[Draft] = []
    spans = [span for fs, fe in segments for span in sentences(text, fs, fe)]
    for k, (ss, se) in enumerate(spans):
        here = cues[bisect_left(cue_starts, ss):bisect_left(cue_starts, se)]
        st.sentence_no = k
        if here:
            following = spans[k + 1] if k + 1 < len(spans) else None
            SentenceReader(st, (ss, se), _longest(here), drafts, following).read()
    drafts.sort(key=lambda d: d.cue.start)
    for n, d in enumerate(drafts):
        d.id = statement_id(page.doc_id, article.article_index, n)
    assign_stances(drafts, st)
    link_responses(drafts, st, article_claim_prefix(page.doc_id, article.article_index))
    agencies = _agency_names(article)
    _dates(drafts, st, article.published)
    return [_record(d, page, article, ft, agencies) for d in drafts]


def _cue_form(text: str, m: Mention) -> bool:
    """False for a verb cue glued to a preposition or the article (للرد، والنقل، بقول): a noun."""
    if m.category != "cue":
        return True
    verb = m.value["kind"] in _VERB_KINDS or (m.value["kind"] == "relay" and m.value["gender"] != "-")
    return not verb or text[m.start:m.key_start] in _VERB_PROCLITICS


def _longest(cues: list[Mention]) -> list[Mention]:
    """Drop cues covered by a longer cue at the same place (رفض التعليق over رفض)."""
    out: list[Mention] = []
    for m in cues:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _dates(drafts: list[Draft], st: ArticleState, base: str | None) -> None:
    """The date of each statement from its attribution (a relative day is resolved against ``base``)."""
    previous = None
    time_words = st.words["skip"]
    for d in drafts:
        attribution = st.text[d.attribution_start:d.content[0]]
        found = []
        if any(ch.isdigit() for ch in attribution) or any(w in time_words for w in _WORD_RE.findall(attribution)):
            s, e = st.folded.span_to_original(d.attribution_start, d.content[0])
            found = [m for m in date_mentions(st.original[s:e], base) if m.value and m.grain == "day"]
        if found:
            d.date = found[0].value
        elif previous is not None and previous.sentence == d.sentence and previous.speaker is d.speaker:
            d.date = previous.date
        previous = d


def _mode(content: str, after_colon: bool) -> str:
    """direct (one quotation, or words after a colon), mixed (a clause holding a quotation of
    three words or more that is not a name) or indirect, from folded ``content``."""
    aliases = actor_aliases()
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


def _record(d: Draft, page: Page, article: Article, ft: FoldedText, agencies: list[str]) -> dict:
    """The ``statements.jsonl`` row, spans mapped back to ``page.text``."""
    text = ft.text
    cs, ce = d.content
    while ce > cs and text[ce - 1] in " ,;:-":
        ce -= 1
    mode = _mode(text[cs:ce], _after_colon(text, cs))
    if mode == "direct" and text[cs] == '"':
        close = text.find('"', cs + 1, ce)
        cs, ce = cs + 1, close if close > 0 else ce
        while ce > cs and text[ce - 1] in '".,':
            ce -= 1
    content_span = ft.span_to_original(cs, ce)
    via = list(d.via)
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
    }
    if d.denied_claim is not None:
        record["denied_claim"] = d.denied_claim
    return record
