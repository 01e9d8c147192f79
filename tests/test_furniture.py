"""Page furniture: teasers, embedded posts, captions and author boxes inside an article are not its text.

The pages in tests/pages/ are built in the shapes of real CMSs (WordPress, Arc, the BBC, an Indian
news site, a Gulf site with social embeds, a site with author and newsletter boxes, Drupal). Each body
states facts the graph must hold; each piece of furniture states a fact it must not."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import lxml.html
import pytest

from graphkit.furniture import strip_furniture_html, strip_furniture_text
from graphkit.model import Graph
from graphkit.pipeline import default_extractor
from graphkit.sources import article_from_html

PAGES = Path(__file__).resolve().parent / "pages"
DEV_ARTICLES = Path(__file__).resolve().parent / "dev" / "articles"
DATA = Path(__file__).resolve().parent / "data"


class Page(NamedTuple):
    lead: str  # from the article's first sentence
    body: set[tuple[str, str, str]]  # facts the article states (a summit as "summit in <city>")
    furniture: tuple[str, ...]  # phrases of its teasers, embeds, captions, bios
    furniture_people: tuple[str, ...]  # node ids that only the furniture names


SITES = {
    "wordpress-post.html": Page(
        lead="William Ruto hosted Tanzanian President Samia Suluhu Hassan",
        body={("william-ruto", "HOSTED", "summit in Nairobi"), ("samia-suluhu-hassan", "MET_WITH", "william-ruto"),
              ("KEN", "PLEDGED", "eac"), ("william-ruto", "LEADS", "KEN")},
        furniture=("Erdogan met Israeli Prime Minister", "(Photo: AFP)", "Scholz met Sunak",
                   "Ramaphosa hosts Chinese President", "Biden hosts Zelenskyy", "Share this"),
        furniture_people=("recep-tayyip-erdogan", "benjamin-netanyahu", "olaf-scholz", "rishi-sunak",
                          "cyril-ramaphosa", "xi-jinping", "joe-biden", "volodymyr-zelenskyy")),
    "arc-article-body.html": Page(
        lead="Marco Rubio met Japanese Foreign Minister Takeshi Iwaya",
        body={("marco-rubio", "MET_WITH", "takeshi-iwaya"), ("USA", "SUPPORTED", "JPN"),
              ("takeshi-iwaya", "LEADS", "JPN")},
        furniture=("Modi held talks with Sharif", "Xi Jinping met Vladimir Putin", "Erdogan hosts Aliyev",
                   "G20 summit in Osaka"),
        furniture_people=("narendra-modi", "xi-jinping", "vladimir-putin", "recep-tayyip-erdogan", "ilham-aliyev",
                          "shinzo-abe")),
    "bbc-figure.html": Page(
        lead="Keir Starmer met Irish Taoiseach Micheál Martin in Dublin",
        body={("keir-starmer", "MET_WITH", "micheal-martin"), ("IRL", "SUPPORTED", "GBR"),
              ("keir-starmer", "LEADS", "GBR"), ("micheal-martin", "LEADS", "IRL")},
        furniture=("Getty Images", "Erdogan met Israeli Prime Minister", "Macron and Meloni meet",
                   "Scholz met Sunak", "Biden hosts Zelenskyy"),
        furniture_people=("recep-tayyip-erdogan", "benjamin-netanyahu", "emmanuel-macron", "giorgia-meloni",
                          "olaf-scholz", "rishi-sunak", "joe-biden", "volodymyr-zelenskyy")),
    "indian-news-also-read.html": Page(
        lead="Narendra Modi attended the G20 summit in Johannesburg",
        body={("narendra-modi", "ATTENDED", "summit in Johannesburg"),
              ("cyril-ramaphosa", "HOSTED", "summit in Johannesburg"), ("IND", "PLEDGED", "african-union")},
        furniture=("Jaishankar met Chinese Foreign Minister", "Putin hosts Kim Jong Un", "Erdogan hosts Aliyev",
                   "Photo: PTI", "Pope Leo meeting JD Vance", "Follow us on X", "Biden hosts Zelenskyy"),
        furniture_people=("subrahmanyam-jaishankar", "wang-yi", "vladimir-putin", "kim-jong-un",
                          "recep-tayyip-erdogan", "ilham-aliyev", "pope-leo-xiv", "jd-vance", "joe-biden",
                          "volodymyr-zelenskyy")),
    "social-embeds.html": Page(
        lead="Mohammed bin Salman hosted Qatar’s Emir",
        body={("mohammed-bin-salman", "MET_WITH", "tamim-bin-hamad-al-thani"), ("SAU", "PLEDGED", "EGY"),
              ("haitham-bin-tarik", "MET_WITH", "tamim-bin-hamad-al-thani")},
        furniture=("Macron met Lula", "@Elysee", "Jaishankar meets Wang Yi", "A post shared by",
                   "Erdogan hosts Aliyev", "Biden hosts Zelenskyy"),
        furniture_people=("emmanuel-macron", "luiz-inacio-lula-da-silva", "subrahmanyam-jaishankar", "wang-yi",
                          "recep-tayyip-erdogan", "ilham-aliyev", "joe-biden", "volodymyr-zelenskyy")),
    "author-newsletter-related.html": Page(
        lead="Christopher Luxon met Chinese Premier Li Qiang",
        body={("christopher-luxon", "MET_WITH", "li-qiang"), ("NZL", "SUPPORTED", "CHN"),
              ("NZL", "PLEDGED", "pacific-islands-forum")},
        furniture=("Xi Jinping met Vladimir Putin", "Ramaphosa hosts Chinese President", "Macron met Giorgia Meloni",
                   "G20 summit in Osaka", "Sign up to The Asia Briefing", "Share on X"),
        furniture_people=("xi-jinping", "vladimir-putin", "cyril-ramaphosa", "emmanuel-macron", "giorgia-meloni",
                          "shinzo-abe")),
    "drupal-read-more.html": Page(
        lead="Lula da Silva met Argentine President Javier Milei",
        body={("javier-milei", "MET_WITH", "luiz-inacio-lula-da-silva"), ("eu", "PLEDGED", "mercosur"),
              ("luiz-inacio-lula-da-silva", "LEADS", "BRA"), ("javier-milei", "LEADS", "ARG")},
        furniture=("READ MORE", "Erdogan met Israeli Prime Minister", "Jaishankar meets Wang Yi", "Scholz met Sunak",
                   "Xi Jinping met Vladimir Putin", "File pic", "Recommended", "Biden hosts Zelenskyy"),
        furniture_people=("recep-tayyip-erdogan", "benjamin-netanyahu", "subrahmanyam-jaishankar", "wang-yi",
                          "olaf-scholz", "rishi-sunak", "xi-jinping", "vladimir-putin", "joe-biden",
                          "volodymyr-zelenskyy")),
}


def read_page(name: str):
    """The page as graphkit reads it: furniture stripped from the markup, then trafilatura. Stripping
    is idempotent, so this holds as well once article_from_html strips the page itself."""
    html = (PAGES / name).read_text(encoding="utf-8")
    return article_from_html(strip_furniture_html(html), article_id=name, path=str(PAGES / name))


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """Each page's graph, extracted once for the module by the one shared extractor."""
    extractor = default_extractor()
    return {name: extractor.extract(read_page(name)) for name in SITES}


