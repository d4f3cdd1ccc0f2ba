"""PLOVER events with CAMEO codes, read natively from Arabic verbs and verbal nouns.

One Aho–Corasick automaton (built once) holds the triggers of ``event_verbs.tsv``, the
countries of ``countries.tsv`` (names, adjectives, capitals), the cities and groups of
``places_events.tsv`` and ``places_ar.tsv``, and the function words of ``event_words.tsv``;
named actors come from :func:`isnad.mentions.find_mentions`.  Only sentences holding a trigger are analysed:
their words are labelled (entity piece, trigger, preposition, clause barrier, filler),
entity pieces are grouped into noun phrases (``الرئيس الروسي فلاديمير بوتين``), and the
actor and recipient are read from the trigger's clause by Arabic word order — the subject
before the verb (SVO) or right after it (VSO), the genitive after a verbal noun
(``اجتماع ويتكوف``، ``اعتقال مواطن``), the subject of a support verb (``أجرى … محادثات``),
and participants introduced by مع، بين، على، إلى، لـ، من قبل.

Each event also says how the article holds it: ``asserted``; ``reported`` inside a
statement (``reported_by``); ``denied`` when that statement, or one that answers it,
denies it; ``future``, ``hypothetical`` or ``negated`` from the particles and verbs in
front of the trigger (سـ، سوف، يعتزم، قد، لم، لن، عدم …).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from .dates import date_mentions
from .events_plover import QUAD_CODE
from .ids import event_id
from .lexicon import default_lexicon, split_aliases
from .mentions import find_mentions
from .model import Article, Page
from .text import fold_key

MODALITY_CONTEXT = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}

# Letters that may be glued before a lexicon entry; س only before a verb in the present.
_PROCLITICS = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال",
    "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل",
})
_FUTURE_PREFIXES = frozenset({"س", "وس", "فس", "لس"})
_LAM_LAM = ("لل", "ولل", "فلل")
# Object and possessive pronouns a trigger may carry (not ي: اجتماعي is "social").
_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هما", "هم", "هن", "نا", "كم"})
_WORD_RE = re.compile(r"[^\W_]+")
_BREAK_PUNCT = re.compile(r"[,;:()\[\]\"!?.]|\s-\s")
_CLAUSE_PUNCT = re.compile(r"[;:\"]")
_MILITARY_ROLE = re.compile(r"\b(?:Defen[cs]e|Army|Armed Forces|General Staff|Military|Commander)\b")
_WINDOW = 3  # words scanned before a trigger for particles and support verbs
_REACH = 200  # characters of a long sentence kept on each side of a trigger
_RECIPIENT_REACH = 8  # words after a trigger where its recipient may be introduced
_SUBJECT_GAP = 6  # words between a subject and its verb (SVO) or a pronoun's antecedent
_SENTENCE_END = re.compile(r"[.!?\n]+(?![^\W\d_])")
_PLACE_KINDS = frozenset({"country", "capital", "city", "region"})
_SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_FIRST_PERSON = ("نا",)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of ``event_verbs.tsv``."""

    event_type: str
    mode: str | None
    cameo: str
    tense: str  # past | present | noun
    subject: str  # actor | recipient
    idafa: str | None
    markers: frozenset[str]
    needs: frozenset[str]
    unless_after: frozenset[str]
    unless_before: frozenset[str]
    parties: int


@dataclass(frozen=True, slots=True)
class Place:
    """A country, demonym, capital, city or group (iso3 None: a name only)."""

    iso3: str | None
    kind: str
    name_en: str | None


@dataclass(frozen=True, slots=True)
class Word:
    """A function word of ``event_words.tsv``."""

    role: str
    value: str


@dataclass(slots=True)
class _Hit:
    """A lexicon entry found as a word."""

    start: int  # word start, proclitics included (folded offsets of the page)
    key_start: int
    end: int
    category: str  # trigger | place | word
    value: object
    prefix: str
    key_end: int  # end of the entry itself, before an attached pronoun


@dataclass(slots=True)
class _Group:
    """A noun phrase made of entity pieces: words ``first..last`` of the sentence."""

    first: int
    last: int
    marker: str | None  # with | between | on | to | against | by | in | None
    coordinated: bool  # opened by و: same role as the group before
    actor_ids: list
    places: list
    sectors: list
    former: bool
    appositive: bool = False  # an apposition between commas was folded in: a comma may follow

    @property
    def named(self) -> str | None:
        return self.actor_ids[-1] if self.actor_ids else None


@dataclass(frozen=True)
class _Lexicon:
    automaton: ahocorasick.Automaton
    triggers: ahocorasick.Automaton  # trigger keys only: a quick test for a segment
    country_names: dict[str, str]  # iso3 -> English name
    own_heads: frozenset[str]  # الحكومة، الجيش …: the speaker's own when alone
    blockers: frozenset[str]  # head nouns that contain a trigger (وزاره)
    governors: frozenset[str]  # نتيجة، بعد …: a verbal noun follows, not a verb
    offtopic: frozenset[tuple[str, ...]]  # words of sport or medicine: no event in the clause


def _triggers() -> list[tuple[str, Trigger]]:
    """(surface form, trigger) for every form of ``event_verbs.tsv``."""
    out = []
    for row in default_lexicon().rows("event_verbs.tsv"):
        unless = split_aliases(row["unless"])
        trigger = Trigger(
            event_type=row["event_type"], mode=row["mode"] or None, cameo=row["cameo"],
            tense=row["tense"], subject=row["subject"] or "actor", idafa=row["idafa"] or None,
            markers=frozenset(split_aliases(row["recipient"])),
            needs=frozenset(fold_key(w) for w in split_aliases(row["needs"])),
            unless_after=frozenset(fold_key(w) for w in unless if not w.startswith("<")),
            unless_before=frozenset(fold_key(w[1:]) for w in unless if w.startswith("<")),
            parties=int(row["parties"] or 1))
        out.extend((form, trigger) for form in split_aliases(row["forms"]))
    return out


