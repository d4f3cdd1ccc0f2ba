#!/usr/bin/env python3
"""Learn the weights of the statement confidence (src/isnad/data/statement_confidence.tsv).

    python3 tools/train_confidence.py [--l2 1.0] [--out FILE]

Reads the development sets kept in the repository (tests/devset and
tests/devreal: pages and their gold) and, when the benchmark corpus is beside
the repository (../shared/corpus/bench), every gold set drawn from it
(tools/gold_sample.py: the held-out tools/calibration and the development sets
tools/devbench*; their pages are rebuilt from the corpus);
runs the statements reader on them,
labels each statement it makes right (the project's scorer matches it to a gold
statement: the evidence inside its content, the same article, the speaker) or
wrong, and fits a logistic regression with an L2 penalty over the features of
:func:`isnad.statements.confidence.features`.

It prints how well the figures are calibrated on pages left out of the fit
(leave one page out): the Brier score against that of one constant rate, the
area under the ROC curve, and the precision of the statements in each band of
confidence, over all pages and over the held-out pages alone.  The rules were
written while looking at the development sets, where far fewer statements are
wrong than on unseen pages: the held-out pages are what teaches the model what
a wrong statement looks like.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from isnad.lexicon import default_lexicon  # noqa: E402
from isnad.model import Page  # noqa: E402
from isnad.pages import segment_step, statements_step  # noqa: E402
from isnad.read import read_inputs  # noqa: E402
from isnad.statements.confidence import features  # noqa: E402

SETS = (ROOT / "tests" / "devset", ROOT / "tests" / "devreal")  # (pages/, gold.jsonl) each
BENCH = ROOT.parent / "shared" / "corpus" / "bench"
HEADER = """\
# Weights of the statement confidence (isnad.statements.confidence): a logistic model whose score
# is the sum of the weights of a statement's features. Learned by tools/train_confidence.py from
# {sets} ({n} statements, {pos} right; L2 penalty {l2}). Columns: feature, weight.
feature\tweight
"""


def _module(name: str, path: Path):
    """A script of the repository imported by its path (the scorer, the gold-set draws)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled_statements(drawn: bool = False) -> list[tuple[str, dict, bool]]:
    """(page, record, right) for every statement the reader makes on the development sets
    and, with ``drawn`` and the benchmark corpus beside the repository, on every gold set drawn
    from it (tools/calibration, tools/devbench …)."""
    scorer = _module("score", ROOT / "tests" / "gold" / "score.py")
    out = []
    for folder in SETS:
        out.extend(_labelled(scorer, folder.name, folder / "pages", folder / "gold.jsonl"))
    if drawn and BENCH.is_dir():
        gold_sample = _module("gold_sample", ROOT / "tools" / "gold_sample.py")
        for name, spec in gold_sample.GOLD_SETS.items():
            gold_file = spec.manifest.parent / "gold.jsonl"
            if not gold_file.exists():
                continue  # a set drawn and not annotated yet
            with tempfile.TemporaryDirectory() as pages:
                gold_sample.write_pages(spec, BENCH, Path(pages))
                out.extend(_labelled(scorer, name, Path(pages), gold_file))
    return out


def _labelled(sc, name: str, pages: Path, gold_file: Path) -> list[tuple[str, dict, bool]]:
    lexicon = default_lexicon()
    gold = {g["doc"]: g for g in sc.load_jsonl(gold_file)}
    out = []
    for page in read_inputs([str(pages)]):
        if not isinstance(page, Page) or Path(page.doc_id).name not in gold:
            continue
        segment_step(page, lexicon)
        statements_step(page, lexicon)
        g = gold[Path(page.doc_id).name]
        articles = [a.to_record(page.text) for a in page.articles]
        right = _matched(sc, g, articles, page.statements)
        out.extend((f"{name}/{g['doc']}", st, i in right) for i, st in enumerate(page.statements))
    return out


