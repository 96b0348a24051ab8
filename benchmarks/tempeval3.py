"""TempEval-3 timex benchmark for ``timeline.temporal.tag``, with dateparser as a peer.

Run from the repository root::

    python benchmarks/tempeval3.py                  # all sets, ours and dateparser
    python benchmarks/tempeval3.py --set train-aquaint --no-peer --errors 5
    python benchmarks/tempeval3.py --json > result.json
    python benchmarks/tempeval3.py --set-dir ../other/tml --no-peer --errors 20

The data is the TempEval-3 gold TimeML (``../shared/bench/tempeval3/``, see SOURCE.md
there): ``test-platinum`` (the TE-3 evaluation set), ``train-timebank`` and
``train-aquaint`` (TBAQ-cleaned). ``--set-dir DIR`` scores any other folder of TimeML
files the same way, named by its path (its errors are shown unless it is a platinum set).
Only the TIMEX3 tags inside ``<TEXT>`` are scored; the document creation time (the TIMEX3
with ``functionInDocument="CREATION_TIME"``) is the anchor given to each system.

Scoring follows the official TempEval-3 entity scorer (naushadzaman/tempeval3_toolkit,
``evaluation-entities/evaluate_entities.py``, after TimeML-Normalizer has aligned the ids
of overlapping gold and system timexes). Per document, gold and system timexes are paired
one-to-one: identical extents first, then overlapping extents (a maximum matching, larger
overlaps preferred). Summed over all documents of a set (micro average)::

    strict P  = strict pairs / system timexes    strict R  = strict pairs / gold timexes
    relaxed P = all pairs / system timexes       relaxed R = all pairs / gold timexes
    F1        = 2PR / (P + R), 0 when P + R = 0
    type acc  = pairs with equal type / all pairs      (0 when there are no pairs)
    value acc = pairs with equal value / all pairs     (0 when there are no pairs)
    type F1   = relaxed F1 x type acc
    value F1  = relaxed F1 x value acc

"value F1" and "type F1" are what the toolkit prints as "Attribute F1"; value F1 is the
TE-3 ranking measure for timex normalisation. As in the toolkit, a set with no gold and
no system timexes scores 1 everywhere. Types and values are compared after ``strip()``
and ``upper()`` (the toolkit compares the raw attribute strings).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "tempeval3"
SETS = ("test-platinum", "train-timebank", "train-aquaint")
PLATINUM = "test-platinum"
# HeidelTime's value F1 on TE-3 platinum, as published in the task paper
# (UzZaman et al., SemEval 2013). Only this figure is quoted, so the other columns stay empty.
HEIDELTIME_PLATINUM_VALUE_F1 = 77.61
OURS = "timeline"
PEER = "dateparser"
MISMATCH_KINDS = ("missed", "spurious", "wrong value", "wrong extent")


@dataclass(frozen=True)
class Span:
    """A timex as character offsets into a document's plain text, with its TIMEX3 type/value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    """One TimeML document: plain TEXT, gold timexes in it, and the creation time."""

    name: str
    dct: datetime
    text: str
    timexes: tuple[Span, ...]


def parse_tml(source: str | bytes, name: str) -> Doc:
    """Read one TimeML document.

    ``text`` is the TEXT element with all tags removed and every character kept, so the
    gold offsets index it directly. Raises ValueError if the DCT or TEXT is missing.
    """
    root = ET.fromstring(source)
    dct_el = next(
        (el for el in root.iter("TIMEX3") if el.get("functionInDocument") == "CREATION_TIME"),
        None,
    )
    if dct_el is None:
        raise ValueError(f"{name}: no TIMEX3 with functionInDocument=CREATION_TIME")
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError(f"{name}: no TEXT element")

    chunks: list[str] = []
    length = 0
    spans: list[Span] = []

    def add(chunk: str | None) -> None:
        nonlocal length
        if chunk:
            chunks.append(chunk)
            length += len(chunk)

    def visit(el: ET.Element) -> None:
        start = length
        add(el.text)
        for child in el:
            visit(child)
            add(child.tail)
        if el.tag == "TIMEX3":
            spans.append(Span(start, length, el.get("type", ""), el.get("value", "")))

    visit(text_el)
    spans.sort(key=lambda s: (s.start, s.end))
    return Doc(
        name=name,
        dct=datetime.fromisoformat(dct_el.get("value", "")),
        text="".join(chunks),
        timexes=tuple(spans),
    )


