"""Score the pipeline against gold: claims, attribution, claim x topic and speaker x topic stance."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm

from pipeline.analyze import classify, extract
from pipeline.classify import Predictor, article_pairs
from pipeline.config import Config
from pipeline.metrics import LABEL_NAMES, stance_scores
from pipeline.records import Attribution, Claim, Gold, GoldArticle, GoldClaim, Label


@dataclass
class Tally:
    """Everything counted over a set of articles, for one predictor."""

    gold_claims: int = 0
    found: int = 0
    attributed: int = 0
    claim_gold: list[str] = field(default_factory=list)
    claim_pred: list[str] = field(default_factory=list)
    speaker_gold: list[str] = field(default_factory=list)
    speaker_pred: list[str] = field(default_factory=list)
    mistakes: list[dict[str, Any]] = field(default_factory=list)


def covering_claim(gold: GoldClaim, claims: Sequence[Claim]) -> Claim | None:
    """The predicted claim that covers most of a gold claim, if it covers at least half of it."""
    best, best_overlap = None, 0
    for c in claims:
        overlap = min(c.end, gold.end) - max(c.start, gold.start)
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    return best if best_overlap * 2 >= gold.end - gold.start else None


def _tokens(name: str) -> list[str]:
    return name.lower().removeprefix("the ").replace("’", "'").split()


def same_name(a: str, b: str) -> bool:
    """ "Mark Delaney" and "Vice Admiral Mark Delaney", "Kremlin" and "the Kremlin": one ends the other."""
    ta, tb = _tokens(a), _tokens(b)
    short, long = sorted((ta, tb), key=len)
    return bool(short) and long[-len(short) :] == short and (len(short) > 1 or len(long) == 1 or short == long)


def gold_speaker(name: str | None, gold: Gold) -> str | None:
    """The gold speaker a name refers to: its name or an alias, exactly, else a name that ends the other."""
    if name is None:
        return None
    for s in gold.speakers:
        if name.lower() in {f.lower() for f in (s.name, *s.aliases)}:
            return s.id
    for s in gold.speakers:
        if same_name(name, s.name):
            return s.id
    return None


def speaker_map(attribution: Attribution, gold: Gold) -> dict[str, str]:
    """Predicted speaker id → gold speaker id, by the names and aliases they share."""
    mapping = {}
    for speaker in attribution.speakers:
        found = gold_speaker(speaker.name, gold) or next(
            (g for g in (gold_speaker(m, gold) for m in speaker.mentions) if g), None
        )
        if found:
            mapping[speaker.id] = found
    return mapping


def tally_article(item: GoldArticle, attribution: Attribution, predictor: Predictor, tally: Tally) -> None:
    gold, text = item.gold, item.article.text
    analysis = classify(attribution, gold.topics, predictor, 0.0)
    to_gold = speaker_map(attribution, gold)
    for g in gold.claims:
        tally.gold_claims += 1
        match = covering_claim(g, attribution.claims)
        if match is None:
            tally.mistakes.append({"article": gold.article.id, "kind": "missed claim", "claim": g.id, "text": g.text})
            continue
        tally.found += 1
        said_by = to_gold.get(match.speaker) if match.speaker else None
        if said_by == g.speaker:
            tally.attributed += 1
        else:
            tally.mistakes.append(
                {
                    "article": gold.article.id,
                    "kind": "wrong speaker",
                    "claim": g.id,
                    "text": g.text,
                    "gold": g.speaker,
                    "predicted": match.speaker,
                }
            )
    # Claim x topic on the gold claim spans, so that it measures the classifier alone.
    probs = predictor.predict_proba(
        article_pairs(text, [(g.start, g.end) for g in gold.claims], gold.topics, predictor.context_chars)
    )
    n = 0
    for g in gold.claims:
        for topic in gold.topics:
            tally.claim_gold.append(g.stances[topic.id].value)
            tally.claim_pred.append(LABEL_NAMES[int(probs[n].argmax())])
            n += 1
    # Speaker x topic end to end: a gold speaker the pipeline did not find counts as predicted NONE.
    # When the pipeline split one person into two speakers, the firmer stance of the two stands for them.
    predicted: dict[tuple[str | None, str], str] = {}
    firmest: dict[tuple[str | None, str], float] = {}
    for st in analysis.speaker_stances:
        key = (to_gold.get(st.speaker), st.topic)
        strength = st.confidence if st.label is not Label.NONE else -1.0
        if strength > firmest.get(key, -2.0):
            predicted[key], firmest[key] = st.label.value, strength
    for s in gold.speaker_stances:
        tally.speaker_gold.append(s.stance.value)
        tally.speaker_pred.append(predicted.get((s.speaker, s.topic), Label.NONE.value))
        if tally.speaker_pred[-1] != s.stance.value:
            tally.mistakes.append(
                {
                    "article": gold.article.id,
                    "kind": "wrong speaker stance",
                    "speaker": s.speaker,
                    "topic": s.topic,
                    "gold": s.stance.value,
                    "predicted": tally.speaker_pred[-1],
                }
            )


def summarise(tally: Tally) -> dict[str, Any]:
    return {
        "claims": {
            "gold": tally.gold_claims,
            "found": tally.found,
            "recall": tally.found / tally.gold_claims if tally.gold_claims else None,
        },
        "attribution": {
            "found": tally.found,
            "right": tally.attributed,
            "accuracy": tally.attributed / tally.found if tally.found else None,
        },
        "claim_x_topic": stance_scores(tally.claim_gold, tally.claim_pred),
        "speaker_x_topic": stance_scores(tally.speaker_gold, tally.speaker_pred),
    }


def evaluate(corpus: Sequence[GoldArticle], predictors: Mapping[str, Predictor], cfg: Config) -> dict[str, Any]:
    """Metrics for each predictor (same claims and speakers for all), plus the majority-class baseline."""
    tallies = {name: Tally() for name in predictors}
    for item in tqdm(corpus, desc="evaluating", unit="article", file=sys.stderr, disable=len(corpus) < 2):
        attribution = extract(item.article, cfg)
        for name, predictor in predictors.items():
            tally_article(item, attribution, predictor, tallies[name])
    results = {name: summarise(t) for name, t in tallies.items()}
    first = next(iter(tallies.values()), Tally())
    majority = {
        "claim_x_topic": stance_scores(first.claim_gold, [Label.NONE.value] * len(first.claim_gold)),
        "speaker_x_topic": stance_scores(first.speaker_gold, [Label.NONE.value] * len(first.speaker_gold)),
    }
    return {
        "articles": [item.article.id for item in corpus],
        "results": results,
        "majority_baseline": majority,
        "mistakes": {name: t.mistakes for name, t in tallies.items()},
    }
