"""Which prediction stands for which gold item: claims by overlap, speakers by the names they share.

The evaluation scores with these rules and the HTML view colours gold speakers with them, so both agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from pipeline.records import Attribution, Claim, Gold, GoldClaim


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


def most_overlapping(start: int, end: int, spans: Sequence[S]) -> tuple[S | None, int]:
    """The span sharing the most characters with [start, end), and how many (None, 0 when none does)."""
    best, most = None, 0
    for span in spans:
        overlap = min(span.end, end) - max(span.start, start)
        if overlap > most:
            best, most = span, overlap
    return best, most


def covering_claim(gold: GoldClaim, claims: Sequence[Claim]) -> Claim | None:
    """The predicted claim that covers most of a gold claim, if it covers at least half of it."""
    best, overlap = most_overlapping(gold.start, gold.end, claims)
    return best if overlap * 2 >= gold.end - gold.start else None


def _tokens(name: str) -> list[str]:
    return name.lower().removeprefix("the ").replace("’", "'").split()


def same_name(a: str, b: str) -> bool:
    """ "Mark Delaney" and "Vice Admiral Mark Delaney", "Kremlin" and "the Kremlin": one ends the other."""
    ta, tb = _tokens(a), _tokens(b)
    short, long = sorted((ta, tb), key=len)
    return bool(short) and long[-len(short) :] == short and (len(short) > 1 or len(long) == 1 or short == long)


def gold_speaker(name: str | None, gold: Gold) -> str | None:
    """The gold speaker a name refers to: its name or an alias, exactly, else a name that ends the other."""
    if name is None:
        return None
    for s in gold.speakers:
        if name.lower() in {f.lower() for f in (s.name, *s.aliases)}:
            return s.id
    for s in gold.speakers:
        if same_name(name, s.name):
            return s.id
    return None


def speaker_map(attribution: Attribution, gold: Gold) -> dict[str, str]:
    """Predicted speaker id → gold speaker id, by the names and aliases they share."""
    mapping = {}
    for speaker in attribution.speakers:
        found = gold_speaker(speaker.name, gold) or next(
            (g for g in (gold_speaker(m, gold) for m in speaker.mentions) if g), None
        )
        if found:
            mapping[speaker.id] = found
    return mapping


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """At least half of the longer span in common."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    return common > 0 and 2 * common >= max(a[1] - a[0], b[1] - b[0])


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index)."""
    used: set[int] = set()
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and (p == g if exact else overlaps(p, g)):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs
