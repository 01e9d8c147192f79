"""The extractor's whole output on the 5 seeds and 8 dev articles, byte for byte.

Pins behaviour while the extractor is restructured: any change in nodes, edges, properties,
confidences, evidence spans or rule names fails here. An intended change of output is recorded
with tests/golden/regenerate.py (see its docstring)."""
import pytest

from tests.golden.articles import ARTICLES, extraction_json, golden_path


def test_every_article_has_a_stored_output():
    assert len(ARTICLES) == 13
    assert all(golden_path(p).exists() for p in ARTICLES), "run tests/golden/regenerate.py"


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_extraction_matches_stored_output(path):
    expected = golden_path(path).read_text(encoding="utf-8")
    assert extraction_json(path) == expected
