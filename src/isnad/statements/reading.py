"""Reading one sentence: the cues in order, each given to the statement patterns.

:class:`SentenceReader` holds what the patterns share: the sentence, the
article's discourse, the statement being read (``active``), and the pieces of
clause grammar every pattern needs — where the attribution ends and the
content opens (إن / أن / بأن، a colon, a quotation, قائلا), the asides it may
hold (أمس، في بيان، لـ«عكاظ»، للصحفيين، نقلا عن …), where a coordinated clause
or a participle starts a new statement, and whether a cue is a verb at all
(عدم ذكر اسمه، علي بن أبي طالب).
"""
from __future__ import annotations

from bisect import bisect_left

from ..mentions import Mention
from ..text import lookup_forms
from ..rules import Trace
from .discourse import Discourse
from .names import described_name, lone_name_word, names_someone, pronoun_object
from .draft import Draft, Dropped
from .parser import PhraseParser
from .sentence import Sentence, unglued
from .speaker import SCRIPTURE, Speaker, gender_agrees
from .words import bare

CLAUSE_PUNCT = (",", ";", "-")
RELATIVE_CLAUSE_WORDS = 15  # tokens of a relative clause between commas in the attribution
ZONE_LIMIT = 50  # tokens of attribution before a content opener (a relative clause may stand there)
IN_STATEMENT = ("في", "وفي", "خلال", "وخلال", "عبر")  # في تصريح، خلال حديث: the statement a cue was made in
TITLE_QUOTE = 6  # a quotation this short followed by more attribution is a title (مسرحية «…»)
NAME_QUOTE = 5  # a quotation this short with words right before and after it is a name
SUBJECT_SPAN = 15  # how far back a كان may open the clause of a cue
NAME_BEFORE_VERB = 6  # how far back a name opening a clause may stand from its verb
FOLDED_LOOKALIKES = {  # folded cue -> (its first letter, else its last; that letter as written; whether
    #                     the letter written so marks the other word)
    "يدعي": (False, "ى", True),  # يُدعى (is called), not يدّعي (claims)
    "راي": (False, "ى", False),  # رأي (an opinion), not رأى (saw fit)
    "ابان": (True, "إ", True),  # إبان (during), not أبان (explained)
}
DESCRIPTION_WORDS = 6  # words of a description after a subject, between a comma and its verb
AMMA_REACH = 30  # tokens back from a verb in فـ to the أما that opens its clause
BEFORE_CUE_REACH = 12  # tokens back a subject may start before its verb (وكانت دراسة عن تطبيقات … قد أشارت)
COORDINATORS = ("كما", "وكما", "ثم")
TOPIC_DESCRIPTION_WORDS = 10  # words of a description between a topic after أما and its verb
QAD = ("قد", "وقد", "فقد", "لقد")  # the particle before a past verb (وقد ثمّن الوفد …)
PRONOUN_ADDRESSEES = ("لي", "لنا", "له", "لها", "لهم", "لكم",  # the one spoken to, after a verb of saying,
                      "عليه", "عليها", "عليهم")  # or answered (فرد عليه العمري بقوله)
QUOTED_SUBJECT_WORDS = 6  # words of a subject between a verb and the colon before its quoted words
DASHED_ASIDE = 30  # tokens an aside between dashes may hold
CONDITIONS = ("اذا", "لو")  # words before a verb that make its clause a condition (إذا لم يستجب الملاك)
CONDITIONALS = CONDITIONS + ("ان",)  # words before a كان that make its clause a condition or a question
DURING = ("فيه", "فيها", "خلاله", "خلالها")  # after a verb: during the call, speech or cable named before
CLAUSE_LINKS = ("حيث", "اذ")  # …، إذ قال إن …: a clause that goes on with the same speaker
SIMULTANEOUS_LINKS = (("في", "وقت"), ("في", "الوقت", "الذي"))  # …، في وقت أكد فيه …: a clause of its own
KANA_GENDER = {"كان": "m", "كانت": "f", "كانوا": "pl"}  # the subject a form of كان agrees with


