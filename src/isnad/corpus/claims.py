"""Claims: propositions first asserted by someone and later denied or confirmed.

A claim is seeded by a report (an assertion by an outlet, anonymous sources
or a statement carried ``via`` a report), by a statement that a denial in the
same article points at, or by the ``denied_claim`` a denial carries.  Seeds
of different articles that state the same proposition are merged, and a
denial or confirmation in another article joins the claim whose text its
content overlaps: the IDF-weighted share of the smaller term set that both
hold, with at least ``MIN_SHARED`` terms and ``SHARED_MASS`` of IDF in
common.  A claim's terms include those of the denials already attached to it,
since a denial restates what it denies.  A response that overlaps no claim
answers the report of its own article that it shares most terms with (two at
least, or one when it points back: "هذه المباحثات").  All pairs are scored at
once as sparse products, terms held by very many claims left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .. import ids
from .signature import ANONYMOUS_KINDS, speaker_key
from .stories import block_rows

RESPONSE_STATUS = {"deny": "denied", "confirm": "confirmed", "decline_comment": "declined"}
REPORT_KINDS = frozenset({"outlet", "agency"}) | ANONYMOUS_KINDS
CLAIM_MATCH = 0.35  # weighted overlap for a response (or a second seed) to join a claim
MIN_SHARED = 3
SHARED_MASS = 1.5  # least IDF (scaled to [0, 1] by log N) that the shared terms must add up to
CONTENT_CHARS = 400
# What the corpus steps keep of a speaker (staged as a tuple in this order).
SPEAKER_FIELDS = ("name", "name_ar", "kind", "country", "role", "entity_id", "wikidata", "via_report")


@dataclass(eq=False, slots=True)
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
    anaphoric: bool = False  # the content points back ("هذه المباحثات", "هذا التقرير")
    row: int = -1  # its number in the run's statements (set by the corpus step, not staged)
    article_no: int = -1  # the number of its article in the run (likewise)

    _STAGED = ("id", "article", "stance", "speaker", "date", "responds_to", "terms", "content", "content_span",
               "claim_text", "claim_terms", "claim_span", "anaphoric")

    def to_row(self) -> tuple:
        """A tuple of plain values for staging: arrays as bytes, the speaker as
        the tuple of its ``SPEAKER_FIELDS`` (a dict per row takes twice as
        long to read back)."""
        values = []
        for name in self._STAGED:
            value = getattr(self, name)
            if isinstance(value, np.ndarray):
                value = value.tobytes()
            elif name == "speaker":
                value = tuple(value.get(k) for k in SPEAKER_FIELDS)
            values.append(value)
        return tuple(values)

    @classmethod
    def from_row(cls, row: tuple) -> "StatementRef":
        """The compact statement of a row written by :meth:`to_row` (its values
        in the order of ``_STAGED``, which is that of the first fields)."""
        ref = cls(*row)
        ref.speaker = dict(zip(SPEAKER_FIELDS, ref.speaker))
        ref.terms = np.frombuffer(ref.terms, np.uint32)
        if ref.claim_terms is not None:
            ref.claim_terms = np.frombuffer(ref.claim_terms, np.uint32)
        return ref

    @property
    def speaker_key(self) -> str | None:
        return speaker_key(self.speaker)

    @property
    def is_report(self) -> bool:
        """An assertion by a report, an outlet or unnamed sources."""
        kind = (self.speaker.get("kind") or "").lower()
        return self.stance == "assert" and (kind in REPORT_KINDS or bool(self.speaker.get("via_report")))


def statement_ref(statement: dict, terms: np.ndarray, anaphoric: bool = False, claim_terms: np.ndarray | None = None,
                  targeted: bool = False) -> StatementRef:
    """Compact form of a ``statements.jsonl`` row, given the hashed terms of
    its content and of the claim it denies.

    The content text is kept only where it may become a claim's text: for a
    report, or for a statement that a response of its page points at
    (``targeted``).
    """
    speaker = dict(statement.get("speaker") or {})
    if statement.get("via"):
        speaker["via_report"] = True
    stance = statement.get("stance") or "assert"
    keep_content = targeted or (stance == "assert" and (
        (speaker.get("kind") or "").lower() in REPORT_KINDS or bool(speaker.get("via_report"))))
    content = statement.get("content") or ""
    denied = statement.get("denied_claim") or {}
    return StatementRef(
        id=str(statement["id"]),
        article=(str(statement.get("doc_id")), int(statement.get("article_index") or 0)),
        stance=stance,
        speaker={k: speaker.get(k) for k in SPEAKER_FIELDS},
        date=statement.get("date"),
        responds_to=statement.get("responds_to"),
        terms=terms,
        anaphoric=anaphoric,
        content=content[:CONTENT_CHARS] if keep_content else None,
        content_span=statement.get("content_span") if keep_content else None,
        claim_text=(denied.get("text") or "")[:CONTENT_CHARS] or None,
        claim_terms=claim_terms,
        claim_span=denied.get("span"),
    )


@dataclass(eq=False)
class ClaimNode:
    """One statement of a proposition: a report, a target or a denied claim.

    ``key`` names it: the seed statement's id, with ``#claim`` for the claim a denial carries."""

    key: str
    text: str
    terms: np.ndarray
    article: tuple[str, int]
    seed: StatementRef
    asserted: bool  # seeded by an assertion (else by the denial that carries it)
    span: list | None = None
    responses: list[StatementRef] = field(default_factory=list)

    def profile(self) -> np.ndarray:
        """Terms of the claim text and of the responses that restate it (sorted, unique)."""
        if not self.responses:
            return self.terms  # already a sorted unique set
        return np.unique(np.concatenate([self.terms, *(r.terms for r in self.responses)]))


