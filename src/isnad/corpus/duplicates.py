"""Near-duplicate articles: MinHash/LSH over three-word shingles of folded text.

Copies of one wire story (re-boilerplated, a sentence dropped, a few words
or the outlet line changed) share most shingles.  LSH over the datasketch
MinHash values proposes candidates (42 bands of 3 rows, found by sorting band
keys, so the index costs no more than the signatures); a pair is a copy when
the estimated Jaccard similarity of the two shingle sets reaches
``COPY_THRESHOLD``.

Threshold measured with ``bench/make_dup_corpus.py`` on the SaudiNewsNet
benchmark (5,245 articles as pages with boilerplate, 300 of them copied 1-3
times with other boilerplate and light edits; whole page text as the
article, the worst case).  Estimated Jaccard of true copy pairs: 1st
percentile 0.42-0.47, 5th 0.55-0.62, median 0.88 (seeds 7 and 11); a copy
and an unrelated article reach 0.25 at most; rewrites of one event by two
outlets (a wire text with a new lead) reach 0.42-0.52.  At 0.5: precision
1.000, recall 0.985-0.996 (0.4: precision 0.999; 0.6: recall 0.968).  On
the articles that ``isnad run`` segments from those pages: precision 1.000,
recall 0.992-0.995.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .signature import NUM_PERM

COPY_THRESHOLD = 0.5
BAND_ROWS = 3  # 42 bands of 3 rows: a pair at Jaccard 0.5 is a candidate with p = 0.996, at 0.4 p = 0.93
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_RUN_ALL_PAIRS = 24  # longer runs of one band key are chained instead of paired all with all


class NearDuplicates:
    """Copy detection over MinHash signatures (indices are ints).

    ``add`` copies the values into one growing matrix (no object per
    article); ``groups`` bands them (LSH: equal band keys make candidate
    pairs, found by sorting), checks each candidate pair's estimated Jaccard
    and joins copies.
    """

    def __init__(self, threshold: float = COPY_THRESHOLD):
        self.threshold = threshold
        self._indices = np.zeros(1024, np.int64)
        self._values = np.zeros((1024, NUM_PERM), np.uint32)
        self._count = 0
        self._row: dict[int, int] = {}

    def add(self, index: int, values: np.ndarray) -> None:
        """Add one article's MinHash values (uint32[NUM_PERM])."""
        if self._count == len(self._indices):
            self._indices = np.concatenate([self._indices, np.zeros_like(self._indices)])
            self._values = np.concatenate([self._values, np.zeros_like(self._values)])
        self._indices[self._count] = index
        self._values[self._count] = values
        self._row[index] = self._count
        self._count += 1

    def similarity(self, a: int, b: int) -> float:
        """Estimated Jaccard similarity of two added articles."""
        return float(self.similarities([a], [b])[0])

    def similarities(self, a: list[int], b: list[int]) -> np.ndarray:
        """Estimated Jaccard similarity of each pair ``a[k]``, ``b[k]`` of added articles."""
        rows_a, rows_b = [self._row[i] for i in a], [self._row[i] for i in b]
        return (self._values[rows_a] == self._values[rows_b]).mean(axis=1)

    def _stacked(self) -> tuple[np.ndarray, np.ndarray]:
        """Article indices and their MinHash values, one row each."""
        return self._indices[:self._count], self._values[:self._count]

    @staticmethod
    def candidate_pairs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row pairs (a, b) of ``values`` that share at least one LSH band, a < b, in order."""
        n, first, second = len(values), [], []
        keys = band_keys(values)
        orders = np.argsort(keys, axis=0, kind="stable")
        for band in range(keys.shape[1]):
            order = orders[:, band]
            sorted_key = keys[order, band]
            same = np.flatnonzero(sorted_key[1:] == sorted_key[:-1])
            if not len(same):
                continue
            # consecutive members of a run, plus all pairs within short runs
            first.append(order[same])
            second.append(order[same + 1])
            edges = np.diff(np.concatenate(([0], (sorted_key[1:] == sorted_key[:-1]).astype(np.int8), [0])))
            starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
            sizes = ends - starts + 1  # members of each run
            short = (sizes >= 3) & (sizes <= _RUN_ALL_PAIRS)
            for size in np.unique(sizes[short]).tolist():  # the runs of one size at once
                members = order[starts[short & (sizes == size)][:, None] + np.arange(size)]
                a, b = np.triu_indices(size, k=2)
                first.append(members[:, a].ravel())
                second.append(members[:, b].ravel())
        if not first:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        a, b = np.concatenate(first), np.concatenate(second)
        pairs = np.unique(np.minimum(a, b) * n + np.maximum(a, b))
        return pairs // n, pairs % n

    def groups(self) -> list[list[int]]:
        """Groups of two or more articles that are copies of each other.

        Articles with identical MinHash values (exact copies, common for wire
        stories) are one row in the LSH step; copies are joined as the
        connected components of the pairs that reach the threshold.
        """
        keys, values = self._stacked()
        if len(keys) < 2:
            return []
        distinct, row_of = distinct_rows(values)
        a, b = self.candidate_pairs(distinct)
        similar = np.empty(len(a), dtype=bool)
        for start in range(0, len(a), 65536):
            sl = slice(start, start + 65536)
            similar[sl] = (distinct[a[sl]] == distinct[b[sl]]).mean(axis=1) >= self.threshold
        n = len(keys)
        # edges: each article to the first article of its distinct row, and between similar rows
        _, first_of_row = np.unique(row_of, return_index=True)
        edges_a = np.concatenate([np.arange(n), first_of_row[a[similar]]])
        edges_b = np.concatenate([first_of_row[row_of], first_of_row[b[similar]]])
        graph = sparse.coo_matrix((np.ones(len(edges_a), np.int8), (edges_a, edges_b)), shape=(n, n))
        _, label = connected_components(graph, directed=False)
        sizes = np.bincount(label)
        grouped = np.flatnonzero(sizes[label] > 1)
        by_label: dict[int, list[int]] = {}
        for i in grouped[np.argsort(label[grouped], kind="stable")].tolist():
            by_label.setdefault(int(label[i]), []).append(int(keys[i]))
        return sorted(sorted(g) for g in by_label.values())


def band_keys(values: np.ndarray) -> np.ndarray:
    """One key per row and LSH band (``BAND_ROWS`` values each; the last values
    that fill no band are left out)."""
    bands = values.shape[1] // BAND_ROWS
    rows = values[:, :bands * BAND_ROWS].reshape(len(values), bands, BAND_ROWS).astype(np.uint64)
    return (rows * _BAND_MIX[:BAND_ROWS]).sum(axis=2, dtype=np.uint64)


def distinct_rows(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, axis=0, return_inverse=True)`` for rows of uint32,
    faster: each row as one string of big-endian bytes, whose byte order is
    the rows' order."""
    big_endian = np.ascontiguousarray(values, dtype=">u4")
    as_bytes = big_endian.view(np.dtype((np.void, 4 * values.shape[1]))).ravel()
    _, first, row_of = np.unique(as_bytes, return_index=True, return_inverse=True)
    return values[first], row_of.ravel()
