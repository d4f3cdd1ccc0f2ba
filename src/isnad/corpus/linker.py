"""The corpus step: connect what the per-page pipeline found across a run.

:func:`link` reads what the workers staged in three streaming passes and
keeps only compact data, so that copies of one wire story cost almost
nothing:

1. the MinHash values of every article: copy groups (the earliest dated
   member is canonical), then the values are dropped;
2. signatures: canonical articles keep theirs (hashed term counts, actors,
   places); a copy keeps only its dates;
3. statements: those of canonical articles are kept; a copy's statement is
   matched to its canonical article's statements when both are known and
   then dropped, unless it matches none.

Claims, stories and entities are then built over the canonical articles and
the copies' unmatched statements.  Articles are numbered in the order the
signatures come (the staged row order), statements likewise.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from .claims import Claim, ClaimGraph, IdfTable, StatementRef
from .duplicates import NearDuplicates
from .entities import merge_speakers
from .features import statement_refs
from .signature import Signature
from .stories import (STORY_THRESHOLD, STORY_WINDOW_DAYS, Vocabulary, average_link, central_member, centrality,
                      date_range, day_numbers, story_scores, vocabulary)

COPY_STATEMENT_MATCH = 0.5  # term Jaccard for a copy's statement to be its canonical's


@dataclass(slots=True)
class _Matched:
    """All that is kept of a copy's statement that matched its canonical one."""

    id: str
    row: int
    entity_id: str | None  # its speaker's lexicon id
    canonical: str  # the canonical statement's id
    canonical_entity: str | None = None  # the entity the corpus step gives the canonical statement


@dataclass
class CorpusResult:
    """What the corpus step adds to a run's records, kept compact: copies and
    story membership by article number, fields of copied statements by row."""

    keys: list[tuple[str, int]] = field(default_factory=list)  # article number -> (doc_id, article_index)
    canonical_of: dict[int, int] = field(default_factory=dict)  # copy -> canonical article number
    similarity: dict[int, float] = field(default_factory=dict)  # copy -> estimated Jaccard with its canonical
    story_of: dict[int, str] = field(default_factory=dict)  # article number -> story id
    stories: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    kept_updates: dict[str, dict] = field(default_factory=dict)  # id of a kept statement -> fields to set
    kept_rows: dict[str, set[int]] = field(default_factory=dict)  # ... and its row numbers
    matched: list[_Matched] = field(default_factory=list)  # copies' statements (copy_of, speaker_entity_id)

    def update_statement(self, ref: StatementRef, **fields) -> None:
        self.kept_updates.setdefault(ref.id, {}).update(fields)
        self.kept_rows.setdefault(ref.id, set()).add(ref.row)

    def duplicate_rows(self) -> Iterator[dict]:
        """``duplicates.jsonl`` rows: one per copy."""
        for i, head in sorted(self.canonical_of.items()):
            yield {**_ref(self.keys[i]), "copy_of": _ref(self.keys[head]), "similarity": self.similarity[i]}

    @property
    def duplicates(self) -> list[dict]:
        return list(self.duplicate_rows())

    def article_fields(self, i: int) -> dict:
        """``story_id`` and ``copy_of`` of article number ``i``."""
        head = self.canonical_of.get(i)
        return {"story_id": self.story_of.get(i), "copy_of": _ref(self.keys[head]) if head is not None else None}

    def article_rows(self) -> "_ArticleFields":
        """Article number (its row) -> :meth:`article_fields`, computed when asked."""
        return _ArticleFields(self)

    def statement_fields(self) -> dict[int, dict]:
        """Row number -> fields, for every statement the corpus step changes."""
        fields = {row: self.kept_updates[sid] for sid, rows in self.kept_rows.items() for row in rows}
        for m in self.matched:
            fields[m.row] = _copy_fields(m)
        return fields

    @property
    def statement_updates(self) -> dict[str, dict]:
        """Statement id -> fields to set (all statements, copies included)."""
        updates = {sid: dict(fields) for sid, fields in self.kept_updates.items()}
        for m in self.matched:
            updates.setdefault(m.id, {}).update(_copy_fields(m))
        return updates


class _ArticleFields(Mapping):
    """Row number -> ``story_id`` and ``copy_of`` of every article of a result."""

    def __init__(self, result: CorpusResult):
        self.result = result

    def __getitem__(self, row: int) -> dict:
        if not 0 <= row < len(self.result.keys):
            raise KeyError(row)
        return self.result.article_fields(row)

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self.result.keys)))

    def __len__(self) -> int:
        return len(self.result.keys)


def _copy_fields(m: _Matched) -> dict:
    fields = {"copy_of": m.canonical}
    if m.canonical_entity is not None and m.canonical_entity != m.entity_id:
        fields["speaker_entity_id"] = m.canonical_entity
    return fields


