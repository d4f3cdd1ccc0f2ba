"""The tables of the event reader, derived once from a lexicon (:meth:`Lexicon.derived`).

``event_triggers.tsv`` lists lemmas (``قصف/يقصف``، ``غارة|غارات``); here every
inflected form is made (قصفت، قصفوا، تقصف، يقصفون، غارتين، زيارته …) and a word of
the text is read by splitting its proclitics and pronoun suffix
(:meth:`EventTables.readings`).  ``event_heads.tsv`` gives the head nouns of
participants, ``event_words.tsv`` the function words, ``places_events.tsv`` the
cities and groups beside the countries of ``countries.tsv``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from ..lexicon import Lexicon, split_aliases
from ..text import fold_key, lookup_forms

NOUN_PROCLITICS = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل",
    "وب", "ول", "فب", "فل", "وك", "فك", "وبال", "فبال", "وكال",
})
PAST_PROCLITICS = frozenset({"", "و", "ف", "ل", "ول", "فل"})  # لقد / ولقصفت is rare; ل kept for لقد-less oaths
PRESENT_PROCLITICS = frozenset({"", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"})
FUTURE_PROCLITICS = frozenset({"س", "وس", "فس"})
PRONOUN_SUFFIXES = ("", "ه", "ها", "هما", "هم", "هن", "نا", "كم")
HEAD_ENDINGS = ("ا", "نا", "ها", "هم", "ته")  # an accusative or a pronoun after a head noun (جنديا، قواتنا)
_CACHE_LIMIT = 200_000  # words kept by EventTables.readings before the cache is emptied


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One row of ``event_triggers.tsv`` (see the file for the columns)."""

    lemma: str
    cls: str  # verb | noun | support
    event_type: str
    mode: str | None
    cameo: str
    recipient: frozenset[str]
    genitive: str | None
    needs: tuple[str, ...]
    unless_after: frozenset[str]
    unless_before: frozenset[str]
    parties: int
    armed: bool
    alone: bool
    subject: str