def facts(graph: Graph) -> set[tuple[str, str, str]]:
    """(source, type, target), a summit written "summit in <city>", MET_WITH in name order."""
    summits = {n.id: f"summit in {n.properties.get('city')}" for n in graph.nodes if n.kind.value == "Summit"}
    found = set()
    for r in graph.relations:
        if r.type.value == "MENTIONS":
            continue
        source, target = summits.get(r.source, r.source), summits.get(r.target, r.target)
        if r.type.value == "MET_WITH":
            source, target = sorted((source, target))
        found.add((source, r.type.value, target))
    return found


def page_text(html: str) -> str:
    """Every word of the page's body, as a reader of the markup sees it (no trafilatura)."""
    body = lxml.html.document_fromstring(html).find("body")
    for script in body.iter("script", "style"):
        script.text = ""
    return " ".join(body.text_content().split())


# -- the pages, end to end ----------------------------------------------------------------------------

def test_every_fixture_page_is_listed():
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(SITES)


@pytest.mark.parametrize("name", sorted(SITES))
def test_fixture_pages_hold_their_furniture(name):
    """Not vacuous: every furniture phrase is on the page, beside the article."""
    text = page_text((PAGES / name).read_text(encoding="utf-8"))
    assert [p for p in SITES[name].furniture if p not in text] == [] and SITES[name].lead in text


@pytest.mark.parametrize("name", sorted(SITES))
def test_the_body_facts_are_read(graphs, name):
    assert SITES[name].body - facts(graphs[name]) == set()


@pytest.mark.parametrize("name", sorted(SITES))
def test_no_relation_comes_from_furniture(graphs, name):
    graph, page = graphs[name], SITES[name]
    from_furniture = [(r.source, r.type.value, r.target, e.sentence) for r in graph.relations for e in r.evidence
                      if any(phrase in e.sentence for phrase in page.furniture)]
    assert from_furniture == []
    assert {n.id for n in graph.nodes} & set(page.furniture_people) == set()
    assert [p for p in page.furniture if p in read_page(name).text] == []


