"""Reading articles from files, and the one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.errors import SourceError
from timeline.sources import Skipped, discover, read_documents


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "---\ntitle: Talks\npublished: 2025-03-04\nsource: Wire\nurl: https://x.org/a\n---\n"
        "Envoys met on Monday.\n",
    )
    [document] = read_documents(path)
    assert document.name == "a.md"
    assert (document.title, document.published, document.source, document.url) == (
        "Talks",
        "2025-03-04",
        "Wire",
        "https://x.org/a",
    )
    assert document.text == "Envoys met on Monday.\n"


def test_text_without_front_matter_keeps_everything(tmp_path: Path) -> None:
    path = write(tmp_path / "b.txt", "Headline\n\nBody --- with dashes.\n")
    [document] = read_documents(path)
    assert document.published is None
    assert document.text == "Headline\n\nBody --- with dashes.\n"


def test_bom_and_windows_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "c.txt", "\ufeffFirst line\r\nSecond line\r\n".encode())
    [document] = read_documents(path)
    assert document.text == "First line\nSecond line\n"


def test_mixed_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "m.md", b"---\r\ntitle: T\r\n---\nOne.\rTwo.\r\nThree.\n")
    [document] = read_documents(path)
    assert (document.title, document.text) == ("T", "One.\nTwo.\nThree.\n")


def test_jsonl_rows(tmp_path: Path) -> None:
    rows = [{"text": "One.", "published": "2025-01-01"}, {"text": "Two.", "title": "T"}]
    path = write(tmp_path / "d.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    documents = read_documents(path)
    assert [d.name for d in documents] == ["d.jsonl#1", "d.jsonl#2"]
    assert documents[0].published == "2025-01-01"
    assert documents[1].title == "T"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"body": "One.", "date": "2025-01-01"}, ("One.", "2025-01-01", None, None)),
        (
            {"content": "One.", "published_at": "2025-01-01T08:00:00Z", "link": "https://x.org"},
            ("One.", "2025-01-01T08:00:00Z", None, "https://x.org"),
        ),
        ({"text": "One.", "headline": "H", "publisher": "P"}, ("One.", None, "H", None)),
        # The usual name wins over another one for the same field.
        (
            {"text": "One.", "body": "Two.", "published": "2025-02", "date": "2025-01"},
            ("One.", "2025-02", None, None),
        ),
    ],
)
def test_rows_name_fields_as_feeds_do(
    tmp_path: Path, row: dict[str, str], expected: tuple[str, str | None, str | None, str | None]
) -> None:
    path = write(tmp_path / "d.jsonl", json.dumps(row) + "\n")
    [document] = read_documents(path)
    assert (document.text, document.published, document.title, document.url) == expected
    if "publisher" in row:
        assert document.source == "P"


def test_csv_with_a_body_column(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", 'body,date\n"Talks, then a deal.",2025-05\n')
    [document] = read_documents(path)
    assert (document.text, document.published) == ("Talks, then a deal.", "2025-05")


def test_csv_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", 'text,published\n"Talks, then a deal.",2025-05\n')
    [document] = read_documents(path)
    assert document.name == "e.csv#2"
    assert document.text == "Talks, then a deal."
    assert document.published == "2025-05"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "", "empty file"),
        ("blank.txt", "  \n\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\xe9 talks".encode("latin-1"), "not UTF-8"),
        ("broken.md", "---\ntitle: [unclosed\n---\nText.\n", "broken YAML front matter"),
        ("unclosed.md", "---\ntitle: x\nText.\n", "never closed"),
        ("list.md", "---\n- a\n- b\n---\nText.\n", "not a mapping"),
        ("nobody.md", "---\ntitle: x\n---\n\n", "no article text"),
        ("bad.jsonl", '{"text": "ok"}\n{not json}\n', "invalid JSON"),
        ("array.jsonl", '["text"]\n', "JSON object"),
        ("notext.jsonl", '{"title": "x"}\n', "no 'text'"),
        ("nocol.csv", "title\nx\n", "no 'text' column"),
        ("extra.csv", "text\nfine\nfine,surplus\n", "more fields"),
        ("rowless.csv", "text\n", "no rows"),
    ],
)
def test_bad_input_names_the_file(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(SourceError) as raised:
        read_documents(path)
    assert message in str(raised.value)
    assert str(path) in str(raised.value)
    assert "\n" not in str(raised.value)


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(SourceError, match="over the limit"):
        read_documents(path, max_bytes=100)


def test_discover_walks_folders_in_order_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.md", "x")
    write(tmp_path / "a.txt", "x")
    write(tmp_path / "photo.jpg", b"\xff\xd8")
    write(tmp_path / ".hidden.txt", "x")
    found = list(discover([tmp_path]))
    assert [f for f in found if isinstance(f, Path)] == [
        tmp_path / "a.txt",
        tmp_path / "sub" / "b.md",
    ]
    assert [f.path for f in found if isinstance(f, Skipped)] == [str(tmp_path / "photo.jpg")]


def test_discover_reports_missing_and_unknown_paths(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF")
    found = list(discover([tmp_path / "missing.txt", pdf]))
    assert all(isinstance(f, SourceError) for f in found)
    assert "no such file" in str(found[0])
    assert "unknown format '.pdf'" in str(found[1])


def test_discover_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    write(tmp_path / "a.txt", "x")
    found = list(discover([tmp_path]))
    assert tmp_path / "a.txt" in found
    assert any(isinstance(f, SourceError) and "loop" in str(f) for f in found)
