"""A statement while it is being read, in folded offsets."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..mentions import Mention
from .speaker import Speaker


@dataclass
class Draft:
    """A statement being built; spans in folded offsets.  ``rule`` names the statement
    pattern that made it and ``speaker_rule`` how its speaker was found."""

    speaker: Speaker
    cue: Mention
    content: tuple[int, int]
    sentence: tuple[int, int]
    attribution_start: int  # start of the text that may hold the date
    via: list[str] = field(default_factory=list)
    date: str | None = None
    response_phrase: tuple[int, int] | None = None  # تعقيبا على <claim>
    stance: str = "assert"
    responds_to: str | None = None
    denied_claim: dict | None = None
    id: str = ""
    rule: str = ""
    speaker_rule: str = ""
    nested: bool = False  # a report inside another statement's content: it does not end that statement


@dataclass(frozen=True)
class Dropped:
    """A cue a pattern recognised and refused to make a statement of, with the reason."""

    reason: str
