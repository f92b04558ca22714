"""Reported-speech constructions of news English, one test each, on small texts written for these tests."""

from tests.test_segment_attribute import claims


def test_a_surname_that_ner_misses_still_anchors_the_next_pronoun():
    text = (
        "Health Minister Joanna Pryce met Conservative spokesman Giles Ashworth on Monday. "
        "Ashworth called the levy a tax on families.\n\n"
        "Pryce was dismissive. \u201cNobody is taxing families,\u201d she said."
    )
    found, _ = claims(text)
    assert found[1] == ("Nobody is taxing families", "joanna_pryce", "direct", "pronoun")


def test_what_follows_as_after_a_position_verb_is_the_position():
    text = "Marta Olivares, a Spanish MEP, described the reform as \u201ca dark day for the right to asylum\u201d."
    found, _ = claims(text)
    assert found == [
        (
            "described the reform as \u201ca dark day for the right to asylum\u201d",
            "marta_olivares",
            "reported",
            "name",
        )
    ]


def test_said_in_a_statement_that():
    text = "The Norwegian Shipping Association said in a statement that the new rules would cost thousands of jobs."
    found, _ = claims(text)
    assert found == [
        ("the new rules would cost thousands of jobs", "norwegian_shipping_association", "reported", "name")
    ]


def test_it_said_is_the_organisation_named_before():
    text = (
        "The Swedish Trade Federation welcomed the deal on Monday. "
        "It said the agreement would lower prices for shoppers."
    )
    found, att = claims(text)
    said = ("the agreement would lower prices for shoppers", "swedish_trade_federation", "reported", "pronoun")
    assert found[1] == said
    assert [s.kind for s in att.speakers] == ["org"]


def test_the_council_said_is_the_organisation_of_that_kind():
    text = (
        "Friends of the Earth Europe and the European Farmers Council met ministers on Monday.\n\n"
        "\u201cWe cannot wait another decade for clean rivers,\u201d the council said."
    )
    found, _ = claims(text)
    assert found == [
        ("We cannot wait another decade for clean rivers", "european_farmers_council", "direct", "description")
    ]


def test_a_ministry_with_its_country_names_itself():
    found, att = claims("Mexico\u2019s environment ministry has warned that plastic waste would double by 2040.")
    assert found == [("plastic waste would double by 2040", "environment_ministry", "reported", "name")]
    assert att.speakers[0].kind == "org"


def test_an_organisation_in_apposition_names_the_description():
    found, _ = claims("The environment ministry, Semarnat, said that Mexico would back a cap on plastic production.")
    assert found == [("Mexico would back a cap on plastic production", "semarnat", "reported", "name")]


def test_a_proper_name_that_ner_leaves_out_of_the_entity_beside_it():
    text = "Ministers met in Brussels. Denmark's Lars Kjeldgaard, in combative form, said the rules had failed."
    found, _ = claims(text)
    assert found == [("the rules had failed", "lars_kjeldgaard", "reported", "name")]
