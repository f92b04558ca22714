"""Public stance datasets, read in their official release formats, as `datasets.DatasetDict`s keyed by split.

Every split has `id`, `text`, `topic` and `label` (a `Label` value), plus what the dataset's official metric needs.
Label mappings and choices, per loader:

- VAST (Allaway & McKeown 2020), `vast_{train,dev,test}.csv`: `label` 1 pro -> FAVOR, 0 con -> AGAINST,
  2 neutral -> NONE. text = `post` (the raw comment); topic = `new_topic` (the crowd-corrected phrase as written);
  `topic_str` (the lemmatised form the official code reads), `seen` (`seen?`: True = few-shot, False = zero-shot
  topic) and `arc_id` are kept. Without `vast_dev.csv`, dev is held out of train by article (`arc_id`, one comment
  each; seeded): held out by topic, nearly every dev comment would stay in train under another topic. A dev row's
  `seen` is then whether its `topic_str` is in the remaining train, the rule of the official flag.
- SemEval-2016 Task 6, Task A: the NRC files (`*-all-annotations.txt`, tab-separated; one that is not UTF-8 is read
  as cp1252) give train / trial / test, their FAVOR / AGAINST / NONE as they are; or the TweetEval layout
  (`<target>/{train,val,test}_{text,labels}.txt`, labels by `mapping.txt`: 0 none -> NONE, 1 against -> AGAINST,
  2 favor -> FAVOR) gives train / dev / test. The NRC files win when both are there. topic = `target` = the
  official target name. The artificial hashtag `#SemST` is removed from every tweet. Task B (Donald Trump) only
  with `task_b=True`, as the split `task_b`.
- IBM Claim Stance (Bar-Haim et al. 2017), `claim_stance_dataset_v1.csv`: PRO -> FAVOR, CON -> AGAINST (no NONE).
  text = `claims.claimCorrectedText`; topic = the motion (`topicText`, "This house believes ..."), `topic_id` =
  `topicId`; train / test from the `split` column.
- GWSD (Luo, Card & Jurafsky 2020), `GWSD.tsv`: the label is the argmax of the authors' posterior over the crowd
  votes, agree -> FAVOR, disagree -> AGAINST, neutral -> NONE (kept as `p_agree`, `p_disagree`, `p_neutral`); the
  screening rows, which have no posterior, are dropped. topic = "Climate change is a serious concern". test = the
  authors' `in_held_out_test` sentences, train = the others.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from datasets import Dataset, DatasetDict, Features, Value

from pipeline.classify import Pair, format_pair
from pipeline.errors import InputError
from pipeline.records import LABELS, Label, Topic

Row = dict[str, Any]

FOLDERS = {"vast": "vast", "ibm": "ibm_claim_stance", "semeval": "semeval2016_task6", "gwsd": "gwsd"}
GWSD_TOPIC = "Climate change is a serious concern"


def _features(**extra: str) -> Features:
    columns = {"id": "string", "text": "string", "topic": "string", "label": "string", **extra}
    return Features({name: Value(kind) for name, kind in columns.items()})


def _dataset(rows: Sequence[Row], features: Features) -> Dataset:
    return Dataset.from_dict({name: [row[name] for row in rows] for name in features}, features=features)


def _folder(folder: Path, name: str) -> Path:
    if not folder.is_dir():
        raise InputError(f"{folder}: {name} folder not found")
    return folder


def _decode(path: Path, fallback: str | None = None) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback is None:
            raise InputError(f"{path}: not UTF-8 (byte {exc.start})") from None
        return data.decode(fallback, errors="replace")


def _lines(path: Path, fallback: str | None = None) -> list[str]:
    """Lines split at \\n only (a tweet may hold other Unicode line breaks), CR and the final empty line dropped."""
    lines = [line.rstrip("\r") for line in _decode(path, fallback).split("\n")]
    return lines[:-1] if lines and not lines[-1] else lines


def _table(path: Path, columns: Iterable[str], delimiter: str = ",") -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV / TSV with a header, each with its line number; the named columns must be there."""
    reader = csv.DictReader(io.StringIO(_decode(path), newline=""), delimiter=delimiter)
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    rows = []
    try:
        for row in reader:
            if None in row or None in row.values():
                raise InputError(f"{path}:{reader.line_num}: {len(reader.fieldnames or [])} fields expected")
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: {exc}") from None
    return rows


