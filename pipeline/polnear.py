"""PolNeAR (Newell et al., LREC 2018), read in its official brat standoff layout, and our attribution scored on
it: content, source and cue span F1, and whether the speaker we resolve is the annotated source.

Layout: <root>/data/<split>/text/<name>.txt and <root>/data/<split>/attributions/<name>_<annotator>.ann.
An article labelled by several annotators is read from its first .ann file (sorted by name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.lexicon import GROUP_PRONOUNS, ORG_PRONOUNS, PERSON_PRONOUNS, POSITION_VERBS, SAY_VERBS
from pipeline.matching import match, overlaps
from pipeline.metrics import prf
from pipeline.records import Attribution, Claim

QUOTE_MARKS = "\"“”‘’«»„'"
STRIP = QUOTE_MARKS + " \t\r\n.,;:"


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    # (role, start, end) of every piece, discontinuous spans kept apart: what the token tagger learns from.
    fragments: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _pieces(field: str) -> list[tuple[int, int]]:
    """ "10 20;25 30" (discontinuous) -> [(10, 20), (25, 30)]."""
    return [(int(a), int(b)) for a, b in re.findall(r"(\d+) (\d+)", field)]


def _span(pieces: list[tuple[int, int]]) -> tuple[int, int]:
    return min(a for a, _ in pieces), max(b for _, b in pieces)


def parse_ann(text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            pieces = _pieces(parts[1].partition(" ")[2])
            if pieces:
                spans[parts[0]] = pieces
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))

    def role(rel: dict[str, str], name: str) -> tuple[int, int] | None:
        return _span(spans[rel[name]]) if rel.get(name) in spans else None

    def fragments(rel: dict[str, str]) -> tuple[tuple[str, int, int], ...]:
        named = [(name, rel.get(name)) for name in ("Source", "Cue", "Content")]
        return tuple((name.upper(), a, b) for name, key in named if key in spans for a, b in spans[key])

    return tuple(
        GoldAttribution(
            content=_span(spans[rel["Content"]]),
            cue=role(rel, "Cue"),
            source=role(rel, "Source"),
            fragments=fragments(rel),
        )
        for rel in relations
        if rel.get("Content") in spans
    )


def read_split(root: Path, split: str) -> Iterator[PolnearArticle]:
    folder = root / "data" / split
    if not (folder / "text").is_dir():
        raise InputError(f"{folder}: not a PolNeAR split (expected text/ and attributions/ in it)")
    anns = sorted((folder / "attributions").glob("*.ann"))
    for text_file in sorted((folder / "text").glob("*.txt")):
        mine = [a for a in anns if a.name.rsplit("_", 1)[0] == text_file.stem]
        if mine:
            text = text_file.read_text(encoding="utf-8")
            yield PolnearArticle(text_file.stem, text, parse_ann(mine[0].read_text(encoding="utf-8")))


def trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def content_units(attribution: Attribution) -> list[tuple[tuple[int, int], int]]:
    """Our claims as PolNeAR counts content: consecutive quoted pieces of one speaker in one paragraph joined into
    one span when only their attribution stands between them ("“The plan,” she said, clapping. “It is dead.”" is
    one content). Each unit comes with the index of its first claim."""
    text = attribution.article.text
    units: list[tuple[tuple[int, int], int]] = []
    for n, claim in enumerate(attribution.claims):
        if units and claim.mode.value == "direct":
            (start, end), first = units[-1]
            prev = attribution.claims[n - 1]
            if (
                prev.mode.value == "direct"
                and prev.speaker == claim.speaker
                and _only_attribution(text, end, prev, claim)
            ):
                units[-1] = ((start, claim.end), first)
                continue
        units.append((_content_span(claim), n))
    return units


def _content_span(claim: Claim) -> tuple[int, int]:
    """A claim that holds its own source and cue ("Anderson agreed with McLenny", our text for a position verb) is
    scored on what follows the cue, as PolNeAR marks content apart from source and cue."""
    cue, source = claim.cue, claim.source
    if cue is not None and source is not None and source.start == claim.start and cue.end < claim.end:
        return cue.end, claim.end
    return claim.start, claim.end


# A sentence end inside the attribution: not an initial ("Ronald R. Fieldstone") or a title ("Sen. Brown"), and
# followed by a capital ("(D-Mo.) said" goes on).
INNER_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bJr)(?<!\bMrs|\bSen|\bRep|\bGov)[.!?]\)?\s+[A-Z]"
)


def _only_attribution(text: str, end: int, prev: Claim, claim: Claim) -> bool:
    """Between the two quoted pieces: nothing but punctuation, or one attribution clause that holds the cue of one
    of them ("she said, clapping."), in the same paragraph and with no other quotation in it."""
    between = text[end : claim.start]
    if "\n" in between:
        return False
    gap = between.strip(STRIP)
    if not gap:
        return True
    cues = [c.cue for c in (prev, claim) if c.cue is not None and end <= c.cue.start and c.cue.end <= claim.start]
    return bool(cues) and not any(ch in QUOTE_MARKS for ch in gap) and not INNER_SENTENCE_END.search(gap)


SENTENCE_END = re.compile(r"[.!?][\"”’»]?\s+[\"“‘«]?[A-Z]|\n")


def same_sentence(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """No sentence end or line break between the two spans."""
    left, right = sorted((a, b))
    return not SENTENCE_END.search(text, left[1] - 1, max(left[1], right[0]))


def right_speaker(attribution: Attribution, claim_index: int, gold: tuple[int, int]) -> bool:
    """Our speaker is the annotated source: the mention we used overlaps that span, or our speaker's name or
    mentions hold the head word of one of its first two comma-separated parts ("Clinton" for "Hillary Clinton",
    "he" resolved to her, "Jane Doe" for "Jane Doe, the finance minister," and for "The minister, Ms. Doe,")."""
    claim = attribution.claims[claim_index]
    if claim.speaker is None:
        return False
    if claim.source is not None and overlaps((claim.source.start, claim.source.end), gold):
        return True
    speaker = next(s for s in attribution.speakers if s.id == claim.speaker)
    names = " ".join((speaker.name, *speaker.mentions)).lower().split()
    for part in re.split(r",|\(| who | whose ", attribution.article.text[gold[0] : gold[1]])[:2]:
        words = part.lower().split()
        if words and (words[-1] in names or " ".join(words) in " ".join(names)):
            return True
    return False


IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "thought": "think", "according": "say"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | ORG_PRONOUNS | {"i", "we", "you", "who", "which"}
DETERMINERS = {"a", "an", "the", "some", "many", "most", "several", "other", "one", "two", "three", "another"}


def _lemmas(word: str) -> set[str]:
    """Crude lemmas of an inflected verb, enough to look it up in the lexicon ("pledged" -> "pledge")."""
    if word in IRREGULAR:
        return {IRREGULAR[word]}
    stems = {word}
    for suffix in ("s", "es", "d", "ed", "ing"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            stems |= {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return stems


def miss_kind(text: str, gold: GoldAttribution) -> str:
    """Why a gold attribution might lie outside what we extract: its cue (a verb of saying or of taking a
    position, as in our lexicon, or another kind: "shows", "wants", "believes") and its source (named, a
    description or unnamed group, a pronoun, none)."""
    cue_words = text[slice(*gold.cue)].lower().split() if gold.cue else []
    verbs = SAY_VERBS | POSITION_VERBS
    cue = "speech cue" if any(_lemmas(w) & verbs for w in cue_words) else "other cue"
    source_words = text[slice(*gold.source)].split() if gold.source else []
    if not source_words:
        source = "no source"
    elif source_words[0].lower() in PRONOUNS and len(source_words) == 1:
        source = "pronoun"
    elif any(_proper(w, alone=len(source_words) == 1) for w in source_words):
        source = "named"
    else:
        source = "description or group"
    return f"{cue}, {source}"


def _proper(word: str, alone: bool) -> bool:
    """Capitalised and not a determiner; a lone capitalised plural ("Aides said") is a group at a sentence start."""
    return word[:1].isupper() and word.lower() not in DETERMINERS and not (alone and word.endswith("s"))


def score(items: list[tuple[PolnearArticle, Attribution]]) -> dict[str, object]:
    missed: dict[str, int] = {}  # gold contents no predicted one overlaps, by miss_kind
    counts = {k: [0, 0, 0] for k in ("content_exact", "content_overlap", "source", "cue")}  # found, pred, gold
    speaker: dict[str, list[int]] = {}  # group -> [right, total]
    for article, attribution in items:
        text = article.text
        units = content_units(attribution)
        pred_content = [trim(text, u) for u, _ in units]
        gold_content = [trim(text, g.content) for g in article.attributions]
        found_gold = {j for _, j in match(pred_content, gold_content, exact=False)}
        for j, g in enumerate(article.attributions):
            if j not in found_gold:
                kind = miss_kind(text, g)
                missed[kind] = missed.get(kind, 0) + 1
        for key, exact in (("content_exact", True), ("content_overlap", False)):
            pairs = match(pred_content, gold_content, exact)
            counts[key] = [
                counts[key][0] + len(pairs),
                counts[key][1] + len(pred_content),
                counts[key][2] + len(gold_content),
            ]
        for key, pred, gold in (
            (
                "source",
                [(c.source.start, c.source.end) for c in attribution.claims if c.source],
                [g.source for g in article.attributions if g.source],
            ),
            (
                "cue",
                [(c.cue.start, c.cue.end) for c in attribution.claims if c.cue],
                [g.cue for g in article.attributions if g.cue],
            ),
        ):
            pred_set = sorted({trim(text, p) for p in pred})
            gold_set = sorted({trim(text, g) for g in gold if g})
            found = len(match(pred_set, gold_set, exact=True))
            counts[key] = [counts[key][0] + found, counts[key][1] + len(pred_set), counts[key][2] + len(gold_set)]
        for i, j in match(pred_content, gold_content, exact=False):
            g = article.attributions[j]
            if g.source is None:
                continue
            where = "in_sentence" if same_sentence(text, g.source, g.content) else "out_of_sentence"
            mode = (
                "direct" if text[max(g.content[0] - 1, 0) : g.content[0] + 1].strip()[:1] in QUOTE_MARKS else "indirect"
            )
            ok = right_speaker(attribution, units[i][1], g.source)
            for group in ("all", where, mode):
                tally = speaker.setdefault(group, [0, 0])
                tally[0] += ok
                tally[1] += 1
    return {
        "articles": len(items),
        "gold_attributions": counts["content_overlap"][2],
        **{key: {**prf(*v), "found": v[0], "predicted": v[1], "gold": v[2]} for key, v in counts.items()},
        "speaker_accuracy": {g: {"accuracy": r / n if n else None, "n": n} for g, (r, n) in speaker.items()},
        "missed_content_by_kind": dict(sorted(missed.items(), key=lambda kv: -kv[1])),
    }
