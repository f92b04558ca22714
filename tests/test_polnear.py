"""The PolNeAR reader and scorer on a tiny brat file written here (the dataset itself is never needed)."""

from pipeline.analyze import extract
from pipeline.config import Config
from pipeline.ingest import article_from_text
from pipeline.polnear import (
    GoldAttribution,
    PolnearArticle,
    content_units,
    miss_kind,
    parse_ann,
    read_split,
    right_speaker,
    score,
)

TEXT = (
    "Senator Jane Doe spoke in Ohio on Monday.\n\n"
    "\u201cWe will win this state,\u201d Doe said.\n\n"
    "Doe said that the economy was improving. Aides said the campaign was broke."
)


def at(fragment: str, after: int = 0) -> str:
    start = TEXT.index(fragment, after)
    return f"{start} {start + len(fragment)}"


# Source / Cue / Content as an annotator would mark them (content with its quotation mark, as PolNeAR does).
ANN = "\n".join(
    [
        f"T1\tContent {at('“We will win this state')}\t“We will win this state",
        f"T2\tSource {at('Doe', TEXT.index('state'))}\tDoe",
        f"T3\tCue {at('said')}\tsaid",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        f"T4\tSource {at('Doe', TEXT.index('Doe said.') + 5)}\tDoe",
        f"T5\tCue {at('said', TEXT.index('Doe said.') + 9)}\tsaid",
        f"T6\tContent {at('the economy was improving')}\tthe economy was improving",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
        f"T7\tSource {at('Aides')}\tAides",
        f"T8\tCue {at('said', TEXT.index('Aides'))}\tsaid",
        f"T9\tContent {at('the campaign was broke')}\tthe campaign was broke",
        "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7",
    ]
)


def test_brat_standoff_is_read(tmp_path):
    (tmp_path / "data" / "dev" / "text").mkdir(parents=True)
    (tmp_path / "data" / "dev" / "attributions").mkdir()
    (tmp_path / "data" / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "data" / "dev" / "attributions" / "a_x1.ann").write_text(ANN, encoding="utf-8")
    [article] = read_split(tmp_path, "dev")
    assert [TEXT[slice(*g.content)] for g in article.attributions] == [
        "\u201cWe will win this state",
        "the economy was improving",
        "the campaign was broke",
    ]
    assert [TEXT[slice(*g.source)] for g in article.attributions if g.source] == ["Doe", "Doe", "Aides"]
    assert parse_ann("T1\tContent 1 3;5 9\tab cdef\nE1\tAttribution:T1 Content:T1")[0].content == (1, 9)


def test_scores_our_claims_against_the_annotation():
    article = PolnearArticle("a", TEXT, parse_ann(ANN))
    result = score([(article, extract(article_from_text("a", TEXT), Config()))])
    # Doe's quote and Doe's reported clause are found; unnamed "Aides" are never a speaker, by design.
    assert result["content_overlap"]["found"] == 2 and result["content_overlap"]["gold"] == 3
    assert result["content_exact"]["found"] == 2  # quotation marks and punctuation are trimmed on both sides
    assert result["speaker_accuracy"]["all"] == {"accuracy": 1.0, "n": 2}
    assert result["source"]["found"] == 2 and result["cue"]["found"] == 2


def test_a_quote_interrupted_by_its_attribution_is_one_content():
    text = "Senator Jane Doe spoke on Monday.\n\n“The plan,” Doe said, “is dead and buried.”"
    first, second = text.index("“The plan"), text.index("“is dead")
    ann = "\n".join(
        [
            f"T1\tContent {first} {first + 10};{second} {len(text)}\tx",
            f"T2\tSource {text.index('Doe said')} {text.index('Doe said') + 3}\tDoe",
            "E1\tAttribution:T1 Content:T1 Source:T2",
        ]
    )
    attribution = extract(article_from_text("a", text), Config())
    assert len([c for c in attribution.claims if c.mode.value == "direct"]) == 2
    result = score([(PolnearArticle("a", text, parse_ann(ann)), attribution)])
    assert result["content_exact"]["found"] == 1 and result["content_exact"]["predicted"] == 1


def test_an_attribution_clause_between_two_pieces_of_one_quote_keeps_them_one_content():
    text = (
        "Mayor Jane Doe spoke on Monday.\n\n"
        "“The plan is dead,” Doe said, smiling. “We start again.”\n\n"
        "“Nobody will miss it,” she said.\n\n"
        "“Not even me.”"
    )
    attribution = extract(article_from_text("a", text), Config())
    units = [text[slice(*span)] for span, _ in content_units(attribution)]
    # one paragraph, only its attribution between: one content; a new paragraph starts a new one
    assert units == ["The plan is dead,” Doe said, smiling. “We start again.", "Nobody will miss it", "Not even me."]


def test_a_source_annotated_with_its_appositive_counts_our_speaker_right():
    text = "Jane Doe, the finance minister, said on Monday that the budget was balanced."
    source = text.index("Jane"), text.index(" said")  # PolNeAR's source span runs on into the appositive
    content = text.index("the budget"), len(text) - 1
    ann = "\n".join(
        [
            f"T1\tContent {content[0]} {content[1]}\tx",
            f"T2\tSource {source[0]} {source[1]}\tx",
            "E1\tAttribution:T1 Content:T1 Source:T2",
        ]
    )
    attribution = extract(article_from_text("a", text), Config())
    assert [c.speaker for c in attribution.claims] == ["jane_doe"]
    assert right_speaker(attribution, 0, source)
    assert score([(PolnearArticle("a", text, parse_ann(ann)), attribution)])["speaker_accuracy"]["all"]["n"] == 1


def test_missed_contents_are_counted_by_the_kind_of_cue_and_source():
    article = PolnearArticle("a", TEXT, parse_ann(ANN))
    result = score([(article, extract(article_from_text("a", TEXT), Config()))])
    # "Aides said the campaign was broke": a verb of saying, an unnamed group (never a speaker, by design)
    assert result["missed_content_by_kind"] == {"speech cue, description or group": 1}
    shows = GoldAttribution(content=(10, 20), cue=(0, 5), source=None)
    assert miss_kind("shows that it is so", shows) == "other cue, no source"


def test_a_claim_that_holds_its_source_and_cue_is_scored_on_what_follows_the_cue():
    text = "Senator Jane Doe spoke on Monday.\n\nDoe rejected the new pension plan."
    attribution = extract(article_from_text("a", text), Config())
    [claim] = attribution.claims
    assert text[claim.start : claim.end] == "Doe rejected the new pension plan"
    assert [text[slice(*span)] for span, _ in content_units(attribution)] == [" the new pension plan"]


def test_an_initial_or_a_title_in_the_attribution_is_not_a_sentence_end():
    text = "“We need oversight,” said Ronald R. Fieldstone, a lawyer in Miami. “Nobody checks the funds.”"
    attribution = extract(article_from_text("a", text), Config())
    units = [text[slice(*span)] for span, _ in content_units(attribution)]
    assert units == ["We need oversight,” said Ronald R. Fieldstone, a lawyer in Miami. “Nobody checks the funds."]
