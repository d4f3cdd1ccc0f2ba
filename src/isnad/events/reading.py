"""Reading one sentence: each trigger word given to the trigger patterns.

:class:`SentenceReader` holds what the patterns share: the sentence, its participant
phrases (:mod:`.participants`), the article (its statements, its scene, the actors
met so far) and the pieces of clause grammar every pattern needs — where a clause
begins and ends, the subject of a verb (after it, before it, or dropped and carried
over from the sentence or article), its object, the phrase a marker introduces, the
genitive of a noun and the word that governs it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress
from operator import not_

from ..rules import Trace
from .participants import Party, PhraseReader
from .sentence import EventSentence
from .tables import Form, TriggerRow

CLAUSE_MARKS = (";", ":", "?", "!")
SPEECH_VERB_KINDS = ("verb_past", "verb_present", "participle")
KANA = ("كان", "كانت", "كانوا", "يكون", "تكون")
NOUN_PARTICLES = ("عدم", "دون", "بدون", "احتمال", "امكانيه")  # particles of negation or mood that take a noun
OPENER_REACH = 10  # words between a reporting verb and the إن / أن that opens what it says
VSO_REACH = 4  # adverbs, dates and commas between a verb and its subject
OBJECT_REACH = 8  # words between a verb (or its subject) and its object
MARKED_REACH = 12  # words between a trigger and the phrase a marker introduces
GOVERNOR_REACH = 14  # tokens between a support verb and its event noun (its subject, adverbs between)
CARRY_SENTENCES = 2  # how far back a dropped subject may find its referent


@dataclass(slots=True)
class Candidate:
    """A trigger word (or two) at tokens ``i..end-1`` read as ``form``."""

    i: int
    end: int
    form: Form
    prefix: str = ""
    suffix: str = ""
    row: TriggerRow = field(init=False)  # the form's row and tense, kept at hand for the patterns
    tense: str = field(init=False)

    def __post_init__(self):
        self.row, self.tense = self.form.row, self.form.tense


@dataclass(slots=True)
class Frame:
    """What a pattern made of a trigger: its participants and the word whose particles say
    whether it happened (the support verb of شن غارات, else the trigger)."""

    cand: Candidate
    actors: list[Party]
    recipients: list[Party]
    anchor: int
    anchor_tense: str
    anchor_prefix: str = ""
    event_type: str = ""
    mode: str | None = None
    cameo: str = ""
    rule: str = ""
    carried: bool = False  # the actor is a dropped subject resolved from the discourse
    passive: bool = False  # a passive whose agent is not said (خُطفوا، تم أسر)

    def __post_init__(self):
        row = self.cand.row
        self.event_type = self.event_type or row.event_type
        self.mode = self.mode if self.mode is not None else row.mode
        self.cameo = self.cameo or row.cameo


@dataclass
class Dropped:
    reason: str
    final: bool = False  # the word is no trigger in any reading (رفض التعليق، مجلس التعاون)


@dataclass
class Memory:
    """The actors an article has met, for dropped subjects and pronouns."""

    actors: list[tuple[int, Party]] = field(default_factory=list)  # (sentence number, party)

    def remember(self, sentence: int, parties: list[Party]) -> None:
        for p in parties:
            if p.agent:
                self.actors.append((sentence, p))

    def last(self, sentence: int, agreement: str | None, armed: bool = False) -> Party | None:
        """The last actor met within :data:`CARRY_SENTENCES` that a verb of ``agreement`` can
        have as its hidden subject."""
        for at, p in reversed(self.actors):
            if sentence - at > CARRY_SENTENCES:
                return None
            if armed and not p.armed:
                continue
            if agrees(agreement, p):
                return p
        return None


def agrees(agreement: str | None, p: Party) -> bool:
    """A verb form of ``agreement`` (m f du pl) can have ``p`` as subject."""
    if agreement in (None, "du", "1") or p.gender is None:
        return True
    if agreement == "f":
        return p.gender == "f"
    if agreement == "pl":
        return p.gender in ("pl", "m") or p.kind in ("people_of", "group")
    return p.gender in ("m", "pl") if p.kind in ("person", "official") else p.gender == "m"


class SentenceReader:
    """Finds the events of one sentence (see :data:`triggers.TRIGGER_PATTERNS`)."""

    def __init__(self, s: EventSentence, memory: Memory, trace: Trace | None = None):
        self.s = s
        self.doc = s.doc
        self.memory = memory
        self.trace = trace
        self.parties = PhraseReader(s).phrases()
        self.firsts = [p.first for p in self.parties]  # in order
        self.starting: dict[int, Party] = {p.first: p for p in self.parties}
        self.ending: dict[int, Party] = {}
        for p in self.parties:
            self.ending[p.last] = p
        self.frames: list[Frame] = []
        self.speech_verbs = [k for k in sorted(s.mentions) if self.speech_verb(k)]  # token indices, in order
        self.barriers, self.joints = self._barriers()

    # -- candidates ----------------------------------------------------------------------
    def candidates(self) -> list[list[Candidate]]:
        """For each trigger word, its readings in the order they are tried (a two-word trigger
        first; a noun first after a preposition, a governing word or the article)."""
        s = self.s
        out: list[list[Candidate]] = []
        free = 0  # the first token no candidate covers
        for i in s.trigger_words:
            if i < free:
                continue
            here: list[Candidate] = []
            phrase = s.trigger_phrase(i)
            if phrase is not None:
                size, form, prefix = phrase
                here.append(Candidate(i, i + size, form, prefix))
            readings = [r for r in s.readings(i) if r.row.cls != "support"]
            nominal = self._nominal_context(i) or s.doc.tanween(s.starts[i], s.ends[i])  # تعهدًا: a noun
            if nominal and any(r.form.tense == "noun" for r in readings):
                readings = [r for r in readings if r.form.tense == "noun"]  # على تعاونهم: a noun only
            readings.sort(key=lambda r: (r.form.tense == "noun") != nominal)
            here += [Candidate(i, i + 1, r.form, r.prefix, r.suffix) for r in readings]
            if here:
                out.append(here)
                free = here[0].end
        return out

    def _nominal_context(self, i: int) -> bool:
        """A word that stands where a noun stands: after a marker, a support or passive verb,
        a quantity, a governing noun, or with a preposition or the article glued to it."""
        s = self.s
        if i == 0:
            return False
        if s.has_role(i - 1, "marker", "passive", "quantity", "request") and not s.has_role(i - 1, "barrier"):
            return True
        if s.words[i - 1].lstrip("وف") in NOUN_PARTICLES:
            return True
        return s.support(i - 1)

    # -- clauses ---------------------------------------------------------------------------
    def clause_start(self, i: int) -> int:
        """The first token of the clause of token ``i``: after a mark, a complementiser or a
        reporting verb."""
        k = bisect_right(self.barriers, i - 1)
        return self.barriers[k - 1] + 1 if k else 0

    def clause_end(self, i: int) -> int:
        """The token that ends the clause of token ``i`` (the next barrier, or a comma before a
        verb joined by و: …، وشنت هجوما)."""
        k = bisect_left(self.barriers, i)
        end = self.barriers[k] if k < len(self.barriers) else self.s.n
        k = bisect_left(self.joints, i)
        return min(end, self.joints[k]) if k < len(self.joints) else end

    def _barriers(self) -> tuple[list[int], list[int]]:
        """The tokens that end a clause (a mark, a complementiser, a reporting verb that opens
        what it says) and the commas before a verb joined by و, each in order; only marks,
        function words and reporting verbs are visited."""
        s = self.s
        barriers, joints = [], []
        words, names = s.words, s.role_names
        speech = set(self.speech_verbs)
        marks = compress(range(s.n), map(not_, s.alpha))
        roled = compress(range(s.n), names)
        for k in sorted({*marks, *roled, *speech}):
            w = words[k]
            if w in CLAUSE_MARKS or "barrier" in names[k] or k in speech and self._opens(k):
                barriers.append(k)
            elif w == "," and k + 1 < s.n and words[k + 1][:1] in ("و", "ف") and any(
                    r.form.tense != "noun" for r in s.readings(k + 1)):
                joints.append(k)
        return barriers, joints

    def _opens(self, k: int) -> bool:
        """Whether what a reporting verb at ``k`` says follows it: إن / أن, a colon or a quote
        within a few words (إبان الحرب is "during", not "he showed")."""
        s = self.s
        return any(s.has_role(j, "barrier") or s.words[j] in (":", '"')
                   for j in range(k + 1, min(s.n, k + OPENER_REACH)))

    def speech_verb(self, k: int) -> bool:
        """A reporting verb (قال، أكد، أوضح) that is no function word or trigger: it opens a clause."""
        s = self.s
        if not 0 <= k < s.n or k not in s.mentions:
            return False
        cue = s.mention(k, "cue")
        return (cue is not None and cue.value["kind"] in SPEECH_VERB_KINDS and not s.roles(k)
                and not s.readings(k) and s.text[cue.start:cue.key_start] in ("", "و", "ف"))

    # -- phrases around a word ----------------------------------------------------------
    def chain(self, p: Party) -> list[Party]:
        """The phrase and its conjuncts, from the first conjunct of its chain."""
        if p.coordinated:
            head = next((q for q in reversed(self.parties) if q.first < p.first and not q.coordinated), None)
            if head is not None and p in head.conjuncts:
                return head.chain
        return p.chain

    def parties_from(self, k: int) -> list[Party]:
        """The phrases that start at token ``k`` or after it, in order."""
        return self.parties[bisect_left(self.firsts, k):]

    def party_at(self, k: int) -> Party | None:
        return self.starting.get(k)

    def subject_after(self, v: int) -> Party | None:
        """The phrase right after a verb (past adverbs, dates and commas): VSO."""
        s = self.s
        k = v + 1
        skipped = 0
        while k < s.n and skipped < VSO_REACH and (s.has_role(k, "adverb") or s.is_number(k)
                                                    or s.words[k] in (",", "-") or self._month(k)):
            k += 1
            skipped += 1
        p = self.starting.get(k)
        if p is not None and p.marker is None and not p.coordinated:
            return p
        return None

    def relative_to_nothing(self, v: int) -> bool:
        """A verb right after a relative pronoun whose noun is no participant (العلاقات التي
        تراجعت): its subject is that noun."""
        s = self.s
        k = v
        while k > 0 and s.words[k - 1] in ("قد", "كانت", "كان", "كانوا"):
            k -= 1
        if not (k > 0 and s.has_role(k - 1, "relative")):
            return False
        k -= 1
        if k > 0 and s.words[k - 1] == ",":
            k -= 1
        return self.ending.get(k) is None

    def unknown_subject(self, v: int) -> bool:
        """A definite noun no table knows right after the verb: its subject, not an actor."""
        s = self.s
        k = v + 1
        while k < s.n and (s.has_role(k, "adverb") or s.words[k] == ","):
            k += 1
        if k >= s.n or self.starting.get(k) is not None or not s.is_word(k):
            return False
        w = s.words[k]
        return w.startswith("ال") and not s.roles(k) and not s.readings(k)

    def _month(self, k: int) -> bool:
        return self.s.is_number(k - 1) and self.s.is_word(k) and not self.starting.get(k)

    def subject_before(self, v: int) -> Party | None:
        """The phrase right before a verb (SVO), past قد and a form of كان; or, after a
        relative pronoun, the phrase it refers to (ميليشيات الحوثي التي كانت تخوض)."""
        s = self.s
        k = v
        while k > 0 and s.words[k - 1] in ("قد", "وقد", "كانت", "وكانت", "كان", "وكان", "كانوا", "فقد", "لقد", "ايضا"):
            k -= 1
        relative = k > 0 and s.has_role(k - 1, "relative")
        if relative:
            k -= 1
            if k > 0 and s.words[k - 1] == ",":
                k -= 1
        p = self.ending.get(k)
        if p is None:
            return None
        head = self.chain(p)[0]
        if not head.agent and p.agent:
            head = p  # الأقصى والأردن تشكو: the conjunct next to the verb is its subject
        return head if head.marker is None or relative else None  # من طائرات التحالف التي قصفت

    def kana_subject(self, v: int) -> Party | None:
        """The phrase right after a form of كان that opens the verb's clause (وكانت نيجيريا …
        أوقفت)."""
        s = self.s
        for k in range(v - 1, max(-1, self.clause_start(v) - 1), -1):
            if s.words[k].lstrip("وف") in KANA:
                p = self.starting.get(k + 1)
                return p if p is not None and p.marker is None and p.last <= v else None
            if s.eventive(k):
                return None
        return None

    def topic_before(self, v: int, agreement: str | None) -> Party | None:
        """The phrase a clause opens with, when a later verb of it has no subject of its own
        (الرئيس بخاري سيسافر إلى واشنطن ليبحث مع …؛ 12 دولة انضمت … وستجري مفاوضاتها)."""
        s = self.s
        start = self.clause_start(v)
        k = start
        while k < v and (s.has_role(k, "adverb", "marker") or not s.is_word(k) and not s.is_number(k)):
            if s.has_role(k, "marker"):
                return None
            k += 1
        p = self.starting.get(k)
        if p is None or p.marker is not None or not p.agent or p.last >= v or not agrees(agreement, p):
            return None
        return p

    def object_after(self, k: int, hi: int, exclude: list[Party]) -> Party | None:
        """The unmarked phrase that stands right after token ``k`` (the direct object), past
        adverbs, commas and an instrument with ب (قصفت المقاتلات بغارتين جويتين معسكر …)."""
        s = self.s
        j = k
        while j < min(hi, k + OBJECT_REACH):
            p = self.starting.get(j)
            if p is not None and p not in exclude:
                return p if p.marker is None and not p.coordinated else None
            if p is not None:
                j = p.last
                continue
            w = s.words[j]
            if w in ("في", "فى") and self.starting.get(j + 1) is not None and self.starting[j + 1].kind in (
                    "place", "country"):
                j = self.starting[j + 1].last  # استقبل الرئيس في القاهرة أمس الوزير: a place between
                continue
            if s.has_role(j, "adverb", "instrument") or w in (",", "-") or (
                    w.startswith("ب") and s.is_word(j) and not s.roles(j)):
                j += 1
                continue
            return None
        return None

    def speaker_of_what(self, k: int) -> Party | None:
        """The speaker in ``ما قاله كيري`` (what X said) right after token ``k``: the one whose
        words are rejected, criticised or welcomed."""
        s = self.s
        if k + 2 < s.n and s.words[k] in ("ما", "بما") and s.words[k + 1].endswith(("ه", "ها")):
            p = self.starting.get(k + 2)  # ما قاله كيري، ما أعلنته الوزارة
            return p if p is not None and p.agent else None
        return None

    def marked_after(self, k: int, hi: int, markers: frozenset[str], exclude: list[Party]) -> Party | None:
        """The first phrase from token ``k`` opened by one of ``markers`` (على، مع، ضد، إلى …)."""
        for p in self.parties_from(k):
            if p.coordinated or p in exclude:
                continue
            if p.first >= hi or p.first - k > MARKED_REACH or self._verb_between(k, p.first):
                return None
            if p.marker in markers:
                return p
        return None

    def _verb_between(self, a: int, b: int) -> bool:
        """Another verb, or another event noun, between tokens ``a`` and ``b`` (اتفقا قبل
        اجتماعهما مع بوتين: the مع phrase is the meeting's, not the agreement's)."""
        return any(k not in self.starting for k in self.s.eventive_between(a, b))

    def genitive(self, c: Candidate) -> Party | None:
        """The phrase right after a noun (its genitive): اعتقال مواطن، هجوم المسلحين; an
        adjective of arms in between belongs to the noun (تفجيرين انتحاريين)."""
        k = c.end
        while k < self.s.n and self.s.has_role(k, "instrument") and self.s.words[k][-2:] in ("ين", "ان", "يه", "ي"):
            k += 1
        if k > c.end:
            return None if self.starting.get(c.end) is not None else self.starting.get(k)
        p = self.starting.get(c.end)
        if p is not None and (p.marker is None or p.marker == "to" and c.row.genitive != "recipient"):
            return p
        return None

    def nisba_after(self, c: Candidate) -> Party | None:
        """A country adjective right after a noun: the owner (المساعدة الأميركية)."""
        s = self.s
        k = c.end
        while k < s.n and s.has_role(k, "instrument") and k - c.end < 2:
            k += 1
        found = s.place(k) if k < s.n else None
        if found is None or found[1].kind != "demonym" or not found[1].iso3:
            return None
        size, place, _ = found
        start, end = s.folded_span(k, k + size)
        return Party(k, k + size, s.tables.country_names.get(place.iso3, ""), s.doc.surface(start, end), "country",
                 (start, end), country=place.iso3, gender="f", sector="GOV")

    # -- dropped subjects and pronouns ----------------------------------------------------
    def reporter(self, i: int) -> Party | None:
        """The subject of the reporting verb that opens the sentence before token ``i``."""
        if self.speech_verbs and self.speech_verbs[0] < i:
            p = self.subject_after(self.speech_verbs[0])
            return p if p is not None and p.agent else None
        return None

    def fronted_owner(self, c: Candidate) -> Party | None:
        """The owner of a pronoun on a noun in a fronted phrase (وخلال زيارته إلى أبوجا، دعا
        مساعد وزير الخارجية …): the subject of the verb after the comma."""
        s = self.s
        if c.i > 3:
            return None
        for k in range(c.end, s.n):
            if s.words[k] == "," and k + 1 < s.n:
                v = k + 1
                if s.readings(v) or self.speech_verb(v):
                    return self.subject_after(v)
                return None
        return None

    def carried(self, c: Candidate, agreement: str | None, armed: bool = False) -> Party | None:
        """The referent of a dropped subject or a pronoun: the actor of the last event of
        this sentence, the speaker of the statement it stands in, else the last actor met."""
        if self.frames and self.frames[-1].actors and agrees(agreement, self.frames[-1].actors[0]):
            return self.frames[-1].actors[0]
        reporter = self.reporter(c.i)
        if reporter is not None and agrees(agreement, reporter):
            return reporter  # وأشارت المقاومة إلى مقتل … في اشتباكات جرت بينها وبين الحوثيين
        speaker = self.doc.speaker_party(self.s, self.s.starts[c.i])
        if speaker is not None and agrees(agreement, speaker):
            return speaker
        return self.memory.last(self.s.number, agreement, armed)