def _matched(sc, gold: dict, articles: list[dict], preds: list[dict]) -> set[int]:
    """Indices of ``preds`` the scorer matches to a gold statement (greedy, as it scores)."""
    used: set[int] = set()
    for gs in gold["statements"]:
        evidence = sc.fold(gs["evidence"])
        article = sc.article_of(gold, articles, gs["article"])
        for i, ps in enumerate(preds):
            if i in used or evidence not in sc.fold(ps.get("content") or ""):
                continue
            if article is not None and ps["article_index"] != article["article_index"]:
                continue
            if sc.speaker_matches(gs, ps["speaker"], gold.get("aliases", {})):
                used.add(i)
                break
    return used


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> np.ndarray:
    """Weights of an L2-penalised logistic regression (Newton's method; the bias, column 0,
    is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_for_unseen(x: np.ndarray, y: np.ndarray, held_out: np.ndarray, l2: float) -> np.ndarray:
    """Weights from every statement, with the bias then moved so that the mean confidence on the
    held-out pages equals the share of them that is right: the development sets, where the rules
    were tuned, are right more often than unseen pages."""
    w = fit(x, y, l2)
    if held_out.any():
        z = x[held_out] @ w
        target = y[held_out].mean()
        low, high = -10.0, 10.0
        for _ in range(60):  # bisection on the shift of the bias
            mid = (low + high) / 2
            if np.mean(1.0 / (1.0 + np.exp(-(z + mid)))) > target:
                high = mid
            else:
                low = mid
        w[0] += (low + high) / 2
    return w


def _auc(p: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(1, len(p) + 1)
    positives = y.sum()
    negatives = len(y) - positives
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def report(pages: list[str], x: np.ndarray, y: np.ndarray, l2: float) -> None:
    """Calibration on pages left out of the fit, one page at a time: over all pages, then over
    the held-out pages alone."""
    calibration = np.array([p.startswith("calibration/") for p in pages])
    held = np.zeros(len(y))
    for page in sorted(set(pages)):
        out = np.array([p == page for p in pages])
        w = fit_for_unseen(x[~out], y[~out], calibration[~out], l2)
        held[out] = 1.0 / (1.0 + np.exp(-x[out] @ w))
    _figures("all pages", held, y)
    if calibration.any():
        _figures("held-out pages (tools/calibration)", held[calibration], y[calibration])


def _figures(label: str, held: np.ndarray, y: np.ndarray) -> None:
    print(f"{label}:")
    brier = float(np.mean((held - y) ** 2))
    rate = float(y.mean())
    print(f"  statements {len(y)}, right {int(y.sum())} ({rate:.3f})")
    print(f"  leave-one-page-out: Brier {brier:.4f} (one constant rate: {float(np.mean((rate - y) ** 2)):.4f}), "
          f"AUC {_auc(held, y):.3f}")
    for low, high in ((0.0, 0.7), (0.7, 0.85), (0.85, 0.95), (0.95, 1.01)):
        band = (held >= low) & (held < high)
        if band.any():
            print(f"  confidence {low:.2f}-{min(high, 1.0):.2f}: {int(band.sum()):4d} statements, "
                  f"mean {held[band].mean():.3f}, right {y[band].mean():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "isnad" / "data" / "statement_confidence.tsv")
    args = parser.parse_args()
    rows = labelled_statements(drawn=True)
    lexicon = default_lexicon()
    names = sorted({f for _, record, _ in rows for f in features(record, lexicon)} - {"bias"})
    index = {name: k for k, name in enumerate(["bias", *names])}
    x = np.zeros((len(rows), len(index)))
    for r, (_, record, _) in enumerate(rows):
        for f in features(record, lexicon):
            x[r, index[f]] = 1.0
    y = np.array([float(right) for _, _, right in rows])
    pages = [page for page, _, _ in rows]
    report(pages, x, y, args.l2)
    w = fit_for_unseen(x, y, np.array([p.startswith("calibration/") for p in pages]), args.l2)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(n=len(y), pos=int(y.sum()), l2=args.l2,
                              sets="the development sets in tests/ and tools/devbench*, and the held-out set of "
                              "tools/calibration" if any(p.startswith("calibration/") for p in pages)
                              else "the development sets in tests/"))
        for name, k in sorted(index.items(), key=lambda item: item[1]):
            f.write(f"{name}\t{w[k]:.4f}\n")
    print(f"wrote {len(index)} weights to {args.out}")


if __name__ == "__main__":
    main()
