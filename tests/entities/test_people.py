"""People found by their cues, and short forms and anaphora in a document."""

from __future__ import annotations

import pytest

from timeline.entities import link_document
from timeline.sentences import split_sentences


def _people(text: str) -> list[str]:
    document = link_document(text, split_sentences(text))
    return [m.entity.name for m in document.mentions() if m.entity.kind == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Turkish Defence Minister Yasar Guler visited the base.", "Yasar Guler"),
        ("The movement's founder, Omar Abdul Rashid, died in 1999.", "Omar Abdul Rashid"),
        ("Amina Bek-Nazarova, deputy head of the agency, spoke.", "Amina Bek-Nazarova"),
        ("Rustam Ali-ud-Din Qaderi said the road was open.", "Rustam Ali-ud-Din Qaderi"),
        ("The road is open, said Farid Noorzai on Tuesday.", "Farid Noorzai"),
        ("The envoy met on Friday with Dilnoza Karimova in Tashkent.", "Dilnoza Karimova"),
        ("Pavel Orlov, who leads the mission, declined to comment.", "Pavel Orlov"),
        ("According to Zahir Qadiri the border is shut.", "Zahir Qadiri"),
        ("Uzbekistan's new envoy to Kabul, Botir Usmonov, arrived on Monday.", "Botir Usmonov"),
        ("The council appointed Nadir Sahak as its chairman.", "Nadir Sahak"),
        ("The post went to a cleric, replacing Wali Hamza Sadiq.", "Wali Hamza Sadiq"),
        ("The envoy sat down with his counterpart Nodir Ergashev.", "Nodir Ergashev"),
        ("She thanked her predecessor Ruslan Tokayev for the work.", "Ruslan Tokayev"),
        # A given name that is also a place opens a name right after a title only.
        ("Russian President Vladimir Putin held talks.", "Vladimir Putin"),
        ("In Kabul Ahmad Shah said the talks were over.", "Ahmad Shah"),
        # A month's abbreviation is a name unless a date follows it.
        ("Chinese Defence Minister Dong Jun held talks.", "Dong Jun"),
        ("Aid chief Jan Egeland said on Jun 5 that aid was cut.", "Jan Egeland"),
    ],
)
def test_names_with_a_cue_are_people(text: str, name: str) -> None:
    assert _people(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Kabul Medical University opened a faculty.",
        "Central Asia faces new threats.",
        "On Monday Islamic Relief delivered food.",
        "Prophetic Traditional Medicine is taught there.",
        "Speaking to supporters, officials urged calm.",
        # A run after "in" is a place the vocabulary does not know, even before "said".
        "Traders in Spin Boldak said the road was shut.",
    ],
)
def test_capitalised_phrases_without_a_cue_are_not_people(text: str) -> None:
    assert _people(text) == []


def test_surnames_after_the_full_name_are_the_same_person() -> None:
    text = (
        "Foreign Minister Ivan Petrov arrived in Kabul. Petrov met local officials.\n"
        "Later Petrov left."
    )
    document = link_document(text, split_sentences(text))
    people = [
        (m.text, m.entity.id, m.form) for m in document.mentions() if m.entity.kind == "person"
    ]
    assert people == [
        ("Ivan Petrov", "person:ivan-petrov", "name"),
        ("Petrov", "person:ivan-petrov", "short"),
        ("Petrov", "person:ivan-petrov", "short"),
    ]
    assert [len(s) for s in document.by_sentence][1] >= 1


def test_a_surname_before_the_full_name_is_not_linked() -> None:
    text = "Petrov is a common name. Minister Ivan Petrov spoke."
    assert _people(text) == ["Ivan Petrov"]


@pytest.mark.parametrize(
    ("text", "anaphor", "entity_id"),
    [
        (
            "Kyrgyzstan hosted the SCO summit. The bloc's members signed a pact.",
            "The bloc",
            "org:sco",
        ),
        (
            "The Taliban's Ministry of Education announced exams. The group's leader agreed.",
            "The group",
            "org:taliban",
        ),
        (
            "The Taliban's Ministry of Education announced exams. The ministry said more.",
            "The ministry",
            "body:af-ministry-of-education",
        ),
        (
            "Uzbekistan joined the CIS long ago; the organisation welcomed it.",
            "the organisation",
            "org:cis",
        ),
    ],
)
def test_anaphora_resolve_to_the_last_compatible_entity(
    text: str, anaphor: str, entity_id: str
) -> None:
    document = link_document(text, split_sentences(text))
    found = [(m.text, m.entity.id) for m in document.mentions() if m.form == "anaphor"]
    assert (anaphor, entity_id) in found


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        # Whoever "X met" is someone other than X.
        ("Envoy Farid Noorzai met the envoy in Doha.", []),
        (
            "Envoy Zamir Orlov arrived. Minister Farid Noorzai met the envoy.",
            [("the envoy", "Zamir Orlov")],
        ),
    ],
)
def test_the_object_of_a_meeting_is_not_its_subject(
    text: str, linked: list[tuple[str, str]]
) -> None:
    document = link_document(text, split_sentences(text))
    found = [(m.text, m.entity.name) for m in document.mentions() if m.form == "anaphor"]
    assert found == linked


def test_mentions_are_grouped_by_sentence_with_document_offsets() -> None:
    text = "Russia spoke first.\nThen Iran replied to Russia."
    sentences = split_sentences(text)
    document = link_document(text, sentences)
    assert [[m.text for m in s] for s in document.by_sentence] == [["Russia"], ["Iran", "Russia"]]
    for mention in document.mentions():
        assert text[mention.start_char : mention.end_char] == mention.text
    assert document.sentence_of(text.index("Iran")) == 1
    assert list(document.entities()) == ["country:RU", "country:IR"]
