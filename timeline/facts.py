"""Standing facts that sentences state: memberships, foundings and who holds which post.

Patterns are general news constructions, not sentences of any one article:

* lists of countries ("whose members include A, B and C", "A and B are
  observer states", "Dialogue partners include ...", a list under "Members:"
  on lines of its own), with the organisation named in the sentence, as
  "its", or the last bloc the text named;
* "A joined the O in July 2024", "the O, founded in 2001";
* titles before a name ("Russian Foreign Minister Sergei Lavrov", "the
  group's leader, X"), appositive roles ("X, secretary-general of the O",
  "X, Russia's special representative for ..."), appointments ("X was
  appointed head of ...", "named X as ..."), and a post stated without a name
  followed by the person in the next sentence ("a spokesperson for the
  ministry said ... X said ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from timeline.entities.linker import DocumentEntities
from timeline.entities.types import Entity, Fact, Mention
from timeline.entities.vocabulary import Vocabulary, load_vocabulary, normalise
from timeline.sentences import Sentence
from timeline.temporal.format import iso_at_precision
from timeline.temporal.types import Timex

_LIST_GLUE = re.compile(r"(?:\s|,|;|\(|\)|\band\b|\bas well as\b|\bthe\b|[-•*·])*")
_INCLUDE = r"[^.]*?(?:include|includes|including|are|comprise|:|\()\s*$"
_BE = r"^\s*(?:are|is|were|became)\s+(?:\w+\s+){0,2}"
# Cues before a list: "whose members include", "Dialogue partners are:".
_BEFORE_LIST = (
    ("dialogue_partner_of", re.compile(r"\bdialogue partners?\b" + _INCLUDE, re.I)),
    (
        "observer_of",
        re.compile(r"\bobservers?(?: states?| countries| members?)?\b" + _INCLUDE, re.I),
    ),
    (
        "member_of",
        re.compile(
            r"\bmembers?(?: states| countries)?\b"
            + _INCLUDE
            + r"|\b(?:comprises|consists of|made up of|brings together)\s*$",
            re.I,
        ),
    ),
)
# Cues after a list: "are observer states", "holds observer status", "joined".
_AFTER_LIST = (
    ("dialogue_partner_of", re.compile(_BE + r"dialogue partners?\b", re.I)),
    (
        "observer_of",
        re.compile(
            _BE + r"observers?\b|^\s*(?:holds?|has|have|enjoys?)\s+observer status"
            r"|^\s*(?:was|were|has been|had been)\s+granted\s+observer status"
            r"|^,\s*as an observer(?: member| state)?\b",
            re.I,
        ),
    ),
    (
        "joined",
        re.compile(
            r"^\s*(?:has\s+|had\s+|formally\s+|officially\s+)*"
            r"(?:joined|was admitted to|acceded to"
            r"|became\s+(?:a|an|the|its|their|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?member(?:\s+of)?)\b",
            re.I,
        ),
    ),
    ("member_of", re.compile(_BE + r"(?:full\s+)?members?\b", re.I)),
)
_FOUNDED = re.compile(
    r"^,?\s*(?:which was\s+|was\s+|were\s+)?(?:founded|established|created|set up|formed)\s+in\b"
)
_STOP_WORDS = frozenset(["of", "for", "the", "to", "and", "on", "at", "in"])
_REPORTING_AFTER = re.compile(r"^\s+(?:has\s+|had\s+|also\s+)?(\w+)")
_APPOINTED = re.compile(
    r"^(?:,\s*who\s+)?\s*(?:was|is|has been|had been|were)?\s*(?:appointed|named|elected)\s+"
    r"(?:as\s+|to the post of\s+|to the position of\s+)?",
)
#: "appointed X as the new governor": "new" tells of the appointment, not the post.
_ARTICLE_AT = re.compile(r"(?:the |a |an )(?:new |next |incoming )?")
_OWNER_LINK = re.compile(r"(?:'s|-run|-led|-appointed|-backed)?\s+")
_COMMA_BEFORE_NAME = re.compile(r",\s*$")
_WHO_HEADS = re.compile(r",\s*who\s+(?:now\s+|currently\s+)?(heads|leads|chairs)\s+", re.IGNORECASE)
_HEAD_TITLES = {"heads": "Head", "leads": "Leader", "chairs": "Chair"}
_LEADING_ARTICLE = re.compile(r"\s*(?:the|a|an|The|A|An)?\s*")
_ARTICLE = re.compile(r"\b(?:a|an|the|The|A|An)\s")
_OF = re.compile(r"\s(of|at|in|for)\s+(?:the\s+)?$")
_ROLE_TAIL = re.compile(r"\s*(?:$|of\b|for\b|to\b|on\b|at\b|in\b)")
# Where a post's wording ends: a clause break or the verb of the sentence.
_WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|\d{4}|week|month|year)"
)
_ROLE_END = re.compile(
    r"[,;:()]|\.(?:\s|$)|\s(?:who|which|said|says|told|added)\b"
    rf"|\s(?:on|in|last|this|earlier|later|next)\s+(?:this\s+|last\s+)?{_WHEN}\b"
)
_LOWER_WORD = re.compile(r"[a-z]+")
_NAMING = re.compile(r"\b(?:appointed|named|elected)\s*$")


_HONORIFICS_REACH = 80
_PAST_POST = re.compile(r"\b(?:former|then|late|ex)\b", re.IGNORECASE)
#: "former" a word or two before the role: "the former Afghan vice president".
_PAST_POST_BEFORE = re.compile(
    r"\b(?:former|then|late|ex|ousted|deposed|outgoing)[\s-]+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Role:
    role: str
    of: Entity | None
    spans: tuple[tuple[int, int], ...]


def extract_facts(
    text: str,
    sentences: Sequence[Sentence],
    entities: DocumentEntities,
    timexes: Sequence[Timex] = (),
) -> list[Fact]:
    """Facts the sentences of ``text`` state, once each, in sentence order.

    ``timexes`` are the document's resolved dates: a fact dated by the text
    ("joined in July 2024", "was appointed earlier this week") takes its date.
    """
    extractor = _Extractor(text, sentences, entities, load_vocabulary(), timexes)
    for sentence in sentences:
        extractor.sentence(sentence)
    return extractor.facts


class _Extractor:
    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        entities: DocumentEntities,
        vocabulary: Vocabulary,
        timexes: Sequence[Timex],
    ) -> None:
        self.timexes = sorted(timexes, key=lambda t: t.start_char)
        self.text = normalise(text)
        self.original = text
        self.sentences = sentences
        self.entities = entities
        self.vocabulary = vocabulary
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, str, str, str, str]] = set()
        self.pending: _Role | None = None
        self.title, self.title_at_end = _title_patterns(
            vocabulary.roles.heads, vocabulary.roles.modifiers
        )
        self.honorifics_at_end = _honorifics_pattern(vocabulary.roles.honorifics)

    def mentions(self, sentence: Sentence) -> tuple[Mention, ...]:
        return self.entities.by_sentence[sentence.index]

    def add(self, fact: Fact) -> None:
        key = (
            fact.relation,
            fact.subject.id,
            fact.object.id if fact.object else "",
            (fact.role or "").casefold(),
            fact.of.id if fact.of else "",
        )
        if key not in self.seen:
            self.seen.add(key)
            self.facts.append(fact)

    def sentence(self, sentence: Sentence) -> None:
        self.memberships(sentence)
        self.founded(sentence)
        self.roles(sentence)

    # Memberships -------------------------------------------------------

    def memberships(self, sentence: Sentence) -> None:
        for group, before, after in self.country_lists(sentence):
            relation, after_cue = self.list_relation(before, after)
            if relation is None:
                continue
            org = self.list_organisation(sentence, group, after_cue)
            if org is None:
                continue
            spans = tuple((m.start_char, m.end_char) for m in group)
            valid_from = None
            if relation == "joined":
                valid_from = self.date_after(group[-1].end_char, sentence.end_char)
            for country in group:
                relations = ("member_of", "joined") if relation == "joined" else (relation,)
                for name in relations:
                    self.add(
                        Fact(
                            name,
                            country.entity,
                            sentence.index,
                            object=org,
                            valid_from=valid_from if name == "joined" else None,
                            extractor="country-list",
                            evidence_spans=spans,
                        )
                    )

    def country_lists(self, sentence: Sentence) -> list[tuple[list[Mention], str, str]]:
        """Runs of countries joined by commas, "and", brackets; with the text around them."""
        groups: list[list[Mention]] = []
        for mention in self.mentions(sentence):
            if mention.entity.kind != "country" or mention.form != "name":
                continue
            if groups:
                gap = self.text[groups[-1][-1].end_char : mention.start_char]
                if _LIST_GLUE.fullmatch(gap):
                    groups[-1].append(mention)
                    continue
            groups.append([mention])
        lists = [
            (
                group,
                self.text[sentence.start_char : group[0].start_char],
                self.text[group[-1].end_char : sentence.end_char],
            )
            for group in groups
        ]
        below = self.lines_after(sentence)
        if below:
            lists.append((below, sentence.text, ""))
        return lists

    def lines_after(self, sentence: Sentence) -> list[Mention]:
        """A list set out on lines of their own after a sentence ending in a colon."""
        if not sentence.text.endswith(":"):
            return []
        group: list[Mention] = []
        for following in self.sentences[sentence.index + 1 :]:
            countries = [
                m
                for m in self.mentions(following)
                if m.entity.kind == "country" and m.form == "name"
            ]
            rest = following.text
            for m in countries:
                rest = rest.replace(self.original[m.start_char : m.end_char], "", 1)
            if not countries or not _LIST_GLUE.fullmatch(rest.rstrip(".")):
                break
            group += countries
        return group

    def list_relation(self, before: str, after: str) -> tuple[str | None, re.Match[str] | None]:
        for relation, pattern in _AFTER_LIST:
            match = pattern.match(after)
            if match:
                return relation, match
        for relation, pattern in _BEFORE_LIST:
            if pattern.search(before):
                return relation, None
        return None, None

    def list_organisation(
        self, sentence: Sentence, group: list[Mention], after_cue: re.Match[str] | None
    ) -> Entity | None:
        """The bloc a list belongs to: named after the cue, before the list, or lately."""
        mentions = self.mentions(sentence)
        if after_cue is not None:
            # After the list, within the cue ("became the bloc's tenth member") or after it.
            cue_end = group[-1].end_char + after_cue.end()
            for m in mentions:
                if group[-1].end_char <= m.start_char <= cue_end + 40 and self.is_bloc(m.entity):
                    return m.entity
        for m in reversed([m for m in mentions if m.start_char < group[0].start_char]):
            if self.is_bloc(m.entity):
                return m.entity
        for earlier in reversed(self.sentences[max(0, sentence.index - 5) : sentence.index]):
            for m in reversed(self.mentions(earlier)):
                if self.is_bloc(m.entity):
                    return m.entity
        return None

    def is_bloc(self, entity: Entity) -> bool:
        return entity.kind == "organisation" and self.vocabulary.categories.get(entity.id) == "bloc"

    def date_after(self, start: int, end: int) -> str | None:
        """The first calendar date between two offsets, at its precision."""
        for timex in self.timexes:
            if start <= timex.start_char < end and timex.type == "DATE" and timex.start:
                return iso_at_precision(timex.start, timex.precision or "day")
        return None

    def founded(self, sentence: Sentence) -> None:
        for mention in self.mentions(sentence):
            if mention.entity.kind not in ("organisation", "body"):
                continue
            after = self.text[mention.end_char : sentence.end_char]
            match = _FOUNDED.match(after)
            if match:
                self.add(
                    Fact(
                        "founded",
                        mention.entity,
                        sentence.index,
                        valid_from=self.date_after(mention.end_char, sentence.end_char),
                        extractor="founded",
                        evidence_spans=((mention.start_char, mention.end_char + match.end()),),
                    )
                )

    # Roles -------------------------------------------------------------

    def roles(self, sentence: Sentence) -> None:
        mentions = self.mentions(sentence)
        people = [m for m in mentions if m.entity.kind == "person"]
        pending, self.pending = self.pending, None
        if not people:
            self.pending = self.unnamed_role(sentence, mentions)
            return
        for person in people:
            for extractor, found in (
                ("role-title", self.title_before),
                ("role-apposition", self.apposition),
                ("role-apposition-before", self.apposition_before),
                ("role-who-heads", self.who_heads),
                ("role-appointed", self.appointed),
            ):
                role = found(sentence, person, mentions)
                if role is not None:
                    since = (
                        self.date_after(person.end_char, sentence.end_char)
                        if extractor == "role-appointed"
                        else None
                    )
                    self.add_role(person, role, sentence, extractor, since)
        if pending is not None:
            speaker = self.first_speaker(sentence, people)
            if speaker is not None:
                self.add_role(speaker, pending, sentence, "role-next-sentence")

    def add_role(
        self,
        person: Mention,
        role: _Role,
        sentence: Sentence,
        extractor: str,
        since: str | None = None,
    ) -> None:
        first = min((start for start, _ in role.spans), default=person.start_char)
        lead = self.text[max(sentence.start_char, first - 30) : first]
        if _PAST_POST.search(role.role) or _PAST_POST_BEFORE.search(lead):
            return  # a past post is not a standing fact: "former Afghan vice president"
        self.add(
            Fact(
                "holds_role",
                person.entity,
                sentence.index,
                role=_title_case(role.role),
                of=role.of,
                valid_from=since,
                extractor=extractor,
                evidence_spans=((person.start_char, person.end_char), *role.spans),
            )
        )

    def title_before(
        self, sentence: Sentence, person: Mention, mentions: Sequence[Mention]
    ) -> _Role | None:
        base = max(sentence.start_char, person.start_char - 120)  # titles are short
        # "Defence Minister Mullah X", "army chief General X": the post comes before the
        # honorific; "General X" alone has the rank as the post.
        match = self.title_at_end.search(self.text, base, self.honorifics_start(person))
        match = match or self.title_at_end.search(self.text, base, person.start_char)
        if match is None:
            return None
        start = match.start()
        title = match.group().rstrip(", ")
        span = ((start, start + len(title)),)
        owner = _owner_before(self.text, start, mentions)
        if owner is None:
            # "UN Secretary-General": a body that opens the title is whose post it is.
            owner = next((m for m in mentions if _opens_title(m, start, len(title))), None)
            if owner is not None:
                title = self.original[owner.end_char : start + len(title)].strip()
        return _Role(title, owner.entity if owner else None, span)

    def honorifics_start(self, person: Mention) -> int:
        """Where a run of honorifics just before ``person`` begins ("Mawlawi X")."""
        # A run of honorifics is a few words long; searching from the text's start made
        # this the slowest step of the build.
        window = max(0, person.start_char - _HONORIFICS_REACH)
        found = self.honorifics_at_end.search(self.text, window, person.start_char)
        return found.start() if found is not None else person.start_char

    def apposition(
        self, sentence: Sentence, person: Mention, mentions: Sequence[Mention]
    ) -> _Role | None:
        match = re.match(r",\s*(?:the |a |an )?", self.text[person.end_char : sentence.end_char])
        if match is None:
            return None
        return self.role_phrase(person.end_char + match.end(), sentence, mentions)

    def apposition_before(
        self, sentence: Sentence, person: Mention, mentions: Sequence[Mention]
    ) -> _Role | None:
        """ "Kazakhstan's ambassador to Afghanistan, Alimkhan Yessengeldiyev, said": the post
        fills the clause up to the comma before the name."""
        before = self.text[sentence.start_char : person.start_char]
        comma = _COMMA_BEFORE_NAME.search(before)
        if comma is None:
            return None
        opening = max(before.rfind(",", 0, comma.start()), before.rfind(";", 0, comma.start()))
        start = sentence.start_char + opening + 1
        article = _LEADING_ARTICLE.match(self.text, start)
        role = self.role_phrase(article.end() if article else start, sentence, mentions)
        if role is None or role.spans[0][1] != sentence.start_char + comma.start():
            return None  # the post must reach the comma: "In Kabul, X said" names none
        return role

    def who_heads(
        self, sentence: Sentence, person: Mention, mentions: Sequence[Mention]
    ) -> _Role | None:
        """ "X, who heads the Taliban's administrative office": head of what is named next."""
        verb = _WHO_HEADS.match(self.text, person.end_char, sentence.end_char)
        if verb is None:
            return None
        limit = _ROLE_END.search(self.text, verb.end(), sentence.end_char)
        end = limit.start() if limit else sentence.end_char
        # The body led must end the phrase: in "heads the Taliban's administrative office"
        # the Taliban are not what he heads.
        led = [
            m
            for m in mentions
            if verb.end() <= m.start_char < end
            and m.entity.kind in ("organisation", "body")
            and not self.text[m.end_char : end].strip(" .")
        ]
        if not led:
            return None
        title = _HEAD_TITLES[verb.group(1).lower()]
        return _Role(title, led[0].entity, ((verb.start(), end),))

    def appointed(
        self, sentence: Sentence, person: Mention, mentions: Sequence[Mention]
    ) -> _Role | None:
        after = self.text[person.end_char : sentence.end_char]
        match = _APPOINTED.match(after)
        if match is not None:
            start = person.end_char + match.end()
        else:
            before = self.text[sentence.start_char : self.honorifics_start(person)]
            rest = re.match(r"\s+(?:as\s+)?", after)
            if not _NAMING.search(before) or rest is None:
                return None
            start = person.end_char + rest.end()
        article = _ARTICLE_AT.match(self.text, start)
        return self.role_phrase(article.end() if article else start, sentence, mentions)

    def role_phrase(
        self, start: int, sentence: Sentence, mentions: Sequence[Mention]
    ) -> _Role | None:
        """The post named at ``start``: "[Owner's] title [of/for/to ...]" up to a clause break."""
        owner = next((m for m in mentions if m.start_char == start), None)
        if owner is not None and owner.entity.kind != "person":
            link = _OWNER_LINK.match(self.text, owner.end_char)
            if link is None:
                return None
            start = link.end()
        else:
            owner = None
        # Most places start no title; the phrase ends before a non-word character, so a
        # title that matches in it matches in the rest of the sentence too.
        if not self.title.match(self.text, start, sentence.end_char):
            return None
        limit = _ROLE_END.search(self.text, start, sentence.end_char)
        end = limit.start() if limit else sentence.end_char
        phrase = self.text[start:end].rstrip(" .")
        title = self.title.match(phrase)
        if title is None or not _ROLE_TAIL.match(phrase[title.end() :]):
            return None
        of = owner.entity if owner else None
        role_end = start + len(phrase)
        tail = [m for m in mentions if start < m.start_char and m.end_char == role_end]
        if tail and tail[0].entity.kind in ("organisation", "body", "country", "place"):
            prep = _OF.search(self.text[start : tail[0].start_char])
            # "Kazakhstan's ambassador in Kabul": where a post is held is not whose it is.
            posted = (
                prep is not None
                and owner is not None
                and prep.group(1) in ("in", "at")
                and tail[0].entity.kind in ("country", "place")
            )
            if prep and not (prep.group(1) == "for" and tail[0].entity.kind == "country"):
                of = owner.entity if posted and owner else tail[0].entity
                role_end = start + prep.start()
        return _Role(self.original[start:role_end].strip(), of, ((start, start + len(phrase)),))

    def unnamed_role(self, sentence: Sentence, mentions: Sequence[Mention]) -> _Role | None:
        """ "A spokesperson for the ministry said ...": a post whose holder comes next."""
        text = self.text[sentence.start_char : sentence.end_char]
        if self.vocabulary.roles.reporting_verbs.isdisjoint(_LOWER_WORD.findall(text)):
            return None
        starts = [sentence.start_char]
        starts += [sentence.start_char + m.end() for m in _ARTICLE.finditer(text)]
        starts += [m.start_char for m in mentions if m.entity.kind != "person"]
        for start in sorted(set(starts)):
            role = self.role_phrase(start, sentence, mentions)
            if role is None:
                continue
            end = role.spans[-1][1]
            said = re.match(r"\s+(\w+)", self.text[end : sentence.end_char])
            if said and said.group(1) in self.vocabulary.roles.reporting_verbs:
                return role
        return None

    def first_speaker(self, sentence: Sentence, people: Sequence[Mention]) -> Mention | None:
        person = people[0]
        if person.form != "name":
            return None
        verb = _REPORTING_AFTER.match(self.text[person.end_char : sentence.end_char])
        if verb and verb.group(1) in self.vocabulary.roles.reporting_verbs:
            return person
        return None


@cache
def _title_patterns(
    heads: frozenset[str], modifiers: frozenset[str]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A post's title ("deputy foreign minister") at a place, and at the end of a text."""
    mod = "|".join(re.escape(m) for m in sorted(modifiers, key=len, reverse=True))
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return (
        re.compile(rf"(?:(?:{mod})[ -]+)*(?:{head})\b", re.I),
        re.compile(rf"\b(?:(?:{mod})[ -]+)*(?:{head}),? $", re.I),
    )


@cache
def _honorifics_pattern(honorifics: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:(?:{words})\s+)+$")


def _opens_title(mention: Mention, start: int, length: int) -> bool:
    return (
        mention.start_char == start
        and mention.end_char < start + length
        and mention.entity.kind in ("organisation", "body")
    )


def _owner_before(text: str, start: int, mentions: Sequence[Mention]) -> Mention | None:
    """The country, organisation or body whose post starts at ``start``."""
    link = re.search(r"(?:'s|-run|-led)?\s+$", text[max(0, start - 8) : start])
    if link is None:
        return None
    owner_end = max(0, start - 8) + link.start()
    for mention in mentions:
        if mention.end_char == owner_end and mention.entity.kind in (
            "country",
            "organisation",
            "body",
        ):
            return mention
    return None


def _title_case(role: str) -> str:
    """ "presidential special representative for SCO affairs" as a title is written."""
    words = role.split(" ")
    return " ".join(
        w if w in _STOP_WORDS and i else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )
