"""The extraction stages hand off one way: each takes the previous stage's output, returns its own
and leaves what it was given as it was."""
import dataclasses

import pytest

from graphkit.extract.pipeline import extract_graph
from graphkit.extract.relations import read_relations
from graphkit.extract.resolve import resolve_entities
from graphkit.extract.summits import find_summits
from graphkit.extract.types import ResolvedArticle
from graphkit.pipeline import default_extractor
from graphkit.sources import article_from_text

TEXT = ("Trump's envoy Steve Witkoff met Putin. Leaders met at a summit in London, where the Ukrainian "
        "president Volodymyr Zelenskyy spoke. Starmer hosted the summit.")


def test_each_stage_leaves_its_input_as_it_was():
    ex = default_extractor()
    article = article_from_text(TEXT, "case.txt")
    doc = ex.nlp(article.text)
    mentions = ex.find_mentions(doc)
    before = list(mentions)
    entities = resolve_entities(article, doc, mentions, ex.gazetteer)
    assert list(mentions) == before
    summits = find_summits(article, doc, entities, ex.gazetteer)
    assert summits.venues and summits.nodes  # "in London": a venue, not an actor
    resolved = ResolvedArticle.of(article, doc, entities, summits, ex.gazetteer)
    nodes_before = dict(resolved.nodes)
    found = read_relations(resolved)
    assert dict(resolved.nodes) == nodes_before
    assert "USA" in {n.id for n in found.implied_nodes} and "USA" not in resolved.nodes  # implied by the envoy's title
    assert ("steve-witkoff", "LEADS", "USA") in {r.key for r in found.relations}
    graph = extract_graph(article, doc, ex.gazetteer, ex.find_mentions)
    assert graph == ex.extract(article)


def test_hand_offs_are_frozen():
    ex = default_extractor()
    mentions = ex.find_mentions(ex.nlp(TEXT))
    with pytest.raises(dataclasses.FrozenInstanceError):
        mentions[0].kind = None
    with pytest.raises(TypeError):
        mentions[0] = mentions[1]
