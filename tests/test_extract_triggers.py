"""The trigger table (extract/data/triggers.json): every rule it names exists, and mistakes in it
fail at load with a message naming them."""
import pytest

from graphkit.extract import rules
from graphkit.extract.rules import DOCUMENT_RULES, TABLES, _condition, rule_named


def test_every_rule_in_the_table_is_a_function_of_a_family_module():
    names = [t.name for table in TABLES for t in table.triggers] + [name for name, _ in DOCUMENT_RULES]
    assert len(names) == len(set(names)), "a rule listed twice runs twice"
    for name in names:
        assert callable(rule_named(name)), name


def test_a_misspelt_rule_or_condition_is_named_in_the_error():
    with pytest.raises(ValueError, match="no rule 'attendance.atended'"):
        rule_named("attendance.atended")
    with pytest.raises(ValueError, match="unknown condition key"):
        _condition({"lemmas": ["meet"]})
    with pytest.raises(ValueError, match="unknown word set '@speach_verbs'"):
        _condition({"lemma": "@speach_verbs"})


def test_a_verb_runs_its_rules_in_table_order():
    verb = next(t for t in TABLES if t.name == "verb")
    order = [t.name for t in verb.triggers]
    assert order.index("attendance.passive_event") < order.index("attendance.attend_verb") \
        < order.index("pledges.pledge_verb")
    assert rules.table_for("VERB", "attend", "attended") is verb
