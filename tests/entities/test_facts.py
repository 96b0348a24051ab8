"""Facts from general patterns: country lists, joining, founding, and roles."""

from __future__ import annotations

import pytest

from timeline.entities import link_document
from timeline.entities.types import Fact
from timeline.facts import extract_facts
from timeline.sentences import split_sentences


def _facts(text: str) -> list[Fact]:
    sentences = split_sentences(text)
    return extract_facts(text, sentences, link_document(text, sentences))


def _memberships(text: str) -> set[tuple[str, str, str]]:
    return {(f.relation, f.subject.name, f.object.id) for f in _facts(text) if f.object is not None}


def _roles(text: str) -> set[tuple[str, str, str | None]]:
    return {
        (f.subject.name, f.role or "", f.of.id if f.of else None)
        for f in _facts(text)
        if f.relation == "holds_role"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Eurasian Economic Union is a trade bloc whose members are Armenia, "
            "Belarus, Kazakhstan, Kyrgyzstan, and Russia.",
            {"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia"},
        ),
        (
            "ASEAN was set up in Bangkok. Its founding members include Indonesia, Malaysia, "
            "the Philippines, Singapore and Thailand.",
            {"Indonesia", "Malaysia", "Philippines", "Singapore", "Thailand"},
        ),
        (
            "The GCC's six members (Bahrain, Kuwait, Oman, Qatar, Saudi Arabia and the UAE) "
            "held a summit.",
            {"Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"},
        ),
        (
            "The OSCE statement was short. Its members include:\nAustria\nSweden\nNorway",
            {"Austria", "Sweden", "Norway"},
        ),
        (
            "Chile and Peru are members of the Asian Development Bank's partners; "
            "Colombia and Ecuador are full members of the NATO partnership.",
            {"Colombia", "Ecuador"},
        ),
    ],
)
def test_member_lists(text: str, expected: set[str]) -> None:
    found = {name for relation, name, _org in _memberships(text) if relation == "member_of"}
    assert found == expected


def test_observer_and_dialogue_partner_lists() -> None:
    text = (
        "The Organisation of Islamic Cooperation met in Jeddah. Bosnia and Thailand are "
        "observer states. Its dialogue partners include Japan, Spain and Ukraine."
    )
    assert _memberships(text) == {
        ("observer_of", "Bosnia and Herzegovina", "org:oic"),
        ("observer_of", "Thailand", "org:oic"),
        ("dialogue_partner_of", "Japan", "org:oic"),
        ("dialogue_partner_of", "Spain", "org:oic"),
        ("dialogue_partner_of", "Ukraine", "org:oic"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan holds observer status in the Arab League.",
        "Kazakhstan, as an observer member of the Arab League, sent a delegate.",
        "The Arab League met. Kazakhstan was granted observer status in 2010.",
    ],
)
def test_observer_status_after_the_country(text: str) -> None:
    assert ("observer_of", "Kazakhstan", "org:arab-league") in _memberships(text)


def test_joined_gives_membership_and_a_dated_joining() -> None:
    text = "The BRICS group expanded. Egypt joined the bloc in January 2024."
    facts = [f for f in _facts(text) if f.subject.name == "Egypt"]
    assert {(f.relation, f.object.id if f.object else "") for f in facts} == {
        ("member_of", "org:brics"),
        ("joined", "org:brics"),
    }
    joined = next(f for f in facts if f.relation == "joined")
    assert joined.valid_from in ("2024-01", None)  # None only without the temporal engine


@pytest.mark.parametrize(
    "text",
    [
        "The BRICS group expanded. Egypt became the bloc's sixth full member in January 2024.",
        "Egypt became a member of BRICS in January 2024.",
    ],
)
def test_became_a_member(text: str) -> None:
    assert {("member_of", "Egypt", "org:brics"), ("joined", "Egypt", "org:brics")} <= _memberships(
        text
    )


def test_founded() -> None:
    facts = [
        f
        for f in _facts("The Eurasian Economic Union, founded in 2015, met.")
        if f.relation == "founded"
    ]
    assert [(f.subject.id, f.valid_from in ("2015", None)) for f in facts] == [("org:eaeu", True)]


