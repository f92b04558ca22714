"""The whole pipeline on one article: parse, segment, attribute, classify, aggregate."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.aggregate import aggregate
from pipeline.attribute import attribute
from pipeline.classify import Predictor, article_pairs, claim_stances
from pipeline.config import Config
from pipeline.nlp import parse
from pipeline.records import Analysis, Article, Attribution, Topic
from pipeline.segment import segment


def extract(article: Article, cfg: Config) -> Attribution:
    """Claims and speakers, without any stance (what `stance quotes` prints)."""
    doc = parse(article.text, cfg.segment.spacy_model)
    drafts, _, warnings = segment(doc)
    return attribute(article, doc, drafts, warnings)


def classify(
    attribution: Attribution, topics: Sequence[Topic], predictor: Predictor, min_confidence: float
) -> Analysis:
    claims = attribution.claims
    pairs = article_pairs(attribution.article.text, [(c.start, c.end) for c in claims], topics, predictor.context_chars)
    stances = claim_stances([c.id for c in claims], topics, predictor.predict_proba(pairs))
    return Analysis(
        attribution=attribution,
        topics=tuple(topics),
        claim_stances=stances,
        speaker_stances=aggregate(attribution, topics, stances, min_confidence),
    )


def analyze(
    article: Article, topics: Sequence[Topic], predictor: Predictor, cfg: Config, min_confidence: float = 0.0
) -> Analysis:
    return classify(extract(article, cfg), topics, predictor, min_confidence)