@dataclass(frozen=True, slots=True)
class Form:
    """An inflected form of a trigger: tense ``past`` / ``present`` / ``noun`` and, for a
    verb, the subject it agrees with (m, f, du, pl, or 1 for a first person)."""

    row: TriggerRow
    tense: str
    agreement: str | None
    needs_suffix: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """A trigger form found in a word, with the proclitics before it and the pronoun after it."""

    form: Form
    prefix: str
    suffix: str

    @property
    def row(self) -> TriggerRow:
        return self.form.row


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun of ``event_heads.tsv``."""

    kind: str  # state | force | armed | people | igo | body | target
    sector: str | None
    gender: str


@dataclass(frozen=True, slots=True)
class Place:
    """A city, region, country form or group of ``places_events.tsv`` / ``places_ar.tsv``."""

    iso3: str | None
    kind: str  # city | region | capital | country | demonym | group
    name_en: str | None
    scene: frozenset[str] = frozenset()


@dataclass
class PhraseTable:
    """Phrases of one or more folded words, looked up at a token by its first word without
    proclitics (``والقوات`` finds ``قوات``) and the words after it as written."""

    by_first: dict[str, list[tuple[tuple[str, ...], object, bool]]] = field(default_factory=dict)
    article: bool = False  # a name written with ال is found only with it (الهند, not the name هند)
    _entries: dict[str, tuple] = field(default_factory=dict)  # word -> the phrases it may begin

    def add(self, phrase: str, value: object) -> None:
        words = fold_key(phrase).split()
        if not words:
            return
        with_article = words[0].startswith("ال") and len(words[0]) > 4
        first = words[0][2:] if with_article else words[0]
        entries = self.by_first.setdefault(first, [])
        entry = (tuple(words[1:]), value, with_article and self.article)
        if entry in entries:
            return
        entries.append(entry)
        entries.sort(key=lambda e: -len(e[0]))

    def lookup(self, form: str) -> list:
        """(rest, value) of the phrases a lookup form begins (an article-bound name only when the
        form has ال)."""
        bare = form[2:] if form.startswith("ال") and len(form) > 4 else form
        entries = self.by_first.get(bare)
        if not entries:
            return []  # most forms begin no phrase
        has_article = bare is not form
        return [(rest, value) for rest, value, needs in entries if has_article or not needs]

    def keys(self):
        """Every phrase as written (folded): first word, with its article when it has one, and the rest."""
        for first, entries in self.by_first.items():
            for rest, value, needs in entries:
                yield " ".join((("ال" + first) if needs else first,) + rest), value

    def entries(self, word: str) -> tuple:
        """(rest of the phrase, value, proclitics) of the phrases ``word`` may begin, found once
        per word: the first of its lookup forms (وللقوات، للقوات، القوات، قوات) that has any."""
        found = self._entries.get(word)
        if found is None:
            out = []
            for form in _forms(word):
                bare = form[2:] if form.startswith("ال") and len(form) > 4 else form
                for rest, value in self.lookup(form):
                    out.append((rest, value, word[:len(word) - len(bare)] if word.endswith(bare) else ""))
                if out:
                    break
            if len(self._entries) > _CACHE_LIMIT:
                self._entries.clear()
            found = self._entries[word] = tuple(out)
        return found

    def match(self, words: list[str], i: int) -> list[tuple[int, object, str]]:
        """(number of words, value, proclitics of the first word) of every phrase at word
        ``i``, longest first (وللقوات: proclitics ولل)."""
        return match_entries(self.entries(words[i]), words, i)


def match_entries(entries: tuple, words: list[str], i: int) -> list[tuple[int, object, str]]:
    """(number of words, value, proclitics) of the phrases of ``entries`` (those word ``i``
    may begin) that the words after it complete, longest first."""
    if not entries:
        return []
    n = len(words)
    return [(1 + len(rest), value, prefix) for rest, value, prefix in entries
            if not rest or all(i + 1 + k < n and same_word(words[i + 1 + k], w) for k, w in enumerate(rest))]


def whole_word(text: str, lo: int, hi: int, last: int, size: int) -> bool:
    """Whether the key of ``size`` letters that ends at ``last`` in ``text[lo:hi]`` is a whole
    word, or one with noun proclitics before it (والمباراة، بالكرة)."""
    stop = last + 1
    key_start = stop - size
    if stop < hi and text[stop].isalpha():
        return False
    j = key_start
    while j > lo and text[j - 1].isalpha() and key_start - j <= 4:
        j -= 1
    return not (j > lo and text[j - 1].isalpha()) and text[j:key_start] in NOUN_PROCLITICS


def _forms(word: str) -> tuple[str, ...]:
    """Lookup forms of a word, longest first; و / ف come off even a short word (وتم، ولم)."""
    forms = lookup_forms(word)
    if len(word) == 3 and word[0] in ("و", "ف"):
        forms = forms + (word[1:],)
    return forms


def same_word(text: str, word: str) -> bool:
    """A later word of a phrase: as written, or without / with the article."""
    return text == word or (word.startswith("ال") and text == word[2:]) or text == "ال" + word


def _written(word: str) -> tuple[str, ...]:
    """The ways a later word of a phrase may be written (:func:`same_word`)."""
    return (word, word[2:], "ال" + word) if word.startswith("ال") else (word, "ال" + word)


class WordInfo(NamedTuple):
    """What the tables say of one folded word, looked up once per word."""

    readings: tuple  # trigger readings (Reading)
    roles: tuple  # function-word phrases it may begin: (rest, (role, value), proclitics)
    heads: tuple  # participant heads it may begin: (rest, Head, proclitics)
    places: tuple  # places it may begin: (rest, places, proclitics)
    phrases: tuple  # two-word triggers it may begin: (rest, Form, proclitics)
    word_roles: tuple  # (1, role, value) of the roles of this word alone
    role_names: frozenset[str]  # the roles of word_roles
    role_followers: frozenset[str]  # the next words that may complete a longer role (من قبل، بعد ان)
    inflected_head: tuple | None  # (1, Head, proclitics) read through an accusative or pronoun ending
    nominal: bool  # it may head a phrase: a head, a place, or a head with an ending
    support: bool  # a reading is a support verb or noun (شن، قام، تمكن)
    eventive: bool  # a reading is a trigger of its own (no support word)


def columns(infos: list[WordInfo]) -> WordInfo:
    """The infos of a sentence's words by field: each field a tuple with one value a word."""
    return WordInfo._make(zip(*infos)) if infos else WordInfo._make(() for _ in WordInfo._fields)


