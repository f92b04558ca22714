"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.errors import StanceError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=2)
def load_spacy(package: str) -> Language:
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise StanceError(f"spaCy model package {package!r} is not installed: run `make install`") from None
    return module.load()


def parse(text: str, package: str) -> Doc:
    return load_spacy(package)(text)
