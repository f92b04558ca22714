import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Config, load_config
from pipeline.errors import ConfigError


def test_defaults_then_yaml_then_overrides(tmp_path):
    file = tmp_path / "c.yaml"
    file.write_text("train:\n  epochs: 2\n  batch_size: 4\n")
    cfg = load_config(file, ["train.epochs=7", "model.base=tiny"])
    assert cfg.train.epochs == 7 and cfg.train.batch_size == 4 and cfg.model.base == "tiny"
    assert cfg.train.learning_rate == Config().train.learning_rate


def test_unknown_key_is_one_line(tmp_path):
    file = tmp_path / "c.yaml"
    file.write_text("train:\n  epochz: 2\n")
    with pytest.raises(ConfigError, match=re.escape(f"{file}: unknown key train.epochz")):
        load_config(file)


def test_wrong_type_names_the_field():
    with pytest.raises(ConfigError, match=r"train\.epochs: Input should be a valid integer"):
        load_config(None, ["train.epochs=many"])


def test_set_needs_key_value():
    with pytest.raises(ConfigError, match="--set expects key=value"):
        load_config(None, ["train.epochs"])


def test_cli_exits_2_on_bad_config(tmp_path):
    result = CliRunner().invoke(app, ["data", "stats", "--set", "train.nope=1"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("error: ")
    assert "unknown key train.nope" in result.output
    assert "Traceback" not in result.output


def test_broken_yaml(tmp_path):
    file = tmp_path / "c.yaml"
    file.write_text("train: [unclosed\n")
    result = CliRunner().invoke(app, ["data", "stats", "--config", str(file)])
    assert result.exit_code == 2 and "not valid YAML" in result.output


def test_python_dash_m_runs_the_same_program():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "analyze" in out.stdout and "quotes" in out.stdout