class SentenceReader:
    """Finds the statements of one sentence (see :data:`patterns.STATEMENT_PATTERNS`)."""

    def __init__(self, s: Sentence, d: Discourse, cues: list[Mention], drafts: list[Draft],
                 trace: Trace | None = None):
        self.s = s
        self.d = d
        self.doc = s.doc
        self.toks = s.toks
        self.n = s.n
        self.parser = PhraseParser(s, d)
        self.cues = cues
        self.drafts = drafts
        self.trace = trace
        self.active: Draft | None = None  # the statement whose content is being read
        self.zone_source: Speaker | None = None  # نقلا عن X inside the attribution of a statement
        self.zone_via: list[str] = []
        self.lead_via: list[str] = []  # وبحسب رويترز، …: the outlet every statement of the sentence came through
        self.lead_source: tuple[int, Speaker] | None = None  # وبحسب مصادر عسكرية، أكدت أن …: the subject
        #   of the verb right after a leading relay, when that verb has none (its index, the source)

    def read(self) -> None:
        """Give each live cue, left to right, to the first pattern that reads it."""
        from .patterns import STATEMENT_PATTERNS

        consumed = 0
        for cue in self.cues:
            ci = self.s.index_after(cue.start)
            if self.s.in_quote(cue.start) and not self.narrated_in_quote(cue, ci):
                continue
            if ci < consumed or not self.live(cue, ci):
                continue
            for pattern in STATEMENT_PATTERNS:
                result = pattern.func(self, cue, ci)
                if result is None:
                    continue
                if not isinstance(result, Dropped) and result.speaker.kind == SCRIPTURE:
                    result = Dropped("goes on with a religious quotation: scripture cited, not news speech")
                if isinstance(result, Dropped):
                    if self.trace is not None:
                        self.trace.dropped(pattern.name, self.cue_text(cue), self.doc.folded.span_to_original(
                            cue.key_start, cue.end), result.reason)
                    break
                result.rule = pattern.name
                self.accept(result)
                if self.trace is not None:
                    self.trace.made(pattern.name, self.cue_text(cue), self.doc.folded.span_to_original(
                        cue.key_start, cue.end), f"speaker by {result.speaker_rule or '-'}")
                if not result.nested and result.content[0] >= self.s.span[0]:
                    self.active = result  # (أوضح ذلك X: its content is the sentence before, read already)
                    consumed = self.s.index_after(result.content[0])
                break
            else:
                if self.trace is not None:
                    self.trace.dropped("-", self.cue_text(cue), self.doc.folded.span_to_original(
                        cue.key_start, cue.end), "no pattern found a speaker and a content")

    def narrated_in_quote(self, cue: Mention, ci: int) -> bool:
        """A participle after a comma inside what reads as a quotation is the reporter's
        narration: the quotation was closed and its closing mark left out (وأكد أن "عملية …،
        لافتا إلى أن …): quoted speech does not go on with لافتا / مشيرا."""
        return cue.value["kind"] == "participle" and ci > 0 and self.toks[ci - 1].text == "," \
            and self.active is not None

    def cue_text(self, cue: Mention) -> str:
        return self.doc.surface(cue.key_start, cue.end)

    def accept(self, draft: Draft) -> None:
        self.drafts.append(draft)
        self.d.remember(draft.speaker)

    def earlier_speaker(self, gender: str) -> Speaker | None:
        """The speaker of the last statement of this sentence a verb of ``gender`` agrees with
        (وعزا فراتسشر هذه الرؤية إلى …، وقال: …: Fratzscher, not a noun of what he said)."""
        for draft in reversed(self.drafts):
            if draft.sentence != self.s.span:
                return None
            if draft.speaker.kind != "unresolved" and gender_agrees(gender, draft.speaker):
                return draft.speaker
        return None

    def inside_active(self, cue: Mention) -> bool:
        """Whether ``cue`` stands inside the content of the statement being read."""
        return self.active is not None and cue.start >= self.active.content[0]

    # -- what a cue is ---------------------------------------------------------------
    def live(self, cue: Mention, z: int) -> bool:
        """Whether ``cue`` at token ``z`` reports speech: not a word that only looks like a cue
        (ورد في، عدم ذكر اسمه) nor a verb read as a noun (حول وصف، علي بن أبي طالب)."""
        if self.doc.at(cue.start, "word", lambda m: m.value["class"] == "not_cue") is not None:
            return False
        if cue.key in self.doc.words.of("clause_initial_cue") and not (
                cue.prefix_len or z == 0 or self.toks[z - 1].text in CLAUSE_PUNCT + COORDINATORS + QAD
                or self.s.is_(z - 1, "skip") or self.s.text_of(z + 1) in DURING):
            return False  # نقلت الوكالة عبر موقعها: the preposition, not عبّر (كما عبر المرضى عن شكرهم،
            #               برقية … عبر فيها عن: the verb)
        return not self.verbal_noun(cue, z) and not self._second_between(cue, z) and not self._lookalike(cue) \
            and self._needs_met(cue, z) and not self._withheld_name(cue)

    def _withheld_name(self, cue: Mention) -> bool:
        """Whether a refusal withholds the speaker's own name, an aside on a source and no statement
        (وقال مسؤول، رفض الكشف عن اسمه، إن …؛ رافضا الكشف عن هويته، رفضت ذكر اسمها)."""
        if cue.value["stance"] not in ("decline_comment", "reject"):
            return False
        s, k = self.s, self.s.index_after(cue.end)
        if k < self.n and (self.toks[k].text in self.doc.words.declined_objects
                           or s.is_word(self.toks[k], "speech_object") or self.toks[k].text in ("ذكر", "نشر")):
            k += 1  # الكشف، الإفصاح، ذكر: what is refused
        if k < self.n and self.toks[k].text == "عن":
            k += 1
        return k < self.n and s.is_(k, "own_identity")

    def _lookalike(self, cue: Mention) -> bool:
        """Another word that folds to the same letters as the cue (``FOLDED_LOOKALIKES``), told
        apart by a letter as written: شخص يدعى محمد، رأي الخبراء، إبان رئاسته."""
        rule = FOLDED_LOOKALIKES.get(cue.key)
        if rule is None:
            return False
        first, letter, marks_other = rule
        written = self.doc.original[self.doc.folded.to_original(cue.key_start if first else cue.end - 1)]
        return (written == letter) == marks_other

    def _second_between(self, cue: Mention, z: int) -> bool:
        """The second «between» of بين X وبين Y (جرت بينها وبين الحوثيين), not بيّن (explained)."""
        return self.toks[z].text == "وبين" and any(
            t.text.startswith("بين") for t in self.toks[max(0, z - 4):z])

    def _needs_met(self, cue: Mention, z: int) -> bool:
        """Whether a cue whose form has another meaning has the preposition it needs ahead
        (عبّر عن، أهاب بالجميع، أرجع … إلى), within its clause."""
        wanted = self.doc.words.needs_of(cue.value)
        if not wanted or self._quoted_after_subject(cue, z):
            return True
        for k in range(z + 1, min(self.n, z + 24)):
            w = self.toks[k].text
            for first, *rest in wanted:
                if (w == first or (len(first) == 1 and w.startswith(first) and len(w) > 2
                                   and not self.s.is_(k, "ba_adverb", "noun_context"))
                        or (w.startswith(first) and self.s.is_(k, "intro"))) and all(
                        self.s.text_of(k + 1 + x) == word for x, word in enumerate(rest)):
                    return True  # (ووعد الأمير بأن: بأن is both; امتنع المسؤول عن التعليق; أبان أنه:
                    #               أن with its pronoun)
            if (w in (".", ":") and not (w == "." and len(self.toks[k - 1].text) == 1)) or self.s.is_(k, "intro"):
                return False  # (a quotation may hold it: ووعد كاميرون «بتعزيز السياج»; د. is a title)
        return False

    def _quoted_after_subject(self, cue: Mention, z: int) -> bool:
        """Whether a verb glued to و / ف has a few plain words, a colon and a quotation after it
        (وشرح الوزير: «…»): a verb of saying whose words are quoted, whatever preposition its
        other uses need."""
        if not cue.prefix_len:
            return False
        for k in range(z + 1, min(self.n - 1, z + 1 + QUOTED_SUBJECT_WORDS)):
            if self.toks[k].text == ":":
                return k > z + 1 and self.toks[k + 1].text == '"'
            if not self.toks[k].text.isalpha():
                return False
        return False

    def passive(self, cue: Mention) -> bool:
        """A passive cue (أفيد، قيل، or a verb written with a damma on its first letter: أُعلن، ذُكر)."""
        if cue.value["kind"] == "passive":
            return True
        folded = self.doc.folded
        first = folded.to_original(cue.key_start)
        return self.doc.original[first + 1:first + 2] == "\u064f"

    def live_cue(self, z: int) -> Mention | None:
        cue = self.s.at(z, "cue")
        return cue if cue is not None and self.live(cue, z) else None

    def verbal_noun(self, cue: Mention, ci: int) -> bool:
        """A verb form read as a noun or a name: after a preposition or عدم, with or without و
        (عدم ذكر اسمه، حول وصف …، وفي رد على سؤال), or after أبي / بن in a name (علي بن أبي طالب)."""
        before = self.toks[ci - 1] if ci > 0 else None
        return (cue.value["kind"] in ("verb_past", "verb_present") and not cue.prefix_len and before is not None
                and (self.s.is_word(before, "noun_context") or self.s.is_word(before, "name_link")
                     or (before.text.startswith("و") and self.s.is_word(unglued(before), "noun_context"))))
        #   (وفي رد على سؤال: a reply, not رد "replied")

    def subordinate(self, ci: int) -> bool:
        """A cue inside a subordinate clause (بعد أن أعلنت، التي قالت، عندما قال)."""
        k = ci - 1
        while k >= 0 and self.s.is_(k, "auxiliary"):
            k -= 1
        subordinators = self.doc.words.of("subordinator")
        return k >= 0 and any(w in subordinators for w in lookup_forms(self.toks[k].text))

    def subject_before(self, ci: int) -> bool:
        """A form of كان opens the clause of the cue (وكانت عناصر محسوبة على التنظيم … ذكرت): its
        subject stands before the verb, so a speaker not found there is not the last one met."""
        for k in range(ci - 1, max(-1, ci - SUBJECT_SPAN), -1):
            tok = self.toks[k]
            if tok.text in CLAUSE_PUNCT or self.s.at(k, "cue") is not None or self.s.is_(k, "subordinator"):
                return False  # وكان من المتوقع أن يبدأ البيع بعدما قال …: a clause of its own
            if self.s.is_(k, "auxiliary") and tok.text.lstrip("وف").startswith("كان"):
                return not (k > 0 and self.toks[k - 1].text in CONDITIONALS)  # عما إذا كان البشير سيحضر
                #   القمة قال …: a question the answer follows, not the verb's subject
        return False

    def subjectless(self, k: int) -> bool:
        """Whether token ``k`` after a verb leaves its subject unsaid: the end, a mark, a content
        opener, an adverbial or a participle (وأضاف أن، وقال في كلمته، وتابع قائلا), not an
        unknown noun that would be the subject (وقال الأطباء، وأعلنت خلوها)."""
        if k >= self.n:
            return True
        tok = self.toks[k]
        return (not tok.text.isalpha() or tok.text[0] == "ل"
                or self.s.is_(k, "intro", "intro_say", "intro_prep", "adverbial_prep", "skip", "demonstrative",
                              "speech_opener")
                or self.s.at(k, "cue") is not None)  # وأرجع ذلك إلى: a demonstrative is the object

    # -- clauses -------------------------------------------------------------------
    def link_start(self, ci: int) -> int:
        """Where the words that link the clause of token ``ci`` to the one before begin: a
        coordinator, ``إذ``, a contrast (``في حين``) or a time that runs alongside (``في وقت``،
        ``في الوقت الذي``: …، في وقت أكد فيه المبعوث أن …); ``ci`` when none stands there."""
        toks, k = self.toks, ci - 1
        if k >= 0 and (toks[k].text in COORDINATORS or toks[k].text in CLAUSE_LINKS or self.s.is_(k, "contrast")):
            return k - (k > 0 and toks[k - 1].text == "في")
        for link in SIMULTANEOUS_LINKS:
            if k + 1 >= len(link) and tuple(t.text for t in toks[k + 1 - len(link):k + 1]) == link:
                return k + 1 - len(link)
        return ci

    def clause_start(self, ci: int) -> bool:
        """A cue that opens a new coordinated clause: ``، وأوضح`` / ``، كما أكد`` / ``، فيما أعلنت`` /
        ``، إذ قال`` / ``، في وقت أكد فيه``."""
        k = self.link_start(ci)
        if k == ci and not self.toks[ci].text.startswith("و"):
            return False
        return k == 0 or self.toks[k - 1].text in CLAUSE_PUNCT

    def truncate(self, draft: Draft, ci: int) -> None:
        """End ``draft``'s content before the clause that starts at token ``ci``."""
        k = self.link_start(ci) - 1
        while k > 0 and self.toks[k].text in CLAUSE_PUNCT:
            k -= 1
        end = self.toks[k].end
        if end > draft.content[0]:
            draft.content = (draft.content[0], end)

    def skip_dashed_aside(self, k: int) -> int:
        """Past an aside between dashes right after the verb (وشدد -خلال جولته التفقدية أمس- على …)."""
        if k >= self.n or self.toks[k].text != "-":
            return k
        close = next((c for c in range(k + 1, min(self.n, k + DASHED_ASIDE)) if self.toks[c].text == "-"), None)
        return close + 1 if close is not None and close > k + 1 else k

    def skip_words(self, k: int, classes=("skip",)) -> int:
        """Past commas, words of ``classes`` (time words: اليوم الجمعة، أمس) and prayers
        (قال يرحمه الله:)."""
        while k < self.n:
            if self.toks[k].text in CLAUSE_PUNCT or self.s.is_(k, *classes):
                k += 1
            elif self.toks[k].text == "(" and self.s.is_(k + 1, "skip") and self.s.text_of(k + 2) == ")":
                k += 3  # أمس (الاثنين): the day in brackets
            elif self.s.is_(k, "prayer") and self.s.text_of(k + 1) == "الله":
                k += 2
            else:
                return k
        return k

    def object_start(self, k: int) -> int:
        """Where a plain object begins after the speaker: past filler words, a reply phrase up to
        its comma (ردا على سؤال،) and the statement or place it was made in (في بيان، في فيينا)."""
        toks, s = self.toks, self.s
        k = self.skip_words(k)
        if k < self.n and s.relative_pronoun(k):
            comma = next((c for c in range(k + 1, min(self.n, k + 25)) if toks[c].text == ","), None)
            if comma is not None:
                k = self.skip_words(comma + 1)  # أثنى الملحم، الذي زار المهرجان، على جهود …
        while k + 1 < self.n:
            after = toks[k + 1]
            if after.text == "علي" and s.is_(k, "response"):
                comma = next((c for c in range(k + 2, min(self.n, k + 12)) if toks[c].text == ","), None)
                if comma is None:
                    break
                k = self.skip_words(comma + 1)
            elif toks[k].text in IN_STATEMENT and (s.at(k + 1, "cue", lambda m: m.value["kind"] == "noun")
                                                   or s.at(k + 1, "country")):
                k = self.skip_words(k + 2)
            elif s.is_(k, "adverbial_prep") and s.is_(k + 1, "skip"):
                k = self.skip_words(k + 1)  # نفت في وقت سابق التنسيق
            else:
                break
        return k

    def skip_inline_subject(self, k: int) -> int:
        """Past a pronoun subject right after a participle or verb (مشيدا سموه بتعاون …)."""
        if k < self.n and self.s.at(k, "backref") is not None and self.toks[k].text.endswith(("ه", "ها")) \
                and not self.s.written_ending(self.toks[k], "ة"):
            return k + 1  # (not مطالبا الحكومة بالتحقيق: the body asked, in the content)
        return k

    def skip_addressee(self, k: int, informs: bool = False) -> int:
        """Past an outlet the words were said to, before the speaker (قال لـ«الشرق الأوسط» مدير …;
        أوضح ذلك لـ«عكاظ» المتحدث …), or, after a verb of informing, the outlet informed (أبلغ
        «عكاظ» مدير عام الفرع أنه …)."""
        toks, s, doc = self.toks, self.s, self.doc
        if k + 1 < self.n and toks[k].text in PRONOUN_ADDRESSEES and (
                s.definite(toks[k + 1]) or s.starts_name(k + 1) or s.is_(k + 1, "quantity")
                or any(m.category in ("role", "actor", "backref") for m in doc.by_start.get(toks[k + 1].start, ()))
                or self._one_name_then_words(k + 1)):
            k = self.skip_words(k + 1)  # وقال لي الوزير إن …، قال لنا أحد السكان: whom it was said to (not
            #   فقال لي بلهجة مرحة، أكد لهم أهمية المرحلة: how or what, the subject unsaid)
        if k + 1 < self.n and s.is_(k, "demonstrative") and toks[k + 1].text.startswith("ل"):
            past = self.skip_addressee(k + 1)
            if past > k + 1:
                return past  # أوضح ذلك لـ«عكاظ» …: what was said is the sentence before
        if informs and k + 2 < self.n and toks[k].text == '"' and self._outlet_at(k + 1):
            close = self.quoted_name_end(k)
            if close is not None:
                return self.skip_words(close)
        if informs and k < self.n and self._outlet_at(k) and not s.at(k, "actor").prefix_len:
            return self.skip_words(s.index_after(s.at(k, "actor").end))
        if k < self.n and toks[k].text == "ل" and k + 1 < self.n and toks[k + 1].text == '"':
            close = self.quoted_name_end(k + 1)
            return self.skip_words(close) if close is not None else k
        outlet = self.outlet_behind_la(k)
        if outlet is not None:
            return self.skip_words(s.index_after(outlet.end))
        if k < self.n and toks[k].text.startswith("لل") and not doc.by_start.get(toks[k].start):
            return self.skip_words(k + 1)  # قال للصحفيين إن: the addressee
        return k

    def _one_name_then_words(self, k: int) -> bool:
        """Whether one name-like word at token ``k`` stands right before a colon or إن / أن (قال لي
        أدول: …، قال لنا فيلدمان إن …): the speaker after the one spoken to."""
        s = self.s
        return k + 1 < self.n and (self.toks[k + 1].text == ":" or s.is_(k + 1, "intro")) \
            and lone_name_word(s, self.toks[k])

    def skip_demonstrative_object(self, k: int) -> int:
        """Past a demonstrative at token ``k`` that is the object of the verb before it, and the
        time words after it, when a role or a name follows (أكد ذلك أمس مدير الإدارة …: the
        director confirmed it); ``k`` itself otherwise (هذا الوزير is one phrase, read by the parser)."""
        s = self.s
        if k + 1 >= self.n or not s.is_(k, "demonstrative") or (s.definite(self.toks[k + 1]) and not s.is_(k + 1, "skip")):
            return k  # (أوضح ذلك اليوم مدير …: the time word, then the speaker)
        past = self.skip_words(k + 1)
        named = past < self.n and (s.at(past, "role") is not None or s.at(past, "actor") is not None
                                   or s.starts_name(past))
        return past if named else k

    def _outlet_at(self, k: int) -> bool:
        """Whether a lexicon outlet or agency starts at token ``k``."""
        actor = self.s.at(k, "actor")
        return actor is not None and self.doc.lexicon.actors[actor.value].kind in ("outlet", "agency")

    # -- where the content opens ---------------------------------------------------------
    def intro(self, k: int, far_saying: bool = True) -> tuple[int, int] | None:
        """(content start index, zone end index) for the first content opener from ``k``; a
        participle قائلا opens it right after ``k`` or, when ``far_saying``, after an aside
        (a verb with an object keeps it: ورفض فيدان، ردا على سؤال، مقترحا …، قائلا …)."""
        toks, s = self.toks, self.s
        self.zone_source, self.zone_via = None, []
        stop = min(self.n, k + ZONE_LIMIT)
        z = k
        relative = False  # inside ميرين التي فازت … في مسرحية «…»، up to its comma
        while z < stop:
            tok = toks[z]
            classes = s.classes(tok)
            if tok.text == '"':
                close = self.quoted_name_end(z, relative or (z > k and self._title_quote(z)))
                if close is None:
                    return z, z
                z = close
                continue
            if tok.text == ":":
                return self.after_opener(z + 1), z
            if tok.text == ",":
                relative = False
            elif "subordinator" in classes and tok.text.startswith("ال"):
                relative = True
            elif s.opens_contrast(z):
                return None  # حذرت … إلا أن …، غير أن …: the opener belongs to another clause
            if "intro" in classes and not (relative and s.is_(z - 1, "noun_context")) \
                    and not s.is_(z - 1, "time_conjunction") \
                    and self.doc.text[tok.end:tok.end + 1] != ".":  # دي.سي.ان.اس: initials, not إن; بعد أن: time
                return z + 1, z
            if "intro_prep" in classes and z + 1 < self.n and s.is_(z + 1, "intro"):
                return z + 2, z
            if "intro_say" in classes:
                return self.after_opener(z + 1), z
            cue = self.live_cue(z)
            if cue is not None and relative and z + 1 < self.n and self.toks[z + 1].text in self.doc.words.declined_objects:
                cue = None  # وأضاف المصدر، الذي رفض الكشف عن هويته، أن …: the source's anonymity, no statement
            if cue is not None and relative and cue.value["kind"] != "noun" \
                    and (close := self._relative_clause_end(z)) is not None:
                z = close  # وأوضحت الشركة، التي لم تذكر الثمن، أن …: the clause's own verb says nothing
                continue
            if cue is not None:
                kind = cue.value["kind"]
                if kind == "participle" and cue.value["lemma"] == "قال" and (far_saying or self._adjacent(k, z)):
                    return self.after_opener(s.index_after(cue.end)), z
                if kind == "relay":
                    z = self._zone_relay(cue, z)  # …، بحسب ما نقلت عنه وكالة إرنا، أن …
                    continue
                if kind != "noun" or not (relative or any(t.text in IN_STATEMENT for t in toks[max(0, z - 2):z])
                                          or self.doc.text[cue.start:cue.key_start].lstrip("وف")[:1] in ("ب", "ل")):
                    #   بموقع تويتر، التقرير الأولي لمسح «كايشن»: a report noun behind a preposition
                    return None  # (… التي قادت الدراسة إن …، في أول تقرير …: a report noun in a relative
                    #               clause or the statement it was made in opens nothing)
            z += 1
        return None

    def _relative_clause_end(self, z: int) -> int | None:
        """The comma that closes the relative clause a cue at ``z`` stands in, when an opener
        follows it and none stands inside (، التي لم تذكر الثمن، أن …); None otherwise."""
        toks, s = self.toks, self.s
        for c in range(z + 1, min(self.n, z + RELATIVE_CLAUSE_WORDS)):
            if toks[c].text == ",":
                return c if c + 1 < self.n and s.is_(c + 1, "intro") else None
            if toks[c].text in (":", '"', ";") or s.is_(c, "intro", "intro_say"):
                return None
        return None

    def _adjacent(self, k: int, z: int) -> bool:
        """Only marks and filler words between tokens ``k`` and ``z`` (وتابع الوزير، قائلا)."""
        return all(not t.text.isalpha() or self.s.is_word(t, "skip") for t in self.toks[k:z])

    def _zone_relay(self, cue: Mention, z: int) -> int:
        """A relay inside the attribution (، نقلا عن مسؤولين مصريين، / ، حسبما نقلت وكالة X،):
        its source becomes the speaker (``zone_source``), an outlet goes to ``zone_via``.
        Returns the index past the relay phrase (its closing comma)."""
        toks, s = self.toks, self.s
        j = s.index_after(cue.end)
        while j < self.n and (toks[j].text in ("ما", "عنه", "عنها", "عن", "ل") or s.at(j, "cue")):
            inner = s.at(j, "cue")
            j = s.index_after(inner.end) if inner else j + 1
        res = self.parser.parse(j, self.n) if j < self.n else None
        if res is not None:
            if cue.value["lemma"] == "نقلا عن":  # the words are the source's
                self.zone_source = res[0]
            elif res[0].kind in ("outlet", "organization"):
                self.zone_via.append(res[0].name)
            j = res[1]
        while j < self.n and toks[j].text not in (",", ":", '"') and not s.is_(j, "intro"):
            j += 1  # (وقال X وفق ما بثته وكالة الأنباء «…»: the quotation that follows is the content)
        return j + (j < self.n and toks[j].text == ",")

    def quoted_name_end(self, z: int, named_here: bool = False) -> int | None:
        """After a quoted outlet, name or title in the attribution (لـ«الشرق الأوسط»، وكالة "سمارت"،
        or any quote when ``named_here``), the index past its closing quote; None when the quote
        opens the content."""
        toks, s = self.toks, self.s
        close = s.closing_quote(z + 1, z + 8)
        if close is None:
            return None
        named = (named_here and not s.quote_ends_sentence(close)) or (z > 0 and (toks[z - 1].text == "ل" or (
            s.at(z - 1, "role") is not None and not s.quote_ends_sentence(close)
            and self.live_cue(close + 1) is None)))  # وكالة "سمارت"، not وقال الوزير "…" وأضاف
        if close - z <= NAME_QUOTE and close + 1 < self.n and toks[close + 1].text.isalpha() \
                and z > 0 and toks[z - 1].text.isalpha() and not s.is_(z - 1, "intro") \
                and self.live_cue(close + 1) is None:  # وقال الوزير "الأمور جيدة" وأضاف …: the words
            named = True  # على طلب "الجزائر الآن" للتعليق: a name followed by more words
        if named or (z + 1 < self.n and s.at(z + 1, "actor")):
            return close + 1
        after = toks[close + 1] if close + 1 < self.n else None
        if after is not None and (after.text == ":" or s.is_word(after, "intro")):
            return close + 1  # على منصته "تروث سوشيال": …
        return None

    def _title_quote(self, z: int) -> bool:
        """A short quotation followed by a comma and, a few words on, the content opener
        (في مسرحية «ذي أوديونس»، عند تفقدها …، إنه …): a title, not the content."""
        close = self.s.closing_quote(z + 1, z + TITLE_QUOTE + 1)
        return close is not None and close + 1 < self.n and self.toks[close + 1].text == "," \
            and self._opener_ahead(close + 2)

    def _opener_ahead(self, k: int) -> bool:
        """Whether a colon or إن / أن comes within a few words from ``k``, before any quote."""
        for tok in self.toks[k:k + 20]:
            if tok.text == '"':
                return False
            if tok.text == ":" or self.s.is_word(tok, "intro"):
                return True
        return False

    def after_opener(self, k: int) -> int:
        if k < self.n and self.toks[k].text == ":":
            k += 1
        if k < self.n and self.s.is_(k, "intro"):
            k += 1
        return k

    def content_span(self, k: int) -> tuple[int, int] | None:
        """From token ``k`` to the end of the sentence, when a word is there; after a
        colon that ends the sentence (وقال في كلمته:), the next sentence."""
        if k >= self.n and self.s.following is not None and self.toks[-1].text == ":":
            return self.s.following
        if not any(t.text[0].isalpha() for t in self.toks[k:k + 3]):
            return None
        if k > 0 and self.opener_in_clause(k - 1):
            k -= 1
        return self.toks[k].start, self.s.span[1]

    def opener_in_clause(self, z: int) -> bool:
        """Whether the إن / أن at token ``z`` belongs to the clause it opens: it carries the
        clause's subject (أنه سيزور، إنها مستعدة، بأنهم قدموا) or makes a verbal noun of the verb
        after it (توقع أن يرتفع العدد: the rise expected, not a rise reported)."""
        s, toks = self.s, self.toks
        if not s.is_(z, "intro") or z + 1 >= self.n or not toks[z + 1].text.isalpha():
            return False  # إنه «…»: the quotation is the content
        word = toks[z].text.lstrip("فب")
        if word != "ان":
            return True  # أنه، إنها، أننا
        if self.doc.original[self.doc.folded.to_original(toks[z].start + toks[z].text.index("ان"))] == "إ":
            return False
        verb = toks[z + 1]  # a verb the lexicons know too (أن يكون، أن يدعو); not أن تونس، أن يوسف، أن تلك
        named = any(s.at(z + 1, category) is not None for category in ("actor", "country", "role", "backref"))
        return verb.text[:1] in "يتن" and not s.definite(verb) and not s.common_noun(verb) and not named \
            and not s.is_(z + 1, "demonstrative") and not s.first_name(verb) and not pronoun_object(s, verb)

    def quote_before(self, ci: int) -> tuple[int, int] | None:
        """A quotation that opens its clause and ends right before ``، قال …`` (content first, then
        the cue)."""
        toks = self.toks
        if ci < 3 or toks[ci - 1].text != "," or toks[ci - 2].text != '"':
            return None
        opening = bisect_left(self.s.quotes, toks[ci - 2].start) - 1
        if opening < 0 or opening % 2:
            return None
        first = bisect_left(self.s.starts, self.s.quotes[opening])
        if first > 0 and toks[first - 1].text.isalpha():
            return None  # بانتمائه إلى «داعش»، نفى …: a name inside the clause before, not words said
        return self.s.quotes[opening], toks[ci - 2].end

    # -- a subject before its verb ---------------------------------------------------
    def before_cue(self, ci: int) -> Speaker | None:
        """A speaker phrase that ends right before the cue (subject–verb order)."""
        toks, s, doc = self.toks, self.s, self.doc
        for k in range(max(0, ci - BEFORE_CUE_REACH), ci):
            ms = doc.by_start.get(toks[k].start)
            if not ms or (k > 0 and toks[k - 1].text in IN_STATEMENT):
                continue  # وفي تصريح لوكالة فرانس برس، قالت …: the statement it was made in
            if self.behind_preposition(k):
                continue
            res = self.parser.parse(k, ci, allow_name=False)
            if res is None or not self._aside(res[1], ci):
                continue
            sp = res[0]
            before = k - 1
            while before >= 0 and s.is_(before, "auxiliary"):
                before -= 1  # وكانت الوزارة قد أعلنت
            if before == k - 1:
                while before >= 0 and (s.is_(before, "skip") or (toks[before].text in ("من", "ومن") and s.is_(before + 1, "skip"))):
                    before -= 1  # بدوره المخرج … قال، ومن جهته المدير … قال: past the words that open the clause
            at_clause = before < 0 or toks[before].text in CLAUSE_PUNCT + (":", '"') \
                or s.is_(before, "clause_opener", "intro") or s.is_(k - 1, "auxiliary")  # غير أن مكتب … أكد
            if sp.report or at_clause:
                return sp
        return self._noun_phrase_before(ci) or self._name_opening_the_sentence(ci)

    def outlet_behind_la(self, k: int) -> Mention | None:
        """The outlet or agency glued to لـ at token ``k`` (لوكالة الصحافة الفرنسية، لرويترز): the one
        the words were said to."""
        if k >= self.n or not self.toks[k].text.startswith("ل"):
            return None
        outlet = self.s.at(k, "actor")
        return outlet if outlet is not None and outlet.prefix_len \
            and self.doc.lexicon.actors[outlet.value].kind in ("outlet", "agency") else None

    def behind_preposition(self, k: int) -> bool:
        """Whether a lexicon phrase at token ``k`` is glued to بـ / لـ / كـ (برئاسة، للوزارة): a
        complement, never a subject."""
        doc = self.doc
        return any(m.prefix_len and doc.text[m.start:m.key_start].lstrip("وف").startswith(("ب", "ل", "ك"))
                   for m in doc.by_start.get(self.toks[k].start, ()))

    def _name_opening_the_sentence(self, ci: int) -> Speaker | None:
        """A person's name that opens the sentence or a clause (لكن فينجر نفى أن …), with «one of»
        a group after it, right before its verb (عبدالرحمن القحطاني أحد المشاركين في الملتقى قال إن …)."""
        for start in range(max(0, ci - NAME_BEFORE_VERB), ci):
            if self.opens_subject(start):
                found = self._name_before_verb(start, ci)
                if found is not None:
                    return found
        return None

    def _name_before_verb(self, start: int, ci: int) -> Speaker | None:
        """The person named from token ``start`` up to the verb at ``ci`` (or «one of» a group), or
        met before by the one name there (لكن فينجر نفى تنازله after أرسين فينجر)."""
        toks, s = self.toks, self.s
        met = self.d.names.get(toks[start].text) if start + 1 == ci else None
        if met is not None:
            self.parser.last_rule = "name_opening_the_sentence"
            return met
        res = self.parser.person_name(start, ci)
        if res is None:
            return None
        k = res[1]
        if k < ci and toks[k].text in ("احد", "احدي") \
                and all(toks[i].text.isalpha() and s.at(i, "cue") is None for i in range(k, ci)):
            k = ci  # … أحد المشاركين في الملتقى قال
        if k < ci and self._role_then_verb(k, ci):
            k = ci  # فإن سامي العلي مدافع الفريق قال: his role right after the name
        if not (k == ci or self._aside(k, ci)):
            return None
        self.parser.last_rule = "name_opening_the_sentence"
        return res[0]

    def _role_then_verb(self, k: int, ci: int) -> bool:
        """Whether an office with no proclitic opens at token ``k`` and its words reach the verb at
        ``ci``, itself with none: the role of the name before it (لكن حنيفة أمان وزير الخارجية
        الماليزي قال); not a relative clause, a preposition or another cue between them."""
        s, toks = self.s, self.toks
        role, verb = s.at(k, "role"), s.at(ci, "cue")
        return role is not None and not role.prefix_len and verb is not None and not verb.prefix_len \
            and ci - k <= DESCRIPTION_WORDS and all(
                toks[i].text.isalpha() and s.at(i, "cue") is None and not s.is_(i, "preposition")
                and not s.relative_pronoun(i) for i in range(k, ci))

    def _noun_phrase_before(self, ci: int) -> Speaker | None:
        """A clause that opens with a definite noun phrase the lexicon does not know, right
        before its verb (الدراسة أوضحت أن، المقاومة من جانبها أكدت): the phrase is the subject."""
        s, toks = self.s, self.toks
        for k in range(max(0, ci - 10), ci):
            if not (self.opens_subject(k) or self._speakers_after_an(k)):
                continue
            if toks[k].text.endswith("ي") and s.head_kind(toks[k]) is None:
                continue  # …، ألكسندر نوي، المنتمي لحزب اليسار …: a description of the name, not a body
            res = self.parser.noun_phrase(k, ci)
            if res is None and s.head_kind(toks[k]) == "group":
                res = self.parser.group(k, k + 1, ci, "pl")  # فإن خبراء ماليين مستقلين قالوا، والمستخدمون عبروا
            if res is None and s.head_kind(toks[k]) == "organization" and not s.definite(toks[k]) \
                    and toks[k].text[0] != "و":
                found = self.parser.parse(k, ci)  # لكن إدارة الجامعة أكدت: a body's head in construct
                res = found if found is not None and found[0].kind == "organization" else None
            share = toks[k].text.isdigit() and s.past_percent(k + 1) > k + 1
            if res is None and (s.is_(k, "quantity") or share):  # كما أن الكثير من سكان الحي
                #   عبروا، لكن 40 % من المشاركين قالوا: the subject of the verb right after it
                with self.parser.as_clause_subject():
                    res = self.parser.parse(k, ci, allow_name=False)
            if res is not None and self._aside(res[1], ci):
                self.parser.last_rule = "noun_phrase"
                return res[0]
        return None

    def _speakers_after_an(self, k: int) -> bool:
        """Whether a phrase whose head names speakers opens the clause of an أن at token ``k``
        (علمت الصحيفة أن الجهات العليا وجهت …، يذكر أن السلطات أعلنت): its verb's subject."""
        return k > 0 and self.toks[k - 1].text in ("ان", "بان") and self.s.definite(self.toks[k]) \
            and self.s.head_kind(self.toks[k]) is not None

    def subject_after_amma(self, cue: Mention, ci: int) -> Speaker | None:
        """The topic after أما when the verb carries the ف that answers it: the verb's subject,
        past its description (أما رعد جاسم (36 سنة) الموظف في شركة «نفط الجنوب»، فقال إن …;
        وأما الوزارة فأكدت …)."""
        toks = self.toks
        answered = "ف" in self.doc.text[cue.start:cue.key_start]
        for k in range(ci - 1, max(-1, ci - AMMA_REACH), -1):
            if toks[k].text in ("اما", "واما") and (k == 0 or toks[k - 1].text in CLAUSE_PUNCT + (":", '"')
                                                   or self.s.is_(k - 1, "clause_opener")):
                res = self.parser.parse(k + 1, ci) or self.parser.person_name(k + 1, ci, introduced=True)
                if not answered:  # أما الدكتور وليام هالينجر مدير البرنامج أكد أن …: without ف, the topic
                    #               right before the verb, past its description
                    if res is None or self.subordinate(ci) or not (
                            self._aside(res[1], ci) or self._described(res[1], ci)):
                        return None
                    self.parser.last_rule = "subject_after_amma"
                    return res[0]
                if res is None or (res[0].kind != "person" and not self._aside(res[1], ci)):
                    res = self.person_in_topic(k + 2, ci) or res  # not past a whole description
                if res is None:
                    return None
                self.parser.last_rule = "subject_after_amma"
                return res[0]
            if toks[k].text in (".", ";") or self.s.at(k, "cue", lambda m: m.value["kind"] != "noun") is not None:
                return None  # (a report noun may describe the topic: مدير المركز الدولي لدراسة التطرف)
        return None

    def _described(self, j: int, ci: int) -> bool:
        """Whether the words from token ``j`` to the verb at ``ci`` are a short description (مدير
        البرنامج في جامعة هارفارد): words only, no mark or verb of saying, a few at most."""
        return ci - j <= TOPIC_DESCRIPTION_WORDS and all(
            t.text.isalpha() and self.s.at(z, "cue", lambda m: m.value["kind"] != "noun") is None
            for z, t in enumerate(self.toks[j:ci], start=j))

    def person_in_topic(self, start: int, ci: int, reach: int | None = None) -> tuple[Speaker, int] | None:
        """The first person named from token ``start`` on, by a first name or after a title, past the
        words that describe them (أما الكاتب والمحرر في مجلة «العربي» إبراهيم المليفي، فذكر; أما العم «حمزة
        الحكيم» عم «عبدالله»، فيقول)."""
        for z in range(start, min(ci, start + reach) if reach else ci):  # (``reach`` words on at most)
            first = z + (self.toks[z].text == '"')
            titled = self.s.at(z - 1, "role", lambda m: m.value["kind"] == "title") is not None  # العقيد جمعان
            if first < ci and (self.s.starts_name(first) or titled):
                res = self.parser.person_name(z, ci, introduced=True)
                if res is not None:
                    return res
        return None

    def subject_after_kana(self, ci: int) -> Speaker | None:
        """Everything between a clause-opening كان and the قد of the verb (or, without قد, a past
        verb) is the verb's subject, whatever its words (وكانت وحدة نزع الألغام في المقاومة الجنوبية قد اتهمت،
        وكانت الرئاسة العامة للأرصاد وحماية البيئة قد أوردت، وكان عدد من النواب قد طالبوا): read by the speaker
        phrases, else as a noun phrase, else as words no rule knows (:meth:`_kana_subject_words`)."""
        found = self._kana_subject_span(ci)
        if found is None:
            return None
        kana, first, last = found
        qad = self.toks[ci - 1].text == "قد"
        for read in (self.parser.parse, self.parser.noun_phrase):
            with self.parser.as_clause_subject():  # (وكانت منظمات حقوقية دعت: a group the verb follows)
                res = read(first, last + 1)  # وكان المتحدث الرسمي … المهندس جديع القحطاني قد دعا
            if res is not None and (res[1] == last + 1 or (not qad and self.s.is_(res[1], "preposition"))):
                if read == self.parser.noun_phrase:  # (وكان الوزير في زيارته للرياض أكد: an aside after it)
                    self.parser.last_rule = "noun_phrase"
                return res[0]
        if not qad and not described_name(self.s, first, last + 1):
            return None  # without قد only a phrase the rules read, or what someone is and a name (وكان
            #              الحارس الإيطالي ماركو بيرتي أعلن اعتزاله), is the subject
        return self._kana_subject_words(KANA_GENDER[self.toks[kana].text.lstrip("وف")], first, last)

    def kana_subject_phrase(self, ci: int) -> Speaker | None:
        """The speaker phrase that opens a clause of كان and reaches the verb at ``ci``, its
        description between commas included (وكانت سوزان ماكدانيال، العضو في اللجنة، صرحت أن):
        the subject, not the description nearest the verb."""
        toks = self.toks
        if ci < 3 or toks[ci - 1].text != ",":
            return None
        kana = self._kana_before_asides(ci)
        if kana is None:
            return None
        with self.parser.as_clause_subject():
            res = self.parser.parse(kana + 1, ci)
        if res is not None and (res[1] >= ci - 1 or toks[res[1]].text == ","):
            return res[0]  # (وكانت الوزارة، في بيان لها، أكدت: an aside before the verb)
        named = self.parser.person_name(kana + 1, ci, introduced=True)
        if named is None or named[1] >= ci - 2 or toks[named[1]].text != ",":
            return None
        sp = named[0]  # the name, then its description up to the comma before the verb
        self.parser.last_rule = "subject_of_kana"
        sp.role_ar = sp.role_ar or self.doc.surface(toks[named[1] + 1].start, toks[ci - 2].end)
        return sp

    def _kana_before_asides(self, ci: int) -> int | None:
        """The index of the clause-opening كان a few words before the verb at ``ci``, past
        commas and report nouns (في بيان لها) but no other verb or sentence mark."""
        toks, s = self.toks, self.s
        for kana in range(ci - 2, max(-1, ci - 2 - SUBJECT_SPAN), -1):
            if s.at(kana, "cue", lambda m: m.value["kind"] != "noun") is not None or toks[kana].text in (".", ":", ";"):
                return None
            if KANA_GENDER.get(toks[kana].text.lstrip("وف")) is not None:
                return kana if self.opens_clause(kana) else None
        return None

    def opens_clause(self, k: int) -> bool:
        """Whether token ``k`` stands where a clause begins: first, or after a mark or an opener."""
        return k == 0 or self.toks[k - 1].text in CLAUSE_PUNCT or self.s.is_(k - 1, "clause_opener")

    def opens_subject(self, k: int) -> bool:
        """Whether a subject before its verb may start at token ``k``: where a clause begins, after
        the أن of a contrast or a reason (غير أن الصناعيين يعتبرون، إلا أن محمد العلي قال، بل إن بعض
        الجمعيات أكدت، ذلك أن المدير صرح) or after فإن."""
        return self.opens_clause(k) or (k > 1 and self.toks[k - 1].text in ("ان", "بان") and (
            self.s.opens_contrast(k - 2) or self.toks[k - 2].text in ("كما", "بل", "ذلك", "علما", "العلم")
            or self._passive_report_before(k - 1))) \
            or (k > 0 and self.toks[k - 1].text == "فان" and (  # وعلى الرغم من …، فإن خبراء ماليين قالوا
                self.s.definite(self.toks[k]) or self.s.head_kind(self.toks[k]) is not None
                or self.doc.by_start.get(self.toks[k].start) or self.s.first_name(self.toks[k])))
        #       (فإن سامي العلي قال; not فإن عاد أخذ يفتي: "if he returns")

    def _passive_report_before(self, an: int) -> bool:
        """Whether the أن at token ``an`` ends a passive report (يذكر أن، يشار إلى أن): the
        reporter's narration, whose clause may open with its subject (يذكر أن مصادر عدة أكدت)."""
        return any(self.s.at(k, "cue", lambda m: m.value["kind"] == "passive" and m.end == self.toks[an].end)
                   is not None for k in (an - 1, an - 2) if k >= 0)

    def _kana_subject_span(self, ci: int) -> tuple[int, int, int] | None:
        """(كان, first, last) token indices when a clause-opening form of كان and the قد right
        before the verb at ``ci`` hold words (or a quoted name: كانت «نوكيا» قد ذكرت) between them;
        without قد, when the verb is in the past (وكان مسؤولو جهاز الإطفاء في كاليفورنيا ذكروا أن)."""
        toks, s = self.toks, self.s
        qad = ci > 0 and toks[ci - 1].text == "قد"
        if ci < 2 + qad or not (qad or s.at(ci, "cue", lambda m: m.value["kind"] == "verb_past") is not None):
            return None  # (وكان فيلدمان أكد: one word between كان and the verb)
        end = ci - 1 if qad else ci  # the index after the subject's words
        if toks[end - 1].text == ",":
            end -= 1  # وكانت هيئة المساحة، قد أعلنت: a comma before قد or the verb
        kana = next((k for k in range(end - 1, max(-1, end - 1 - SUBJECT_SPAN), -1)
                     if not (toks[k].text.isalpha() or toks[k].text == '"') or s.is_(k, "auxiliary", "subordinator")
                     or s.at(k, "cue") is not None), None)
        if kana is None or kana == end - 1 or KANA_GENDER.get(toks[kana].text.lstrip("وف")) is None \
                or not self.opens_clause(kana):
            return None
        first, last = kana + 1, end - 1
        if toks[first].text == '"' and toks[last].text == '"' and last - first >= 2:
            first, last = first + 1, last - 1
        return kana, first, last

    def _kana_subject_words(self, kana_gender: str, first: int, last: int) -> Speaker | None:
        """The subject between كان and قد as words no rule knows: a person when a first name
        opens them, an unnamed source when their head is plural or a count (عدد من) or nothing
        in them is definite (وكانت وسائل إعلامية قد تحدثت), else a body; None when كان does not
        agree with the head (وكان الوزيرة …: names and broken plurals take كانت)."""
        toks, s = self.toks, self.s
        head = toks[first]
        people = head.text.endswith(("ون", "ين"))
        plural = people or (first < last and toks[first + 1].text == "من")
        gender = "pl" if plural else ("f" if s.written_ending(head, "ة") or head.text.endswith("ات") else "m")
        if (kana_gender == "m" and gender == "f") or (kana_gender == "f" and people):
            return None
        unnamed = last > first and not any(s.definite(t) or s.known(t) for t in toks[first:last + 1])
        named = last > first and s.head_kind(head) is None and names_someone(s, first, last + 1)
        kind = "person" if s.starts_name(first) or named else (
            "anonymous" if plural or unnamed or s.head_kind(head) == "group" else "organization")
        fs, fe = head.start, toks[last].end
        surface = self.doc.surface(fs, fe)
        self.parser.last_rule = "subject_of_kana"
        return Speaker(surface, surface, kind, (fs, fe), gender=gender, head=bare(head.text))

    def _aside(self, k: int, ci: int) -> bool:
        """Whether only an aside stands between a subject ending at token ``k`` and its verb at
        ``ci``: commas, قد، من جانبه، أيضا, a place before قد (وكان المكتب في جدة قد أعلن), or a
        description after a comma (…، المنتمي لحزب اليسار المعارض أشار)."""
        s, toks = self.s, self.toks
        if all(t.text in CLAUSE_PUNCT or t.text == "من" or s.is_word(t, "auxiliary") or s.is_word(t, "skip")
               for t in toks[k:ci]):
            return True
        if ci - k == 3 and toks[ci - 1].text == "قد" and s.is_(k, "preposition"):
            return True
        d = k + (k < ci and toks[k].text == ",")  # نائب البرلمان الألماني، ألكسندر نوي، المنتمي لحزب اليسار أشار
        after_comma = d - k == 1 or (k > 0 and toks[k - 1].text == ",")  # (a name in apposition took its comma)
        return d < ci and after_comma and ci - d <= DESCRIPTION_WORDS and s.definite(toks[d]) and all(
            toks[z].text.isalpha() and s.at(z, "cue") is None and not s.is_(z, "subordinator", "intro", "intro_say")
            for z in range(d, ci))

    # -- the statement -------------------------------------------------------------
    def draft(self, speaker: Speaker, cue: Mention, content: tuple[int, int], zone_end: int) -> Draft:
        """A statement; the attribution before token ``zone_end`` may name the claim it answers
        (تعقيبا على …), a report it was made in (في بيان) and outlets it was made to (لرويترز)."""
        toks, s, doc = self.toks, self.s, self.doc
        zone = (toks[0].start, toks[zone_end].start if zone_end < self.n else s.span[1])
        d = Draft(speaker, cue, content, s.span, s.span[0], list(speaker.via),
                  speaker_rule=self.parser.last_rule or "")
        d.via += [v for v in self.zone_via + self.lead_via if v not in d.via and v != speaker.name]
        d.response_phrase = self.response_phrase(zone)
        for z in range(self.n):
            tok = toks[z]
            if tok.start >= zone[1]:
                break
            if tok.start < cue.end:
                continue
            noun = s.at(z, "cue", lambda m: m.value["kind"] == "noun")
            if noun is not None and not speaker.report and speaker.kind != "unresolved" \
                    and not speaker.span[0] < noun.key_start < speaker.span[1]:
                self.d.report_owner = speaker  # (not 63 % من الذين شملهم الاستطلاع: a report inside the speaker)
            actor = s.at(z, "actor")
            if actor is not None and not (speaker.span[0] <= actor.key_start < speaker.span[1]):
                a = doc.lexicon.actors[actor.value]
                if a.kind in ("outlet", "agency") and a.name_en not in d.via:
                    d.via.append(a.name_en)
            elif tok.text == "ل" and z + 2 < self.n and toks[z + 1].text == '"':
                close = self.quoted_name_end(z + 1)  # لـ«الشرق الأوسط»
                name = doc.surface(toks[z + 2].start, toks[close - 2].end) if close else None
                if name and name not in d.via:
                    d.via.append(name)
        return d

    def response_phrase(self, zone: tuple[int, int]) -> tuple[int, int] | None:
        """``تعقيبا على X`` / ``ردا على X`` before the content: the span of X up to a comma."""
        toks, s = self.toks, self.s
        for z in range(self.n - 2):
            if toks[z].start >= zone[1]:
                return None
            if toks[z + 1].text == "علي" and s.is_(z, "response"):
                e = z + 2
                while e < self.n and toks[e].start < zone[1] and toks[e].text not in CLAUSE_PUNCT + (":",):
                    e += 1
                claim = s.at(z + 2, "cue", lambda m: m.value["kind"] == "noun") or s.is_(z + 2, "claim")
                if claim and e > z + 2:
                    return toks[z + 2].start, toks[e - 1].end
        return None
