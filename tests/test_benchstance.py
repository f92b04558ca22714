"""The public stance benchmarks: official metrics, dev hold-out, and the command on tiny files of our own."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from pipeline.benchstance import official_scores, train_dev
from pipeline.cli import app
from tests.test_public import write_all


def rows(labels, **extra):
    return [
        {"label": lab, "text": "t", "topic": "x", **{k: v[i] for k, v in extra.items()}} for i, lab in enumerate(labels)
    ]


def test_ibm_is_scored_on_pro_and_con_only():
    probs = np.array([[0.2, 0.1, 0.7], [0.1, 0.3, 0.6], [0.5, 0.4, 0.1]])  # NONE wins twice: it is not an answer
    found = official_scores("ibm", rows(["FAVOR", "AGAINST", "AGAINST"]), probs)
    assert found["accuracy"] == pytest.approx(2 / 3) and found["macro_f1"] == pytest.approx((2 / 3 + 2 / 3) / 2)


def test_vast_reports_zero_shot_and_few_shot_topics_apart():
    probs = np.eye(3)[[0, 1, 2, 0]]
    found = official_scores(
        "vast", rows(["FAVOR", "AGAINST", "FAVOR", "FAVOR"], seen=[True, False, False, True]), probs
    )
    assert found["macro_f1_few_shot"] == pytest.approx(1 / 3)  # FAVOR right twice; the other labels absent
    assert found["macro_f1_zero_shot"] == pytest.approx((0 + 1 + 0) / 3)
    assert found["f_avg"] == pytest.approx((0.8 + 1.0) / 2)


def test_ibm_dev_is_held_out_by_whole_motion():
    train = rows(["FAVOR"] * 8, topic_id=[str(i % 4) for i in range(8)], id=[str(i) for i in range(8)])
    kept, dev = train_dev("ibm", {"train": train, "test": []})
    assert len(dev) == 2 and {r["topic_id"] for r in dev}.isdisjoint({r["topic_id"] for r in kept})


def test_a_trained_model_is_scored_on_every_test_split(tiny_model: Path, tmp_path: Path):
    write_all(tmp_path / "datasets")
    args = ["bench-stance", "--root", str(tmp_path / "datasets"), "--model", str(tiny_model)]
    result = CliRunner().invoke(app, [*args, "--set", f"train.output_dir={tmp_path / 'out'}"])
    assert result.exit_code == 0, result.output
    assert "| semeval | f_avg |" in result.stdout and "| vast | macro_f1_zero_shot |" in result.stdout
    saved = json.loads(next((tmp_path / "out" / "bench-stance").glob("*/results.json")).read_text())
    assert set(saved) >= {"vast", "semeval", "ibm", "gwsd", "settings"}
    assert saved["ibm"]["runs"][0]["n"] == 2


def test_training_runs_one_seed_on_a_tiny_set(tmp_path: Path):
    from pipeline import PROJECT_ROOT

    write_all(tmp_path / "datasets")
    tiny = PROJECT_ROOT / "configs" / "tiny.yaml"
    args = ["bench-stance", "--root", str(tmp_path / "datasets"), "--dataset", "semeval", "--seeds", "3"]
    result = CliRunner().invoke(app, [*args, "--config", str(tiny), "--set", f"train.output_dir={tmp_path / 'out'}"])
    assert result.exit_code == 0, result.output
    saved = json.loads(next((tmp_path / "out" / "bench-stance").glob("*/results.json")).read_text())
    run = saved["semeval"]["runs"][0]
    assert run["seed"] == 3 and run["device"] == "cpu" and run["seconds_per_epoch"] >= 0
    assert "f_avg" in run and saved["settings"]["seeds"] == [3]
