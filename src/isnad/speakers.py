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
_NEW_TUPLE = tuple.__new__

_PREPOSITIONS = frozenset({"في", "من", "لدي", "علي", "داخل", "عن"})
_CONTENT_CLASSES = ("role_adjective", "eponym")  # content words: not in the function-word class ``any``
_NAME_WORDS = 5
_FILIATION = ("بن", "بنت")
CARRY_OVER_SENTENCES = 3  # how far back a subject-less وأضاف may find its speaker
_ROLE_SCAN = 10
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
    role_ar: str | None = None  # the role phrase as written (مدير العلاقات العامة بجمعية البر)

    def record(self) -> dict:
        return {"name": self.name, "name_ar": self.name_ar, "kind": self.kind, "country": self.country,
                "role": self.role, "role_ar": self.role_ar, "entity_id": self.entity_id}

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
    out["any"] = set().union(*(v for k, v in out.items() if k not in _CONTENT_CLASSES))
    out["any_first_name"] = {fold_key(row["name"]) for row in read_tsv("first_names.tsv")}
    out["first_name"] = out["any_first_name"] - out["any"]  # علي is also على
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def speaker_heads() -> dict[str, str]:
    """Head nouns of unknown speaker phrases (``speaker_heads.tsv``), folded without ال, by kind."""
    return {_bare(fold_key(row["form"])): row["kind"] for row in read_tsv("speaker_heads.tsv")}


def _bare(word: str) -> str:
    """A folded word without its article (الشرطة، والشرطة، للشرطة → شرطه)."""
    for article in ("وال", "فال", "بال", "ال", "لل"):
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article):]
    return word


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

    def __init__(self, original: str, folded, mentions: list[Mention], published: str | None = None,
                 start: int = 0):
        self.original = original
        self.start = start  # folded offset where the article begins
        self.published = published if published and len(published) == 10 and published[4] == "-" else None
        self.folded = folded
        self.text = folded.text
        self.by_start: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_start.setdefault(m.start, []).append(m)
        self.stance_marks = [m for m in mentions if m.category == "stance"]
        self.stance_starts = [m.start for m in self.stance_marks]
        self.speakers: list[Speaker] = []
        self.spoken_in: list[int] = []  # the sentence number of each entry of ``speakers``
        self.sentence_no = 0  # the sentence being read
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
        self.spoken_in.append(self.sentence_no)
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
        """The last speaker a subject-less verb of ``cue_gender`` can refer to, met in this
        sentence or one of the few before it."""
        for sp, at in zip(reversed(self.speakers), reversed(self.spoken_in)):
            if self.sentence_no - at > CARRY_OVER_SENTENCES:
                return None
            if (kinds is None or sp.kind in kinds) and gender_agrees(cue_gender, sp):
                return sp
        return None


def quote_ends_sentence(toks: list, close: int, n: int) -> bool:
    """Whether the sentence ends with the quotation closed at token ``close``
    (before token ``n``): what is quoted there is what was said, not a name."""
    return close + 1 >= n or toks[close + 1].text in (".", "!", "?")


