"""A Latin transliteration of an Arabic name, for speakers the lexicon does not know.

Common name words take their usual English spelling (``name_spellings.tsv``:
سعيد → Saeed); other words are written letter by letter, long vowels as
vowels and the article as ``al-`` (غروشكو → Gharushku, الطويرقي → al-Tawirqi).
Short vowels are not written in Arabic, so a rare name comes out without
them: the aim is a name a reader who does not read Arabic can recognise
and search, not a standard romanisation.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "",
    "ؤ": "u", "ئ": "i", "پ": "p", "چ": "ch", "ژ": "zh", "ڤ": "v", "گ": "g",
}
_ALEFS = "اأإآٱ"
_PUNCT = {"«": "", "»": "", '"': "", "“": "", "”": "", "،": ",", "(": "(", ")": ")", "-": "-", "/": "/"}


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    from ..text import fold_key
    out = {}
    with resources.files("isnad.data").joinpath("name_spellings.tsv").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip() or line.startswith("word\t"):
                continue
            word, latin = line.rstrip("\n").split("\t")
            out[fold_key(word)] = latin
    return out


def _letters(word: str) -> str:
    """One word letter by letter: و / ي are vowels between consonants, consonants elsewhere;
    an unwritten vowel is supplied as ``a`` between the first two consonants (حميد → Hamid)."""
    out: list[tuple[str, bool]] = []  # (latin, is a vowel)
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if ch in _ALEFS:
            out.append(("i" if ch == "إ" else "a", True))
        elif ch in "وي" and i == 1 and before in _ALEFS and after and after not in _ALEFS:
            out[-1] = ("u" if ch == "و" else "i", True)  # أوشاكوف → Ushakuf, إيفانوف → Ivanuf
        elif ch in "وي":
            at_edge = not before or before in _ALEFS or after in _ALEFS or (after and after in "وي")
            if at_edge and (not before or after):
                out.append(("w" if ch == "و" else "y", False))
            else:
                out.append(("u" if ch == "و" else "i", True))
        elif ch in "ىة":
            out.append(("a", True))
        elif ch == "ع":
            out.append(("a" if not before else "'", not before))
        else:
            latin = _CONSONANTS.get(ch, ch if ch.isascii() else "")
            if latin:
                out.append((latin, False))
    if len(out) > 2 and not out[0][1] and not out[1][1]:
        out.insert(1, ("a", True))
    return "".join(latin for latin, _ in out).replace("'", "")


def _word(word: str) -> str:
    from ..text import fold_key
    spelled = _spellings().get(fold_key(word))
    if spelled:
        return spelled
    if word in _PUNCT:
        return _PUNCT[word]
    if word.startswith("عبدال") and len(word) > 6:  # عبدالمحسن → Abdulmohsen
        return "Abdul" + _bare(word[5:]).lower()
    if word.endswith("الله") and len(word) > 5:  # عطاالله → Attallah
        return _capital(_bare(word[:-4])) + "allah"
    if word.startswith("ال") and len(word) > 3:
        return "al-" + _bare(word[2:])
    return _bare(word)


def _bare(word: str) -> str:
    """A word without its article, capitalised: the listed spelling or its letters."""
    from ..text import fold_key
    return _capital(_spellings().get(fold_key(word)) or _letters(word))


def _capital(latin: str) -> str:
    return latin[:1].upper() + latin[1:]


def _words(words: list[str]) -> list[str]:
    """The Latin words of a name: two words listed together (عبد الله، خلف الله) first, then
    عبد before a word with the article (عبد العزيز → Abdulaziz), then one word at a time."""
    from ..text import fold_key
    out, i = [], 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else None
        if pair and fold_key(pair) in _spellings():
            out.append(_spellings()[fold_key(pair)])
            i += 2
        elif pair and words[i] == "عبد" and words[i + 1].startswith("ال") and len(words[i + 1]) > 3:
            out.append(_word("عبد" + words[i + 1]))
            i += 2
        else:
            out.append(_word(words[i]))
            i += 1
    return [w for w in out if w]


@lru_cache(maxsize=8192)  # a speaker's name comes back with each of its statements
def transliterate(arabic: str) -> str:
    """A Latin spelling of the Arabic name ``arabic`` (other scripts are kept as written)."""
    text = _DIACRITICS.sub("", unicodedata.normalize("NFKC", arabic))
    words = re.findall(r"[\u0600-\u06ff]+|[^\s\u0600-\u06ff]+", text)
    out = re.sub(r"\s+([,)])", r"\1", " ".join(_words(words))).strip()
    return _capital(out)
