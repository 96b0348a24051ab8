"""Tests of the TempEval-3 benchmark's reader and scorer (benchmarks/tempeval3.py)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from .conftest import load_benchmark

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT.parent / "shared" / "bench" / "tempeval3"


te3 = load_benchmark("tempeval3")
Span = te3.Span
Doc = te3.Doc


def span(start: int, end: int, value: str = "2013-03-22", type_: str = "DATE") -> Span:
    return Span(start, end, type_, value)


# (gold, system, expected (gold, system, strict, relaxed, type_match, value_match))
SCORER_CASES = {
    "exact match": ([span(0, 5)], [span(0, 5)], (1, 1, 1, 1, 1, 1)),
    "overlap only": ([span(0, 10)], [span(4, 12)], (1, 1, 0, 1, 1, 1)),
    "adjacent is not overlap": ([span(0, 5)], [span(5, 9)], (1, 1, 0, 0, 0, 0)),
    "miss": ([span(0, 5)], [], (1, 0, 0, 0, 0, 0)),
    "spurious": ([], [span(0, 5)], (0, 1, 0, 0, 0, 0)),
    "wrong value": ([span(0, 5)], [span(0, 5, "2013-03-21")], (1, 1, 1, 1, 1, 0)),
    "wrong type": ([span(0, 5, "P1D", "DURATION")], [span(0, 5, "P1D")], (1, 1, 1, 1, 0, 1)),
    "value normalised": (
        [span(0, 5, "P1D", "DURATION")],
        [span(0, 5, " p1d", "duration")],
        (1,) * 6,
    ),
    "one gold, two system spans": ([span(0, 20)], [span(0, 8), span(10, 20)], (1, 2, 0, 1, 1, 1)),
    "strict pair kept over overlap": (
        [span(0, 10)],
        [span(5, 12), span(0, 10)],
        (1, 2, 1, 1, 1, 1),
    ),
    "two gold, one system span": ([span(0, 4), span(5, 9)], [span(0, 9)], (2, 1, 0, 1, 1, 1)),
    # A greedy largest-overlap choice would pair X with A and leave B unmatched.
    "maximum matching": (
        [span(0, 10), span(10, 12)],
        [span(5, 11), span(0, 3)],
        (2, 2, 0, 2, 2, 2),
    ),
}


@pytest.mark.parametrize(("gold", "system", "expected"), SCORER_CASES.values(), ids=SCORER_CASES)
def test_score_document_counts(
    gold: list[Span], system: list[Span], expected: tuple[int, ...]
) -> None:
    s = te3.score_document(gold, system)
    assert (s.gold, s.system, s.strict, s.relaxed, s.type_match, s.value_match) == expected


def test_one_gold_two_system_spans_pairs_the_larger_overlap() -> None:
    assert te3.align([span(0, 20)], [span(0, 3), span(8, 20)]) == [(0, 1)]


def test_measures_follow_the_toolkit_formulas() -> None:
    s = te3.Scores(gold=4, system=5, strict=2, relaxed=3, type_match=3, value_match=2)
    assert s.strict_p == pytest.approx(2 / 5)
    assert s.strict_r == pytest.approx(2 / 4)
    assert s.strict_f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert s.relaxed_p == pytest.approx(3 / 5)
    assert s.relaxed_r == pytest.approx(3 / 4)
    relaxed_f1 = 2 * 0.6 * 0.75 / 1.35
    assert s.relaxed_f1 == pytest.approx(relaxed_f1)
    assert s.type_acc == pytest.approx(1.0)
    assert s.value_acc == pytest.approx(2 / 3)
    assert s.type_f1 == pytest.approx(relaxed_f1)
    assert s.value_f1 == pytest.approx(relaxed_f1 * 2 / 3)


def test_measures_at_the_edges() -> None:
    nothing = te3.Scores()
    assert (nothing.strict_f1, nothing.relaxed_f1, nothing.value_f1, nothing.type_f1) == (1,) * 4
    all_missed = te3.Scores(gold=3)
    assert (all_missed.relaxed_f1, all_missed.value_acc, all_missed.value_f1) == (0, 0, 0)


def _doc(name: str, timexes: list[Span]) -> Doc:
    return Doc(name, datetime(2013, 3, 22), "x" * 40, tuple(timexes))


def test_score_is_micro_over_documents() -> None:
    docs = [_doc("a", [span(0, 5), span(10, 15)]), _doc("b", [span(0, 5)])]
    # "b" has no system entry: all its gold timexes are missed.
    s = te3.score(docs, {"a": [span(0, 5), span(10, 14, "2013")]})
    assert (s.gold, s.system, s.strict, s.relaxed, s.value_match) == (3, 2, 1, 2, 1)
    assert s.relaxed_r == pytest.approx(2 / 3)
    assert s.value_f1 == pytest.approx(s.relaxed_f1 / 2)


def test_mismatches_by_kind() -> None:
    doc = _doc("a", [span(0, 5), span(10, 15), span(20, 25), span(30, 35)])
    system = [span(0, 5), span(10, 14), span(20, 25, "2012"), span(36, 39)]
    found = te3.mismatches([doc], {"a": system})
    assert [(m.kind, m.gold, m.system) for m in found] == [
        ("missed", span(30, 35), None),
        ("spurious", None, span(36, 39)),
        ("wrong extent", span(10, 15), span(10, 14)),
        ("wrong value", span(20, 25), span(20, 25, "2012")),
    ]


def test_run_system_with_a_fake_tagger() -> None:
    docs = [_doc("a", [span(0, 5), span(10, 15, "P1D", "DURATION")]), _doc("b", [])]
    perfect = te3.run_system("fake", lambda doc: list(doc.timexes), docs)
    assert perfect.scores.value_f1 == 1.0
    assert perfect.seconds >= 0
    silent = te3.run_system("silent", lambda doc: [], docs)
    assert (silent.scores.relaxed_r, silent.scores.value_f1) == (0, 0)
    table = te3.format_table("train-aquaint", docs, [perfect, silent])
    assert "fake" in table and "silent" in table and "HeidelTime" not in table


def test_run_system_times_the_fastest_of_repeated_passes() -> None:
    docs = [_doc("a", [span(0, 5)]), _doc("b", [])]
    seen: list[str] = []

    def counting(doc: te3.Doc) -> list[te3.Span]:
        seen.append(doc.name)
        return list(doc.timexes)

    run = te3.run_system("counting", counting, docs, repeat=3)
    assert seen == ["warm-up"] + ["a", "b"] * 3
    assert run.scores.value_f1 == 1.0


def test_systems_take_turns_pass_by_pass() -> None:
    docs = [_doc("a", [span(0, 5)])]
    seen: list[str] = []

    def named(name: str) -> te3.System:
        def run(doc: te3.Doc) -> list[te3.Span]:
            seen.append(f"{name}:{doc.name}")
            return []

        return run

    runs = te3.run_systems([("x", named("x")), ("y", named("y"))], docs, repeat=2)
    assert [r.name for r in runs] == ["x", "y"]
    assert seen == ["x:warm-up", "y:warm-up", "x:a", "y:a", "x:a", "y:a"]


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13T14:26:00" functionInDocument="CREATION_TIME">
02/13/1998</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t9" type="DATE" value="1998">1998</TIMEX3> text</TITLE>
<TEXT>
Prices <EVENT eid="e1" class="OCCURRENCE">rose</EVENT> &quot;sharply&quot; \
<TIMEX3 tid="t1" type="DATE" value="1998-02-12">yesterday</TIMEX3> &amp; \
<SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_offsets_point_at_the_timex_text() -> None:
    doc = te3.parse_tml(TIMEML, "tiny")
    assert doc.name == "tiny"
    assert doc.dct == datetime(1998, 2, 13, 14, 26)
    assert doc.text == '\nPrices rose "sharply" yesterday & for three months.\n'
    assert [(doc.text[s.start : s.end], s.type, s.value) for s in doc.timexes] == [
        ("yesterday", "DATE", "1998-02-12"),
        ("three months", "DURATION", "P3M"),
    ]


def test_reader_rejects_a_document_without_dct() -> None:
    with pytest.raises(ValueError, match="CREATION_TIME"):
        te3.parse_tml("<TimeML><TEXT>today</TEXT></TimeML>", "no-dct")


def test_dateparser_peer_maps_repeated_and_unplaceable_hits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    search = pytest.importorskip("dateparser.search")
    hits = [
        ("2 May", datetime(1998, 5, 2, 9, 30)),
        ("2 May", datetime(1998, 5, 2)),
        ("not in the text", datetime(1998, 1, 1)),
        ("1999", datetime(1999, 3, 10)),
    ]
    monkeypatch.setattr(search, "search_dates", lambda *args, **kwargs: hits)
    doc = Doc("d", datetime(1998, 3, 10), "On 2 May and 2 May 1999.", ())
    assert te3.dateparser_system()(doc) == [
        Span(3, 8, "DATE", "1998-05-02"),
        Span(13, 18, "DATE", "1998-05-02"),
        Span(19, 23, "DATE", "1999-03-10"),
    ]


def test_dateparser_peer_on_a_real_sentence() -> None:
    pytest.importorskip("dateparser")
    doc = Doc(
        "d", datetime(1998, 3, 10), "Sales rose on 5 March 1998. Two weeks ago they fell.", ()
    )
    found = {doc.text[s.start : s.end]: s.value for s in te3.dateparser_system()(doc)}
    assert [found[k] for k in found if "5 March 1998" in k] == ["1998-03-05"]
    assert [found[k] for k in found if "Two weeks ago" in k] == ["1998-02-24"]


def test_missing_data_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert te3.main(["--data", str(tmp_path / "absent"), "--no-peer"]) == 2
    assert "--data" in capsys.readouterr().err


def test_main_with_a_fake_tagger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for set_name in ("test-platinum", "train-aquaint"):
        (tmp_path / set_name).mkdir()
        (tmp_path / set_name / "tiny.tml").write_text(TIMEML, encoding="utf-8")

    def finds_yesterday_with_a_wrong_value(doc: Doc) -> list[Span]:
        at = doc.text.find("yesterday")
        return [Span(at, at + len("yesterday"), "DATE", "1998-02-13")] if at >= 0 else []

    monkeypatch.setattr(te3, "timeline_system", lambda: finds_yesterday_with_a_wrong_value)
    sets = ["--set", "train-aquaint", "--set", "test-platinum"]
    args = ["--data", str(tmp_path), *sets, "--no-peer", "--errors", "5"]

    assert te3.main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    platinum, aquaint = result["sets"]["test-platinum"], result["sets"]["train-aquaint"]
    assert platinum["gold_timexes"] == 2 and platinum["systems"]["timeline"]["relaxed"] == 1
    assert platinum["reference"] == {"HeidelTime": {"value_f1": 0.7761}}
    assert "errors" not in platinum  # the test set's errors are never shown
    assert [e["gold"]["text"] for e in aquaint["errors"]["missed"]] == ["three months"]
    assert [e["system"]["value"] for e in aquaint["errors"]["wrong value"]] == ["1998-02-13"]

    assert te3.main(args) == 0
    out = capsys.readouterr().out
    assert out.index("test-platinum:") < out.index("HeidelTime") < out.index("train-aquaint:")
    assert "timeline errors on train-aquaint" in out
    assert "errors on test-platinum" not in out


def test_set_dir_scores_any_folder_of_timeml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("tweets", "te3-platinum"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "tiny.tml").write_text(TIMEML, encoding="utf-8")
    (tmp_path / "tweets" / "notes.txt").write_text("not TimeML", encoding="utf-8")

    def finds_yesterday(doc: Doc) -> list[Span]:
        at = doc.text.find("yesterday")
        return [Span(at, at + len("yesterday"), "DATE", "1998-02-12")] if at >= 0 else []

    monkeypatch.setattr(te3, "timeline_system", lambda: finds_yesterday)
    tweets, platinum = str(tmp_path / "tweets"), str(tmp_path / "te3-platinum")
    # No TE-3 data under --data: given alone, --set-dir scores only its folders.
    args = ["--data", str(tmp_path / "absent"), "--no-peer", "--errors", "5"]
    args += ["--set-dir", tweets, "--set-dir", platinum]

    assert te3.main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["sets"]
    assert list(result) == [tweets, platinum]
    assert result[tweets]["documents"] == 1 and result[tweets]["gold_timexes"] == 2
    assert result[tweets]["systems"]["timeline"]["strict"] == 1
    assert [e["gold"]["text"] for e in result[tweets]["errors"]["missed"]] == ["three months"]
    assert "errors" not in result[platinum]  # a platinum folder's errors stay hidden

    assert te3.main(args) == 0
    out = capsys.readouterr().out
    assert f"{tweets}: 1 documents, 2 gold timexes" in out
    assert f"timeline errors on {tweets}:" in out and "errors on " + platinum not in out

    assert te3.main([*args, "--set-dir", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("set_name", "docs", "counts"),
    [
        ("test-platinum", 20, {"DATE": 96, "DURATION": 34, "SET": 4, "TIME": 4}),
        ("train-timebank", 183, {"DATE": 1016, "DURATION": 189, "TIME": 22, "SET": 16}),
        ("train-aquaint", 73, {"DATE": 489, "DURATION": 68, "SET": 14, "TIME": 8}),
    ],
)
def test_real_sets_load_with_published_counts(
    set_name: str, docs: int, counts: dict[str, int]
) -> None:
    if not DATA.is_dir():
        pytest.skip(f"../shared/bench/tempeval3 not present: no TempEval-3 data at {DATA}")
    loaded = te3.load_set(DATA / set_name)
    assert len(loaded) == docs
    assert Counter(s.type for d in loaded for s in d.timexes) == counts
    for d in loaded:
        assert all(d.text[s.start : s.end].strip() for s in d.timexes), d.name
