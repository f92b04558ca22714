"""The whole pipeline on one article: parse, segment, attribute, classify, aggregate."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.aggregate import aggregate
from pipeline.attribute import attribute
from pipeline.classify import Predictor, article_pairs, claim_stances, speaker_names
from pipeline.config import Config
from pipeline.nlp import parse
from pipeline.records import Analysis, Article, Attribution, Topic
from pipeline.segment import segment


def extract(article: Article, cfg: Config) -> Attribution:
    """Claims and speakers, without any stance (what `stance quotes` prints)."""
    doc = parse(article.text, cfg.segment.spacy_model)
    drafts, _, warnings = segment(doc)
    if cfg.segment.tagger:
        from pipeline.config import project_path
        from pipeline.tagger import added, load_tagger, tagged_drafts

        # The rules still run for their warnings about the text (unbalanced quotation marks).
        tagged = tagged_drafts(doc, load_tagger(str(project_path(cfg.segment.tagger))))
        drafts = tagged if cfg.segment.tagger_mode == "replace" else added(drafts, tagged)
    return attribute(article, doc, drafts, warnings)


def classify(
    attribution: Attribution, topics: Sequence[Topic], predictor: Predictor, min_confidence: float
) -> Analysis:
    claims = attribution.claims
    names = speaker_names(
        [c.speaker for c in claims], {s.id: s.name for s in attribution.speakers}, predictor.speaker_in_input
    )
    spans = [(c.start, c.end) for c in claims]
    pairs = article_pairs(attribution.article.text, spans, topics, predictor.context_chars, names)
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