def _pick(path: Path, line: int, value: str, choices: dict[str, Any], what: str = "label") -> Any:
    try:
        return choices[value.strip()]
    except KeyError:
        raise InputError(f"{path}:{line}: {what} {value!r} is not one of {', '.join(choices)}") from None


# --- VAST --------------------------------------------------------------------------------------------------------

VAST_LABELS = {"1": Label.FAVOR.value, "0": Label.AGAINST.value, "2": Label.NONE.value}
VAST_FEATURES = _features(seen="bool", topic_str="string", arc_id="string")


def _vast_rows(path: Path) -> list[Row]:
    columns = ("new_id", "arc_id", "post", "new_topic", "topic_str", "label", "seen?")
    return [
        {
            "id": row["new_id"],
            "text": row["post"],
            "topic": row["new_topic"],
            "label": _pick(path, line, row["label"], VAST_LABELS),
            "seen": _pick(path, line, row["seen?"], {"1": True, "0": False}, "seen?"),
            "topic_str": row["topic_str"],
            "arc_id": row["arc_id"],
        }
        for line, row in _table(path, columns)
    ]


def hold_out_articles(train: list[Row], share: float, seed: int) -> tuple[list[Row], list[Row]]:
    """Whole articles out of train, in a seeded order, until `share` of the rows; dev `seen` against what is left."""
    articles = sorted({row["arc_id"] for row in train})
    random.Random(seed).shuffle(articles)
    sizes = Counter(row["arc_id"] for row in train)
    held: set[str] = set()
    taken = 0
    for article in articles:
        if taken >= share * len(train):
            break
        held.add(article)
        taken += sizes[article]
    rest = [row for row in train if row["arc_id"] not in held]
    seen = {row["topic_str"] for row in rest}
    dev = [{**row, "seen": row["topic_str"] in seen} for row in train if row["arc_id"] in held]
    return rest, dev


def load_vast(folder: Path, dev_share: float = 0.15, seed: int = 13) -> DatasetDict:
    """train / dev / test; dev is `vast_dev.csv`, or `dev_share` of train's rows held out by article."""
    _folder(folder, "VAST")
    train = _vast_rows(folder / "vast_train.csv")
    if (folder / "vast_dev.csv").exists():
        dev = _vast_rows(folder / "vast_dev.csv")
    else:
        train, dev = hold_out_articles(train, dev_share, seed)
    splits = {"train": train, "dev": dev, "test": _vast_rows(folder / "vast_test.csv")}
    return DatasetDict({name: _dataset(rows, VAST_FEATURES) for name, rows in splits.items()})


# --- SemEval-2016 Task 6 -----------------------------------------------------------------------------------------

SEMEVAL_FEATURES = _features(target="string")
NRC_FILES = {
    "train": "trainingdata-all-annotations.txt",
    "trial": "trialdata-all-annotations.txt",
    "test": "testdata-taskA-all-annotations.txt",
    "task_b": "testdata-taskB-all-annotations.txt",
}
NRC_HEADER = ["ID", "Target", "Tweet", "Stance"]
TWEETEVAL_SPLITS = {"train": "train", "val": "dev", "test": "test"}
TWEETEVAL_NAMES = {"none": Label.NONE.value, "against": Label.AGAINST.value, "favor": Label.FAVOR.value}
TWEETEVAL_TARGETS = {
    "abortion": "Legalization of Abortion",
    "atheism": "Atheism",
    "climate": "Climate Change is a Real Concern",
    "feminist": "Feminist Movement",
    "hillary": "Hillary Clinton",
    "hilary": "Hillary Clinton",  # the spelling of TweetEval's README
}
SEMST = re.compile(r"\s*#SemST\b")


def _tweet(text: str) -> str:
    return SEMST.sub("", text).strip()


def _nrc_rows(path: Path) -> list[Row]:
    lines = _lines(path, fallback="cp1252")
    header = lines[0].split("\t") if lines else []
    if header[:4] != NRC_HEADER:
        raise InputError(
            f"{path}: not a SemEval-2016 Task 6 file (header ID<TAB>Target<TAB>Tweet<TAB>Stance... expected)"
        )
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise InputError(f"{path}:{n}: {len(header)} tab-separated fields expected, found {len(fields)}")
        label = _pick(path, n, fields[3], {lab.value: lab.value for lab in LABELS})
        rows.append(
            {"id": fields[0], "text": _tweet(fields[2]), "topic": fields[1], "label": label, "target": fields[1]}
        )
    return rows


