"""Property test: the extractor on random and adversarial text never crashes, always returns a valid
Graph, and every edge's evidence is a span of the article that holds the sentence it quotes."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from graphkit.gazetteer import load_gazetteer
from graphkit.model import Graph
from graphkit.pipeline import default_extractor
from graphkit.sources import ArticleError, article_from_text

_GZ = load_gazetteer()
NAMES = sorted({c.name for c in _GZ.countries.values()} | {d for c in _GZ.countries.values() for d in c.demonyms[:1]}
               | {c.capital for c in _GZ.countries.values() if c.capital}
               | {o.name for o in _GZ.organizations.values()} | {a for o in _GZ.organizations.values() for a in o.acronyms}
               | {p.name for p in _GZ.office_holders.values()} | {p.surname for p in _GZ.office_holders.values()})
WORDS = ["met", "met with", "pledged", "pledged aid to", "attacked", "opposed", "supported", "backed", "hosted",
         "attended", "joined", "the summit", "talks", "in", "on Thursday", "last week", "2025", "March 3, 2025",
         "President", "Prime Minister", "Foreign Minister", "said", "and", "with", "of", "the", "'s", "by video link",
         ".", ",", ";", ":", "—", "–", "“", "”", '"', "'", "(", ")", "\n", "\n\n", "\t", "\r\n", "  ", "…"]
ADVERSARIAL = ["\x00", "\u200b", "\u200f", "\ufeff", "\ufffd", "é", "e\u0301", "🇺🇦", "👍🏽", "ـــ", "مرحبا", "שלום",
               "Ω", "ﬁ", "\x0b", "\x0c", "\x1b[31m", "\u2028", "\u2029", "\x85", "<b>", "&amp;", "http://x.y/2025/3/3/",
               "Mr.", "U.S.", "St.", "e.g.", "...", "!!!", "??", "#", "*", "-", "_"]

tokens = st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS), st.sampled_from(ADVERSARIAL),
                   st.text(max_size=12))
VERBS = ["met", "met with", "pledged aid to", "attacked", "opposed", "supported", "held talks with",
         "hosted a summit with", "attended the summit with", "spoke by telephone with"]
sentences = st.builds(lambda a, verb, b, noise, end: f"{a} {verb} {b}{noise}{end}",
                      st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(NAMES),
                      st.one_of(st.just(""), st.sampled_from(ADVERSARIAL), st.text(max_size=8)),
                      st.sampled_from([".", ". ", ".\n", "\n\n", ";", " —", "", "!\r\n"]))
texts = st.one_of(
    st.lists(sentences, min_size=1, max_size=12).map("".join),  # sentences that assert relations, with noise
    st.lists(tokens, max_size=120).map(" ".join),  # diplomatic-looking word salad
    st.lists(tokens, max_size=120).map("".join),  # the same, glued together
    st.text(max_size=400),  # any unicode at all
)
dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10),
                  st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1, 9999), st.integers(1, 12)))


@pytest.fixture(scope="module")
def extractor():
    return default_extractor()  # spaCy loads once for every example


def check_extraction(extractor, text: str, date: str | None) -> Graph | None:
    """Extract `text` and check the graph; None when the text is empty (the only refusal allowed)."""
    try:
        article = article_from_text(text, "prop.txt", date=date)
    except ArticleError:
        assert not text.strip(), "only an empty text may be refused"
        return None
    graph = extractor.extract(article)
    assert isinstance(graph, Graph)
    Graph.model_validate(graph.model_dump())  # every node, relation and end re-validated
    body = article.text
    for rel in graph.relations:
        for ev in rel.evidence:
            assert ev.article == article.id
            assert 0 <= ev.start <= ev.end <= len(body), (rel.key, ev)
            assert ev.sentence in body[ev.start:ev.end], (rel.key, ev.sentence, body[ev.start:ev.end])
    return graph


# Derandomized, without the example database: the same 60 examples on every run and machine, so CI
# is reproducible; explore more with a larger max_examples by hand (that is how the bug pinned in
# test_names_without_latin_letters_do_not_crash_the_extractor was found).
@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=texts, date=dates)
@example(text="Emmanuel Macron met Volodymyr Zelenskyy in Paris on Thursday. France pledged aid to Ukraine.",
         date="2025-03-04")
@example(text="\x00\x00Macron\x00 met\x00 Starmer.\x00", date=None)
@example(text="Macron met Starmer.\r\nRussia attacked Ukraine.\rPoland supported Ukraine.", date="2025-03")
@example(text=" ".join(["Keir Starmer met Emmanuel Macron and Olaf Scholz."] * 300), date="2024-01-01")
@example(text="“Macron” — met — “Zelenskyy” (in “Paris”) … ‘France’ pledged ‘aid’ to “Ukraine”", date=None)
@example(text="e\u0301\u0301\u0301 Ukraine\u200b attacked\u200f Russia\ufeff. 🇺🇦 met 🇫🇷.", date="2025-12-31")
@example(text="A" * 20_000 + " met Macron.", date=None)
@example(text="Macron met\n\n\n\nZelenskyy\n.\n.\n.\nFrance\npledged\nUkraine", date="2025-03-04")
@example(text="NATO NATO NATO met NATO. EU opposed EU. Russia attacked Russia.", date=None)
@example(text="President President Prime Minister of of the the met met.", date=None)
def test_extractor_never_crashes_and_evidence_spans_hold_their_sentences(extractor, text, date):
    graph = check_extraction(extractor, text, date)
    if graph is not None:
        event("relations with evidence" if any(r.evidence for r in graph.relations) else "no relation with evidence")


@pytest.mark.parametrize("text", ["Владимир Путин met Emmanuel Macron.", "President Ωμέγα met Keir Starmer.",
                                  "Ω<\x1b", "Ω\ufeffΩ"])
def test_names_without_latin_letters_do_not_crash_the_extractor(extractor, text):
    """Found by the property test (about 1 example in 2,000): a name with no Latin letters once gave
    an empty Person id, and the ValidationError aborted the whole ingest."""
    check_extraction(extractor, text, None)
