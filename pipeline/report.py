"""Markdown for people: evaluation reports, the model card, and the analysis of one article."""

from __future__ import annotations

from typing import Any

from pipeline.records import Analysis


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _stance_row(name: str, scores: dict[str, Any]) -> str:
    if not scores.get("n"):
        return f"| {name} | – | – | – | – |"
    return (
        f"| {name} | {_pct(scores['accuracy'])} | {_pct(scores['macro_f1'])} | {_pct(scores['f_avg'])} "
        f"| {scores['n']} |"
    )


def split_markdown(name: str, result: dict[str, Any]) -> list[str]:
    results = result["results"]
    first = next(iter(results.values()))
    lines = [
        f"### {name} ({len(result['articles'])} articles)",
        "",
        f"- claim recall: {_pct(first['claims']['recall'])} ({first['claims']['found']}/{first['claims']['gold']} gold "
        "claims covered at least half by one predicted claim)",
        f"- attribution accuracy: {_pct(first['attribution']['accuracy'])} "
        f"({first['attribution']['right']}/{first['attribution']['found']} found claims with the right speaker)",
        "",
    ]
    majority = result["majority_baseline"]
    for level, title in (
        ("claim_x_topic", "Claim x topic (on the gold claims)"),
        ("speaker_x_topic", "Speaker x topic (end to end)"),
    ):
        lines += [f"{title}:", "", "| predictor | accuracy | macro-F1 | F_avg | n |", "|---|---|---|---|---|"]
        lines += [_stance_row(p, r[level]) for p, r in results.items()]
        lines += [_stance_row("majority (NONE)", majority[level]), ""]
    mistakes = result["mistakes"].get("model", [])[:10]
    if mistakes:
        lines += ["Mistakes of the model (first 10):", ""]
        for m in mistakes:
            detail = m.get("text", f"{m.get('speaker')} x {m.get('topic')}")
            extra = f" (gold {m['gold']}, predicted {m['predicted']})" if "gold" in m else ""
            lines.append(f"- {m['article']} {m['kind']}: {detail[:120]!r}{extra}")
        lines.append("")
    return lines


def evaluation_markdown(metrics: dict[str, Any], title: str) -> str:
    lines = [f"# Evaluation: {title}", ""]
    for name, result in metrics.items():
        lines += split_markdown(name, result)
    return "\n".join(lines)


def model_card(meta: dict[str, Any], metrics: dict[str, Any]) -> str:
    splits = meta["splits"]
    return "\n".join(
        [
            f"# stance model {meta['run']}",
            "",
            f"A {meta['base_model']} cross-encoder fine-tuned to label (topic, claim in context) pairs as "
            "FAVOR / AGAINST / NONE. Load it with `stance analyze --model <this folder>`.",
            "",
            "| file | what it is |",
            "|---|---|",
            "| `model.safetensors`, `config.json` | the fine-tuned encoder and its settings (labels in `id2label`) |",
            "| `stance_head.safetensors` | the 3-way head over the mean of the token vectors (`model.pooling: mean`) |",
            "| `tokenizer.json`, `tokenizer_config.json`, `vocab.txt` | the tokenizer |",
            "| `stance_config.yaml` | the resolved config it was trained with (formatter settings included) |",
            "| `meta.json` | git commit, package versions, seed, device, splits, sha256 of every data file |",
            "| `train_log.jsonl` | loss, dev scores and speed per epoch |",
            "| `baseline.pkl` | the TF-IDF + logistic regression baseline trained on the same pairs |",
            "| `metrics.json`, `evaluation.md` | its evaluation on dev, test and seeds/, beside the baselines |",
            "",
            f"Trained on {len(splits['train'])} articles ({meta['train_pairs']} pairs) in {meta['train_seconds']} s "
            f"on {meta['device']}; best epoch {meta['best_epoch']['epoch']}, chosen on dev "
            f"({len(splits['dev'])} articles). Test: {len(splits['test'])} articles, never used for selection.",
            "",
            evaluation_markdown(metrics, meta["run"]).split("\n", 2)[-1],
        ]
    )


def analysis_markdown(analysis: Analysis) -> str:
    """A speaker x topic table, then every claim with its speaker and stances."""
    att = analysis.attribution
    names = {s.id: s.name for s in att.speakers}
    topics = analysis.topics
    lines = [f"## {att.article.title or att.article.id}", ""]
    grid = {(s.speaker, s.topic): s for s in analysis.speaker_stances}
    lines += ["| speaker | " + " | ".join(t.name for t in topics) + " |", "|---" * (len(topics) + 1) + "|"]
    for speaker in att.speakers:
        cells = []
        for topic in topics:
            s = grid[(speaker.id, topic.id)]
            ev = f" ({', '.join(s.evidence[:3])})" if s.evidence else ""
            cells.append(f"{s.label.value} {s.confidence:.2f}{ev}")
        lines.append(f"| {speaker.name} | " + " | ".join(cells) + " |")
    lines += ["", "| claim | speaker | mode | text | stances |", "|---|---|---|---|---|"]
    by_claim: dict[str, list[str]] = {}
    for cs in analysis.claim_stances:
        if cs.label.value != "NONE":
            by_claim.setdefault(cs.claim, []).append(f"{cs.topic}: {cs.label.value} {cs.confidence:.2f}")
    for c in att.claims:
        text = c.text.replace("|", "\\|")
        lines.append(
            f"| {c.id} | {names.get(c.speaker or '', '–')} | {c.mode.value} | {text} | "
            f"{'; '.join(by_claim.get(c.id, [])) or 'NONE'} |"
        )
    for warning in att.warnings:
        lines.append(f"\n> warning: {warning}")
    return "\n".join(lines) + "\n"
