"""Batch runs over files: the only place besides the CLI that reads and writes them.

In a batch, an article that fails is named on stderr (and in `failures.jsonl` under --out); the others go on.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from pipeline import __version__
from pipeline.config import Config, dump_config, load_config, project_path
from pipeline.errors import InputError, StanceError
from pipeline.ingest import IngestFailure, expand, read_articles
from pipeline.io import analysis_json, gold_files, load_gold, load_topics, write_json
from pipeline.records import Article, Attribution, GoldArticle

if TYPE_CHECKING:
    from pipeline.classify import StanceClassifier

log = logging.getLogger(__name__)


def load_predictor(cfg: Config, path: Path) -> StanceClassifier:
    """A trained model with the formatter settings it was trained with (its own stance_config.yaml)."""
    from pipeline.classify import StanceClassifier

    trained = load_config(path / "stance_config.yaml") if (path / "stance_config.yaml").exists() else cfg
    return StanceClassifier.load(path, trained.model, cfg.analyze.batch_size)


def model_info(path: Path) -> dict[str, Any]:
    """The `model` object of the analysis JSON: which run produced it."""
    meta_path = path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return {
        "name": "stance-cross-encoder",
        "path": str(path),
        "run": meta.get("run", path.name),
        "base_model": meta.get("base_model"),
        "version": __version__,
    }


def _is_single(paths: list[Path]) -> bool:
    files = expand(paths)
    return len(files) == 1 and files[0].suffix != ".jsonl" and not paths[0].is_dir()


def _report_failure(failure: IngestFailure, failures: list[IngestFailure]) -> None:
    failures.append(failure)
    print(f"error: {failure.message}", file=sys.stderr)


def _each_article(cfg: Config, paths: list[Path], failures: list[IngestFailure]):  # type: ignore[no-untyped-def]
    items = list(read_articles(paths, cfg.ingest.max_bytes))
    if not items:
        raise InputError("no articles found in " + ", ".join(map(str, paths)))
    for item in tqdm(items, desc="articles", unit="article", file=sys.stderr, disable=len(items) < 2):
        if isinstance(item, IngestFailure):
            _report_failure(item, failures)
        else:
            yield item


def _attempt(article: Article, fn, failures: list[IngestFailure]):  # type: ignore[no-untyped-def]
    """One article's work; an error in it is recorded and the batch goes on."""
    try:
        return fn(article)
    except StanceError as exc:
        _report_failure(IngestFailure(article.source or article.id, f"{article.id}: {exc}"), failures)
    except Exception as exc:  # noqa: BLE001 - one bad article must never lose the others
        _report_failure(
            IngestFailure(article.source or article.id, f"{article.id}: {type(exc).__name__}: {exc}"),
            failures,
        )
    return None


def _write_out(out: Path | None, cfg: Config, failures: list[IngestFailure]) -> None:
    if out is None:
        return
    (out / "stance_config.yaml").write_text(dump_config(cfg), encoding="utf-8")
    failures_file = out / "failures.jsonl"
    if failures:
        lines = [json.dumps({"source": f.source, "error": f.message}, ensure_ascii=False) for f in failures]
        failures_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        failures_file.unlink(missing_ok=True)


def analyze_paths(
    cfg: Config,
    paths: list[Path],
    topics_file: Path | None,
    model: Path,
    fmt: str,
    out: Path | None,
    min_confidence: float,
) -> list[IngestFailure]:
    from pipeline.analyze import analyze
    from pipeline.html import analyses_html
    from pipeline.records import Analysis
    from pipeline.report import analysis_markdown

    topics = load_topics(topics_file or project_path(cfg.analyze.topics_file))
    predictor = load_predictor(cfg, model)  # once per run, however many articles
    info = model_info(model)
    single = _is_single(paths) and fmt == "json"
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    failures: list[IngestFailure] = []
    pages: list[Analysis] = []  # html to stdout: one page holding every article, printed at the end
    for article in _each_article(cfg, paths, failures):
        analysis = _attempt(article, lambda a: analyze(a, topics, predictor, cfg, min_confidence), failures)
        if analysis is None:
            continue
        if fmt == "html":
            if out is not None:
                (out / f"{article.id}.html").write_text(analyses_html([analysis]), encoding="utf-8")
            else:
                pages.append(analysis)
            continue
        if fmt == "md":
            text = analysis_markdown(analysis)
            if out is not None:
                (out / f"{article.id}.md").write_text(text, encoding="utf-8")
            else:
                print(text)
            continue
        obj = analysis_json(analysis, info)
        if out is not None:
            write_json(out / f"{article.id}.json", obj)
        else:
            print(json.dumps(obj, ensure_ascii=False, indent=1 if single else None), flush=True)
    if pages:
        print(analyses_html(pages), end="")
    _write_out(out, cfg, failures)
    return failures


