"""Calibration: temperature scaling fitted on dev, expected calibration error, reliability bins.

Temperature scaling (Guo et al., 2017) divides the logits by one scalar T fitted to minimise the negative
log-likelihood on held-out data. It never changes which label wins, only how sure the model says it is, so a
claim's confidence and the speaker x topic confidence built from it can be read as probabilities. Log-probabilities
differ from logits by a per-row constant, so T can be fitted and applied to probabilities directly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.errors import StanceError
from pipeline.metrics import LABEL_NAMES

CALIBRATION_FILE = "calibration.json"
_EPS = 1e-12


def rescale(probs: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(log p / T), row by row."""
    if probs.size == 0 or temperature == 1.0:
        return probs
    logits = np.log(np.clip(probs, _EPS, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    out = np.exp(logits)
    return out / out.sum(axis=1, keepdims=True)


def label_ids(labels: Sequence[str]) -> np.ndarray:
    return np.array([LABEL_NAMES.index(lab) for lab in labels], dtype=np.int64)


def nll(probs: np.ndarray, labels: np.ndarray) -> float:
    return float(-np.log(np.clip(probs[np.arange(len(labels)), labels], _EPS, 1.0)).mean())


def fit_temperature(probs: np.ndarray, labels: np.ndarray) -> float:
    """The T in [0.05, 20] that minimises the NLL of the rescaled probabilities (searched over log T)."""
    from scipy.optimize import minimize_scalar  # only training and `stance calibrate` need it

    if len(labels) == 0:
        return 1.0
    result = minimize_scalar(
        lambda log_t: nll(rescale(probs, float(np.exp(log_t))), labels), bounds=(np.log(0.05), np.log(20.0))
    )
    return float(np.exp(result.x))


def reliability(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    """Top-label confidence against accuracy in equal-width confidence bins (empty bins left out)."""
    if len(labels) == 0:
        return []
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    # Confidence of the top label of 3 is at least 1/3; bins still span [0, 1] so plots compare across models.
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        mask = which == b
        if mask.any():
            out.append(
                {
                    "low": b / bins,
                    "high": (b + 1) / bins,
                    "confidence": float(confidence[mask].mean()),
                    "accuracy": float(right[mask].mean()),
                    "n": int(mask.sum()),
                }
            )
    return out


def ece(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> float | None:
    """Expected calibration error: the bin-size-weighted mean gap between confidence and accuracy."""
    table = reliability(probs, labels, bins)
    total = sum(b["n"] for b in table)
    if not total:
        return None
    return float(sum(b["n"] * abs(b["confidence"] - b["accuracy"]) for b in table) / total)


def calibration_report(raw: np.ndarray, labels: np.ndarray, temperature: float, bins: int = 10) -> dict[str, Any]:
    """Before and after figures for one set of uncalibrated probabilities and its gold labels."""
    scaled = rescale(raw, temperature)
    return {
        "temperature": temperature,
        "n": int(len(labels)),
        "nll": {"before": nll(raw, labels), "after": nll(scaled, labels)} if len(labels) else None,
        "ece": {"before": ece(raw, labels, bins), "after": ece(scaled, labels, bins)},
        "reliability": {"before": reliability(raw, labels, bins), "after": reliability(scaled, labels, bins)},
    }


def save(folder: Path, report: dict[str, Any], fitted_on: str) -> None:
    body = {"method": "temperature scaling", "fitted_on": fitted_on, **report}
    (folder / CALIBRATION_FILE).write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")


def load_temperature(folder: Path) -> float:
    """The model's fitted T, or 1.0 (uncalibrated) for a model trained before calibration existed."""
    path = folder / CALIBRATION_FILE
    if not path.exists():
        return 1.0
    try:
        value = float(json.loads(path.read_text(encoding="utf-8"))["temperature"])
    except (ValueError, KeyError, TypeError) as exc:
        raise StanceError(f"{path}: not a calibration file ({exc})") from None
    if not 0 < value < 100:
        raise StanceError(f"{path}: temperature {value} is out of range")
    return value
