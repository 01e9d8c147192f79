"""Page furniture: the parts of a news article's body that are not its text.

Teaser and "read more" links, embedded social posts, image captions and credits, author boxes and
newsletter sign-ups sit inside the article on most sites, so removing the page's boilerplate keeps
them, and a teaser ("ALSO READ: Putin hosts Kim Jong Un in Vladivostok") is then read as a fact of
the article. Two filters drop them, both driven by the tables below:

* `strip_furniture_html(page)` removes furniture elements from the markup, before trafilatura;
* `strip_furniture_text(text)` removes furniture lines (teaser labels, credits and captions, calls
  to action, embedded posts) from plain text.

What trafilatura already does, with graphkit's options (`include_images=False`,
`include_comments=False`, `include_tables=False`; `favor_precision` off): it deletes <figure>,
<picture>, <aside>, <iframe>, <embed>, <object>, <video> and <audio>, and on its main path the blocks
whose class or id says caption, author, newsletter, share, social, related or embed, and paragraphs
that are mostly links. What it leaves, and these filters take out: embedded posts in a <blockquote>
(twitter-tweet, fb-xfbml-parse-ignore, tiktok-embed), teasers given by a label ("ALSO READ:",
"READ MORE:", "See also:", "Related:") rather than a class, and credit and call-to-action lines. Its
class rules also run only on its main path, are skipped when they would remove nearly all of a page,
and never reach its fallbacks (the readability, justext and baseline passes read the page as it came;
graphkit takes `html2txt` of a page too short for them), so the element rules are applied here, before
any of them.

>>> strip_furniture_text("Ruto hosted Hassan in Nairobi.\\nALSO READ: Putin hosts Kim Jong Un\\nPhoto: PTI")
'Ruto hosted Hassan in Nairobi.'
"""
from __future__ import annotations

import re

# Elements that are never article text, whatever they hold.
FURNITURE_TAGS = ("figure", "figcaption", "aside", "iframe", "embed", "object", "picture", "video", "audio")

# Attributes whose value names what an element is: class and id, and the data- attributes that
# component-based CMSs (Arc, BBC, Drupal) use instead.
NAMING_ATTRIBUTES = ("class", "id", "data-qa", "data-component", "data-testid", "data-type", "data-module",
                     "data-block-plugin-id")

# Fragments of those names (regular expressions, case-insensitive, anywhere in the value) that mark
# furniture. An element that holds the article itself is kept whatever its name (see _holds_article).
FURNITURE_NAMES = {
    "embedded posts": ("tweet", "twitter", "instagram", "tiktok", "fb-post", "fb-video", "fb-xfbml",
                       "text-post-media", "bluesky", "mastodon", "embed", "social"),
    "teasers": ("related", r"read-?more", r"also-?read", r"read-?also", r"read-?next", r"see-?also",
                r"must-?read", "teaser", "recommend", "interstitial", r"more-?on-?this", r"most-?read",
                r"most-?popular", "trending", "promo", "outbrain", "taboola"),
    "captions and credits": ("caption", "credit", "gallery", "slideshow"),
    "author boxes and sign-ups": (r"author-?bio", r"author-?box", r"author-?info", r"about-?the-?author",
                                  r"byline-?bio", r"contributor-?bio", "newsletter", r"subscribe(?!r)",
                                  r"sign-?up"),
    "sharing": (r"share-?bar", "sharing", "sharedaddy"),
}

# Labels that introduce a teaser: a line or block starting with one (then ":", "|", "»", ">>" or a
# spaced dash), or made of one alone, is not article text. Regular expressions, case-insensitive.
TEASER_LABELS = (
    r"also read", r"read also", r"read more", r"more to read", r"must read", r"also see", r"see also",
    r"related(?: stories| articles| news| coverage| content| links| reading| topics)?", r"more on this story",
    r"recommended(?: stories| for you| reading)?", r"you (?:may|might) also like", r"don'?t miss",
    r"do not miss", r"editor'?s picks?", r"top stories", r"trending(?: now)?", r"read next", r"up next",
    r"watch(?: video| now)?", r"listen",
)

# Calls to action: a short line starting with one is addressed to the reader, not news.
CALLS_TO_ACTION = (
    r"click here", r"tap here", r"subscribe\b", r"sign up\b", r"follow us\b",
    r"follow .{1,40} on (?:x|twitter|facebook|instagram|whatsapp|telegram|google news)\b",
    r"download the\b.{0,40}\bapp\b", r"join our\b", r"get the latest\b", r"catch all the\b",
    r"for more news\b", r"view this post on\b",
)

