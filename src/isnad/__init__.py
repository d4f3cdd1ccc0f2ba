"""isnad: who said what, about whom, when, and according to whom, from Arabic news pages.

``isnad.extract(text)`` reads one page; ``isnad.load(DIR)`` opens the tables of
a run (see :mod:`isnad.api`).  They are imported on first use, so that
``import isnad`` stays cheap.
"""

__version__ = "0.1.0"

_API = ("extract", "load", "Extraction", "Run", "Record", "Article", "Statement", "Event", "WarningRow")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'isnad' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
