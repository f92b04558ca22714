"""The whole pipeline with a tiny BERT built in code: train, analyze, evaluate, through the CLI."""

import json
import os
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline import PROJECT_ROOT
from pipeline.cli import app

SEED = PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.txt"
SCHEMA = json.loads((PROJECT_ROOT / "pipeline" / "schemas" / "stance-analysis-1.schema.json").read_text())


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_model_folder_explains_itself(tiny_model: Path):
    names = {p.name for p in tiny_model.iterdir()}
    assert {
        "model.safetensors",
        "config.json",
        "tokenizer.json",
        "stance_config.yaml",
        "meta.json",
        "train_log.jsonl",
        "metrics.json",
        "evaluation.md",
        "baseline.pkl",
        "calibration.json",
        "embedding_head.pkl",
        "report.html",
        "README.md",
    } <= names
    meta = json.loads((tiny_model / "meta.json").read_text())
    assert meta["seed"] == 13 and meta["device"] == "cpu" and meta["labels"] == ["FAVOR", "AGAINST", "NONE"]
    assert meta["packages"]["torch"].startswith("2.13.0")
    assert len(meta["splits"]["train"]) == 2 and all(len(h) == 64 for h in meta["data_sha256"].values())
    latest = tiny_model.parent / "latest"
    assert latest.is_symlink() and os.readlink(latest) == tiny_model.name
    assert not [p for p in tiny_model.parent.iterdir() if p.name.startswith(".tmp")]
    metrics = json.loads((tiny_model / "metrics.json").read_text())
    assert set(metrics) == {"dev", "test", "seeds"}
    assert metrics["seeds"]["claims"]["recall"] == 1.0
    assert meta["train_topics"] and metrics["test"]["stance"]["model"]["unseen_topics"]["topics"] is not None
    calibration = json.loads((tiny_model / "calibration.json").read_text())
    assert calibration["fitted_on"] == "dev (1 articles)" and 0.05 <= calibration["temperature"] <= 20
    assert calibration["nll"]["after"] <= calibration["nll"]["before"] + 1e-9


def test_analyze_prints_exactly_the_schema(tiny_model: Path):
    result = run("analyze", SEED, "--model", tiny_model)
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    jsonschema.validate(obj, SCHEMA)
    text = SEED.read_text(encoding="utf-8")
    assert all(text[c["start"] : c["end"]] == c["text"] for c in obj["claims"])
    assert [s["id"] for s in obj["speakers"]] == ["mark_rutte", "manfred_weber"]
    assert all(len(s["stances"]) == 5 for s in obj["speakers"])
    assert all(len(c["stances"]) == 5 for c in obj["claims"])
    assert obj["article"] == {
        "id": "000_39d72c23a529c9cb",
        "source": str(SEED),
        "date": "2025-12-26",
        "title": None,
    }


def test_batch_with_a_bad_article_keeps_the_others(tiny_model: Path, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        json.dumps({"id": "j1", "text": "Merz said that Europe must spend more on defence."}) + "\n{oops\n"
    )
    out = tmp_path / "out"
    result = run("analyze", SEED, empty, batch, "--model", tiny_model, "--out", out)
    assert result.exit_code == 1
    assert f"error: {empty}: empty file" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "000_39d72c23a529c9cb.json",
        "failures.jsonl",
        "j1.json",
        "stance_config.yaml",
    ]
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [f["source"] for f in failures] == [str(empty), f"{batch}:2"]
    jsonschema.validate(json.loads((out / "j1.json").read_text()), SCHEMA)


def test_several_articles_print_jsonl_and_md_is_readable(tiny_model: Path, tmp_path: Path):
    other = tmp_path / "other.txt"
    other.write_text("Budget talks\n\nThe minister said that defence spending must rise.", encoding="utf-8")
    result = run("analyze", SEED, other, "--model", tiny_model)
    lines = result.stdout.strip().splitlines()
    assert result.exit_code == 0 and len(lines) == 2 and json.loads(lines[1])["article"]["title"] == "Budget talks"
    md = run("analyze", SEED, "--model", tiny_model, "--format", "md")
    assert md.exit_code == 0 and "| Mark Rutte |" in md.stdout and "| c01 | Mark Rutte | reported |" in md.stdout


def test_custom_topics(tiny_model: Path, tmp_path: Path):
    topics = tmp_path / "topics.json"
    topics.write_text(json.dumps([{"id": "nato", "name": "NATO"}]))
    obj = json.loads(run("analyze", SEED, "--model", tiny_model, "--topics", topics).stdout)
    assert obj["topics"] == [{"id": "nato", "name": "NATO"}]
    assert {st["topic"] for s in obj["speakers"] for st in s["stances"]} == {"nato"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["analyze", "nope.txt", "--set", "analyze.model=/nonexistent"],
            "error: no trained model: run `make train`",
        ),
        (["analyze", SEED, "--model", "/nonexistent"], "error: /nonexistent: not a trained model folder"),
        (["analyze", SEED, "--format", "xml"], "error: --format must be json, jsonl, md or html, not 'xml'"),
        (["analyze", SEED, "--min-confidence", "1.5"], "error: --min-confidence must be between 0 and 1, not 1.5"),
    ],
)
def test_bad_invocations_are_one_line(args, message):
    result = run(*args)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1].startswith(message)


