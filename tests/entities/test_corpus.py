"""The sample corpus's gold facts, when the shared folder is beside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from timeline.entities import link_document
from timeline.facts import extract_facts
from timeline.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ORGS = {"CSTO": "org:csto", "Shanghai Cooperation Organisation": "org:sco"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def test_gold_facts_of_the_sample_corpus() -> None:
    gold_path = SHARED / "gold" / "seeds.yml"
    if not gold_path.exists():
        pytest.skip(f"no sample corpus and gold at {SHARED.resolve()}")
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    missing = []
    for document, relations in gold["facts"].items():
        text = (SHARED / "corpus" / document).read_text(encoding="utf-8")
        sentences = split_sentences(text)
        facts = extract_facts(text, sentences, link_document(text, sentences))
        memberships = {
            (f.relation, f.subject.name, f.object.id) for f in facts if f.object is not None
        }
        roles = [
            (_norm(f.subject.name), _norm(f"{f.role} {f.of.name if f.of else ''}"))
            for f in facts
            if f.relation == "holds_role"
        ]
        for relation, value in relations.items():
            if relation == "holds_role":
                for role in value:
                    words = set(re.findall(r"\w+", _norm(role["role"]))) - {"the", "of", "for"}
                    if not any(
                        person == _norm(role["person"])
                        and len(words & set(re.findall(r"\w+", said))) >= 0.6 * len(words)
                        for person, said in roles
                    ):
                        missing.append((document, role["person"]))
                continue
            for org, countries in value.items():
                missing += [
                    (document, relation, country, org)
                    for country in countries
                    if (relation, country, ORGS[org]) not in memberships
                ]
    assert missing == []
