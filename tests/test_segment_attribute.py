"""Every attribution construction on small texts written for these tests, with exact spans and speakers."""

import json

from pipeline import PROJECT_ROOT
from pipeline.analyze import extract
from pipeline.config import Config
from pipeline.ingest import article_from_text

CFG = Config()


def claims(text):
    att = extract(article_from_text("t", text), CFG)
    for c in att.claims:
        assert text[c.start : c.end] == c.text  # offsets round-trip
    return [
        (c.text, c.speaker, c.mode.value, c.speaker_method.value if c.speaker_method else None) for c in att.claims
    ], att


def test_trailing_and_leading_attribution():
    text = (
        "Defence chiefs met in Brussels on Monday.\n\n"
        "German Chancellor Friedrich Merz opened the meeting. "
        "\u201cWe will not send troops without a mandate,\u201d Merz said.\n\n"
        "Estonian Prime Minister Kristen Michal said: \u201cEurope must act now.\u201d"
    )
    found, att = claims(text)
    assert found == [
        ("We will not send troops without a mandate", "friedrich_merz", "direct", "name"),
        ("Europe must act now.", "kristen_michal", "direct", "name"),
    ]
    assert {s.id: s.name for s in att.speakers} == {
        "friedrich_merz": "Friedrich Merz",
        "kristen_michal": "Kristen Michal",
    }


def test_mid_quote_pronoun_and_unattributed_paragraph():
    text = (
        "Finance Minister Jane Doerr spoke to reporters on Tuesday.\n\n"
        "\u201cWe are ready to pay our share,\u201d she said. \u201cBut the money must be spent well.\u201d\n\n"
        "\u201cNobody should doubt our commitment to the alliance.\u201d"
    )
    found, att = claims(text)
    assert found == [
        ("We are ready to pay our share", "jane_doerr", "direct", "pronoun"),
        ("But the money must be spent well.", "jane_doerr", "direct", "continuation"),
        ("Nobody should doubt our commitment to the alliance.", "jane_doerr", "direct", "continuation"),
    ]
    assert att.speakers[0].mentions == ("Jane Doerr", "she")


def test_quote_over_two_paragraphs_takes_the_cue_of_its_second_part():
    text = (
        "Ursula von der Leyen addressed the parliament in Strasbourg.\n\n"
        "\u201cOur budget will double by 2030. We have no other choice.\n\n"
        "\u201cThe threat is real and it is growing,\u201d the Commission president said."
    )
    found, att = claims(text)
    assert [f[0] for f in found] == [
        "Our budget will double by 2030.",
        "We have no other choice.",
        "The threat is real and it is growing",
    ]
    assert {f[3] for f in found} == {"description"} and len({f[1] for f in found}) == 1
    assert att.warnings == ()


def test_switching_back_to_an_earlier_speaker():
    text = (
        "Polish Foreign Minister Radoslaw Sikorski backed the plan. "
        "Hungarian Prime Minister Viktor Orban rejected the plan outright.\n\n"
        "\u201cThis is a mistake that will cost us dearly,\u201d Orban said.\n\n"
        "\u201cHungary is simply wrong about this,\u201d Sikorski replied."
    )
    found, _ = claims(text)
    assert found == [
        (
            "Polish Foreign Minister Radoslaw Sikorski backed the plan",
            "radoslaw_sikorski",
            "reported",
            "name",
        ),
        (
            "Hungarian Prime Minister Viktor Orban rejected the plan outright",
            "viktor_orban",
            "reported",
            "name",
        ),
        ("This is a mistake that will cost us dearly", "viktor_orban", "direct", "name"),
        ("Hungary is simply wrong about this", "radoslaw_sikorski", "direct", "name"),
    ]


def test_description_before_the_name():
    text = (
        "The French president warned that Europe could not rely on Washington forever.\n\n"
        "Emmanuel Macron made the remarks in Paris on Friday."
    )
    found, _ = claims(text)
    assert found == [("Europe could not rely on Washington forever", "emmanuel_macron", "reported", "description")]


def test_appositive_and_age_description():
    text = (
        "Jane Holm, the Danish defence minister, said that conscription should be extended to women.\n\n"
        "The 58-year-old added that the army needed 5,000 more recruits.\n\n"
        "Poland\u2019s deputy defence minister, Tomasz Wierzbicki, said his government backed the plan."
    )
    found, _ = claims(text)
    assert found == [
        ("conscription should be extended to women", "jane_holm", "reported", "name"),
        ("the army needed 5,000 more recruits", "jane_holm", "reported", "description"),
        ("his government backed the plan", "tomasz_wierzbicki", "reported", "name"),
    ]


