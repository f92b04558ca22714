"""The optional attribution tagger: MiniLM fine-tuned on PolNeAR train to tag every token as the source, cue or
content of an attribution (BIO), and the tags linked into claim drafts.

The rules (segment.py) only see what their lexicon and spaCy's parse expose; the tagger learns PolNeAR's
notion of attribution from 24k annotated relations. It replaces segment.py when `segment.tagger` names a
trained tagger folder (`stance train-tagger`); its drafts go through the same speaker resolution (attribute.py)
as the rules' drafts, so names, descriptions, pronouns and continuation work the same way.

An article is longer than the model's 512 positions, so it is read in overlapping windows of `window` word
pieces; a token's tag comes from the mean of its logits over the windows that hold it.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pipeline.errors import StanceError
from pipeline.polnear import PolnearArticle
from pipeline.quotes import paragraphs
from pipeline.speech import QUOTE_MARKS, Draft

if TYPE_CHECKING:
    import torch
    from spacy.tokens import Doc

ROLES = ("SOURCE", "CUE", "CONTENT")
TAGS = ("O", *(f"{p}-{r}" for r in ROLES for p in "BI"))
TAGGER_FILE = "tagger.json"
TRIM = " \t\r\n,;:–—-" + "".join(QUOTE_MARKS)


@dataclass(frozen=True)
class RoleSpan:
    role: str  # SOURCE | CUE | CONTENT
    start: int
    end: int


# --- tags from gold spans, spans from tags -----------------------------------------------------------------


def char_roles(text_length: int, article: PolnearArticle) -> tuple[list[str], list[int]]:
    """Each character's role ("" outside any) and the id of the piece it is in, so adjacent pieces stay apart."""
    roles = [""] * text_length
    piece = [-1] * text_length
    n = 0
    for attribution in article.attributions:
        for role, start, end in attribution.fragments:
            for i in range(start, min(end, text_length)):
                roles[i], piece[i] = role, n
            n += 1
    return roles, piece


def token_tags(offsets: Sequence[tuple[int, int]], roles: list[str], piece: list[int]) -> list[int]:
    """BIO tag ids for tokens given by character offsets: a token takes the role of its first character."""
    tags = []
    previous = -1
    for start, end in offsets:
        at = start if start < len(roles) else len(roles) - 1
        if end <= start or not roles[at]:
            tags.append(0)
            previous = -1
            continue
        prefix = "I" if piece[at] == previous else "B"
        tags.append(TAGS.index(f"{prefix}-{roles[at]}"))
        previous = piece[at]
    return tags


def decode(offsets: Sequence[tuple[int, int]], tags: Sequence[int]) -> list[RoleSpan]:
    """Token tags -> character spans. An I- tag after another role opens a span, as a B- would."""
    spans: list[RoleSpan] = []
    open_role, start, end = "", 0, 0
    for (a, b), tag in zip(offsets, tags, strict=True):
        name = TAGS[tag]
        role = name[2:] if name != "O" else ""
        if role and name.startswith("I") and role == open_role:
            end = b
            continue
        if open_role:
            spans.append(RoleSpan(open_role, start, end))
        open_role, start, end = role, a, b
    if open_role:
        spans.append(RoleSpan(open_role, start, end))
    return spans


def windows(length: int, size: int, stride: int) -> list[tuple[int, int]]:
    """[start, end) token windows of at most `size`, `stride` apart, the last one ending at `length`."""
    if length <= size:
        return [(0, length)]
    starts = list(range(0, length - size, stride)) + [length - size]
    return [(s, s + size) for s in starts]


# --- spans -> claim drafts ---------------------------------------------------------------------------------


def _gap(a: RoleSpan, b: RoleSpan) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _is_direct(text: str, span: RoleSpan) -> bool:
    """Content that opens with a quotation mark, or right after one."""
    head = text[max(span.start - 2, 0) : span.start + 1]
    return any(mark in head for mark in QUOTE_MARKS)


def join_contents(text: str, spans: Sequence[RoleSpan], sentence_starts: Sequence[int]) -> list[RoleSpan]:
    """Content pieces with no source or cue between them are one content when they are in one sentence, or when
    only punctuation separates them (the sentences of one quote). The tagger leaves holes in long contents, and
    PolNeAR annotates a content whole."""
    out: list[RoleSpan] = []
    last_content: int | None = None  # index in out of the latest content with nothing but O since
    for span in sorted(spans, key=lambda s: s.start):
        if span.role != "CONTENT":
            out.append(span)
            last_content = None
            continue
        if last_content is not None:
            prev = out[last_content]
            gap = text[prev.end : span.start]
            one_sentence = bisect.bisect_right(sentence_starts, prev.end - 1) == bisect.bisect_right(
                sentence_starts, span.start
            )
            if "\n" not in gap and (one_sentence or not gap.strip(TRIM + ".!?…")):
                out[last_content] = RoleSpan("CONTENT", prev.start, span.end)
                continue
        out.append(span)
        last_content = len(out) - 1
    return out


