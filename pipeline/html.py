"""HTML views for people: each article's text with its claims highlighted by speaker and stance, beside gold.

Pure functions that return strings. A page is one self-contained file (inline CSS and JS, not a single URL), so
it opens from disk, offline, and can be attached to a CI run or mailed as it is.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline import matching
from pipeline.html_assets import PAGE_CSS, PAGE_JS
from pipeline.records import Analysis, Claim, ClaimStance, Gold, GoldClaim, Label, SpeakerStance, Topic

# Light tints (ColorBrewer Paired and Set3) under near-black text keep a contrast above 7:1.
PALETTE = (
    "#a6cee3",
    "#fdbf6f",
    "#b2df8a",
    "#cab2d6",
    "#fb9a99",
    "#ffed6f",
    "#8dd3c7",
    "#fccde5",
    "#d9b38c",
    "#c7d0f5",
)
NARRATION = "#e2e4e8"  # a claim nobody was found to have said
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
SMALL_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "to"}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class Mark:
    """One claim to highlight, predicted or gold, with everything drawn around its text."""

    start: int
    end: int
    attr: str  # data-claim="c3" (predicted) or data-gold="c01"
    colour: str
    title: str
    badges: str  # stance badges drawn right after the span


@dataclass(frozen=True)
class GridCell:
    predicted: SpeakerStance | None  # None: a gold speaker the pipeline never found
    gold: Label | None  # None: no gold given, or not a gold speaker


@dataclass(frozen=True)
class GridRow:
    speaker: str
    colour: str
    cells: tuple[GridCell, ...]


def topic_abbrevs(topics: Sequence[Topic]) -> dict[str, str]:
    """Short badges ("EDA" for European defence autonomy), unique within the article."""
    out: dict[str, str] = {}
    for n, topic in enumerate(topics):
        words = [w for w in re.split(r"[\s_-]+", topic.name) if w and w.lower() not in SMALL_WORDS]
        abbrev = "".join(w[0] for w in words).upper()[:4] or f"T{n + 1}"
        out[topic.id] = abbrev if abbrev not in out.values() else f"{abbrev}{n + 1}"
    return out


def speaker_map(analysis: Analysis, gold: Gold) -> dict[str, str]:
    """Predicted speaker id → gold speaker id, matched exactly as the evaluation matches them."""
    return matching.speaker_map(analysis.attribution, gold)


def speaker_colours(analysis: Analysis, gold: Gold | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Colours of predicted and of gold speakers; a gold speaker takes the colour of its predicted match."""
    predicted = {s.id: PALETTE[n % len(PALETTE)] for n, s in enumerate(analysis.attribution.speakers)}
    golden: dict[str, str] = {}
    if gold is not None:
        for pred, gold_id in speaker_map(analysis, gold).items():
            golden.setdefault(gold_id, predicted[pred])
        for gold_speaker in gold.speakers:
            golden.setdefault(gold_speaker.id, PALETTE[(len(predicted) + len(golden)) % len(PALETTE)])
    return predicted, golden


def grid_rows(analysis: Analysis, gold: Gold | None = None) -> list[GridRow]:
    """One row per predicted speaker, then one per gold speaker the pipeline missed (predicted NONE)."""
    colours, gold_colours = speaker_colours(analysis, gold)
    stances = {(s.speaker, s.topic): s for s in analysis.speaker_stances}
    to_gold = speaker_map(analysis, gold) if gold else {}
    gold_labels = {(s.speaker, s.topic): s.stance for s in gold.speaker_stances} if gold else {}

    def gold_label(speaker: str | None, topic: str) -> Label | None:
        return gold_labels.get((speaker, topic), Label.NONE) if speaker else None

    rows = [
        GridRow(
            s.name,
            colours[s.id],
            tuple(GridCell(stances.get((s.id, t.id)), gold_label(to_gold.get(s.id), t.id)) for t in analysis.topics),
        )
        for s in analysis.attribution.speakers
    ]
    for g in gold.speakers if gold else ():
        if g.id not in to_gold.values():
            cells = tuple(GridCell(None, gold_label(g.id, t.id)) for t in analysis.topics)
            rows.append(GridRow(g.name, gold_colours[g.id], cells))
    return rows


