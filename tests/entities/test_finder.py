"""The vocabulary finder: aliases, demonyms, possessive bodies, places, word boundaries."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.entities import find_mentions
from timeline.entities.finder import (
    _MINISTRY_OF,
    _NAME_MINISTRY,
    _ministries_of,
    _name_ministries,
    name_starts,
)
from timeline.entities.vocabulary import TOKEN, load_vocabulary


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.entity.id, m.form) for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        ("Talks in Turkey ended early.", "Turkey", "country:TR"),
        ("Türkiye hosted the talks.", "Türkiye", "country:TR"),
        ("Delegates from the UAE arrived.", "UAE", "country:AE"),
        ("Envoys of the United Arab Emirates spoke.", "United Arab Emirates", "country:AE"),
        ("A resort in the Maldives.", "Maldives", "country:MV"),
        ("Sanctions on the Russian Federation.", "Russian Federation", "country:RU"),
        ("Officials in the U.S. agreed.", "U.S.", "country:US"),
        ("Britain voted.", "Britain", "country:GB"),
        ("Burma, now Myanmar, voted.", "Burma", "country:MM"),
        ("Fighting in DR Congo continued.", "DR Congo", "country:CD"),
        ("North Korea fired a missile.", "North Korea", "country:KP"),
        ("Kosovo declared independence.", "Kosovo", "country:XK"),
        ("Trade with Laos grew.", "Laos", "country:LA"),
        ("Chad closed its border.", "Chad", "country:TD"),
    ],
)
def test_country_names_and_aliases(text: str, surface: str, entity_id: str) -> None:
    assert (surface, entity_id, "name") in _found(text)


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        ("The Iranian delegation left.", "Iranian", "country:IR"),
        ("A Kazakh diplomat said so.", "Kazakh", "country:KZ"),
        ("Chinese investors met Pakistani traders.", "Chinese", "country:CN"),
        ("Chinese investors met Pakistani traders.", "Pakistani", "country:PK"),
        ("Afghan refugees returned.", "Afghan", "country:AF"),
    ],
)
def test_demonyms_link_to_the_country_with_their_own_form(
    text: str, surface: str, entity_id: str
) -> None:
    assert (surface, entity_id, "demonym") in _found(text)


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        (
            "The Shanghai Cooperation Organization met.",
            "Shanghai Cooperation Organization",
            "org:sco",
        ),
        ("Leaders of the SCO met in Shanghai.", "SCO", "org:sco"),
        (
            "The Collective Security Treaty Organisation met.",
            "Collective Security Treaty Organisation",
            "org:csto",
        ),
        ("UNAMA published figures.", "UNAMA", "body:unama"),
        ("The World Food Programme warned.", "World Food Programme", "org:wfp"),
        ("Fighters loyal to ISIS-K attacked.", "ISIS-K", "org:iskp"),
        ("A Daesh cell was arrested.", "Daesh", "org:isis"),
        ("He flew with Kam Air.", "Kam Air", "org:kam-air"),
        (
            "The CSTO’s Afghanistan Working Group met.",
            "CSTO’s Afghanistan Working Group",
            "body:csto-working-group-on-afghanistan",
        ),
        (
            "The CSTO's Working Group on Afghanistan met.",
            "CSTO's Working Group on Afghanistan",
            "body:csto-working-group-on-afghanistan",
        ),
        (
            "The Regional Anti-Terrorist Structure of the SCO met.",
            "Regional Anti-Terrorist Structure of the SCO",
            "body:sco-rats",
        ),
        ("The UN Security Council voted.", "UN Security Council", "body:un-security-council"),
    ],
)
def test_organisations_and_bodies(text: str, surface: str, entity_id: str) -> None:
    assert (surface, entity_id, "name") in _found(text)


def test_a_bare_body_resolves_to_the_organisation_named_before() -> None:
    sco = _found("The SCO said its Council of Foreign Ministers meets soon.")
    csto = _found("The CSTO said its Council of Foreign Ministers meets soon.")
    assert ("Council of Foreign Ministers", "body:sco-council-of-foreign-ministers", "name") in sco
    assert (
        "Council of Foreign Ministers",
        "body:csto-council-of-foreign-ministers",
        "name",
    ) in csto


@pytest.mark.parametrize(
    ("text", "surface", "entity_id", "parent"),
    [
        (
            "Kazakhstan’s Ministry of Foreign Affairs said so.",
            "Kazakhstan’s Ministry of Foreign Affairs",
            "body:kz-ministry-of-foreign-affairs",
            "country:KZ",
        ),
        (
            "The Taliban's Ministry of Information and Culture said so.",
            "Taliban's Ministry of Information and Culture",
            "body:af-ministry-of-information-and-culture",
            "org:taliban",
        ),
        (
            "Pakistan's foreign ministry said so.",
            "Pakistan's foreign ministry",
            "body:pk-ministry-of-foreign-affairs",
            "country:PK",
        ),
        (
            "The Russian Defence Ministry said so.",
            "Russian Defence Ministry",
            "body:ru-ministry-of-defence",
            "country:RU",
        ),
        (
            "The Taliban-run Ministry of Health said so.",
            "Taliban-run Ministry of Health",
            "body:af-ministry-of-public-health",
            "org:taliban",
        ),
    ],
)
def test_ministries_of_a_named_government(
    text: str, surface: str, entity_id: str, parent: str
) -> None:
    mentions = [m for m in find_mentions(text) if m.entity.kind == "body"]
    assert [(m.text, m.entity.id, m.entity.parent) for m in mentions] == [
        (surface, entity_id, parent)
    ]


def test_a_bare_ministry_is_the_one_named_before() -> None:
    text = "Iran's Ministry of Economy said so. Later the Ministry of Economy denied it."
    ids = [m.entity.id for m in find_mentions(text) if m.entity.kind == "body"]
    assert ids == ["body:ir-ministry-of-economy", "body:ir-ministry-of-economy"]


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        ("Rain fell on Kabul.", "Kabul", "place:1138958"),
        ("Clashes in Mazar-i-Sharif.", "Mazar-i-Sharif", "place:1133616"),
        ("Flooding in Oruzgan.", "Oruzgan", "place:af-uruzgan-province"),
        ("Schools in Paktya reopened.", "Paktya", "place:af-paktia-province"),
        ("Schools in Konar reopened.", "Konar", "place:af-kunar-province"),
        ("Fighting in Sar-e Pol.", "Sar-e Pol", "place:af-sar-e-pol-province"),
        ("Talks in Astana and Dushanbe.", "Dushanbe", "place:1221874"),
        ("A summit in Tashkent.", "Tashkent", "place:1512569"),
        ("Kabul province was calm.", "Kabul province", "place:af-kabul-province"),
    ],
)
def test_places(text: str, surface: str, entity_id: str) -> None:
    assert (surface, entity_id, "name") in _found(text)


def test_places_carry_geonames_coordinates() -> None:
    kabul = load_vocabulary().entities["place:1138958"]
    assert kabul.latitude is not None and 34 < kabul.latitude < 35
    helmand = load_vocabulary().entities["place:af-helmand-province"]
    assert helmand.longitude is not None and 63 < helmand.longitude < 65


@pytest.mark.parametrize(
    "text",
    [
        "The Kunaris are a family.",
        "Iranians voted.",  # the demonym, not the country
        "a turkey for dinner",
        "He will chad the ballot.",
        "Uzbekistani-made goods",
    ],
)
def test_no_match_inside_words_or_in_lower_case(text: str) -> None:
    countries = {m.entity.id for m in find_mentions(text) if m.form == "name"}
    assert not countries & {"place:af-kunar-province", "country:IR", "country:TR", "country:TD"}
    assert all(m.text[0].isupper() for m in find_mentions(text))


def test_longest_match_wins() -> None:
    assert _found("The Shanghai Cooperation Organisation met in Shanghai.") == [
        ("Shanghai Cooperation Organisation", "org:sco", "name"),
        ("Shanghai", "place:1796236", "name"),
    ]
    assert next(m.text for m in find_mentions("South Korea and Korea")) == "South Korea"


def test_multi_word_names_match_in_other_cases() -> None:
    assert ("WORLD HEALTH ORGANIZATION", "org:who", "name") in _found(
        "THE WORLD HEALTH ORGANIZATION WARNED"
    )


def test_offsets_point_into_the_text() -> None:
    text = "On Monday, the Taliban’s Ministry of Refugees and Repatriation met UNHCR."
    for mention in find_mentions(text):
        assert text[mention.start_char : mention.end_char] == mention.text


def test_vocabulary_loads_fast_and_once() -> None:
    load_vocabulary.cache_clear()
    started = time.perf_counter()
    load_vocabulary()
    assert time.perf_counter() - started < 0.5
    assert load_vocabulary() is load_vocabulary()


def test_every_first_word_of_a_name_is_where_a_name_can_start() -> None:
    """The finder looks only where ``name_starts`` finds a word: it must take in every
    first word of a name, in its case, and whole."""
    vocabulary = load_vocabulary()
    firsts = [p for p in vocabulary.prefixes if TOKEN.fullmatch(p)]
    for word in firsts + [p.upper() for p in vocabulary.folded_prefixes if TOKEN.fullmatch(p)]:
        starts = [m.group() for m in name_starts(f"in {word} now", vocabulary)]
        assert word in starts, word


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("the Ministry of Health met", ["Ministry", "Health"]),
        ("al-Qaeda and Öskemen, not iran", ["al", "Qaeda", "Öskemen"]),
        ("local also al", ["al"]),
        ("KabulTimes x_Kabul", ["KabulTimes"]),
    ],
)
def test_name_starts(text: str, starts: list[str]) -> None:
    assert [m.group() for m in name_starts(text, load_vocabulary())] == starts


_MINISTRY_WORDS = [
    "Ministry", "ministry", "Ministryé", "of", "the", "Foreign", "Affairs", "Health", "and",
    "Interior", "Kazakhstan's", "2", "_x", "é", ",", ".", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_MINISTRY_WORDS), max_size=30), st.lists(st.sampled_from(["", " "]))
)
# One match takes in the next "Ministry of", which must then start no match of its own.
@example(["Ministry", "of", "Health", "and", "Ministry", "of", "Interior"], [])
def test_ministry_searches_find_what_a_search_of_the_whole_text_finds(
    words: list[str], joins: list[str]
) -> None:
    text = "".join(word + (joins[i] if i < len(joins) else " ") for i, word in enumerate(words))
    assert [m.span() for m in _ministries_of(text)] == [
        m.span() for m in _MINISTRY_OF.finditer(text)
    ]
    assert [m.span() for m in _name_ministries(text)] == [
        m.span() for m in _NAME_MINISTRY.finditer(text)
    ]
