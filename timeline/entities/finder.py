"""Find the vocabulary's countries, organisations, bodies and places in a text."""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from heapq import merge

from timeline.entities.types import Entity, Mention
from timeline.entities.vocabulary import Entry, Vocabulary, load_vocabulary, normalise, slug

# "Ministry of Information and Culture", "Ministry of the Interior".
_MINISTRY_OF = re.compile(
    r"\b[Mm]inistry of (?:the )?"
    r"(?P<name>[A-Z][\w']*(?:(?: and | of | for | )(?:the )?[A-Z][\w']*)*)"
)
# "Interior Ministry", "foreign ministry", "Foreign Affairs Ministry".
_NAME_MINISTRY = re.compile(r"\b(?P<name>(?:[A-Za-z]+ ){0,2}[A-Za-z]+) (?:M|m)inistry\b")
_MINISTRY_WORD = "inistry"
# Where a "Ministry of ..." can start: the literal start lets the search skip ahead.
_MINISTRY_OF_START = re.compile(r"[Mm]inistry of ")
# What a "Foreign Ministry" match is made of: it lies within one run of these.
_NAME_MINISTRY_CHARACTERS = frozenset(string.ascii_letters + " ")
# ... and the rest of such a run, found at C speed.
_NAME_MINISTRY_RUN = re.compile(r"[A-Za-z ]*")
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
    found: list[_Found] = []
    prefixes, folded = vocabulary.prefixes, vocabulary.folded_prefixes
    end = 0  # names do not overlap: the next one starts after the last one found
    for start in name_starts(text, vocabulary):
        word = start.group()
        if start.start() < end or (
            word not in prefixes and (not word[0].isupper() or word.casefold() not in folded)
        ):
            continue
        match = _longest_at(text, start.start(), vocabulary)
        if match is not None:
            end, candidates = match
            found.append(_Found(start.start(), end, candidates))
    return found


def name_starts(text: str, vocabulary: Vocabulary) -> Iterator[re.Match[str]]:
    """The words of ``text`` where a vocabulary name may start, in text order."""
    capitalised, *others = vocabulary.name_starts
    rare = sorted((m for p in others for m in p.finditer(text)), key=_start)
    if not rare:
        return capitalised.finditer(text)
    return merge(capitalised.finditer(text), rare, key=_start)


def _start(match: re.Match[str]) -> int:
    return match.start()


#: The next token (see ``TOKEN``) and the white space before it, when that holds no newline.
_NEXT_TOKEN = re.compile(r"([^\S\n]*)(\w+|[^\w\s])")


def _longest_at(
    text: str, start: int, vocabulary: Vocabulary
) -> tuple[int, tuple[Entry, ...]] | None:
    """Where the longest name starting at ``start`` ends, and the entries it may name.

    A name's key joins its tokens with a space where the text has white space between
    them; a name does not cross a line break."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    may_fold = text[start].isupper()
    prefixes, folded_prefixes = vocabulary.prefixes, vocabulary.folded_prefixes
    best: tuple[int, tuple[Entry, ...]] | None = None
    exact = folded = True
    key = ""
    end = start
    match = _NEXT_TOKEN.match
    for _ in range(vocabulary.longest):
        token = match(text, end)
        if token is None:
            break
        gap, word = token.groups()
        key = f"{key} {word}" if gap and key else key + word
        end = token.end()
        exact = exact and key in prefixes
        folded = folded and may_fold and key.casefold() in folded_prefixes
        if not (exact or folded):
            break
        entries = vocabulary.surfaces.get(key) if exact else None
        if entries is None and folded:
            entries = vocabulary.folded.get(key.casefold())
        if entries:
            best = (end, entries)
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
    kept = without_overlaps(mentions, [(m.start_char, m.end_char) for m in added])
    return sorted(kept + added, key=lambda m: m.start_char)


def _ministry_spans(plain: str, vocabulary: Vocabulary) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if _MINISTRY_WORD not in plain:
        return spans  # both patterns need the word, and most texts lack it
    for match in _ministries_of(plain):
        name = _canonical_ministry(match.group("name"), vocabulary)
        spans.append((match.start(), match.end(), name))
    for match in _name_ministries(plain):
        words = match.group("name").split(" ")
        for k in range(len(words)):
            variant = " ".join(words[k:])
            if variant.casefold() in vocabulary.ministries:
                start = match.start("name") + len(" ".join(words[:k])) + (1 if k else 0)
                spans.append((start, match.end(), vocabulary.ministries[variant.casefold()]))
                break
    return sorted(spans)


def _ministries_of(plain: str) -> Iterator[re.Match[str]]:
    """``_MINISTRY_OF.finditer(plain)``, tried only where its literal start stands."""
    end = 0
    for start in _MINISTRY_OF_START.finditer(plain):
        if start.start() >= end and (match := _MINISTRY_OF.match(plain, start.start())):
            end = match.end()
            yield match


def _name_ministries(plain: str) -> Iterator[re.Match[str]]:
    """``_NAME_MINISTRY.finditer(plain)``, searched only in the stretches that can hold one.

    A match is made of ASCII letters and spaces only, so it lies within a run of
    them that holds "inistry"; the search of a run reaches one character past it
    so that the closing word boundary sees what follows, which no match can take.
    """
    searched = 0
    position = plain.find(_MINISTRY_WORD)
    while position >= 0:
        if position >= searched:
            start = position
            while start > 0 and plain[start - 1] in _NAME_MINISTRY_CHARACTERS:
                start -= 1
            run = _NAME_MINISTRY_RUN.match(plain, position + len(_MINISTRY_WORD))
            searched = run.end() if run else position + len(_MINISTRY_WORD)
            yield from _NAME_MINISTRY.finditer(plain, start, searched + 1)
        position = plain.find(_MINISTRY_WORD, position + 1)


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``..``end`` overlaps one of ``spans`` (sorted, not overlapping)."""
    i = bisect_left(spans, (end, 0))
    return any(s < end and start < e for s, e in spans[max(0, i - 2) : i])


def without_overlaps(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The ``mentions`` (in text order) that ``overlaps`` finds in none of ``spans``:
    ``[m for m in mentions if not overlaps(m.start_char, m.end_char, spans)]``.

    Only a mention that overlaps some span at all is tested; a sweep over both in
    text order finds those."""
    if not spans:
        return list(mentions)
    ordered = sorted(spans)
    kept: list[Mention] = []
    k = 0
    for mention in mentions:
        # Spans that end before this mention starts end before every later one starts.
        while k < len(ordered) and ordered[k][1] <= mention.start_char:
            k += 1
        if (
            k < len(ordered)
            and ordered[k][0] < mention.end_char
            and overlaps(mention.start_char, mention.end_char, spans)
        ):
            continue
        kept.append(mention)
    return kept


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
