"""Claim stances → one stance per speaker and topic, with a confidence and the evidence claims.

The rule, for speaker s and topic t, over the claims of s:
- a claim is evidence for FAVOR (AGAINST) when that is its most probable label toward t;
- no evidence either way: NONE, with confidence 1 - the highest FAVOR/AGAINST probability any claim of s has;
- else the label whose evidence has the larger summed probability wins, with confidence
  (its share of the summed FAVOR + AGAINST evidence) x (1 - prod(1 - p) over its evidence claims),
  so one lukewarm claim gives a low confidence and several firm, uncontested ones a high one;
- a winner under `min_confidence` is reported as NONE (its evidence is kept, so a reader can see why).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pipeline.records import LABELS, Attribution, ClaimStance, Label, SpeakerStance, Topic

FAVOR, AGAINST = LABELS.index(Label.FAVOR), LABELS.index(Label.AGAINST)


def speaker_topic_stance(
    speaker: str, topic: str, stances: Sequence[ClaimStance], min_confidence: float = 0.0
) -> SpeakerStance:
    evidence = {lab: [s for s in stances if s.label is lab] for lab in (Label.FAVOR, Label.AGAINST)}
    mass = {lab: sum(s.probs[LABELS.index(lab)] for s in ev) for lab, ev in evidence.items()}
    if not evidence[Label.FAVOR] and not evidence[Label.AGAINST]:
        strongest = max((max(s.probs[FAVOR], s.probs[AGAINST]) for s in stances), default=0.0)
        return SpeakerStance(speaker=speaker, topic=topic, label=Label.NONE, confidence=1.0 - strongest)
    label = Label.FAVOR if mass[Label.FAVOR] >= mass[Label.AGAINST] else Label.AGAINST
    column = LABELS.index(label)
    share = mass[label] / (mass[Label.FAVOR] + mass[Label.AGAINST])
    certainty = 1.0 - math.prod(1.0 - s.probs[column] for s in evidence[label])
    ranked = sorted(evidence[label], key=lambda s: -s.probs[column])
    confidence = min(1.0, max(0.0, share * certainty))
    if confidence < min_confidence:
        label = Label.NONE
    return SpeakerStance(
        speaker=speaker,
        topic=topic,
        label=label,
        confidence=confidence,
        evidence=tuple(s.claim for s in ranked),
    )


def aggregate(
    attribution: Attribution,
    topics: Sequence[Topic],
    stances: Sequence[ClaimStance],
    min_confidence: float = 0.0,
) -> tuple[SpeakerStance, ...]:
    """Every topic for every speaker, in speaker then topic order."""
    speaker_of = {c.id: c.speaker for c in attribution.claims}
    out = []
    for speaker in attribution.speakers:
        for topic in topics:
            own = [s for s in stances if s.topic == topic.id and speaker_of.get(s.claim) == speaker.id]
            out.append(speaker_topic_stance(speaker.id, topic.id, own, min_confidence))
    return tuple(out)
