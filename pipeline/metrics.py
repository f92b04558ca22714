"""Scores shared by training and evaluation.

Stance scores come from one 3 x 3 confusion matrix (rows gold, columns predicted, LABELS order), so that a
bootstrap can add up per-article matrices instead of re-scoring label lists. F_avg is the SemEval-2016 measure:
the mean F1 of FAVOR and AGAINST, pooled over topics.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from pipeline.records import LABELS

LABEL_NAMES = [lab.value for lab in LABELS]
_INDEX = {name: i for i, name in enumerate(LABEL_NAMES)}


def confusion(gold: Sequence[str], pred: Sequence[str]) -> np.ndarray:
    cm = np.zeros((len(LABEL_NAMES), len(LABEL_NAMES)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        cm[_INDEX[g], _INDEX[p]] += 1
    return cm


def _safe_divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.zeros_like(num, dtype=np.float64), where=den > 0)


def class_f1(cm: np.ndarray) -> np.ndarray:
    """Per-class F1 of one (..., 3, 3) stack of confusion matrices; 0 where a class is never gold nor predicted."""
    tp = np.diagonal(cm, axis1=-2, axis2=-1).astype(np.float64)
    return _safe_divide(2 * tp, cm.sum(axis=-1) + cm.sum(axis=-2))


def confusion_scores(cm: np.ndarray) -> dict[str, Any]:
    n = int(cm.sum())
    if n == 0:
        return {"n": 0}
    tp = np.diagonal(cm).astype(np.float64)
    precision = _safe_divide(tp, cm.sum(axis=0).astype(np.float64))
    recall = _safe_divide(tp, cm.sum(axis=1).astype(np.float64))
    f1 = class_f1(cm)
    return {
        "n": n,
        "accuracy": float(tp.sum() / n),
        "macro_f1": float(f1.mean()),
        "f_avg": float((f1[0] + f1[1]) / 2),
        "f1": dict(zip(LABEL_NAMES, map(float, f1), strict=True)),
        "precision": dict(zip(LABEL_NAMES, map(float, precision), strict=True)),
        "recall": dict(zip(LABEL_NAMES, map(float, recall), strict=True)),
        "support": dict(zip(LABEL_NAMES, map(int, cm.sum(axis=1)), strict=True)),
        "confusion": cm.tolist(),
    }


def stance_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, per-class precision / recall / F1, macro-F1, F_avg and the confusion matrix."""
    return confusion_scores(confusion(gold, pred))


def prf(found: int, predicted: int, gold: int) -> dict[str, float]:
    p = found / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def resample_weights(n_units: int, rounds: int, seed: int) -> np.ndarray:
    """(rounds, n_units) counts: how often each unit (an article) is drawn in each bootstrap sample."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_units, size=(rounds, n_units))
    return np.stack([np.bincount(row, minlength=n_units) for row in draws])


def percentile_interval(values: np.ndarray) -> list[float] | None:
    values = values[~np.isnan(values)]
    if values.size == 0:
        return None
    return [float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))]
