"""Every trigger pattern reads the sentences it was written for.

A pattern's fixtures (``isnad.rules.Fixture``) are sentences and what must come of them.
Each is read whole by :func:`isnad.events.explain`, and:
- with ``expect`` None, the pattern must have acted on the sentence (made or dropped a
  reading, as the trace shows) and no event of the sentence comes from it;
- with ``expect``, some event of the sentence has those fields (made by the pattern when it
  made any): ``event_type``, ``mode``, ``status``, ``trigger`` (its first words), and
  ``actor`` / ``recipient`` as an ISO code (a country of one of its participants) or Arabic
  words of one of their names.
"""
from __future__ import annotations

import pytest

from isnad.events import TRIGGER_PATTERNS, explain
from isnad.lexicon import default_lexicon
from isnad.text import fold_key

LEXICON = default_lexicon()


def _has(parties: list[dict], value: str) -> bool:
    if len(value) == 3 and value.isupper():
        return any(p["country"] == value for p in parties)
    return any(fold_key(value) in fold_key(p["name_ar"]) for p in parties)


def matches(event: dict, expect: dict) -> bool:
    for key, value in expect.items():
        if key == "actor":
            ok = _has(event["actors"], value)
        elif key == "recipient":
            ok = _has(event["recipients"], value)
        elif key == "trigger":
            ok = fold_key(event["trigger"]).startswith(fold_key(value))
        else:
            ok = event[key] == value
        if not ok:
            return False
    return True


def cases():
    return [pytest.param(rule, fixture, id=f"{rule.name}-{n}")
            for rule in TRIGGER_PATTERNS for n, fixture in enumerate(rule.fixtures)]


def test_every_trigger_pattern_has_a_fixture_and_a_docstring():
    for rule in TRIGGER_PATTERNS:
        assert rule.fixtures, f"{rule.name} has no fixture"
        assert rule.doc, f"{rule.name} has no docstring"


@pytest.mark.parametrize("rule, fixture", cases())
def test_trigger_pattern_reads_its_fixture(rule, fixture):
    events, trace = explain(fixture.text, LEXICON)
    acted = [e for e in trace.entries if e.rule == rule.name]
    summary = [(e["event_type"], e["trigger"], e["rule"], e["status"], [(a["name_ar"], a["country"]) for a in e["actors"]],
                [(a["name_ar"], a["country"]) for a in e["recipients"]]) for e in events]
    steps = [(e.rule, e.outcome, e.cue, e.detail) for e in trace.entries]
    if fixture.expect is None:
        assert acted, f"{rule.name} did not act; events {summary}; trace {steps}"
        assert not any(e["rule"] == rule.name for e in events), f"{rule.name} made {summary}"
        return
    made = any(e.outcome == "made" for e in acted)  # a pattern that makes frames must make this one
    assert any(matches(e, fixture.expect) and (e["rule"] == rule.name or not made) for e in events), (
        f"{rule.name}: expected {fixture.expect}; events {summary}; trace {steps}")
