"""The text the statements reader works on: an article's folded text with its
lexicon mentions, and one sentence of it as tokens with their word classes.

Everything here is in folded offsets (:mod:`isnad.text`); the reader maps
spans back to the page when it writes a record.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from ..lexicon import Lexicon
from ..mentions import Mention
from ..text import FoldedText, quotations
from .words import CONTENT_CLASSES, Words, bare, words

TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")
AAN_RE = re.compile(r"(?<!\w)آن(?!\w)")  # the noun آن as written (folding makes it أن)
GLUED_ARTICLE = ("لل", "ولل", "فلل")  # ل glued to a definite noun swallows the article's alif (للمرصد = ل + المرصد)
_NEW_TUPLE = tuple.__new__
_NONE: frozenset[str] = frozenset()
_STOP_CLASSES = frozenset({"intro", "skip", "negation", "intro_say"})  # words no speaker phrase runs over
_KNOWN_CLASSES = frozenset({"any", "role_adjective"})  # words with a meaning other than a name
_KNOWN_CATEGORIES = frozenset({"cue", "role", "country", "backref", "actor"})
PERCENT_WORDS = ("الميه", "المايه")  # المئة، المائة: folded (في المئة، بالمئة)
_CLAUSE_VERB_CLASSES = frozenset(CONTENT_CLASSES) | {"any", "common", "clause_initial_cue"}  # a clause verb's classes


class Token(NamedTuple):
    """A word or punctuation mark of the folded text with its folded ``[start, end)``."""

    text: str
    start: int
    end: int


def unglued(tok: Token) -> Token:
    """The word without its one-letter proclitic (والرياضة → الرياضة، لبعض → بعض)."""
    return Token(tok.text[1:], tok.start + 1, tok.end)


def tokens_of(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of folded ``text[start:end]`` (built with ``tuple.__new__``,
    a third faster than the NamedTuple constructor on this hot path)."""
    return [_NEW_TUPLE(Token, (m.group(), m.start(), m.end())) for m in TOKEN_RE.finditer(text, start, end)]


def _time_noun_apart(doc: ArticleText, toks: list[Token]) -> list[Token]:
    """The tokens, with the noun آن (time: في آن واحد، آن الأوان) kept apart from the opener أن /
    إن it folds to: it is no word of any class (وقال في بيان آن الجفاف …: a typo for أن)."""
    if not doc.aan_starts:
        return toks
    for i, tok in enumerate(toks):
        if tok.start in doc.aan_starts and (
                (i > 0 and toks[i - 1].text == "في") or (i + 1 < len(toks) and toks[i + 1].text in ("واحد", "الاوان"))):
            toks[i] = Token("آن", tok.start, tok.end)
    return toks


class ArticleText:
    """An article's folded text, its lexicon mentions by start, and the lexicon."""

    def __init__(self, original: str, folded: FoldedText, mentions: list[Mention], lexicon: Lexicon,
                 published: str | None = None, start: int = 0):
        self.original = original
        self.folded = folded
        self.text = folded.text
        self.start = start  # folded offset where the article begins
        self.lexicon = lexicon
        self.words: Words = words(lexicon)
        self.published = published if published and len(published) == 10 and published[4] == "-" else None
        self.by_start: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_start.setdefault(m.start, []).append(m)
        self.aan_starts = {folded.to_folded(m.start()) for m in AAN_RE.finditer(original)} \
            if "آن" in original else set()  # آن written so (most pages have none: one scan in C)
        self.stance_marks = [m for m in mentions if m.category == "stance"]
        self.stance_starts = [m.start for m in self.stance_marks]

    def surface(self, fs: int, fe: int) -> str:
        """The page text of folded ``[fs, fe)``, with the article that the preposition ل swallowed
        written back, as the name stands alone (وفقا للمكتب الاتحادي، وطبقا للمرصد السوري →
        المكتب الاتحادي، المرصد السوري; للجنة → اللجنة when لجنة is the noun)."""
        s, e = self.folded.span_to_original(fs, fe)
        name = self.original[s:e]
        w = s
        while w > 0 and self.original[w - 1].isalpha():
            w -= 1
        if self.original[w:s] in GLUED_ARTICLE:
            return "ال" + name
        if w == s and name.startswith("لل") and len(name.split(maxsplit=1)[0]) > 4:
            stem = bare(self.text[fs:fe].split(maxsplit=1)[0])
            heads = self.words.speaker_heads
            return "ال" + name[1 if "ل" + stem in heads and stem not in heads else 2:]
        return name

    def at(self, pos: int, category: str, pred=None) -> Mention | None:
        """The longest mention of ``category`` starting at folded ``pos``."""
        for m in self.by_start.get(pos, ()):
            if m.category == category and (pred is None or pred(m)):
                return m
        return None

    def is_word(self, tok: Token, cls: str) -> bool:
        return cls in self.words.classes_of.get(tok.text, _NONE)