class IdfTable:
    """IDF of hashed terms, scaled to [0, 1] by log N, from document frequencies of the run."""

    def __init__(self, terms: np.ndarray, doc_counts: np.ndarray, n_docs: int):
        """``terms``: sorted unique term hashes; ``doc_counts``: how many articles hold each."""
        n = max(n_docs, 1)
        scale = np.log(n + 1) or 1.0
        self._terms = terms
        self._idf = np.maximum(np.log((n + 1) / (doc_counts + 0.5)), 0.0) / scale
        self._unseen = float(np.log((n + 1) / 1.5) / scale)

    def weights(self, terms: np.ndarray) -> np.ndarray:
        """IDF of each term (terms of no article count as seen once)."""
        if not len(self._terms):
            return np.full(len(terms), self._unseen)
        pos = np.minimum(np.searchsorted(self._terms, terms), len(self._terms) - 1)
        return np.where(self._terms[pos] == terms, self._idf[pos], self._unseen)


def build_nodes(refs: list[StatementRef]) -> tuple[list[ClaimNode], dict[str, ClaimNode]]:
    """Claim nodes of one article's statements, and the node each response answers."""
    by_id = {r.id: r for r in refs}
    nodes: dict[str, ClaimNode] = {}
    answered: dict[str, ClaimNode] = {}
    for r in refs:
        if r.is_report and r.content:
            nodes[r.id] = ClaimNode(r.id, r.content, r.terms, r.article, r, True, r.content_span)
    for r in refs:
        if r.stance not in RESPONSE_STATUS:
            continue
        target = by_id.get(r.responds_to or "")
        if target is not None and target.content:
            node = nodes.get(target.id)
            if node is None:
                node = nodes[target.id] = ClaimNode(target.id, target.content, target.terms, target.article, target,
                                                    True, target.content_span)
            answered[r.id] = node
        elif r.claim_terms is not None and len(r.claim_terms):
            node = nodes[r.id + "#claim"] = ClaimNode(r.id + "#claim", r.claim_text or "", r.claim_terms, r.article, r,
                                                      False, r.claim_span)
            answered[r.id] = node
    for r_id, node in answered.items():
        node.responses.append(by_id[r_id])
    return list(nodes.values()), answered


