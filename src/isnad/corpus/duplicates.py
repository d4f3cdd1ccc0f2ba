"""Near-duplicate articles: MinHash/LSH over three-word shingles of folded text.

Copies of one wire story (re-boilerplated, a sentence dropped, a few words
or the outlet line changed) share most shingles.  LSH (datasketch) proposes
candidates at a lower threshold; a pair is a copy when the estimated Jaccard
similarity of the two shingle sets reaches ``COPY_THRESHOLD``.

Threshold measured with ``bench/make_dup_corpus.py`` on the SaudiNewsNet
benchmark (300 articles, 600 made copies): estimated Jaccard of true copy
pairs has 1st percentile 0.66 (median 0.86), the most similar non-copy pairs
of different wire stories stay below 0.40; 0.5 sits between.
"""
from __future__ import annotations

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from .signature import NUM_PERM

COPY_THRESHOLD = 0.5
LSH_THRESHOLD = 0.4


class NearDuplicates:
    """Incremental copy detection over MinHash signatures (indices are ints)."""

    def __init__(self, threshold: float = COPY_THRESHOLD, lsh_threshold: float = LSH_THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM)
        self._values: dict[int, np.ndarray] = {}
        self._parent: dict[int, int] = {}

    def add(self, index: int, values: np.ndarray) -> None:
        """Add one article's MinHash values and link it to copies already seen."""
        lean = LeanMinHash(seed=1, hashvalues=values, scheme="affine32")
        for other in self._lsh.query(lean):
            if float(np.mean(self._values[other] == values)) >= self.threshold:
                self._union(index, other)
        self._lsh.insert(index, lean, check_duplication=False)
        self._values[index] = values

    def similarity(self, a: int, b: int) -> float:
        """Estimated Jaccard similarity of two added articles."""
        return float(np.mean(self._values[a] == self._values[b]))

    def groups(self) -> list[list[int]]:
        """Groups of two or more articles that are copies of each other."""
        by_root: dict[int, list[int]] = {}
        for i in self._parent:
            by_root.setdefault(self._find(i), []).append(i)
        return [sorted(g) for g in by_root.values() if len(g) > 1]

    def _find(self, i: int) -> int:
        root = i
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while self._parent.get(i, i) != root:
            self._parent[i], i = root, self._parent[i]
        return root

    def _union(self, a: int, b: int) -> None:
        self._parent.setdefault(a, a)
        self._parent.setdefault(b, b)
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)