def _badges(labels: Sequence[tuple[Topic, Label, str]], abbrevs: dict[str, str]) -> str:
    """+EDA / −EDA after a claim for each topic it is not NONE on; sign and colour both say which."""
    out = []
    for topic, label, extra in labels:
        if label is not Label.NONE:
            sign = "+" if label is Label.FAVOR else "−"
            tip = _esc(f"{label.value}: {topic.name}{extra}")
            out.append(f'<sup class="badge {label.value.lower()}" title="{tip}">{sign}{abbrevs[topic.id]}</sup>')
    return "".join(out)


def _predicted_marks(analysis: Analysis, colours: dict[str, str], abbrevs: dict[str, str]) -> list[Mark]:
    names = {s.id: s.name for s in analysis.attribution.speakers}
    by_claim = _stances_by_claim(analysis)
    marks = []
    for c in analysis.attribution.claims:
        labels = [(t, s.label, f" ({s.confidence:.2f})") for t, s in zip(analysis.topics, by_claim[c.id], strict=True)]
        speaker = names.get(c.speaker or "", "narration")
        title = f"{c.id} · {speaker} · {c.mode.value}"
        colour = colours.get(c.speaker or "", NARRATION)
        marks.append(Mark(c.start, c.end, f'data-claim="{_esc(c.id)}"', colour, title, _badges(labels, abbrevs)))
    return marks


def _gold_marks(gold: Gold, topics: Sequence[Topic], colours: dict[str, str], abbrevs: dict[str, str]) -> list[Mark]:
    names = {s.id: s.name for s in gold.speakers}
    marks = []
    for g in gold.claims:
        labels = [(t, g.stances[t.id], "") for t in topics if t.id in g.stances]
        title = f"gold {g.id} · {names.get(g.speaker or '', 'narration')} · {g.mode.value}"
        colour = colours.get(g.speaker or "", NARRATION)
        marks.append(Mark(g.start, g.end, f'data-gold="{_esc(g.id)}"', colour, title, _badges(labels, abbrevs)))
    return marks


def _stances_by_claim(analysis: Analysis) -> dict[str, list[ClaimStance]]:
    """Each claim's stances in topic order (a missing one reads as NONE with no confidence)."""
    found = {(s.claim, s.topic): s for s in analysis.claim_stances}
    none = {
        t.id: ClaimStance(claim="", topic=t.id, label=Label.NONE, confidence=0, probs=(0, 0, 0))
        for t in analysis.topics
    }
    return {c.id: [found.get((c.id, t.id), none[t.id]) for t in analysis.topics] for c in analysis.attribution.claims}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for sep in PARAGRAPH_BREAK.finditer(text):
        bounds.append((pos, sep.start()))
        pos = sep.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _without_overlaps(marks: Sequence[Mark]) -> list[Mark]:
    """Claims never overlap on one side; if they ever do, the later-starting one is not drawn."""
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.end > m.start and (not kept or m.start >= kept[-1].end):
            kept.append(m)
    return kept


def marked_text(text: str, marks: Sequence[Mark]) -> str:
    """The text as <p> paragraphs with a span per claim; a claim across a blank line is drawn in each part."""
    kept = _without_overlaps(marks)
    out = []
    for p_start, p_end in _paragraphs(text):
        parts, pos = [], p_start
        for m in kept:
            start, end = max(m.start, p_start), min(m.end, p_end)
            if start >= end:
                continue
            parts.append(_esc(text[pos:start]))
            parts.append(
                f'<span class="claim" {m.attr} style="--c:{m.colour}" title="{_esc(m.title)}" tabindex="0" '
                f'role="button">{_esc(text[start:end])}</span>'
            )
            parts.append(m.badges if end == m.end else "")
            pos = end
        parts.append(_esc(text[pos:p_end]))
        out.append("<p>" + "".join(parts) + "</p>")
    return "\n".join(out)