class ClaimGraph:
    """Claim nodes of all articles, merged across articles into claims."""

    def __init__(self):
        self.nodes: list[ClaimNode] = []
        self.unanswered: list[StatementRef] = []  # responses that point at no claim yet
        self._by_article: dict[tuple[str, int], list[int]] = {}

    def add_article(self, refs: list[StatementRef]) -> None:
        nodes, answered = build_nodes(refs)
        for node in nodes:
            self._by_article.setdefault(node.article, []).append(len(self.nodes))
            self.nodes.append(node)
        self.unanswered.extend(r for r in refs if r.stance in RESPONSE_STATUS and r.id not in answered)

    def _local_report(self, r: StatementRef, profiles: list[np.ndarray]) -> int | None:
        """The report of the response's own article that it shares most terms with
        (two at least, or one when the response points back: "هذه المباحثات")."""
        local = [j for j in self._by_article.get(r.article, ()) if self.nodes[j].asserted]
        shared = [(len(np.intersect1d(r.terms, profiles[j], assume_unique=True)), -j) for j in local]
        top = max(shared, default=(0, 0))
        if top[0] >= 2 or (r.anaphoric and local and (top[0] > 0 or len(local) == 1)):
            return -top[1]
        return None

    def resolve(self, idf: IdfTable) -> list["Claim"]:
        """Merge nodes across articles, attach unanswered responses; the claims."""
        n = len(self.nodes)
        profiles = [node.profile() for node in self.nodes]
        texts = [node.terms for node in self.nodes]
        responses = [r.terms for r in self.unanswered]
        space = _TermSpace(profiles + texts + responses, idf, common=max(30, n // 50))
        profile_rows, text_rows, response_rows = space.rows(profiles), space.rows(texts), space.rows(responses)
        parent = list(range(n))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        if n:
            scores = space.overlaps(text_rows, profile_rows)
            scores = scores.maximum(scores.T).tocoo()
            articles = [node.article for node in self.nodes]
            for i, j, v in zip(scores.row.tolist(), scores.col.tolist(), scores.data.tolist()):
                if i < j and v >= CLAIM_MATCH and articles[i] != articles[j]:
                    parent[find(j)] = find(i)
        best = [None] * len(responses)
        if n and responses:
            scores = space.overlaps(response_rows, profile_rows).tocsr()
            for k in range(len(responses)):
                row = scores.getrow(k)
                if row.nnz and row.data.max() >= CLAIM_MATCH:
                    best[k] = int(row.indices[row.data.argmax()])
        attached: dict[int, list[StatementRef]] = {}
        for k, r in enumerate(self.unanswered):
            j = best[k] if best[k] is not None else self._local_report(r, profiles)
            if j is not None:
                attached.setdefault(find(j), []).append(r)
        groups: dict[int, list[int]] = {}
        for i in range(n):
            groups.setdefault(find(i), []).append(i)
        return [Claim([self.nodes[i] for i in members], attached.get(root, []))
                for root, members in groups.items()]


class _TermSpace:
    """Term sets as sparse rows, to score the overlap of every pair of two lists at once."""

    def __init__(self, term_sets: list[np.ndarray], idf: IdfTable, common: int):
        all_terms = np.concatenate(term_sets) if term_sets else np.zeros(0, np.uint32)
        self.vocab = np.unique(all_terms)
        self.weight = idf.weights(self.vocab)
        self.common = common

    def rows(self, term_sets: list[np.ndarray]) -> tuple[sparse.csr_matrix, np.ndarray]:
        """Binary rows of the sets, and the IDF mass of each whole set."""
        indptr = np.zeros(len(term_sets) + 1, dtype=np.int64)
        np.cumsum([len(t) for t in term_sets], out=indptr[1:])
        indices = np.searchsorted(self.vocab, np.concatenate(term_sets)) if term_sets else np.zeros(0, np.int64)
        matrix = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(term_sets), len(self.vocab)))
        return matrix, np.asarray(matrix @ self.weight).ravel()

    def overlaps(self, a: tuple, b: tuple) -> sparse.coo_matrix:
        """:func:`overlap` of every row of ``a`` with every row of ``b`` (zeros left out).

        Terms held by more than ``common`` rows of ``b`` are not looked at.
        One product gives both the number of terms a pair shares and their
        IDF mass: each term of ``b`` counts as ``1 + weight·i``, so that the
        real part of a sum counts and its imaginary part adds the weights
        (both exactly as two real products would).
        """
        (am, a_total), (bm, b_total) = a, b
        kept = np.asarray(bm.sum(axis=0)).ravel() <= self.common
        counted_t = (sparse.diags(np.where(kept, 1 + 1j * self.weight, 0)) @ bm.T).tocsr()
        block = block_rows(bm.shape[0])
        found_rows, found_cols, found_mass = [], [], []
        for start in range(0, am.shape[0], block):  # in row blocks: memory stays bounded
            shared = (am[start:start + block] @ counted_t).tocoo()
            enough = shared.data.real >= MIN_SHARED
            found_rows.append(shared.row[enough] + start)
            found_cols.append(shared.col[enough])
            found_mass.append(shared.data.imag[enough])
        rows = np.concatenate(found_rows) if found_rows else np.zeros(0, np.int64)
        cols = np.concatenate(found_cols) if found_cols else np.zeros(0, np.int64)
        mass = np.concatenate(found_mass) if found_mass else np.zeros(0)
        smaller = np.minimum(a_total[rows], b_total[cols])
        ok = (mass >= SHARED_MASS) & (smaller > 0)
        score = mass[ok] / smaller[ok]
        return sparse.coo_matrix((score, (rows[ok], cols[ok])), shape=(am.shape[0], bm.shape[0]))


@dataclass(eq=False)
class Claim:
    """Merged claim nodes with the responses attached from other articles."""

    nodes: list[ClaimNode]
    extra_responses: list[StatementRef]

    @property
    def claim_id(self) -> str:
        return ids.claim_id(min(node.key for node in self.nodes))

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
