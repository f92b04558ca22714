"""Plots for the HTML report, as inline SVG strings (no files, no network, text kept as text).

matplotlib's object API (`Figure`, not pyplot) needs no display and keeps no global state between plots.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from pipeline.metrics import LABEL_NAMES

# Text stays text (smaller, searchable); a fixed hash salt and no date make the SVG the same run to run.
matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "stance", "font.size": 9})
BLUE, ORANGE, GREY = "#2b6cb0", "#dd6b20", "#a0aec0"


def _svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)  # RDF licence block: not for a page
    return svg[svg.index("<svg") :]  # drop the XML prolog and doctype: the SVG goes inline into HTML


def confusion_svg(cm: Sequence[Sequence[int]], title: str) -> str:
    """Counts, with each row shaded by its share of the gold class so that small classes stay readable."""
    fig = Figure(figsize=(3.4, 3.0))
    ax = fig.add_subplot()
    shares = [[v / max(1, sum(row)) for v in row] for row in cm]
    ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    for i, row in enumerate(cm):
        for j, value in enumerate(row):
            ax.text(j, i, str(value), ha="center", va="center", color="white" if shares[i][j] > 0.6 else "black")
    ax.set_xticks(range(3), LABEL_NAMES)
    ax.set_yticks(range(3), LABEL_NAMES)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    return _svg(fig)


def reliability_svg(before: Sequence[dict[str, Any]], after: Sequence[dict[str, Any]], title: str) -> str:
    """Accuracy against confidence per bin, raw and calibrated; the diagonal is perfect calibration."""
    fig = Figure(figsize=(3.6, 3.2))
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color=GREY, linestyle="--", linewidth=1, label="perfect")
    for bins, colour, label in ((before, ORANGE, "raw"), (after, BLUE, "calibrated")):
        if bins:
            ax.plot(
                [b["confidence"] for b in bins],
                [b["accuracy"] for b in bins],
                marker="o",
                color=colour,
                label=label,
            )
    ax.set_xlim(0.3, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel("confidence of the predicted label")
    ax.set_ylabel("accuracy")
    ax.set_title(title)
    ax.legend(loc="upper left", frameon=False)
    return _svg(fig)


def per_topic_svg(rows: Sequence[dict[str, Any]], baseline: Sequence[dict[str, Any]], title: str) -> str:
    """F_avg per topic, model against baseline, for the topics that have at least one stanced pair."""
    base = {r["topic"]: r for r in baseline}
    shown = [r for r in rows if r["stanced"]][:25]
    fig = Figure(figsize=(5.6, 0.6 + 0.24 * max(1, len(shown))))
    ax = fig.add_subplot()
    y = range(len(shown))
    ax.barh([i - 0.2 for i in y], [r["f_avg"] for r in shown], height=0.4, color=BLUE, label="model")
    ax.barh([i + 0.2 for i in y], [base.get(r["topic"], {}).get("f_avg", 0.0) for r in shown], 0.4, color=GREY)
    ax.set_yticks(list(y), [f"{r['name'][:38]} ({r['stanced']})" for r in shown])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("F_avg (stanced gold pairs in brackets)")
    ax.set_title(title)
    ax.legend(["model", "TF-IDF + LR"], loc="lower right", frameon=False)
    return _svg(fig)
