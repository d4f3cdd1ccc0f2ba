"""Every rule of every registry reads the sentences it was written for.

A rule's fixtures (``isnad.rules.Fixture``) are sentences and what must come
of them; here each is read whole and the statement the rule made (a statement
pattern) or whose speaker it read (a speaker phrase) is checked field by field.
"""
from __future__ import annotations

import pytest

from isnad.lexicon import default_lexicon
from isnad.rules import Registry
from isnad.statements import explain
from isnad.statements.patterns import STATEMENT_PATTERNS
from isnad.statements.phrases import SPEAKER_PHRASES
from isnad.statements.speaker import KINDS
from isnad.text import fold_key

LEXICON = default_lexicon()


def cases(registry: Registry, field: str):
    return [pytest.param(rule, fixture, field, id=f"{rule.name}-{n}")
            for rule in registry for n, fixture in enumerate(rule.fixtures)]


def matches(statement: dict, expect: dict) -> bool:
    speaker = statement["speaker"]
    for key, value in expect.items():
        if key == "speaker":
            ok = speaker["kind"] == value if value in KINDS else fold_key(value) in fold_key(speaker["name_ar"])
        elif key == "content":
            ok = fold_key(value) in fold_key(statement["content"])
        else:
            ok = statement[key] == value
        if not ok:
            return False
    return True


def test_every_registry_rule_has_a_fixture_and_a_docstring():
    for registry in (STATEMENT_PATTERNS, SPEAKER_PHRASES):
        for rule in registry:
            assert rule.fixtures, f"{registry.kind} {rule.name} has no fixture"
            assert rule.doc, f"{registry.kind} {rule.name} has no docstring"


@pytest.mark.parametrize("rule, fixture, field",
                         cases(STATEMENT_PATTERNS, "rule") + cases(SPEAKER_PHRASES, "speaker_rule"))
def test_rule_reads_its_fixture(rule, fixture, field):
    statements, trace = explain(fixture.text, LEXICON)
    made = [s for s in statements if s[field] == rule.name]
    if fixture.expect is None:
        assert not made, f"{rule.name} made {[(s['cue'], s['content'][:30]) for s in made]}"
        return
    assert any(matches(s, fixture.expect) for s in made), (
        f"{rule.name}: expected {fixture.expect}; made "
        f"{[(s['speaker']['name_ar'], s['speaker']['kind'], s['cue'], s['content'][:40], s['stance']) for s in made]}; "
        f"all {[(s[field], s['speaker']['name_ar'], s['cue']) for s in statements]}; "
        f"trace {[(e.rule, e.outcome, e.cue, e.detail) for e in trace.entries]}")


def test_explain_says_which_rule_made_or_dropped_each_cue(capsys):
    from isnad.cli import EXIT_OK, main

    text = ("وقال كوامي مينساه المتحدث باسم الحزب إن الانتخابات ستجرى في موعدها، مشيرا إلى أن الحزب "
            "مستعد. وأُعلن أمس عن تشكيل لجنة.")
    assert main(["explain", text]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert any("قال: made by reporting_verb" in line and "كوامي مينساه" in line for line in lines)
    assert any("مشيرا: made by participle_of_the_statement" in line for line in lines)
    assert any("dropped by passive_report" in line for line in lines)
