"""Claims: propositions first asserted by someone and later denied or confirmed.

A claim is seeded by a report (an assertion by an outlet, anonymous sources
or a statement carried ``via`` a report), by a statement that a denial in the
same article points at, or by the ``denied_claim`` a denial carries.  Seeds
of different articles that state the same proposition are merged, and a
denial or confirmation in another article joins the claim whose text its
content overlaps: the IDF-weighted share of the smaller term set that both
hold, with at least ``MIN_SHARED`` terms in common; a claim's terms include
those of the denials already attached to it, since a denial restates what it
denies.  A response that overlaps
no claim answers the report of its own article (the one report there, or the
one it shares most terms with).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

from .signature import ANONYMOUS_KINDS, speaker_key
from .terms import term_set

RESPONSE_STATUS = {"deny": "denied", "confirm": "confirmed", "decline_comment": "declined"}
REPORT_KINDS = frozenset({"outlet", "agency"}) | ANONYMOUS_KINDS
CLAIM_MATCH = 0.35  # weighted overlap for a response (or a second seed) to join a claim
MIN_SHARED = 3
CONTENT_CHARS = 400


@dataclass(eq=False)
class StatementRef:
    """The part of a statement record the corpus steps keep."""

    id: str
    article: tuple[str, int]
    stance: str
    speaker: dict
    date: str | None
    responds_to: str | None
    terms: np.ndarray
    content: str | None = None
    content_span: list | None = None
    claim_text: str | None = None
    claim_terms: np.ndarray | None = None
    claim_span: list | None = None

    @property
    def speaker_key(self) -> str | None:
        return speaker_key(self.speaker)

    @property
    def is_report(self) -> bool:
        """An assertion by a report, an outlet or unnamed sources."""
        kind = (self.speaker.get("kind") or "").lower()
        return self.stance == "assert" and (kind in REPORT_KINDS or bool(self.speaker.get("via_report")))


def statement_ref(statement: dict, keep_content: bool) -> StatementRef:
    """Compact form of a ``statements.jsonl`` row."""
    speaker = dict(statement.get("speaker") or {})
    if statement.get("via"):
        speaker["via_report"] = True
    content = statement.get("content") or ""
    denied = statement.get("denied_claim") or {}
    return StatementRef(
        id=str(statement["id"]),
        article=(str(statement.get("doc_id")), int(statement.get("article_index") or 0)),
        stance=statement.get("stance") or "assert",
        speaker={k: speaker.get(k) for k in ("name", "name_ar", "kind", "country", "role", "entity_id", "via_report")},
        date=statement.get("date"),
        responds_to=statement.get("responds_to"),
        terms=term_set(content),
        content=content[:CONTENT_CHARS] if keep_content else None,
        content_span=statement.get("content_span") if keep_content else None,
        claim_text=(denied.get("text") or "")[:CONTENT_CHARS] or None,
        claim_terms=term_set(denied["text"]) if denied.get("text") else None,
        claim_span=denied.get("span"),
    )


@dataclass(eq=False)
class ClaimNode:
    """One statement of a proposition: a report, a target or a denied claim."""

    text: str
    terms: np.ndarray
    article: tuple[str, int]
    seed: StatementRef
    asserted: bool  # seeded by an assertion (else by the denial that carries it)
    span: list | None = None
    responses: list[StatementRef] = field(default_factory=list)

    def profile(self) -> np.ndarray:
        """Terms of the claim text and of the responses that restate it."""
        return np.unique(np.concatenate([self.terms, *(r.terms for r in self.responses)]))


class IdfTable:
    """IDF of hashed terms from document frequencies over the run's articles."""

    def __init__(self, df: dict[int, int], n_docs: int):
        self._df = df
        self._n = max(n_docs, 1)

    def weights(self, terms: np.ndarray) -> np.ndarray:
        dfs = np.fromiter((self._df.get(t, 1) for t in terms.tolist()), dtype=np.float64, count=len(terms))
        return np.log((self._n + 1) / (dfs + 0.5))

    def overlap(self, a: np.ndarray, b: np.ndarray) -> float:
        """IDF-weighted share of the smaller set that both sets hold."""
        shared = np.intersect1d(a, b, assume_unique=True)
        if len(shared) < MIN_SHARED:
            return 0.0
        smaller = min(self.weights(a).sum(), self.weights(b).sum())
        return float(self.weights(shared).sum() / smaller) if smaller > 0 else 0.0


def build_nodes(refs: list[StatementRef]) -> tuple[list[ClaimNode], dict[str, ClaimNode]]:
    """Claim nodes of one article's statements, and the node each response answers."""
    by_id = {r.id: r for r in refs}
    nodes: dict[str, ClaimNode] = {}
    answered: dict[str, ClaimNode] = {}
    for r in refs:
        if r.is_report and r.content:
            nodes[r.id] = ClaimNode(r.content, r.terms, r.article, r, True, r.content_span)
    for r in refs:
        if r.stance not in RESPONSE_STATUS:
            continue
        target = by_id.get(r.responds_to or "")
        if target is not None and target.content:
            node = nodes.get(target.id)
            if node is None:
                node = nodes[target.id] = ClaimNode(target.content, target.terms, target.article, target,
                                                    True, target.content_span)
            answered[r.id] = node
        elif r.claim_terms is not None and len(r.claim_terms):
            node = nodes[r.id + "#claim"] = ClaimNode(r.claim_text or "", r.claim_terms, r.article, r,
                                                      False, r.claim_span)
            answered[r.id] = node
    for r_id, node in answered.items():
        node.responses.append(by_id[r_id])
    return list(nodes.values()), answered


