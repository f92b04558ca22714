"""Score the pipeline against gold: claims, attribution, claim x topic and speaker x topic stance.

Each article is scored on its own (`ArticleScore`), and every figure is a sum over articles, so a bootstrap that
resamples articles gives each figure a 95% interval that respects how claims cluster in articles.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from tqdm import tqdm

from pipeline.analyze import classify, extract
from pipeline.calibrate import calibration_report, label_ids, rescale
from pipeline.classify import Predictor, article_pairs, speaker_names
from pipeline.config import Config
from pipeline.matching import covering_claim, match, speaker_map
from pipeline.metrics import (
    LABEL_NAMES,
    class_f1,
    confusion,
    confusion_scores,
    percentile_interval,
    prf,
    resample_weights,
)
from pipeline.records import Analysis, Attribution, Gold, GoldArticle, Label

BOOTSTRAP_ROUNDS = 1000
BOOTSTRAP_SEED = 0
WORST = 15  # mistakes listed per kind


@dataclass
class ArticleScore:
    """What one article adds to every figure, for one predictor."""

    article: str
    gold_claims: int
    predicted_claims: int
    matched_overlap: int
    matched_exact: int
    attributions: list[tuple[str, str, bool]]  # (gold mode, how the speaker was found, right) per matched claim
    claim_gold: list[str]
    claim_pred: list[str]
    claim_probs: np.ndarray
    claim_topics: list[str]
    speaker_gold: list[str]
    speaker_pred: list[str]
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    def additive(self) -> np.ndarray:
        """The counts the bootstrap sums: claims, attribution, then the two 3 x 3 confusion matrices."""
        right = sum(r for _, _, r in self.attributions)
        head = [self.gold_claims, self.predicted_claims, self.matched_overlap, self.matched_exact]
        return np.concatenate(
            [
                np.array([*head, len(self.attributions), right], dtype=np.float64),
                confusion(self.claim_gold, self.claim_pred).ravel(),
                confusion(self.speaker_gold, self.speaker_pred).ravel(),
            ]
        )


# --- one article -----------------------------------------------------------------------------------------------


def _attribution(gold: Gold, analysis: Analysis, to_gold: dict[str, str], score: ArticleScore) -> None:
    """Speaker of every gold claim that a predicted claim covers; missed claims and wrong speakers as mistakes."""
    att = analysis.attribution
    names = {s.id: s.name for s in att.speakers}
    gold_names = {s.id: s.name for s in gold.speakers}
    for g in gold.claims:
        found = covering_claim(g, att.claims)
        if found is None:
            score.mistakes.append({"kind": "missed claim", "claim": g.id, "text": g.text})
            continue
        said_by = to_gold.get(found.speaker) if found.speaker else None
        method = found.speaker_method.value if found.speaker and found.speaker_method else "none"
        score.attributions.append((g.mode.value, method, said_by == g.speaker))
        if said_by != g.speaker:
            score.mistakes.append(
                {
                    "kind": "wrong speaker",
                    "claim": g.id,
                    "text": g.text,
                    "gold": gold_names.get(g.speaker or "", "(narration)"),
                    "predicted": names.get(found.speaker or "", "(no speaker)"),
                    "found_by": method,
                }
            )


def _claim_stances(item: GoldArticle, predictor: Predictor, score: ArticleScore) -> None:
    """Claim x topic on the gold claim spans, so that it measures the classifier alone."""
    gold, text = item.gold, item.article.text
    names = speaker_names(
        [g.speaker for g in gold.claims], {s.id: s.name for s in gold.speakers}, predictor.speaker_in_input
    )
    pairs = article_pairs(text, [(g.start, g.end) for g in gold.claims], gold.topics, predictor.context_chars, names)
    score.claim_probs = predictor.predict_proba(pairs)
    for n, (g, topic) in enumerate((g, t) for g in gold.claims for t in gold.topics):
        probs = score.claim_probs[n]
        predicted = LABEL_NAMES[int(probs.argmax())]
        score.claim_gold.append(g.stances[topic.id].value)
        score.claim_pred.append(predicted)
        score.claim_topics.append(topic.id)
        if predicted != score.claim_gold[-1]:
            score.mistakes.append(
                {
                    "kind": "wrong stance",
                    "claim": g.id,
                    "text": g.text,
                    "topic": topic.id,
                    "gold": score.claim_gold[-1],
                    "predicted": predicted,
                    "confidence": float(probs.max()),
                }
            )


def _speaker_stances(gold: Gold, analysis: Analysis, to_gold: dict[str, str], score: ArticleScore) -> None:
    """End to end: a gold speaker the pipeline did not find counts as predicted NONE. When the pipeline split
    one person into two speakers, the firmer stance of the two stands for them."""
    predicted: dict[tuple[str | None, str], str] = {}
    firmest: dict[tuple[str | None, str], float] = {}
    for st in analysis.speaker_stances:
        key = (to_gold.get(st.speaker), st.topic)
        strength = st.confidence if st.label is not Label.NONE else -1.0
        if strength > firmest.get(key, -2.0):
            predicted[key], firmest[key] = st.label.value, strength
    names = {s.id: s.name for s in gold.speakers}
    for s in gold.speaker_stances:
        score.speaker_gold.append(s.stance.value)
        score.speaker_pred.append(predicted.get((s.speaker, s.topic), Label.NONE.value))
        if score.speaker_pred[-1] != s.stance.value:
            score.mistakes.append(
                {
                    "kind": "wrong speaker stance",
                    "speaker": names.get(s.speaker, s.speaker),
                    "topic": s.topic,
                    "gold": s.stance.value,
                    "predicted": score.speaker_pred[-1],
                    "confidence": firmest.get((s.speaker, s.topic)),
                }
            )


def score_article(item: GoldArticle, attribution: Attribution, predictor: Predictor) -> tuple[ArticleScore, Analysis]:
    gold = item.gold
    analysis = classify(attribution, gold.topics, predictor, 0.0)
    spans = [(c.start, c.end) for c in attribution.claims]
    gold_spans = [(g.start, g.end) for g in gold.claims]
    score = ArticleScore(
        article=gold.article.id,
        gold_claims=len(gold_spans),
        predicted_claims=len(spans),
        matched_overlap=len(match(spans, gold_spans, exact=False)),
        matched_exact=len(match(spans, gold_spans, exact=True)),
        attributions=[],
        claim_gold=[],
        claim_pred=[],
        claim_probs=np.zeros((0, 3)),
        claim_topics=[],
        speaker_gold=[],
        speaker_pred=[],
    )
    to_gold = speaker_map(attribution, gold)
    _attribution(gold, analysis, to_gold, score)
    _claim_stances(item, predictor, score)
    _speaker_stances(gold, analysis, to_gold, score)
    for m in score.mistakes:
        m["article"] = score.article
    return score, analysis


# --- figures over a set of articles --------------------------------------------------------------------------


def _headline(sums: np.ndarray) -> dict[str, np.ndarray]:
    """Headline figures from (rounds, n) sums of `ArticleScore.additive` vectors."""
    gold, pred, overlap, exact, found, right = (sums[:, i] for i in range(6))
    claim_cm = sums[:, 6:15].reshape(-1, 3, 3)
    speaker_cm = sums[:, 15:24].reshape(-1, 3, 3)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = {
            "claims_f1_overlap": 2 * overlap / (gold + pred),
            "claims_f1_exact": 2 * exact / (gold + pred),
            "attribution_accuracy": right / found,
        }
        for name, cm in (("claim_x_topic", claim_cm), ("speaker_x_topic", speaker_cm)):
            f1 = class_f1(cm)
            out[f"{name}_accuracy"] = np.trace(cm, axis1=1, axis2=2) / cm.sum(axis=(1, 2))
            out[f"{name}_macro_f1"] = f1.mean(axis=1)
            out[f"{name}_f_avg"] = (f1[:, 0] + f1[:, 1]) / 2
    return out


def intervals(scores: Sequence[ArticleScore], rounds: int = BOOTSTRAP_ROUNDS) -> dict[str, list[float] | None]:
    """Bootstrap 95% percentile intervals of the headline figures, resampling articles (none for one article)."""
    if len(scores) < 2:
        return {}
    table = np.stack([s.additive() for s in scores])
    sums = resample_weights(len(scores), rounds, BOOTSTRAP_SEED) @ table
    return {name: percentile_interval(values) for name, values in _headline(sums).items()}


def _grouped_accuracy(rows: Sequence[tuple[str, bool]]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for key, right in rows:
        groups[key].append(right)
    return {k: {"n": len(v), "accuracy": sum(v) / len(v)} for k, v in sorted(groups.items())}


def claims_and_attribution(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    gold = sum(s.gold_claims for s in scores)
    pred = sum(s.predicted_claims for s in scores)
    rows = [r for s in scores for r in s.attributions]
    right = sum(r for _, _, r in rows)
    return {
        "claims": {
            "gold": gold,
            "predicted": pred,
            "covered": len(rows),
            "recall": len(rows) / gold if gold else None,  # gold claims at least half covered by a prediction
            "overlap": prf(sum(s.matched_overlap for s in scores), pred, gold),
            "exact": prf(sum(s.matched_exact for s in scores), pred, gold),
        },
        "attribution": {
            "found": len(rows),
            "right": right,
            "accuracy": right / len(rows) if rows else None,
            "by_mode": _grouped_accuracy([(mode, r) for mode, _, r in rows]),
            "by_method": _grouped_accuracy([(method, r) for _, method, r in rows]),
        },
    }


def per_topic(scores: Sequence[ArticleScore], names: Mapping[str, str]) -> list[dict[str, Any]]:
    """Claim x topic figures topic by topic, most frequent topic first."""
    gold: dict[str, list[str]] = defaultdict(list)
    pred: dict[str, list[str]] = defaultdict(list)
    for s in scores:
        for topic, g, p in zip(s.claim_topics, s.claim_gold, s.claim_pred, strict=True):
            gold[topic].append(g)
            pred[topic].append(p)
    rows = []
    for topic in sorted(gold, key=lambda t: (-len(gold[t]), t)):
        sc = confusion_scores(confusion(gold[topic], pred[topic]))
        stanced = sum(g != Label.NONE.value for g in gold[topic])
        rows.append({"topic": topic, "name": names.get(topic, topic), "stanced": stanced, **sc})
    return rows


def stance_figures(scores: Sequence[ArticleScore], temperature: float) -> dict[str, Any]:
    probs = np.concatenate([s.claim_probs for s in scores]) if scores else np.zeros((0, 3))
    labels = label_ids([g for s in scores for g in s.claim_gold])
    # The predictor's probabilities are already calibrated: undo T to show the raw model beside them.
    raw = rescale(probs, 1.0 / temperature)
    return {
        "claim_x_topic": confusion_scores(confusion(*_flat(scores, "claim"))),
        "speaker_x_topic": confusion_scores(confusion(*_flat(scores, "speaker"))),
        "calibration": calibration_report(raw, labels, temperature),
    }


def _flat(scores: Sequence[ArticleScore], level: str) -> tuple[list[str], list[str]]:
    gold = [x for s in scores for x in getattr(s, f"{level}_gold")]
    pred = [x for s in scores for x in getattr(s, f"{level}_pred")]
    return gold, pred


def worst_mistakes(scores: Sequence[ArticleScore]) -> dict[str, list[dict[str, Any]]]:
    """The mistakes worth reading first: the most confident wrong stances, and every kind of speaker error."""
    every = [m for s in scores for m in s.mistakes]
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in every:
        by_kind[m["kind"]].append(m)
    for kind in ("wrong stance", "wrong speaker stance"):
        by_kind[kind].sort(key=lambda m: -(m.get("confidence") or 0.0))
    return {kind: items[:WORST] for kind, items in by_kind.items()}


@dataclass
class Evaluation:
    """JSON-ready figures, and the model's analysis of each article beside its gold (for the HTML report)."""

    metrics: dict[str, Any]
    views: list[tuple[Analysis, Gold]]


