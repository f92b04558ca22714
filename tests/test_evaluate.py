import pytest

from pipeline import PROJECT_ROOT
from pipeline.evaluate import covering_claim, gold_speaker, same_name
from pipeline.io import load_gold
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