@dataclass(slots=True)
class _Extent:
    """First and last full dates of a canonical article's copies (for its story's date range)."""

    published: str | None = None
    dates: tuple[str, ...] = ()

    def widen(self, signature: Signature) -> None:
        found = [d for d in (self.published, *self.dates, signature.published, *signature.dates) if _full_date(d)]
        if found:
            self.published, self.dates = min(found), (max(found),)


class CorpusLinker:
    """Collects signatures and statements in memory, then links them with :func:`link`."""

    def __init__(self):
        self.signatures: list[Signature] = []
        self.refs: list[StatementRef] = []

    def add_article(self, signature: Signature) -> None:
        self.signatures.append(signature)

    def add_statements(self, statements: list[dict]) -> None:
        """Add statement records (typically one page's)."""
        self.refs.extend(statement_refs(statements))

    def finish(self) -> CorpusResult:
        """Statements go to the (first) article of their key, in article order."""
        by_key: dict[tuple[str, int], list[StatementRef]] = {}
        for ref in self.refs:
            by_key.setdefault(ref.article, []).append(ref)
        signatures, refs = [], []
        for signature in self.signatures:
            own = by_key.pop(signature.key, [])
            signatures.append(replace(signature, n_statements=len(own)))
            refs.extend(own)
        return link(lambda: iter(signatures), refs)


def link(signatures: Callable[[], Iterable[Signature]], refs: Iterable[StatementRef],
         copy_keys: Callable[[], Iterable] | None = None,
         phase_done: Callable[[str], None] = lambda phase: None) -> CorpusResult:
    """Copies, stories, claims, entities and the updates of a run.

    ``signatures()`` gives the articles in the same order each time it is
    called; ``refs`` is read once: the ``n_statements`` of the first
    article, then those of the next (as the pipeline stages them).
    ``copy_keys()``, if given, gives only the ``key``, ``published`` and
    ``minhash`` of the same articles, for the first pass.
    ``phase_done`` is told when the claims, stories and entities are done.
    """
    result = CorpusResult()
    keys, canonical_of = _copies((copy_keys or signatures)(), result)
    result.keys, result.canonical_of = keys, canonical_of
    heads: dict[int, Signature] = {}
    extents: dict[int, _Extent] = {}  # canonical article -> dates of its copies
    counts = np.zeros(len(keys), np.int64)
    for i, signature in enumerate(signatures()):
        if i in canonical_of:
            extents.setdefault(canonical_of[i], _Extent()).widen(signature)
        else:
            heads[i] = signature
        counts[i] = signature.n_statements
    statements = _Statements(canonical_of, result)
    for row, (i, ref) in enumerate(zip(np.repeat(np.arange(len(keys)), counts).tolist(), refs)):
        ref.row, ref.article_no = row, i
        statements.add(ref)
    statements.finish()
    terms = vocabulary([heads[i] for i in sorted(heads)])
    claims = _claims(statements.kept, heads, terms, result)
    phase_done("claims")
    _stories(heads, extents, keys, canonical_of, claims, terms, result)
    phase_done("stories")
    _entities(statements, result)
    phase_done("entities")
    return result


def _ref(key: tuple[str, int]) -> dict:
    return {"doc_id": key[0], "article_index": key[1]}


def _full_date(value: str | None) -> bool:
    return bool(value) and not str(value).startswith("--")


def _copies(signatures: Iterable, result: CorpusResult) -> tuple[list[tuple[str, int]], dict[int, int]]:
    """Every article's key, and copy number -> canonical number (the earliest dated member)."""
    keys: list[tuple[str, int]] = []
    published: list[str | None] = []
    near = NearDuplicates()
    for i, signature in enumerate(signatures):
        keys.append(signature.key)
        published.append(signature.published)
        if signature.minhash is not None:
            near.add(i, signature.minhash)
    canonical_of = {}
    for group in near.groups():
        head = min(group, key=lambda i: (not _full_date(published[i]), published[i] or "", i))
        for i in group:
            if i != head:
                canonical_of[i] = head
    similarity = near.similarities(list(canonical_of), list(canonical_of.values()))
    result.similarity = {i: round(s, 3) for i, s in zip(canonical_of, similarity.tolist())}
    return keys, canonical_of