def test_a_list_without_a_membership_cue_states_nothing() -> None:
    text = "The SCO met. Iran and Pakistan are the two largest economies on the border."
    assert _memberships(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uzbek Foreign Minister Bakhtiyor Saidov met the delegation.",
            ("Bakhtiyor Saidov", "Foreign Minister", "country:UZ"),
        ),
        # The post before the name, up to the comma.
        (
            "Iran's ambassador to Afghanistan, Reza Bahrami, presented his credentials.",
            ("Reza Bahrami", "Ambassador to Afghanistan", "country:IR"),
        ),
        (
            "The Taliban-appointed governor of Kandahar, Yusuf Wafa, opened the road.",
            ("Yusuf Wafa", "Governor", "place:1138336"),
        ),
        (
            "The talks were chaired by Lena Hallberg, secretary-general of the OSCE.",
            ("Lena Hallberg", "Secretary-General", "org:osce"),
        ),
        (
            "Marat Isayev, head of the Office for Border Claims at Tajikistan's Ministry of "
            "Interior, said the post was closed.",
            (
                "Marat Isayev",
                "Head of the Office for Border Claims",
                "body:tj-ministry-of-interior",
            ),
        ),
        (
            "The NRF held a rally, and the movement's commander, Yasin Zia, spoke.",
            ("Yasin Zia", "Commander", "org:nrf"),
        ),
        (
            "Qasim Wardak, the Taliban's Minister of Mines, visited Logar.",
            ("Qasim Wardak", "Minister of Mines", "org:taliban"),
        ),
        (
            "He spoke with Olga Sokolova, China's special envoy for Afghan affairs, on Friday.",
            ("Olga Sokolova", "Special Envoy for Afghan Affairs", "country:CN"),
        ),
        (
            "Karim Saberi was appointed deputy governor of Herat province on Sunday.",
            ("Karim Saberi", "Deputy Governor", "place:af-herat-province"),
        ),
        # Where a post is held is not whose it is.
        (
            "Uzbekistan's ambassador in Kabul, Farid Usmonov, met the minister.",
            ("Farid Usmonov", "Ambassador", "country:UZ"),
        ),
        # A body that opens the title owns the post.
        (
            "UN Secretary-General Lena Hallberg spoke on Friday.",
            ("Lena Hallberg", "Secretary-General", "org:un"),
        ),
        # An honorific or a rank between the post and the name.
        (
            "He was met by acting Interior Minister Mullah Karim Zaheer on Monday.",
            ("Karim Zaheer", "Acting Interior Minister", None),
        ),
        (
            "Iran's army chief General Reza Bahrami toured the border.",
            ("Reza Bahrami", "Army Chief", "country:IR"),
        ),
        ("General Reza Bahrami toured the border.", ("Reza Bahrami", "General", None)),
        (
            "The emir appointed Mawlawi Karim Saberi as the new governor of Herat province.",
            ("Karim Saberi", "Governor", "place:af-herat-province"),
        ),
    ],
)
def test_role_patterns(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in _roles(text)


def test_a_role_stated_without_a_name_goes_to_the_speaker_of_the_next_sentence() -> None:
    text = (
        "Exports rose in March, a spokesman for Pakistan's Ministry of Commerce said.\n"
        "Nadia Rahimi said shipments would double."
    )
    assert _roles(text) == {
        ("Nadia Rahimi", "Spokesman", "body:pk-ministry-of-commerce-and-industry")
    }


def test_an_owner_post_without_a_name_goes_to_the_next_speaker() -> None:
    text = (
        "Iran's ambassador to Japan said trade had grown. In an interview, Reza Amini "
        "told reporters more flights were planned."
    )
    assert ("Reza Amini", "Ambassador to Japan", "country:IR") in _roles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Former President Ali Hamidi said he would run again.",
        "The former Iranian vice president, Ali Hamidi, said he would run again.",
        "Ousted Iranian prime minister Ali Hamidi said he would run again.",
    ],
)
def test_past_posts_are_not_standing_facts(text: str) -> None:
    assert _roles(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leyla Aliyeva, who heads the OSCE, spoke.", {("Leyla Aliyeva", "Head", "org:osce")}),
        ("Leyla Aliyeva, who chairs the SCO, spoke.", {("Leyla Aliyeva", "Chair", "org:sco")}),
        # What is headed is a part of the Taliban, not the Taliban.
        ("Leyla Aliyeva, who heads the Taliban's press office, spoke.", set()),
    ],
)
def test_who_heads(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert _roles(text) == expected


def test_a_clause_before_a_name_that_names_no_post_gives_no_role() -> None:
    assert _roles("In Kabul, Reza Bahrami said the road was open.") == set()


def test_facts_are_stated_once() -> None:
    text = "Russian Foreign Minister Ivan Petrov spoke. Russian Foreign Minister Ivan Petrov left."
    assert len([f for f in _facts(text) if f.relation == "holds_role"]) == 1