class ClaimGraph:
    """Claim nodes of all articles, merged across articles into claims."""

    def __init__(self):
        self.nodes: list[ClaimNode] = []
        self.profiles: list[np.ndarray] = []  # claim text and restating responses, per node
        self.unanswered: list[StatementRef] = []  # responses that point at no claim yet
        self._index: dict[int, list[int]] = {}
        self._by_article: dict[tuple[str, int], list[int]] = {}

    def add_article(self, refs: list[StatementRef]) -> None:
        nodes, answered = build_nodes(refs)
        for node in nodes:
            self._index_node(node)
        self.unanswered.extend(r for r in refs if r.stance in RESPONSE_STATUS and r.id not in answered)

    def _index_node(self, node: ClaimNode) -> None:
        n = len(self.nodes)
        self.nodes.append(node)
        self.profiles.append(node.profile())
        self._by_article.setdefault(node.article, []).append(n)
        for t in self.profiles[n].tolist():
            self._index.setdefault(t, []).append(n)

    def _candidates(self, terms: np.ndarray, common: int) -> set[int]:
        """Nodes sharing at least ``MIN_SHARED`` of ``terms`` (very common terms skipped)."""
        counts: dict[int, int] = {}
        for t in terms.tolist():
            posting = self._index.get(t, ())
            if len(posting) > common:
                continue
            for n in posting:
                counts[n] = counts.get(n, 0) + 1
        return {n for n, c in counts.items() if c >= MIN_SHARED}

    def _best_node(self, r: StatementRef, idf: IdfTable, common: int) -> int | None:
        """The claim a response answers: the best overlap anywhere, else its own article's report."""
        best, best_score = None, CLAIM_MATCH
        for j in self._candidates(r.terms, common):
            score = idf.overlap(r.terms, self.profiles[j])
            if score >= best_score:
                best, best_score = j, score
        if best is not None:
            return best
        local = [j for j in self._by_article.get(r.article, ()) if self.nodes[j].asserted]
        if len(local) == 1:
            return local[0]
        shared = [(len(np.intersect1d(r.terms, self.profiles[j], assume_unique=True)), -j) for j in local]
        top = max(shared, default=(0, 0))
        return -top[1] if top[0] > 0 else None

    def resolve(self, idf: IdfTable) -> list["Claim"]:
        """Merge nodes across articles, attach unanswered responses; the claims."""
        common = max(50, len(self.nodes) // 10)
        parent = list(range(len(self.nodes)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, node in enumerate(self.nodes):
            for j in self._candidates(self.profiles[i], common):
                if j > i and self.nodes[j].article != node.article \
                        and idf.overlap(self.profiles[i], self.profiles[j]) >= CLAIM_MATCH:
                    parent[find(j)] = find(i)
        chosen = [(r, self._best_node(r, idf, common)) for r in self.unanswered]
        attached: dict[int, list[StatementRef]] = {}
        for r, j in chosen:
            if j is not None:
                attached.setdefault(find(j), []).append(r)
        groups: dict[int, list[int]] = {}
        for i in range(len(self.nodes)):
            groups.setdefault(find(i), []).append(i)
        return [Claim([self.nodes[i] for i in members], attached.get(root, []))
                for root, members in groups.items()]


@dataclass(eq=False)
class Claim:
    """Merged claim nodes with the responses attached from other articles."""

    nodes: list[ClaimNode]
    extra_responses: list[StatementRef]

    @property
    def claim_id(self) -> str:
        first = min(self.nodes, key=lambda n: n.seed.id).seed.id
        return "claim:" + hashlib.blake2b(first.encode("utf-8"), digest_size=6).hexdigest()

    def assertions(self) -> list[StatementRef]:
        return _unique(n.seed for n in self.nodes if n.asserted)

    def responses(self) -> list[StatementRef]:
        return _unique([r for n in self.nodes for r in n.responses] + self.extra_responses)

    def articles(self) -> list[tuple[str, int]]:
        return sorted({n.article for n in self.nodes} | {r.article for r in self.responses()})

    def to_record(self, published: dict[tuple[str, int], str | None]) -> dict:
        """The ``claims.jsonl`` row; ``published`` dates statements that have no date."""
        asserts = self.assertions()
        responses = self.responses()

        def when(r: StatementRef) -> str | None:
            return r.date or published.get(r.article)

        lead = min(asserts, key=lambda r: (when(r) is None, when(r) or ""), default=None) or self.nodes[0].seed
        main = next((n for n in self.nodes if n.seed is lead), self.nodes[0])
        by_status = {status: [r.id for r in responses if r.stance == stance]
                     for stance, status in RESPONSE_STATUS.items()}
        history = [{"date": when(r), "status": "reported", "statement": r.id, "doc_id": r.article[0]}
                   for r in asserts]
        history += [{"date": when(r), "status": RESPONSE_STATUS[r.stance], "statement": r.id, "doc_id": r.article[0]}
                    for r in responses]
        history.sort(key=lambda h: (h["date"] is None, h["date"] or "", h["status"] != "reported"))
        return {
            "claim_id": self.claim_id,
            "claimant": _speaker_name(lead) if lead in asserts else None,
            "content": main.text,
            "content_article": {"doc_id": main.article[0], "article_index": main.article[1]},
            "content_span": main.span,
            "asserted_by": [r.id for r in asserts],
            "denied_by": by_status["denied"],
            "confirmed_by": by_status["confirmed"],
            "declined_by": by_status["declined"],
            "status": history[-1]["status"] if history else "reported",
            "status_history": history,
            "articles": [{"doc_id": d, "article_index": i} for d, i in self.articles()],
        }


def _unique(refs) -> list[StatementRef]:
    seen, out = set(), []
    for r in refs:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def _speaker_name(ref: StatementRef) -> str | None:
    sp = ref.speaker
    return sp.get("name") or sp.get("name_ar") or sp.get("role")