def test_missing_article_and_bad_topics(tiny_model: Path, tmp_path: Path):
    result = run("analyze", tmp_path / "missing.txt", "--model", tiny_model)
    assert result.exit_code == 1 and f"error: {tmp_path / 'missing.txt'}: no such file" in result.stderr
    bad = tmp_path / "t.yaml"
    bad.write_text("topics: 3")
    result = run("analyze", SEED, "--model", tiny_model, "--topics", bad)
    assert result.exit_code == 1 and "expected a non-empty list of topics" in result.stderr


def test_quotes_needs_no_model():
    result = run("quotes", SEED)
    assert result.exit_code == 0
    obj = json.loads(result.stdout)
    first = obj["claims"][0]
    assert first["speaker"] == "mark_rutte" and first["cue"] == "dismissed"
    assert first["speaker_found_by"] == "description" and first["source"] == "NATO secretary general"


def test_evaluate_writes_json_markdown_and_html(tiny_model: Path, tmp_path: Path):
    result = run("evaluate", "--gold", PROJECT_ROOT / "seeds", "--model", tiny_model, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert "recall 1.000 = gold claims" in result.stdout and "| TF-IDF + LR |" in result.stdout
    assert "(25/25 covered gold claims with the right speaker)" in result.stdout
    metrics = json.loads((tmp_path / "seeds.json").read_text())["seeds"]
    assert metrics["attribution"]["right"] == 25
    assert metrics["attribution"]["by_mode"] == {
        "direct": {"n": 14, "accuracy": 1.0},
        "reported": {"n": 11, "accuracy": 1.0},
    }
    assert (
        metrics["stance"]["model"]["claim_x_topic"]["n"] == 125
        and sum(map(sum, metrics["stance"]["model"]["claim_x_topic"]["confusion"])) == 125
    )
    html = (tmp_path / "seeds.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and 'id="article-000_39d72c23a529c9cb"' in html


def tiny_corpus(tiny_model: Path) -> list[str]:
    corpus = tiny_model.parent.parent / "corpus"
    return ["--set", f"train.data_dir={corpus}", "--set", f"train.splits_file={corpus / 'splits.json'}"]


def test_report_writes_one_page_over_several_sets(tiny_model: Path, tmp_path: Path):
    out = tmp_path / "r.html"
    result = run(
        "report",
        "--gold",
        PROJECT_ROOT / "seeds",
        "--split",
        "dev",
        "--model",
        tiny_model,
        "--out",
        out,
        *tiny_corpus(tiny_model),
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert (
        'id="set-seeds"' in html
        and 'id="set-split-dev"' in html
        and "http://" not in html.replace("http://www.w3.org", "")
    )


def test_calibrate_refits_the_temperature(tiny_model: Path, tmp_path: Path):
    import shutil

    copy = tmp_path / "m"
    shutil.copytree(tiny_model, copy)
    (copy / "calibration.json").unlink()
    result = run("calibrate", "--model", copy, *tiny_corpus(tiny_model))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("temperature ") and (copy / "calibration.json").exists()


def test_the_two_stage_recipe_trains_on_public_data_first(tmp_path: Path):
    from pipeline.train import train
    from tests.conftest import copy_corpus, tiny_config
    from tests.test_public import write_ibm

    write_ibm(tmp_path / "datasets" / "ibm_claim_stance")
    copy_corpus(tmp_path / "corpus")
    cfg = tiny_config(tmp_path, f"train.datasets_root={tmp_path / 'datasets'}", "train.pretrain=[ibm]")
    run = train(cfg, "two-stage")
    meta = json.loads((run / "meta.json").read_text())
    assert meta["pretrain"]["datasets"] == ["ibm"] and meta["pretrain"]["pairs"] == 1
    assert len((run / "pretrain_log.jsonl").read_text().splitlines()) == 1


def test_a_damaged_model_folder_is_one_line(tiny_model: Path, tmp_path: Path):
    import shutil

    broken = tmp_path / "m"
    shutil.copytree(tiny_model, broken)
    (broken / "baseline.pkl").write_text("garbage")
    result = run("evaluate", "--model", broken, "--out", tmp_path / "e")
    assert result.exit_code == 1 and f"error: {broken / 'baseline.pkl'}: cannot load" in result.stderr
    (broken / "calibration.json").write_text('{"temperature": "hot"}')
    result = run("analyze", SEED, "--model", broken)
    assert result.exit_code == 1 and "calibration.json: not a calibration file" in result.stderr


def test_speaker_in_input_reaches_training_and_prediction(tmp_path: Path):
    from pipeline.classify import StanceClassifier, format_pair
    from pipeline.config import load_config
    from pipeline.finetune import gold_pairs
    from pipeline.records import Topic
    from pipeline.runner import gold_sets
    from pipeline.train import train
    from tests.conftest import copy_corpus, tiny_config

    topic = Topic(id="t", name="Tariffs")
    assert format_pair(topic, "They must go.", "", "Jane Doe") == ("Tariffs", "Jane Doe: They must go.")
    copy_corpus(tmp_path / "corpus")
    cfg = tiny_config(tmp_path, "model.speaker_in_input=true")
    items = gold_sets(cfg, [], ["train"])["split-train"]
    pairs, _ = gold_pairs(items, 0, speaker=True)
    gold = items[0].gold
    first = next(c for c in gold.claims if c.speaker)
    name = next(s.name for s in gold.speakers if s.id == first.speaker)
    assert any(second == f"{name}: {first.text}" for _, second in pairs)
    model = train(cfg, "speaker")
    saved = load_config(model / "stance_config.yaml", [])
    assert StanceClassifier.load(model, saved.model).speaker_in_input
    result = run("analyze", SEED, "--model", model)
    assert result.exit_code == 0, result.output
