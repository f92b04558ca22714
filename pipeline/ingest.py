"""Read articles from .txt, .jsonl or a directory of them. The text is kept exactly as decoded."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.errors import InputError
from pipeline.records import Article

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".jsonl")
DATE_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2}) ")
# Bytes that never occur in text: NUL and most C0 controls (tab, newlines, form feed excepted).
BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))


@dataclass(frozen=True)
class IngestFailure:
    """An article that could not be read; the batch goes on without it."""

    source: str
    message: str


def decode(raw: bytes, where: str) -> str:
    """UTF-8 (a BOM is dropped), else cp1252 with a warning; binary data is refused."""
    if not raw.strip():
        raise InputError(f"{where}: empty file")
    sample = raw[:4096]
    if b"\x00" in sample or sum(b in BINARY_BYTES for b in sample) > len(sample) * 0.01:
        raise InputError(f"{where}: binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"{where}: neither UTF-8 nor cp1252 text") from None
    log.warning("%s: not UTF-8, read as cp1252", where)
    return text


def header_fields(text: str) -> tuple[str | None, str | None]:
    """(title, date) from the seed's ` date YYYY-MM-DD ` form or the headline form."""
    match = DATE_HEADER.match(text)
    if match:
        return None, match.group(1)
    first, sep, rest = text.partition("\n")
    if sep and rest.startswith(("\n", "\r\n")) and first.strip() and len(first) <= 200:
        return first.strip(), None
    return None, None


def article_from_text(article_id: str, text: str, source: str | None = None) -> Article:
    title, date = header_fields(text)
    return Article(id=article_id, text=text, title=title, date=date, source=source)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit (ingest.max_bytes)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_txt(path: Path, max_bytes: int) -> Article:
    text = decode(_read_bytes(path, max_bytes), str(path))
    return article_from_text(path.stem, text, source=str(path))


def _jsonl_article(line: str, where: str, max_bytes: int) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not isinstance(obj.get("text"), str):
        raise InputError(f"{where}: expected an object with string fields 'id' and 'text'")
    if not obj["text"].strip():
        raise InputError(f"{where}: empty text")
    if len(obj["text"].encode("utf-8")) > max_bytes:
        raise InputError(f"{where}: text is over the {max_bytes:,}-byte limit (ingest.max_bytes)")
    unknown = set(obj) - {"id", "text", "title", "date", "source"}
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    try:
        title, date = header_fields(obj["text"])
        return Article(
            id=obj["id"],
            text=obj["text"],
            title=obj.get("title", title),
            date=obj.get("date", date),
            source=obj.get("source", where),
        )
    except ValidationError as exc:
        raise InputError(f"{where}: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | IngestFailure]:
    """One article a line, streamed; a bad line is reported and skipped, the others are read."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield _jsonl_article(decode(raw, where), where, max_bytes)
            except InputError as exc:
                yield IngestFailure(where, str(exc))


def expand(paths: list[Path]) -> list[Path]:
    """Files as given, directories as their sorted .txt/.jsonl files (gold files excluded)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.iterdir() if p.suffix in ARTICLE_SUFFIXES and not p.name.endswith(".gold.json")
            )
        else:
            files.append(path)
    return files


def read_articles(paths: list[Path], max_bytes: int) -> Iterator[Article | IngestFailure]:
    """Every article under `paths`, in order; unreadable ones come back as IngestFailure."""
    for path in expand(paths):
        try:
            if path.suffix == ".jsonl":
                yield from read_jsonl(path, max_bytes)
            else:
                yield read_txt(path, max_bytes)
        except InputError as exc:
            yield IngestFailure(str(path), str(exc))
