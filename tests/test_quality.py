"""Quality of a whole run, scored by the project's scorer against hand annotations.

Three development sets, all in the repository (a fresh clone runs this):
- the seed pages (``examples/``, gold ``tests/gold/seeds.jsonl``);
- ``tests/devset``: ten pages written for the project in the style of real outlets;
- ``tests/devreal``: 48 real SaudiNewsNet articles (CC BY-NC-SA 4.0), annotated by
  ``tests/gold/GUIDE.md``.
The rules were written against all three, so these are not held-out figures. The
thresholds are floors a little below today's figures: a change that loses quality
fails here.
"""
import importlib.util
from pathlib import Path

from isnad.cli import EXIT_OK, main

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SCORER = TESTS / "gold" / "score.py"
DEVSET = TESTS / "devset"
DEVREAL = TESTS / "devreal"


def scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def figures(pages: Path, gold: Path, out: Path, *options: str) -> dict:
    assert main(["run", str(pages), "--out", str(out), "--workers", "1", *options]) == EXIT_OK
    score = scorer()
    counts, _ = score.score(score.load_jsonl(gold), out)
    ratio = score.ratio
    return {
        "precision": ratio(counts["tp"], counts["tp"] + counts["fp"]),
        "recall": ratio(counts["tp"], counts["tp"] + counts["fn"]),
        "stance": ratio(counts["stance_ok"], counts["stance_n"]),
        "articles": ratio(counts["articles_ok"], counts["articles_gold"]),
        "leaks": counts["leaks"],
        "dates": ratio(counts["dates_ok"], counts["dates_gold"]),
        "links": ratio(counts["links_found"], counts["links_gold"]),
        "stories": counts.get("story_f1_x1000", 0) / 1000,
    }


def test_seed_pages(tmp_path):
    f = figures(ROOT / "examples", TESTS / "gold" / "seeds.jsonl", tmp_path)
    # Dates: the gold dates seed 003 "--12-05" (a Reuters dateline without its year);
    # ``published`` is always a date or null, so that day is in ``published_partial``
    # and the scorer, which reads ``published``, counts it missed: 1 of 2.
    assert f["articles"] == 1.0 and f["leaks"] == 0 and f["dates"] >= 0.5
    # the seed gold makes a participle that continues a statement part of it, where GUIDE.md
    # (and the reader) make it a statement of its own: those count as false positives here
    assert f["precision"] >= 0.85 and f["recall"] >= 0.95 and f["stance"] >= 0.95
    assert f["links"] >= 0.9 and f["stories"] >= 0.95


def test_development_set(tmp_path):
    f = figures(DEVSET / "pages", DEVSET / "gold.jsonl", tmp_path)
    assert f["articles"] == 1.0 and f["leaks"] == 0 and f["dates"] == 1.0
    assert f["precision"] >= 0.95 and f["recall"] >= 0.90 and f["stance"] >= 0.90
    assert f["links"] >= 0.85 and f["stories"] >= 0.9


def test_real_development_set(tmp_path):
    f = figures(DEVREAL / "pages", DEVREAL / "gold.jsonl", tmp_path, "--no-corpus")
    assert f["precision"] >= 0.93 and f["recall"] >= 0.85 and f["stance"] >= 0.95
    assert f["articles"] >= 0.95


def test_speakers_come_from_the_sentence_not_the_name_list(tmp_path):
    """With every person removed from actors.tsv (``--lexicon-dir``), recall on the real
    development set stays at least 0.85 (the issue asked 0.75): structure, not the name list,
    finds the speakers."""
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    packaged = (ROOT / "src" / "isnad" / "data" / "actors.tsv").read_text(encoding="utf-8").split("\n")
    kept = [line for line in packaged if line.startswith("#") or line.split("\t")[1:2] != ["person"]]
    assert len(kept) < len(packaged) - 300  # the persons are gone
    (lexicon / "actors.tsv").write_text("\n".join(kept), encoding="utf-8")
    f = figures(DEVREAL / "pages", DEVREAL / "gold.jsonl", tmp_path / "out", "--no-corpus",
                "--lexicon-dir", str(lexicon))
    assert f["recall"] >= 0.85 and f["precision"] >= 0.93


def test_confidence_ranks_right_statements_above_wrong_ones():
    """Statements the scorer matches to the gold of the development sets carry a higher
    confidence than those it does not (in-sample: the weights were learned on these sets)."""
    spec = importlib.util.spec_from_file_location("train_confidence", ROOT / "tools" / "train_confidence.py")
    training = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(training)
    rows = training.labelled_statements()
    right = [st["confidence"] for _, st, ok in rows if ok]
    wrong = [st["confidence"] for _, st, ok in rows if not ok]
    assert all(0.0 <= c <= 1.0 for c in right + wrong)
    assert sum(right) / len(right) - sum(wrong) / len(wrong) >= 0.1
    confident = [ok for _, st, ok in rows if st["confidence"] >= 0.9]
    doubtful = [ok for _, st, ok in rows if st["confidence"] < 0.9]
    assert sum(confident) / len(confident) >= 0.95
    assert sum(confident) / len(confident) - sum(doubtful) / len(doubtful) >= 0.04
