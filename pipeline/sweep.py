"""Model selection on dev: train each point of a grid with several seeds and report dev scores.

Only the train split is trained on and only dev is scored; the test split is never touched here.
"""

from __future__ import annotations

import itertools
import logging
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from pipeline.classify import StanceClassifier
from pipeline.config import Config, load_config
from pipeline.errors import ConfigError
from pipeline.finetune import build_model, fit, gold_pairs, seed_everything, thin_none

log = logging.getLogger(__name__)


def grid_points(grid_file: Path) -> list[dict[str, Any]]:
    """A YAML mapping of `section.key: [values...]` → every combination, as override dicts."""
    grid = yaml.safe_load(grid_file.read_text(encoding="utf-8"))
    if not isinstance(grid, dict) or not all(isinstance(v, list) and v for v in grid.values()):
        raise ConfigError(f"{grid_file}: expected a mapping of section.key to a non-empty list of values")
    keys = list(grid)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*grid.values())]


def run_point(base: Path | None, overrides: list[str], splits: dict[str, Any]) -> dict[str, Any]:
    cfg: Config = load_config(base, overrides)
    seed_everything(cfg.train.seed)
    chars, speaker = cfg.model.context_chars, cfg.model.speaker_in_input
    pairs, labels = thin_none(*gold_pairs(splits["train"], chars, speaker), cfg.train.none_keep, cfg.train.seed)
    dev = gold_pairs(splits["dev"], chars, speaker)
    model, tokenizer = build_model(cfg)
    classifier = StanceClassifier(model, tokenizer, cfg.model, cfg.analyze.batch_size)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        best = fit(classifier, pairs, labels, dev, cfg, Path(tmp) / "log.jsonl")
        epochs = (Path(tmp) / "log.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        "best_epoch": best["epoch"],
        "dev_macro_f1": best["dev_macro_f1"],
        "seconds": round(time.perf_counter() - started, 1),
        "train_pairs": len(pairs),
        "device": str(classifier.device),
        "epochs": [yaml.safe_load(line) for line in epochs],
    }


def sweep(
    base: Path | None, grid_file: Path, seeds: list[int], splits: dict[str, Any], fixed: list[str]
) -> list[dict[str, Any]]:
    """Every grid point x seed, on top of the base config and the fixed `--set` overrides."""
    rows = []
    for point in grid_points(grid_file):
        runs = []
        for seed in seeds:
            overrides = [*fixed, *(f"{k}={v}" for k, v in point.items()), f"train.seed={seed}"]
            log.info("sweep point %s seed %s", point, seed)
            runs.append(run_point(base, overrides, splits))
        scores = [r["dev_macro_f1"] for r in runs]
        rows.append(
            {
                "point": point,
                "seeds": seeds,
                "dev_macro_f1_mean": statistics.mean(scores),
                "dev_macro_f1_sd": statistics.stdev(scores) if len(scores) > 1 else 0.0,
                "runs": runs,
            }
        )
    return rows


def sweep_markdown(rows: list[dict[str, Any]]) -> str:
    keys = list(rows[0]["point"]) if rows else []
    lines = [
        "| " + " | ".join(keys) + " | dev macro-F1 (mean ± sd) | best epochs | s/run |",
        "|" + "---|" * (len(keys) + 3),
    ]
    for row in sorted(rows, key=lambda r: -r["dev_macro_f1_mean"]):
        runs = row["runs"]
        lines.append(
            "| "
            + " | ".join(str(row["point"][k]) for k in keys)
            + f" | {row['dev_macro_f1_mean']:.3f} ± {row['dev_macro_f1_sd']:.3f}"
            + f" | {','.join(str(r['best_epoch']) for r in runs)}"
            + f" | {statistics.mean(r['seconds'] for r in runs):.0f} |"
        )
    return "\n".join(lines)
