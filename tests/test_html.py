"""The HTML article view as plain strings: escaping, offsets, the speaker x topic grid, a page without URLs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from pipeline import PROJECT_ROOT
from pipeline.analyze import classify, extract
from pipeline.cli import app
from pipeline.config import load_config
from pipeline.html import analyses_html, article_view, details_json, grid_rows, page, topic_abbrevs
from pipeline.io import load_gold
from pipeline.records import (
    Analysis,
    Article,
    Attribution,
    Claim,
    ClaimStance,
    GoldArticle,
    Label,
    Mode,
    Speaker,
    SpeakerStance,
    Topic,
)

SEED_GOLD = PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.gold.json"


class FakePredictor:
    """Fixed, varied probabilities (a Dirichlet draw per pair): every label shows up, no model is needed."""

    context_chars = 80
    speaker_in_input = False

    def predict_proba(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        return np.random.default_rng(13).dirichlet([1.0, 1.0, 2.0], size=len(pairs))


def seed_analysis() -> tuple[Analysis, GoldArticle]:
    """The seed article through the real extraction, stances from the fake predictor, and its gold."""
    item = load_gold(SEED_GOLD)
    attribution = extract(item.article, load_config(None, []))
    return classify(attribution, item.gold.topics, FakePredictor(), 0.0), item


@pytest.fixture(scope="module")
def seed() -> tuple[Analysis, GoldArticle]:
    return seed_analysis()


def hostile_analysis() -> Analysis:
    """A claim whose text would run a script, and a speaker named like markup, built by hand."""
    text = 'Intro.\n\nMallory said "</script><script>window.pwned = 1</script> & <b>bold</b>" today.\n'
    start = text.index("</script>")
    end = text.index('" today')
    topic = Topic(id="t1", name="Topic <one>")
    speaker = Speaker(id="mallory", name="Mallory <img src=x onerror=alert(1)>")
    claim = Claim(id="c1", start=start, end=end, text=text[start:end], mode=Mode.DIRECT, speaker="mallory")
    stance = ClaimStance(claim="c1", topic="t1", label=Label.FAVOR, confidence=0.7, probs=(0.7, 0.1, 0.2))
    return Analysis(
        attribution=Attribution(article=Article(id="hostile", text=text), claims=(claim,), speakers=(speaker,)),
        topics=(topic,),
        claim_stances=(stance,),
        speaker_stances=(SpeakerStance(speaker="mallory", topic="t1", label=Label.FAVOR, confidence=0.7),),
    )


class ClaimSpans(HTMLParser):
    """The text inside each <span class="claim">, keyed by its data-claim or data-gold id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.spans: list[tuple[str, str]] = []
        self.current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "span" and found.get("class") == "claim":
            self.current = found.get("data-claim") or f"gold:{found.get('data-gold')}"
            self.spans.append((self.current, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            key, text = self.spans[-1]
            self.spans[-1] = (key, text + data)


def claim_spans(markup: str) -> list[tuple[str, str]]:
    parser = ClaimSpans()
    parser.feed(markup)
    return parser.spans


def test_article_text_is_escaped_everywhere():
    markup = page("<title>", article_view(hostile_analysis()))
    assert "<script>window.pwned" not in markup and "<img src=x" not in markup and "<b>bold" not in markup
    assert "&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in markup
    assert "<title>&lt;title&gt;</title>" in markup
    # Only the two real script elements close: the JSON blob and the page's own JS.
    assert markup.count("</script>") == 2
    blob = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', markup, re.S)
    assert blob is not None and "<" not in blob.group(1)
    assert json.loads(blob.group(1))["claims"]["c1"]["text"].startswith("</script><script>")


def test_claim_spans_hold_exactly_the_offsets(seed):
    analysis, item = seed
    text = analysis.attribution.article.text
    spans = claim_spans(article_view(analysis, item.gold))
    predicted = [(k, t) for k, t in spans if not k.startswith("gold:")]
    gold = [(k.removeprefix("gold:"), t) for k, t in spans if k.startswith("gold:")]
    assert predicted == [(c.id, text[c.start : c.end]) for c in analysis.attribution.claims]
    assert gold == [(g.id, text[g.start : g.end]) for g in item.gold.claims]


def test_paragraphs_and_overlapping_claims():
    text = "First paragraph here.\n\nSecond one, longer.\n"
    claims = (
        Claim(id="c1", start=6, end=29, text=text[6:29], mode=Mode.NARRATION),  # across the blank line
        Claim(id="c2", start=10, end=15, text=text[10:15], mode=Mode.NARRATION),  # inside c1: not drawn
    )
    analysis = Analysis(
        attribution=Attribution(article=Article(id="a", text=text), claims=claims, speakers=()),
        topics=(),
        claim_stances=(),
        speaker_stances=(),
    )
    markup = article_view(analysis)
    assert markup.count("<p>") == 2
    assert claim_spans(markup) == [("c1", "paragraph here."), ("c1", "Second")]
    assert "--c:#e2e4e8" in markup  # no speaker: narration grey


def test_grid_rows_compare_with_gold(seed):
    analysis, item = seed
    rows = grid_rows(analysis, item.gold)
    assert [r.speaker for r in rows] == ["Mark Rutte", "Manfred Weber"]
    assert [len(r.cells) for r in rows] == [5, 5]
    gold = {(s.speaker, s.topic): s.stance for s in item.gold.speaker_stances}
    assert [c.gold for c in rows[1].cells] == [gold[("manfred_weber", t.id)] for t in analysis.topics]
    predicted = {(s.speaker, s.topic): s for s in analysis.speaker_stances}
    assert rows[0].cells[0].predicted == predicted[("mark_rutte", "european_defence_autonomy")]
    assert all(c.gold is None for r in grid_rows(analysis) for c in r.cells)
    markup = article_view(analysis, item.gold)
    assert markup.count('<tr><th scope="row">') == 2
    assert markup.count('class="right"') + markup.count('class="wrong"') == 10


def test_a_gold_speaker_the_pipeline_missed_gets_its_own_row(seed):
    analysis, item = seed
    without_weber = analysis.model_copy(
        update={
            "attribution": analysis.attribution.model_copy(update={"speakers": analysis.attribution.speakers[:1]}),
            "speaker_stances": tuple(s for s in analysis.speaker_stances if s.speaker == "mark_rutte"),
        }
    )
    rows = grid_rows(without_weber, item.gold)
    assert [r.speaker for r in rows] == ["Mark Rutte", "Manfred Weber"]
    assert all(c.predicted is None for c in rows[1].cells)
    assert rows[1].cells[0].gold is Label.FAVOR


def test_details_link_predicted_and_gold_claims(seed):
    analysis, item = seed
    details = details_json(analysis, item.gold)
    first = details["claims"]["c01"]
    assert first["speaker"] == "Mark Rutte" and first["cue"] == "dismissed" and first["method"] == "description"
    assert first["gold"] == "c01" and details["gold"]["c01"]["pred"] == "c01"
    assert len(first["stances"]) == 5 and first["stances"][0]["probs"] == pytest.approx(
        [s.probs for s in analysis.claim_stances if s.claim == "c01"][0]
    )
    assert details["gold"]["c01"]["stances"][0] == "AGAINST"


def test_topic_abbrevs_are_unique():
    topics = [
        Topic(id="a", name="European defence autonomy"),
        Topic(id="b", name="Energy Defence Act"),
        Topic(id="c", name="of"),
    ]
    assert topic_abbrevs(topics) == {"a": "EDA", "b": "EDA2", "c": "T3"}


def test_page_is_self_contained(seed):
    analysis, item = seed
    for markup in (page("report", article_view(analysis, item.gold)), analyses_html([analysis, hostile_analysis()])):
        assert markup.startswith("<!DOCTYPE html>") and markup.rstrip().endswith("</html>")
        assert not re.search(r"https?://|//[a-z]", markup)
        assert not re.search(r"<(link|script|img)[^>]+(src|href)=\"(?!data:)", markup)
    both = analyses_html([analysis, hostile_analysis()])
    assert "<title>Stance analysis</title>" in both and 'href="#article-hostile"' in both
    assert both.count('<section class="article"') == 2


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_analyze_format_html(tiny_model: Path, tmp_path: Path):
    seed_txt = PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.txt"
    other = tmp_path / "other.txt"
    other.write_text("Budget talks\n\nThe minister said that defence spending must rise.", encoding="utf-8")
    result = run("analyze", seed_txt, other, "--model", tiny_model, "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.count("<!DOCTYPE html>") == 1
    assert 'id="article-000_39d72c23a529c9cb"' in result.stdout and 'id="article-other"' in result.stdout
    out = tmp_path / "out"
    result = run("analyze", seed_txt, other, "--model", tiny_model, "-f", "html", "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.html")) == ["000_39d72c23a529c9cb.html", "other.html"]
    assert "<title>Stance analysis: Budget talks</title>" in (out / "other.html").read_text(encoding="utf-8")
