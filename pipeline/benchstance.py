"""Stance benchmarks on the public datasets, each scored with its official metric, over several seeds.

For each dataset and seed: fine-tune the configured base model on its train split (a seeded subsample when
`max_train` is set: a CPU cannot do the full sets in a session), keep the epoch with the best macro-F1 on its dev
split, and score the untouched test split once. Or, with a trained `stance` model, score it on every test split
without training (how the project's model transfers to writing it never saw). Test is never used for selection.

Official metrics:
- SemEval-2016 Task 6 A: F_avg = mean F1 of FAVOR and AGAINST, pooled over the five targets (the task's eval.pl);
- VAST: macro-F1 over the three labels, on all of test and on its zero-shot and few-shot topics (`seen`);
- IBM Claim Stance: accuracy and macro-F1 over PRO / CON; it has no NONE, so the prediction is the larger of the
  FAVOR and AGAINST probabilities;
- GWSD: macro-F1 and accuracy over the three labels.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.classify import Predictor
from pipeline.config import Config
from pipeline.errors import StanceError
from pipeline.metrics import LABEL_NAMES, stance_scores
from pipeline.public_datasets import rows_pairs, sample

DEV_SHARE = 0.15  # IBM and GWSD have no dev split: this share of train is held out (IBM: by motion)


def train_dev(name: str, splits: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The dataset's own dev split (VAST: held out by the loader; SemEval: trial or TweetEval's val), else a
    seeded share of train: whole motions for IBM, whose test motions are unseen."""
    train = list(splits["train"])
    for dev_name in ("dev", "trial"):
        if dev_name in splits:
            return train, list(splits[dev_name])
    key = "topic_id" if name == "ibm" else "id"
    groups = sorted({r[key] for r in train})
    held = set(random.Random(13).sample(groups, max(1, round(len(groups) * DEV_SHARE))))
    return [r for r in train if r[key] not in held], [r for r in train if r[key] in held]


def official_scores(name: str, rows: Sequence[dict[str, Any]], probs: np.ndarray) -> dict[str, Any]:
    gold = [r["label"] for r in rows]
    if name == "ibm":
        two = probs[:, :2].argmax(axis=1)  # FAVOR or AGAINST: IBM has no NONE
        pred = [LABEL_NAMES[i] for i in two]
        s = stance_scores(gold, pred)
        return {"accuracy": s["accuracy"], "macro_f1": s["f_avg"], "n": s["n"]}
    pred = [LABEL_NAMES[i] for i in probs.argmax(axis=1)]
    s = stance_scores(gold, pred)
    out = {"macro_f1": s["macro_f1"], "f_avg": s["f_avg"], "accuracy": s["accuracy"], "n": s["n"]}
    if name == "vast":
        for subset, seen in (("zero_shot", False), ("few_shot", True)):
            idx = [i for i, r in enumerate(rows) if bool(r["seen"]) is seen]
            out[f"macro_f1_{subset}"] = stance_scores([gold[i] for i in idx], [pred[i] for i in idx])["macro_f1"]
    return out


def score_test(name: str, predictor: Predictor, test: list[dict[str, Any]]) -> dict[str, Any]:
    pairs, _ = rows_pairs(test)
    started = time.perf_counter()
    probs = predictor.predict_proba(pairs)
    seconds = time.perf_counter() - started
    return {**official_scores(name, test, probs), "test_pairs_per_second": round(len(pairs) / seconds, 1)}


def train_and_score(
    name: str, splits: Any, cfg: Config, seed: int, max_train: int | None, max_dev: int | None, folder: Path
) -> dict[str, Any]:
    from pipeline.classify import StanceClassifier
    from pipeline.finetune import build_model, fit, seed_everything

    seed_everything(seed)
    run_cfg = cfg.model_copy(update={"train": cfg.train.model_copy(update={"seed": seed})})
    train, dev = train_dev(name, splits)
    train, dev = sample(train, max_train, seed), sample(dev, max_dev, seed)
    if not train:
        raise StanceError(f"{name}: no training rows left once dev is held out")
    model, tokenizer = build_model(run_cfg)
    classifier = StanceClassifier(model, tokenizer, run_cfg.model, run_cfg.analyze.batch_size)
    log_path = folder / f"{name}-seed{seed}.jsonl"
    best = fit(classifier, *rows_pairs(train), rows_pairs(dev), run_cfg, log_path)
    epochs = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    return {
        "seed": seed,
        "train_pairs": len(train),
        "dev_pairs": len(dev),
        "best_epoch": best["epoch"],
        "dev_macro_f1": best["dev_macro_f1"],
        "seconds_per_epoch": round(statistics.mean(e["seconds"] for e in epochs), 1),
        "device": str(classifier.device),
        **score_test(name, classifier, list(splits["test"])),
    }


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean and standard deviation over seeds of every figure."""
    keys = [k for k, v in runs[0].items() if isinstance(v, float) and k != "dev_macro_f1"]
    out: dict[str, Any] = {"seeds": [r.get("seed") for r in runs]}
    for key in keys:
        values = [r[key] for r in runs if r.get(key) is not None]
        out[key] = {"mean": statistics.mean(values), "std": statistics.stdev(values) if len(values) > 1 else 0.0}
    return out


def bench(
    datasets: dict[str, Any],
    cfg: Config,
    seeds: Sequence[int],
    max_train: int | None,
    max_dev: int | None,
    folder: Path,
    model: Predictor | None = None,
) -> dict[str, Any]:
    """Every dataset, every seed (or the given model once), with each run's figures and their summary."""
    results: dict[str, Any] = {}
    for name, splits in datasets.items():
        if model is not None:
            runs = [score_test(name, model, list(splits["test"]))]
        else:
            runs = []
            for seed in seeds:
                print(f"{name}: seed {seed}", file=sys.stderr, flush=True)
                runs.append(train_and_score(name, splits, cfg, seed, max_train, max_dev, folder))
        results[name] = {"runs": runs, "summary": summarise(runs)}
    return results


def _figure(summary: dict[str, Any], key: str) -> str:
    found = summary.get(key)
    if not found:
        return "–"
    return f"{found['mean']:.3f} ± {found['std']:.3f}" if len(summary["seeds"]) > 1 else f"{found['mean']:.3f}"


def markdown(results: dict[str, Any]) -> str:
    metrics = {
        "semeval": ["f_avg", "macro_f1"],
        "vast": ["macro_f1", "macro_f1_zero_shot", "macro_f1_few_shot"],
        "ibm": ["accuracy", "macro_f1"],
        "gwsd": ["macro_f1", "accuracy"],
    }
    lines = ["| dataset | figure | test (mean ± sd over seeds) | s/epoch | test pairs/s |", "|---|---|---|---|---|"]
    for name, found in results.items():
        s = found["summary"]
        for key in metrics.get(name, ["macro_f1"]):
            lines.append(
                f"| {name} | {key} | {_figure(s, key)} | {_figure(s, 'seconds_per_epoch')} "
                f"| {_figure(s, 'test_pairs_per_second')} |"
            )
    return "\n".join(lines) + "\n"