def _overlapping(start: int, end: int, spans: Sequence[Claim | GoldClaim]) -> str | None:
    """The id of the span sharing the most characters with [start, end), if any does."""
    best, _ = matching.most_overlapping(start, end, spans)
    return best.id if best else None


def details_json(analysis: Analysis, gold: Gold | None = None) -> dict[str, Any]:
    """What the details panel shows for each claim, keyed by predicted and by gold claim id."""
    att, topics = analysis.attribution, analysis.topics
    text, names = att.article.text, {s.id: s.name for s in att.speakers}
    by_claim, gold_claims = _stances_by_claim(analysis), gold.claims if gold else ()
    claims = {
        c.id: {
            "id": c.id,
            "text": c.text,
            "speaker": names.get(c.speaker or ""),
            "mode": c.mode.value,
            "method": c.speaker_method.value if c.speaker_method else None,
            "source": text[c.source.start : c.source.end] if c.source else None,
            "cue": text[c.cue.start : c.cue.end] if c.cue else None,
            "warning": c.warning,
            "stances": [
                {"topic": t.name, "label": s.label.value, "confidence": s.confidence, "probs": list(s.probs)}
                for t, s in zip(topics, by_claim[c.id], strict=True)
            ],
            "gold": _overlapping(c.start, c.end, gold_claims),
        }
        for c in att.claims
    }
    abbrevs = topic_abbrevs(topics)
    return {
        "topics": [{"name": t.name, "abbrev": abbrevs[t.id]} for t in topics],
        "claims": claims,
        "gold": _gold_details(gold, topics, att.claims),
    }


def _gold_details(gold: Gold | None, topics: Sequence[Topic], claims: Sequence[Claim]) -> dict[str, Any]:
    if gold is None:
        return {}
    names = {s.id: s.name for s in gold.speakers}
    return {
        g.id: {
            "id": g.id,
            "text": g.text,
            "speaker": names.get(g.speaker or ""),
            "mode": g.mode.value,
            "stances": [g.stances[t.id].value if t.id in g.stances else None for t in topics],
            "pred": _overlapping(g.start, g.end, claims),
        }
        for g in gold.claims
    }


def _script_json(obj: Any) -> str:
    """JSON safe inside <script>: no "<" at all, so neither </script> nor <!-- can end or bend the element."""
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c")


def _grid_cell(cell: GridCell, with_gold: bool) -> str:
    pred = cell.predicted
    label = pred.label if pred else Label.NONE
    text = f"{label.value} {pred.confidence:.2f}" if pred else "not found"
    evidence = "".join(
        f'<button type="button" class="evidence" data-select="{_esc(c)}">{_esc(c)}</button>'
        for c in (pred.evidence if pred else ())[:4]
    )
    more = f'<span class="more">+{len(pred.evidence) - 4}</span>' if pred and len(pred.evidence) > 4 else ""
    if not with_gold:
        return f'<td class="{label.value.lower()}">{text}<div>{evidence}{more}</div></td>'
    if cell.gold is None:
        return f'<td class="unscored">{text} <span class="gold-label">gold –</span><div>{evidence}{more}</div></td>'
    verdict = "right" if cell.gold is label else "wrong"
    gold_text = f'<span class="gold-label">gold {cell.gold.value}</span>'
    return f'<td class="{verdict}" title="{verdict}">{text} {gold_text}<div>{evidence}{more}</div></td>'


