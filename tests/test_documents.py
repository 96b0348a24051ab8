from __future__ import annotations

import pytest

from timeline.documents import content_id, deduplicate_paragraphs, headline


def test_repeated_paragraph_is_kept_once_in_order() -> None:
    lead = "The minister said the talks in the capital had gone well for both sides."
    text = f"Title\n\n{lead}\n\n{lead}\nSecond paragraph of the story.\n"
    assert deduplicate_paragraphs(text) == f"Title\n\n{lead}\n\nSecond paragraph of the story."


def test_short_repeated_lines_stay() -> None:
    text = "Share\nA line.\nShare\n"
    assert deduplicate_paragraphs(text) == "Share\nA line.\nShare"


def test_content_id_is_stable() -> None:
    assert content_id("abc") == content_id("abc") == "ba7816bf8f01cfea"
    assert content_id("abc") != content_id("abd")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks in Doha\n\nBody.", "Talks in Doha"),
        ("Envoys met in Doha on Monday. They agreed.", "Envoys met in Doha on Monday"),
        ("Word " * 60 + "end.", ("Word " * 32).strip() + "…"),
        # A dateline on the first line heads nothing; one under a headline is left below.
        ("HERAT, 3 May 2025 - Floods hit the city. More.", "Floods hit the city"),
        ("HERAT, 3 May 2025\n\nFloods hit the city. More.", "Floods hit the city"),
        ("Floods in Herat\nHERAT, 3 May 2025 - Floods hit.", "Floods in Herat"),
    ],
)
def test_headline(text: str, expected: str) -> None:
    assert headline(text) == expected
