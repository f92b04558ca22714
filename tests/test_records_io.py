import json
import shutil

import pytest

from pipeline import PROJECT_ROOT
from pipeline.data import problems
from pipeline.errors import InputError
from pipeline.io import load_gold, load_topics
from pipeline.records import Claim, Mode

SEED_GOLD = PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.gold.json"


def test_seed_gold_loads_and_offsets_match():
    item = load_gold(SEED_GOLD)
    assert len(item.gold.claims) == 25 and len(item.gold.speaker_stances) == 10
    assert problems(item) == []
    for c in item.gold.claims:
        assert item.article.text[c.start : c.end] == c.text


def test_records_are_frozen_and_strict():
    claim = Claim(id="c1", start=0, end=3, text="abc", mode=Mode.DIRECT)
    with pytest.raises(Exception, match="frozen"):
        claim.start = 2  # type: ignore[misc]
    with pytest.raises(Exception, match="extra"):
        Claim(id="c1", start=0, end=3, text="abc", mode=Mode.DIRECT, colour="red")  # type: ignore[call-arg]


def _broken_gold(tmp_path, edit):
    data = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    edit(data)
    shutil.copy(SEED_GOLD.with_name("000_39d72c23a529c9cb.txt"), tmp_path)
    path = tmp_path / "000_39d72c23a529c9cb.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_gold_error_names_file_and_field(tmp_path):
    path = _broken_gold(tmp_path, lambda d: d["claims"][2].update(mode="shouted"))
    with pytest.raises(InputError, match=r"gold\.json: claims\.2\.mode: Input should be 'direct'"):
        load_gold(path)


def test_gold_problems_offsets_and_consistency(tmp_path):
    def edit(d):
        d["claims"][0]["start"] += 1
        d["speaker_stances"][0]["stance"] = "NONE"  # rutte x european_defence_autonomy, his claims say AGAINST

    found = problems(load_gold(_broken_gold(tmp_path, edit)))
    assert found == [
        "claims.c01: text does not match article[54:130]",
        "speaker_stances.mark_rutte.european_defence_autonomy: NONE but their claims say AGAINST",
    ]


def test_topics_file_forms(tmp_path):
    listed = tmp_path / "t.yaml"
    listed.write_text("- {id: a, name: A}\n- {id: b, name: B, description: The b topic.}\n")
    mapped = tmp_path / "t.json"
    mapped.write_text(json.dumps({"topics": [{"id": "a", "name": "A"}]}))
    assert [t.id for t in load_topics(listed)] == ["a", "b"]
    assert load_topics(mapped)[0].description is None
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: a}\n")
    with pytest.raises(InputError, match=r"bad\.yaml: topics\[0\]\.name: Field required"):
        load_topics(bad)
