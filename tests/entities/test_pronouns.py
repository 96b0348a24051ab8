"""Pronouns link to the person a text was speaking of."""

from __future__ import annotations

import pytest

from timeline.entities.linker import link_document
from timeline.sentences import split_sentences

CASES = [
    (
        "Foreign Minister Ayesha Rahimi met envoy Omar Siddiq in Doha. She said talks went well.",
        "She",
        "Ayesha Rahimi",
    ),
    (
        "Envoy Omar Siddiq spoke on Monday. The weather was cold. He arrived in Kabul later.",
        "He",
        "Omar Siddiq",
    ),
    (
        "Spokesman Zabiullah Karimi said the border was open, and he added that trade resumed.",
        "he",
        "Zabiullah Karimi",
    ),
]


@pytest.mark.parametrize(("text", "pronoun", "person"), CASES)
def test_pronoun_links_to_the_subject(text: str, pronoun: str, person: str) -> None:
    entities = link_document(text, split_sentences(text))
    linked = [m for m in entities.mentions() if m.text == pronoun]
    assert [m.entity.name for m in linked] == [person]
    assert linked[0].form == "anaphor"


def test_no_person_no_link() -> None:
    text = "The ministry opened a clinic. He was not named."
    entities = link_document(text, split_sentences(text))
    assert not [m for m in entities.mentions() if m.text == "He"]


def test_too_far_back_is_not_linked() -> None:
    text = "Envoy Omar Siddiq spoke. One. Two. Three. He left."
    entities = link_document(text, split_sentences(text))
    assert not [m for m in entities.mentions() if m.text == "He"]