@pytest.mark.parametrize("name", sorted(SITES))
def test_the_markup_filter_alone_leaves_no_furniture(name):
    """Whatever trafilatura then keeps or falls back to (html2txt reads the whole page), none is left."""
    html = (PAGES / name).read_text(encoding="utf-8")
    text = page_text(strip_furniture_html(html))
    assert [p for p in SITES[name].furniture if p in text] == []
    assert SITES[name].lead in text  # and the article is still there


@pytest.mark.parametrize("name", sorted(SITES))
def test_stripping_keeps_the_page_metadata_and_is_idempotent(name):
    html = (PAGES / name).read_text(encoding="utf-8")
    raw, once = article_from_html(html, name), read_page(name)
    twice = article_from_html(strip_furniture_html(strip_furniture_html(html)), name)
    assert (once.title, once.date, once.url) == (raw.title, raw.date, raw.url)
    assert once.title and once.date and once.url and SITES[name].lead in once.text
    assert twice.text == once.text


def test_the_teaser_of_the_issue_no_longer_joins_the_g20(graphs):
    """ALSO READ: "Putin hosts Kim Jong Un in Vladivostok" made Kim attend the article's G20 summit."""
    rels = facts(graphs["indian-news-also-read.html"])
    assert not any("vladimir-putin" in (s, t) or "kim-jong-un" in (s, t) for s, _, t in rels)
    assert ("cyril-ramaphosa", "HOSTED", "summit in Johannesburg") in rels