def _places() -> list[tuple[str, Place]]:
    """Countries (names, adjectives and demonyms, capitals) of countries.tsv, then the cities
    and groups of places_events.tsv, then the names of places_ar.tsv; the first listed wins."""
    out = []
    for c in default_lexicon().countries.values():
        out += [(form, Place(c.iso3, "country", c.name_en)) for form in c.names_ar]
        demonym = Place(c.iso3, "demonym", c.name_en)
        for form in c.adjectives_ar + c.demonyms_ar:
            out.append((form, demonym))
            if fold_key(form).endswith("ي"):
                out.append((form + "ا", demonym))  # مواطنا فرنسيا
        out += [(form, Place(c.iso3, "capital", c.name_en)) for form in c.capitals_ar]
    for row in default_lexicon().rows("places_events.tsv"):
        place = Place(row["iso3"], row["kind"], row["name_en"] or None)
        out += [(form, place) for form in split_aliases(row["forms"])]
    for row in default_lexicon().rows("places_ar.tsv"):
        out.append((row["name"], Place(None, row["kind"], None)))
    return out


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The automata over every entry, built once.

    ``automaton`` maps a folded key to (key, ((category, value, needs_lam_lam), ...)): one
    reading per category (and per role of a function word), the first listed winning; a key
    with the article is also stored without it for the لل of للرئيس.  ``triggers`` holds the
    trigger keys alone with what a quick test needs: (length, verbs only, objects needed)."""
    table: dict[str, dict[str, tuple[str, object, bool]]] = {}
    by_form: dict[str, list[Trigger]] = {}
    for form, trig in _triggers():
        by_form.setdefault(fold_key(form), []).append(trig)
    entries = [("trigger", f, t) for f, t in _triggers()]
    entries += [("place", f, p) for f, p in _places()]
    words = default_lexicon().rows("event_words.tsv")
    entries += [("word", r["form"], Word(r["role"], r["value"])) for r in words
                if r["role"] not in ("own", "governor", "offtopic")]
    for category, surface, value in entries:
        key = fold_key(surface)
        if len(key) < 2:
            continue
        if isinstance(value, Word):
            slot = (category, value.role)
        elif isinstance(value, Trigger):
            slot = (category, value.tense == "noun")  # a past verb and a verbal noun may share a form
        else:
            slot = category
        entries_at = table.setdefault(key, {})
        if slot not in entries_at or entries_at[slot][2]:  # a plain entry beats a لل variant
            entries_at[slot] = (category, value, False)
        if key.startswith("ال") and len(key) > 4:
            table.setdefault(key[2:], {}).setdefault(slot, (category, value, True))
    auto = ahocorasick.Automaton()
    trigger_auto = ahocorasick.Automaton()
    for key, payload in table.items():
        auto.add_word(key, (key, tuple(payload.values())))
        readings = [payload[slot] for slot in (("trigger", False), ("trigger", True)) if slot in payload]
        if readings:
            _, trig, lam = readings[0]
            entries = by_form.get("ال" + key if lam else key) or [trig]
            verb_only = all(t.tense != "noun" for t in entries)
            needs = frozenset().union(*(t.needs for t in entries)) if all(t.needs for t in entries) else None
            trigger_auto.add_word(key, (len(key), verb_only, needs))
    auto.make_automaton()
    trigger_auto.make_automaton()
    names = {}
    for _, place in _places():
        if place.kind == "country" and place.iso3:
            names.setdefault(place.iso3, place.name_en)
    blockers = frozenset(fold_key(r["form"]) for r in words if r["role"] == "sector" and " " not in r["form"].strip())
    def forms(role: str) -> frozenset[str]:
        return frozenset(fold_key(r["form"]) for r in words if r["role"] == role)

    return _Lexicon(auto, trigger_auto, names, forms("own"), blockers - set(by_form), forms("governor"),
                    frozenset(tuple(f.split()) for f in forms("offtopic")))


def _ends_in(automaton: ahocorasick.Automaton, text: str, lo: int, hi: int) -> Iterator[tuple[int, Any]]:
    """``automaton.iter(text, lo, hi)`` (end offsets in ``text``), over the slice
    ``text[lo:hi]``: the automaton converts the whole string it is given at
    every call, so passing the page each time makes a page's cost grow with
    the square of its length."""
    for last, value in automaton.iter(text[lo:hi]):
        yield last + lo, value


def _scan(text: str, lo: int, hi: int) -> list[_Hit]:
    """Whole-word lexicon hits in ``text[lo:hi]``, leftmost-longest, not overlapping."""
    hits: list[_Hit] = []
    for last, (key, payload) in _ends_in(_lexicon().automaton, text, lo, hi):
        stop = last + 1
        for category, value, lam in payload:
            key_start = stop - len(key)
            j = key_start
            while j > lo and text[j - 1].isalpha() and key_start - j < 4:
                j -= 1
            if j > lo and text[j - 1].isalpha():
                continue
            prefix = text[j:key_start]
            if lam and not prefix.endswith(_LAM_LAM):
                continue
            if category == "trigger" and value.tense != "noun" and "ال" in prefix:
                continue  # التعاون is a noun, not the verb تعاون
            if prefix not in _PROCLITICS and not (prefix in _FUTURE_PREFIXES and (
                    category == "trigger" and value.tense == "present"
                    or category == "word" and value.role in ("light", "modality"))):
                continue
            end = stop
            if stop < hi and text[stop].isalpha():
                if category != "trigger":
                    continue
                k = stop
                while k < hi and text[k].isalpha():
                    k += 1
                if text[stop:k] not in _PRONOUN_SUFFIXES:
                    continue
                end = k
            hits.append(_Hit(j, key_start, end, category, value, prefix, stop))
    hits.sort(key=lambda h: (h.start, -(h.end - h.key_start)))
    kept: list[_Hit] = []
    reach = -1
    for hit in hits:
        if hit.start >= reach:
            kept.append(hit)
            reach = hit.end
        elif kept and hit.start == kept[-1].start and hit.end == kept[-1].end and (
                hit.category == kept[-1].category == "trigger"
                or "trigger" not in (hit.category, kept[-1].category) and hit.category != kept[-1].category):
            kept.append(hit)  # same words, another reading (a verb that is also a verbal noun)
    return kept


# --- sentence analysis --------------------------------------------------------------

@dataclass
class _Sentence:
    """Words of one sentence (folded offsets of the page) with their labels."""

    text: str
    starts: list[int]
    ends: list[int]
    breaks: list[bool]  # punctuation between word i-1 and word i
    clause_breaks: list[bool]
    entity: list[list]  # per word: pieces (kind, value, prefix; None on the later words of an entry)
    trigger: list  # per word: (hit, last word) of a trigger starting there, or None
    word: list  # per word: (Word, last word, prefix) of a function word, or None
    cue: list[bool]  # a reporting verb (قال، أكد): it opens a clause

    def index(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def surface(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]


def _sentence(text: str, s: int, e: int, hits: list[_Hit], mentions) -> _Sentence:
    """Words of ``text[s:e]`` labelled with the lexicon hits and actor mentions."""
    starts, ends = [], []
    for m in _WORD_RE.finditer(text, s, e):
        starts.append(m.start())
        ends.append(m.end())
    n = len(starts)
    breaks = [False] * n
    clause_breaks = [False] * n
    for i in range(1, n):
        gap = text[ends[i - 1]:starts[i]]
        if gap.strip():
            breaks[i] = bool(_BREAK_PUNCT.search(gap))
            clause_breaks[i] = bool(_CLAUSE_PUNCT.search(gap))
    sent = _Sentence(text, starts, ends, breaks, clause_breaks, [[] for _ in range(n)],
                     [None] * n, [None] * n, [False] * n)
    for m in mentions:
        if m.start < s or m.end > e:
            continue
        i = sent.index(m.start)
        if m.category == "actor":
            for k in range(i, sent.index(m.end - 1) + 1):
                sent.entity[k].append(("actor", m.value, text[m.start:m.key_start] if k == i else None))
        elif m.category == "cue" and not m.definite(text):
            sent.cue[i] = True
    for h in hits:
        if h.start < s or h.end > e:
            continue
        i = sent.index(h.start)
        last = sent.index(h.end - 1)
        if h.category == "trigger":
            if any(kind == "actor" for kind, _, _ in sent.entity[i]):
                continue
            if sent.trigger[i] is not None:  # قصف: the noun after a preposition or governing noun
                noun = h if h.value.tense == "noun" else sent.trigger[i][0]
                verb = sent.trigger[i][0] if noun is h else h
                h = noun if _governed(sent, i, noun) else verb
            sent.trigger[i] = (h, last)
        elif h.category == "place":
            for k in range(i, last + 1):
                sent.entity[k].append(("place", h.value, h.prefix if k == i else None))
        else:
            role = h.value.role
            if role in ("sector", "former"):
                for k in range(i, last + 1):
                    sent.entity[k].append((role, h.value.value, h.prefix if k == i else None))
            elif sent.word[i] is None or sent.word[i][0].role in ("sector", "former"):
                sent.word[i] = (h.value, last, h.prefix)
    return sent


def _governed(sent: _Sentence, i: int, hit: _Hit) -> bool:
    """Word ``i`` stands after a preposition or a governing noun (نتيجة قصف، بعد رفض،
    بقصف): a verbal noun, not a verb."""
    if _marker_of_prefix(hit.prefix) or "ال" in hit.prefix:
        return True
    if i == 0:
        return False
    before = sent.word[i - 1]
    return (before is not None and before[0].role == "marker") or \
        _base(sent.surface(i - 1)) in _lexicon().governors


def _marker_of_prefix(prefix: str) -> str | None:
    """``with`` for ب, ``to`` for ل glued before a word (after و or ف)."""
    p = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
    if p.startswith("ب"):
        return "with"
    if p.startswith("ل"):
        return "to"
    return None


def _is_barrier(sent: _Sentence, i: int) -> bool:
    """Word ``i`` opens a clause (أن، إن، لكن، a reporting verb …)."""
    w = sent.word[i]
    return sent.cue[i] or (w is not None and w[0].role == "barrier")


def _clause(sent: _Sentence, t: int, t_last: int) -> tuple[int, int]:
    """Word range [lo, hi) of the clause around a trigger at words t..t_last."""
    lo = t
    while lo > 0 and not _is_barrier(sent, lo - 1) and not sent.clause_breaks[lo]:
        lo -= 1
    hi = t_last + 1
    n = len(sent.starts)
    while hi < n and not _is_barrier(sent, hi) and not sent.clause_breaks[hi]:
        hi += 1
    return lo, hi


def _groups(sent: _Sentence, lo: int, hi: int) -> list[_Group]:
    """Noun phrases of entity pieces in words [lo, hi)."""
    out: list[_Group] = []
    inherited = None  # (word, marker) of a phrase cut by _breaks_phrase
    i = lo
    while i < hi:
        if not sent.entity[i] or sent.trigger[i] is not None:
            i += 1
            continue
        prefix = next((p for _, _, p in sent.entity[i] if p), "")
        marker = _marker_of_prefix(prefix)
        opener = _opener(sent, i, lo)
        if marker is None and opener is not None and sent.word[opener] is not None:
            marker = sent.word[opener][0].value
        if marker is None and inherited is not None and i == inherited[0]:
            marker = inherited[1]  # في العاصمة القطرية | الدوحة: still inside the same phrase
        coordinated = marker is None and bool(out) and (
            prefix.startswith("و") and out[-1].last >= i - 2
            or opener == i - 1 and opener > out[-1].last and sent.word[opener] is None
            and (out[-1].sectors or out[-1].actor_ids))
        last = i
        j = i + 1
        fillers = 0
        complement_from = None  # first word after a link (التابع لـ): a complement, not the head
        while j < hi and not sent.breaks[j] and sent.trigger[j] is None and not _is_barrier(sent, j):
            linked = sent.word[j - 1] is not None and sent.word[j - 1][0].role == "link"
            if sent.entity[j]:
                p = next((p for _, _, p in sent.entity[j] if p), "")
                linked = linked or _title_complement(sent, i, j, p)
                if p.startswith("و") or (_marker_of_prefix(p) and not linked) or (
                        sent.word[j - 1] is not None and sent.word[j - 1][0].role == "marker"):
                    break
                if not linked and _breaks_phrase(sent, j):
                    if sent.entity[j - 1]:
                        inherited = (j, marker)
                    break  # قرار تركيا، النظام السابق الكويت: the name belongs to the word before
                if linked and complement_from is None:
                    complement_from = j
                last = j
                fillers = 0
            elif sent.word[j] is not None and sent.word[j][0].role not in ("former", "link"):
                break
            elif _is_conjoined_filler(sent, j) or _is_prepositional_filler(sent, j):
                break
            else:
                fillers += 1
                if fillers > 2:
                    break
            j += 1
        group = _Group(i, last, marker, coordinated, [], [], [], False)
        place_only = all(kind == "place" and value.kind in _PLACE_KINDS
                         for k in range(i, last + 1) for kind, value, _ in sent.entity[k])
        for k in range(i, last + 1):
            complement = complement_from is not None and k >= complement_from
            for kind, value, _ in sent.entity[k]:
                if kind == "actor" and complement:
                    country = default_lexicon().actors[value].country
                    if country:
                        group.places.append(Place(country, "complement", None))
                elif kind == "actor" and value not in group.actor_ids:
                    group.actor_ids.append(value)
                elif kind == "place":
                    group.places.append(value)
                elif kind == "sector" and not complement:
                    group.sectors.append(value)
                elif kind == "former":
                    group.former = True
        if place_only and marker == "with" and _marker_of_prefix(prefix) == "with":
            group.marker = "in"  # بالكويت: a place, not a partner
        if group.actor_ids or group.places or group.sectors:
            _attach(out, group, sent)
        i = last + 1
    return out


def _title_complement(sent: _Sentence, first: int, j: int, prefix: str) -> bool:
    """Word ``j`` (behind ل or ب) completes the title begun at ``first``: النائب الأول لرئيس
    مجلس الوزراء، وزير الخارجية بدولة الكويت."""
    if not any(kind == "sector" for k in range(first, j) for kind, _, _ in sent.entity[k]):
        return False
    if _base(sent.surface(j - 1)).endswith("دوله"):
        return any(kind == "place" and value.kind == "country" for kind, value, _ in sent.entity[j])
    marker = _marker_of_prefix(prefix)
    if marker == "to":
        return any(kind == "sector" for kind, _, _ in sent.entity[j])
    if marker == "with":
        return j + 1 < len(sent.starts) and _base(sent.surface(j)).endswith("بدوله") and any(
            kind == "place" and value.kind == "country" for kind, value, _ in sent.entity[j + 1])
    return False


def _is_name(sent: _Sentence, k: int) -> bool:
    """A named actor, a country or a capital."""
    return any(kind == "actor" or kind == "place" and value.kind in ("country", "capital")
               for kind, value, _ in sent.entity[k])


def _breaks_phrase(sent: _Sentence, j: int) -> bool:
    """Word ``j`` names an actor or country that belongs to the word before it rather than
    to the phrase: a country after anything but a head noun (قرار تركيا، النظام السابق
    الكويت), a name after a word outside the lexicons (بدور المملكة)."""
    before = sent.entity[j - 1]
    if sent.entity[j] and all(p is None for _, _, p in sent.entity[j]):
        return False  # a later word of the same entry (الولايات | المتحدة)
    if not before:
        # الرئيس الأوكراني بترو بوروشنكو: an unknown first name between a title and a person
        person = any(kind == "actor" and default_lexicon().actors[value].kind == "person" for kind, value, _ in sent.entity[j])
        return _is_name(sent, j) and not (person and j > 1 and sent.entity[j - 2] and not sent.breaks[j - 1])
    if any(kind == "place" and value.kind == "demonym" for kind, value, _ in before) and \
            any(kind == "sector" for kind, _, _ in sent.entity[j]):
        return True  # وزير الخارجية السعودي | نظيره الإيراني: a demonym closes a phrase
    if any(kind == "place" and value.kind in ("country", "capital", "group") for kind, value, _ in sent.entity[j]):
        return not any(kind == "sector" for kind, _, _ in before)  # السعودية | العراق والكويت
    return False


def _is_conjoined_filler(sent: _Sentence, k: int) -> bool:
    """A word outside the lexicons glued to و (وصهر، والجنرال): it opens a new conjunct."""
    w = sent.surface(k)
    return len(w) > 3 and w[0] == "و" and sent.word[k] is None and not sent.entity[k]


def _is_prepositional_filler(sent: _Sentence, k: int) -> bool:
    """A word outside the lexicons behind ب or ل (بقرار، بكون، للتحقيق) before a name:
    it opens a new phrase."""
    w = sent.surface(k)
    if len(w) < 4 or w[0] not in ("ب", "ل") or sent.word[k] is not None or sent.entity[k]:
        return False
    if k + 1 >= len(sent.starts) or not sent.entity[k + 1]:
        return False
    # بترو بوروشنكو: before a person's family name the word is a first name
    return not any(kind == "actor" and default_lexicon().actors[value].kind == "person" for kind, value, _ in sent.entity[k + 1])


def _opener(sent: _Sentence, i: int, lo: int) -> int | None:
    """The marker word (مع، على، من قبل …) or conjoined filler (وصهر) that opens the phrase
    whose first entity word is ``i``, looking back over at most two plain words."""
    k = i - 1
    while k >= lo and i - k <= 3:
        w = sent.word[k]
        if w is not None:
            return k if w[0].role == "marker" and w[1] < i else None
        if sent.entity[k] or sent.trigger[k] is not None or (k + 1 < i and sent.breaks[k + 1]):
            return None
        if _is_conjoined_filler(sent, k):
            return k
        k -= 1
    return None


def _attach(out: list[_Group], group: _Group, sent: _Sentence) -> None:
    """Append ``group``, or fold it into the previous one when it is an apposition
    (``أندريه هناتوف، رئيس أركان الجيش الأوكراني``)."""
    prev = out[-1] if out else None
    if prev is None or group.marker is not None or not sent.breaks[group.first] or prev.last < group.first - 1:
        out.append(group)
    elif prev.named and not group.named and group.sectors:
        prev.sectors.extend(group.sectors)
        prev.places.extend(group.places)
        prev.former = prev.former or group.former
        prev.last = group.last
        prev.appositive = True
    elif (group.named and not prev.named and prev.sectors and default_lexicon().actors[group.named].kind == "person"
          and (group.last + 1 >= len(sent.starts) or sent.breaks[group.last + 1])):  # وزير الخارجية الروسي، سيرغي لافروف،
        prev.actor_ids.extend(group.actor_ids)
        prev.places.extend(group.places)
        prev.last = group.last
        prev.appositive = True
    else:
        out.append(group)


def _chain(groups: list[_Group], k: int) -> list[_Group]:
    """Group ``k`` and the groups coordinated with it after it (ويتكوف وكوشنر)."""
    out = [groups[k]]
    for g in groups[k + 1:]:
        if not g.coordinated:
            break
        out.append(g)
    return out


# --- participants -------------------------------------------------------------------

def _clitic_length(sent: _Sentence, k: int) -> int:
    """Letters of و ف ب ل ك glued before word ``k``'s entry, left out of a name's span
    (the article ال and the لل of للرئيس stay)."""
    prefix = next((p for _, _, p in sent.entity[k] if p), "")
    if prefix.endswith(("ال", "لل")):
        return len(prefix) - 2
    return len(prefix)


def _role_sector(entity_id: str, published: str | None) -> str | None:
    """PLOVER sector of the office a named person holds at publication (roles.tsv)."""
    role = default_lexicon().role_on(entity_id, published)
    if role is None:
        return None
    if role.country is None:
        return "IGO"
    return "MIL" if _MILITARY_ROLE.search(role.role_en) else "GOV"


def _entity(g: _Group, sent: _Sentence, page: Page, published: str | None) -> dict:
    """The record of a participant: name, Arabic surface and span, entity id, kind, country,
    PLOVER sector."""
    table = default_lexicon().actors
    named = table.get(g.named) if g.named else None
    iso = [p.iso3 for p in g.places if p.iso3 and p.iso3 not in ("IMG",)]
    group_place = next((p for p in g.places if p.kind == "group"), None)
    country = (named.country if named and named.country else None) or (iso[0] if iso else None)
    sector = g.sectors[0] if g.sectors else None
    if sector is None and named is not None:
        sector = _role_sector(named.entity_id, published)
    if group_place is not None and sector is None:
        sector = "REB" if group_place.iso3 != "IMG" else None
        country = group_place.iso3
    if g.former and sector in (None, "GOV", "MIL"):
        sector = "ELI"
    s, e = page.folded.span_to_original(sent.starts[g.first] + _clitic_length(sent, g.first), sent.ends[g.last])
    surface = page.text[s:e]
    if named:
        name, kind = named.name_en, named.kind
    elif group_place is not None:
        name, kind = group_place.name_en, "group"
    elif g.sectors:
        name, kind = surface, "sector"
    elif g.places and g.places[0].kind in ("country", "capital", "demonym") and g.places[0].iso3:
        kind = "demonym" if g.places[0].kind == "demonym" else "country"
        name = _lexicon().country_names.get(g.places[0].iso3) or surface
    else:
        name, kind = surface, "place"
    return {"name": name, "name_ar": surface, "entity_id": named.entity_id if named else None,
            "kind": kind, "country": country, "sector": sector, "span": [s, e]}


def _is_place(g: _Group) -> bool:
    """A phrase that only names a place: a city, or a country or capital with no head noun."""
    return not g.actor_ids and not g.sectors and bool(g.places) and all(
        p.kind in _PLACE_KINDS for p in g.places)


def _is_place_only(g: _Group) -> bool:
    """A phrase of cities, regions or unknown places: a location, never a participant."""
    return not g.actor_ids and not g.sectors and all(p.kind in ("city", "region") or not p.iso3 for p in g.places)


@dataclass
class _Roles:
    """Who did what to whom, and where, around one trigger."""

    actors: list[_Group]
    recipients: list[_Group]
    location: _Group | None
    light: int | None  # word index of the support verb, if any


def _triggers_between(sent: _Sentence, a: int, b: int, trig: Trigger | None = None) -> bool:
    """Another trigger between words ``a`` and ``b`` (the object a trigger needs, as in
    فرض عقوبات، does not count)."""
    return any(sent.trigger[k] is not None and not (trig and _base(sent.surface(k)) in trig.needs)
               for k in range(a + 1, b))


def _subject_before(sent: _Sentence, groups: list[_Group], t: int) -> list[_Group]:
    """The unmarked group chain nearest before word ``t`` (SVO order): at most
    ``_SUBJECT_GAP`` words away, not across punctuation or another trigger."""
    before = [k for k, g in enumerate(groups) if g.last < t and g.marker is None and not g.coordinated]
    if not before:
        return []
    k = before[-1]
    chain = _chain(groups, k)
    end = max(g.last for g in chain)
    first_gap = end + 2 if chain[-1].appositive else end + 1
    if t - end > _SUBJECT_GAP or _triggers_between(sent, end, t) or any(sent.breaks[j] for j in range(first_gap, t + 1)):
        return []
    return chain


def _subject_after(sent: _Sentence, groups: list[_Group], t_last: int) -> list[_Group]:
    """The subject right after a verb (VSO): next word, or after adverbs (أمس، اليوم)
    or one word that heads the phrase (كبير المفاوضين، صهر الرئيس)."""
    k = t_last + 1
    n = len(sent.starts)
    while k < n and sent.word[k] is not None and sent.word[k][0].role == "adverb":
        k = sent.word[k][1] + 1
    for g in groups:
        if g.first in (k, k + 1) and g.marker is None and not g.coordinated:
            if g.first == k + 1 and (sent.word[k] is not None or sent.trigger[k] is not None
                                     or sent.breaks[g.first] or _is_name(sent, g.first)):
                return []
            return _chain(groups, groups.index(g))
    return []


def _first_after(sent: _Sentence, groups: list[_Group], after: int, limit: int | None = None,
                 markers: frozenset[str] | None = None, trig: Trigger | None = None) -> list[_Group]:
    """The first group chain after word ``after``: unmarked ones (a subject or object)
    when ``markers`` is None, else one opened by one of ``markers``; never across
    another trigger."""
    skipped = 0  # words of phrases passed over (في القاهرة أمس)
    for k, g in enumerate(groups):
        if g.first <= after or g.coordinated:
            continue
        if (limit is not None and g.first - skipped > after + limit) or _triggers_between(sent, after, g.first, trig):
            return []
        if markers is None and any(_is_conjoined_filler(sent, w) for w in range(after + 1, g.first)):
            return []  # وسمحت أنقرة: a new clause, not an object
        if markers is None and g.marker is not None:
            skipped += g.last - g.first + 2
            continue
        if (g.marker is None) if markers is None else (g.marker in markers):
            return _chain(groups, k)
    return []


def _marked_after(sent: _Sentence, groups: list[_Group], t_last: int, hi: int,
                  markers: frozenset[str], needs: frozenset[str]) -> list[_Group]:
    """The phrase opened by the first of ``markers`` within ``_RECIPIENT_REACH`` words after
    the trigger (مع، على، إلى, or ب / ل glued to the name); none when that phrase names no
    actor."""
    for k in range(t_last + 1, min(hi, t_last + 1 + _RECIPIENT_REACH)):
        if sent.trigger[k] is not None and _base(sent.surface(k)) not in needs:
            return []
        w = sent.word[k]
        opens = w is not None and w[0].role == "marker" and w[0].value in markers
        for n, g in enumerate(groups):
            if g.coordinated:
                continue
            if g.first == k and g.marker in markers or opens and g.first > k and g.marker == w[0].value \
                    and g.first <= k + 3:
                return _chain(groups, n)
        if opens:
            return []
    return []


def _light_before(sent: _Sentence, t: int, lo: int) -> int | None:
    """A support verb (أجرى، عقد، شن) or verb of intent (يعتزم) just before a verbal noun."""
    for k in range(t - 1, max(lo, t - _WINDOW) - 1, -1):
        w = sent.word[k]
        if w is not None and (w[0].role == "light" or w[0].role == "modality" and sent.surface(k)[:1] in ("ي", "ت")):
            return k  # أجرى محادثات، يعتزمان اللقاء
        if sent.trigger[k] is not None:
            return None
    return None


def _roles(sent: _Sentence, groups: list[_Group], trig: Trigger, t: int, t_last: int, lo: int,
           hi: int, suffixed: bool, prefix: str) -> _Roles:
    """Actor, recipient and location of the trigger at words ``t..t_last`` of the clause
    ``[lo, hi)``; ``suffixed``: a pronoun is glued to it; ``prefix``: its proclitics."""
    actor: list[_Group] = []
    recipient: list[_Group] = []
    light = None
    idafa_place = None
    markers = frozenset(m for m in trig.markers if m != "obj")
    if trig.tense == "noun":
        follow = _first_after(sent, groups, t_last, limit=1)
        if follow and follow[0].first == t_last + 1:
            if trig.event_type == "CONSULT" and all(_is_place(g) for g in follow):
                idafa_place = follow[0]  # لقاء الدوحة، اجتماع الرياض: where, not who
            elif trig.idafa == "recipient" or _marker_of_prefix(prefix) is not None:
                recipient = follow  # اعتقال مواطن؛ بلقاء نظيره: the one met or acted upon
            else:
                actor = follow
        if not actor:
            actor = _first_after(sent, groups, t_last, markers=frozenset({"by"}))
        if not actor:
            light = _light_before(sent, t, lo)
            if light is not None:
                between = [g for g in groups if light < g.first < t and g.marker is None]
                actor = _chain(groups, groups.index(between[0])) if between else \
                    _subject_before(sent, groups, light)
            else:
                after_light = next((k for k in range(t_last + 1, min(hi, t_last + 3))
                                    if sent.word[k] is not None and sent.word[k][0].role == "light"), None)
                if after_light is not None:
                    actor = _first_after(sent, groups, after_light, limit=2)
                    light = after_light
                elif suffixed and trig.idafa != "recipient" and not sent.surface(t_last).endswith(_FIRST_PERSON):
                    actor = _subject_before(sent, groups, t)  # مساعداتها: the owner named before
                    if actor and any(sent.word[k] is not None and sent.word[k][0].role == "marker"
                                     for k in range(actor[-1].last + 1, t)):
                        actor = []
    else:
        before = [g for g in groups if g.last < t and g.marker is None and not g.coordinated]
        adjacent = bool(before) and before[-1].last == t - 1 and not sent.breaks[t]
        after = _subject_after(sent, groups, t_last)
        if adjacent:
            actor = _subject_before(sent, groups, t)
        elif after:
            actor = after
        else:
            actor = _subject_before(sent, groups, t)
        agent = _marked_after(sent, groups, t_last, hi, frozenset({"by"}), trig.needs)
        if agent and trig.tense == "past" and actor and trig.event_type in ("ASSAULT", "COERCE"):
            actor, recipient = agent, actor  # قتل فلسطيني برصاص الجيش: a passive with its agent
    used = {id(g) for g in actor + recipient}
    if markers and not recipient:
        recipient = [g for g in _marked_after(sent, groups, t_last, hi, markers, trig.needs) if id(g) not in used]
    if not recipient and "obj" in trig.markers and trig.tense != "noun":
        last_used = max([g.last for g in actor if g.first > t_last] or [t_last])
        recipient = [g for g in _first_after(sent, groups, last_used, limit=3, trig=trig) if id(g) not in used]
    if not actor and len(recipient) > 1 and recipient[0].marker == "between":
        actor, recipient = recipient[:1], recipient[1:]
    if trig.subject == "recipient" and trig.tense != "noun":
        actor, recipient = recipient, actor
    taken = {id(g) for g in actor + recipient}
    location_markers = ("in", "with", "to") if trig.mode == "visit" else ("in", "with")
    location = next((g for g in groups if g.first > t_last and g.marker in location_markers
                     and id(g) not in taken and not g.actor_ids
                     and any(p.kind in _PLACE_KINDS for p in g.places)
                     and (_is_place_only(g) or g.marker == "in")
                     and not _triggers_between(sent, t_last, g.first)), idafa_place)
    return _Roles(actor, recipient, location, light)


def _split_demonyms(roles: _Roles) -> None:
    """``المحادثات الروسية الأميركية``: a phrase of two demonyms names both sides."""
    if len(roles.actors) == 1 and not roles.recipients:
        g = roles.actors[0]
        isos = list(dict.fromkeys(p.iso3 for p in g.places if p.kind == "demonym"))
        if not g.actor_ids and not g.sectors and len(isos) == 2:
            first = [p for p in g.places if p.iso3 == isos[0]]
            second = [p for p in g.places if p.iso3 == isos[1]]
            roles.actors = [_Group(g.first, g.first, None, False, [], first, [], False)]
            roles.recipients = [_Group(g.last, g.last, None, True, [], second, [], False)]


def _share_sectors(chain: list[_Group]) -> None:
    """``المسؤولون الأمريكيون والأوكرانيون``: a conjunct that is only a demonym shares the
    head noun of the first conjunct."""
    for g in chain[1:]:
        if g.coordinated and not g.sectors and not g.actor_ids and chain[0].sectors:
            g.sectors = chain[0].sectors[:1]


def _modality(sent: _Sentence, trig: Trigger, hit: _Hit, t: int, t_last: int, hi: int,
              light: int | None) -> str:
    """future | hypothetical | negated | actual, from the word governing the trigger (or
    its support verb): a particle right before it, or a modal before an أن that opens it."""
    if trig.tense == "present" and hit.prefix in _FUTURE_PREFIXES:
        return "future"
    found = None
    anchor = light if light is not None and light < t else t
    if anchor != t and sent.word[anchor][2] in _FUTURE_PREFIXES:
        return "future"  # ستواصل تزويد
    if anchor != t and sent.word[anchor][0].role == "modality":
        return sent.word[anchor][0].value  # يعتزمان اللقاء
    k = anchor - 1
    if k >= 0 and sent.word[k] is not None and sent.word[k][0].role == "barrier" and sent.surface(k) in ("ان", "بان"):
        k -= 1
    if k >= 0 and sent.word[k] is not None and sent.word[k][0].role == "modality":
        past = trig.tense == "past" if anchor == t else sent.surface(anchor)[:1] not in ("ي", "ت", "ن")
        if not (sent.surface(k) == "قد" and past):
            found = sent.word[k][0].value
    for k in range(t_last + 1, min(hi, t_last + 1 + _WINDOW)):
        w = sent.word[k]
        if w is not None and w[0].role == "modality_after":
            found = _stronger(found, w[0].value)
    return found or "actual"


_STRENGTH = {None: 0, "future": 1, "hypothetical": 2, "negated": 3}


def _stronger(a: str | None, b: str) -> str:
    """The stronger of two modalities (negated > hypothetical > future)."""
    return b if _STRENGTH[b] > _STRENGTH[a] else a


# --- statements ---------------------------------------------------------------------

def _stance_of(statement: dict) -> set[str]:
    """A statement's stance as a set (a string or a list in the record)."""
    stance = statement.get("stance")
    if isinstance(stance, str):
        return {stance}
    return set(stance or ())


