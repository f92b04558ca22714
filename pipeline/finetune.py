"""Fine-tuning a cross-encoder on (topic, claim) pairs: the training loop shared by `stance train` and
`stance sweep`. Nothing here parses articles, so it runs wherever torch and transformers do."""

from __future__ import annotations

import copy
import json
import logging
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from tqdm import tqdm

from pipeline.classify import Pair, StanceClassifier, article_pairs, autocast, base_dir, speaker_names
from pipeline.config import Config
from pipeline.metrics import stance_scores
from pipeline.records import LABELS, GoldArticle, Label

if TYPE_CHECKING:
    import torch

log = logging.getLogger(__name__)


def gold_pairs(
    corpus: Sequence[GoldArticle], context_chars: int, speaker: bool = False
) -> tuple[list[Pair], list[Label]]:
    """Every gold claim x topic of every article, through the same formatter as prediction."""
    pairs: list[Pair] = []
    labels: list[Label] = []
    for item in corpus:
        gold = item.gold
        spans = [(c.start, c.end) for c in gold.claims]
        names = speaker_names([c.speaker for c in gold.claims], {s.id: s.name for s in gold.speakers}, speaker)
        pairs += article_pairs(item.article.text, spans, gold.topics, context_chars, names)
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


def tiny_bert_config(cfg: Config, vocab_size: int, labels: dict[int, str]):  # type: ignore[no-untyped-def]
    """The 'tiny' BERT of `model.base: tiny` (tests): built in code, no weights, any label set."""
    from transformers import BertConfig

    h = cfg.model.tiny_hidden_size
    return BertConfig(  # type: ignore[call-arg]
        vocab_size=vocab_size,
        hidden_size=h,
        num_hidden_layers=cfg.model.tiny_layers,
        num_attention_heads=2,
        intermediate_size=2 * h,
        num_labels=len(labels),
        id2label=labels,
        label2id={v: k for k, v in labels.items()},
    )


def build_model(cfg: Config):  # type: ignore[no-untyped-def]
    """The base model with a fresh 3-way head; 'tiny' builds a small BERT in code (no weights)."""
    import torch
    from transformers import (
        AutoModel,
        AutoModelForSequenceClassification,
        AutoTokenizer,
        BertForSequenceClassification,
        BertModel,
    )

    from pipeline.crossencoder import MeanPoolClassifier

    labels = {i: lab.value for i, lab in enumerate(LABELS)}
    ids = {v: k for k, v in labels.items()}
    path = base_dir(cfg.model)
    tokenizer = AutoTokenizer.from_pretrained(path)
    if cfg.model.base == "tiny":
        config = tiny_bert_config(cfg, tokenizer.vocab_size, labels)
        if cfg.model.pooling == "mean":
            return MeanPoolClassifier(BertModel(config)), tokenizer
        return BertForSequenceClassification(config), tokenizer
    # fp32 master weights whatever the checkpoint's dtype: bf16 weights lose AdamW's small updates entirely.
    if cfg.model.pooling == "mean":
        encoder = AutoModel.from_pretrained(path, dtype=torch.float32, id2label=labels, label2id=ids)
        return MeanPoolClassifier(encoder), tokenizer
    model = AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=3, id2label=labels, label2id=ids, dtype=torch.float32
    )
    return model, tokenizer


def length_grouped_batches(pairs: list[Pair], size: int, generator: torch.Generator) -> list[list[int]]:
    """Random batches of similar length (less padding, so faster), in a random order.

    Pairs are shuffled, sorted by length within windows of 50 batches, cut into batches, and the batches
    shuffled again: each epoch sees different neighbours, as with HF's group_by_length.
    """
    import torch

    order = torch.randperm(len(pairs), generator=generator).tolist()
    window = size * 50
    batches = []
    for w in range(0, len(order), window):
        chunk = sorted(order[w : w + window], key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        batches += [chunk[b : b + size] for b in range(0, len(chunk), size)]
    return [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]


def class_weights(y: torch.Tensor) -> torch.Tensor:
    """Inverse label frequency, scaled so that a balanced set gets weight 1 for every label."""
    import torch

    counts = torch.bincount(y, minlength=len(LABELS)).float()
    return counts.sum() / (len(LABELS) * counts.clamp(min=1))


def fit(
    classifier: StanceClassifier,
    pairs: list[Pair],
    labels: list[Label],
    dev: tuple[list[Pair], list[Label]],
    cfg: Config,
    log_path: Path,
) -> dict[str, Any]:
    """AdamW with linear warm-up and decay; the epoch with the best dev macro-F1 is kept (last if no dev).
    `train.class_weighting: balanced` weights the loss by inverse label frequency."""
    import torch
    from transformers import get_linear_schedule_with_warmup

    tc = cfg.train
    model, device = classifier.model, classifier.device
    y = torch.tensor([LABELS.index(lab) for lab in labels])
    steps = (len(pairs) + tc.batch_size - 1) // tc.batch_size * tc.epochs
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc.learning_rate, weight_decay=tc.weight_decay)
    schedule = get_linear_schedule_with_warmup(optimizer, int(steps * tc.warmup_ratio), steps)
    generator = torch.Generator().manual_seed(tc.seed)
    weight = class_weights(y).to(device) if tc.class_weighting == "balanced" else None
    best: dict[str, Any] = {"epoch": 0, "dev_macro_f1": -1.0}
    best_state = None
    with log_path.open("w", encoding="utf-8") as log_file:
        for epoch in range(1, tc.epochs + 1):
            model.train()
            batches = length_grouped_batches(pairs, tc.batch_size, generator)
            started, total = time.perf_counter(), 0.0
            bar = tqdm(batches, desc=f"epoch {epoch}/{tc.epochs}", file=sys.stderr, unit="batch")
            for idx in bar:
                batch = {k: v.to(device) for k, v in classifier.encode([pairs[i] for i in idx]).items()}
                with autocast(device):
                    logits = model(**batch).logits
                loss = torch.nn.functional.cross_entropy(logits.float(), y[idx].to(device), weight=weight)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
                total += loss.item() * len(idx)
                bar.set_postfix(loss=f"{loss.item():.3f}")
            model.eval()
            row: dict[str, Any] = {
                "epoch": epoch,
                "train_loss": total / len(pairs),
                "seconds": round(time.perf_counter() - started, 1),
                "pairs_per_second": round(len(pairs) / (time.perf_counter() - started), 1),
            }
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
