"""Shared fixtures: a tiny corpus copied from the project's own data, and a tiny BERT trained on it once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline import PROJECT_ROOT
from pipeline.config import Config, load_config
from pipeline.records import Article

SEED = PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.txt"


@pytest.fixture(scope="session")
def seed_article() -> Article:
    from pipeline.ingest import read_txt

    return read_txt(SEED, 1_000_000)


def copy_corpus(target: Path, n: int = 4) -> list[str]:
    """The first n gold articles of data/articles into target, with a split file: n-2 train, 1 dev, 1 test."""
    target.mkdir(parents=True, exist_ok=True)
    golds = sorted((PROJECT_ROOT / "data" / "articles").glob("*.gold.json"))[:n]
    ids = []
    for gold in golds:
        ids.append(json.loads(gold.read_text(encoding="utf-8"))["article"]["id"])
        shutil.copy(gold, target)
        shutil.copy(gold.with_name(ids[-1] + ".txt"), target)
    split = {"train": ids[:-2], "dev": ids[-2:-1], "test": ids[-1:]}
    (target / "splits.json").write_text(json.dumps(split), encoding="utf-8")
    return ids


def tiny_config(tmp: Path, *extra: str) -> Config:
    return load_config(
        PROJECT_ROOT / "configs" / "tiny.yaml",
        [
            f"train.data_dir={tmp / 'corpus'}",
            f"train.splits_file={tmp / 'corpus' / 'splits.json'}",
            f"train.output_dir={tmp / 'models'}",
            *extra,
        ],
    )


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT (built in code, no download) trained for one epoch on four articles."""
    from pipeline.train import train

    tmp = tmp_path_factory.mktemp("tiny")
    copy_corpus(tmp / "corpus")
    return train(tiny_config(tmp), "tiny-run")