def _tweeteval_labels(folder: Path) -> dict[str, str]:
    mapping = folder / "mapping.txt"
    if not mapping.exists():
        return {"0": Label.NONE.value, "1": Label.AGAINST.value, "2": Label.FAVOR.value}
    labels = {}
    for n, line in enumerate(_lines(mapping), 1):
        if not line.strip():
            continue
        key, tab, name = line.partition("\t")
        if not tab:
            raise InputError(f"{mapping}:{n}: label id<TAB>name expected")
        labels[key.strip()] = _pick(mapping, n, name.lower(), TWEETEVAL_NAMES)
    return labels


def _tweeteval_rows(target_dir: Path, split: str, labels: dict[str, str]) -> list[Row]:
    texts = _lines(target_dir / f"{split}_text.txt")
    label_file = target_dir / f"{split}_labels.txt"
    golds = _lines(label_file)
    if len(golds) != len(texts):
        raise InputError(f"{label_file}: {len(golds)} labels for {len(texts)} tweets in {split}_text.txt")
    target = TWEETEVAL_TARGETS[target_dir.name]
    return [
        {
            "id": f"{target_dir.name}/{split}/{n}",
            "text": _tweet(text),
            "topic": target,
            "label": _pick(label_file, n, gold, labels),
            "target": target,
        }
        for n, (text, gold) in enumerate(zip(texts, golds, strict=True), 1)
    ]


def _tweeteval(folder: Path) -> dict[str, list[Row]]:
    labels = _tweeteval_labels(folder)
    splits: dict[str, list[Row]] = {name: [] for name in TWEETEVAL_SPLITS.values()}
    for target_dir in sorted(d for d in folder.iterdir() if (d / "train_text.txt").exists()):
        if target_dir.name not in TWEETEVAL_TARGETS:
            raise InputError(f"{target_dir}: not a SemEval-2016 target ({', '.join(TWEETEVAL_TARGETS)})")
        for split, name in TWEETEVAL_SPLITS.items():
            splits[name] += _tweeteval_rows(target_dir, split, labels)
    return splits


def semeval_layout(folder: Path, layout: Literal["auto", "nrc", "tweeteval"] = "auto") -> tuple[str, Path]:
    """Where the SemEval files are and in which layout: the NRC files first, then TweetEval's folders."""
    _folder(folder, "SemEval-2016 Task 6")
    if layout in ("auto", "nrc"):
        for place in (folder, folder / "nrc_original"):
            if (place / NRC_FILES["train"]).exists() or (place / NRC_FILES["test"]).exists():
                return "nrc", place
    if layout in ("auto", "tweeteval"):
        for place in (folder, folder / "tweeteval_stance", folder / "stance"):
            if place.is_dir() and any((d / "train_text.txt").exists() for d in place.iterdir()):
                return "tweeteval", place
    raise InputError(
        f"{folder}: no SemEval-2016 Task 6 files (the NRC {NRC_FILES['train']} ..., "
        "or TweetEval <target>/train_text.txt ...)"
    )


def load_semeval(
    folder: Path, layout: Literal["auto", "nrc", "tweeteval"] = "auto", task_b: bool = False
) -> DatasetDict:
    """Task A: NRC train / trial / test, or TweetEval train / dev / test; `task_b` adds the Trump tweets (NRC)."""
    found, place = semeval_layout(folder, layout)
    if found == "tweeteval":
        splits = _tweeteval(place)
    else:
        names = ["train", "trial", "test"] + (["task_b"] if task_b else [])
        # The 100 trial tweets came as a separate download; the official training set is train + trial.
        splits = {n: _nrc_rows(place / NRC_FILES[n]) for n in names if n != "trial" or (place / NRC_FILES[n]).exists()}
    return DatasetDict({name: _dataset(rows, SEMEVAL_FEATURES) for name, rows in splits.items()})


# --- IBM Claim Stance --------------------------------------------------------------------------------------------

IBM_FILE = "claim_stance_dataset_v1.csv"
IBM_LABELS = {"PRO": Label.FAVOR.value, "CON": Label.AGAINST.value}
IBM_FEATURES = _features(topic_id="string")


def load_ibm(folder: Path) -> DatasetDict:
    """train / test, as the `split` column says; the topic is the motion text."""
    path = _folder(folder, "IBM Claim Stance") / IBM_FILE
    columns = ("topicId", "split", "topicText", "claims.claimId", "claims.stance", "claims.claimCorrectedText")
    splits: dict[str, list[Row]] = {"train": [], "test": []}
    for line, row in _table(path, columns):
        rows = _pick(path, line, row["split"], splits, "split")
        rows.append(
            {
                "id": row["claims.claimId"],
                "text": row["claims.claimCorrectedText"],
                "topic": row["topicText"],
                "label": _pick(path, line, row["claims.stance"], IBM_LABELS),
                "topic_id": row["topicId"],
            }
        )
    return DatasetDict({name: _dataset(rows, IBM_FEATURES) for name, rows in splits.items()})


