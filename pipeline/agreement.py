"""Inter-annotator agreement: the corpus gold (annotator A) against an independent second labelling (B).

B labelled the same claim spans blind to A's labels, naming each claim's speaker by full name and giving a
stance per topic (files in data/agreement/<article-id>.json).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score

from pipeline.errors import InputError
from pipeline.io import read_json
from pipeline.matching import gold_speaker
from pipeline.records import GoldArticle


def _speaker_id(name: str | None, item: GoldArticle) -> str | None:
    """B's speaker name as a gold speaker id ("?name" when it names nobody A labelled)."""
    return None if name is None else gold_speaker(name, item.gold) or f"?{name}"


def compare(item: GoldArticle, second: dict[str, Any]) -> dict[str, list[Any]]:
    """Paired labels of one article: speakers, claim x topic stances, speaker x topic stances."""
    claims = second.get("claims", {})
    pairs: dict[str, list[Any]] = {
        "speaker_a": [],
        "speaker_b": [],
        "stance_a": [],
        "stance_b": [],
        "overall_a": [],
        "overall_b": [],
    }
    for c in item.gold.claims:
        if c.id not in claims:
            raise InputError(f"second labels of {item.article.id}: claim {c.id} missing")
        b = claims[c.id]
        pairs["speaker_a"].append(c.speaker)
        pairs["speaker_b"].append(_speaker_id(b.get("speaker"), item))
        for topic in item.gold.topics:
            pairs["stance_a"].append(c.stances[topic.id].value)
            pairs["stance_b"].append(b["stances"][topic.id])
    overall_b = {
        (_speaker_id(name, item), t): lab
        for name, by in second.get("speaker_stances", {}).items()
        for t, lab in by.items()
    }
    for s in item.gold.speaker_stances:
        pairs["overall_a"].append(s.stance.value)
        pairs["overall_b"].append(overall_b.get((s.speaker, s.topic), "NONE"))
    return pairs


def agreement(corpus: Sequence[GoldArticle], folder: Path) -> dict[str, Any]:
    by_id = {g.article.id: g for g in corpus}
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(f"{folder}: no second-annotation files")
    pooled: dict[str, list[Any]] = {}
    disagreements = []
    for file in files:
        item = by_id.get(file.stem)
        if item is None:
            raise InputError(f"{file}: no gold article {file.stem}")
        pairs = compare(item, read_json(file))
        for key, values in pairs.items():
            pooled.setdefault(key, []).extend(values)
        topics = [t.id for t in item.gold.topics]
        for n, (a, b) in enumerate(zip(pairs["stance_a"], pairs["stance_b"], strict=True)):
            if a != b:
                claim = item.gold.claims[n // len(topics)]
                disagreements.append(
                    {
                        "article": file.stem,
                        "claim": claim.id,
                        "topic": topics[n % len(topics)],
                        "a": a,
                        "b": b,
                        "text": claim.text,
                    }
                )
    same = sum(a == b for a, b in zip(pooled["speaker_a"], pooled["speaker_b"], strict=True))
    return {
        "articles": len(files),
        "claims": len(pooled["speaker_a"]),
        "attribution_agreement": same / len(pooled["speaker_a"]),
        "claim_x_topic": {
            "n": len(pooled["stance_a"]),
            "cohen_kappa": cohen_kappa_score(pooled["stance_a"], pooled["stance_b"]),
            "raw_agreement": sum(a == b for a, b in zip(pooled["stance_a"], pooled["stance_b"], strict=True))
            / len(pooled["stance_a"]),
        },
        "speaker_x_topic": {
            "n": len(pooled["overall_a"]),
            "cohen_kappa": cohen_kappa_score(pooled["overall_a"], pooled["overall_b"]),
        },
        "disagreements": disagreements,
    }
