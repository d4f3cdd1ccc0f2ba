"""The corpus step: connect what the per-page pipeline found across a run.

``CorpusLinker`` receives article signatures and statements page by page and
keeps only compact data (MinHash values, hashed term counts, statement term
sets, short claim texts).  ``finish()`` returns copies, stories, claims,
entities and the updates to apply to statement records.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .claims import ClaimGraph, IdfTable, StatementRef, statement_refs
from .duplicates import NearDuplicates
from .entities import merge_speakers
from .signature import Signature
from .stories import STORY_THRESHOLD, average_link, central_member, centrality, date_range, story_scores

COPY_STATEMENT_MATCH = 0.5  # term Jaccard for a copy's statement to be its canonical's


@dataclass
class CorpusResult:
    """What the corpus step adds to a run's records."""

    duplicates: list[dict] = field(default_factory=list)  # one row per copy
    stories: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    statement_updates: dict[str, dict] = field(default_factory=dict)  # statement id -> fields to set
    article_updates: dict[tuple[str, int], dict] = field(default_factory=dict)  # story_id, copy_of


def _ref(key: tuple[str, int]) -> dict:
    return {"doc_id": key[0], "article_index": key[1]}


class CorpusLinker:
    """Collects signatures and statements; links them at ``finish()``."""

    def __init__(self):
        self.signatures: list[Signature] = []
        self._position: dict[tuple[str, int], int] = {}
        self._place_df: Counter = Counter()
        self._copies = NearDuplicates()
        self._refs: dict[int, list[StatementRef]] = {}
        self._pending: list[StatementRef] = []  # statements not yet tied to an added article

    def add_article(self, signature: Signature) -> None:
        """Add one article's signature (in any order)."""
        i = len(self.signatures)
        self.signatures.append(signature)
        self._position[signature.key] = i
        self._place_df.update(signature.places)
        if signature.minhash is not None:
            self._copies.add(i, signature.minhash)

    def add_statements(self, statements: list[dict]) -> None:
        """Add statement records (typically one page's)."""
        self.add_statement_refs(statement_refs(statements))

    def add_statement_refs(self, refs: list[StatementRef]) -> None:
        """Add statements in their compact form (computed per page, e.g. in workers)."""
        self._pending.extend(refs)

    def _attach_statements(self) -> None:
        for ref in self._pending:
            i = self._position.get(ref.article)
            if i is not None:
                self._refs.setdefault(i, []).append(ref)
        self._pending = [r for r in self._pending if r.article not in self._position]

    def finish(self) -> CorpusResult:
        """Copies, stories, claims, entities and statement updates of the run."""
        self._attach_statements()
        result = CorpusResult()
        canonical_of = self._canonicals(result)
        skipped = self._link_copy_statements(canonical_of, result)
        claims = self._claims(skipped, result)
        self._stories(canonical_of, claims, result)
        self._entities(result)
        return result

    # -- copies ------------------------------------------------------------
    def _canonicals(self, result: CorpusResult) -> dict[int, int]:
        """copy index -> canonical index; the earliest dated member is canonical."""
        canonical_of = {}
        for group in self._copies.groups():
            head = min(group, key=lambda i: (not _full_date(self.signatures[i].published),
                                             self.signatures[i].published or "", i))
            for i in group:
                if i != head:
                    canonical_of[i] = head
                    key, head_key = self.signatures[i].key, self.signatures[head].key
                    result.duplicates.append({**_ref(key), "copy_of": _ref(head_key),
                                              "similarity": round(self._copies.similarity(i, head), 3)})
                    result.article_updates.setdefault(key, {})["copy_of"] = _ref(head_key)
        return canonical_of

    def _link_copy_statements(self, canonical_of: dict[int, int], result: CorpusResult) -> set[str]:
        """Point statements of copies at their canonical statements; their ids."""
        linked = set()
        for copy, head in canonical_of.items():
            originals = self._refs.get(head, [])
            for ref in self._refs.get(copy, []):
                best, best_score = None, COPY_STATEMENT_MATCH
                for orig in originals:
                    if orig.stance != ref.stance or orig.speaker_key != ref.speaker_key:
                        continue
                    score = _jaccard(ref.terms, orig.terms)
                    if score >= best_score:
                        best, best_score = orig, score
                if best is not None:
                    result.statement_updates.setdefault(ref.id, {})["copy_of"] = best.id
                    linked.add(ref.id)
        return linked

    # -- claims ------------------------------------------------------------
    def _claims(self, skipped: set[str], result: CorpusResult) -> list:
        graph = ClaimGraph()
        for i in sorted(self._refs):
            graph.add_article([r for r in self._refs[i] if r.id not in skipped])
        all_terms = np.concatenate([s.terms for s in self.signatures]) if self.signatures else np.zeros(0, np.uint32)
        idf = IdfTable(*np.unique(all_terms, return_counts=True), len(self.signatures))
        claims = [c for c in graph.resolve(idf) if c.responses()]
        published = {s.key: s.published for s in self.signatures}
        for claim in claims:
            record = claim.to_record(published)
            result.claims.append(record)
            for r in claim.responses():
                if r.responds_to is None or (r.responds_to.startswith("claim:") and r.responds_to != claim.claim_id):
                    result.statement_updates.setdefault(r.id, {})["responds_to"] = claim.claim_id
        return claims

    # -- stories -----------------------------------------------------------
    def _stories(self, canonical_of: dict[int, int], claims: list, result: CorpusResult) -> None:
        heads = [i for i in range(len(self.signatures)) if i not in canonical_of]
        row_of = {i: r for r, i in enumerate(heads)}
        claim_pairs = set()
        for claim in claims:
            rows = sorted({row_of[canonical_of.get(self._position[a], self._position[a])]
                           for a in claim.articles() if a in self._position})
            claim_pairs.update((a, b) for k, a in enumerate(rows) for b in rows[k + 1:])
        sigs = [self.signatures[i] for i in heads]
        pairs = story_scores(sigs, self._place_df, claim_pairs)
        labels = average_link(len(sigs), pairs, STORY_THRESHOLD)
        weight = centrality(labels, pairs)
        groups: dict[int, list[int]] = {}
        for row, label in enumerate(labels):
            groups.setdefault(label, []).append(row)
        copies_of: dict[int, list[int]] = {}
        for copy, head in canonical_of.items():
            copies_of.setdefault(head, []).append(copy)
        for rows in sorted(groups.values(), key=lambda g: heads[g[0]]):
            centre = central_member(rows, weight, sigs)
            members = sorted({heads[r] for r in rows} | {c for r in rows for c in copies_of.get(heads[r], ())})
            keys = [self.signatures[m].key for m in members]
            story_id = "story:" + hashlib.blake2b(repr(keys[0]).encode("utf-8"), digest_size=6).hexdigest()
            result.stories.append({
                "story_id": story_id,
                "title": sigs[centre].title,
                "articles": [_ref(k) for k in keys],
                "date_range": date_range(members, self.signatures),
                "size": len(members),
            })
            for k in keys:
                result.article_updates.setdefault(k, {})["story_id"] = story_id

    # -- entities ----------------------------------------------------------
    def _entities(self, result: CorpusResult) -> None:
        speakers = {r.id: r.speaker for refs in self._refs.values() for r in refs}
        assigned, result.entities = merge_speakers(speakers)
        for sid, entity in assigned.items():
            if speakers[sid].get("entity_id") != entity:
                result.statement_updates.setdefault(sid, {})["speaker_entity_id"] = entity


def _full_date(value: str | None) -> bool:
    return bool(value) and not str(value).startswith("--")


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) and not len(b):
        return 1.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)