def unseen_topics(scores: Sequence[ArticleScore], seen: Collection[str]) -> dict[str, Any]:
    """Claim x topic on the topics the model was never trained on: how it does on a user's new topics."""
    keep = [
        (g, p)
        for s in scores
        for t, g, p in zip(s.claim_topics, s.claim_gold, s.claim_pred, strict=True)
        if t not in seen
    ]
    topics = sorted({t for s in scores for t in s.claim_topics if t not in seen})
    return {"topics": topics, **confusion_scores(confusion([g for g, _ in keep], [p for _, p in keep]))}


def evaluate(
    corpus: Sequence[GoldArticle],
    predictors: Mapping[str, Predictor],
    cfg: Config,
    seen_topics: Collection[str] | None = None,
) -> Evaluation:
    """Figures for each predictor (same claims and speakers for all), with intervals, beside the majority class.
    With the topics the model was trained on, claim x topic is also scored on the others alone."""
    scores: dict[str, list[ArticleScore]] = {name: [] for name in predictors}
    views: list[tuple[Analysis, Gold]] = []
    for item in tqdm(corpus, desc="evaluating", unit="article", file=sys.stderr, disable=len(corpus) < 2):
        attribution = extract(item.article, cfg)
        for name, predictor in predictors.items():
            score, analysis = score_article(item, attribution, predictor)
            scores[name].append(score)
            if name == "model":
                views.append((analysis, item.gold))
    first = next(iter(scores.values()), [])
    names = {t.id: t.name for item in corpus for t in item.gold.topics}
    majority = [_majority(s) for s in first]
    metrics = {
        "articles": [item.article.id for item in corpus],
        **claims_and_attribution(first),
        "stance": {
            name: {
                **stance_figures(found, getattr(predictors[name], "temperature", 1.0)),
                "per_topic": per_topic(found, names),
                **({"unseen_topics": unseen_topics(found, seen_topics)} if seen_topics is not None else {}),
            }
            for name, found in scores.items()
        },
        "majority_baseline": {
            "claim_x_topic": confusion_scores(confusion(*_flat(majority, "claim"))),
            "speaker_x_topic": confusion_scores(confusion(*_flat(majority, "speaker"))),
        },
        "intervals": {name: intervals(found) for name, found in scores.items()} | {"majority": intervals(majority)},
        "mistakes": {name: worst_mistakes(found) for name, found in scores.items()},
        "bootstrap": {
            "rounds": BOOTSTRAP_ROUNDS,
            "seed": BOOTSTRAP_SEED,
            "unit": "article",
            "interval": "95% percentile",
        },
    }
    return Evaluation(metrics, views)


def _majority(score: ArticleScore) -> ArticleScore:
    """The same article as a predictor that always says NONE would score it."""
    none = Label.NONE.value
    return replace(
        score,
        claim_pred=[none] * len(score.claim_gold),
        speaker_pred=[none] * len(score.speaker_gold),
        claim_probs=np.zeros((0, 3)),
        mistakes=[],
    )
