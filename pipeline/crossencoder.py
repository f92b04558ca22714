"""The cross-encoder network: a BERT encoder, mean-pooled, and a linear 3-way head.

all-MiniLM-L6-v2 was trained to represent text by the mean of its token vectors, not by its [CLS] vector, so
the head reads the mean (`model.pooling: mean`); `cls` keeps transformers' own sequence-classification head.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import torch
from safetensors.torch import load_file, save_file
from transformers import AutoModel, PreTrainedModel

HEAD_FILE = "stance_head.safetensors"


class MeanPoolClassifier(torch.nn.Module):
    def __init__(self, encoder: PreTrainedModel, num_labels: int = 3, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.config = encoder.config
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(encoder.config.hidden_size, num_labels)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor | None = None
    ) -> SimpleNamespace:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return SimpleNamespace(logits=self.head(self.dropout(pooled)))

    def save_pretrained(self, path: Path, safe_serialization: bool = True) -> None:
        """The encoder as a Hugging Face folder (config.json carries the labels), the head beside it."""
        self.encoder.save_pretrained(path, safe_serialization=safe_serialization)
        save_file({k: v.contiguous() for k, v in self.head.state_dict().items()}, str(Path(path) / HEAD_FILE))

    @classmethod
    def from_pretrained(cls, path: Path) -> MeanPoolClassifier:
        encoder = AutoModel.from_pretrained(path, dtype=torch.float32)
        model = cls(encoder, num_labels=len(encoder.config.id2label))
        model.head.load_state_dict(load_file(str(Path(path) / HEAD_FILE)))
        return model