# Labels of a photo or video credit or caption. A line starting with one and ":" or "|" (or made of
# one alone) is a credit: "Photo: PTI", "(Photo: AFP)", "File pic"; one ending with one in brackets
# is a caption: "... at the summit (Screengrab)", "... in Ankara. (AP Photo/Burhan Ozbilici)".
CREDIT_LABELS = (
    r"photos?", r"pics?", r"pictures?", r"images?", r"file", r"file (?:photo|pic|picture|image)s?",
    r"photograph", r"representational (?:photo|pic|image)", r"representative (?:photo|pic|image)",
    r"photo credit", r"image credit", r"credit", r"courtesy", r"videos?", r"screengrabs?", r"screenshots?",
)
# The BBC's caption labels, which a comma follows: "Image source, Getty Images".
CAPTION_LABELS = (r"image source", r"image caption", r"media caption", r"video caption")

# How an embedded post signs off when only its text is left: "— Élysée (@Elysee) March 2, 2025" after a
# tweet, "A post shared by Dr. S. Jaishankar (@drsjaishankar)" under an Instagram caption.
EMBED_SIGNATURES = (
    r"[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w{3,9}\.? \d{1,2}, \d{4}",
    r"a post shared by [^()\n]{1,80}\(@[\w.]{1,30}\)",
)
# Marks of a post's own text, in the line above a signature that stands alone.
POST_MARKS = (r"pic\.twitter\.com/", r"\bt\.co/", r"https?://", r"(?:^|\s)[#@]\w")

MAX_FURNITURE_LINE = 200  # characters; a teaser label, credit or call to action is never longer
MAX_CAPTION_LINE = 400  # a caption that ends with its credit
MAX_POST_LINE = 600  # a post with its signature, on one line

_SEPARATOR = r"\s*(?:[:|»]|>+(?:\s|$)|[–—-]\s|$)"
_TEASER_LINE = re.compile(rf"^\W*(?:{'|'.join(TEASER_LABELS)}){_SEPARATOR}", re.IGNORECASE)
_LABEL_ONLY = re.compile(rf"^\W*(?:{'|'.join(TEASER_LABELS)})\s*[:|»>–—-]*\s*$", re.IGNORECASE)
_CALL_TO_ACTION = re.compile(rf"^\W*(?:{'|'.join(CALLS_TO_ACTION)})", re.IGNORECASE)
_CREDIT_LINE = re.compile(rf"^\(?\s*(?:(?:{'|'.join(CREDIT_LABELS)})\s*(?:[:|]|\)?\s*$)"
                          rf"|(?:{'|'.join(CAPTION_LABELS)})\s*[:,|])", re.IGNORECASE)
_CREDIT_AT_END = re.compile(rf"\((?:[^()]*\b)?(?:{'|'.join(CREDIT_LABELS)})\b[^()]*\)\s*$", re.IGNORECASE)
_EMBED_SIGNATURE = re.compile(rf"(?:{'|'.join(EMBED_SIGNATURES)})\s*$", re.IGNORECASE)
_POST_MARK = re.compile("|".join(POST_MARKS))
_FURNITURE_NAME = re.compile("|".join(p for group in FURNITURE_NAMES.values() for p in group), re.IGNORECASE)
_BULLET = re.compile(r"^\s*[*•·▪►–-]\s+\S")
_SENTENCE_END = re.compile(r"[.!?…\"'”’)\]]\s*$")
_DOCTYPE = re.compile(r"\s*<!doctype[^>]*>", re.IGNORECASE)

_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "div", "section", "blockquote")  # not inline ones
_BLOCK_CHILDREN = ("p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote", "h1", "h2", "h3",
                   "h4", "h5", "h6", "figure")
_NEVER_REMOVED = ("html", "head", "body")


def strip_furniture_text(text: str) -> str:
    """`text` without its furniture lines: teaser labels ("ALSO READ: ...", "Related stories") and the
    bullet or headline lines listed under a bare label, credits and captions ("Photo: PTI",
    "... (Screengrab)"), calls to action ("Click here to ...") and embedded posts (a tweet's text and
    its "— Name (@handle) Date"). Every rule needs a label or a signature, so that a sentence of the
    article is never dropped."""
    kept: list[str] = []
    under_label = False  # the lines after a bare "READ MORE:" are its links, while they look like links
    for line in text.split("\n"):
        if under_label and not line.strip():
            kept.append(line)
            continue
        if under_label and (_BULLET.match(line) or _looks_like_headline(line)):
            continue
        under_label = bool(_LABEL_ONLY.match(line))
        if _is_signature_alone(line):
            _drop_post_above(kept)
        elif not (_is_furniture_line(line) or _is_post_line(line)):
            kept.append(line)
    return "\n".join(kept)


