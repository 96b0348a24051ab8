"""Find the vocabulary's countries, organisations, bodies and places in a text."""

from __future__ import annotations

import re
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
    while i < len(tokens):
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
    spans: list[tuple[int, int, str]] = []
    for match in _MINISTRY_OF.finditer(plain):
        name = _canonical_ministry(match.group("name"), vocabulary, whole=True)
        spans.append((match.start(), match.end(), name))
    for match in _NAME_MINISTRY.finditer(plain):
        words = match.group("name").split(" ")
        for k in range(len(words)):
            variant = " ".join(words[k:])
            if variant.casefold() in vocabulary.ministries:
                start = match.start("name") + len(" ".join(words[:k])) + (1 if k else 0)
                spans.append((start, match.end(), vocabulary.ministries[variant.casefold()]))
                break
    if not spans:
        return mentions
    result = list(mentions)
    for start, end, name in sorted(spans):
        if any(
            m.start_char < end and start < m.end_char and m.entity.kind == "body" for m in result
        ):
            continue  # a vocabulary body already covers it
        owner = _owner(plain, start, result)
        entity = _ministry_entity(name, owner.entity if owner else None, result, vocabulary)
        if owner is not None:
            start = owner.start_char
        result = [m for m in result if m.end_char <= start or m.start_char >= end]
        result.append(Mention(start, end, text[start:end], entity))
        result.sort(key=lambda m: m.start_char)
    return result


def _canonical_ministry(name: str, vocabulary: Vocabulary, *, whole: bool) -> str:
    known = vocabulary.ministries.get(name.casefold())
    if known or not whole:
        return known or name
    # "Ministry of Foreign Affairs Amir Khan ..." rarely; trim to a known prefix.
    words = name.split(" ")
    for k in range(len(words) - 1, 0, -1):
        known = vocabulary.ministries.get(" ".join(words[:k]).casefold())
        if known:
            return known
    return name


def _owner(plain: str, start: int, mentions: list[Mention]) -> Mention | None:
    link = _OWNER_LINK.search(plain, max(0, start - 14), start)
    if link is None:
        return None
    for mention in mentions:
        if mention.end_char == link.start() and mention.entity.kind in ("country", "organisation"):
            return mention
    return None


def _ministry_entity(
    name: str, owner: Entity | None, mentions: list[Mention], vocabulary: Vocabulary
) -> Entity:
    title = f"Ministry of {name}"
    if owner is None:
        # Bare, it is the ministry of that name the text named before, or that
        # of the last government named that the vocabulary knows runs one.
        for mention in reversed(mentions):
            if mention.entity.kind == "body" and mention.entity.name == title:
                return mention.entity
        for mention in reversed(mentions):
            if mention.entity.kind in ("country", "organisation") and mention.entity.country:
                known = vocabulary.entities.get(_ministry_id(title, mention.entity))
                if known is not None:
                    return known
        ministry_id = f"body:{slug(title)}"
        return vocabulary.entities.get(ministry_id) or Entity(ministry_id, title, "body")
    code = owner.country
    ministry_id = _ministry_id(title, owner)
    known = vocabulary.entities.get(ministry_id)
    if known is not None:
        return known
    parent = f"country:{code}" if owner.kind == "country" and code else owner.id
    return Entity(ministry_id, title, "body", country=code, parent=parent)


def _ministry_id(title: str, owner: Entity) -> str:
    prefix = owner.country.lower() if owner.country else slug(owner.id.split(":", 1)[1])
    return f"body:{prefix}-{slug(title)}"
