"""The project's own labelled corpus: every gold file valid, the split frozen and sound, agreement computed."""

import json

from typer.testing import CliRunner

from pipeline import PROJECT_ROOT
from pipeline.cli import app
from pipeline.data import load_corpus, load_splits

DATA = PROJECT_ROOT / "data"


def test_every_gold_file_is_valid():
    result = CliRunner().invoke(app, ["data", "validate"])
    assert result.exit_code == 0, result.stdout
    assert result.stderr.strip().endswith("167/167 gold files valid")  # the 166 articles and the seed


def test_split_is_by_article_and_holds_out_topics():
    corpus = {g.article.id: g for g in load_corpus(DATA / "articles")}
    splits = load_splits(DATA / "splits.json", set(corpus))
    assert sorted(i for ids in splits.values() for i in ids) == sorted(corpus)
    held_out = set(json.loads((DATA / "splits.json").read_text())["held_out_topics"])
    seen_in_training = {t.id for i in splits["train"] + splits["dev"] for t in corpus[i].gold.topics}
    assert held_out and not held_out & seen_in_training
    assert all(held_out & {t.id for t in corpus[i].gold.topics} for i in splits["test"] if i.startswith("wld_00"))


def test_agreement_command_reports_kappa():
    result = CliRunner().invoke(app, ["data", "agreement"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["articles"] == 30 and report["claims"] == 445
    assert report["claim_x_topic"]["cohen_kappa"] >= 0.75 and report["attribution_agreement"] >= 0.95