class WordTriggers(NamedTuple):
    """What a word the trigger automaton finds may trigger, read once per word."""

    phrase: bool  # it begins a two-word trigger (ضربات جوية)
    rows: tuple[tuple[TriggerRow, bool], ...]  # its event rows (no support verb), each with whether
    #                                            it is a noun of two sides, which needs a counterpart
    need: str | None  # what its rows need (:func:`need_of`) when none needs an object or counterpart
    support: bool  # it may be a support verb or noun (شن، قام، تمكن)


def need_of(rows: list[TriggerRow]) -> str:
    """What the event rows of a word need to be read: ``""`` nothing more, ``governor`` a
    support or passive verb before it (all need one), ``armed`` a sentence about fighting."""
    if any(not r.armed and (r.alone or r.event_type == "") for r in rows):
        return ""
    return "governor" if all(not r.alone for r in rows) else "armed"


EMPTY = WordInfo((), (), (), (), (), (), frozenset(), frozenset(), None, False, False, False)  # a number or punctuation mark
NO_TRIGGERS = WordTriggers(False, (), None, False)


def _word_info(roles: tuple, heads: tuple, places: tuple, phrases: tuple, inflected: tuple | None,
               readings: tuple) -> WordInfo:
    """The :class:`WordInfo` of what the tables found of a word; :data:`EMPTY` itself when they
    found nothing (most words: one shared record, not one more object for each)."""
    if not (roles or heads or places or phrases or inflected or readings):
        return EMPTY
    word_roles = tuple((1, role, value) for rest, (role, value), _ in roles if not rest)
    followers = frozenset(f for rest, _, _ in roles if rest for f in _written(rest[0]))
    return WordInfo(readings, roles, heads, places, phrases, word_roles,
                    frozenset(role for _, role, _ in word_roles), followers, inflected,
                    bool(heads or places or inflected), any(r.row.cls == "support" for r in readings),
                    any(r.row.cls != "support" for r in readings))


