"""Record ids: stable, unique, and independent of the order of pages.

A page's ``doc_id`` names where it comes from (see :mod:`isnad.read`): the
file's path relative to the input root, and for a record of a container its
own id, URL or line.  Every other id is made here from the ``doc_id`` and a
position inside that page (article number, statement or event number), so
adding, removing or moving another page changes none of them.
"""
from __future__ import annotations

import hashlib


def statement_id(doc_id: str, article_index: int, n: int) -> str:
    """The ``n``-th statement (in text order) of an article: ``DOC:ARTICLE:sN``."""
    return f"{doc_id}:{article_index}:s{n}"


def event_id(doc_id: str, article_index: int, n: int) -> str:
    """The ``n``-th event (in text order) of an article: ``DOC:ARTICLE:eN``."""
    return f"{doc_id}:{article_index}:e{n}"


def article_claim_prefix(doc_id: str, article_index: int) -> str:
    """Prefix of the claims a denial of the article names without a statement
    to point at (``claim:DOC:ARTICLE:N``, numbered in the article)."""
    return f"claim:{doc_id}:{article_index}"


def claim_id(node_key: str) -> str:
    """A corpus claim, named by the key of its first node (the id of the
    statement that seeds it, with ``#claim`` when the node is the claim a
    denial carries): claims share no node, so no two share an id."""
    return "claim:" + hashlib.blake2b(node_key.encode("utf-8"), digest_size=8).hexdigest()