def _container(statements: list[dict], pos: int) -> dict | None:
    """The innermost statement whose content holds page offset ``pos``."""
    inside = [st for st in statements if st.get("content_span")
              and st["content_span"][0] <= pos < st["content_span"][1]]
    return min(inside, key=lambda st: st["content_span"][1] - st["content_span"][0]) if inside else None


def _denials(statements: list[dict], statement: dict) -> list[str]:
    """Ids of the statements that deny ``statement``'s content: itself, or an answer to it."""
    out = [statement["id"]] if "deny" in _stance_of(statement) else []
    out += [st["id"] for st in statements
            if st.get("responds_to") == statement.get("id") and "deny" in _stance_of(st)]
    return out


# --- extraction ---------------------------------------------------------------------

def extract_events(page: Page, article: Article, statements: list[dict]) -> list[dict]:
    """PLOVER events of one article, in text order, near-duplicates merged."""
    ft = page.folded
    text = ft.text
    triggers = _lexicon().triggers
    raw: list[dict] = []
    for seg_start, seg_end in article.segments:
        fs, fe = ft.to_folded(seg_start), ft.to_folded(seg_end)
        found = [last for last, value in _ends_in(triggers, text, fs, fe) if _may_trigger(text, last + 1, value, fe)]
        if not found:
            continue
        for s, e in _windows(text, fs, fe, found):
            hits = _scan(text, s, e)
            if not any(h.category == "trigger" for h in hits):
                continue
            sent = _sentence(text, s, e, hits, find_mentions(default_lexicon(), text, s, e))
            for t, slot in enumerate(sent.trigger):
                if slot is not None:
                    event = _event(page, article, sent, t, slot, statements)
                    if event is not None:
                        raw.append(event)
    return _finish(page, article, raw, statements)


