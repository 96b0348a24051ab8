"""timeline: a dated event timeline and fact database from news articles."""

__version__ = "0.1.0"