def load_set(path: Path) -> list[Doc]:
    """Read every ``*.tml`` in ``path``, sorted by file name."""
    # Bytes, so the parser honours each file's own encoding declaration.
    return [parse_tml(f.read_bytes(), f.stem) for f in sorted(path.glob("*.tml"))]


def _norm(attribute: str) -> str:
    return attribute.strip().upper()


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def align(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair gold and system timexes of one document one-to-one, as (gold index, system index).

    Identical extents are paired first so that a strict match is never traded for a
    relaxed one. The rest are paired by overlap with a maximum bipartite matching, so two
    system spans inside one gold timex give one match and one spurious timex, and an
    awkward span order cannot lose a pairing that exists.
    """
    by_extent: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(system):
        by_extent.setdefault((s.start, s.end), []).append(j)
    owner: dict[int, int] = {}  # system index -> gold index
    unpaired: list[int] = []
    for i, g in enumerate(gold):
        same = by_extent.get((g.start, g.end))
        if same:
            owner[same.pop(0)] = i
        else:
            unpaired.append(i)

    strict = set(owner)
    candidates = {
        i: sorted(
            (j for j, s in enumerate(system) if j not in strict and _overlap(gold[i], s) > 0),
            key=lambda j: (-_overlap(gold[i], system[j]), system[j].start),
        )
        for i in unpaired
    }

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in unpaired:
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass(frozen=True)
class Scores:
    """Micro-summed match counts of one system on one set, and the TE-3 measures from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_match: int = 0
    value_match: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.gold + other.gold,
            self.system + other.system,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.type_match + other.type_match,
            self.value_match + other.value_match,
        )

    @property
    def _empty(self) -> bool:
        return self.gold == 0 and self.system == 0

    @property
    def strict_p(self) -> float:
        return self.strict / self.system if self.system else 0.0

    @property
    def strict_r(self) -> float:
        return self.strict / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        return 1.0 if self._empty else _f1(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return self.relaxed / self.system if self.system else 0.0

    @property
    def relaxed_r(self) -> float:
        return self.relaxed / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        return 1.0 if self._empty else _f1(self.relaxed_p, self.relaxed_r)

    @property
    def type_acc(self) -> float:
        return self.type_match / self.relaxed if self.relaxed else 0.0

    @property
    def value_acc(self) -> float:
        return self.value_match / self.relaxed if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return 1.0 if self._empty else self.relaxed_f1 * self.type_acc

    @property
    def value_f1(self) -> float:
        return 1.0 if self._empty else self.relaxed_f1 * self.value_acc

    def as_dict(self) -> dict[str, float | int]:
        measures = [
            "strict_p",
            "strict_r",
            "strict_f1",
            "relaxed_p",
            "relaxed_r",
            "relaxed_f1",
            "type_acc",
            "value_acc",
            "type_f1",
            "value_f1",
        ]
        counts = {f.name: getattr(self, f.name) for f in fields(self)}
        return counts | {name: getattr(self, name) for name in measures}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_document(gold: Sequence[Span], system: Sequence[Span]) -> Scores:
    pairs = align(gold, system)
    return Scores(
        gold=len(gold),
        system=len(system),
        strict=sum(
            (gold[i].start, gold[i].end) == (system[j].start, system[j].end) for i, j in pairs
        ),
        relaxed=len(pairs),
        type_match=sum(_norm(gold[i].type) == _norm(system[j].type) for i, j in pairs),
        value_match=sum(_norm(gold[i].value) == _norm(system[j].value) for i, j in pairs),
    )


def score(gold_docs: Sequence[Doc], system_spans: Mapping[str, Sequence[Span]]) -> Scores:
    """Score system timexes (by document name; absent means none) against the gold docs."""
    total = Scores()
    for doc in gold_docs:
        total += score_document(doc.timexes, system_spans.get(doc.name, ()))
    return total


@dataclass(frozen=True)
class Mismatch:
    """One scoring error: ``kind`` is one of MISMATCH_KINDS."""

    kind: str
    doc: Doc
    gold: Span | None
    system: Span | None


def mismatches(
    gold_docs: Sequence[Doc], system_spans: Mapping[str, Sequence[Span]]
) -> list[Mismatch]:
    """Every error behind the scores, in document order.

    A pair with a wrong value is reported only as "wrong value" even if its extent also
    differs, since the value is what the timeline uses.
    """
    found: list[Mismatch] = []
    for doc in gold_docs:
        system = system_spans.get(doc.name, ())
        pairs = align(doc.timexes, system)
        paired_gold = {i for i, _ in pairs}
        paired_system = {j for _, j in pairs}
        found.extend(
            Mismatch("missed", doc, g, None)
            for i, g in enumerate(doc.timexes)
            if i not in paired_gold
        )
        found.extend(
            Mismatch("spurious", doc, None, s)
            for j, s in enumerate(system)
            if j not in paired_system
        )
        for i, j in pairs:
            g, s = doc.timexes[i], system[j]
            if _norm(g.value) != _norm(s.value):
                found.append(Mismatch("wrong value", doc, g, s))
            elif (g.start, g.end) != (s.start, s.end):
                found.append(Mismatch("wrong extent", doc, g, s))
    return found


System = Callable[[Doc], list[Span]]


def timeline_system() -> System:
    """Our tagger, anchored at (and not allowed past) each document's creation date."""
    # The script is run as a file, so the repository root is not on sys.path by itself.
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from timeline.temporal import tag

    def run(doc: Doc) -> list[Span]:
        anchor = doc.dct.date()
        return [
            Span(t.start_char, t.end_char, t.type, t.value)
            for t in tag(doc.text, anchor, not_after=anchor)
        ]

    return run


def dateparser_system() -> System:
    """dateparser's ``search_dates`` as a timex tagger: every hit is a DATE at day precision."""
    from dateparser.search import search_dates

    def run(doc: Doc) -> list[Span]:
        hits = search_dates(
            doc.text,
            languages=["en"],
            settings={"RELATIVE_BASE": doc.dct, "RETURN_AS_TIMEZONE_AWARE": False},
        )
        spans: list[Span] = []
        cursor = 0
        for hit in hits or ():
            found, when = hit[0], hit[1]
            # Hits come back in text order as substrings without offsets; one that cannot be
            # found after the previous one has no place in the text and is dropped.
            at = doc.text.find(found, cursor)
            if at < 0:
                continue
            cursor = at + len(found)
            spans.append(Span(at, cursor, "DATE", when.date().isoformat()))
        return spans

    return run


# One-time costs (imports, language data, regex compilation) would otherwise be charged to
# the first document and distort s/doc on the 20-document platinum set.
_WARM_UP = Doc("warm-up", datetime(2013, 3, 22), "On Monday, 18 March 2013, two weeks ago.", ())


@dataclass(frozen=True)
class Run:
    """A system's output on a set, and how long it took."""

    name: str
    spans: dict[str, list[Span]]
    seconds: float
    scores: Scores


def run_system(name: str, system: System, docs: Sequence[Doc], repeat: int = 1) -> Run:
    """Score ``system`` on ``docs``; its time is the fastest of ``repeat`` passes."""
    return run_systems([(name, system)], docs, repeat)[0]


def run_systems(
    systems: Sequence[tuple[str, System]], docs: Sequence[Doc], repeat: int = 1
) -> list[Run]:
    """Score each system on ``docs``; each one's time is the fastest of ``repeat`` passes.

    The fastest pass is the one least disturbed by the rest of the machine (timeit's
    convention). The systems take turns pass by pass, so a busy spell on the machine
    slows both rather than one, and their ratio stays fair.
    """
    for _, system in systems:
        system(_WARM_UP)
    spans: dict[str, dict[str, list[Span]]] = {}
    passes: dict[str, list[float]] = {name: [] for name, _ in systems}
    for _ in range(max(repeat, 1)):
        for name, system in systems:
            started = time.perf_counter()
            spans[name] = {doc.name: system(doc) for doc in docs}
            passes[name].append(time.perf_counter() - started)
    return [
        Run(name, spans[name], min(passes[name]), score(docs, spans[name])) for name, _ in systems
    ]


def speed_ratio(runs: Sequence[Run]) -> float | None:
    """dateparser's seconds over ours (above 1: we are faster), or None unless both ran."""
    seconds = {run.name: run.seconds for run in runs}
    if OURS not in seconds or PEER not in seconds or seconds[OURS] <= 0:
        return None
    return seconds[PEER] / seconds[OURS]


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def format_table(set_name: str, docs: Sequence[Doc], runs: Sequence[Run]) -> str:
    gold = sum(len(d.timexes) for d in docs)
    lines = [
        f"{set_name}: {len(docs)} documents, {gold} gold timexes",
        f"{'system':<22}| {'strict P':>8} {'R':>6} {'F1':>6} | {'relaxed P':>9} {'R':>6} "
        f"{'F1':>6} | {'type acc':>8} | {'value acc':>9} | {'value F1':>8} | {'s/doc':>8}",
    ]
    lines.append("-" * len(lines[1]))
    for run in runs:
        s = run.scores
        lines.append(
            f"{run.name:<22}| {_pct(s.strict_p):>8} {_pct(s.strict_r)} {_pct(s.strict_f1)} | "
            f"{_pct(s.relaxed_p):>9} {_pct(s.relaxed_r)} {_pct(s.relaxed_f1)} | "
            f"{_pct(s.type_acc):>8} | {_pct(s.value_acc):>9} | {_pct(s.value_f1):>8} | "
            f"{run.seconds / max(len(docs), 1):8.5f}"
        )
    if set_name == PLATINUM:
        blank = "-"
        lines.append(
            f"{'HeidelTime (TE-3)':<22}| {blank:>8} {blank:>6} {blank:>6} | {blank:>9} "
            f"{blank:>6} {blank:>6} | {blank:>8} | {blank:>9} | "
            f"{HEIDELTIME_PLATINUM_VALUE_F1:8.2f} | {blank:>8}"
        )
    ratio = speed_ratio(runs)
    if ratio is not None:
        seconds = {run.name: run.seconds for run in runs}
        lines.append(
            f"time: {OURS} {seconds[OURS]:.3f} s, {PEER} {seconds[PEER]:.3f} s; "
            f"speed ratio {PEER}/{OURS} = {ratio:.1f}x"
        )
    return "\n".join(lines)


def _context(doc: Doc, start: int, end: int, width: int = 40) -> str:
    before = doc.text[max(0, start - width) : start]
    after = doc.text[end : end + width]
    return " ".join(f"{before}[[{doc.text[start:end]}]]{after}".split())


def _describe(span: Span | None, doc: Doc) -> str:
    if span is None:
        return "-"
    return f"{doc.text[span.start : span.end]!r} {span.type} {span.value}"


def format_mismatches(found: Sequence[Mismatch], per_kind: int) -> str:
    lines: list[str] = []
    for kind in MISMATCH_KINDS:
        of_kind = [m for m in found if m.kind == kind]
        lines.append(f"  {kind}: {len(of_kind)}")
        for m in of_kind[:per_kind]:
            where = m.gold or m.system
            assert where is not None  # every mismatch has a gold or a system span
            lines.append(f"    {m.doc.name} (DCT {m.doc.dct.date()})")
            lines.append(f"      gold:   {_describe(m.gold, m.doc)}")
            lines.append(f"      system: {_describe(m.system, m.doc)}")
            lines.append(f"      {_context(m.doc, where.start, where.end)}")
    return "\n".join(lines)


def _mismatch_dict(m: Mismatch) -> dict[str, Any]:
    def span(s: Span | None) -> dict[str, Any] | None:
        if s is None:
            return None
        return {
            "start": s.start,
            "end": s.end,
            "text": m.doc.text[s.start : s.end],
            "type": s.type,
            "value": s.value,
        }

    return {"kind": m.kind, "doc": m.doc.name, "gold": span(m.gold), "system": span(m.system)}


def _is_held_out(path: Path, data: Path) -> bool:
    """Whether a folder is (or lies in) the TE-3 test set, whose errors must stay hidden."""
    resolved = path.resolve()
    platinum = (data / PLATINUM).resolve()
    return (
        resolved == platinum
        or platinum in resolved.parents
        or any("platinum" in part.lower() for part in resolved.parts)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score timeline.temporal.tag (and dateparser) on TempEval-3 timexes."
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TempEval-3 data dir")
    parser.add_argument(
        "--set", dest="sets", action="append", choices=SETS, help="set to run (repeatable)"
    )
    parser.add_argument(
        "--set-dir",
        dest="set_dirs",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also score this folder of TimeML *.tml files, named by its path (repeatable); "
        "given alone, only these folders are scored",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip dateparser (slow)")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print N of our mismatches per category (not on the test set)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="N",
        help="time each system as the fastest of N passes over each set (default 3)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)

    # The named TE-3 sets by default, unless only --set-dir folders are asked for.
    named = args.sets or ([] if args.set_dirs else SETS)
    # (label, folder, whether its errors may be shown)
    chosen = [(name, args.data / name, name != PLATINUM) for name in SETS if name in named]
    chosen += [
        (str(folder), folder, not _is_held_out(folder, args.data)) for folder in args.set_dirs
    ]
    missing = [folder for _, folder, _ in chosen if not folder.is_dir()]
    if missing:
        print(
            f"tempeval3: data not found: {', '.join(map(str, missing))}\n"
            f"Expected the TempEval-3 TimeML sets under {args.data} "
            "(../shared/bench/tempeval3 from the repository root); pass --data DIR.",
            file=sys.stderr,
        )
        return 2
    try:
        systems = [(OURS, timeline_system())]
    except ImportError as err:
        print(f"tempeval3: cannot import timeline.temporal.tag: {err}", file=sys.stderr)
        return 2
    if not args.no_peer:
        systems.append((PEER, dateparser_system()))

    result: dict[str, Any] = {"data": str(args.data), "sets": {}}
    for set_name, folder, errors_allowed in chosen:
        docs = load_set(folder)
        runs = run_systems(systems, docs, args.repeat)
        entry: dict[str, Any] = {
            "documents": len(docs),
            "gold_timexes": sum(len(d.timexes) for d in docs),
            "systems": {
                run.name: {
                    **run.scores.as_dict(),
                    "seconds": run.seconds,
                    "seconds_per_doc": run.seconds / max(len(docs), 1),
                }
                for run in runs
            },
        }
        ratio = speed_ratio(runs)
        if ratio is not None:
            entry["speed_ratio"] = ratio
        if set_name == PLATINUM:
            entry["reference"] = {"HeidelTime": {"value_f1": HEIDELTIME_PLATINUM_VALUE_F1 / 100}}
        # Platinum is the held-out test set: its individual errors must not steer development.
        show_errors = args.errors > 0 and errors_allowed
        found = mismatches(docs, runs[0].spans) if show_errors else []
        if args.json:
            if found:
                entry["errors"] = {
                    kind: [_mismatch_dict(m) for m in found if m.kind == kind][: args.errors]
                    for kind in MISMATCH_KINDS
                }
            result["sets"][set_name] = entry
        else:
            print(format_table(set_name, docs, runs))
            if found:
                print(f"{OURS} errors on {set_name}:")
                print(format_mismatches(found, args.errors))
            print()
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
