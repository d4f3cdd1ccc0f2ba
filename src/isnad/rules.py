"""Named rules in ordered registries, each with the examples it was written for.

The readers are built from small rules, in the manner of spaCy's matcher
patterns: a rule is a function with a name, a docstring that says which
construction it reads, and *fixtures* (sentences and what the rule must
make of them).  A :class:`Registry` keeps its rules in the order they are
tried; ``tests/test_rules.py`` runs every fixture of every registry, so a new
construction is one rule and one fixture.

A :class:`Trace` (off unless asked for: ``isnad explain``) records which rule
made or dropped each candidate, and why.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fixture:
    """An example a rule was written for: ``text`` and what must come of it.

    ``expect`` holds the fields to check (for a statement: ``speaker`` as the
    Arabic name or a kind, ``content`` as its first words, ``stance``, ``cue``),
    or is None where the rule must make nothing of ``text``.
    """

    text: str
    expect: dict[str, Any] | None


@dataclass(frozen=True)
class Rule:
    name: str
    func: Callable[..., Any]
    fixtures: tuple[Fixture, ...]

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().split("\n\n")[0]

    def __call__(self, *args, **kwargs):
        return self.func(*args, **kwargs)


class Registry:
    """Rules in the order they are tried."""

    def __init__(self, kind: str):
        self.kind = kind
        self.rules: list[Rule] = []

    def rule(self, *fixtures: Fixture | tuple[str, dict | None]) -> Callable[[Callable], Rule]:
        """Decorator: add the function as the next rule, named after it."""
        def add(func: Callable) -> Rule:
            made = Rule(func.__name__, func, tuple(f if isinstance(f, Fixture) else Fixture(*f) for f in fixtures))
            if any(r.name == made.name for r in self.rules):
                raise ValueError(f"{self.kind}: two rules named {made.name}")
            self.rules.append(made)
            return made
        return add

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


@dataclass
class TraceEntry:
    rule: str
    outcome: str  # made | dropped
    cue: str
    span: tuple[int, int]
    detail: str = ""


@dataclass
class Trace:
    """What the rules did with each candidate, in reading order."""

    entries: list[TraceEntry] = field(default_factory=list)

    def made(self, rule: str, cue: str, span: tuple[int, int], detail: str = "") -> None:
        self.entries.append(TraceEntry(rule, "made", cue, span, detail))

    def dropped(self, rule: str, cue: str, span: tuple[int, int], detail: str) -> None:
        self.entries.append(TraceEntry(rule, "dropped", cue, span, detail))
