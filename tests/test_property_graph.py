"""The flat records both backends store: evidence text stored once and read back exactly."""
import json

import pytest

from graphkit.model import Evidence, Relation, RelationProperties, RelationType
from graphkit.convert import RELATION_RECORD_KEYS, evidence_from_record, relation_record

SHARED = "Ruto and Museveni met in Nairobi on Monday, « trade » first."


def _relation() -> Relation:
    return Relation(
        source="KEN", type=RelationType.MET_WITH, target="UGA", confidence=0.8,
        properties=RelationProperties(),
        evidence=[Evidence(article="a.txt", sentence=SHARED, start=0, end=60, rule="met:nsubj-conj"),
                  Evidence(article="b.txt", sentence=SHARED, start=120, end=180),  # the wire copy
                  Evidence(article="b.txt", sentence="They also met again.", start=200, end=220,
                           properties=RelationProperties(mode="in person"))])


def test_each_sentence_is_stored_once_and_evidence_points_to_it():
    record = relation_record(_relation())
    assert record["sentences"] == [SHARED, "They also met again."]
    assert record["articles"] == ["a.txt", "b.txt"]
    items = [json.loads(e) for e in record["evidence"]]
    assert [i["sentence_index"] for i in items] == [0, 0, 1]
    assert all("sentence" not in i for i in items)
    assert items[2]["properties"] == {"mode": "in person"}
    assert not any(value is None for value in record.values())
    assert set(record) <= set(RELATION_RECORD_KEYS)


def test_evidence_reads_back_exactly():
    rel = _relation()
    assert evidence_from_record(relation_record(rel)) == rel.evidence


def test_records_that_kept_the_sentence_inline_still_read():
    inline = {"sentences": [SHARED],
              "evidence": [json.dumps({"article": "a.txt", "sentence": SHARED, "start": 0, "end": 60})]}
    assert evidence_from_record(inline) == [Evidence(article="a.txt", sentence=SHARED, start=0, end=60)]


@pytest.mark.parametrize("index", [1, -1, "0"])
def test_a_sentence_index_out_of_range_is_refused(index):
    record = {"sentences": [SHARED],
              "evidence": [json.dumps({"article": "a.txt", "start": 0, "end": 60, "sentence_index": index})]}
    with pytest.raises(ValueError, match="sentence_index"):
        evidence_from_record(record)
