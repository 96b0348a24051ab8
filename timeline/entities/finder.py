"""Find the vocabulary's countries, organisations, bodies and places in a text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from timeline.entities.types import Entity, Mention
from timeline.entities.vocabulary import TOKEN, Entry, Vocabulary, load_vocabulary, normalise, slug

# "Ministry of Information and Culture", "Ministry of the Interior".
_MINISTRY_OF = re.compile(
    r"\b[Mm]inistry of (?:the )?"
    r"(?P<name>[A-Z][\w']*(?:(?: and | of | for | )(?:the )?[A-Z][\w']*)*)"
)
# "Interior Ministry", "foreign ministry", "Foreign Affairs Ministry".
_NAME_MINISTRY = re.compile(r"\b(?P<name>(?:[A-Za-z]+ ){0,2}[A-Za-z]+) (?:M|m)inistry\b")
# What joins an owner to the ministry it runs: "Russia's", "Taliban-run", "Russian".
_OWNER_LINK = re.compile(r"(?:'s|-run|-led|-controlled)? $")


@dataclass
class _Found:
    start: int
    end: int
    candidates: tuple[Entry, ...]


def find_mentions(text: str) -> list[Mention]:
    """Vocabulary entities named in ``text``, longest match first, in text order.

    Capitalised names match as written; names of two or more words also match
    in another case when the text's first word is capitalised. A name never
    matches inside a longer word ("Kunar" in "Kunaris", "Iran" in "Iranian").
    Body names shared by several organisations ("Council of Foreign
    Ministers") resolve to the one whose organisation the text named last;
    ministries resolve to the government that owns them ("Kazakhstan's
    Ministry of Foreign Affairs") or, bare, to the last owner of a ministry of
    that name in the text.
    """
    vocabulary = load_vocabulary()
    plain = normalise(text)
    found = _scan(plain, vocabulary)
    mentions = _resolve(text, found)
    return _add_ministries(text, plain, mentions, vocabulary)


def _scan(text: str, vocabulary: Vocabulary) -> list[_Found]:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    found: list[_Found] = []
    i = 0
    prefixes, folded = vocabulary.prefixes, vocabulary.folded_prefixes
    while i < len(tokens):
        # Most words begin no name; rule them out before building any key.
        word = text[tokens[i][0] : tokens[i][1]]
        if word not in prefixes and (not word[0].isupper() or word.casefold() not in folded):
            i += 1
            continue
        match = _longest_at(text, tokens, i, vocabulary)
        if match is None:
            i += 1
            continue
        last, candidates = match
        found.append(_Found(tokens[i][0], tokens[last][1], candidates))
        i = last + 1
    return found


def _longest_at(
    text: str, tokens: list[tuple[int, int]], i: int, vocabulary: Vocabulary
) -> tuple[int, tuple[Entry, ...]] | None:
    start = tokens[i][0]
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    may_fold = text[start].isupper()
    best: tuple[int, tuple[Entry, ...]] | None = None
    exact = folded = True
    key = ""
    for j in range(i, min(len(tokens), i + vocabulary.longest)):
        begin, end = tokens[j]
        if j > i:
            gap = text[tokens[j - 1][1] : begin]
            if "\n" in gap:
                break
            key += " " if gap else ""
        key += text[begin:end]
        exact = exact and key in vocabulary.prefixes
        folded = folded and may_fold and key.casefold() in vocabulary.folded_prefixes
        if not (exact or folded):
            break
        entries = vocabulary.surfaces.get(key) if exact else None
        if entries is None and folded:
            entries = vocabulary.folded.get(key.casefold())
        if entries:
            best = (j, entries)
    return best


def _resolve(text: str, found: list[_Found]) -> list[Mention]:
    """Pick one entity per match: the candidate whose parent the text named last."""
    mentions: list[Mention] = []
    for item in found:
        entry = item.candidates[0]
        if len(item.candidates) > 1:
            entry = _by_context(item.candidates, mentions) or entry
        mentions.append(
            Mention(item.start, item.end, text[item.start : item.end], entry.entity, entry.form)
        )
    return mentions


def _by_context(candidates: tuple[Entry, ...], before: list[Mention]) -> Entry | None:
    for mention in reversed(before):
        named = {mention.entity.id, mention.entity.parent}
        for entry in candidates:
            if entry.entity.parent in named:
                return entry
    return None


def _add_ministries(
    text: str, plain: str, mentions: list[Mention], vocabulary: Vocabulary
) -> list[Mention]:
    spans = _ministry_spans(plain, vocabulary)
    if not spans:
        return mentions
    owners = {m.end_char: m for m in mentions if m.entity.kind in ("country", "organisation")}
    bodies = [(m.start_char, m.end_char) for m in mentions if m.entity.kind == "body"]
    added: list[Mention] = []
    before = 0  # mentions[:before] start before the current ministry
    governments: list[Entity] = []
    named: dict[str, Entity] = {}
    for start, end, name in spans:
        if overlaps(start, end, bodies):
            continue  # a vocabulary body already covers it
        while before < len(mentions) and mentions[before].start_char < start:
            entity = mentions[before].entity
            if entity.kind in ("country", "organisation") and entity.country:
                governments.append(entity)
            before += 1
        title = f"Ministry of {name}"
        link = _OWNER_LINK.search(plain, max(0, start - 14), start)
        owner = owners.get(link.start()) if link else None
        if owner is not None:
            entity = _owned_ministry(title, owner.entity, vocabulary)
            start = owner.start_char
        else:
            entity = named.get(title) or _bare_ministry(title, governments, vocabulary)
        named[title] = entity
        added.append(Mention(start, end, text[start:end], entity))
    spans_added = [(m.start_char, m.end_char) for m in added]
    kept = [m for m in mentions if not overlaps(m.start_char, m.end_char, spans_added)]
    return sorted(kept + added, key=lambda m: m.start_char)


def _ministry_spans(plain: str, vocabulary: Vocabulary) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for match in _MINISTRY_OF.finditer(plain):
        name = _canonical_ministry(match.group("name"), vocabulary)
        spans.append((match.start(), match.end(), name))
    for match in _NAME_MINISTRY.finditer(plain):
        words = match.group("name").split(" ")
        for k in range(len(words)):
            variant = " ".join(words[k:])
            if variant.casefold() in vocabulary.ministries:
                start = match.start("name") + len(" ".join(words[:k])) + (1 if k else 0)
                spans.append((start, match.end(), vocabulary.ministries[variant.casefold()]))
                break
    return sorted(spans)


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``..``end`` overlaps one of ``spans`` (sorted, not overlapping)."""
    i = bisect_left(spans, (end, 0))
    return any(s < end and start < e for s, e in spans[max(0, i - 2) : i])


def _canonical_ministry(name: str, vocabulary: Vocabulary) -> str:
    known = vocabulary.ministries.get(name.casefold())
    if known:
        return known
    # "Ministry of Foreign Affairs Amir Khan ..." rarely; trim to a known prefix.
    words = name.split(" ")
    for k in range(len(words) - 1, 0, -1):
        known = vocabulary.ministries.get(" ".join(words[:k]).casefold())
        if known:
            return known
    return name


def _bare_ministry(title: str, governments: list[Entity], vocabulary: Vocabulary) -> Entity:
    """A ministry named without its government: that of the last government the
    text named that the vocabulary knows runs one, else a ministry of no one."""
    for government in reversed(governments[-20:]):
        known = vocabulary.entities.get(_ministry_id(title, government))
        if known is not None:
            return known
    ministry_id = f"body:{slug(title)}"
    return Entity(ministry_id, title, "body")


def _owned_ministry(title: str, owner: Entity, vocabulary: Vocabulary) -> Entity:
    ministry_id = _ministry_id(title, owner)
    known = vocabulary.entities.get(ministry_id)
    if known is not None:
        return known
    parent = f"country:{owner.country}" if owner.kind == "country" else owner.id
    return Entity(ministry_id, title, "body", country=owner.country, parent=parent)


def _ministry_id(title: str, owner: Entity) -> str:
    prefix = owner.country.lower() if owner.country else slug(owner.id.split(":", 1)[1])
    return f"body:{prefix}-{slug(title)}"