def quotes_json(attribution: Attribution) -> dict[str, Any]:
    names = {s.id: s.name for s in attribution.speakers}
    text = attribution.article.text
    art = attribution.article
    return {
        "article": {"id": art.id, "source": art.source, "date": art.date, "title": art.title},
        "speakers": [
            {"id": s.id, "name": s.name, "kind": s.kind, "mentions": list(s.mentions)} for s in attribution.speakers
        ],
        "claims": [
            {
                "id": c.id,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "mode": c.mode.value,
                "speaker": c.speaker,
                "speaker_name": names.get(c.speaker or ""),
                "speaker_found_by": c.speaker_method.value if c.speaker_method else None,
                "source": text[c.source.start : c.source.end] if c.source else None,
                "cue": text[c.cue.start : c.cue.end] if c.cue else None,
                **({"warning": c.warning} if c.warning else {}),
            }
            for c in attribution.claims
        ],
        "warnings": list(attribution.warnings),
    }


def quotes_paths(cfg: Config, paths: list[Path]) -> list[IngestFailure]:
    from pipeline.analyze import extract

    single = _is_single(paths)
    failures: list[IngestFailure] = []
    for article in _each_article(cfg, paths, failures):
        attribution = _attempt(article, lambda a: extract(a, cfg), failures)
        if attribution is not None:
            print(
                json.dumps(quotes_json(attribution), ensure_ascii=False, indent=1 if single else None),
                flush=True,
            )
    return failures


def gold_sets(cfg: Config, gold: list[Path], splits: list[str]) -> dict[str, list[GoldArticle]]:
    """Named sets of gold articles: splits of data/ by name, and gold files or folders."""
    from pipeline.train import split_corpus

    for split in splits:
        if split not in ("train", "dev", "test"):
            raise InputError(f"--split must be train, dev or test, not {split!r}")
    sets: dict[str, list[GoldArticle]] = {}
    if splits:
        corpus = split_corpus(cfg)
        sets |= {f"split-{split}": corpus[split] for split in splits}
    for path in gold:
        items = [load_gold(f) for f in gold_files(path)]
        if not items:
            raise InputError(f"{path}: no .gold.json files")
        sets[path.resolve().name or "gold"] = items
    return sets


def predictors_for(cfg: Config, model: Path) -> dict[str, Any]:
    """The model, and the baselines trained beside it (TF-IDF + LR, embeddings + LR) that the folder has."""
    from pipeline.baseline import TfidfBaseline
    from pipeline.embedhead import EmbeddingHead

    predictors: dict[str, Any] = {"model": load_predictor(cfg, model)}
    if (model / "baseline.pkl").exists():
        predictors["tfidf_lr"] = TfidfBaseline.load(model / "baseline.pkl")
    if (model / "embedding_head.pkl").exists():
        predictors["embed_lr"] = EmbeddingHead.load(model / "embedding_head.pkl")
    return predictors


def trained_topics(cfg: Config, model: Path) -> list[str] | None:
    """The topics a model was trained on: from its meta.json, or from its training articles in data/ for a model
    trained before meta.json kept them; None when neither is there."""
    from pipeline.data import load_corpus
    from pipeline.train import train_topics

    path = model / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if "train_topics" in meta:
        return list(meta["train_topics"])
    ids = set(meta.get("splits", {}).get("train", []))
    data = project_path(cfg.train.data_dir)
    if not ids or not data.is_dir():
        return None
    return sorted(train_topics([g for g in load_corpus(data) if g.article.id in ids]))


