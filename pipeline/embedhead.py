"""A SetFit-style rival to the cross-encoder: frozen sentence embeddings and a logistic-regression head.

The topic and the claim are embedded separately by the base sentence encoder (all-MiniLM-L6-v2, mean-pooled and
normalised, as it was trained), and the head reads [u, v, u * v, |u - v|] (the features of Sentence-BERT's
classification objective). SetFit would first fine-tune the encoder contrastively; this is its head on the frozen
encoder, which costs one embedding pass instead of a fine-tune, so it shows what the cross-encoder's training buys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from pipeline.baseline import Pickled
from pipeline.classify import Pair, minilm_dir, pick_device
from pipeline.records import LABELS, Label


class EmbeddingHead(Pickled):
    """Predictor over (topic, claim) pairs; the encoder is loaded from the pinned package on first use."""

    speaker_in_input = False  # the baselines read the claim (and its context) only

    def __init__(self, context_chars: int, seed: int = 0, batch_size: int = 64) -> None:
        self.context_chars = context_chars
        self.batch_size = batch_size
        self.head = LogisticRegression(max_iter=3000, class_weight="balanced", C=1.0, random_state=seed)
        self._encoder: Any = None
        self._cache: dict[str, np.ndarray] = {}

    def _load(self) -> Any:
        if self._encoder is None:
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()

            path = minilm_dir()
            device = pick_device()
            self._encoder = (AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).to(device).eval())
        return self._encoder

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length mean-pooled vectors, each distinct text encoded once (topics recur in every pair)."""
        import torch

        todo = sorted({t for t in texts if t not in self._cache}, key=len)
        if todo:
            tokenizer, model = self._load()
            with torch.inference_mode():
                for b in range(0, len(todo), self.batch_size):
                    chunk = todo[b : b + self.batch_size]
                    batch = tokenizer(chunk, truncation=True, max_length=256, padding=True, return_tensors="pt")
                    batch = {k: v.to(model.device) for k, v in batch.items()}
                    tokens = model(**batch).last_hidden_state
                    mask = batch["attention_mask"].unsqueeze(-1).to(tokens.dtype)
                    vectors = torch.nn.functional.normalize((tokens * mask).sum(1) / mask.sum(1), dim=-1)
                    self._cache.update(zip(chunk, vectors.float().cpu().numpy(), strict=True))
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384))

    def features(self, pairs: Sequence[Pair]) -> np.ndarray:
        u = self.embed([first for first, _ in pairs])
        v = self.embed([second for _, second in pairs])
        return np.concatenate([u, v, u * v, np.abs(u - v)], axis=1)

    def fit(self, pairs: Sequence[Pair], labels: Sequence[Label]) -> EmbeddingHead:
        self.head.fit(self.features(pairs), [LABELS.index(lab) for lab in labels])
        return self

    def predict_proba(self, pairs: Sequence[Pair]) -> np.ndarray:
        out = np.zeros((len(pairs), len(LABELS)))
        if pairs:
            out[:, self.head.classes_] = self.head.predict_proba(self.features(pairs))
        return out

    def __getstate__(self) -> dict[str, Any]:
        # The encoder is the pinned base package, reloaded (and hash-checked) on use: only the head is saved.
        return {**self.__dict__, "_encoder": None, "_cache": {}}
