"""Link the entities of one document: vocabulary names, people, short forms, anaphora."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.entities.finder import find_mentions, without_overlaps
from timeline.entities.people import NameRun, has_person_cue, name_runs
from timeline.entities.types import Entity, Mention
from timeline.entities.vocabulary import Vocabulary, load_vocabulary, slug
from timeline.sentences import Sentence, group_by_sentence

_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
#: How many sentences back a pronoun may find its person.
PRONOUN_REACH = 3
_ANAPHOR = re.compile(r"\b[Tt]he (?P<noun>[a-z][a-z-]+)\b(?! [A-Z])")


@dataclass(frozen=True)
class DocumentEntities:
    """The mentions of a document, per sentence, with document offsets."""

    sentences: tuple[Sentence, ...]
    #: ``by_sentence[i]`` holds the mentions of ``sentences[i]`` in text order
    by_sentence: tuple[tuple[Mention, ...], ...]

    def mentions(self) -> list[Mention]:
        return [m for sentence in self.by_sentence for m in sentence]

    def entities(self) -> dict[str, Entity]:
        """Every entity mentioned, by id, in order of first mention."""
        found: dict[str, Entity] = {}
        for mention in self.mentions():
            found.setdefault(mention.entity.id, mention.entity)
        return found

    def sentence_of(self, char: int) -> int | None:
        """Index of the sentence holding document offset ``char``."""
        for sentence in self.sentences:
            if sentence.start_char <= char < sentence.end_char:
                return sentence.index
        return None


def person_entity(name: str) -> Entity:
    return Entity(f"person:{slug(name)}", name, "person")


def link_document(text: str, sentences: Sequence[Sentence]) -> DocumentEntities:
    """All mentions of ``text``, assigned to its ``sentences``.

    Beyond the vocabulary (see ``find_mentions``) this finds people, then
    every later use of a person's full name or surname, and resolves "the
    bloc", "the group", "the ministry", "the minister" and the like to the
    closest entity before them that such a noun can stand for. Anaphora are
    best-effort: the closest compatible entity is usually, not always, meant.
    """
    vocabulary = load_vocabulary()
    mentions = find_mentions(text)
    people = _people(text, sentences, mentions)
    taken = sorted((p.start_char, p.end_char) for p in people)
    mentions = without_overlaps(mentions, taken)
    mentions = sorted(mentions + people, key=lambda m: m.start_char)
    anaphora = _anaphora(text, sentences, mentions, vocabulary)
    mentions = sorted(mentions + anaphora, key=lambda m: m.start_char)
    by_sentence = group_by_sentence(mentions, sentences)
    by_sentence = _with_pronouns(text, sentences, by_sentence)
    return DocumentEntities(tuple(sentences), tuple(tuple(s) for s in by_sentence))


def _with_pronouns(
    text: str, sentences: Sequence[Sentence], by_sentence: list[list[Mention]]
) -> list[list[Mention]]:
    """Link "he" and "she" to a person named shortly before.

    The antecedent is the first person named in the closest sentence that
    names one (or earlier in the same sentence): news copy names a subject and
    goes on with a pronoun ("Lavrov met Masadykov ... He said ..." is Lavrov).
    Best effort, like every anaphor here; names carry no gender to check.
    """
    linked = []
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]  # in text order
        pronouns = list(_PRONOUN.finditer(text, sentence.start_char, sentence.end_char))
        if not pronouns:
            linked.append(list(mentions))
            continue
        mentions = list(mentions)
        for match in pronouns:
            person = next(
                (
                    m.entity
                    for m in mentions
                    if m.entity.kind == "person" and m.end_char <= match.start()
                ),
                None,
            ) or _last_subject(by_sentence, index)
            if person is not None:
                mentions.append(
                    Mention(match.start(), match.end(), match.group(), person, "anaphor")
                )
        linked.append(sorted(mentions, key=lambda m: m.start_char))
    return linked


def _last_subject(by_sentence: list[list[Mention]], index: int) -> Entity | None:
    for previous in range(index - 1, max(-1, index - 1 - PRONOUN_REACH), -1):
        for mention in by_sentence[previous]:
            if mention.entity.kind == "person":
                return mention.entity
    return None


def _people(text: str, sentences: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    runs: list[tuple[NameRun, Sentence]] = []
    grouped = group_by_sentence(mentions, sentences)
    for sentence, blocked in zip(sentences, grouped, strict=True):
        for run in name_runs(text, blocked, sentence.start_char, sentence.end_char):
            runs.append((run, sentence))
    known: dict[str, Entity] = {}
    for run, sentence in runs:
        if 2 <= len(run.words) <= 4 and has_person_cue(
            text, run, sentence_start=sentence.start_char
        ):
            known.setdefault(run.name, person_entity(run.name))
    found: list[Mention] = []
    surnames: dict[str, Entity] = {}
    for run, _sentence in runs:
        entity = known.get(run.name)
        if entity is not None:
            found.append(Mention(run.start, run.end, text[run.start : run.end], entity))
            surnames[run.words[-1]] = entity
            continue
        # An unknown run ending in a known surname is that person with a word
        # the name rules did not stop at ("Later Petrov"), not a new person.
        person = surnames.get(run.words[-1])
        if person is not None:
            start = run.end - len(run.words[-1])
            found.append(Mention(start, run.end, run.words[-1], person, "short"))
    return found


def _anaphora(
    text: str, sentences: Sequence[Sentence], mentions: list[Mention], vocabulary: Vocabulary
) -> list[Mention]:
    sentence_starts = [s.start_char for s in sentences]
    found: list[Mention] = []
    index = 0
    for match in _ANAPHOR.finditer(text):
        targets = vocabulary.roles.anaphors.get(match.group("noun"))
        if targets is None:
            continue
        while index < len(mentions) and mentions[index].start_char < match.start():
            index += 1
        if index < len(mentions) and mentions[index].start_char < match.end():
            continue  # part of a name: "the Ministry of ..."
        # "X met the envoy": an anaphor after such a verb is someone other than the people
        # named earlier in its own sentence.
        others_from = (
            sentence_starts[max(0, bisect_right(sentence_starts, match.start()) - 1)]
            if sentences and _OBJECT_OF.search(text, max(0, match.start() - 20), match.start())
            else None
        )
        entity = _antecedent(mentions, index, targets, vocabulary, others_from)
        if entity is not None:
            found.append(Mention(match.start(), match.end(), match.group(), entity, "anaphor"))
    return found


_OBJECT_OF = re.compile(
    r"\b(?:met|meets|meet|meeting|with|told|received|hosted|thanked|urged|called|invited)\s+$",
    re.IGNORECASE,
)


def _antecedent(
    mentions: list[Mention],
    before: int,
    targets: tuple[str, ...],
    vocabulary: Vocabulary,
    others_from: int | None = None,
) -> Entity | None:
    """The last entity before ``mentions[before]`` the anaphor may stand for; no person
    named at or after ``others_from``."""
    for position in range(before - 1, -1, -1):
        mention = mentions[position]
        if (
            others_from is not None
            and mention.start_char >= others_from
            and mention.entity.kind == "person"
        ):
            continue
        entity: Entity | None = mention.entity
        while entity is not None:
            if _fits(entity, targets, vocabulary):
                return entity
            entity = vocabulary.entities.get(entity.parent) if entity.parent else None
    return None


def _fits(entity: Entity, targets: tuple[str, ...], vocabulary: Vocabulary) -> bool:
    if entity.kind == "organisation":
        return vocabulary.categories.get(entity.id) in targets
    if entity.kind == "body":
        return "body" in targets or ("ministry" in targets and entity.name.startswith("Ministry"))
    return entity.kind in targets