def _may_trigger(text: str, stop: int, value: tuple, hi: int) -> bool:
    """A quick test of a raw trigger hit ending at ``stop``: it stands as a word with
    proclitics and a pronoun at most, a verb has no article, and the object the trigger
    needs (فرض عقوبات) follows within a few words."""
    size, verb_only, needs = value
    start = stop - size
    if not _whole_word(text, start, stop, hi):
        return False
    k = stop
    while k < hi and text[k].isalpha():
        k += 1
    if text[start - 1:k] in _lexicon().blockers or text[start:k] in _lexicon().blockers:
        return False  # وزارة is not و + زار + ه
    if verb_only and text[max(0, start - 3):start].endswith(("ال", "لل")):
        return False
    return needs is None or any(n in text[stop:stop + 60] for n in needs)


def _whole_word(text: str, start: int, stop: int, hi: int) -> bool:
    """``text[start:stop]`` may stand as a word: proclitics before it, nothing or a pronoun
    after it."""
    if stop < hi and text[stop].isalpha():
        k = stop
        while k < hi and text[k].isalpha():
            k += 1
        if text[stop:k] not in _PRONOUN_SUFFIXES:
            return False
    j = start
    while j > 0 and text[j - 1].isalpha():
        j -= 1
        if start - j > 4:
            return False
    prefix = text[j:start]
    return prefix in _PROCLITICS or prefix in _FUTURE_PREFIXES


def _windows(text: str, lo: int, hi: int, positions: list[int]) -> list[tuple[int, int]]:
    """The sentences of ``text[lo:hi]`` that hold one of ``positions``, each cut to
    ``_REACH`` characters around them (at word boundaries)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    out: list[tuple[int, int]] = []
    for pos in positions:
        k = bisect_right(ends, pos)
        s = ends[k - 1] if k else lo
        e = ends[k] if k < len(ends) else hi
        if out and s < out[-1][1]:
            continue
        if pos - s > _REACH:
            s = text.find(" ", pos - _REACH, pos) + 1 or s
        if e - pos > _REACH:
            cut = text.rfind(" ", pos, pos + _REACH)
            e = cut if cut > pos else e
        out.append((s, e))
    return out


def _event(page: Page, article: Article, sent: _Sentence, t: int, slot, statements: list[dict]) -> dict | None:
    """The event of the trigger at word ``t``, or None when its object, actor or counterpart
    is missing (before statuses and ids, which :func:`_finish` gives)."""
    ft = page.folded
    hit, t_last = slot
    trig: Trigger = hit.value
    after_words = [sent.surface(k) for k in range(t_last + 1, min(len(sent.starts), t_last + 5))]
    if trig.needs and not any(w in trig.needs or _base(w) in trig.needs for w in after_words):
        return None
    if trig.unless_after and after_words and (
            after_words[0] in trig.unless_after or _base(after_words[0]) in trig.unless_after
            or " ".join(after_words[:2]) in trig.unless_after):
        return None
    if trig.unless_before and t > 0 and _base(sent.surface(t - 1)) in trig.unless_before:
        return None
    lo, hi = _clause(sent, t, t_last)
    groups = _groups(sent, lo, hi)
    roles = _roles(sent, groups, trig, t, t_last, lo, hi, suffixed=hit.end > hit.key_end,
                   prefix=hit.prefix)
    _share_sectors(roles.actors)
    _share_sectors(roles.recipients)
    _split_demonyms(roles)
    actor_entities = [_entity(g, sent, page, article.published) for g in roles.actors]
    recipient_entities = [_entity(g, sent, page, article.published) for g in roles.recipients]
    trig_s, trig_e = ft.span_to_original(hit.key_start, hit.end)
    statement = _container(statements, trig_s)
    if statement is not None:
        speaker_country = (statement.get("speaker") or {}).get("country")
        for ent in actor_entities:
            if ent["country"] is None and speaker_country and _refers_back(ent):
                ent["country"] = speaker_country
    actor_entities = [a for a, g in zip(actor_entities, roles.actors)
                      if (a["country"] or a["entity_id"]) and _can_act(g, sent, a)]
    recipient_entities = [r for r, g in zip(recipient_entities, roles.recipients)
                          if (r["country"] or r["entity_id"]) and not any(_same(r, a) for a in actor_entities)
                          and (_can_act(g, sent, r) or r["kind"] == "place" and trig.event_type == "ASSAULT")]
    if not actor_entities:
        return None
    if trig.mode == "visit" and recipient_entities and {r["country"] for r in recipient_entities} <= {
            a["country"] for a in actor_entities}:
        return None  # travel inside one's own country is not a visit
    if trig.parties == 2 and not recipient_entities and (trig.mode == "visit" or not (
            trig.event_type in _SYMMETRIC and len({a["country"] for a in actor_entities}) > 1)):
        return None
    if _offtopic(sent, lo, hi):
        return None
    modality = _modality(sent, trig, hit, t, t_last, hi, roles.light)
    claimed = any(sent.word[k] is not None and sent.word[k][0].role == "claim" for k in range(max(0, lo - 4), lo))
    mode, cameo = trig.mode, trig.cameo
    location = None
    if roles.location is not None:
        loc = roles.location
        place = next((p for p in loc.places), None)
        ls, le = ft.span_to_original(sent.starts[loc.first] + _clitic_length(sent, loc.first), sent.ends[loc.last])
        location = {"name": place.name_en if place and place.kind == "country" and place.name_en
                    else page.text[ls:le],
                    "name_ar": page.text[ls:le], "country": place.iso3 if place else None, "span": [ls, le]}
    if trig.event_type == "CONSULT":
        mode, cameo, actor_entities, recipient_entities = _consult_mode(
            mode, cameo, actor_entities, recipient_entities, location)
    elif trig.event_type == "AID" and mode is None:
        mode = _aid_mode(sent, lo, hi)
    clause_s, clause_e = ft.span_to_original(sent.starts[lo], sent.ends[hi - 1])
    date, date_precision, date_span = _date(page, article, clause_s, clause_e, trig_s)
    return {
        "event_type": trig.event_type, "mode": mode, "cameo": cameo,
        "actor": actor_entities[0], "recipient": recipient_entities[0] if recipient_entities else None,
        "actors": actor_entities, "recipients": recipient_entities,
        "date": date, "date_precision": date_precision, "date_span": list(date_span) if date_span else None,
        "location": location, "modality": modality, "claimed": claimed,
        "statement": statement,
        "trigger": page.text[trig_s:trig_e], "trigger_span": [trig_s, trig_e],
        "span": [clause_s, clause_e],
    }


def _offtopic(sent: _Sentence, lo: int, hi: int) -> bool:
    """The clause speaks of sport or medicine (كرة القدم، المنتخب، عقار)."""
    offtopic = _lexicon().offtopic
    words = [_base(sent.surface(k)) for k in range(lo, hi)]
    for k, w in enumerate(words):
        if (w,) in offtopic or (k + 1 < len(words) and (w, words[k + 1]) in offtopic):
            return True
    return False


def _can_act(g: _Group, sent: _Sentence, ent: dict) -> bool:
    """A participant is a named actor, a head noun with a sector, a country, capital or
    group; a lone demonym only when it does not qualify an unknown noun before it
    (السياح الروس، الدراما السورية are not actors)."""
    if ent["kind"] in ("outlet", "agency"):
        return False  # news outlets report events; they are not their parties
    if ent["kind"] == "demonym":
        k = g.first - 1
        return k < 0 or sent.breaks[g.first] or g.coordinated or g.marker is not None \
            or sent.trigger[k] is not None or sent.word[k] is not None
    return ent["kind"] != "place"


def _refers_back(ent: dict) -> bool:
    """``الحكومة``، ``الجيش``: one definite head noun with no country, read as the
    speaker's own (the spokesman of a ministry saying the government will ...)."""
    return ent["kind"] == "sector" and _base(fold_key(ent["name_ar"])) in _lexicon().own_heads


