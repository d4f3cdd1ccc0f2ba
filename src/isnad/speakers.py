"""Speakers: the noun phrase that says something, and who it refers to.

A speaker phrase starts at a token of the folded text and is one of
- a known actor (``الكرملين``، ``ماريا زاخاروفا``), optionally followed by a role
  in apposition (``يوري أوشاكوف، كبير مستشاري …،``);
- a role phrase with its complements and, optionally, a name
  (``المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا``); a name the
  lexicon does not know becomes a person because the role introduces it; a
  definite role without a name refers back to the last holder, an indefinite
  one is an unnamed ``official``;
- an anonymous source with its description (``شخصين مقربين من الكرملين``);
- an organisation or outlet head with its name (``شبكة «إن.بي.سي نيوز»``);
- a nominal back-reference (``الوزارة``، ``الشبكة``، ``المسؤول الأمريكي``);
- a report with its owner (``تقرير لوكالة بلومبرج``، ``استطلاع رأي أجرته شبكة …``);
- a bare name already met in the article (``ميلر``، ``“والتز”``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from .lexicon import Role, actors, countries, read_tsv, roles
from .mentions import Mention
from .text import fold_key, lookup_forms

TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")

_NOT_IN_ROLES = ("response", "intro_prep", "claim", "owner", "relay_source", "clause_opener", "demonstrative")
_PREPOSITIONS = frozenset({"في", "من", "لدي", "علي", "داخل", "عن"})
_KIND_OF_ACTOR = {"person": "person", "organization": "organization", "government": "organization",
                  "outlet": "outlet", "agency": "outlet", "country": "country"}


class Token(NamedTuple):
    """A word or punctuation mark of the folded text with its folded ``[start, end)``."""

    text: str
    start: int
    end: int


@dataclass
class Speaker:
    """Who a statement is attributed to; ``span`` in folded offsets."""

    name: str
    name_ar: str
    kind: str  # person | organization | outlet | official | anonymous | country
    span: tuple[int, int]
    country: str | None = None
    role: str | None = None
    entity_id: str | None = None
    gender: str | None = None  # m | f | pl | None (agrees with anything)
    organization: str | None = None
    report: bool = False  # speaks through a report (تقرير بلومبرج)
    via: list[str] = field(default_factory=list)

    def record(self) -> dict:
        return {"name": self.name, "name_ar": self.name_ar, "kind": self.kind, "country": self.country,
                "role": self.role, "entity_id": self.entity_id}

    def same_as(self, other: "Speaker") -> bool:
        if self.entity_id or other.entity_id:
            return self.entity_id == other.entity_id
        return self.name_ar == other.name_ar


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Folded single words of ``speech_words.tsv`` by class, plus ``stop`` (stopwords_ar.tsv)."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("speech_words.tsv"):
        key = fold_key(row["word"])
        if " " not in key:
            out.setdefault(row["class"], set()).add(key)
    out["stop"] = {fold_key(row["word"]) for row in read_tsv("stopwords_ar.tsv")}
    out["any"] = set().union(*out.values())
    out["first_name"] = {fold_key(row["name"]) for row in read_tsv("first_names.tsv")} - out["any"]
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def roles_by_phrase() -> dict[str, tuple[Role, ...]]:
    """Roles held for a time (roles.tsv) by their folded Arabic phrase."""
    out: dict[str, list[Role]] = {}
    for held in roles().values():
        for role in held:
            out.setdefault(fold_key(role.role_ar), []).append(role)
    return {k: tuple(v) for k, v in out.items()}


def gender_agrees(cue_gender: str, speaker: Speaker) -> bool:
    """Whether a verb form with ``cue_gender`` can have ``speaker`` as its hidden subject."""
    if cue_gender in ("-", "") or speaker.gender is None:
        return True
    if cue_gender == "f":
        return speaker.gender in ("f", "pl") and not (speaker.gender == "pl" and speaker.kind == "person")
    return speaker.gender == cue_gender


def _head_gender(folded: str) -> str:
    """Grammatical gender of a folded organisation name from its first word (ة → feminine)."""
    words = folded.split()
    return "f" if words and words[0].endswith("ه") else "m"


class ArticleState:
    """What the extractor knows while reading one article: tokens, mentions,
    the speakers met so far (for carry-over and back-references)."""

    def __init__(self, original: str, folded, mentions: list[Mention], published: str | None = None):
        self.original = original
        self.published = published if published and len(published) == 10 and published[4] == "-" else None
        self.folded = folded
        self.text = folded.text
        self.by_start: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_start.setdefault(m.start, []).append(m)
        self.stance_marks = [m for m in mentions if m.category == "stance"]
        self.stance_starts = [m.start for m in self.stance_marks]
        self.speakers: list[Speaker] = []
        self.names: dict[str, Speaker] = {}
        self.last_outlet: Speaker | None = None
        self.report_owner: Speaker | None = None
        self.words = word_classes()

    # -- helpers -------------------------------------------------------------
    def surface(self, fs: int, fe: int) -> str:
        s, e = self.folded.span_to_original(fs, fe)
        return self.original[s:e]

    def at(self, pos: int, category: str, pred=None) -> Mention | None:
        """The longest mention of ``category`` starting at folded ``pos``."""
        for m in self.by_start.get(pos, ()):
            if m.category == category and (pred is None or pred(m)):
                return m
        return None

    def is_word(self, tok: Token, cls: str) -> bool:
        return tok.text in self.words.get(cls, ())

    def remember(self, sp: Speaker) -> None:
        """Record a speaker for carry-over, back-references and bare names."""
        self.speakers.append(sp)
        if sp.kind == "outlet":
            self.last_outlet = sp
        if sp.kind == "person":
            parts = self.text[sp.span[0]:sp.span[1]].replace('"', " ").split()
            self.names[" ".join(parts)] = sp
            self.names.setdefault(parts[-1], sp)

    def role_holder(self, phrase: str) -> str | None:
        """The one entity holding the role named by folded ``phrase`` on the publication day."""
        if self.published is None:
            return None
        holders = {r.entity_id for r in roles_by_phrase().get(" ".join(phrase.split()), ())
                   if r.held_during(self.published, self.published)}
        return holders.pop() if len(holders) == 1 else None

    def carry_over(self, cue_gender: str, kinds: tuple[str, ...] | None = None) -> Speaker | None:
        """The last speaker a subject-less verb of ``cue_gender`` can refer to."""
        for sp in reversed(self.speakers):
            if (kinds is None or sp.kind in kinds) and gender_agrees(cue_gender, sp):
                return sp
        return None


def tokens_of(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of folded ``text[start:end]``."""
    return [Token(m.group(), *m.span()) for m in TOKEN_RE.finditer(text, start, end)]


