"""Corpus steps: near-duplicates, stories, claims and entities across a run.

Per page, the pipeline computes ``article_signature(article_record, statements)``
and ``statement_refs(statements)`` and stages them; at the end ``link`` reads
them back in streaming passes and returns what the run adds (``CorpusResult``).
``CorpusLinker`` does the same for signatures and statements held in memory.
"""
from .claims import StatementRef, statement_refs
from .linker import CorpusLinker, CorpusResult, link
from .signature import CopyKey, Signature, article_signature

__all__ = ["CopyKey", "CorpusLinker", "CorpusResult", "Signature", "StatementRef", "article_signature", "link",
           "statement_refs"]