def link(text: str, spans: Sequence[RoleSpan], sentence_starts: Sequence[int]) -> list[Draft]:
    """One draft per content span. Every cue and source goes to the nearest content of its sentence, else of its
    paragraph; a content keeps its nearest cue and the source nearest that cue. A content with no source is a
    continuation, which attribute.py gives to the previous speaker."""
    spans = join_contents(text, spans, sentence_starts)
    contents = [s for s in spans if s.role == "CONTENT"]
    para_starts = [a for a, _ in paragraphs(text)]

    def index(starts: Sequence[int], at: int) -> int:
        return bisect.bisect_right(starts, at) - 1

    def sentences(span: RoleSpan) -> range:
        return range(index(sentence_starts, span.start), index(sentence_starts, max(span.end - 1, span.start)) + 1)

    owned: dict[int, list[RoleSpan]] = {}
    for span in spans:
        if span.role == "CONTENT":
            continue
        near = [i for i, c in enumerate(contents) if index(para_starts, c.start) == index(para_starts, span.start)]
        here = index(sentence_starts, span.start)
        if near:
            nearest = min(near, key=lambda i: (here not in sentences(contents[i]), _gap(contents[i], span)))
            owned.setdefault(nearest, []).append(span)
    return [d for i, content in enumerate(contents) if (d := _draft(text, content, owned.get(i, [])))]


def _draft(text: str, content: RoleSpan, mine: list[RoleSpan]) -> Draft | None:
    start, end = _trim(text, content.start, content.end)
    if start >= end:
        return None
    cues = sorted((s for s in mine if s.role == "CUE"), key=lambda s: _gap(s, content))
    anchor = cues[0] if cues else content
    sources = sorted((s for s in mine if s.role == "SOURCE"), key=lambda s: _gap(s, anchor))
    return Draft(
        start=start,
        end=end,
        mode="direct" if _is_direct(text, content) else "reported",
        cue=_trim(text, cues[0].start, cues[0].end) if cues else None,
        source=_trim(text, sources[0].start, sources[0].end) if sources else None,
    )


def split_direct(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A direct quote over several sentences becomes one claim per sentence, as the rules make them."""
    out = []
    for draft in drafts:
        if draft.mode != "direct":
            out.append(draft)
            continue
        pieces = [
            _trim(doc.text, max(s.start_char, draft.start), min(s.end_char, draft.end))
            for s in doc.sents
            if s.end_char > draft.start and s.start_char < draft.end
        ]
        out += [Draft(a, b, "direct", draft.cue, draft.source) for a, b in pieces if b - a > 1]
    return out


# --- the model ---------------------------------------------------------------------------------------------


class Tagger:
    """A token-classification model with its tokenizer and window settings."""

    def __init__(self, model, tokenizer, window: int, stride: int, batch_size: int = 16) -> None:  # type: ignore[no-untyped-def]
        from pipeline.classify import pick_device

        self.model, self.tokenizer = model, tokenizer
        self.window, self.stride, self.batch_size = window, stride, batch_size
        self.device = pick_device()
        self.model.to(self.device).eval()

    @classmethod
    def load(cls, path: Path) -> Tagger:
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        if not (path / TAGGER_FILE).is_file():
            raise StanceError(f"{path}: no trained tagger there (no {TAGGER_FILE}): run `make train-tagger`")
        settings = json.loads((path / TAGGER_FILE).read_text(encoding="utf-8"))
        model = AutoModelForTokenClassification.from_pretrained(path)
        return cls(model, AutoTokenizer.from_pretrained(path), settings["window"], settings["stride"])

    def tokens(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        encoded = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        return encoded["input_ids"], [tuple(o) for o in encoded["offset_mapping"]]

    def batch(self, ids: Sequence[Sequence[int]]) -> dict[str, torch.Tensor]:
        """[CLS] window [SEP], padded to the longest window of the batch."""
        import torch

        tok = self.tokenizer
        rows = [[tok.cls_token_id, *w, tok.sep_token_id] for w in ids]
        width = max(len(r) for r in rows)
        input_ids = torch.tensor([r + [tok.pad_token_id] * (width - len(r)) for r in rows])
        mask = torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in rows])
        return {"input_ids": input_ids.to(self.device), "attention_mask": mask.to(self.device)}

    def logits(self, ids: list[int]) -> np.ndarray:
        """Per-token logits over the whole article: the mean over the windows that hold each token."""
        import torch

        from pipeline.classify import autocast

        total = np.zeros((len(ids), len(TAGS)), dtype=np.float32)
        count = np.zeros((len(ids), 1), dtype=np.float32)
        spans = windows(len(ids), self.window - 2, self.stride)
        for b in range(0, len(spans), self.batch_size):
            chunk = spans[b : b + self.batch_size]
            with torch.inference_mode(), autocast(self.device):
                out = self.model(**self.batch([ids[s:e] for s, e in chunk])).logits.float().cpu().numpy()
            for row, (s, e) in zip(out, chunk, strict=True):
                total[s:e] += row[1 : 1 + e - s]
                count[s:e] += 1
        return total / np.maximum(count, 1)

    def spans(self, text: str) -> list[RoleSpan]:
        ids, offsets = self.tokens(text)
        if not ids:
            return []
        return decode(offsets, self.logits(ids).argmax(1).tolist())


@lru_cache(maxsize=2)
def load_tagger(path: str) -> Tagger:
    """Loaded once per process, like the spaCy pipeline."""
    return Tagger.load(Path(path))


def tagged_drafts(doc: Doc, tagger: Tagger) -> list[Draft]:
    starts = [s.start_char for s in doc.sents]
    return split_direct(doc, link(doc.text, tagger.spans(doc.text), starts))


def added(rules: Sequence[Draft], tagged: Sequence[Draft]) -> list[Draft]:
    """The rules' drafts and those of the tagger that share no character with any of them, in text order.

    The rules are precise but miss what their lexicon and the parse do not reach; the tagger recalls more at a
    lower precision. Where both found a claim, the rules' boundaries and source stand.
    """
    extra = [t for t in tagged if not any(t.start < r.end and r.start < t.end for r in rules)]
    return sorted([*rules, *extra], key=lambda d: d.start)