class Sentence:
    """The tokens of one sentence and the questions the rules ask about them."""

    def __init__(self, doc: ArticleText, span: tuple[int, int], following: tuple[int, int] | None = None):
        self.doc = doc
        self.span = span
        self.following = following  # the next sentence: content announced by a final colon
        self.toks = _time_noun_apart(doc, tokens_of(doc.text, span[0], span[1]))
        self.n = len(self.toks)
        self.starts = [t.start for t in self.toks]
        self.quotes = self._quotes(span)
        self.classes_of = doc.words.classes_of
        self.by_start = doc.by_start

    def _quotes(self, span: tuple[int, int]) -> list[int]:
        """Folded positions of the quotation marks that open and close a quotation here, read on
        the page as written (« and » differ there): a stray mark opens nothing."""
        folded = self.doc.folded
        s, e = folded.span_to_original(*span)
        return [folded.to_folded(pos) for pair in quotations(self.doc.original, s, e) for pos in pair]

    # -- positions -------------------------------------------------------------
    def index_after(self, pos: int) -> int:
        """Index of the first token that starts at or after folded ``pos``."""
        return bisect_left(self.starts, pos)

    def country_named(self, k: int) -> Mention | None:
        """The country or capital named at token ``k`` with no proclitic (موسكو، تركيا), else None."""
        return self.at(k, "country", lambda m: m.value.kind in ("name", "capital") and not m.prefix_len)

    def closing_quote(self, first: int, stop: int) -> int | None:
        """The index of the first quotation mark from token ``first``, before ``stop``, else None."""
        return next((c for c in range(first, min(stop, self.n)) if self.toks[c].text == '"'), None)

    def in_quote(self, pos: int) -> bool:
        """Whether folded ``pos`` lies inside a quotation of this sentence."""
        return bisect_left(self.quotes, pos) % 2 == 1

    def past_time_words(self, k: int) -> int:
        """Index past the time words and brackets at token ``k`` (أمس (السبت))."""
        while k < self.n and (self.toks[k].text in ("(", ")") or self.is_(k, "skip")):
            k += 1
        return k

    def text_of(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < self.n else ""

    def past_percent(self, j: int) -> int:
        """The index past a percent sign or «في المئة» / «بالمئة» at token ``j`` (72 % من أصحاب
        العمل، 45 في المئة من المشاركين), else ``j``."""
        w = self.text_of(j)
        if w == "%" or w.removeprefix("ب") in PERCENT_WORDS:
            return j + 1
        return j + 2 if w == "في" and self.text_of(j + 1) in PERCENT_WORDS else j

    # -- lexicon views -----------------------------------------------------------
    def at(self, i: int, category: str, pred=None) -> Mention | None:
        """The longest mention of ``category`` starting at token ``i``."""
        if 0 <= i < self.n:
            for m in self.by_start.get(self.starts[i], ()):
                if m.category == category and (pred is None or pred(m)):
                    return m
        return None

    def is_(self, i: int, *classes: str) -> bool:
        """Whether token ``i`` is a word of one of ``classes`` (speech_words.tsv)."""
        if not 0 <= i < self.n:
            return False
        found = self.classes_of.get(self.toks[i].text)
        return found is not None and not found.isdisjoint(classes)

    def opens_contrast(self, i: int) -> bool:
        """Whether token ``i`` opens a contrasting clause: a contrast word (إلا، بيد، لكن، بينما)
        or غير right before أن (غير أن، غير أنه; not غير مسبوق)."""
        return self.is_(i, "contrast") or (0 <= i < self.n and self.toks[i].text == "غير" and self.is_(i + 1, "intro"))

    def is_word(self, tok: Token, cls: str) -> bool:
        return cls in self.classes_of.get(tok.text, _NONE)

    def classes(self, tok: Token) -> frozenset[str]:
        """The classes of the word (speech_words.tsv), for a rule that asks about several."""
        return self.classes_of.get(tok.text, _NONE)

    def cue_at(self, i: int) -> Mention | None:
        return self.at(i, "cue")

    # -- word shapes -------------------------------------------------------------
    def definite(self, tok: Token) -> bool:
        """A definite noun or adjective (الخارجية، للكرملين), not a function word (التي) nor a
        name that starts with a hamza (إلسا، ألكسندر fold to ال…)."""
        w = tok.text
        return (len(w) > 3 and w.startswith(("ال", "لل")) and not self.is_word(tok, "any")
                and not self.hamza_start(tok))

    def hamza_start(self, tok: Token) -> bool:
        """Whether the word is written with a hamza on its first alef (إلسا، أليكس)."""
        doc = self.doc
        return doc.original[doc.folded.to_original(tok.start)] in "أإآ"

    def stop(self, tok: Token) -> bool:
        """A token no speaker phrase runs over: a mark, a content opener, a time word, a cue —
        but a report noun after the article or لـ goes on the phrase (عميدة الدراسات الصيفية،
        التقرير الأولي لمسح «كايشن»)."""
        return (not tok.text[0].isalpha() or not self.classes_of.get(tok.text, _NONE).isdisjoint(_STOP_CLASSES)
                or self.doc.at(tok.start, "cue", lambda m: not (
                    m.value["kind"] == "noun" and self.doc.text[tok.start:m.key_start] in ("ال", "ل", "لل"))) is not None)

    def relative_pronoun(self, k: int) -> bool:
        """Whether a relative pronoun (الذي، التي، الذين) stands at token ``k``, not أن or ما."""
        return self.is_(k, "subordinator") and self.toks[k].text.startswith("ال")

    def conjunction(self, tok: Token) -> bool:
        """A word glued to و (and …), unless the lexicon knows it whole (وزارة، وكالة)."""
        return tok.text.startswith("و") and not any(
            m.key_start == tok.start for m in self.doc.by_start.get(tok.start, ()))

    def known(self, tok: Token) -> bool:
        """A word the lexicons give a meaning other than a name (a role, place, cue, function word)."""
        return not self.classes_of.get(tok.text, _NONE).isdisjoint(_KNOWN_CLASSES) or any(
            m.category in _KNOWN_CATEGORIES for m in self.by_start.get(tok.start, ()))

    def family_alias(self, tok: Token) -> bool:
        """Whether the word is known only as a listed person's family name used alone (الشيباني),
        which another man's name may end with (حسن الشيباني)."""
        known = [m for m in self.by_start.get(tok.start, ()) if m.category in _KNOWN_CATEGORIES]
        return self.classes_of.get(tok.text, _NONE).isdisjoint(_KNOWN_CLASSES) and bool(known) and all(
            m.category == "actor" and m.end == tok.end and self.doc.lexicon.actors[m.value].kind == "person"
            for m in known)

    def after_verb_particle(self, i: int) -> bool:
        """Whether token ``i`` follows لم / لن (ولم يتطرق، فلن يقبل): a verb, never a name."""
        return i > 0 and self.toks[i - 1].text.lstrip("وف") in ("لم", "لن")

    def clause_verb_only(self, tok: Token) -> bool:
        """A word the lexicons know only as a verb that speaks where a clause begins (طلب، شكر،
        وعد، بين): inside a name it is a name word (عبدالله طلب، محمد بين)."""
        ms = [m for m in self.by_start.get(tok.start, ()) if m.category in _KNOWN_CATEGORIES]
        return bool(ms) and self.classes_of.get(tok.text, _NONE) <= _CLAUSE_VERB_CLASSES and all(
            m.category == "cue" and not m.prefix_len and m.key in self.doc.words.of("clause_initial_cue") for m in ms)

    def first_name(self, tok: Token) -> bool:
        """A first name: listed, or a compound written as one word (عبدالرحمن، عبدالله)."""
        w = tok.text
        return "first_name" in self.classes_of.get(w, _NONE) or (w.startswith("عبد") and len(w) > 5 and w[3:5] == "ال")

    def starts_name(self, i: int) -> bool:
        """Whether a first name starts at token ``i``: a listed one, or one written in two words
        (عبد الله، عبد الأمير، أبو بكر، أم حسين، عز الدين)."""
        if not 0 <= i < self.n:
            return False
        if self.first_name(self.toks[i]) or self.din_compound(i):
            return True
        if self.toks[i].text == "ام" and i + 1 < self.n and self.first_name(self.toks[i + 1]):
            return True  # أم حسين: a mother named by her son
        return self.toks[i].text in ("عبد", "ابو") and i + 1 < self.n and self.toks[i + 1].text.startswith("ال")

    def din_compound(self, i: int) -> bool:
        """Whether tokens ``i`` and ``i + 1`` are a first name compounded with الدين or الله (عز
        الدين، نور الدين، صلاح الدين، ذبيح الله، نصر الله)."""
        tok, second, after = self.toks[i], self.text_of(i + 1), i + 2
        if second == "الله" and after < self.n and (
                self.written_ending(self.toks[after], "ه") or self.is_word(self.toks[after], "stop")):
            return False  # صلى الله عليه وسلم، طيب الله ثراه: a formula, not a name
        return second in ("الدين", "الله") and tok.text.isalpha() and len(tok.text) > 1 \
            and not self.definite(tok) and not self.is_word(tok, "any") and self.head_kind(tok) is None \
            and (self.first_name(tok) or self.is_word(tok, "word_first_name")
                 or not (self.common_noun(tok) or tok.text[0] in "بفكلو"))
        #   (not رجال الدين، علماء الدين، بقيم الدين، حزب الله)

    def written_ending(self, tok: Token, letter: str) -> bool:
        """Whether the word ends with ``letter`` as written (ة, which folding makes ه)."""
        doc = self.doc
        return doc.original[doc.folded.to_original(tok.end - 1)] == letter

    def common_noun(self, tok: Token) -> bool:
        """A word Arabic writes with the article often enough not to be a name (عامل، ضابط،
        ضرورة; ``common_nouns.tsv``), unless it is a listed first name."""
        common = self.doc.words.of("common")
        return tok.text in common or bare(tok.text) in common

    def head_kind(self, tok: Token) -> str | None:
        """organization / group when the word is the head noun of an unknown speaker (الشرطة، الأطباء)."""
        return self.doc.words.speaker_heads.get(bare(tok.text))

    def prep_then_intro(self, z: int) -> bool:
        """Whether token ``z`` is the إلى / على before an إن / أن (أشار إلى أن، أكد على أن): the
        two open the words said."""
        return self.is_(z, "intro_prep") and z + 1 < self.n and self.is_(z + 1, "intro")

    def opens_content(self, tok: Token) -> bool:
        """A token that may follow a speaker phrase: a mark, a content opener or an adverbial."""
        return tok.text in (",", ":", '"', "-", "(", ";") or any(
            self.is_word(tok, c) for c in ("intro", "intro_say", "adverbial_prep", "skip"))

    def quote_ends_sentence(self, close: int) -> bool:
        """Whether the sentence ends with the quotation closed at token ``close``: what is
        quoted there is what was said, not a name."""
        return close + 1 >= self.n or self.toks[close + 1].text in (".", "!", "?")
