"""The spaCy pipeline, loaded once per process, with paragraph breaks as hard sentence boundaries."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language

from pipeline.errors import StanceError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DATE_HEADER = re.compile(r"^ ?date \d{4}-\d{2}-\d{2} ")
# A wire dateline at a paragraph start: "BRUSSELS — ", "BRATISLAVA, Slovakia (AP) – ".
DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,}(?:, [A-Z][\w .]+)?(?: \([^)]{1,20}\))? [—–-] ")


def _start_sentence(token: Token) -> None:
    """A sentence starts here, and runs on past the next word when only a space stands between: the parser can
    otherwise cut a name there ("Mette | Kjær steered ...") and NER then misses the person."""
    token.is_sent_start = True
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and token.is_alpha and nxt.is_alpha and token.whitespace_ == " ":
        nxt.is_sent_start = False


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs over a blank line, nor over the seed form's ` date YYYY-MM-DD ` header.

    The parser merges a closing quote paragraph with the next one otherwise, and then the next paragraph's
    speech verb is read as the attribution of the quote before it.
    """
    starts = {m.end() for m in [DATE_HEADER.match(doc.text)] if m}
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text_with_ws:
            _start_sentence(token)
            dateline = DATELINE.match(doc.text, token.idx)
            if dateline:
                starts.add(dateline.end())
        elif token.idx in starts:
            _start_sentence(token)
    return doc


@lru_cache(maxsize=2)
def load_spacy(package: str) -> Language:
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise StanceError(f"spaCy model package {package!r} is not installed: run `make install`") from None
    nlp = module.load()
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def parse(text: str, package: str) -> Doc:
    return load_spacy(package)(text)
