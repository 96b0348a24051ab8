"""Spot person names without a statistical model.

A person is a run of two to four capitalised words (with particles and
hyphens: "Khaleel-ur-Rahman Haqqani", "Osama bin Laden") that names no
vocabulary entity and stands where news copy puts people: after a title
("Foreign Minister Sergei Lavrov"), before an appositive role (", head of
..."), beside a verb of saying ("X said", "said X"), or after "met ... with".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.entities.types import Mention
from timeline.entities.vocabulary import RoleWords, load_vocabulary, normalise

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
#: one capitalised word of a name; hyphenated parts may be particles ("-ur-")
NAME_WORD = re.compile(
    rf"(?<![\w'-])[{_UPPER}][{_LOWER}]+(?:-[{_LOWER}]{{1,3}}-[{_UPPER}][{_LOWER}]+"
    rf"|-[{_UPPER}][{_LOWER}]+|'[{_UPPER}][{_LOWER}]+)*(?![\w-]|'[{_LOWER}]{{2}})"
)
_WORD = re.compile(r"[\w'-]+")


@dataclass(frozen=True)
class NameRun:
    """A run of name words in a text; offsets are into that text."""

    start: int
    end: int
    words: tuple[str, ...]

    @property
    def name(self) -> str:
        return " ".join(self.words)


def name_runs(
    text: str, blocked: Sequence[Mention] = (), start: int = 0, end: int | None = None
) -> list[NameRun]:
    """Maximal runs of name words in ``text[start:end]``, split at words that cannot be names.

    Words inside ``blocked`` mentions (vocabulary entities) and the words of
    ``roles.yml``'s ``not_names``, titles and honorifics end a run.
    """
    words = load_vocabulary().roles
    runs: list[NameRun] = []
    current: list[re.Match[str]] = []
    previous_end = -1
    previous: re.Match[str] | None = None
    for match in NAME_WORD.finditer(text, start, len(text) if end is None else end):
        joins = bool(current) and _joins(text[previous_end : match.start()], words)
        titled = (
            previous is not None
            and previous.end() + 1 == match.start()
            and (previous.group().casefold() in words.heads or previous.group() in words.honorifics)
        )
        usable = _usable(match, blocked, words, in_name=joins or titled)
        if current and (not usable or not joins):
            runs.append(_run(current))
            current = []
        if usable:
            current.append(match)
            previous_end = match.end()
        previous = match
    if current:
        runs.append(_run(current))
    return runs


#: Prepositions after which a capitalised run is a place, whatever follows it.
_LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "across"})
_DATE_AFTER = re.compile(r"\.|\s+\d")


def _usable(
    match: re.Match[str], blocked: Sequence[Mention], words: RoleWords, *, in_name: bool
) -> bool:
    word = match.group()
    if word in words.not_names or word in words.honorifics:
        return False
    if word in words.month_names_too and _DATE_AFTER.match(match.string, match.end()):
        return False
    folded = word.casefold()
    if folded in words.heads or folded in words.modifiers:
        return False
    start, end = match.span()
    for mention in blocked:
        if mention.start_char < end and start < mention.end_char:
            # Many surnames are places too ("Wardak", "Logari"): a one-word
            # place may close a name that has begun, and open one only right
            # after a title ("President Vladimir Putin"): "in Kabul Ahmad Shah
            # said" names no "Kabul Ahmad Shah".
            return (
                in_name
                and mention.entity.kind == "place"
                and mention.start_char == start
                and mention.end_char == end
            )
    return True


def _joins(gap: str, words: RoleWords) -> bool:
    if gap == " ":
        return True  # the usual case
    parts = gap.split()
    if not (gap.startswith(" ") and gap.endswith(" ")):
        return False
    return not parts or (len(parts) == 1 and parts[0] in words.particles)


def _run(matches: list[re.Match[str]]) -> NameRun:
    return NameRun(matches[0].start(), matches[-1].end(), tuple(m.group() for m in matches))


def has_person_cue(text: str, run: NameRun, *, sentence_start: int = 0) -> bool:
    """True when the context of ``run`` in ``text`` marks it as a person's name.

    ``sentence_start`` is where the run's sentence begins in ``text``: cues do
    not reach across sentences.
    """
    words = load_vocabulary().roles
    before = normalise(text[sentence_start : run.start])
    after = normalise(text[run.end : run.end + 200])
    before_words = _WORD.findall(before)
    last = before_words[-1].casefold() if before_words else ""
    if last in words.heads or (before_words and before_words[-1] in words.honorifics):
        return True  # "Foreign Minister Sergei Lavrov", "the group's leader, X"
    if last in _LOCATIVES and before.endswith(" "):
        return False  # "traders in Spin Boldak said": a place the vocabulary does not know
    if last in words.reporting_verbs or before.rstrip().casefold().endswith("according to"):
        return True  # "said Gul Hassan"
    if last in words.succession_words or last in words.relation_nouns:
        return True  # "replacing Gul Hassan", "his counterpart Gul Hassan"
    if last in words.appointment_verbs and re.match(r"\s+as\b", after):
        return True  # "appointed Gul Hassan as minister"
    if before.rstrip().endswith(","):
        # "Kazakhstan's new ambassador to Afghanistan, Yerkin Tokumov, arrived": the name
        # stands in apposition to a role phrase just before it.
        phrase = before.rstrip()[:-1].rsplit(",", 1)[-1]
        if any(w.casefold() in words.heads for w in _WORD.findall(phrase)[-6:]):
            return True
    if last == "with" and re.search(r"\b(?:met|meet|meets|meeting|talks)\b", before):
        return True
    following = _WORD.findall(after[:40])
    if following and following[0] in words.reporting_verbs:
        return True  # "Gul Hassan said"
    if len(following) > 1 and following[0] in ("has", "had", "also", "later", "previously"):
        return following[1] in words.reporting_verbs
    if len(following) > 1 and following[0] in ("was", "has", "had", "is", "been"):
        return following[-1] in words.appointment_verbs or following[1] in words.appointment_verbs
    apposition = re.match(r"\s*,\s*([^,.;:()]*)", after)
    if apposition:
        phrase = apposition.group(1)
        if phrase.startswith(("who ", "whose ")):
            return True
        head_words = _WORD.findall(phrase)[:6]
        return any(w.casefold() in words.heads for w in head_words)
    return False
