"""Stance scores: accuracy, per-class F1, macro-F1 and F_avg (mean F1 of FAVOR and AGAINST, SemEval-2016)."""

from __future__ import annotations

from typing import Any

from sklearn.metrics import accuracy_score, f1_score

from pipeline.records import LABELS

LABEL_NAMES = [lab.value for lab in LABELS]


def stance_scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    if not gold:
        return {"n": 0}
    per_class = f1_score(gold, pred, labels=LABEL_NAMES, average=None, zero_division=0)
    return {
        "n": len(gold),
        "accuracy": float(accuracy_score(gold, pred)),
        "macro_f1": float(per_class.mean()),
        "f_avg": float((per_class[0] + per_class[1]) / 2),
        "f1": {name: float(v) for name, v in zip(LABEL_NAMES, per_class, strict=True)},
    }