@lru_cache(maxsize=65536)
def _base(word: str) -> str:
    """A folded word without و / ف in front."""
    w = fold_key(word)
    return w[1:] if len(w) > 3 and w[0] in ("و", "ف") else w


def _same(a: dict, b: dict) -> bool:
    if a["entity_id"] or b["entity_id"]:
        return a["entity_id"] == b["entity_id"]
    return a["name_ar"] == b["name_ar"]


def _consult_mode(mode, cameo, actor_entities, recipient_entities, location):
    """Visit when the meeting is in the recipient's country (the visitor is the actor),
    hosting turned round into a visit, third-party when in neither side's country,
    multilateral when three or more countries meet."""
    countries = {e["country"] for e in actor_entities + recipient_entities if e["country"]}
    if mode is None and len(countries) >= 3:
        return "multilateral", "040", actor_entities, recipient_entities
    if mode is not None or location is None or not location["country"]:
        return mode, cameo, actor_entities, recipient_entities
    if not recipient_entities:
        if location["country"] not in countries and len(actor_entities) > 1:
            return "third-party", "044", actor_entities, recipient_entities
        return mode, cameo, actor_entities, recipient_entities
    actor_c = {e["country"] for e in actor_entities}
    recipient_c = {e["country"] for e in recipient_entities}
    where = location["country"]
    if where in recipient_c and where not in actor_c:
        return "visit", "042", actor_entities, recipient_entities
    if where in actor_c and where not in recipient_c:
        return "visit", "042", recipient_entities, actor_entities
    if where not in actor_c | recipient_c:
        return "third-party", "044", actor_entities, recipient_entities
    return mode, cameo, actor_entities, recipient_entities


