import json
import logging

import pytest

from pipeline.errors import InputError
from pipeline.ingest import IngestFailure, read_articles, read_txt


def test_seed_form_keeps_the_text_exactly(seed_article):
    assert seed_article.id == "000_39d72c23a529c9cb"
    assert seed_article.date == "2025-12-26" and seed_article.title is None
    assert seed_article.text.startswith(" date 2025-12-26 In an interview")


def test_headline_form(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ministers clash over tariffs\n\nThe minister said the tariffs were wrong.", encoding="utf-8")
    article = read_txt(path, 10_000)
    assert article.title == "Ministers clash over tariffs" and article.date is None
    assert article.text == path.read_text(encoding="utf-8")


def test_cp1252_falls_back_with_a_warning(tmp_path, caplog):
    path = tmp_path / "w.txt"
    path.write_bytes("Headline\n\n\u201cWe will act,\u201d she said. Caf\u00e9.".encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        article = read_txt(path, 10_000)
    assert "\u201cWe will act,\u201d" in article.text
    assert "read as cp1252" in caplog.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x00\x01\x02binary\x00" * 10, "binary file, not text"),
    ],
)
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_txt(path, 10_000)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 300)
    with pytest.raises(InputError, match="1,500 bytes is over the 1,000-byte limit"):
        read_txt(path, 1_000)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_txt(tmp_path / "nope.txt", 1_000)


def test_jsonl_bad_line_does_not_lose_the_others(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Merz said the plan was wrong.", "source": "wire"}),
        "{not json",
        json.dumps({"id": "a3", "text": ""}),
        json.dumps({"id": "a4", "text": "Hi there.", "date": "2026-01-02"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_articles([path], 10_000))
    assert [getattr(i, "id", None) for i in items] == ["a1", None, None, "a4"]
    assert isinstance(items[1], IngestFailure) and "batch.jsonl:2: not valid JSON" in items[1].message
    assert "batch.jsonl:3: empty text" in items[2].message
    assert items[0].source == "wire" and items[3].date == "2026-01-02"


def test_directory_reads_txt_and_jsonl_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("B head\n\nBody.")
    (tmp_path / "a.txt").write_text("A head\n\nBody.")
    (tmp_path / "a.gold.json").write_text("{}")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "text": "C."}))
    assert [a.id for a in read_articles([tmp_path], 10_000)] == ["a", "b", "c"]
