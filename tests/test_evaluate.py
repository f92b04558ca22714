import numpy as np
import pytest

from pipeline import PROJECT_ROOT
from pipeline.calibrate import ece, fit_temperature, reliability, rescale
from pipeline.evaluate import ArticleScore, intervals, unseen_topics
from pipeline.io import load_gold
from pipeline.matching import covering_claim, gold_speaker, same_name
from pipeline.metrics import stance_scores
from pipeline.records import Claim, GoldClaim, Mode

GOLD = load_gold(PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.gold.json").gold


def claim(start, end):
    return Claim(id=f"p{start}", start=start, end=end, text="x" * (end - start), mode=Mode.REPORTED)


def test_a_gold_claim_is_found_when_one_prediction_covers_half_of_it():
    gold = GoldClaim(id="g", start=100, end=200, text="y" * 100, speaker=None, mode=Mode.DIRECT, stances={})
    assert covering_claim(gold, [claim(0, 120), claim(150, 260)]).id == "p150"  # 50 of 100 characters
    assert covering_claim(gold, [claim(0, 140), claim(160, 260)]) is None  # 40 each: neither is half


def test_names_match_by_alias_or_by_ending():
    assert gold_speaker("The NATO chief", GOLD) == "mark_rutte"
    assert gold_speaker("Secretary General Mark Rutte", GOLD) == "mark_rutte"
    assert gold_speaker("Rutte", GOLD) == "mark_rutte"
    assert gold_speaker("Mark Smith", GOLD) is None and gold_speaker(None, GOLD) is None
    assert same_name("Kremlin", "the Kremlin") and not same_name("Weber", "Mark Weber")


def test_stance_scores():
    gold = ["FAVOR", "FAVOR", "AGAINST", "NONE"]
    pred = ["FAVOR", "NONE", "AGAINST", "NONE"]
    s = stance_scores(gold, pred)
    assert s["accuracy"] == 0.75
    assert s["f1"] == pytest.approx({"FAVOR": 2 / 3, "AGAINST": 1.0, "NONE": 2 / 3})
    assert s["f_avg"] == pytest.approx((2 / 3 + 1) / 2) and s["macro_f1"] == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)


def test_per_class_precision_recall_and_confusion():
    s = stance_scores(["FAVOR", "FAVOR", "AGAINST", "NONE"], ["FAVOR", "AGAINST", "AGAINST", "FAVOR"])
    assert s["confusion"] == [[1, 1, 0], [0, 1, 0], [1, 0, 0]]
    assert s["precision"] == {"FAVOR": 0.5, "AGAINST": 0.5, "NONE": 0.0}
    assert s["recall"] == {"FAVOR": 0.5, "AGAINST": 1.0, "NONE": 0.0}
    assert s["support"] == {"FAVOR": 2, "AGAINST": 1, "NONE": 1}


def test_temperature_scaling_cools_an_overconfident_model_and_keeps_its_labels():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, 600)
    # Right 60% of the time, but always 95% sure.
    predicted = np.where(rng.random(600) < 0.6, labels, (labels + 1) % 3)
    probs = np.full((600, 3), 0.025)
    probs[np.arange(600), predicted] = 0.95
    t = fit_temperature(probs, labels)
    scaled = rescale(probs, t)
    assert t > 1.5
    assert (scaled.argmax(1) == probs.argmax(1)).all()
    assert ece(scaled, labels) < 0.05 < 0.3 < ece(probs, labels)
    assert scaled.max(1).mean() == pytest.approx(0.6, abs=0.03)


def test_ece_is_zero_when_confidence_matches_accuracy():
    probs = np.array([[0.5, 0.3, 0.2]] * 4)
    assert ece(probs, np.array([0, 0, 1, 2])) == pytest.approx(0.0)
    assert reliability(probs, np.array([0, 0, 1, 2])) == [
        {"low": 0.5, "high": 0.6, "confidence": 0.5, "accuracy": 0.5, "n": 4}
    ]


def _article(name: str, right: int, wrong: int) -> ArticleScore:
    gold = ["FAVOR"] * (right + wrong)
    pred = ["FAVOR"] * right + ["NONE"] * wrong
    return ArticleScore(name, 4, 4, 3, 2, [("direct", "name", True)] * right, gold, pred, np.zeros((0, 3)), [], [], [])


def test_bootstrap_intervals_resample_articles():
    assert intervals([_article("a", 3, 1)]) == {}  # one article: no interval rather than a zero-width one
    same = intervals([_article("a", 3, 1), _article("b", 3, 1)])
    assert same["claim_x_topic_accuracy"] == [0.75, 0.75] and same["claims_f1_overlap"] == [0.75, 0.75]
    mixed = intervals([_article(str(i), 4 if i % 2 else 0, 0 if i % 2 else 4) for i in range(20)])
    low, high = mixed["claim_x_topic_accuracy"]
    assert 0.2 < low < 0.5 < high < 0.8


def test_topics_never_trained_on_are_scored_apart():
    score = _article("a", 2, 1)
    score = ArticleScore(**{**score.__dict__, "claim_topics": ["old", "new", "new"]})
    found = unseen_topics([score], seen={"old"})
    assert found["topics"] == ["new"] and found["n"] == 2 and found["accuracy"] == 0.5
