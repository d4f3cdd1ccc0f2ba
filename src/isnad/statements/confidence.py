"""How likely a statement is to be right, in [0, 1].

A logistic model over what made the statement: the statement pattern
(``rule``), how its speaker was found (``speaker_rule``), the speaker's kind,
whether the lexicon knows the speaker, the mode, the stance and the lengths of
the content and of the speaker phrase.  A subject carried over from an earlier
sentence (وأضاف) or a speaker phrase of six words is less often right than a
known person after قال; the weights say by how much.

The weights are data (``statement_confidence.tsv``), learned by
``tools/train_confidence.py`` from the development sets kept in ``tests/``;
that script also reports how well the figures are calibrated on pages left out
of the fit.
"""
from __future__ import annotations

from math import exp

from ..lexicon import Lexicon
from ..text import fold_key
from .words import bare
from .words import words as word_tables

WEIGHTS_FILE = "statement_confidence.tsv"
SHORT_CONTENT = 4  # words: a content this short is often a fragment
LONG_CONTENT = 60  # words: one this long often runs past the statement
LONG_SPEAKER = 5  # words: a speaker phrase this long often took in more than the speaker


def features(record: dict, lexicon: Lexicon) -> list[str]:
    """The features of a ``statements.jsonl`` record (``bias`` always)."""
    speaker = record["speaker"]
    name = fold_key(speaker.get("name_ar") or "").split()
    found = ["bias", f"rule={record['rule']}", f"speaker_rule={record['speaker_rule'] or '-'}",
             f"kind={speaker['kind']}", f"mode={record['mode']}"]
    if speaker.get("entity_id"):
        found.append("known_speaker")
    if record["stance"] != "assert":
        found.append(f"stance={record['stance']}")
    words = len(record["content"].split())
    if words < SHORT_CONTENT:
        found.append("short_content")
    elif words > LONG_CONTENT:
        found.append("long_content")
    if len((speaker.get("name_ar") or "").split()) >= LONG_SPEAKER:
        found.append("long_speaker")
    if record["via"]:
        found.append("via")
    common = word_tables(lexicon).of("common")
    if len(name) == 1 and not speaker.get("entity_id") and bare(name[0]) in common:
        found.append("common_noun_speaker")  # التفاصيل، الزائرين: a noun, rarely a speaker
    if name and name[0][0] in "بلك" and not name[0].startswith("ال") and name[0][1:].removeprefix("ال") in common:
        found.append("glued_speaker")  # للنجاح، بما: a preposition's object, rarely a speaker
    return found


def _weights(lexicon: Lexicon) -> dict[str, float]:
    return {row["feature"]: float(row["weight"]) for row in lexicon.rows(WEIGHTS_FILE)}


def confidence(record: dict, lexicon: Lexicon) -> float:
    """The model's probability that ``record`` is a statement as the guide defines it, with
    the right speaker and content (rounded to three decimals)."""
    weights = lexicon.derived(_weights)
    score = sum(weights.get(f, 0.0) for f in features(record, lexicon))
    return round(1.0 / (1.0 + exp(-score)), 3)
