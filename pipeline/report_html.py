"""The evaluation report as one self-contained HTML page: headline figures with intervals, plots, error
analysis, then every article with gold and predictions side by side (the article view of `pipeline.html`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from pipeline import plots
from pipeline.html import article_view, page
from pipeline.report import PREDICTOR_NAMES, per_class_rows, stance_rows, unseen_line, with_interval

if TYPE_CHECKING:
    from pipeline.evaluate import Evaluation

LEVELS = (("claim_x_topic", "Claim x topic (gold claims)"), ("speaker_x_topic", "Speaker x topic (end to end)"))


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], cls: str = "") -> str:
    """Cells are escaped here; numbers are printed with three decimals."""

    def cell(value: Any) -> str:
        return escape(f"{value:.3f}" if isinstance(value, float) else str(value))

    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def headline(name: str, result: dict[str, Any]) -> str:
    """The figures a reader looks at first, each with its bootstrap interval."""
    ci = result["intervals"].get("model", {})
    model = result["stance"].get("model", {})
    cards = [
        ("claims F1 (overlap)", result["claims"]["overlap"]["f1"], ci.get("claims_f1_overlap")),
        ("attribution accuracy", result["attribution"]["accuracy"], ci.get("attribution_accuracy")),
        ("claim x topic macro-F1", model.get("claim_x_topic", {}).get("macro_f1"), ci.get("claim_x_topic_macro_f1")),
        (
            "speaker x topic macro-F1",
            model.get("speaker_x_topic", {}).get("macro_f1"),
            ci.get("speaker_x_topic_macro_f1"),
        ),
    ]
    return f'<div class="cards" data-set="{escape(name)}">' + "".join(card(*c) for c in cards) + "</div>"


def card(label: str, value: float | None, interval: list[float] | None) -> str:
    figure = "–" if value is None else f"{value:.3f}"
    ci = f"95% CI {interval[0]:.3f} – {interval[1]:.3f}" if interval else ""
    return (
        f'<div class="card"><div class="figure">{figure}</div><div class="interval">{ci}</div>'
        f'<div class="label">{escape(label)}</div></div>'
    )


def stance_table(result: dict[str, Any], level: str) -> str:
    rows = []
    for label, sc, ci in stance_rows(result, level):
        if sc.get("n"):
            f1 = sc["f1"]
            rows.append(
                [
                    label,
                    sc["accuracy"],
                    with_interval(sc["macro_f1"], ci.get(f"{level}_macro_f1")),
                    with_interval(sc["f_avg"], ci.get(f"{level}_f_avg")),
                    f1["FAVOR"],
                    f1["AGAINST"],
                    f1["NONE"],
                    sc["n"],
                ]
            )
    header = ["predictor", "accuracy", "macro-F1 [95% CI]", "F_avg [95% CI]", "F1 FAVOR", "F1 AGAINST", "F1 NONE", "n"]
    return table(header, rows, "scores")


def extraction_tables(result: dict[str, Any]) -> str:
    claims, att = result["claims"], result["attribution"]
    ci = result["intervals"].get("model", {})
    match_rows = [
        [label, claims[k]["precision"], claims[k]["recall"], with_interval(claims[k]["f1"], ci.get(f"claims_f1_{k}"))]
        for k, label in (("overlap", "overlap >= 0.5"), ("exact", "exact"))
    ]
    groups = [
        [f"{kind}: {k}", v["n"], v["accuracy"]] for kind in ("by_mode", "by_method") for k, v in att[kind].items()
    ]
    return (
        "<h3>Claims</h3>"
        + table(["match", "precision", "recall", "F1 [95% CI]"], match_rows)
        + f"<h3>Attribution: accuracy {escape(with_interval(att['accuracy'], ci.get('attribution_accuracy')))}</h3>"
        + table(["group", "claims", "accuracy"], [[g.replace("by_", "by "), n, a] for g, n, a in groups])
    )


def figures(result: dict[str, Any]) -> str:
    model = result["stance"].get("model")
    if not model or not model["claim_x_topic"].get("n"):
        return ""
    cal = model["calibration"]
    baseline = result["stance"].get("tfidf_lr", {}).get("per_topic", [])
    ece = f"ECE {cal['ece']['before']:.3f} raw, {cal['ece']['after']:.3f} calibrated (T = {cal['temperature']:.2f})"
    return (
        '<div class="plots">'
        f"<figure>{plots.confusion_svg(model['claim_x_topic']['confusion'], 'claim x topic, model')}"
        "<figcaption>Confusion matrix (rows: gold)</figcaption></figure>"
        f"<figure>{plots.reliability_svg(cal['reliability']['before'], cal['reliability']['after'], 'reliability')}"
        f"<figcaption>{escape(ece)}</figcaption></figure>"
        f"<figure>{plots.per_topic_svg(model['per_topic'], baseline, 'per topic')}"
        "<figcaption>F_avg per topic</figcaption></figure>"
        "</div>"
    )


def mistakes(result: dict[str, Any]) -> str:
    out = []
    for kind, items in result["mistakes"].get("model", {}).items():
        rows = [
            [
                m["article"],
                m.get("claim", ""),
                m.get("text", m.get("speaker", ""))[:160],
                m.get("topic", ""),
                m.get("gold", ""),
                m.get("predicted", ""),
                m["confidence"] if isinstance(m.get("confidence"), float) else m.get("found_by", ""),
            ]
            for m in items
        ]
        header = ["article", "claim", "text / speaker", "topic", "gold", "predicted", "confidence / found by"]
        out.append(f"<h3>Worst mistakes: {escape(kind)}</h3>" + table(header, rows, "mistakes"))
    return "".join(out)


def per_topic_table(result: dict[str, Any]) -> str:
    model = result["stance"].get("model")
    if not model:
        return ""
    rows = [[t["name"], t["stanced"], t["n"], t["macro_f1"], t["f_avg"]] for t in model["per_topic"]]
    return "<h3>Per topic (claim x topic)</h3>" + table(["topic", "stanced", "n", "macro-F1", "F_avg"], rows)


def set_section(name: str, evaluation: Evaluation) -> str:
    result = evaluation.metrics
    stance = "".join(f"<h3>{escape(title)}</h3>{stance_table(result, level)}" for level, title in LEVELS)
    model = result["stance"].get("model")
    if model and model["claim_x_topic"].get("n"):
        header = ["label", "precision", "recall", "F1", "gold pairs"]
        stance += "<h3>Per class (claim x topic, the model)</h3>" + table(
            header, per_class_rows(model["claim_x_topic"])
        )
        stance += "".join(f"<p>{escape(line)}</p>" for line in unseen_line(result) if line)
    toc = " ".join(
        f'<a href="#article-{escape(a.attribution.article.id)}">{escape(a.attribution.article.id)}</a>'
        for a, _ in evaluation.views
    )
    articles = "".join(article_view(analysis, gold) for analysis, gold in evaluation.views)
    return (
        f'<section class="set" id="set-{escape(name)}"><h2>{escape(name)} ({len(result["articles"])} articles)</h2>'
        + headline(name, result)
        + figures(result)
        + extraction_tables(result)
        + stance
        + per_topic_table(result)
        + mistakes(result)
        + f'<h3>Articles</h3><p class="toc">{toc}</p>{articles}</section>'
    )


def evaluation_html(evaluations: Mapping[str, Evaluation], title: str) -> str:
    sets = " · ".join(f'<a href="#set-{escape(n)}">{escape(n)}</a>' for n in evaluations)
    intro = (
        f"<h1>Evaluation: {escape(title)}</h1><p>Sets: {sets}. Figures in brackets are bootstrap 95% intervals "
        "(1,000 resamples of the articles). Baselines: "
        + ", ".join(PREDICTOR_NAMES[k] for k in ("embed_lr", "tfidf_lr", "majority"))
        + ". F_avg is the mean F1 of FAVOR and AGAINST (SemEval-2016).</p>"
    )
    return page(f"stance evaluation: {title}", intro + "".join(set_section(n, e) for n, e in evaluations.items()))
