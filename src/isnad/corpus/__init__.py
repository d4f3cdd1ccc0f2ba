"""Corpus steps: near-duplicates, stories, claims and entities across a run.

Per batch of pages, the pipeline computes ``page_features`` (a signature per
article, a compact form per statement) and stages them; at the end ``link``
reads them back in streaming passes and returns what the run adds
(``CorpusResult``).  ``CorpusLinker`` does the same for signatures and
statements held in memory.
"""
from .claims import StatementRef
from .features import PageFeatures, PageText, article_signature, page_features, statement_refs
from .linker import CorpusLinker, CorpusResult, link
from .signature import CopyKey, Signature

__all__ = ["CopyKey", "CorpusLinker", "CorpusResult", "PageFeatures", "PageText", "Signature", "StatementRef",
           "article_signature", "link", "page_features", "statement_refs"]
