"""The `stance` command line: parse arguments, load the config, call one library function, print."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pipeline.config import Config, load_config, project_path
from pipeline.errors import InputError, StanceError

app = typer.Typer(
    help="Who said what in news articles, and where each speaker stands.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
data_app = typer.Typer(help="The labelled corpus: validate, stats, split.", no_args_is_help=True)
app.add_typer(data_app, name="data")
log = logging.getLogger("stance")
F = TypeVar("F", bound=Callable[..., Any])

ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="YAML config (default configs/default.yaml)")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", help="override a config value: section.key=value")]
ModelOpt = Annotated[Path | None, typer.Option("--model", "-m", help="model folder (default models/latest)")]


def one_line_errors(fn: F) -> F:
    """User errors become one line on stderr and an exit code; a traceback only with STANCE_DEBUG=1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StanceError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("STANCE_DEBUG"):
                raise
            typer.echo(f"error: {type(exc).__name__}: {exc} (STANCE_DEBUG=1 shows the traceback)", err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def setup(config: Path | None, overrides: list[str] | None) -> Config:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # Nothing is ever fetched from a hub; weights come from pinned packages and local folders.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    return load_config(config, overrides or [])


def model_dir(cfg: Config, model: Path | None) -> Path:
    path = model if model is not None else project_path(cfg.analyze.model)
    if not (path / "config.json").exists():
        if model is None:
            raise StanceError("no trained model: run `make train`")
        raise InputError(f"{path}: not a trained model folder (no config.json)")
    return path.resolve()


@app.command()
@one_line_errors
def analyze(
    articles: Annotated[list[Path], typer.Argument(help=".txt or .jsonl files, or directories of them")],
    topics: Annotated[Path | None, typer.Option(help="YAML/JSON list of {id, name, description}")] = None,
    model: ModelOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | md | html")] = "json",
    out: Annotated[
        Path | None, typer.Option(help="write one <article-id>.json (or .md, .html) per article here")
    ] = None,
    min_confidence: Annotated[float, typer.Option(help="speaker stances below this are reported as NONE")] = 0.0,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Claims, speakers and speaker x topic stances for each article."""
    from pipeline.runner import analyze_paths

    if fmt not in ("json", "jsonl", "md", "html"):
        raise InputError(f"--format must be json, jsonl, md or html, not {fmt!r}")
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    cfg = setup(config, set_)
    failures = analyze_paths(cfg, articles, topics, model_dir(cfg, model), fmt, out, min_confidence)
    if failures:
        raise typer.Exit(1)


@app.command()
@one_line_errors
def quotes(
    articles: Annotated[list[Path], typer.Argument(help=".txt or .jsonl files, or directories of them")],
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Who said what: claims with speaker, mode and cue, as JSON, without the stance model."""
    from pipeline.runner import quotes_paths

    if quotes_paths(setup(config, set_), articles):
        raise typer.Exit(1)


@app.command()
@one_line_errors
def train(
    config: ConfigOpt = None,
    set_: SetOpt = None,
    name: Annotated[str | None, typer.Option(help="run name (default: a UTC timestamp)")] = None,
) -> None:
    """Fine-tune the stance classifier on data/, evaluate it, write models/<run>/ and point models/latest at it."""
    from pipeline.train import train as train_model

    cfg = setup(config, set_)
    path = train_model(cfg, name)
    typer.echo((path / "evaluation.md").read_text(encoding="utf-8"))
    typer.echo(f"model written to {path}", err=True)


POLNEAR = Path("../shared/datasets/polnear")
PolnearOpt = Annotated[Path, typer.Option(help="PolNeAR folder (holding data/<split>/text and attributions)")]


@app.command("train-tagger")
@one_line_errors
def train_tagger(
    root: PolnearOpt = POLNEAR,
    out: Annotated[Path | None, typer.Option(help="tagger folder to write (default tagger.output_dir)")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Fine-tune the attribution tagger (source / cue / content, BIO) on PolNeAR train, selected on dev."""
    from pipeline.tagger_train import train_tagger as train

    cfg = setup(config, set_)
    path = train(cfg, root, out or project_path(cfg.tagger.output_dir))
    typer.echo((path / "README.md").read_text(encoding="utf-8"))
    typer.echo(f"tagger written to {path}", err=True)


@app.command()
@one_line_errors
def sweep(
    grid: Annotated[Path, typer.Option(help="YAML mapping of section.key to the values to try")],
    seeds: Annotated[str, typer.Option(help="comma-separated training seeds per grid point")] = "13,14,15",
    out: Annotated[Path | None, typer.Option(help="write the full results as JSON here")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Model selection on the dev split: train every grid point with each seed, print dev macro-F1."""
    from pipeline.io import write_json
    from pipeline.sweep import sweep as run_sweep
    from pipeline.sweep import sweep_markdown
    from pipeline.train import split_corpus

    cfg = setup(config, set_)
    rows = run_sweep(config, grid, [int(s) for s in seeds.split(",")], split_corpus(cfg), list(set_ or []))
    if out is not None:
        write_json(out, rows)
    typer.echo(sweep_markdown(rows))


GoldOpt = Annotated[
    list[Path] | None, typer.Option("--gold", help="a gold file or folder of them (repeatable; default seeds/)")
]
SplitOpt = Annotated[
    list[str] | None, typer.Option("--split", help="a split of data/: train, dev or test (repeatable)")
]


@app.command()
@one_line_errors
def evaluate(
    gold: GoldOpt = None,
    split: SplitOpt = None,
    model: ModelOpt = None,
    out: Annotated[
        Path | None, typer.Option(help="folder for <set>.json/.md/.html (default <model>/evaluations)")
    ] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Score claims, attribution and stances against gold, for the model and its baselines."""
    from pipeline.runner import evaluate_gold

    cfg = setup(config, set_)
    typer.echo(evaluate_gold(cfg, gold or [], split or [], model_dir(cfg, model), out))


@app.command()
@one_line_errors
def report(
    gold: GoldOpt = None,
    split: SplitOpt = None,
    model: ModelOpt = None,
    out: Annotated[Path | None, typer.Option(help="the HTML file to write (default <model>/report.html)")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """One HTML page: figures with intervals, plots, worst mistakes, every article with gold beside predictions.

    Default sets: the test split and seeds/.
    """
    from pipeline.runner import report_gold

    cfg = setup(config, set_)
    typer.echo(report_gold(cfg, gold or [], split or [], model_dir(cfg, model), out))


@app.command()
@one_line_errors
def calibrate(model: ModelOpt = None, config: ConfigOpt = None, set_: SetOpt = None) -> None:
    """Fit the model's temperature on the dev split and save it as <model>/calibration.json."""
    from pipeline.runner import calibrate_path

    cfg = setup(config, set_)
    found = calibrate_path(cfg, model_dir(cfg, model))
    ece = found["ece"]
    typer.echo(f"temperature {found['temperature']:.3f}; dev ECE {ece['before']:.3f} -> {ece['after']:.3f}")


@app.command("bench-stance")
@one_line_errors
def bench_stance(
    root: Annotated[Path | None, typer.Option(help="public datasets folder (default train.datasets_root)")] = None,
    dataset: Annotated[
        list[str] | None, typer.Option(help="vast, semeval, ibm, gwsd (repeatable; default all)")
    ] = None,
    seeds: Annotated[str, typer.Option(help="comma-separated training seeds")] = "13,14,15",
    max_train: Annotated[int | None, typer.Option(help="seeded subsample of each train split (CPU runs)")] = None,
    max_dev: Annotated[int | None, typer.Option(help="seeded subsample of each dev split")] = None,
    model: Annotated[
        Path | None, typer.Option(help="score this trained model on every test split instead of training")
    ] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Train on each public dataset and score its test split with the official metric (mean and sd over seeds)."""
    from pipeline.runner import bench_stance_run

    cfg = setup(config, set_)
    try:
        seed_list = [int(s) for s in seeds.split(",") if s.strip()]
    except ValueError:
        raise InputError(f"--seeds must be comma-separated integers, not {seeds!r}") from None
    if not seed_list:
        raise InputError("--seeds: give at least one seed")
    trained = model_dir(cfg, model) if model is not None else None
    root = root or project_path(cfg.train.datasets_root)
    typer.echo(bench_stance_run(cfg, root, dataset or [], seed_list, max_train, max_dev, trained))


@app.command("bench-attribution")
@one_line_errors
def bench_attribution(
    root: PolnearOpt = POLNEAR,
    split: Annotated[str, typer.Option(help="dev for development; test once, for the final figures")] = "dev",
    limit: Annotated[int | None, typer.Option(help="only the first N articles")] = None,
    tagger: Annotated[Path | None, typer.Option(help="score this trained tagger instead of the rules")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Claim extraction and attribution on PolNeAR: content, source and cue F1 and speaker accuracy, as JSON."""
    from tqdm import tqdm

    from pipeline.analyze import extract
    from pipeline.ingest import article_from_text
    from pipeline.polnear import read_split, score

    cfg = setup(config, set_)
    if tagger is not None:
        cfg.segment.tagger = str(tagger.resolve())
    articles = list(read_split(root, split))[:limit]
    items = [(a, extract(article_from_text(a.name, a.text), cfg)) for a in tqdm(articles, desc=split, file=sys.stderr)]
    system = "rules"
    if cfg.segment.tagger:
        system = ("tagger " if cfg.segment.tagger_mode == "replace" else "rules + tagger ") + cfg.segment.tagger
    typer.echo(json.dumps({"split": split, "system": system, **score(items)}, indent=1))


@data_app.command("validate")
@one_line_errors
def data_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="gold files or folders (default data/articles, seeds)")
    ] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Check every gold file: schema, offsets, labels on every topic, speaker stances consistent."""
    from pipeline.runner import validate_paths

    cfg = setup(config, set_)
    targets = paths or [project_path(cfg.train.data_dir), project_path(cfg.train.seeds_dir)]
    if validate_paths(targets):
        raise typer.Exit(1)


@data_app.command("stats")
@one_line_errors
def data_stats(
    path: Annotated[Path | None, typer.Argument(help="folder of gold files (default data/articles)")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Articles, claims, label counts and topics of the corpus, as JSON."""
    from pipeline.data import load_corpus, stats

    cfg = setup(config, set_)
    typer.echo(json.dumps(stats(load_corpus(path or project_path(cfg.train.data_dir))), indent=1))


@data_app.command("agreement")
@one_line_errors
def data_agreement(
    folder: Annotated[Path | None, typer.Argument(help="second labels (default data/agreement)")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Cohen's kappa and attribution agreement between the gold and an independent second labelling."""
    from pipeline.agreement import agreement
    from pipeline.data import load_corpus

    cfg = setup(config, set_)
    data = project_path(cfg.train.data_dir)
    result = agreement(load_corpus(data), folder or data.parent / "agreement")
    result["disagreements"] = len(result["disagreements"])
    typer.echo(json.dumps(result, indent=1))


@data_app.command("split")
@one_line_errors
def data_split(
    held_out: Annotated[str, typer.Option(help="comma-separated topic ids whose articles all go to test")] = "",
    seed: int = 13,
    dev: Annotated[float, typer.Option(help="share of each family's articles for dev")] = 0.15,
    test: Annotated[float, typer.Option(help="share of each family's articles for test (besides held-out)")] = 0.15,
    force: Annotated[bool, typer.Option(help="overwrite an existing split file")] = False,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Write the frozen split by article (once; it is then kept in git)."""
    from pipeline.data import load_corpus, make_split
    from pipeline.io import write_json

    cfg = setup(config, set_)
    target = project_path(cfg.train.splits_file)
    if target.exists() and not force:
        raise InputError(f"{target} exists: the split is frozen (use --force to redraw it)")
    corpus = load_corpus(project_path(cfg.train.data_dir))
    split = make_split(corpus, {t for t in held_out.split(",") if t}, seed, dev, test)
    write_json(target, split)
    typer.echo(f"{target}: " + ", ".join(f"{k} {len(split[k])}" for k in ("train", "dev", "test")), err=True)


@data_app.command("public")
@one_line_errors
def data_public(
    root: Annotated[
        Path | None, typer.Option(help="folder of the public datasets (default train.datasets_root)")
    ] = None,
    dataset: Annotated[
        list[str] | None, typer.Option(help="vast, ibm, semeval or gwsd (repeatable; default: every one in --root)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a Markdown table")] = False,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Rows and labels per split of the public stance datasets, to check that the loaders read your download."""
    from pipeline.public_datasets import counts_table, load_public, split_counts

    cfg = setup(config, set_)
    counts = split_counts(load_public(root or project_path(cfg.train.datasets_root), dataset or []))
    typer.echo(json.dumps(counts, indent=1) if as_json else counts_table(counts))


def main() -> None:
    app()