def test_unnamed_groups_never_speak_but_named_organisations_do():
    text = (
        "Officials said that the plan was dead. Critics argue that the rules are too strict.\n\n"
        "The European Commission said that the rules would apply from June.\n\n"
        "The summit ended without a deal."
    )
    found, att = claims(text)
    assert found == [("the rules would apply from June", "european_commission", "reported", "name")]
    assert att.speakers[0].kind == "org"


def test_according_to():
    found, _ = claims("According to Finnish President Alexander Stubb, the alliance is stronger than ever.")
    assert found == [("the alliance is stronger than ever", "alexander_stubb", "reported", "name")]


def test_unbalanced_quote_is_closed_with_a_warning():
    text = "Senator Mark Kelly spoke on Sunday.\n\n\u201cWe have to fund this program, Kelly said.\n\nThe vote is next."
    _, att = claims(text)
    assert att.claims[0].text == "We have to fund this program, Kelly said."
    assert att.claims[0].warning == "quote closed at paragraph end"
    assert att.warnings == ("unbalanced quotation mark at offset 37: quote closed at paragraph end",)


def test_a_quoted_fragment_stays_inside_its_reported_clause():
    text = "Home Secretary Yvette Cooper spoke on Monday. She said the plan was a \u201cfantasy\u201d that would fail."
    found, _ = claims(text)
    assert found == [("the plan was a \u201cfantasy\u201d that would fail", "yvette_cooper", "reported", "pronoun")]


def test_a_quoted_fragment_after_a_position_verb_is_the_position():
    text = (
        "The report came out on Monday.\n\n"
        "Declan Moloney, an Irish member of the European Parliament, called the report "
        "\u201ca shopping list dressed up as analysis\u201d and said the EU was wrong."
    )
    found, _ = claims(text)
    assert found[0] == (
        "called the report \u201ca shopping list dressed up as analysis\u201d",
        "declan_moloney",
        "reported",
        "name",
    )


def test_seed_article_all_claims_found_and_attributed(seed_article):
    gold = json.loads((PROJECT_ROOT / "seeds" / "000_39d72c23a529c9cb.gold.json").read_text(encoding="utf-8"))
    att = extract(seed_article, CFG)
    for g in gold["claims"]:
        covering = [
            c for c in att.claims if 2 * (min(c.end, g["end"]) - max(c.start, g["start"])) >= g["end"] - g["start"]
        ]
        assert covering, g["text"]
        assert covering[0].speaker == g["speaker"], g["text"]
    assert {s.id: s.name for s in att.speakers} == {
        "mark_rutte": "Mark Rutte",
        "manfred_weber": "Manfred Weber",
    }
    rutte = att.speakers[0]
    assert {"Rutte", "The NATO chief", "he"} <= set(rutte.mentions)


def test_position_verbs_with_a_for_clause_or_a_noun_of_position():
    text = (
        "Danish Foreign Minister Lars Holm spoke after the meeting. He called for Greenland to be given a veto "
        "over new bases. He also repeated his opposition to renewing the sanctions."
    )
    found, _ = claims(text)
    assert found == [
        ("He called for Greenland to be given a veto over new bases", "lars_holm", "reported", "pronoun"),
        ("He also repeated his opposition to renewing the sanctions", "lars_holm", "reported", "pronoun"),
    ]


def test_interview_questions_are_nobodys_claims_and_answers_belong_to_the_interviewee():
    text = (
        "Denmark\u2019s defence minister, Anders Bjerregaard, sat down with us this week.\n\n"
        "Q: Washington keeps saying it wants more say over Greenland. Does that worry you?\n\n"
        "\u201cGreenland is not for sale. We care about the Arctic too.\u201d\n\n"
        "Q: So the answer is more money?\n\n"
        "\u201cYes.\u201d"
    )
    found, _ = claims(text)
    assert found == [
        ("Greenland is not for sale.", "anders_bjerregaard", "direct", "continuation"),
        ("We care about the Arctic too.", "anders_bjerregaard", "direct", "continuation"),
        ("Yes.", "anders_bjerregaard", "direct", "continuation"),
    ]
