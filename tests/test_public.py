"""Loaders of the public stance datasets, on tiny files written here in each official layout (never the real data,
except in the one slow test that checks the real download's counts)."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Config, project_path
from pipeline.errors import InputError
from pipeline.public_datasets import load_gwsd, load_ibm, load_public, load_semeval, load_vast, split_counts

VAST_COLUMNS = [
    "author",
    "post",
    "ori_topic",
    "ori_id",
    "new_topic",
    "label",
    "type_idx",
    "new_id",
    "arc_id",
    "text",
    "pos_text",
    "text_s",
    "topic",
    "topic_str",
    "seen?",
    "contains_topic?",
]
VAST_TEST_COLUMNS = [*VAST_COLUMNS, "LexSim", "Qte", "Sarc", "Imp", "mlS", "mlT"]
IBM_COLUMNS = [
    "topicId",
    "split",
    "topicText",
    "topicTarget",
    "topicSentiment",
    "claims.claimId",
    "claims.stance",
    "claims.claimCorrectedText",
    "claims.claimOriginalText",
    "claims.article.rawFile",
    "claims.article.rawSpan.start",
    "claims.article.rawSpan.end",
    "claims.article.cleanFile",
    "claims.article.cleanSpan.start",
    "claims.article.cleanSpan.end",
    "claims.Compatible",
    "claims.claimTarget.text",
    "claims.claimTarget.span.start",
    "claims.claimTarget.span.end",
    "claims.claimSentiment",
    "claims.targetsRelation",
]
GWSD_COLUMNS = ["", "round", "batch", "sent_id", "sentence"] + [f"worker_{i}" for i in range(8)]
GWSD_COLUMNS += ["disagree", "agree", "neutral", "guid", "in_held_out_test"]
NRC_HEADER = "ID\tTarget\tTweet\tStance\tOpinion towards\tSentiment"

WIND = "Wind farms are cheap and clean, so build more of them."
COAL = "Coal towns need jobs, not turbines on every hill."


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, restval="x", delimiter=delimiter, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def vast_row(new_id: str, arc: str, post: str, topic: str, topic_str: str, label: str, seen: str = "1") -> dict:
    return {
        "new_id": new_id,
        "arc_id": arc,
        "post": post,
        "new_topic": topic,
        "topic_str": topic_str,
        "label": label,
        "seen?": seen,
    }


def write_vast(folder: Path, dev: bool = False) -> None:
    train = [
        vast_row("1", "A1", WIND, "wind power", "wind power", "1"),
        vast_row("2", "A1", WIND, "coal", "coal", "0"),
        vast_row("3", "A1", WIND, "taxes", "tax", "2"),
        vast_row("4", "A2", COAL, "wind turbines", "wind turbine", "0"),
        vast_row("5", "A2", COAL, "coal", "coal", "1"),
    ]
    write_csv(folder / "vast_train.csv", VAST_COLUMNS, train)
    test = [
        vast_row("6", "A3", "Nuclear is the only clean baseload we have.", "nuclear power", "nuclear power", "1", "0"),
        vast_row("7", "A3", "Nuclear is the only clean baseload we have.", "coal", "coal", "2", "1"),
    ]
    write_csv(folder / "vast_test.csv", VAST_TEST_COLUMNS, test)
    if dev:
        write_csv(
            folder / "vast_dev.csv", VAST_COLUMNS, [vast_row("8", "A4", "Solar pays off.", "solar", "solar", "1")]
        )


def nrc_file(path: Path, rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("\r\n".join([NRC_HEADER, *rows, ""]).encode("cp1252"))


def write_nrc(folder: Path) -> None:
    nrc_file(
        folder / "trainingdata-all-annotations.txt",
        [
            "1\tAtheism\tFaith moves mountains \u2014 every single day #SemST\tAGAINST\tTARGET\tPOSITIVE",
            "2\tHillary Clinton\tShe has my vote in November #SemST\tFAVOR\tTARGET\tPOSITIVE",
            "3\tFeminist Movement\tWatching the rain all afternoon #SemST\tNONE\tNO ONE\tNEITHER",
        ],
    )
    nrc_file(
        folder / "trialdata-all-annotations.txt", ["5\tHillary Clinton\tNo candidate yet #SemST\tNONE\tOTHER\tNEITHER"]
    )
    nrc_file(
        folder / "testdata-taskA-all-annotations.txt",
        [
            '10001\tClimate Change is a Real Concern\tA record "hot" summer, act now #SemST\tFAVOR\tTARGET\tNEGATIVE',
            "10002\tLegalization of Abortion\tEvery life is precious #prolife #SemST\tAGAINST\tTARGET\tPOSITIVE",
        ],
    )
    nrc_file(
        folder / "testdata-taskB-all-annotations.txt",
        ["20001\tDonald Trump\tHe would build it #SemST\tFAVOR\tTARGET\tPOSITIVE"],
    )


def write_tweeteval(folder: Path, mapping: str = "0\tnone\n1\tagainst\n2\tfavor") -> None:
    tweets = {
        "abortion": {
            "train": [("Every life counts #SemST ", "1"), ("Lunch was great ", "0")],
            "val": [("My body ", "2")],
        },
        "hillary": {"train": [("@user she will win #SemST ", "2")], "val": [("@user no way ", "1")]},
    }
    folder.mkdir(parents=True)
    (folder / "mapping.txt").write_text(mapping, encoding="utf-8")
    for target, splits in tweets.items():
        (folder / target).mkdir()
        for split, rows in {**splits, "test": [("Undecided still ", "0")]}.items():
            (folder / target / f"{split}_text.txt").write_text("".join(t + "\n" for t, _ in rows), encoding="utf-8")
            (folder / target / f"{split}_labels.txt").write_text("".join(g + "\n" for _, g in rows), encoding="utf-8")


def ibm_row(claim_id: str, split: str, topic_id: str, motion: str, stance: str, claim: str) -> dict:
    return {
        "topicId": topic_id,
        "split": split,
        "topicText": motion,
        "claims.claimId": claim_id,
        "claims.stance": stance,
        "claims.claimCorrectedText": claim,
    }


SCHOOL = "This house would ban homework in primary schools"
TOLLS = "This house supports road tolls in city centres"


def write_ibm(folder: Path) -> None:
    rows = [
        ibm_row("11", "test", "3", SCHOOL, "PRO", "Children need free time to play"),
        ibm_row("12", "test", "3", SCHOOL, "CON", "Practice at home\nbuilds lasting habits"),
        ibm_row("21", "train", "7", TOLLS, "PRO", "Tolls cut congestion"),
    ]
    write_csv(folder / "claim_stance_dataset_v1.csv", IBM_COLUMNS, rows)


def gwsd_row(guid: str, sentence: str, probs: tuple[str, str, str], test: str = "False") -> dict:
    row = {"sent_id": guid.rsplit("_", 1)[1], "sentence": sentence, "guid": guid, "in_held_out_test": test}
    return row | dict(zip(("disagree", "agree", "neutral"), probs, strict=True))


def write_gwsd(folder: Path) -> None:
    rows = [
        gwsd_row("1_0_s0", "Warming is a hoax.", ("", "", "")),
        gwsd_row("1_0_t0", 'He said "the data are clear" on warming.', ("0.1", "0.7", "0.2")),
        gwsd_row("1_0_t1", "Models exaggerate the warming.", ("0.6", "0.1", "0.3")),
        gwsd_row("1_0_t2", "The summit opens on Monday.", ("0.2", "0.3", "0.5"), test="True"),
    ]
    write_csv(folder / "GWSD.tsv", GWSD_COLUMNS, rows, delimiter="\t")


def columns(split: Any, *names: str) -> list[tuple]:
    return list(zip(*(split[name] for name in names), strict=True))


def test_vast_holds_out_whole_articles_for_dev(tmp_path):
    write_vast(tmp_path)
    data = load_vast(tmp_path, dev_share=0.4, seed=13)
    assert list(data) == ["train", "dev", "test"]
    (held,) = set(data["dev"]["arc_id"])  # one whole article; its topics are zero-shot unless train has them
    expected = {
        "A1": [("1", "wind power", "FAVOR", False), ("2", "coal", "AGAINST", True), ("3", "taxes", "NONE", False)],
        "A2": [("4", "wind turbines", "AGAINST", False), ("5", "coal", "FAVOR", True)],
    }
    assert columns(data["dev"], "id", "topic", "label", "seen") == expected[held]
    assert set(data["train"]["arc_id"]) == {"A1", "A2"} - {held}
    assert columns(data["test"], "id", "text", "topic", "topic_str", "label", "seen") == [
        ("6", "Nuclear is the only clean baseload we have.", "nuclear power", "nuclear power", "FAVOR", False),
        ("7", "Nuclear is the only clean baseload we have.", "coal", "coal", "NONE", True),
    ]
    assert load_vast(tmp_path, dev_share=0.4, seed=13)["dev"]["id"] == data["dev"]["id"]


def test_vast_dev_file_is_used_when_there(tmp_path):
    write_vast(tmp_path, dev=True)
    data = load_vast(tmp_path)
    assert data["train"]["id"] == ["1", "2", "3", "4", "5"]
    assert columns(data["dev"], "id", "topic", "label", "seen") == [("8", "solar", "FAVOR", True)]


def test_semeval_nrc_files(tmp_path):
    write_nrc(tmp_path / "nrc_original")
    data = load_semeval(tmp_path)
    assert list(data) == ["train", "trial", "test"]  # no Trump (task B) unless asked
    assert columns(data["train"], "id", "text", "topic", "target", "label") == [
        ("1", "Faith moves mountains \u2014 every single day", "Atheism", "Atheism", "AGAINST"),
        ("2", "She has my vote in November", "Hillary Clinton", "Hillary Clinton", "FAVOR"),
        ("3", "Watching the rain all afternoon", "Feminist Movement", "Feminist Movement", "NONE"),
    ]
    assert columns(data["test"], "text", "label") == [
        ('A record "hot" summer, act now', "FAVOR"),
        ("Every life is precious #prolife", "AGAINST"),
    ]
    assert data["trial"]["id"] == ["5"]
    task_b = load_semeval(tmp_path, task_b=True)["task_b"]
    assert columns(task_b, "id", "topic", "label") == [("20001", "Donald Trump", "FAVOR")]


def test_semeval_tweeteval_layout(tmp_path):
    write_tweeteval(tmp_path / "tweeteval_stance")
    data = load_semeval(tmp_path)
    assert list(data) == ["train", "dev", "test"]
    assert columns(data["train"], "id", "text", "target", "label") == [
        ("abortion/train/1", "Every life counts", "Legalization of Abortion", "AGAINST"),
        ("abortion/train/2", "Lunch was great", "Legalization of Abortion", "NONE"),
        ("hillary/train/1", "@user she will win", "Hillary Clinton", "FAVOR"),
    ]
    assert columns(data["dev"], "topic", "label") == [
        ("Legalization of Abortion", "FAVOR"),
        ("Hillary Clinton", "AGAINST"),
    ]
    assert data["test"]["label"] == ["NONE", "NONE"]


def test_semeval_reads_the_label_names_from_mapping_txt(tmp_path):
    write_tweeteval(tmp_path / "stance", mapping="0\tfavor\n1\tagainst\n2\tnone\n")
    assert load_semeval(tmp_path / "stance")["dev"]["label"] == ["NONE", "AGAINST"]


def test_semeval_prefers_the_nrc_files_and_layout_can_be_forced(tmp_path):
    write_nrc(tmp_path / "nrc_original")
    write_tweeteval(tmp_path / "tweeteval_stance")
    assert list(load_semeval(tmp_path)) == ["train", "trial", "test"]
    assert list(load_semeval(tmp_path, layout="tweeteval")) == ["train", "dev", "test"]


def test_ibm_claim_stance(tmp_path):
    write_ibm(tmp_path)
    data = load_ibm(tmp_path)
    assert columns(data["train"], "id", "text", "topic", "topic_id", "label") == [
        ("21", "Tolls cut congestion", TOLLS, "7", "FAVOR")
    ]
    assert columns(data["test"], "id", "text", "label") == [
        ("11", "Children need free time to play", "FAVOR"),
        ("12", "Practice at home\nbuilds lasting habits", "AGAINST"),
    ]
    assert set(data["test"]["topic"]) == {SCHOOL}


def test_gwsd_argmax_of_the_posterior_and_the_held_out_test(tmp_path):
    write_gwsd(tmp_path)
    data = load_gwsd(tmp_path)
    assert columns(data["train"], "id", "text", "label", "p_agree") == [
        ("1_0_t0", 'He said "the data are clear" on warming.', "FAVOR", 0.7),
        ("1_0_t1", "Models exaggerate the warming.", "AGAINST", 0.1),
    ]
    assert columns(data["test"], "id", "topic", "label") == [("1_0_t2", "Climate change is a serious concern", "NONE")]


def write_all(root: Path) -> None:
    write_vast(root / "vast")
    write_ibm(root / "ibm_claim_stance")
    write_nrc(root / "semeval2016_task6" / "nrc_original")
    write_gwsd(root / "gwsd")


def test_cli_counts_every_dataset_as_json(tmp_path):
    write_all(tmp_path)
    result = CliRunner().invoke(app, ["data", "public", "--root", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    counts = {(row["dataset"], row["split"]): row for row in json.loads(result.stdout)}
    assert len(counts) == 10
    assert counts["gwsd", "train"] == {
        "dataset": "gwsd",
        "split": "train",
        "rows": 2,
        "FAVOR": 1,
        "AGAINST": 1,
        "NONE": 0,
        "topics": 1,
    }
    assert counts["vast", "train"]["rows"] + counts["vast", "dev"]["rows"] == 5
    table = CliRunner().invoke(app, ["data", "public", "--root", str(tmp_path), "--dataset", "ibm"]).stdout
    assert table.splitlines() == [
        "| dataset | split | rows | FAVOR | AGAINST | NONE | topics |",
        "|---|---|---|---|---|---|---|",
        "| ibm | train | 1 | 1 | 0 | 0 | 1 |",
        "| ibm | test | 2 | 1 | 1 | 0 | 1 |",
    ]


def test_missing_root_or_folder_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["data", "public", "--root", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {tmp_path / 'nowhere'}: datasets folder not found"
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'vast'}: VAST folder not found")):
        load_public(tmp_path, ["vast"])
    with pytest.raises(InputError, match=re.escape(f"{tmp_path}: none of vast/, ibm_claim_stance/")):
        load_public(tmp_path)
    with pytest.raises(InputError, match="unknown dataset 'sem': choose from vast, ibm, semeval, gwsd"):
        load_public(tmp_path, ["sem"])
    with pytest.raises(InputError, match=re.escape(f"{tmp_path}: no SemEval-2016 Task 6 files")):
        load_semeval(tmp_path)


def test_malformed_files_name_the_file_and_line(tmp_path):
    write_all(tmp_path)
    vast = tmp_path / "vast" / "vast_train.csv"
    vast.write_text(vast.read_text(encoding="utf-8").replace(",coal,0,x,2,", ",coal,7,x,2,"), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{vast}:3: label '7' is not one of 1, 0, 2")):
        load_public(tmp_path, ["vast"])
    write_csv(vast, [c for c in VAST_COLUMNS if c != "seen?"], [])
    with pytest.raises(InputError, match=re.escape(f"{vast}: missing column(s) seen?")):
        load_public(tmp_path, ["vast"])

    nrc = tmp_path / "semeval2016_task6" / "nrc_original" / "testdata-taskA-all-annotations.txt"
    nrc_file(nrc, ["1\tAtheism\tGod is good #SemST\tAGAINST", "2\tAtheism\tNo gods #SemST\tFAVOR\tTARGET\tNEGATIVE"])
    with pytest.raises(InputError, match=re.escape(f"{nrc}:2: 6 tab-separated fields expected, found 4")):
        load_public(tmp_path, ["semeval"])

    gwsd = tmp_path / "gwsd" / "GWSD.tsv"
    write_csv(gwsd, GWSD_COLUMNS, [gwsd_row("1_0_t0", "Seas rise.", ("0.1", "0.7", "0.2"), test="maybe")], "\t")
    with pytest.raises(InputError, match=re.escape(f"{gwsd}:2: in_held_out_test 'maybe' is not one of True, False")):
        load_public(tmp_path, ["gwsd"])

    ibm = tmp_path / "ibm_claim_stance" / "claim_stance_dataset_v1.csv"
    ibm.write_text(ibm.read_text(encoding="utf-8").replace(",PRO,", ",NEUTRAL,", 1), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{ibm}:2: label 'NEUTRAL' is not one of PRO, CON")):
        load_public(tmp_path, ["ibm"])


def test_tweeteval_labels_must_match_the_tweets(tmp_path):
    write_tweeteval(tmp_path / "stance")
    labels = tmp_path / "stance" / "hillary" / "val_labels.txt"
    labels.write_text("1\n2\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{labels}: 2 labels for 1 tweets in val_text.txt")):
        load_semeval(tmp_path)


# --- the real download -------------------------------------------------------------------------------------------

REAL = project_path(Config().train.datasets_root)


@pytest.mark.slow
@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} is not there")
def test_real_datasets_match_their_documented_counts():
    """Counts from shared/datasets/README.md and each SOURCE.md."""
    counts = {(r["dataset"], r["split"]): r for r in split_counts(load_public(REAL))}

    def labels(*keys: tuple[str, str]) -> tuple[int, int, int, int]:
        total = Counter[str]()
        for key in keys:
            total.update({k: counts[key][k] for k in ("rows", "FAVOR", "AGAINST", "NONE")})
        return total["rows"], total["FAVOR"], total["AGAINST"], total["NONE"]

    assert labels(("vast", "train"), ("vast", "dev")) == (13_477, 5_327, 5_595, 2_555)  # dev held out of train
    assert labels(("vast", "test")) == (3_006, 944, 1_018, 1_044)
    assert labels(("ibm", "train")) == (1_039, 625, 414, 0)
    assert labels(("ibm", "test")) == (1_355, 700, 655, 0)
    assert labels(("semeval", "train")) == (2_814, 731, 1_342, 741)
    assert labels(("semeval", "trial")) == (100, 22, 53, 25)
    assert labels(("semeval", "test")) == (1_249, 304, 715, 230)
    assert labels(("gwsd", "train"), ("gwsd", "test")) == (2_050, 777, 400, 873)
    assert counts["gwsd", "test"]["rows"] == 200
    assert (counts["ibm", "train"]["topics"], counts["ibm", "test"]["topics"]) == (25, 30)

    vast = load_vast(REAL / "vast")
    assert Counter(vast["test"]["seen"]) == {False: 1_460, True: 1_546}
    assert not set(vast["dev"]["arc_id"]) & set(vast["train"]["arc_id"])
    tweeteval = load_semeval(REAL / "semeval2016_task6", layout="tweeteval")
    assert (tweeteval["train"].num_rows + tweeteval["dev"].num_rows, tweeteval["test"].num_rows) == (2_914, 1_249)
    assert Counter(tweeteval["test"]["label"]) == {"AGAINST": 715, "FAVOR": 304, "NONE": 230}
