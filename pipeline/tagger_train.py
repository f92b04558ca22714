"""`stance train-tagger`: fine-tune the attribution tagger (tagger.py) on PolNeAR train, keep the epoch with the
best span F1 on PolNeAR dev, and write the tagger folder atomically with a card that says what it is."""

from __future__ import annotations

import copy
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from pipeline.config import Config, dump_config
from pipeline.metrics import prf
from pipeline.polnear import PolnearArticle, read_split
from pipeline.tagger import TAGGER_FILE, TAGS, RoleSpan, Tagger, char_roles, token_tags, windows

log = logging.getLogger(__name__)

Example = tuple[list[int], list[int]]  # word-piece ids, tag ids of one window


def build_tagger(cfg: Config) -> Tagger:
    """The base encoder with a fresh BIO head; 'tiny' builds a small BERT in code (tests)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer, BertForTokenClassification

    from pipeline.classify import base_dir
    from pipeline.finetune import tiny_bert_config

    labels = dict(enumerate(TAGS))
    ids = {v: k for k, v in labels.items()}
    path = base_dir(cfg.model)
    tokenizer = AutoTokenizer.from_pretrained(path)
    if cfg.model.base == "tiny":
        config = tiny_bert_config(cfg, tokenizer.vocab_size, labels)
        model = BertForTokenClassification(config)
    else:
        model = AutoModelForTokenClassification.from_pretrained(
            path, num_labels=len(TAGS), id2label=labels, label2id=ids, dtype=torch.float32
        )
    tc = cfg.tagger
    return Tagger(model, tokenizer, tc.window, tc.stride, batch_size=tc.batch_size)


def examples(tagger: Tagger, articles: Sequence[PolnearArticle]) -> list[Example]:
    """Every training window of every article, with its gold tags."""
    out = []
    for article in articles:
        ids, offsets = tagger.tokens(article.text)
        tags = token_tags(offsets, *char_roles(len(article.text), article))
        out += [(ids[s:e], tags[s:e]) for s, e in windows(len(ids), tagger.window - 2, tagger.stride)]
    return out


def span_scores(tagger: Tagger, articles: Sequence[PolnearArticle]) -> dict[str, float]:
    """Exact span F1 per role on whole articles (the windows' logits averaged, as at prediction)."""
    counts = {role: [0, 0, 0] for role in ("SOURCE", "CUE", "CONTENT")}
    for article in articles:
        predicted = set(tagger.spans(article.text))
        gold = {RoleSpan(r, a, b) for g in article.attributions for r, a, b in g.fragments}
        for role, c in counts.items():
            p = {s for s in predicted if s.role == role}
            g = {s for s in gold if s.role == role}
            c[0], c[1], c[2] = c[0] + len(p & g), c[1] + len(p), c[2] + len(g)
    scores = {role.lower(): prf(*c)["f1"] for role, c in counts.items()}
    return {**scores, "mean": sum(scores.values()) / len(scores)}


def _loss(tagger: Tagger, batch: Sequence[Example]):  # type: ignore[no-untyped-def]
    import torch

    from pipeline.classify import autocast

    inputs = tagger.batch([ids for ids, _ in batch])
    width = inputs["input_ids"].shape[1]
    # -100 (ignored by the loss) on [CLS], [SEP] and padding.
    target = torch.tensor([[-100, *tags, -100] + [-100] * (width - len(tags) - 2) for _, tags in batch])
    with autocast(tagger.device):
        logits = tagger.model(**inputs).logits
    return torch.nn.functional.cross_entropy(
        logits.float().reshape(-1, len(TAGS)), target.to(tagger.device).reshape(-1), ignore_index=-100
    )


def fit(tagger: Tagger, train: list[Example], dev: Sequence[PolnearArticle], cfg: Config) -> list[dict[str, Any]]:
    """AdamW, linear warm-up and decay; the weights of the epoch with the best mean dev span F1 are kept."""
    import torch
    from transformers import get_linear_schedule_with_warmup

    tc = cfg.tagger
    model = tagger.model
    batches_per_epoch = (len(train) + tc.batch_size - 1) // tc.batch_size
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc.learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(
        optimizer, batches_per_epoch * tc.epochs // 10, batches_per_epoch * tc.epochs
    )
    generator = torch.Generator().manual_seed(tc.seed)
    history: list[dict[str, Any]] = []
    best_state, best = None, -1.0
    for epoch in range(1, tc.epochs + 1):
        model.train()
        order = torch.randperm(len(train), generator=generator).tolist()
        started, total = time.perf_counter(), 0.0
        bar = tqdm(range(0, len(order), tc.batch_size), desc=f"epoch {epoch}/{tc.epochs}", file=sys.stderr)
        for b in bar:
            loss = _loss(tagger, [train[i] for i in order[b : b + tc.batch_size]])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            bar.set_postfix(loss=f"{loss.item():.3f}")
        seconds = time.perf_counter() - started
        model.eval()
        dev_scores = span_scores(tagger, dev)
        row: dict[str, Any] = {
            "epoch": epoch,
            "train_loss": round(total / batches_per_epoch, 4),
            "seconds": round(seconds, 1),
            "windows_per_second": round(len(train) / seconds, 2),
            "dev_span_f1": dev_scores,
        }
        log.info("tagger epoch %s: %s", epoch, row)
        history.append(row)
        if dev_scores["mean"] >= best:
            best = dev_scores["mean"]
            best_state = copy.deepcopy({k: v.detach().cpu() for k, v in model.state_dict().items()})
    if best_state is not None:
        model.load_state_dict(best_state)
    return history


def card(meta: dict[str, Any]) -> str:
    best = max(meta["epochs"], key=lambda r: r["dev_span_f1"]["mean"])
    return (
        "# Attribution tagger\n\n"
        f"{meta['base_model']} fine-tuned to tag tokens as the source, cue or content of an attribution (BIO), "
        f"on {meta['train_articles']} PolNeAR train articles ({meta['train_windows']} windows of "
        f"{meta['window']} word pieces, stride {meta['stride']}), on {meta['device']}.\n\n"
        f"Kept epoch {best['epoch']}: exact span F1 on PolNeAR dev: source {best['dev_span_f1']['source']:.3f}, "
        f"cue {best['dev_span_f1']['cue']:.3f}, content {best['dev_span_f1']['content']:.3f}.\n\n"
        "Turn it on with `--set segment.tagger=<this folder>`; `make bench-attribution` scores it on PolNeAR.\n"
        f"Files: model weights and tokenizer (Hugging Face), `{TAGGER_FILE}` (settings and training log), "
        "`stance_config.yaml` (the resolved config).\n"
    )


def train_tagger(cfg: Config, root: Path, out: Path) -> Path:
    """Train on `root`'s train split, select on dev, write `out` (replacing it only once the new one is whole)."""
    from pipeline.classify import pick_device
    from pipeline.finetune import seed_everything

    tc = cfg.tagger
    seed_everything(tc.seed)
    if cfg.train.threads:
        import torch

        torch.set_num_threads(cfg.train.threads)
    train_articles = list(read_split(root, "train"))[: tc.max_articles]
    dev_articles = list(read_split(root, "dev"))[: tc.max_dev_articles]
    tagger = build_tagger(cfg)
    train = examples(tagger, train_articles)
    log.info(
        "tagger: %s train articles, %s windows, %s dev articles", len(train_articles), len(train), len(dev_articles)
    )
    started = time.perf_counter()
    history = fit(tagger, train, dev_articles, cfg)
    meta = {
        "format": "stance-tagger/1",
        "tags": list(TAGS),
        "window": tc.window,
        "stride": tc.stride,
        "base_model": cfg.model.base,
        "train_articles": len(train_articles),
        "train_windows": len(train),
        "dev_articles": len(dev_articles),
        "seed": tc.seed,
        "device": str(pick_device()),
        "seconds": round(time.perf_counter() - started, 1),
        "epochs": history,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".tmp-{out.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tagger.model.save_pretrained(tmp, safe_serialization=True)
    tagger.tokenizer.save_pretrained(tmp)
    (tmp / TAGGER_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    (tmp / "stance_config.yaml").write_text(dump_config(cfg), encoding="utf-8")
    (tmp / "README.md").write_text(card(meta), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return out
