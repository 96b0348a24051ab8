"""Entities of the news: countries, organisations and their bodies, places, people."""

from timeline.entities.finder import find_mentions
from timeline.entities.linker import DocumentEntities, link_document

__all__ = ["DocumentEntities", "find_mentions", "link_document"]