def strip_furniture_html(html: str) -> str:
    """The page without the furniture inside its article: elements named in FURNITURE_TAGS, elements
    whose class, id or data- name matches FURNITURE_NAMES (unless they hold the article itself), and
    blocks that strip_furniture_text would drop as lines. The rest of the page, its <head> and
    metadata included, is left as it is; markup that cannot be parsed is returned unchanged."""
    if not isinstance(html, str) or not html.strip():
        return html
    try:
        import lxml.html  # local: plain-text reading does not need it

        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
        body = root.find("body")
        if body is None:
            return html
        furniture = _furniture_elements(body)
        if not furniture:
            return html
        for element in furniture:
            element.drop_tree()  # keeps the element's tail, which is text around it
        if not body.text_content().strip():
            return html  # nothing but furniture: better the page than nothing
        doctype = _DOCTYPE.match(html)  # the page's own, not the one lxml supplies when it has none
        return (doctype.group(0) + "\n" if doctype else "") + lxml.html.tostring(root, encoding="unicode")
    except Exception:  # noqa: BLE001 - a filter must never make a readable page unreadable
        return html


def _furniture_elements(body) -> list:
    """The outermost furniture elements under `body`, in document order."""
    paragraphs = len(body.findall(".//p"))
    found: dict = {}  # insertion-ordered, for fast "is an ancestor already found"
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in _NEVER_REMOVED:
            continue
        if any(ancestor in found for ancestor in element.iterancestors()):
            continue
        if element.tag in _BLOCKS and _LABEL_ONLY.match(_visible_text(element)):
            found[element] = True
            follower = element.getnext()  # the links a bare "Related stories" heading introduces
            if follower is not None and (follower.tag in ("ul", "ol") or _link_share(follower) >= 0.5):
                found[follower] = True
        elif element.tag in FURNITURE_TAGS or _is_furniture_block(element) or (
                _has_furniture_name(element) and not _holds_article(element, paragraphs)):
            found[element] = True
    return list(found)


def _is_furniture_block(element) -> bool:
    """A paragraph-like block that, read as one line, is furniture; or a blockquote signed as a post."""
    if element.tag not in _BLOCKS:
        return False
    if element.tag == "blockquote":
        return bool(_EMBED_SIGNATURE.search(_visible_text(element)))
    if any(child.tag in _BLOCK_CHILDREN for child in element.iterdescendants()):
        return False
    text = _visible_text(element)
    if _is_furniture_line(text) or _is_post_line(text):
        return True
    return bool(_TEASER_LINE.match(text)) and _link_share(element) >= 0.5  # "Related: <a long headline>"


def _is_furniture_line(line: str) -> bool:
    line = line.strip()
    if not line:
        return False
    if len(line) <= MAX_FURNITURE_LINE and (_TEASER_LINE.match(line) or _CALL_TO_ACTION.match(line)
                                            or _CREDIT_LINE.match(line)):
        return True
    return len(line) <= MAX_CAPTION_LINE and bool(_CREDIT_AT_END.search(line))


def _is_post_line(line: str) -> bool:
    """A post and its signature on one line."""
    return len(line.strip()) <= MAX_POST_LINE and bool(_EMBED_SIGNATURE.search(line))


def _is_signature_alone(line: str) -> bool:
    found = _EMBED_SIGNATURE.search(line)
    return found is not None and not line[:found.start()].strip()


def _drop_post_above(kept: list[str]) -> None:
    """Drop the post a lone signature closes: the last non-empty line, when it bears a post's marks."""
    for i in range(len(kept) - 1, -1, -1):
        if kept[i].strip():
            if len(kept[i].strip()) <= MAX_POST_LINE and _POST_MARK.search(kept[i]):
                del kept[i]
            return


def _looks_like_headline(line: str) -> bool:
    """A line under a teaser label that is a link's title: short, and not ended like a sentence."""
    return len(line.strip()) <= MAX_FURNITURE_LINE and not _SENTENCE_END.search(line)


def _has_furniture_name(element) -> bool:
    return any(_FURNITURE_NAME.search(element.get(name) or "") for name in NAMING_ATTRIBUTES)


def _holds_article(element, paragraphs: int) -> bool:
    """The headline, or most of the page's paragraphs in running text: a wrapper of the article
    whose name happens to match ("storyDetails taboola-readmore", "wp-embed-responsive")."""
    if element.find(".//h1") is not None:
        return True
    return len(element.findall(".//p")) * 2 > paragraphs and _link_share(element) < 0.5


def _visible_text(element) -> str:
    return " ".join(element.text_content().split())


def _link_share(element) -> float:
    """How much of the element's text is link text (0 when it has no text)."""
    total = len(_visible_text(element))
    if not total:
        return 0.0
    linked = sum(len(_visible_text(a)) for a in element.iter("a"))
    return min(linked / total, 1.0)
