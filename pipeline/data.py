"""The labelled corpus: loading, validation, the frozen split and its statistics."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.io import gold_files, load_gold
from pipeline.records import GoldArticle, Label

SPLITS = ("train", "dev", "test")


def load_corpus(path: Path) -> list[GoldArticle]:
    return [load_gold(file) for file in gold_files(path)]


def problems(item: GoldArticle) -> list[str]:
    """Everything wrong with one gold article that the schema alone cannot see."""
    gold, text = item.gold, item.article.text
    topic_ids = [t.id for t in gold.topics]
    speaker_ids = {s.id for s in gold.speakers}
    found = []
    for c in gold.claims:
        if text[c.start : c.end] != c.text:
            found.append(f"claims.{c.id}: text does not match article[{c.start}:{c.end}]")
        if sorted(c.stances) != sorted(topic_ids):
            found.append(f"claims.{c.id}.stances: must give a label for every topic ({', '.join(topic_ids)})")
        if c.speaker is not None and c.speaker not in speaker_ids:
            found.append(f"claims.{c.id}.speaker: unknown speaker {c.speaker!r}")
    pairs = Counter((s.speaker, s.topic) for s in gold.speaker_stances)
    expected = {(s, t) for s in speaker_ids for t in topic_ids}
    if set(pairs) != expected or any(n > 1 for n in pairs.values()):
        found.append("speaker_stances: must hold every speaker x topic pair exactly once")
    for s in gold.speaker_stances:
        said = {c.stances.get(s.topic) for c in gold.claims if c.speaker == s.speaker} - {Label.NONE, None}
        if s.stance is not Label.NONE and s.stance not in said:
            found.append(f"speaker_stances.{s.speaker}.{s.topic}: {s.stance} but no claim of theirs says so")
        if s.stance is Label.NONE and len(said) == 1:
            found.append(f"speaker_stances.{s.speaker}.{s.topic}: NONE but their claims say {said.pop()}")
    return found


def load_splits(path: Path, known: set[str] | None = None) -> dict[str, list[str]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (the frozen split; `stance data split` writes it)") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg})") from None
    if not isinstance(raw, dict) or any(not isinstance(raw.get(s), list) for s in SPLITS):
        raise InputError(f"{path}: expected lists 'train', 'dev' and 'test' of article ids")
    seen = Counter(i for s in SPLITS for i in raw[s])
    twice = [i for i, n in seen.items() if n > 1]
    if twice:
        raise InputError(f"{path}: article {twice[0]} is in more than one split")
    if known is not None:
        missing = sorted(set(seen) - known)
        if missing:
            raise InputError(f"{path}: article {missing[0]} has no gold file")
    return {s: list(raw[s]) for s in SPLITS}


def family(article_id: str) -> str:
    """Articles are named <family>_<nnn>; the family is the topic area they were written for."""
    return article_id.split("_", 1)[0]


def make_split(
    corpus: list[GoldArticle], held_out_topics: set[str], seed: int, dev: float = 0.15, test: float = 0.15
) -> dict[str, Any]:
    """A split by article, stratified by family; articles on held-out topics all go to test."""
    rng = random.Random(seed)
    split: dict[str, list[str]] = {s: [] for s in SPLITS}
    by_family: dict[str, list[str]] = {}
    for item in sorted(corpus, key=lambda g: g.article.id):
        if {t.id for t in item.gold.topics} & held_out_topics:
            split["test"].append(item.article.id)
        else:
            by_family.setdefault(family(item.article.id), []).append(item.article.id)
    for ids in by_family.values():
        rng.shuffle(ids)
        n_dev, n_test = round(len(ids) * dev), round(len(ids) * test)
        split["dev"] += ids[:n_dev]
        split["test"] += ids[n_dev : n_dev + n_test]
        split["train"] += ids[n_dev + n_test :]
    return {
        **{s: sorted(v) for s, v in split.items()},
        "held_out_topics": sorted(held_out_topics),
        "seed": seed,
    }


# Surface markers of the hard cases the corpus was written to contain. A heuristic count over claim texts:
# it finds the wording, not the phenomenon (a "not" is not always a negated stance).
HARD_CASE_MARKERS = {
    "negation": re.compile(r"\b(not|never|no|nobody|nothing)\b|n['’]t\b", re.I),
    "hedging": re.compile(r"\b(may|might|could|perhaps|possibly|probably|likely)\b", re.I),
    "concession": re.compile(r"\b(while|although|though|even if|admittedly|granted)\b", re.I),
    "conditional": re.compile(r"\b(if|unless|provided that|as long as)\b", re.I),
    "question": re.compile(r"\?"),
    "quoted_fragment": re.compile(r"[“«„\"].+?[”»“\"]"),
}


def stats(corpus: list[GoldArticle]) -> dict[str, Any]:
    claims = [c for g in corpus for c in g.gold.claims]
    labels = Counter(lab.value for c in claims for lab in c.stances.values())
    speaker_labels = Counter(s.stance.value for g in corpus for s in g.gold.speaker_stances)
    topics = Counter(t.id for g in corpus for t in g.gold.topics)
    return {
        "articles": len(corpus),
        "claims": len(claims),
        "speakers": sum(len(g.gold.speakers) for g in corpus),
        "topics": len(topics),
        "claim_modes": dict(Counter(c.mode.value for c in claims)),
        "claim_x_topic_labels": dict(labels),
        "speaker_x_topic_labels": dict(speaker_labels),
        "claims_with_hard_case_markers": {
            name: sum(bool(pattern.search(c.text)) for c in claims) for name, pattern in HARD_CASE_MARKERS.items()
        },
        "speakers_with_both_sides_on_a_topic": sum(
            1
            for g in corpus
            for s in g.gold.speakers
            for t in g.gold.topics
            if {c.stances[t.id] for c in g.gold.claims if c.speaker == s.id} >= {Label.FAVOR, Label.AGAINST}
        ),
        "articles_per_topic": dict(sorted(topics.items())),
    }