class SpeakerParser:
    """Parses speaker phrases over the tokens of one sentence."""

    def __init__(self, st: ArticleState, toks: list[Token]):
        self.st = st
        self.toks = toks
        self.starts = [t.start for t in toks]

    def index_after(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def _definite(self, tok: Token) -> bool:
        """A definite noun or adjective (الخارجية، للكرملين), not a function word (التي)."""
        w = tok.text
        return len(w) > 3 and w.startswith(("ال", "لل")) and not self.st.is_word(tok, "any")

    def _stop(self, tok: Token) -> bool:
        st = self.st
        return (not tok.text[0].isalpha() or st.is_word(tok, "intro") or st.is_word(tok, "skip")
                or st.is_word(tok, "negation") or st.is_word(tok, "intro_say")
                or st.at(tok.start, "cue") is not None)

    def _first_name_after(self, j: int, n: int) -> tuple[Speaker, int] | None:
        """A name that starts with a known first name a few words after a role
        (مدير إدارة أدبي جدة بندر آل فهيد): the words between complete the role."""
        toks, st = self.toks, self.st
        for p in range(j, min(n, j + 5)):
            tok = toks[p]
            if not tok.text.isalpha() or self._stop(tok) or self._conjunction(tok) \
                    or any(st.is_word(tok, c) for c in _NOT_IN_ROLES):
                return None
            title = st.at(tok.start, "role", lambda m: m.value["kind"] == "title")
            if title is not None:
                named = self._name(self.index_after(title.end), n)
                return named if named is not None and self._name_ends(named[1], n) else None
            if st.is_word(tok, "first_name"):
                named = self._name(p, n)
                return named if named is not None and self._name_ends(named[1], n) else None
        return None

    def _conjunction(self, tok: Token) -> bool:
        """A word glued to و (and …), unless the lexicon knows it whole (وزارة، وكالة)."""
        return tok.text.startswith("و") and not any(
            m.key_start == tok.start for m in self.st.by_start.get(tok.start, ()))

    def _family_name(self, tok: Token) -> bool:
        """A definite nisba that ends a name (العتيبي، الحربي), not a country adjective."""
        return (self._definite(tok) and tok.text.endswith("ي") and not tok.text.startswith("لل")
                and self.st.at(tok.start, "country") is None and self.st.at(tok.start, "actor") is None)

    def _name_ends(self, j: int, n: int) -> bool:
        """Whether a name may end before token ``j`` (nothing name-like glued after it)."""
        if j >= n:
            return True
        tok = self.toks[j]
        return len(tok.text) < 2 or self._stop(tok) or self._definite(tok) or self.st.is_word(tok, "any")

    # -- entry point ---------------------------------------------------------
    def parse(self, i: int, n: int, allow_name: bool = True) -> tuple[Speaker, int] | None:
        """Speaker phrase starting at token ``i`` (before token ``n``): (speaker, next index)."""
        toks = self.toks
        if i < n and toks[i].text == '"':
            res = self._parse(i + 1, n, allow_name)
            if res is not None and res[1] < n and toks[res[1]].text == '"':
                return res[0], res[1] + 1  # a quoted name: “والتز”
            return res
        return self._parse(i, n, allow_name)

    def _parse(self, i: int, n: int, allow_name: bool) -> tuple[Speaker, int] | None:
        toks, st = self.toks, self.st
        if i >= n:
            return None
        tok = toks[i]
        if st.is_word(tok, "quantity") and i + 1 < n:
            counted = st.at(toks[i + 1].start, "role", lambda m: m.value["kind"] == "anonymous")
            if counted is not None:
                return self._anonymous(counted, i + 1, n)
        actor = st.at(tok.start, "actor")
        role = st.at(tok.start, "role")
        if role is not None and role.definite(st.text) and not role.key.startswith("ال") \
                and role.value["kind"] in ("anonymous", "organization", "outlet"):
            role = None  # المسؤول، الوزارة: a back-reference, not a new source
        if actor is not None and (role is None or actor.end >= role.end):
            return self._after_actor(actor, n)
        if role is not None:
            return self._role_phrase(role, i, n)
        backref = st.at(tok.start, "backref")
        if backref is not None:
            return self._backref(backref, n)
        place = st.at(tok.start, "country", lambda m: m.value.kind in ("name", "capital") and not m.prefix_len)
        if place is not None:
            c = countries()[place.value.iso3]
            surface = st.surface(place.key_start, place.end)
            return Speaker(c.name_en, surface, "country", (place.key_start, place.end), c.iso3, gender="f"), \
                self.index_after(place.end)
        noun = st.at(tok.start, "cue", lambda m: m.value["kind"] == "noun")
        if noun is not None:
            return self._report(noun, n)
        if allow_name:
            return self._bare_name(i, n) or self._unknown_subject(i, n)
        return None

    def _unknown_subject(self, i: int, n: int) -> tuple[Speaker, int] | None:
        """A definite noun phrase the lexicon does not know, right after the verb and
        right before the content (وقالت الشرطة إن، وأعلنت النيابة العامة أن)."""
        toks, st = self.toks, self.st
        j = i
        while j < n and j - i < 3 and self._definite(toks[j]) and not toks[j].text.startswith("لل") \
                and not st.by_start.get(toks[j].start):
            j += 1
        if j == i or j >= n:
            return None
        after = toks[j]
        if not (after.text in (",", ":", '"') or st.is_word(after, "intro")):
            return None
        fs, fe = toks[i].start, toks[j - 1].end
        surface = st.surface(fs, fe)
        if j - i == 1 and self._family_name(toks[i]):  # وقال القحطاني إن: a family name
            return Speaker(surface, surface, "person", (fs, fe)), j
        return Speaker(surface, surface, "organization", (fs, fe), gender=_head_gender(st.text[fs:fe])), j

    # -- pieces --------------------------------------------------------------
    def actor_speaker(self, m: Mention) -> Speaker:
        a = actors()[m.value]
        kind = _KIND_OF_ACTOR.get(a.kind, "organization")
        surface = self.st.surface(m.key_start, m.end)
        if kind == "person":
            gender = a.gender
        elif kind == "organization":
            gender = _head_gender(self.st.text[m.key_start:m.end])
        elif kind == "outlet":
            gender = "f"  # نقلت رويترز، ذكرت بلومبرج: outlets take feminine verbs
        else:
            gender = None
        return Speaker(a.name_en, surface, kind, (m.key_start, m.end), a.country, None, a.entity_id, gender)

    def _after_actor(self, m: Mention, n: int) -> tuple[Speaker, int]:
        sp = self.actor_speaker(m)
        return sp, self._apposition(sp, self.index_after(m.end), n)

    def _apposition(self, sp: Speaker, j: int, n: int) -> int:
        """Consume ``، ROLE ،`` after a name and attach the role to ``sp``."""
        toks, st = self.toks, self.st
        if j + 1 < n and toks[j].text == ",":
            role = st.at(toks[j + 1].start, "role", lambda m: m.value["kind"] == "official")
            if role is not None:
                k, org, country = self._complements(self.index_after(role.end), n)
                sp.role = sp.role or role.value["role"] or None
                sp.country = sp.country or country
                if org is not None:
                    sp.organization = sp.organization or org.name
                if k < n and toks[k].text == ",":
                    k += 1
                return k
        return j

    def _complements(self, j: int, n: int) -> tuple[int, Speaker | None, str | None]:
        """Complements of a role or organisation head: (next index, organisation met, country)."""
        toks, st = self.toks, self.st
        org = None
        country = None
        count = 0
        while j < n and count < 8:
            tok = toks[j]
            if not tok.text[0].isalpha():
                break
            place = st.at(tok.start, "country")
            if place is not None and (org is None or place.value.kind == "adjective"):
                country = country or place.value.iso3
                j = self.index_after(place.end)
                count += 1
                if org is not None:
                    break
                continue
            actor = st.at(tok.start, "actor")
            if actor is not None:
                if org is not None or actors()[actor.value].kind == "person":
                    break  # a second organisation, or the holder's name
                org = self.actor_speaker(actor)
                j = self.index_after(actor.end)
                count += 1
                continue
            if org is not None or self._stop(tok):
                break
            head = st.at(tok.start, "role", lambda m: m.value["kind"] != "anonymous")
            if head is not None and head.value["kind"] == "title":
                break  # مدير المركز الدكتور …: the name follows
            if head is not None:
                j = self.index_after(head.end)  # an organisation, or a compound role (نائب وزير …)
            elif tok.text == "باسم" or self._definite(tok):
                j += 1
            elif st.is_word(tok, "preposition") and j + 1 < n and self._definite(toks[j + 1]):
                j += 1
            else:
                break
            count += 1
        return j, org, country or (org.country if org else None)

    def _name(self, k: int, n: int) -> tuple[Speaker, int] | None:
        """A person's name at token ``k``: a known actor or up to three unknown words."""
        toks, st = self.toks, self.st
        quoted = k < n and toks[k].text == '"'
        k += quoted
        if k >= n:
            return None
        actor = st.at(toks[k].start, "actor")
        if actor is not None:
            sp = self.actor_speaker(actor)
            if sp.kind != "person":
                return None
            j = self.index_after(actor.end)
            return sp, j + (quoted and j < n and toks[j].text == '"')
        first = toks[k].text
        if len(first) < 2 or (first[0] in "ولبف" and not st.is_word(toks[k], "first_name")):
            return None  # وحماية، لمديرية: a clitic, not the start of a name
        j = k
        while j < n and j - k < 4:
            tok = toks[j]
            linked = j > k and st.is_word(toks[j - 1], "name_link")
            if j > k and self._family_name(tok):
                j += 1  # خالد العتيبي
                break
            if len(tok.text) < 2 or not linked and (not tok.text.isalpha() or self._definite(tok) or self._stop(tok)
                               or (st.is_word(tok, "any") and not st.is_word(tok, "name_link"))
                               or st.at(tok.start, "role") or st.at(tok.start, "backref")):
                break
            j += 1
        if j == k:
            return None
        fs, fe = toks[k].start, toks[j - 1].end
        surface = st.surface(fs, fe)
        close = quoted and j < n and toks[j].text == '"'
        known = st.names.get(" ".join(st.text[fs:fe].split()))
        if known is not None:
            return known, j + close
        return Speaker(surface, surface, "person", (fs, fe)), j + close

    def _role_phrase(self, role: Mention, i: int, n: int) -> tuple[Speaker, int] | None:
        toks, st = self.toks, self.st
        row = role.value
        kind = row["kind"]
        if kind == "anonymous":
            return self._anonymous(role, i, n)
        j, org, country = self._complements(self.index_after(role.end), n)
        fs, fe = role.key_start, toks[j - 1].end
        surface = st.surface(fs, fe)
        if kind in ("organization", "outlet"):
            return self._organization(role, j, n, org, surface, country)
        named = None
        if row["name"] == "yes":
            k = j + 1 if j < n and toks[j].text == "," else j
            title = st.at(toks[k].start, "role", lambda m: m.value["kind"] == "title") if k < n else None
            if title is not None:
                k = j = self.index_after(title.end)
            named = self._name(k, n)
            if named is not None and not self._name_ends(named[1], n):
                named = None
            if named is not None and k == j and named[0].entity_id is None and named[0] not in st.speakers \
                    and not (st.is_word(toks[k], "first_name") or named[1] - k == 2):
                named = None  # رئيس بلدية روضة هباس: a place, not a name
            if named is None:
                named = self._first_name_after(j, n)
        gender = row["gender"] if row["gender"] in ("m", "f", "pl") else None
        if named is not None:
            sp, k = named
            sp.role = sp.role or row["role"] or None
            sp.country = sp.country or country
            if org is not None:
                sp.organization = sp.organization or org.name
            sp.gender = sp.gender or gender
            if k < n and toks[k].text == ",":
                k += 1
            return sp, k
        if kind == "title":
            return None
        if role.definite(st.text):
            for prev in reversed(st.speakers):
                if prev.role == (row["role"] or None) and (org is None or prev.organization in (None, org.name)) \
                        and (country is None or prev.country in (None, country)):
                    return prev, j
            holder = st.role_holder(st.text[fs:fe])
            if holder is not None and holder in actors():  # المتحدث باسم الكرملين → the spokesman that day
                a = actors()[holder]
                return Speaker(a.name_en, surface, "person", (fs, fe), a.country or country, row["role"] or None,
                               holder, a.gender or gender, org.name if org else None), j
        desc = Speaker(surface, surface, "official", (fs, fe), country, row["role"] or None, None, gender,
                       org.name if org else None)
        return desc, j

    def _anonymous(self, head: Mention, i: int, n: int) -> tuple[Speaker, int]:
        toks, st = self.toks, self.st
        j = self.index_after(head.end)
        country = None
        count = 0
        while j < n and count < 8:
            tok = toks[j]
            if not tok.text[0].isalpha() or len(tok.text) < 2 or self._conjunction(tok) \
                    or st.at(tok.start, "cue") is not None \
                    or any(st.is_word(tok, c) for c in ("intro", "intro_say", "skip", "response", "negation")) \
                    or (st.is_word(tok, "stop") and tok.text not in _PREPOSITIONS):
                break
            actor = st.at(tok.start, "actor")
            place = st.at(tok.start, "country")
            if actor is not None:
                if actor.prefix_len and st.text[actor.start] == "ل" and self.actor_speaker(actor).kind == "outlet":
                    break  # مسؤول لرويترز: told to an outlet
                country = country or actors()[actor.value].country
                j = self.index_after(actor.end)
            elif place is not None:
                if place.value.kind != "adjective" and toks[j - 1].text not in _PREPOSITIONS:
                    break  # أبلغ مسؤولون أولمبيون اليابان …: the addressee, not the description
                country = country or place.value.iso3
                j = self.index_after(place.end)
            elif tok.text in _PREPOSITIONS:
                if j + 1 >= n or not (self._definite(toks[j + 1]) or st.by_start.get(toks[j + 1].start)):
                    break  # في وقت سابق: not part of the description
                j += 1
            else:
                j += 1
            count += 1
        start = i
        if i > 0 and self.st.is_word(toks[i - 1], "quantity"):
            start = i - 1
        fs, fe = toks[start].start, toks[j - 1].end
        surface = st.surface(fs, fe)
        gender = head.value["gender"] if head.value["gender"] in ("m", "f", "pl") else None
        return Speaker(surface, surface, "anonymous", (fs, fe), country, None, None, gender), j

    def _organization(self, head: Mention, j: int, n: int, org: Speaker | None,
                      surface: str, country: str | None) -> tuple[Speaker, int] | None:
        toks, st = self.toks, self.st
        if org is not None:
            return org, j
        if head.value["kind"] == "outlet":
            k = j
            quoted = k < n and toks[k].text == '"'
            if quoted:
                k += 1
            actor = st.at(toks[k].start, "actor") if k < n else None
            if actor is not None:
                sp = self.actor_speaker(actor)
                k = self.index_after(actor.end)
                return sp, k + (k < n and toks[k].text == '"')
            if quoted:
                close = next((x for x in range(k, min(n, k + 8)) if toks[x].text == '"'), None)
                if close is not None and close > k:
                    name = st.surface(toks[k].start, toks[close - 1].end)
                    return Speaker(name, name, "outlet", (toks[k].start, toks[close - 1].end), gender="f"), close + 1
            if j > self.index_after(head.end):  # وكالة الأنباء الرسمية
                return Speaker(surface, surface, "outlet", (head.key_start, toks[j - 1].end), country, gender="f"), j
            return None
        if j == self.index_after(head.end):
            return None  # a bare head (حكومة) names nothing
        return Speaker(surface, surface, "organization", (head.key_start, toks[j - 1].end), country,
                       gender=_head_gender(st.text[head.key_start:head.end])), j

    def _backref(self, m: Mention, n: int) -> tuple[Speaker, int] | None:
        st = self.st
        row = m.value
        j = self.index_after(m.end)
        country = None
        place = st.at(self.toks[j].start, "country", lambda c: c.value.kind == "adjective") if j < n else None
        if place is not None:  # المسؤول الأمريكي
            country = place.value.iso3
            j = self.index_after(place.end)
        kind = row["kind"]
        if kind == "report":
            return (st.report_owner, j) if st.report_owner else None
        if kind == "outlet":
            if st.last_outlet is None:
                surface = st.surface(m.key_start, self.toks[j - 1].end)
                return Speaker(surface, surface, "outlet", (m.key_start, self.toks[j - 1].end), country,
                               gender=row["gender"] or None), j
            return st.last_outlet, j
        wanted = {"person": ("person", "official"), "anonymous": ("anonymous",),
                  "organization": ("organization",)}[kind]
        for prev in reversed(st.speakers):
            if prev.kind in wanted and (country is None or prev.country in (None, country)):
                return prev, j
        surface = st.surface(m.key_start, self.toks[j - 1].end)
        if kind == "organization":
            return Speaker(surface, surface, "organization", (m.key_start, self.toks[j - 1].end), country,
                           gender=row["gender"] or None), j
        gender = row["gender"] if row["gender"] in ("m", "f", "pl") else None
        return Speaker(surface, surface, "official" if kind == "person" else "anonymous",
                       (m.key_start, self.toks[j - 1].end), country, None, None, gender), j

    def _report(self, noun: Mention, n: int) -> tuple[Speaker, int] | None:
        """A report noun and its owner: تقرير بلومبرج، تقريرا لوكالة بلومبرج، استطلاع أجرته شبكة …"""
        toks, st = self.toks, self.st
        j = self.index_after(noun.end)
        k = j
        if k + 1 < n and not st.is_word(toks[k], "owner") and st.is_word(toks[k + 1], "owner"):
            k += 1  # استطلاع رأي أجرته …
        if k < n and st.is_word(toks[k], "owner"):
            k += 1
            if k < n and toks[k].text == "عن":
                k += 1
        else:
            k = j
        owner = self.parse(k, n, allow_name=False) if k < n else None
        if owner is not None and owner[0].kind in ("outlet", "organization", "person", "official", "country") \
                and not owner[0].report:
            st.report_owner = owner[0]
            return replace(owner[0], report=True, via=list(owner[0].via)), owner[1]
        if noun.definite(st.text) and st.report_owner is not None:
            return st.report_owner, j
        return None

    def _bare_name(self, i: int, n: int) -> tuple[Speaker, int] | None:
        """A bare name already met in the article, or one followed by a role in apposition."""
        toks, st = self.toks, self.st
        tok = toks[i]
        for form in lookup_forms(tok.text):
            known = st.names.get(form)
            if known is not None:
                return known, i + 1
        named = self._name(i, n)
        if named is None:
            return None
        sp, j = named
        if j + 1 < n and toks[j].text == "," and st.at(toks[j + 1].start, "role",
                                                      lambda m: m.value["kind"] == "official"):
            return sp, self._apposition(sp, j, n)
        return None
