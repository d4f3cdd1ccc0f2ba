"""Who a statement is attributed to, and whether a verb form agrees with it."""
from __future__ import annotations

from dataclasses import dataclass, field

from .transliterate import transliterate

KINDS = ("person", "organization", "outlet", "official", "anonymous", "country", "unresolved")
SCRIPTURE = "scripture"  # who speaks in a verse or saying quoted (قال الله تعالى): remembered, never output


@dataclass
class Speaker:
    """Who a statement is attributed to; ``span`` in folded offsets.

    ``name`` is the canonical English name where the lexicon knows the
    speaker, else the Arabic surface (``name_ar``); the record gives such a
    speaker a Latin transliteration.  ``kind`` ``unresolved`` is a dropped
    subject (وأضاف) that no earlier speaker of the article agrees with.
    """

    name: str
    name_ar: str
    kind: str
    span: tuple[int, int]
    country: str | None = None
    role: str | None = None
    entity_id: str | None = None
    gender: str | None = None  # m | f | pl | None (agrees with anything)
    organization: str | None = None
    report: bool = False  # speaks through a report (تقرير بلومبرج)
    via: list[str] = field(default_factory=list)
    role_ar: str | None = None  # the role phrase as written (مدير العلاقات العامة بجمعية البر)
    head: str | None = None  # the bare head noun of an organisation or group (وزاره، شركه)

    def record(self) -> dict:
        return {"name": self.english_name(), "name_ar": self.name_ar,
                "kind": self.kind, "country": self.country, "role": self.role, "role_ar": self.role_ar,
                "entity_id": self.entity_id}

    def english_name(self) -> str:
        """The canonical name where the lexicon gives one; for an unnamed source or official a
        label of what the text says of it (``spokesperson, US State Department, USA``); else the
        Arabic name transliterated."""
        if self.kind == "unresolved":
            return "unresolved speaker"
        if self.entity_id is not None or self.name != self.name_ar:
            return self.name
        if self.kind in ("anonymous", "official"):
            what = self.role or ("group" if self.gender == "pl" else "source")
            parts = [what, self.organization if self.organization and self.organization.isascii() else None,
                     self.country]
            return ", ".join(p for p in parts if p)
        return transliterate(self.name_ar)

    def same_as(self, other: "Speaker") -> bool:
        if self.entity_id or other.entity_id:
            return self.entity_id == other.entity_id
        return self.name_ar == other.name_ar


def unresolved(span: tuple[int, int], gender: str | None) -> Speaker:
    """The speaker of a dropped subject nothing before agrees with: kept, not guessed."""
    return Speaker("", "", "unresolved", span, gender=gender)


def gender_agrees(cue_gender: str, speaker: Speaker) -> bool:
    """Whether a verb form with ``cue_gender`` can have ``speaker`` as its hidden subject."""
    if cue_gender in ("-", "") or speaker.gender is None:
        return True
    if cue_gender == "f":
        return speaker.gender in ("f", "pl") and not (speaker.gender == "pl" and speaker.kind == "person")
    return speaker.gender == cue_gender


def head_gender(folded: str) -> str:
    """Grammatical gender of a folded organisation name from its first word: ة and a plural in
    ات are feminine (الهيئة، قوات الدعم السريع … نفت)."""
    words = folded.split()
    return "f" if words and words[0].endswith(("ه", "ات")) else "m"