def evaluate_gold(cfg: Config, gold: list[Path], splits: list[str], model: Path, out: Path | None) -> str:
    """Evaluate each set; write <set>.json, .md and .html under `out` (default <model>/evaluations)."""
    from pipeline.evaluate import evaluate
    from pipeline.report import evaluation_markdown
    from pipeline.report_html import evaluation_html

    sets = gold_sets(cfg, gold or ([] if splits else [project_path(cfg.train.seeds_dir)]), splits)
    predictors = predictors_for(cfg, model)
    target = out or model / "evaluations"
    target.mkdir(parents=True, exist_ok=True)
    markdown = []
    for name, corpus in sets.items():
        evaluation = evaluate(corpus, predictors, cfg, trained_topics(cfg, model))
        markdown.append(evaluation_markdown({name: evaluation.metrics}, f"{model.name} on {name}"))
        write_json(target / f"{name}.json", {name: evaluation.metrics})
        (target / f"{name}.md").write_text(markdown[-1], encoding="utf-8")
        (target / f"{name}.html").write_text(evaluation_html({name: evaluation}, f"{model.name} on {name}"), "utf-8")
        log.info("wrote %s/%s.{json,md,html}", target, name)
    return "\n".join(markdown)


def report_gold(cfg: Config, gold: list[Path], splits: list[str], model: Path, out: Path | None) -> Path:
    """One HTML page over several sets (default: the test split and seeds/)."""
    from pipeline.evaluate import evaluate
    from pipeline.report_html import evaluation_html

    if not gold and not splits:
        gold, splits = [project_path(cfg.train.seeds_dir)], ["test"]
    sets = gold_sets(cfg, gold, splits)
    predictors = predictors_for(cfg, model)
    seen = trained_topics(cfg, model)
    evaluations = {name: evaluate(corpus, predictors, cfg, seen) for name, corpus in sets.items()}
    target = out or model / "report.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(evaluation_html(evaluations, model.name), encoding="utf-8")
    return target


def calibrate_path(cfg: Config, model: Path) -> dict[str, Any]:
    """Fit (or refit) a model's temperature on the dev split and save it in the model folder."""
    from pipeline.train import calibrate_model, split_corpus

    classifier = load_predictor(cfg, model)
    calibrate_model(classifier, split_corpus(cfg)["dev"], model)
    return json.loads((model / "calibration.json").read_text(encoding="utf-8"))


def bench_stance_run(
    cfg: Config,
    root: Path,
    names: list[str],
    seeds: list[int],
    max_train: int | None,
    max_dev: int | None,
    model: Path | None,
) -> str:
    """Run the public stance benchmarks; write results.json and results.md under models/bench-stance/<run>/."""
    from datetime import UTC, datetime

    from pipeline.benchstance import bench, markdown
    from pipeline.public_datasets import load_public

    datasets = load_public(root, names)
    folder = project_path(cfg.train.output_dir) / "bench-stance" / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    predictor = load_predictor(cfg, model) if model is not None else None
    results = bench(datasets, cfg, seeds, max_train, max_dev, folder, predictor)
    settings = {"root": str(root), "seeds": seeds, "max_train": max_train, "max_dev": max_dev}
    write_json(folder / "results.json", {"settings": settings, "model": str(model) if model else None, **results})
    (folder / "stance_config.yaml").write_text(dump_config(cfg), encoding="utf-8")
    table = markdown(results)
    (folder / "results.md").write_text(table, encoding="utf-8")
    log.info("wrote %s", folder)
    return table


def validate_paths(paths: list[Path]) -> int:
    """Print each problem as `file: field: message`; return how many files had any."""
    from pipeline.data import problems

    bad = total = 0
    for path in paths:
        for file in gold_files(path):
            total += 1
            try:
                found = problems(load_gold(file))
            except StanceError as exc:
                found = [str(exc).removeprefix(f"{file}: ")]
            for problem in found:
                print(f"{file}: {problem}")
            bad += bool(found)
    print(f"{total - bad}/{total} gold files valid", file=sys.stderr)
    return bad
