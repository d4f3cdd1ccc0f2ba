"""Corpus steps: near-duplicates, stories, claims and entities across a run.

Per page, the pipeline calls ``article_signature(article_record, statements)``;
the run keeps one ``CorpusLinker``, feeds it ``add_article(signature)`` and
``add_statements(statements)``, and writes what ``finish()`` returns.
"""
from .claims import StatementRef, statement_refs
from .linker import CorpusLinker, CorpusResult
from .signature import Signature, article_signature

__all__ = ["CorpusLinker", "CorpusResult", "Signature", "StatementRef", "article_signature", "statement_refs"]
