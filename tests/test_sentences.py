from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.sentences import _TOKEN_BEFORE, _token_before, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("He met Mr. Khan on Monday. They talked.", ["He met Mr. Khan on Monday.", "They talked."]),
        ("George W. Bush spoke. Then left.", ["George W. Bush spoke.", "Then left."]),
        ("It fell on Dec. 11 in Kabul. Next.", ["It fell on Dec. 11 in Kabul.", "Next."]),
        ("“We will win,” he said. Then he left.", ["“We will win,” he said.", "Then he left."]),
        ("Headline\nBody text here. More.", ["Headline", "Body text here.", "More."]),
        ("Is it? Yes! 2025 was hard.", ["Is it?", "Yes!", "2025 was hard."]),
        ("The U.S. envoy arrived.", ["The U.S. envoy arrived."]),
        ("7.3 million children", ["7.3 million children"]),
        ("", []),
        (
            "Islamic State claimed an attack that killed the refugees minister,\n"
            "Khalil Haqqani, in Kabul. Officials confirmed it.",
            [
                "Islamic State claimed an attack that killed the refugees minister,\n"
                "Khalil Haqqani, in Kabul.",
                "Officials confirmed it.",
            ],
        ),
        ("Kabul talks resume\nEnvoys met again.", ["Kabul talks resume", "Envoys met again."]),
        ("- first item\n- second item", ["- first item", "- second item"]),
        ("Para one.\n\n  Para two.", ["Para one.", "Para two."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@given(st.text())
def test_offsets_point_at_the_sentence(text: str) -> None:
    sentences = split_sentences(text)
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert text[sentence.start_char : sentence.end_char] == sentence.text
        assert sentence.text == sentence.text.strip()
    starts = [s.start_char for s in sentences]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "text",
    [
        "He met Mr. Khan.",
        "x" * 63 + ".",
        "x" * 64 + ".",
        "x" * 65 + ".",
        "see " + "y" * 300 + ". Next.",
        "word\n.",
        "a " * 100 + "\n.",
        " .",
        ".",
    ],
)
def test_token_before_a_full_stop_is_found_however_long(text: str) -> None:
    """Looking back a little way finds what a search from the start finds."""
    end = text.rindex(".")
    expected = _TOKEN_BEFORE.search(text, 0, end)
    found = _token_before(text, end)
    assert (found and found.span(1)) == (expected and expected.span(1))