class _Statements:
    """Statements of canonical articles, and copies' statements that match none of theirs."""

    def __init__(self, canonical_of: dict[int, int], result: CorpusResult):
        self.canonical_of = canonical_of
        self.result = result
        self.kept: dict[int, list[StatementRef]] = {}  # article number -> statements
        self._waiting: list[tuple[int, StatementRef]] = []  # copies' statements read before their canonical's
        self._indexes: dict[int, tuple[dict, dict]] = {}  # see _index

    def add(self, ref: StatementRef) -> None:
        i = ref.article_no
        head = self.canonical_of.get(i)
        if head is None:
            self.kept.setdefault(i, []).append(ref)
        elif head < i:
            self._match(head, ref)  # statements come in article order: the canonical's are all read
        else:
            self._waiting.append((head, ref))

    def finish(self) -> None:
        for head, ref in self._waiting:
            self._match(head, ref)
        self._waiting = []

    def _match(self, head: int, ref: StatementRef) -> None:
        """Point a copy's statement at its canonical statement, or keep it.

        The canonical statement has the same stance and speaker and at least
        ``COPY_STATEMENT_MATCH`` of its terms; identical terms (a verbatim
        copy) are looked up first.
        """
        exact, similar = self._index(head)
        speaker = (ref.stance, ref.speaker_key)
        best = exact.get((*speaker, ref.terms.tobytes()))
        if best is None:
            best_score = COPY_STATEMENT_MATCH
            for orig in similar.get(speaker, ()):
                score = _jaccard(ref.terms, orig.terms)
                if score >= best_score:
                    best, best_score = orig, score
        if best is None:
            self.kept.setdefault(ref.article_no, []).append(ref)
        else:
            self.result.matched.append(_Matched(ref.id, ref.row, ref.speaker.get("entity_id"), best.id))

    def _index(self, head: int) -> tuple[dict, dict]:
        """The canonical article's statements by (stance, speaker key, terms) and by (stance, speaker key)."""
        if head not in self._indexes:
            exact, similar = {}, {}
            for orig in self.kept.get(head, ()):
                speaker = (orig.stance, orig.speaker_key)
                exact.setdefault((*speaker, orig.terms.tobytes()), orig)
                similar.setdefault(speaker, []).append(orig)
            self._indexes[head] = exact, similar
        return self._indexes[head]


def _claims(kept: dict[int, list[StatementRef]], heads: dict[int, Signature], terms: Vocabulary,
            result: CorpusResult) -> list[Claim]:
    """Claims over the kept statements; IDF from the canonical articles (``terms``: their vocabulary)."""
    graph = ClaimGraph()
    for i in sorted(kept):
        graph.add_article(kept[i])
    idf = IdfTable(terms.terms, terms.doc_counts, len(heads))
    claims = [c for c in graph.resolve(idf) if c.responses()]
    published = {s.key: s.published for s in heads.values()}
    for claim in claims:
        result.claims.append(claim.to_record(published))
        for r in claim.responses():
            if r.responds_to is None or (r.responds_to.startswith("claim:") and r.responds_to != claim.claim_id):
                result.update_statement(r, responds_to=claim.claim_id)
    return claims


def _stories(heads: dict[int, Signature], extents: dict[int, _Extent], keys: list[tuple[str, int]],
             canonical_of: dict[int, int], claims: list[Claim], terms: Vocabulary, result: CorpusResult) -> None:
    """Stories of the canonical articles (``terms``: their vocabulary, in article
    order); copies join their canonical's."""
    numbers = sorted(heads)
    row_of = {i: r for r, i in enumerate(numbers)}
    claim_pairs = set()
    for claim in claims:
        refs = [n.seed for n in claim.nodes] + claim.responses()
        rows = sorted({row_of[canonical_of.get(r.article_no, r.article_no)] for r in refs})
        claim_pairs.update((a, b) for k, a in enumerate(rows) for b in rows[k + 1:])
    sigs = [heads[i] for i in numbers]
    place_df = Counter(place for s in sigs for place in s.places)
    pairs = story_scores(sigs, place_df, claim_pairs, terms)
    labels = average_link(len(sigs), pairs, STORY_THRESHOLD, day_numbers(sigs)[0], STORY_WINDOW_DAYS)
    weight = centrality(labels, pairs)
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(label, []).append(row)
    copies_of: dict[int, list[int]] = {}
    for copy, head in canonical_of.items():
        copies_of.setdefault(head, []).append(copy)
    for rows in sorted(groups.values(), key=lambda g: numbers[g[0]]):
        centre = central_member(rows, weight, sigs)
        members = sorted({numbers[r] for r in rows} | {c for r in rows for c in copies_of.get(numbers[r], ())})
        story_id = "story:" + hashlib.blake2b(repr(keys[members[0]]).encode("utf-8"), digest_size=6).hexdigest()
        result.stories.append({
            "story_id": story_id,
            "title": sigs[centre].title,
            "articles": [_ref(keys[m]) for m in members],
            "date_range": date_range([heads[numbers[r]] for r in rows] + [extents[numbers[r]] for r in rows
                                                                          if numbers[r] in extents]),
            "size": len(members),
        })
        for m in members:
            result.story_of[m] = story_id


def _entities(statements: _Statements, result: CorpusResult) -> None:
    """Entities of the kept statements' speakers; a matched copy's statement takes its canonical's."""
    kept = [r for refs in statements.kept.values() for r in refs]
    assigned, result.entities = merge_speakers({r.id: r.speaker for r in kept})
    for r in kept:
        entity = assigned.get(r.id)
        if entity is not None and r.speaker.get("entity_id") != entity:
            result.update_statement(r, speaker_entity_id=entity)
    for copy in result.matched:
        copy.canonical_entity = assigned.get(copy.canonical)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) and not len(b):
        return 1.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)