# -- strip_furniture_html -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Talks</title></head><body><article><h1>Talks in Nairobi</h1>
<p>Kenyan President William Ruto hosted Tanzanian President Samia Suluhu Hassan in Nairobi.</p>
<figure><img src="a.jpg"><figcaption>Erdogan greets Netanyahu</figcaption></figure>
<p><strong>ALSO READ:</strong> <a href="/x">Putin hosts Kim Jong Un in Vladivostok for arms talks</a></p>
<blockquote class="twitter-tweet"><p>Macron met Lula in Brasilia today</p>&mdash; Élysée (@Elysee)
<a href="/s">March 2, 2025</a></blockquote>
<div class="author-bio">Jane Doe covered the G20 summit in Osaka.</div>
<h3>Related stories</h3><ul><li><a href="/y">Biden hosts Zelenskyy at White House</a></li></ul>
<p>Kenya pledged $40 million to the East African Community, officials said.</p>
<p><b>Watch</b> this space, Ruto told reporters.</p>
</article></body></html>"""


def test_html_furniture_elements_go_and_the_article_stays():
    text = page_text(strip_furniture_html(PAGE))
    for furniture in ("Erdogan", "ALSO READ", "Kim Jong Un", "Macron", "Elysee", "G20", "Related stories", "Biden"):
        assert furniture not in text
    assert text == ("Talks in Nairobi Kenyan President William Ruto hosted Tanzanian President Samia Suluhu Hassan in "
                    "Nairobi. Kenya pledged $40 million to the East African Community, officials said. "
                    "Watch this space, Ruto told reporters.")


def test_html_wrapper_of_the_article_is_kept_whatever_its_class():
    page = ("<html><body><div class='storyDetails taboola-readmore'><p>Modi met Ramaphosa in Johannesburg.</p>"
            "<p>India pledged aid to the African Union.</p><p>Ramaphosa hosted the summit.</p></div>"
            "<article class='post tag-social-media'><h1>Headline</h1><p>Lula met Milei.</p>"
            "<div class='subscriber-content'><p>Milei backed the deal.</p></div></article></body></html>")
    text = page_text(strip_furniture_html(page))
    for kept in ("Modi met Ramaphosa", "Ramaphosa hosted the summit.", "Lula met Milei.", "Milei backed the deal."):
        assert kept in text


def test_html_keeps_a_page_without_furniture_as_it_is():
    page = "<html><body><article><p>Keir Starmer met Emmanuel Macron.</p></article></body></html>"
    assert strip_furniture_html(page) == page


@pytest.mark.parametrize("odd", ["", "   ", "plain text, no markup", "<<<>>>", "\ud800<p>x</p><figure>y</figure>",
                                 "<figure>only furniture</figure>", "<html><head></head></html>"])
def test_odd_markup_is_given_back_unchanged(odd):
    assert strip_furniture_html(odd) == odd


def test_html_with_xml_declaration_or_no_doctype_is_read():
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi there.</p><aside>Also</aside></body></html>'
    assert "Also" not in strip_furniture_html(page) and "Hi there." in strip_furniture_html(page)
    assert not strip_furniture_html("<p>Hi.</p><figure>x</figure>").lower().startswith("<!doctype")
    assert strip_furniture_html("<!DOCTYPE html><p>Hi.</p><figure>x</figure>").startswith("<!DOCTYPE html>\n")


# -- strip_furniture_text -----------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "ALSO READ: Putin hosts Kim Jong Un in Vladivostok for arms talks",
    "Also Read | Erdogan hosts Aliyev in Ankara for energy talks",
    "READ MORE:",
    "Read more >> Modi held talks with Sharif in Lahore",
    "Related: Scholz met Sunak in Berlin to discuss Ukraine",
    "Related stories",
    "MUST READ",
    "Recommended",
    "See also: Xi Jinping met Vladimir Putin in Moscow",
    "#WATCH: Macron and Meloni meet in Rome",
    "Click here to follow our coverage of Pope Leo meeting JD Vance at the Vatican.",
    "Subscribe to our newsletter for the latest news.",
    "Follow us on X, Facebook and Instagram for the latest news.",
    "View this post on Instagram",
    "Photo: PTI",
    "(Photo: AFP)",
    "File pic",
    "Image source, Getty Images",
    "Image caption, Erdogan greets Netanyahu in Ankara",
    "Prime Minister Narendra Modi and Scott Morrison during the virtual summit (Screengrab)",
    "Erdogan greets Netanyahu in Ankara. (AP Photo/Burhan Ozbilici)",
    "Macron met Lula in Brasilia today pic.twitter.com/Xa1b2C3d4E — Élysée (@Elysee) March 2, 2025",
    "Jaishankar meets Wang Yi in Beijing. A post shared by Dr. S. Jaishankar (@drsjaishankar)",
])
def test_text_furniture_lines_go(line):
    assert strip_furniture_text(f"Ruto hosted Hassan in Nairobi.\n{line}\nKenya pledged aid.") == \
        "Ruto hosted Hassan in Nairobi.\nKenya pledged aid."


@pytest.mark.parametrize("sentence", [
    "Related talks were held in Geneva on Friday.",
    "Photos released by the Kremlin showed Putin greeting Kim Jong Un.",
    "Images of the summit were shown on state television.",
    "Video released by the ministry showed the two leaders shaking hands.",
    "Watchdog groups criticised the deal, and Lula said: watch this space.",
    "Subscribers to the pact include Japan and Canada.",
    "Follow-up talks are due in Geneva next month.",
    "Credit rating agencies downgraded Argentina after the vote.",
    "Recommended measures include a ceasefire, the report said.",
    "Listening to the debate, Lula said the bloc must act.",
    "The two leaders watched a parade (pictured) in Red Square.",
    "Modi took charge of the trade brief (the Mercosur file).",
    "Sign-up to the accord was slow, officials said.",
    "File-sharing rules were also discussed.",
])
def test_text_sentences_are_never_dropped(sentence):
    assert strip_furniture_text(sentence) == sentence


def test_text_of_real_articles_is_left_alone():
    texts = [*DEV_ARTICLES.glob("*.txt"), *DATA.glob("*.txt"), *DATA.glob("*.md")]
    assert len(texts) >= 8
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert strip_furniture_text(text) == text, path.name


def test_text_links_listed_under_a_bare_label_go_with_it():
    text = ("Milei said Argentina would stay.\nREAD MORE:\n* Erdogan met Netanyahu in Ankara\n"
            "* Jaishankar meets Wang Yi in Beijing\nLula said the bloc must act.\nALSO READ\n\n"
            "Putin hosts Kim Jong Un in Vladivostok for arms talks\nModi called for reform.")
    assert strip_furniture_text(text) == ("Milei said Argentina would stay.\nLula said the bloc must act.\n\n"
                                          "Modi called for reform.")


def test_text_tweet_signed_on_its_own_line_goes_with_its_text():
    text = ("Bin Salman hosted Tamim in Riyadh.\nMacron met Lula in Brasilia today. pic.twitter.com/Xa1b2C3d4E\n"
            "— Élysée (@Elysee) March 2, 2025\nSaudi Arabia pledged $2 billion to Egypt.")
    assert strip_furniture_text(text) == "Bin Salman hosted Tamim in Riyadh.\nSaudi Arabia pledged $2 billion to Egypt."
    unmarked = "Bin Salman hosted Tamim in Riyadh.\n— Élysée (@Elysee) March 2, 2025"
    assert strip_furniture_text(unmarked) == "Bin Salman hosted Tamim in Riyadh."  # a sentence, not a post: kept