def _aid_mode(sent: _Sentence, lo: int, hi: int) -> str | None:
    for k in range(lo, hi):
        w = sent.word[k]
        if w is not None and w[0].role == "aidmode":
            return w[0].value
    return None


def _date(page: Page, article: Article, clause_start: int, clause_end: int,
          trigger_start: int) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The date expression of the trigger's clause nearest to it, else the publication
    date (span None): ISO value, precision (day, month, year) and span."""
    base = article.published if article.published_precision in ("day", None) else None  # "أمس" needs a day
    found = [d for d in date_mentions(page.text[clause_start:clause_end], base) if d.value]
    if found:
        best = min(found, key=lambda d: abs(d.start + clause_start - trigger_start))
        return best.value, best.precision, (best.start + clause_start, best.end + clause_start)
    return article.published, article.published_precision, None


def _evidence(page: Page, statement: dict) -> tuple[set[str], set[str]]:
    """Event types of the triggers and entity ids named inside a denial's content."""
    ft = page.folded
    s, e = (ft.to_folded(x) for x in statement["content_span"])
    types = {h.value.event_type for h in _scan(ft.text, s, e) if h.category == "trigger"}
    ids = {m.value for m in find_mentions(default_lexicon(), ft.text, s, e) if m.category == "actor"}
    return types, ids


