"""A relation type is declared once (graphkit/model.py RELATION_SPECS): the model's ends and
symmetry, the lexicon's entry and the view's edge style follow from it, or a clear error names
what is missing."""
import pytest

from graphkit.extract.lexicon import LEXICON, _by_relation_type
from graphkit.model import RELATION_ENDS, RELATION_SPECS, SYMMETRIC_TYPES, RelationSpec, RelationType, check_declared
from graphkit.view import EDGE_STYLES, FAMILY_COLORS, edge_styles


def test_every_relation_type_is_declared_once_and_the_rest_follows():
    assert set(RELATION_SPECS) == set(RelationType) == set(RELATION_ENDS) == set(EDGE_STYLES)
    assert set(LEXICON.verbs) == set(LEXICON.nouns) == {t.value for t in RelationType}
    assert SYMMETRIC_TYPES == {RelationType.MET_WITH}


def test_a_type_without_a_declaration_is_named():
    partial = {t: s for t, s in RELATION_SPECS.items() if t is not RelationType.ATTACKED}
    with pytest.raises(TypeError, match="ATTACKED have no entry in RELATION_SPECS"):
        check_declared(partial)


def test_a_new_type_gets_its_family_colour_and_no_words():
    new = RelationSpec(sources={"State"}, targets={"State"}, family="cooperation")
    styles = edge_styles({**RELATION_SPECS, "TRADED_WITH": new})
    assert styles["TRADED_WITH"].color == FAMILY_COLORS["cooperation"]
    assert styles["TRADED_WITH"].color not in {s.color for t, s in styles.items() if t != "TRADED_WITH"}
    assert _by_relation_type({"ATTACKED": ["strike"]}, "verbs")["LEADS"] == frozenset()


def test_lexicon_words_for_an_undeclared_type_are_an_error():
    with pytest.raises(ValueError, match="verbs: TRADED_WITH is no relation type declared in graphkit/model.py"):
        _by_relation_type({"TRADED_WITH": ["trade"]}, "verbs")
