"""Markdown for people: evaluation reports, the model card, and the analysis of one article."""

from __future__ import annotations

from typing import Any

from pipeline.metrics import LABEL_NAMES
from pipeline.records import Analysis

PREDICTOR_NAMES = {
    "model": "fine-tuned MiniLM",
    "embed_lr": "MiniLM embeddings + LR",
    "tfidf_lr": "TF-IDF + LR",
    "majority": "majority (NONE)",
}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def with_interval(value: float | None, interval: list[float] | None) -> str:
    """0.568 [0.512, 0.621]: a figure and its bootstrap 95% interval."""
    if interval is None:
        return _pct(value)
    return f"{_pct(value)} [{interval[0]:.3f}, {interval[1]:.3f}]"


def stance_rows(result: dict[str, Any], level: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(predictor label, scores, intervals) for the model, its baseline and the majority class."""
    rows = [(name, figures[level], result["intervals"].get(name, {})) for name, figures in result["stance"].items()]
    rows.append(("majority", result["majority_baseline"][level], result["intervals"].get("majority", {})))
    return [(PREDICTOR_NAMES.get(name, name), scores, ci) for name, scores, ci in rows]


def _stance_table(result: dict[str, Any], level: str) -> list[str]:
    lines = [
        "| predictor | accuracy | macro-F1 [95% CI] | F_avg [95% CI] | F1 FAVOR | F1 AGAINST | F1 NONE | n |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, sc, ci in stance_rows(result, level):
        if not sc.get("n"):
            lines.append(f"| {name} | – | – | – | – | – | – | 0 |")
            continue
        f1 = sc["f1"]
        lines.append(
            f"| {name} | {_pct(sc['accuracy'])} | {with_interval(sc['macro_f1'], ci.get(f'{level}_macro_f1'))} "
            f"| {with_interval(sc['f_avg'], ci.get(f'{level}_f_avg'))} | {_pct(f1['FAVOR'])} | {_pct(f1['AGAINST'])} "
            f"| {_pct(f1['NONE'])} | {sc['n']} |"
        )
    return lines


def _confusion_table(cm: list[list[int]]) -> list[str]:
    lines = ["| gold ↓ predicted → | " + " | ".join(LABEL_NAMES) + " |", "|---" * 4 + "|"]
    lines += [
        f"| {gold} | " + " | ".join(str(v) for v in row) + " |" for gold, row in zip(LABEL_NAMES, cm, strict=True)
    ]
    return lines


def unseen_line(result: dict[str, Any]) -> list[str]:
    """Claim x topic on topics no training article had, for each predictor."""
    found = {n: f["unseen_topics"] for n, f in result["stance"].items() if f.get("unseen_topics", {}).get("n")}
    if not found:
        return []
    first = next(iter(found.values()))
    parts = [
        f"{PREDICTOR_NAMES.get(n, n)} macro-F1 {_pct(u['macro_f1'])}, F_avg {_pct(u['f_avg'])}"
        for n, u in found.items()
    ]
    return [f"Topics never trained on ({len(first['topics'])}, {first['n']} pairs): " + "; ".join(parts) + ".", ""]


def per_class_rows(scores: dict[str, Any]) -> list[list[Any]]:
    return [
        [lab, scores["precision"][lab], scores["recall"][lab], scores["f1"][lab], scores["support"][lab]]
        for lab in LABEL_NAMES
    ]


def per_class_table(scores: dict[str, Any]) -> list[str]:
    lines = ["| label | precision | recall | F1 | gold pairs |", "|---|---|---|---|---|"]
    return lines + [f"| {a} | {_pct(b)} | {_pct(c)} | {_pct(d)} | {e} |" for a, b, c, d, e in per_class_rows(scores)]


def _grouped(title: str, groups: dict[str, dict[str, float]]) -> str:
    return f"{title}: " + ", ".join(f"{k} {_pct(v['accuracy'])} (n={v['n']})" for k, v in groups.items())


def _mistake_line(m: dict[str, Any]) -> str:
    where = f"{m['article']} {m.get('claim', '')}".strip()
    if m["kind"] == "wrong speaker":
        return f"- {where}: {m['text'][:110]!r}: gold {m['gold']}, predicted {m['predicted']} (by {m['found_by']})"
    if m["kind"] == "wrong stance":
        return (
            f"- {where} x {m['topic']}: {m['text'][:110]!r}: gold {m['gold']}, "
            f"predicted {m['predicted']} at {m['confidence']:.2f}"
        )
    if m["kind"] == "wrong speaker stance":
        return f"- {where}: {m['speaker']} x {m['topic']}: gold {m['gold']}, predicted {m['predicted']}"
    return f"- {where}: {m['kind']}: {m.get('text', '')[:110]!r}"


def split_markdown(name: str, result: dict[str, Any]) -> list[str]:
    claims, att = result["claims"], result["attribution"]
    model_ci = result["intervals"].get("model", {})
    lines = [
        f"### {name} ({len(result['articles'])} articles)",
        "",
        f"Claims ({claims['gold']} gold, {claims['predicted']} predicted; recall {_pct(claims['recall'])} = gold "
        "claims at least half covered by a predicted one):",
        "",
        "| match | precision | recall | F1 [95% CI] |",
        "|---|---|---|---|",
    ]
    for kind, label in (("overlap", "overlap >= 0.5"), ("exact", "exact")):
        p = claims[kind]
        lines.append(
            f"| {label} | {_pct(p['precision'])} | {_pct(p['recall'])} "
            f"| {with_interval(p['f1'], model_ci.get(f'claims_f1_{kind}'))} |"
        )
    lines += [
        "",
        f"Attribution accuracy {with_interval(att['accuracy'], model_ci.get('attribution_accuracy'))} "
        f"({att['right']}/{att['found']} covered gold claims with the right speaker).",
        "",
        f"- {_grouped('by mode', att['by_mode'])}",
        f"- {_grouped('by how the speaker was found', att['by_method'])}",
        "",
    ]
    for level, title in (
        ("claim_x_topic", "Claim x topic (on the gold claims)"),
        ("speaker_x_topic", "Speaker x topic (end to end)"),
    ):
        lines += [f"{title}:", "", *_stance_table(result, level), ""]
    model = result["stance"].get("model")
    if model and model["claim_x_topic"].get("n"):
        cal = model["calibration"]
        lines += ["Per class, the model, claim x topic:", "", *per_class_table(model["claim_x_topic"]), ""]
        lines += unseen_line(result)
        lines += [
            "Confusion matrix of the model, claim x topic:",
            "",
            *_confusion_table(model["claim_x_topic"]["confusion"]),
        ]
        lines += [
            "",
            f"Calibration: temperature {cal['temperature']:.3f}; expected calibration error (10 bins) "
            f"{_pct(cal['ece']['before'])} raw, {_pct(cal['ece']['after'])} calibrated.",
            "",
            "Per topic (claim x topic, the model):",
            "",
            "| topic | stanced pairs | n | macro-F1 | F_avg |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {t['name']} | {t['stanced']} | {t['n']} | {_pct(t['macro_f1'])} | {_pct(t['f_avg'])} |"
            for t in model["per_topic"]
        ]
        lines.append("")
    for kind, items in result["mistakes"].get("model", {}).items():
        lines += [f"Worst mistakes, {kind} ({len(items)} shown):", "", *map(_mistake_line, items), ""]
    return lines


def evaluation_markdown(metrics: dict[str, Any], title: str) -> str:
    lines = [f"# Evaluation: {title}", ""]
    for name, result in metrics.items():
        lines += split_markdown(name, result)
    lines.append(
        "Intervals: bootstrap 95% percentile intervals, 1,000 resamples of the articles. F_avg = mean F1 of FAVOR "
        "and AGAINST (SemEval-2016)."
    )
    return "\n".join(lines) + "\n"


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
            "| `calibration.json` | the temperature fitted on dev, with calibration error before and after |",
            "| `baseline.pkl` | the TF-IDF + logistic regression baseline trained on the same pairs |",
            "| `embedding_head.pkl` | a SetFit-style rival: logistic regression on frozen MiniLM embeddings |",
            "| `metrics.json`, `evaluation.md` | its evaluation on dev, test and seeds/, beside the baselines |",
            "| `report.html` | the same evaluation as one page: plots, and every article with gold and predictions |",
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
