"""Read-only web view of a run: ``isnad serve DIR`` (see docs/web.md)."""
from .app import create_app, serve

__all__ = ["create_app", "serve"]
