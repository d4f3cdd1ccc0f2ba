"""The word tables the statements reader reads, derived once from a lexicon.

``speech_words.tsv`` sorts function words into classes (``intro``: إن / أن,
``skip``: أمس / اليوم, ``subordinator``: الذي / بعد أن …); stopwords, first
names, the head nouns of unknown speakers and the Arabic phrases of roles
held for a time are added here, all folded.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon, Role
from ..text import fold_key

CONTENT_CLASSES = ("role_adjective", "eponym", "source_noun", "claim", "shared_office", "scripture_speaker", "speech_opener", "not_name", "hypothetical_speaker", "addressee", "contact", "passive_with_ba", "object_noun", "informs", "named_place", "collective", "occasion", "named_subject", "also_preposition", "goes_on", "allegiance", "speech_object", "masculine_country", "report_adjective", "following", "someone", "represents", "counterpart", "calls_on", "person_noun", "initial", "quantity_adjective", "own_identity", "as_said", "person_object")  # content words: not in the function-word class ``any``


def bare(word: str) -> str:
    """A folded word without its article (الشرطة، والشرطة، للشرطة → شرطه)."""
    for article in ("وال", "فال", "بال", "ال", "لل"):
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article):]
    return word


@dataclass(frozen=True, eq=False)
class Words:
    classes: dict[str, frozenset[str]]  # class -> folded words (see speech_words.tsv), plus stop / any /
    # first_name / common (nouns that take the article, common_nouns.tsv: not names)
    first_name_gender: dict[str, str]  # folded first name -> m / f
    speaker_heads: dict[str, str]  # bare folded head noun -> organization / group
    group_labels: dict[str, str]  # bare folded head noun of a group -> its English name (خبراء: experts)
    roles_by_phrase: dict[str, tuple[Role, ...]]  # folded role phrase -> roles held for a time, of offices
    # one person holds at a time (not of a shared_office: السيناتور، نائب وزير)
    declined_objects: frozenset[str]  # التعليق، الإفصاح …: what رفض refuses when it declines to comment
    cue_needs: dict[str, tuple[tuple[str, ...], ...]]  # a cue's ``needs`` as written -> its folded
    # alternatives, each a tuple of words (عن، إلى، بأن، شكره …)
    cue_lemmas: dict[str, str]  # a cue's lemma as written -> folded

    def of(self, cls: str) -> frozenset[str]:
        return self.classes.get(cls, frozenset())

    def needs_of(self, cue_row: dict) -> tuple[tuple[str, ...], ...]:
        """The folded alternatives of what a cue needs after it (``needs`` of ``cues.tsv``), or ()."""
        return self.cue_needs.get(cue_row.get("needs") or "", ())

    def lemma_is(self, cue_row: dict, cls: str) -> bool:
        """Whether a cue's lemma is a word of ``cls`` (saying, informs, passive_with_ba …)."""
        return self.cue_lemmas.get(cue_row["lemma"], "") in self.of(cls)

    @cached_property
    def classes_of(self) -> dict[str, frozenset[str]]:
        """Folded word -> the classes it belongs to (one lookup answers every class question)."""
        out: dict[str, set[str]] = {}
        for cls, members in self.classes.items():
            for word in members:
                out.setdefault(word, set()).add(cls)
        return {w: frozenset(c) for w, c in out.items()}


def _build(lexicon: Lexicon) -> Words:
    classes: dict[str, set[str]] = {}
    for row in lexicon.rows("speech_words.tsv"):
        key = fold_key(row["word"])
        if " " not in key:
            classes.setdefault(row["class"], set()).add(key)
    classes["stop"] = {fold_key(row["word"]) for row in lexicon.rows("stopwords_ar.tsv")}
    classes["any"] = set().union(*(v for k, v in classes.items() if k not in CONTENT_CLASSES))
    names = lexicon.rows("first_names.tsv")
    genders = {fold_key(row["name"]): row["gender"] for row in names}
    classes["word_first_name"] = {fold_key(row["name"]) for row in names if row.get("also_word") == "yes"}
    classes["any_first_name"] = set(genders)
    classes["first_name"] = classes["any_first_name"] - classes["any"] - classes["word_first_name"]  # علي is also على
    classes["common"] = {row["word"] for row in lexicon.rows("common_nouns.tsv")} \
        - (classes["any_first_name"] - classes["word_first_name"])  # سليم is both
    shared = tuple(fold_key(row["word"]) + " " for row in lexicon.rows("speech_words.tsv")
                   if row["class"] == "shared_office")
    roles_by_phrase: dict[str, list[Role]] = {}
    for held in lexicon.roles.values():
        for role in held:
            phrase = fold_key(role.role_ar)
            if not (phrase + " ").startswith(shared):  # السيناتور الأمريكي names no one senator
                roles_by_phrase.setdefault(phrase, []).append(role)
    declined = set()
    for row in lexicon.rows("cues.tsv"):
        if row["stance"] == "decline_comment" and " " in row["form"].strip():
            word = fold_key(row["form"]).split(" ")[-1]
            declined.update((word, "ال" + word) if not word.startswith("ال") else (word, word[2:]))
    return Words(
        classes={k: frozenset(v) for k, v in classes.items()},
        first_name_gender=genders,
        speaker_heads={bare(fold_key(row["form"])): row["kind"] for row in lexicon.rows("speaker_heads.tsv")},
        group_labels={bare(fold_key(row["form"])): row["label"] for row in lexicon.rows("speaker_heads.tsv")
                      if row.get("label")},
        roles_by_phrase={k: tuple(v) for k, v in roles_by_phrase.items()},
        declined_objects=frozenset(declined),
        cue_needs={row["needs"]: tuple(tuple(fold_key(w).split()) for w in row["needs"].split("|"))
                   for row in lexicon.rows("cues.tsv") if row.get("needs")},
        cue_lemmas={row["lemma"]: fold_key(row["lemma"]) for row in lexicon.rows("cues.tsv")},
    )


def words(lexicon: Lexicon) -> Words:
    """The word tables of ``lexicon``, built once."""
    return lexicon.derived(_build)