@dataclass
class EventTables:
    forms: dict[str, tuple[Form, ...]]  # folded form without clitics -> trigger forms
    phrases: PhraseTable  # triggers of two words (ضربات جوية، إطلاق النار), value Form
    automaton: ahocorasick.Automaton  # every trigger form and word of sport or medicine, for one pass over an
    #                                   article: (length, whether a trigger form, whether offtopic)
    words: PhraseTable  # function words, value (role, value)
    heads: PhraseTable  # participant heads, value Head
    places: PhraseTable  # places and groups, value tuple[Place, ...]
    country_names: dict[str, str]
    short_forms: frozenset[str]  # forms of two letters (شن), which the automaton leaves out
    armed_words: ahocorasick.Automaton  # heads of armed forces and groups, arms: a sentence about fighting
    _cache: dict[str, tuple[Reading, ...]] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()  # the first words (without ال) of all four phrase tables
    _info: dict[str, WordInfo] = field(default_factory=dict)
    _triggers: dict[str, WordTriggers] = field(default_factory=dict)

    def info(self, word: str) -> WordInfo:
        """Everything the tables say of folded ``word``, computed once: one pass over its
        lookup forms for the four phrase tables, and its trigger readings."""
        found = self._info.get(word)
        if found is None:
            if len(self._info) > _CACHE_LIMIT:
                self._info.clear()
            tables = (self.words, self.heads, self.places, self.phrases)
            kinds: list[tuple] = [(), (), (), ()]
            for form in _forms(word):
                bare = form[2:] if form.startswith("ال") and len(form) > 4 else form
                if bare not in self.first_words:
                    continue  # most words begin no phrase of any table
                prefix = word[:len(word) - len(bare)] if word.endswith(bare) else ""
                for n, table in enumerate(tables):
                    if not kinds[n]:
                        got = table.lookup(form)
                        if got:
                            kinds[n] = tuple((rest, value, prefix) for rest, value in got)
            found = self._info[word] = _word_info(*kinds, self.inflected_head(word), self.readings(word))
        return found

    def triggers(self, word: str) -> WordTriggers:
        """The :class:`WordTriggers` of folded ``word``, computed once."""
        found = self._triggers.get(word)
        if found is None:
            if len(self._triggers) > _CACHE_LIMIT:
                self._triggers.clear()
            readings, phrase = self.readings(word), bool(self.phrases.entries(word))
            if not (readings or phrase):
                found = self._triggers[word] = NO_TRIGGERS
                return found
            rows = tuple(dict.fromkeys((r.row, r.row.parties >= 2 and r.form.tense == "noun")
                                       for r in readings if r.row.cls != "support"))
            fixed = rows and not any(row.needs or two for row, two in rows)
            found = self._triggers[word] = WordTriggers(
                phrase, rows, need_of([row for row, _ in rows]) if fixed else None,
                any(r.row.cls == "support" for r in readings))
        return found

    def infos(self, words: list[str], alpha: list[bool]) -> list[WordInfo]:
        """The :meth:`info` of each token of a sentence (:data:`EMPTY` for numbers and marks,
        the tokens whose first character is not ``alpha``)."""
        cached, info = self._info.get, self.info
        return [(cached(w) or info(w)) if a else EMPTY for w, a in zip(words, alpha)]

    def inflected_head(self, word: str) -> tuple[int, Head, str] | None:
        """(1, head, proclitics) of a one-word head noun under an accusative (دولا، جنديا) or,
        for heads of forces, states and people, a pronoun (قواتنا، عناصرها، زميلته)."""
        if len(word) <= 3:
            return None
        if word.endswith("ا"):
            match = [(1, value, prefix) for rest, value, prefix in self.heads.entries(word[:-1]) if not rest]
            if match:
                return match[0]
        if word.endswith(HEAD_ENDINGS[1:]):
            stem = word[:-2] if word.endswith(("نا", "ها", "هم")) else word[:-1] if word.endswith("ته") else word
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"  # زميلت → زميله
            match = [(1, value, prefix) for rest, value, prefix in self.heads.entries(stem)
                     if not rest and value.kind in ("force", "armed", "state", "people")]
            if match:
                return match[0]
        return None

    def readings(self, word: str) -> tuple[Reading, ...]:
        """Trigger readings of folded ``word``: each split into proclitics, a form and a
        pronoun suffix that the form allows (a verb takes no article or preposition; only a
        present takes the future س)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        if not any(trigger for _, (_, trigger, _) in self.automaton.iter(word)) and \
                not any(map(word.__contains__, self.short_forms)):
            self._cache[word] = ()  # no trigger form inside the word at all
            return ()
        out: list[Reading] = []
        n = len(word)
        for plen in range(0, min(5, n - 1)):
            prefix = word[:plen]
            if prefix not in NOUN_PROCLITICS and prefix not in PRESENT_PROCLITICS:
                continue
            for suffix in PRONOUN_SUFFIXES:
                stem_end = n - len(suffix)
                if stem_end - plen < 2 or not word.endswith(suffix):
                    continue
                for form in self.forms.get(word[plen:stem_end], ()):
                    if _allowed(form, prefix, suffix):
                        out.append(Reading(form, prefix, suffix))
        if any(r.prefix for r in out) and any(not prefix for _, _, prefix in self.heads.entries(word)):
            out = [r for r in out if not r.prefix]  # وزارة is a head noun, not و + زار + ه
        result = tuple(out)
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = result
        return result


def _allowed(form: Form, prefix: str, suffix: str) -> bool:
    if form.needs_suffix and not suffix:
        return False
    if form.tense == "noun":
        return prefix in NOUN_PROCLITICS
    if form.tense == "past":
        return prefix in PAST_PROCLITICS and not (suffix and form.agreement in ("1", "du"))
    return prefix in PRESENT_PROCLITICS


# --- inflection -------------------------------------------------------------------

def past_forms(past: str) -> dict[str, str]:
    """The persons of a folded past verb (third person masculine singular) -> agreement."""
    if past.endswith("ي") and len(past) > 3:  # التقى، ألقى: التقت، التقيا، التقوا
        b = past[:-1]
        persons = [(past, "m"), (b + "ت", "f"), (b + "يا", "du"), (b + "تا", "du"), (b + "وا", "pl"),
                   (b + "و", "pl"), (b + "ين", "pl"), (b + "ينا", "1")]
    elif past.endswith("ا") and len(past) > 2:  # دعا: دعت، دعوا
        b = past[:-1]
        persons = [(past, "m"), (b + "ت", "f"), (b + "وا", "pl"), (b + "و", "pl"), (b + "ونا", "1"),
                   (b + "تا", "du"), (past + "ا", "du")]
    else:
        persons = [(past, "m"), (past + "ت", "f"), (past + "ا", "du"), (past + "تا", "du"), (past + "وا", "pl"),
                   (past + "و", "pl"), (past + "ن", "pl"), (past + "نا", "1"), (past + "تم", "pl")]
    out: dict[str, str] = {}
    for form, agreement in persons:
        out.setdefault(form, agreement)
    return out


def present_forms(present: str) -> dict[str, str]:
    """The persons of a folded present verb (يقصف، يلتقي، يدعو) -> agreement."""
    if not present.startswith("ي") or len(present) < 3:
        return {present: "m"}
    stem = present[1:]
    if stem.endswith(("ي", "و")) and len(stem) > 2:  # يلتقي، يدعو
        b = stem[:-1]
        persons = [("ي" + stem, "m"), ("ت" + stem, "f"), ("ن" + stem, "1"), ("ي" + b + "ون", "pl"),
                   ("ي" + b + "وا", "pl"), ("ت" + b + "ون", "pl"), ("ي" + stem + "ان", "du"),
                   ("ت" + stem + "ان", "du"), ("ي" + b, "m"), ("ت" + b, "f")]
    else:
        persons = [("ي" + stem, "m"), ("ت" + stem, "f"), ("ن" + stem, "1"), ("ي" + stem + "ون", "pl"),
                   ("ي" + stem + "وا", "pl"), ("ي" + stem + "و", "pl"), ("ي" + stem + "ان", "du"),
                   ("ت" + stem + "ان", "du"), ("ي" + stem + "ن", "pl"), ("ت" + stem + "ون", "pl")]
    out: dict[str, str] = {}
    for form, agreement in persons:
        out.setdefault(form, agreement)
    return out


def noun_forms(noun: str) -> dict[str, bool]:
    """A folded noun and its variants -> whether the variant needs a pronoun after it:
    the accusative (هجوما), a ة before a pronoun (زيارته) and the dual (غارتين)."""
    out = {noun: False}
    if noun.endswith("ه"):
        b = noun[:-1]
        out[b + "ت"] = True
        out[b + "تين"] = False
        out[b + "تان"] = False
    elif not noun.endswith(("ا", "ات", "ي")) and len(noun) > 2:
        out[noun + "ا"] = False
        out[noun + "ين"] = False  # تفجيرين
        out[noun + "ان"] = False
    if noun.endswith("ات"):
        out[noun] = False
    return out


# --- building -----------------------------------------------------------------------

def _row(lexicon_row: dict[str, str], lemma: str) -> TriggerRow:
    unless = split_aliases(lexicon_row["unless"])
    return TriggerRow(
        lemma=lemma, cls=lexicon_row["class"], event_type=lexicon_row["event_type"],
        mode=lexicon_row["mode"] or None, cameo=lexicon_row["cameo"],
        recipient=frozenset(split_aliases(lexicon_row["recipient"])),
        genitive=lexicon_row["genitive"] or None,
        needs=tuple(fold_key(w) if not w.endswith("*") else fold_key(w[:-1]) + "*"
                    for w in split_aliases(lexicon_row["needs"])),
        unless_after=frozenset(fold_key(w) for w in unless if not w.startswith("<")),
        unless_before=frozenset(fold_key(w[1:]) for w in unless if w.startswith("<")),
        parties=int(lexicon_row["parties"] or 1), armed=lexicon_row["armed"] == "yes",
        alone=lexicon_row["alone"] != "no", subject=lexicon_row["subject"] or "actor")


def _trigger_forms(lexicon: Lexicon) -> tuple[dict[str, list[Form]], PhraseTable]:
    forms: dict[str, list[Form]] = {}
    phrases = PhraseTable()
    for row in lexicon.rows("event_triggers.tsv"):
        entries = split_aliases(row["forms"])
        lemma = fold_key(entries[0].partition("/")[0]) if entries else ""
        row_trig = _row(row, lemma)
        for entry in entries:
            if row["class"] in ("verb", "support"):
                past, _, present = entry.partition("/")
                trig = _row(row, fold_key(past))
                tense = "past"
                for part in (past, present):
                    if part.strip():
                        made = past_forms(fold_key(part)) if tense == "past" else present_forms(fold_key(part))
                        for form, agreement in made.items():
                            forms.setdefault(form, []).append(Form(trig, tense, agreement))
                    tense = "present"
                if not present.strip() and row["class"] == "support":  # a support noun (تنفيذ، إقدام)
                    for form, needs_suffix in noun_forms(fold_key(past)).items():
                        forms.setdefault(form, []).append(Form(trig, "noun", None, needs_suffix))
                continue
            key = fold_key(entry)
            trig = row_trig
            if " " in key:
                phrases.add(key, Form(trig, "noun", None))
                continue
            bare = key[2:] if key.startswith("ال") and len(key) > 4 else key
            for form, needs_suffix in noun_forms(bare).items():
                forms.setdefault(form, []).append(Form(trig, "noun", None, needs_suffix))
    for key in forms:
        forms[key] = list(dict.fromkeys(forms[key]))
    return forms, phrases


def _places(lexicon: Lexicon) -> tuple[PhraseTable, dict[str, str]]:
    """Country names, adjectives and capitals of countries.tsv, then the cities and groups of
    places_events.tsv, then the names of places_ar.tsv; the first listed reading wins."""
    readings: dict[str, list[Place]] = {}
    names: dict[str, str] = {}
    for c in lexicon.countries.values():
        names[c.iso3] = c.name_en
        for form in c.names_ar:
            readings.setdefault(fold_key(form), []).append(Place(c.iso3, "country", c.name_en))
        for form in c.adjectives_ar + c.demonyms_ar:
            readings.setdefault(fold_key(form), []).append(Place(c.iso3, "demonym", c.name_en))
            if fold_key(form).endswith("ي"):
                readings.setdefault(fold_key(form) + "ا", []).append(Place(c.iso3, "demonym", c.name_en))
        for form in c.capitals_ar:
            readings.setdefault(fold_key(form), []).append(Place(c.iso3, "capital", c.name_en))
    for row in lexicon.rows("places_events.tsv"):
        place = Place(row["iso3"] or None, row["kind"], row["name_en"] or None,
                      frozenset(split_aliases(row.get("scene") or "")))
        for form in split_aliases(row["forms"]):
            readings.setdefault(fold_key(form), []).append(place)
    for row in lexicon.rows("places_ar.tsv"):
        readings.setdefault(fold_key(row["name"]), []).append(Place(None, row["kind"], None))
    table = PhraseTable(article=True)
    for key, places in readings.items():
        bound = [p for p in places if p.kind != "demonym"]  # الروس / روس، الأمريكي / أمريكي: both
        if bound:
            table.add(key, tuple(places))
        else:
            free = PhraseTable()
            free.add(key, tuple(places))
            for first, entries in free.by_first.items():
                table.by_first.setdefault(first, []).extend(entries)
                table.by_first[first].sort(key=lambda e: -len(e[0]))
    return table, names


def build_tables(lexicon: Lexicon) -> EventTables:
    forms, phrases = _trigger_forms(lexicon)
    triggers = {key for key in list(forms) + list(phrases.by_first) if len(key) >= 3}
    offtopic = {fold_key(r["form"]) for r in lexicon.rows("event_words.tsv") if r["role"] == "offtopic"}
    automaton = ahocorasick.Automaton()
    for key in triggers | offtopic:
        automaton.add_word(key, (len(key), key in triggers, key in offtopic))
    automaton.make_automaton()
    words = PhraseTable()
    for row in lexicon.rows("event_words.tsv"):
        words.add(row["form"], (row["role"], row["value"]))
    heads = PhraseTable()
    for row in lexicon.rows("event_heads.tsv"):
        heads.add(row["form"], Head(row["kind"], row["sector"] or None, row["gender"] or "m"))
    places, names = _places(lexicon)
    armed = ahocorasick.Automaton()
    armed_forms = [r["form"] for r in lexicon.rows("event_heads.tsv") if r["kind"] in ("force", "armed")]
    armed_forms += [r["form"] for r in lexicon.rows("event_words.tsv") if r["role"] in ("instrument", "armed")]
    armed_forms += [f for r in lexicon.rows("places_events.tsv") if r["kind"] == "group" for f in split_aliases(r["forms"])]
    for form in armed_forms:
        key = fold_key(form)
        key = key[2:] if key.startswith("ال") and len(key) > 4 else key
        if len(key) >= 3:
            armed.add_word(key, key)
    armed.make_automaton()
    return EventTables({k: tuple(v) for k, v in forms.items()}, phrases, automaton, words, heads, places, names,
                       frozenset(k for k in forms if len(k) < 3), armed,
                       first_words=frozenset().union(*(t.by_first for t in (words, heads, places, phrases))))


def event_tables(lexicon: Lexicon) -> EventTables:
    """The event tables of ``lexicon``, built once."""
    return lexicon.derived(build_tables)
