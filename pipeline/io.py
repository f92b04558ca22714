"""Files in and out: gold files, topic lists, analysis JSON. Errors name the file and the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pipeline.errors import InputError
from pipeline.ingest import decode
from pipeline.records import Analysis, Article, Gold, GoldArticle, Topic

ANALYSIS_SCHEMA = "stance-analysis/1"


def _where(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
    return f"{loc}: {err['msg']}"


def read_json(path: Path) -> Any:
    try:
        return json.loads(decode(path.read_bytes(), str(path)))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None


def load_gold(path: Path) -> GoldArticle:
    """A gold file and the article text beside it (`article.file`, else `<id>.txt`)."""
    try:
        gold = Gold.model_validate(read_json(path))
    except ValidationError as exc:
        raise InputError(f"{path}: {_where(exc)}") from None
    text_path = path.parent / (gold.article.file or f"{gold.article.id}.txt")
    if not text_path.exists():
        raise InputError(f"{path}: article text {text_path.name} not found beside it")
    text = decode(text_path.read_bytes(), str(text_path))
    article = Article(id=gold.article.id, text=text, date=gold.article.date, source=str(text_path))
    return GoldArticle(article=article, gold=gold)


def gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.gold.json"))
        if not files:
            raise InputError(f"{path}: no *.gold.json files")
        return files
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    return [path]


def load_topics(path: Path) -> tuple[Topic, ...]:
    """YAML or JSON: a list of {id, name, description?}, or a mapping with the key `topics`."""
    try:
        raw = yaml.safe_load(decode(path.read_bytes(), str(path)))  # JSON is YAML
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML or JSON ({str(exc).splitlines()[0]})") from None
    if isinstance(raw, dict) and "topics" in raw:
        raw = raw["topics"]
    if not isinstance(raw, list) or not raw:
        raise InputError(f"{path}: expected a non-empty list of topics, or a mapping with the key 'topics'")
    topics = []
    for n, item in enumerate(raw):
        try:
            topics.append(Topic.model_validate(item))
        except ValidationError as exc:
            raise InputError(f"{path}: topics[{n}].{_where(exc)}") from None
    ids = [t.id for t in topics]
    if len(set(ids)) != len(ids):
        raise InputError(f"{path}: duplicate topic id(s)")
    return tuple(topics)


def analysis_json(analysis: Analysis, model_info: dict[str, Any]) -> dict[str, Any]:
    """The `stance-analysis/1` object for one article, exactly as the schema in shared/schemas has it."""
    att = analysis.attribution
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for s in analysis.speaker_stances:
        by_speaker.setdefault(s.speaker, []).append(
            {
                "topic": s.topic,
                "label": s.label.value,
                "confidence": round(s.confidence, 4),
                "evidence": list(s.evidence),
            }
        )
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for c in analysis.claim_stances:
        by_claim.setdefault(c.claim, []).append(
            {"topic": c.topic, "label": c.label.value, "confidence": round(c.confidence, 4)}
        )
    art = att.article
    return {
        "schema": ANALYSIS_SCHEMA,
        "article": {"id": art.id, "source": art.source, "date": art.date, "title": art.title},
        "model": model_info,
        "topics": [t.model_dump(exclude_none=True) for t in analysis.topics],
        "speakers": [
            {"id": s.id, "name": s.name, "mentions": list(s.mentions), "stances": by_speaker.get(s.id, [])}
            for s in att.speakers
        ],
        "claims": [
            {
                "id": c.id,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "speaker": c.speaker,
                "mode": c.mode.value,
                "stances": by_claim.get(c.id, []),
            }
            for c in att.claims
        ],
    }


def write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
