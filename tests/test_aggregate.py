import pytest

from pipeline.aggregate import aggregate, speaker_topic_stance
from pipeline.records import Article, Attribution, Claim, ClaimStance, Label, Mode, Speaker, Topic


def stance(claim, probs, topic="t"):
    best = max(range(3), key=lambda i: probs[i])
    return ClaimStance(
        claim=claim,
        topic=topic,
        label=[Label.FAVOR, Label.AGAINST, Label.NONE][best],
        confidence=probs[best],
        probs=probs,
    )


def test_no_evidence_is_none_with_confidence_from_the_strongest_claim():
    s = speaker_topic_stance("a", "t", [stance("c1", (0.2, 0.1, 0.7)), stance("c2", (0.05, 0.05, 0.9))])
    assert s.label is Label.NONE and s.evidence == ()
    assert s.confidence == pytest.approx(0.8)


def test_majority_of_mass_wins_and_evidence_is_ranked():
    s = speaker_topic_stance(
        "a",
        "t",
        [stance("c1", (0.6, 0.1, 0.3)), stance("c2", (0.9, 0.05, 0.05)), stance("c3", (0.1, 0.7, 0.2))],
    )
    assert s.label is Label.FAVOR and s.evidence == ("c2", "c1")
    share = 1.5 / (1.5 + 0.7)
    assert s.confidence == pytest.approx(share * (1 - 0.4 * 0.1))


def test_min_confidence_turns_a_weak_stance_into_none():
    s = speaker_topic_stance("a", "t", [stance("c1", (0.5, 0.1, 0.4))], min_confidence=0.6)
    assert s.label is Label.NONE and s.evidence == ("c1",) and s.confidence == pytest.approx(0.5)


def test_every_topic_for_every_speaker():
    article = Article(id="x", text="abc def ghi")
    claims = (
        Claim(id="c01", start=0, end=3, text="abc", mode=Mode.DIRECT, speaker="a"),
        Claim(id="c02", start=4, end=7, text="def", mode=Mode.DIRECT, speaker="b"),
    )
    att = Attribution(article=article, claims=claims, speakers=(Speaker(id="a", name="A"), Speaker(id="b", name="B")))
    topics = [Topic(id="t", name="T"), Topic(id="u", name="U")]
    stances = [
        stance("c01", (0.8, 0.1, 0.1), "t"),
        stance("c01", (0.1, 0.1, 0.8), "u"),
        stance("c02", (0.1, 0.8, 0.1), "t"),
        stance("c02", (0.1, 0.1, 0.8), "u"),
    ]
    out = aggregate(att, topics, stances)
    assert [(s.speaker, s.topic, s.label.value) for s in out] == [
        ("a", "t", "FAVOR"),
        ("a", "u", "NONE"),
        ("b", "t", "AGAINST"),
        ("b", "u", "NONE"),
    ]