def grid_html(rows: Sequence[GridRow], topics: Sequence[Topic], with_gold: bool) -> str:
    head = "".join(f"<th>{_esc(t.name)}</th>" for t in topics)
    body = "".join(
        f'<tr><th scope="row"><span class="chip" style="--c:{r.colour}"></span>{_esc(r.speaker)}</th>'
        + "".join(_grid_cell(c, with_gold) for c in r.cells)
        + "</tr>"
        for r in rows
    )
    caption = "Speaker x topic: predicted label and confidence" + (", gold beside it" if with_gold else "")
    return (
        f'<table class="grid"><caption>{caption}; the claim ids are the evidence.</caption>'
        f"<thead><tr><th>speaker</th>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _legend(analysis: Analysis, colours: dict[str, str], abbrevs: dict[str, str]) -> str:
    chips = [
        f'<span class="chip" style="--c:{colours[s.id]}"></span>{_esc(s.name)}' for s in analysis.attribution.speakers
    ]
    chips.append(f'<span class="chip" style="--c:{NARRATION}"></span>no speaker')
    topics = [f"<b>{_esc(abbrevs[t.id])}</b> {_esc(t.name)}" for t in analysis.topics]
    return (
        f'<p class="legend">{" ".join(chips)}</p>'
        f'<p class="legend"><span class="badge favor">+</span> favor <span class="badge against">−</span> against: '
        + " · ".join(topics)
        + "</p>"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _column(name: str, marked: str) -> str:
    return f'<div class="column {name}"><h3>{name}</h3>{marked}</div>'


def article_view(analysis: Analysis, gold: Gold | None = None) -> str:
    """One article: claims highlighted in speaker colours with stance badges (gold beside them), the grid, details."""
    att, topics = analysis.attribution, analysis.topics
    art, abbrevs = att.article, topic_abbrevs(topics)
    colours, gold_colours = speaker_colours(analysis, gold)
    predicted = marked_text(art.text, _predicted_marks(analysis, colours, abbrevs))
    columns = _column("predicted", predicted)
    if gold is not None:
        columns = _column("gold", marked_text(art.text, _gold_marks(gold, topics, gold_colours, abbrevs))) + columns
    counts = (_count(len(att.claims), "claim"), _count(len(att.speakers), "speaker"))
    meta = " · ".join(x for x in (art.date, art.source, *counts) if x)
    warnings = "".join(f'<p class="warning">warning: {_esc(w)}</p>' for w in att.warnings)
    return (
        f'<section class="article" id="article-{_esc(art.id)}" data-article="{_esc(art.id)}">'
        f'<h2>{_esc(art.title or art.id)}</h2><p class="meta">{_esc(meta)}</p>{warnings}'
        f"{grid_html(grid_rows(analysis, gold), topics, gold is not None)}{_legend(analysis, colours, abbrevs)}"
        f'<div class="layout{" paired" if gold else ""}"><div class="texts">{columns}</div>'
        '<aside class="details" aria-live="polite"><p class="hint">Click a highlighted claim to see who said it, '
        "how the speaker was found, and its stance on each topic.</p></aside></div>"
        f'<script type="application/json" class="claims-data" id="data-{_esc(art.id)}">'
        f"{_script_json(details_json(analysis, gold))}</script></section>"
    )


def page(title: str, body: str) -> str:
    """A whole HTML5 document around any body; the CSS also styles plain tables, headings and figures."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # An empty icon: otherwise the browser asks the server (or the disk) for /favicon.ico.
        f'<link rel="icon" href="data:,">\n<title>{_esc(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n'
        f"<body>\n{body}\n<script>{PAGE_JS}</script>\n</body>\n</html>\n"
    )


def analyses_html(analyses: Sequence[Analysis]) -> str:
    """The page `stance analyze --format html` prints: every article, predicted only, with links to each."""
    arts = [a.attribution.article for a in analyses]
    title = f"Stance analysis: {arts[0].title or arts[0].id}" if len(arts) == 1 else "Stance analysis"
    contents = ""
    if len(arts) > 1:
        links = "".join(f'<li><a href="#article-{_esc(a.id)}">{_esc(a.title or a.id)}</a></li>' for a in arts)
        contents = f'<nav class="contents"><p class="meta">{len(arts)} articles</p><ol>{links}</ol></nav>'
    body = "<h1>Stance analysis</h1>\n" + contents + "\n".join(article_view(a) for a in analyses)
    return page(title, body)
