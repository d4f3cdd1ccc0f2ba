"""isnad: who said what, about whom, when, and according to whom, from Arabic news pages."""

__version__ = "0.1.0"