def tokens_of(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of folded ``text[start:end]`` (built with ``tuple.__new__``,
    a third faster than the NamedTuple constructor on this hot path)."""
    return [_NEW_TUPLE(Token, (m.group(), m.start(), m.end())) for m in TOKEN_RE.finditer(text, start, end)]


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

    def _conjunction(self, tok: Token) -> bool:
        """A word glued to و (and …), unless the lexicon knows it whole (وزارة، وكالة)."""
        return tok.text.startswith("و") and not any(
            m.key_start == tok.start for m in self.st.by_start.get(tok.start, ()))

    def _known(self, tok: Token) -> bool:
        """A word the lexicons give a meaning other than a name (a role, place, cue, function word)."""
        st = self.st
        return (st.is_word(tok, "any") or st.is_word(tok, "role_adjective") or st.at(tok.start, "cue") is not None
                or st.at(tok.start, "role") is not None or st.at(tok.start, "country") is not None
                or st.at(tok.start, "backref") is not None or st.at(tok.start, "actor") is not None)

    def _family_name(self, tok: Token) -> bool:
        """A definite nisba that ends a name (العتيبي، الحربي), not a country adjective."""
        return (self._definite(tok) and tok.text.endswith("ي") and not tok.text.startswith("لل")
                and self.st.at(tok.start, "country") is None and self.st.at(tok.start, "actor") is None
                and _bare(tok.text) not in speaker_heads())

    def _name_word(self, tok: Token, first: bool) -> bool:
        """A word that may stand in a person's name: not a function word, role, cue or place;
        not glued to و / ل or an article after ب / ف / ك (وحماية، لمديرية، بالمنطقة), nor, when
        ``first`` in a name nothing introduced, to ب / ف / ك, unless it is a first name."""
        w = tok.text
        if len(w) < 2 or not w.isalpha():
            return False
        if self._first(tok) and not self.st.is_word(tok, "any"):
            return True  # تركي العسيري: a first name, not the adjective
        if self._known(tok):
            return False
        if w[0] in "ول" or w.startswith(("بال", "فال", "كال")):
            return False  # وحماية، لمديرية، بالمنطقة: a proclitic, not a name
        return not (first and w[0] in "بفك")

    def _family_name_word(self, tok: Token) -> bool:
        """A definite word that may be a family name: unknown, not a plural nisba (العسكريين)."""
        w = tok.text
        return w.startswith("ال") and not w.endswith(("يين", "يون")) and self._name_word(tok, first=False)

    def _first(self, tok: Token) -> bool:
        """A first name: listed, or a compound written as one word (عبدالرحمن، عبدالله)."""
        w = tok.text
        return self.st.is_word(tok, "first_name") or (w.startswith("عبد") and len(w) > 5 and w[3:5] == "ال")

    def _nisba_family_name(self, j: int, n: int) -> bool:
        """A definite masculine country adjective right after a first name and before the end of
        the name (اللواء منصور التركي، أن): a family name."""
        toks, st = self.toks, self.st
        tok = toks[j]
        place = st.at(tok.start, "country", lambda m: m.value.kind == "adjective" and not m.prefix_len)
        return (place is not None and place.definite(st.text) and place.value.number_gender == "m.sg"
                and self._first(toks[j - 1]) and self._clear_end(j + 1, n))

    def _title_family_name(self, j: int, n: int) -> bool:
        """A definite royal or role word right before a comma, a colon or إن after a name word
        (جعفر السلطان، أن): a family name, since a role would go on."""
        toks, st = self.toks, self.st
        tok = toks[j]
        after = toks[j + 1] if j + 1 < n else None
        return (tok.text.startswith("ال") and st.at(tok.start, "role") is not None and after is not None
                and (after.text in (",", ":") or st.is_word(after, "intro")))

    def _name_ends(self, j: int, n: int) -> bool:
        """Whether a name may end before token ``j``: the end, a mark, a function word, a role,
        a cue, a preposition, a definite word or a word glued to و / ل / ب (وقال خالد الفريدة إن،
        … للصحفيين، دعا جان قهوجي العسكريين)."""
        if j >= n:
            return True
        tok = self.toks[j]
        w = tok.text
        return (not w.isalpha() or self._stop(tok) or self._known(tok) or self._definite(tok)
                or (w[0] in "ولب" and not self._first(tok)))

    def _clear_end(self, j: int, n: int) -> bool:
        """Where a name with no first name must end: a mark, a content opener, a cue, an
        adverbial, a relative pronoun, a role (not a title or a royal title: they come before a
        name), or a word glued to ل (… الصبيحي، إن / لـ«عكاظ»)."""
        if j >= n:
            return True
        tok, st = self.toks[j], self.st
        return (not tok.text.isalpha() or tok.text[0] == "ل" or st.at(tok.start, "cue", lambda m: not m.prefix_len)
                or any(st.is_word(tok, c) for c in ("intro", "intro_say", "skip", "adverbial_prep", "negation",
                                                    "subordinator"))
                or (st.at(tok.start, "role", lambda m: m.value["kind"] == "official") is not None
                    and not st.is_word(tok, "eponym")))

    def _name_span(self, k: int, n: int, introduced: bool, alone: bool = False) -> int | None:
        """End index of an unknown person's name starting at token ``k``: a first name (any name
        word after a title or role) and up to four more words (بن، آل، عبد + a word; family names);
        a family name by itself when ``alone`` (right after a title or a definite role)."""
        toks, st = self.toks, self.st
        linked = k + 1 < n and toks[k + 1].text in _FILIATION  # فالح بن راجس
        ambiguous = introduced and st.is_word(toks[k], "any_first_name") and k + 1 < n and (
            alone or linked or self._family_name_word(toks[k + 1]))  # المهندس علي شنيمر، الشاعر علي البيضاني
        if not (ambiguous or self._name_word(toks[k], first=not introduced)):
            return None
        if not (introduced or linked or self._first(toks[k])):
            return None
        j = k + 1
        if self._definite(toks[k]):
            return j if alone else None  # العميد الصبيحي
        unknown = not (self._first(toks[k]) or ambiguous)
        glued = unknown and toks[k].text[0] in "بفك"  # بهروز كمالوندي, not بمنطقة الحدود
        noun = unknown and toks[k].text.endswith("ه")  # أهمية المشروع: a noun in construct
        while j < n and j - k < _NAME_WORDS:
            tok = toks[j]
            family = self._definite(toks[j - 1])  # after الغامدي only آل / بن or another family name
            links = j
            while links < n and st.is_word(toks[links], "name_link"):
                links += 1  # بن عبد الله، بن أبي طالب
            if (glued or noun) and self._definite(tok):
                return None
            if links > j and links < n and self._name_word(toks[links], first=False):
                j = links + 1
            elif self._name_word(tok, first=False) and not (family and not self._definite(tok)) \
                    and not (self._definite(tok) and not self._family_name_word(tok)):
                j += 1
            elif self._nisba_family_name(j, n) or self._title_family_name(j, n):
                j += 1  # منصور التركي، جعفر السلطان،: a country adjective or a title as a family name
            elif tok.text[0] == "ل" and len(tok.text) > 3 and j + 1 < n and not toks[j + 1].text.isalpha() \
                    and not self._known(tok) and not family:
                j += 1  # ليلى لجرام: (a name may start with ل when a mark follows it)
            else:
                break
        return j

    def _person_name(self, k: int, n: int, introduced: bool = False, alone: bool = False) -> tuple[Speaker, int] | None:
        """A person's name at token ``k`` that ends where a name may end: a known person, or an
        unknown name (see ``_name_span``); a quoted name keeps its quotes."""
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
        else:
            j = self._name_span(k, n, introduced, alone)
            end = None if j is None else j + (quoted and j < n and toks[j].text == '"')
            if end is None or not self._name_ends(end, n):
                return None
            if not (self._first(toks[k]) or toks[k + 1 if k + 1 < n else k].text in _FILIATION) \
                    and not self._clear_end(end, n) or (j == k + 1 and not self._clear_end(end, n)):
                return None  # تشكيل الحكومة، أكد المحافظ حرص ومتابعة: nouns, not names
            if j == k + 1 and not self._first(toks[k]) and toks[k].text.endswith("ا"):
                return None  # أبدى رئيس اللجنة تفهما: an accusative noun
            if alone and j < n and st.is_word(toks[j], "same"):
                return None  # النائب المعارض نفسه: an adjective, then "the same"
            fs, fe = toks[k].start, toks[j - 1].end
            sp = st.names.get(" ".join(st.text[fs:fe].split()))
            if sp is None:
                surface = st.surface(fs, fe)
                sp = Speaker(surface, surface, "person", (fs, fe))
        return sp, j + (quoted and j < n and toks[j].text == '"')

    def _title(self, k: int, n: int) -> int | None:
        """Index after the titles at token ``k`` (الدكتور، معالي الشيخ، د.), or None."""
        j = k
        while j < n:
            title = self.st.at(self.toks[j].start, "role", lambda m: m.value["kind"] == "title")
            if title is None or title.prefix_len:
                break
            j = self.index_after(title.end)
            j += j < n and self.toks[j].text == "/"  # المهندس/ جديع القحطاني
        return j if j > k else None

    # -- entry point ---------------------------------------------------------
    def parse(self, i: int, n: int, allow_name: bool = True) -> tuple[Speaker, int] | None:
        """Speaker phrase starting at token ``i`` (before token ``n``): (speaker, next index);
        an emphatic نفسه / ذاتها after it belongs to it (وأكد المصدر نفسه أن), and so does
        an organisation's quoted name."""
        res = self._phrase(i, n, allow_name)
        if res is None:
            return None
        sp, j = res
        if j < n and self.st.is_word(self.toks[j], "same"):
            return sp, j + 1
        if sp.kind in ("outlet", "organization"):
            j = self._quoted_name_after(j, n)  # وكالة الأنباء الإيطالية «أنسا»
        return sp, j

    def _quoted_name_after(self, j: int, n: int) -> int:
        """Index past a quoted name right after an organisation, else ``j``: a lexicon
        actor («أنسا») or one or two words that are no function words (not «إن الوضع …»)."""
        toks, st = self.toks, self.st
        if not (j < n and toks[j].text == '"'):
            return j
        for k in range(j + 2, min(j + 4, n)):
            if toks[k].text == '"':
                inner = toks[j + 1:k]
                actor = st.at(inner[0].start, "actor")
                if (actor is not None and actor.end == inner[-1].end) or all(
                        t.text.isalpha() and not st.is_word(t, "any") for t in inner):
                    return k + 1
                return j
        return j

    def _phrase(self, i: int, n: int, allow_name: bool) -> tuple[Speaker, int] | None:
        toks, st = self.toks, self.st
        if i < n and toks[i].text == '"':
            res = self._parse(i + 1, n, allow_name)
            if res is not None and res[1] < n and toks[res[1]].text == '"':
                return res[0], res[1] + 1  # a quoted name: “والتز”
            if res is None and allow_name and i + 2 < n and toks[i + 2].text == '"' \
                    and self._name_word(toks[i + 1], first=False):
                tok = toks[i + 1]  # وأضاف "الفهيد"، أن
                surface = st.surface(tok.start, tok.end)
                return Speaker(surface, surface, "person", (tok.start, tok.end)), i + 3
            return None  # وأضاف «أتمنى أن …»: the quotation opens the content
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
        if role is not None and role.value["kind"] == "title" and not role.prefix_len:
            after = self.index_after(role.end)
            if after < n and st.at(toks[after].start, "role", lambda m: m.value["kind"] == "official"):
                return self._parse(after, n, allow_name)  # معالي وزير الخارجية
        if role is not None:
            return self._role_phrase(role, i, n)
        nationality = st.at(tok.start, "country", lambda m: m.value.kind == "adjective" and not m.prefix_len)
        if nationality is not None and nationality.definite(st.text):
            named = self._person_name(self.index_after(nationality.end), n, introduced=True)
            if named is not None:  # البرتغالي جورجي جيسوس، مدرب فريق الهلال
                sp, j = named
                sp.country = sp.country or nationality.value.iso3
                return sp, self._apposition(sp, j, n)
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
        """A noun phrase the lexicon does not know, right after the verb and before the content:
        an institution (وقالت الشرطة إن، وأعلنت النيابة العامة أن), a group of people (وقال
        الأطباء إن) or a family name (وقال القحطاني إن، a name met earlier: وأكد الشليل أن)."""
        toks, st = self.toks, self.st
        tok = toks[i]
        if i + 1 < n and not st.by_start.get(tok.start) and not self._known(tok) and (self._family_name(tok) or (
                self._opens_content(toks[i + 1]) and self._met_after_first_name(tok))):
            surface = st.surface(tok.start, tok.end)  # وقال القحطاني إن، رفض الأنصاري التعليق
            return Speaker(surface, surface, "person", (tok.start, tok.end)), i + 1
        head = speaker_heads().get(_bare(tok.text))
        if head == "organization" and i + 1 < n and toks[i + 1].text == '"':
            return self._quoted_organization(tok.start, i + 1, n)
        if head == "organization":
            j, org, country = self._complements(i + 1, n, definite_head=self._definite(tok), name_may_follow=False,
                                                organization=True)
            if j == i + 1 and j + 1 < n and self._name_word(toks[j], first=True) and self._opens_content(toks[j + 1]):
                j += 1  # وقالت شرطة دبي إن
            fs, fe = tok.start, toks[j - 1].end
            surface = st.surface(fs, fe)  # ولم ترد البعثة الإيرانية لدى المنظمات الدولية
            return Speaker(surface, surface, "organization", (fs, fe), country, gender=_head_gender(tok.text)), j
        j = i
        while j < n and j - i < 4 and toks[j].text.isalpha() and not toks[j].text.startswith("لل") \
                and not st.by_start.get(toks[j].start) and not self._stop(toks[j]) \
                and (self._definite(toks[j]) or (head is not None and j == i)):
            j += 1
        if j == i or j >= n or not self._opens_content(toks[j]):
            return None
        fs, fe = toks[i].start, toks[j - 1].end
        surface = st.surface(fs, fe)
        if head == "group":
            return Speaker(surface, surface, "anonymous", (fs, fe), gender="pl"), j
        return None

    def _opens_content(self, tok: Token) -> bool:
        """A token that may follow a speaker phrase: a mark, a content opener or an adverbial."""
        st = self.st
        return tok.text in (",", ":", '"', "-", "(") or any(
            st.is_word(tok, c) for c in ("intro", "intro_say", "adverbial_prep", "skip"))

    def _met_after_first_name(self, tok: Token) -> bool:
        """Whether ``tok`` (الشليل) stood earlier in the article right after a first name or a
        name link (… سعد الشليل): the family name of a person met before."""
        text, st = self.st.text, self.st
        w = tok.text
        end = tok.start
        for _ in range(8):
            pos = text.rfind(" " + w, st.start, end)
            if pos < 0:
                return False
            after = pos + 1 + len(w)
            before = text[max(st.start, pos - 30):pos].split()
            if (after >= len(text) or not text[after].isalpha()) and before and (
                    before[-1] in st.words["first_name"] or before[-1] in st.words["name_link"]
                    or (len(before) > 1 and before[-2] in st.words["name_link"])):
                return True
            end = pos
        return False

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
        comma = j < n and toks[j].text == ","
        if j + comma < n:
            role = st.at(toks[j + comma].start, "role", lambda m: m.value["kind"] == "official")
            if role is not None and not role.prefix_len:
                k, org, country = self._complements(self.index_after(role.end), n)
                sp.role = sp.role or role.value["role"] or None
                sp.role_ar = sp.role_ar or st.surface(role.key_start, toks[k - 1].end)
                sp.country = sp.country or country
                if org is not None:
                    sp.organization = sp.organization or org.name
                if k < n and toks[k].text == ",":
                    k += 1
                return k
        return j

    def _complements(self, j: int, n: int, definite_head: bool = False, name_may_follow: bool = True,
                     organization: bool = False) -> tuple[int, Speaker | None, str | None]:
        """Complements of a role or organisation head: (next index, organisation met, country).
        A definite head (المستشار) takes adjectives and prepositional complements, not a genitive;
        when ``name_may_follow``, an unknown definite word right after it is a name (المستشار
        الفضالي), not an adjective."""
        toks, st = self.toks, self.st
        org = None
        country = None
        count = 0
        closed = definite_head  # a definite word ends a construct chain
        while j < n and count < 8:
            tok = toks[j]
            if not tok.text[0].isalpha():
                break
            place = st.at(tok.start, "country")
            if place is not None and place.value.kind == "adjective" and not place.definite(st.text) \
                    and (closed or self._definite(toks[j - 1])) and self._first(tok):
                break  # الكاتب تركي العسيري: an indefinite adjective cannot describe a definite noun
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
                closed = head.definite(st.text)
            elif tok.text == "باسم" or (self._definite(tok) and not (
                    definite_head and name_may_follow and count == 0 and tok.text.startswith("ال")
                    and not st.is_word(tok, "role_adjective"))):
                j += 1
            elif st.is_word(tok, "preposition") and j + 1 < n and self._definite(toks[j + 1]) \
                    and not (organization and tok.text == "علي"):  # أكدت الوزارة على …: not a complement
                j += 1
            elif not closed and self._construct(j, n):
                j += 1  # قائد شرطة محافظة الأنبار: nouns in construct up to a definite one
            else:
                break
            closed = closed or (head is None and self._definite(toks[j - 1])) or org is not None
            count += 1
        return j, org, country or (org.country if org else None)

    def _construct(self, j: int, n: int) -> bool:
        """An indefinite noun at ``j`` in construct: a plain word, not a name, followed by a
        definite word, a place or another such noun (شرطة محافظة الأنبار، شبكة أطباء السودان)."""
        toks, st = self.toks, self.st
        for k in range(j, min(n, j + 3)):
            tok = toks[k]
            if not tok.text.isalpha() or self._first(tok) or self._known(tok):
                return k > j and (st.at(tok.start, "country") is not None or st.at(tok.start, "actor") is not None)
            if self._definite(tok):
                return k > j
        return False

    def _role_phrase(self, role: Mention, i: int, n: int) -> tuple[Speaker, int] | None:
        toks, st = self.toks, self.st
        row = role.value
        kind = row["kind"]
        if kind == "anonymous":
            return self._anonymous(role, i, n)
        after_head = self.index_after(role.end)
        closed_head = role.definite(st.text) and (" " not in role.key or role.key.rsplit(" ", 1)[1].startswith("ال"))
        j, org, country = self._complements(after_head, n, closed_head,  # المستشار X، not المتحدث باسم X
                                            organization=kind in ("organization", "outlet"))
        fs, fe = role.key_start, toks[j - 1].end if j > after_head else role.end
        surface = st.surface(fs, fe)
        if kind in ("organization", "outlet"):
            return self._organization(role, j, n, org, surface, country)
        gender = row["gender"] if row["gender"] in ("m", "f", "pl") else None
        if row["name"] == "yes":
            held = self._holder(j, n, introduced=kind == "title" or (closed_head and j == after_head))
            if held is not None:
                sp, k, role_end = held
                role_ar = st.surface(fs, toks[role_end - 1].end) if kind != "title" else None
                return self._named(sp, row, role_ar, org, country, gender), k
        if kind == "title":
            return None
        if role.definite(st.text):
            described = org is None and j > after_head  # المتحدث الرسمي للهلال الأحمر: only that one
            for prev in reversed(st.speakers):
                if prev.role == (row["role"] or None) and (org is None or prev.organization in (None, org.name)) \
                        and (country is None or prev.country in (None, country)) \
                        and not (described and fold_key(prev.role_ar or "") != fold_key(surface)):
                    return prev, j
            holder = st.role_holder(st.text[fs:fe])
            if holder is not None and holder in actors():  # المتحدث باسم الكرملين → the spokesman that day
                a = actors()[holder]
                return Speaker(a.name_en, surface, "person", (fs, fe), a.country or country, row["role"] or None,
                               holder, a.gender or gender, org.name if org else None, role_ar=surface), j
        desc = Speaker(surface, surface, "official", (fs, fe), country, row["role"] or None, None, gender,
                       org.name if org else None, role_ar=surface)
        return desc, j

    def _named(self, sp: Speaker, row: dict, role_ar: str | None, org: Speaker | None, country: str | None,
               gender: str | None) -> Speaker:
        """``sp`` with the role, organisation, country and gender its role phrase gives."""
        sp.role = sp.role or row["role"] or None
        sp.role_ar = sp.role_ar or role_ar
        sp.country = sp.country or country
        if org is not None:
            sp.organization = sp.organization or org.name
        sp.gender = sp.gender or gender
        return sp

    def _holder(self, j: int, n: int, introduced: bool) -> tuple[Speaker, int, int] | None:
        """The person a role phrase names after its complements (token ``j``): right there, after
        a comma or titles, or a few words on (مدير العلاقات العامة والإعلام بجمعية البر، وليد …).
        An unknown name may stand where the role words can end (``introduced`` at ``j``, after a
        comma or a definite word). Returns (speaker, next index, end of the role words)."""
        toks = self.toks
        p = j
        while p < min(n, j + _ROLE_SCAN):
            skipped = self._inside_role(p, n)
            if skipped > p:
                p = skipped
                continue
            tok = toks[p]
            k = p + 1 if tok.text == "," else p
            titled = self._title(k, n) if k < n else None
            if titled is not None:
                named = self._person_name(titled, n, introduced=True, alone=True)
            else:
                before = toks[p - 1].text
                opened = (introduced and p == j) or k > p or self._definite(toks[p - 1]) \
                    or (before[0] == "ل" and len(before) > 3)  # الرئيس المدير العام لسوناطراك توفيق حكار
                named = self._person_name(k, n, opened, introduced and p == j) if k < n else None
            if named is not None:
                sp, e = named
                if e < n and toks[e].text == ",":
                    e += 1
                return sp, e, p
            if titled is not None or tok.text == "," or not self._role_word(tok):
                return None
            p += 1
        return None

    def _inside_role(self, p: int, n: int) -> int:
        """Past words at token ``p`` that belong to the role's organisation, not to its holder:
        a bracketed short name (حركة المقاومة الإسلامية (حماس)) or an institution's royal
        eponym (مركز الملك سلمان بن عبدالعزيز للإغاثة); else ``p``."""
        toks = self.toks
        if toks[p].text == "(":
            close = next((c for c in range(p + 1, min(n, p + 5)) if toks[c].text == ")"), None)
            return close + 1 if close is not None else p
        if self._eponym(p) and p + 1 < n and self._name_word(toks[p + 1], first=False):
            p += 2
            while p + 1 < n and toks[p].text in _FILIATION:
                p += 2
        return p

    def _role_word(self, tok: Token) -> bool:
        """A word that may continue a role phrase before its holder's name (بجمعية، والإعلام)."""
        st = self.st
        return tok.text.isalpha() and not (st.at(tok.start, "cue") is not None or st.is_word(tok, "intro")
                                           or st.is_word(tok, "intro_say") or st.is_word(tok, "skip")
                                           or st.is_word(tok, "negation") or st.is_word(tok, "subordinator")
                                           or st.is_word(tok, "contrast"))

    def _eponym(self, p: int) -> bool:
        """A royal title after an institution noun: the name belongs to the institution
        (مستشفى الملك فهد، مركز الملك سلمان للإغاثة)."""
        toks, st = self.toks, self.st
        if p == 0 or not st.is_word(toks[p], "eponym"):
            return False
        before = toks[p - 1]
        return before.text.isalpha() and not self._definite(before) and st.at(before.start, "role") is None

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
        if org is not None and org.span[0] > toks[self.index_after(head.end)].start:
            return Speaker(surface, surface, head.value["kind"], (head.key_start, toks[j - 1].end), country,
                           gender=_head_gender(head.key)), j  # مكتب إحصاءات الاتحاد الأوروبي: a body of it
        if org is not None:
            return org, j
        if head.value["kind"] == "organization" and j < n and toks[j].text == '"':
            actor = st.at(toks[j + 1].start, "actor") if j + 1 < n else None
            if actor is not None:  # حركة «حماس»
                k = self.index_after(actor.end)
                return self.actor_speaker(actor), k + (k < n and toks[k].text == '"')
            named = self._quoted_organization(head.key_start, j, n)
            if named is not None:
                return named
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

    def _quoted_organization(self, fs: int, j: int, n: int) -> tuple[Speaker, int] | None:
        """An organisation head at folded ``fs`` named by the quotation at token ``j``, with its
        adjectives (كتلة «المستقبل» النيابية)."""
        toks, st = self.toks, self.st
        close = next((c for c in range(j + 1, min(n, j + 6)) if toks[c].text == '"'), None)
        if close is None or close == j + 1 or quote_ends_sentence(toks, close, n):
            return None
        k, _, country = self._complements(close + 1, n)
        surface = st.surface(fs, toks[k - 1].end)
        return Speaker(surface, surface, "organization", (fs, toks[k - 1].end), country,
                       gender=_head_gender(st.text[fs:toks[j - 1].end])), k

    def _adjective_of(self, head: Mention, j: int, n: int) -> bool:
        """Whether token ``j`` describes the definite ``head`` (الهيئة الوطنية، المكتب الإعلامي،
        اللجنة المنظمة للمهرجان) rather than being its object (ورفضت الوزارة التعليق): an
        adjective that agrees (ـة after ـة, a nisba after a masculine head) or a لـ complement."""
        if j >= n:
            return False
        w = self.toks[j].text
        if w.startswith("لل") or self.st.is_word(self.toks[j], "role_adjective"):
            return True
        if not w.startswith("ال"):
            return False
        return w.endswith("ه") if head.key.endswith("ه") else w.endswith("ي")

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
        if kind == "organization" and place is None and self._adjective_of(m, j, n):
            k, org, country = self._complements(j, n, definite_head=True, name_may_follow=False)
            if k > j and org is None:  # المكتب الإعلامي للرئيس المكلف: a new organisation, described
                surface = st.surface(m.key_start, self.toks[k - 1].end)
                return Speaker(surface, surface, "organization", (m.key_start, self.toks[k - 1].end), country,
                               gender=row["gender"] or None), k
        if kind == "outlet":
            if st.last_outlet is None:
                surface = st.surface(m.key_start, self.toks[j - 1].end)
                return Speaker(surface, surface, "outlet", (m.key_start, self.toks[j - 1].end), country,
                               gender=row["gender"] or None), j
            return st.last_outlet, j
        wanted = {"person": ("person", "official"), "anonymous": ("anonymous",),
                  "organization": ("organization",)}[kind]
        head = _bare(m.key)
        for prev in reversed(st.speakers):
            if prev.kind in wanted and (country is None or prev.country in (None, country)) \
                    and (kind != "organization" or head in fold_key(prev.name_ar)):
                return prev, j  # الوزارة → the last ministry, النادي → the last club
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

    def _appositive_name(self, i: int, n: int) -> tuple[Speaker, int] | None:
        """An unknown name followed by a role (بيتر سوذرلاند، مبعوث الأمين العام / مارتن دولان رئيس …)."""
        named = self._person_name(i, n, introduced=True)
        if named is None or named[1] - i < 2:
            return None  # نجل الرئيس: one word before a role is a noun, not a name
        j = named[1]
        if not (j < n and self.toks[j].text == "," or self._first(self.toks[i])
                or not any(self._definite(t) for t in self.toks[i:j])):
            return None  # يؤكد حرص الزعيمين الكبيرين الرئيس …: a noun phrase before a role
        j += j < n and self.toks[j].text == ","
        if j < n and self.st.at(self.toks[j].start, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len):
            return named
        return None

    def _bare_name(self, i: int, n: int) -> tuple[Speaker, int] | None:
        """A name already met in the article, a new name that starts with a first name (with a
        role in apposition: يحيى رباح، الخبير …), or one unknown word before a colon or إن
        (وقال شالفنت: …)."""
        toks, st = self.toks, self.st
        tok = toks[i]
        for form in lookup_forms(tok.text):
            known = st.names.get(form)
            if known is not None:
                return known, i + 1
        named = self._person_name(i, n) or self._appositive_name(i, n)
        if named is not None:
            sp, j = named
            return sp, self._apposition(sp, j, n)
        after = toks[i + 1] if i + 1 < n else None
        if after is not None and (after.text == ":" or st.is_word(after, "intro") or st.is_word(after, "intro_say")) \
                and self._name_word(tok, first=False) and not self._definite(tok) and len(tok.text) > 2 \
                and not tok.text.endswith("ا") and _bare(tok.text) not in speaker_heads():  # مرارا، مراقبون
            surface = st.surface(tok.start, tok.end)
            return Speaker(surface, surface, "person", (tok.start, tok.end)), i + 1
        return None