# --- GWSD ----------------------------------------------------------------------------------------------------------

GWSD_FILE = "GWSD.tsv"
# In this order, so that a tie (there is none in the release) goes to NONE.
GWSD_LABELS = {"neutral": Label.NONE.value, "agree": Label.FAVOR.value, "disagree": Label.AGAINST.value}
GWSD_FEATURES = _features(p_agree="float64", p_disagree="float64", p_neutral="float64")


def _probability(path: Path, line: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise InputError(f"{path}:{line}: probability {value!r} is not a number") from None


def load_gwsd(folder: Path, topic: str = GWSD_TOPIC) -> DatasetDict:
    """train / test (`in_held_out_test`); the label is the argmax of the posterior; screening rows dropped."""
    path = _folder(folder, "GWSD") / GWSD_FILE
    columns = ("sentence", *GWSD_LABELS, "guid", "in_held_out_test")
    splits: dict[str, list[Row]] = {"train": [], "test": []}
    for line, row in _table(path, columns, delimiter="\t"):
        if not any(row[name].strip() for name in GWSD_LABELS):
            continue  # a screening item, shown to every annotator to check them; it has no posterior
        probs = {name: _probability(path, line, row[name]) for name in GWSD_LABELS}
        split = _pick(path, line, row["in_held_out_test"], {"True": "test", "False": "train"}, "in_held_out_test")
        splits[split].append(
            {
                "id": row["guid"],
                "text": row["sentence"],
                "topic": topic,
                "label": GWSD_LABELS[max(probs, key=lambda name: probs[name])],
                **{f"p_{name}": p for name, p in probs.items()},
            }
        )
    return DatasetDict({name: _dataset(rows, GWSD_FEATURES) for name, rows in splits.items()})


# --- all of them ---------------------------------------------------------------------------------------------------

LOADERS: dict[str, Callable[[Path], DatasetDict]] = {
    "vast": load_vast,
    "ibm": load_ibm,
    "semeval": load_semeval,
    "gwsd": load_gwsd,
}


def load_public(root: Path, names: Sequence[str] = ()) -> dict[str, DatasetDict]:
    """The named datasets from their folders under `root`; with no names, every one whose folder is there."""
    if not root.is_dir():
        raise InputError(f"{root}: datasets folder not found")
    for name in names:
        if name not in FOLDERS:
            raise InputError(f"unknown dataset {name!r}: choose from {', '.join(FOLDERS)}")
    wanted = list(names) or [name for name, folder in FOLDERS.items() if (root / folder).is_dir()]
    if not wanted:
        raise InputError(f"{root}: none of {', '.join(f + '/' for f in FOLDERS.values())} is there")
    return {name: LOADERS[name](root / FOLDERS[name]) for name in wanted}


def split_counts(found: dict[str, DatasetDict]) -> list[dict[str, Any]]:
    """Rows, labels and distinct topics per dataset and split, to check a download against its documentation."""
    out = []
    for name, splits in found.items():
        for split, data in splits.items():
            labels = Counter(data["label"])
            counts = {lab.value: labels[lab.value] for lab in LABELS}
            out.append(
                {"dataset": name, "split": split, "rows": data.num_rows, **counts, "topics": len(set(data["topic"]))}
            )
    return out


def counts_table(rows: list[dict[str, Any]]) -> str:
    keys = list(rows[0]) if rows else []
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    return "\n".join(lines + ["| " + " | ".join(str(row[k]) for k in keys) + " |" for row in rows])


def rows_pairs(rows: Sequence[Row]) -> tuple[list[Pair], list[Label]]:
    """Rows through the project's one input formatter: the topic as the topic's name, the text, no context."""
    pairs = [format_pair(Topic(id="t", name=r["topic"]), r["text"], "") for r in rows]
    return pairs, [Label(r["label"]) for r in rows]


def sample(rows: list[Row], limit: int | None, seed: int) -> list[Row]:
    """A seeded subsample in the original order (all rows when there are no more than `limit`)."""
    if limit is None or len(rows) <= limit:
        return rows
    keep = sorted(random.Random(seed).sample(range(len(rows)), limit))
    return [rows[i] for i in keep]