def _finish(page: Page, article: Article, raw: list[dict], statements: list[dict]) -> list[dict]:
    """Statuses from the statements, then near-duplicates merged and ids given."""
    out: list[dict] = []
    index: dict[tuple, dict] = {}
    deny_evidence = [(st, *_evidence(page, st)) for st in statements if "deny" in _stance_of(st)] \
        if any(ev["statement"] is not None for ev in raw) else []
    for ev in raw:
        statement = ev.pop("statement")
        reported_by = statement["id"] if statement else None
        denied_by = _denials(statements, statement) if statement else []
        if statement and not denied_by:
            ids = {x["entity_id"] for x in ev["actors"] + ev["recipients"] if x["entity_id"]}
            denied_by = [st["id"] for st, types, named in deny_evidence
                         if st is not statement and ev["event_type"] in types and ids & named]
        if denied_by:
            status = "denied"
        elif ev["modality"] != "actual":
            status = ev["modality"]
        else:
            status = "reported" if reported_by or ev["claimed"] else "asserted"
        ev.update(reported_by=reported_by, denied_by=denied_by, status=status,
                  context=[MODALITY_CONTEXT[ev["modality"]]] if ev["modality"] in MODALITY_CONTEXT else [],
                  quad_class=QUAD_CODE[ev["event_type"]])
        key = _key(ev)
        first = index.get(key)
        if first is not None:
            first["mentions"] += 1
            first["mention_spans"].append(ev["trigger_span"])
            if first["mode"] is None and ev["mode"] is not None:  # the mention that tells who visited
                for field in ("mode", "cameo", "actor", "recipient", "actors", "recipients"):
                    first[field] = ev[field]
            if first["location"] is None:
                first["location"] = ev["location"]
            continue
        ev["mentions"] = 1
        ev["mention_spans"] = [ev["trigger_span"]]
        index[key] = ev
        out.append(ev)
    for n, ev in enumerate(out):
        ev_id = event_id(article.doc_id, article.article_index, n)
        ordered = {"id": ev_id, "doc_id": article.doc_id, "article_index": article.article_index}
        ordered.update(ev)
        out[n] = ordered
    return out


def _party_key(e: dict) -> tuple:
    """A participant for merging: its entity, else its country and sector."""
    return (e["entity_id"],) if e["entity_id"] else (e["country"], e["sector"])


def _key(ev: dict) -> tuple:
    """Mentions of one event share type, participants and status (CONSULT sides unordered)."""
    actors_k = frozenset(_party_key(a) for a in ev["actors"])
    recipients_k = frozenset(_party_key(r) for r in ev["recipients"])
    if ev["event_type"] == "CONSULT":
        return ("CONSULT", actors_k | recipients_k, ev["status"])
    return (ev["event_type"], actors_k, recipients_k, ev["status"])
