"""End to end with the real base model (all-MiniLM-L6-v2 from its pinned package) on a few articles."""

import json

import jsonschema
from typer.testing import CliRunner

from pipeline import PROJECT_ROOT
from pipeline.classify import MINILM_SHA256, minilm_dir, sha256
from pipeline.cli import app
from pipeline.train import train
from tests.conftest import SEED, copy_corpus, tiny_config


def test_base_model_is_the_published_one():
    assert sha256(minilm_dir() / "model.safetensors") == MINILM_SHA256


def test_minilm_fine_tunes_and_analyzes(tmp_path):
    copy_corpus(tmp_path / "corpus", n=4)
    cfg = tiny_config(
        tmp_path,
        "model.base=all-MiniLM-L6-v2",
        "model.max_length=128",
        "train.epochs=1",
        "train.batch_size=16",
        "train.learning_rate=5e-5",
        "train.max_articles=2",
    )
    model = train(cfg, "minilm")
    assert (model / "config.json").exists()
    config = json.loads((model / "config.json").read_text())
    assert config["num_hidden_layers"] == 6 and config["id2label"] == {
        "0": "FAVOR",
        "1": "AGAINST",
        "2": "NONE",
    }
    result = CliRunner().invoke(app, ["analyze", str(SEED), "--model", str(model)])
    assert result.exit_code == 0, result.output
    schema = json.loads((PROJECT_ROOT / "pipeline" / "schemas" / "stance-analysis-1.schema.json").read_text())
    obj = json.loads(result.stdout)
    jsonschema.validate(obj, schema)
    assert len(obj["claims"]) == 25
    for speaker in obj["speakers"]:
        for stance in speaker["stances"]:
            assert 0.0 <= stance["confidence"] <= 1.0
            assert set(stance["evidence"]) <= {c["id"] for c in obj["claims"]}
