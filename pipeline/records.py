"""Typed records passed between stages. Spans are character offsets into `Article.text`."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Label(StrEnum):
    FAVOR = "FAVOR"
    AGAINST = "AGAINST"
    NONE = "NONE"


# The one label order: model output index i means LABELS[i], in training and in prediction.
LABELS: tuple[Label, ...] = (Label.FAVOR, Label.AGAINST, Label.NONE)


class Mode(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"
    NARRATION = "narration"


class SpeakerMethod(StrEnum):
    """How a claim's speaker was found, so attribution errors can be read."""

    NAME = "name"
    DESCRIPTION = "description"
    PRONOUN = "pronoun"
    CONTINUATION = "continuation"


class Topic(Record):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    description: str | None = None


class Article(Record):
    """One article. `text` is the decoded file exactly as read (header line included): every offset points here."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    title: str | None = None
    date: str | None = None
    source: str | None = None


class Span(Record):
    start: int = Field(ge=0)
    end: int

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class Claim(Record):
    """A quoted sentence or a reported-speech clause, and who said it."""

    id: str
    start: int = Field(ge=0)
    end: int
    text: str
    mode: Mode
    speaker: str | None = None
    speaker_method: SpeakerMethod | None = None
    source: Span | None = None  # the mention that names the speaker ("Rutte", "the NATO chief", "he")
    cue: Span | None = None  # the speech verb ("said", "rejected", "according to")
    warning: str | None = None


class Speaker(Record):
    id: str
    name: str
    kind: Literal["person", "org"] = "person"
    mentions: tuple[str, ...] = ()


class ClaimStance(Record):
    claim: str
    topic: str
    label: Label
    confidence: float = Field(ge=0, le=1)
    probs: tuple[float, float, float]  # in LABELS order


class SpeakerStance(Record):
    speaker: str
    topic: str
    label: Label
    confidence: float = Field(ge=0, le=1)
    evidence: tuple[str, ...] = ()


class Attribution(Record):
    """Claims with their speakers, before any stance is classified."""

    article: Article
    claims: tuple[Claim, ...]
    speakers: tuple[Speaker, ...]
    warnings: tuple[str, ...] = ()


class Analysis(Record):
    attribution: Attribution
    topics: tuple[Topic, ...]
    claim_stances: tuple[ClaimStance, ...]
    speaker_stances: tuple[SpeakerStance, ...]


# --- hand-labelled gold (schema stance-gold/1) -------------------------------------------------------------


class GoldArticleRef(Record):
    id: str
    file: str | None = None
    date: str | None = None
    language: str | None = None


class GoldSpeaker(Record):
    id: str
    name: str
    aliases: tuple[str, ...]


class GoldClaim(Record):
    id: str
    start: int = Field(ge=0)
    end: int
    text: str
    speaker: str | None
    mode: Mode
    stances: dict[str, Label]


class GoldSpeakerStance(Record):
    speaker: str
    topic: str
    stance: Label


class Gold(Record):
    schema_: Literal["stance-gold/1"] = Field(alias="schema")
    article: GoldArticleRef
    labels: tuple[Literal["FAVOR"], Literal["AGAINST"], Literal["NONE"]]
    topics: tuple[Topic, ...] = Field(min_length=1)
    speakers: tuple[GoldSpeaker, ...]
    claims: tuple[GoldClaim, ...]
    speaker_stances: tuple[GoldSpeakerStance, ...]
    notes: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class GoldArticle(Record):
    """A gold file together with the article text its offsets point into."""

    article: Article
    gold: Gold
