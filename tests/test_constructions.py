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


def test_content_before_he_said_without_quotes():
    text = "Tomas Berg met party leaders on Monday. The party would never govern with the far right, he said."
    found, _ = claims(text)
    assert found == [("The party would never govern with the far right", "tomas_berg", "reported", "pronoun")]


def test_lede_content_before_a_description_then_the_name():
    text = (
        "Estonia will triple its intake of conscripts by 2029, the country\u2019s defence minister said Friday.\n\n"
        "Defence Minister Kadri Tamm said the first new units would form next spring."
    )
    found, _ = claims(text)
    assert found[0] == (
        "Estonia will triple its intake of conscripts by 2029",
        "kadri_tamm",
        "reported",
        "description",
    )


def test_asked_whether_is_the_journalist_not_a_claim():
    text = "Asked whether the deal was a hedge against Washington, Pieter Aalders did not deny it."
    found, _ = claims(text)
    assert found == []


def test_a_quote_right_after_a_quoted_fragment_is_speech():
    text = 'Anna Lind called the vote "a dark day for Europe." "We will fight this in every court," Lind wrote on X.'
    found, _ = claims(text)
    assert ("We will fight this in every court", "anna_lind", "direct", "name") in found


def test_a_that_clause_after_a_prepositional_phrase():
    text = "The Irish Refugee Council warned from the start that the scheme would shift the burden onto poorer states."
    found, _ = claims(text)
    assert found == [
        ("the scheme would shift the burden onto poorer states", "irish_refugee_council", "reported", "name")
    ]


def test_two_for_clauses_joined_by_and_are_one_position():
    text = "Jonas Petrauskas went further, calling for the ban to be scrapped and for the EU to keep its tariffs."
    found, _ = claims(text)
    assert found == [
        (
            "calling for the ban to be scrapped and for the EU to keep its tariffs",
            "jonas_petrauskas",
            "reported",
            "name",
        )
    ]


def test_a_dateline_before_the_speaker_is_not_the_subject():
    said = "Ursula Brandt urged the European Parliament on Tuesday to back a new round of EU borrowing"
    found, _ = claims(f"STRASBOURG \u2014 {said}.")
    assert found == [(said, "ursula_brandt", "reported", "name")]


def test_a_name_after_a_place_phrase_is_still_the_speaker():
    text = (
        "Back in Warsaw, Tomasz Nowicki, a Polish conservative MEP, dismissed the European target as "
        "\u201ca death sentence for industry\u201d."
    )
    found, _ = claims(text)
    assert [(speaker, mode) for _, speaker, mode, _ in found] == [("tomasz_nowicki", "reported")]


def test_a_surname_tagged_as_a_common_noun_is_still_the_person():
    text = (
        "Agriculture Minister Lene Bjørn presented the plan on Monday.\n\n"
        "Bjørn, a Social Democrat, argued that the new rules would help growers."
    )
    found, _ = claims(text)
    assert found == [("the new rules would help growers", "lene_bjorn", "reported", "name")]


def test_a_speaker_asked_about_something_then_said():
    said = "Namibia\u2019s position would be set out at the next round of talks"
    found, _ = claims(f"Nomsa Dlamini, asked about the annex, said {said}.")
    assert found == [(said, "nomsa_dlamini", "reported", "name")]


def test_made_clear_that_is_a_verb_of_saying():
    text = "Sarah Collins met farmers on Monday, but she made clear that the quota itself was not up for debate."
    found, _ = claims(text)
    assert found == [("the quota itself was not up for debate", "sarah_collins", "reported", "pronoun")]


def test_the_dateline_is_not_part_of_the_claim():
    text = "LONDON - Britain and Norway are ready to lead a naval mission in the Baltic, Keir Starmer said on Thursday."
    found, _ = claims(text)
    assert found == [
        ("Britain and Norway are ready to lead a naval mission in the Baltic", "keir_starmer", "reported", "name")
    ]


def test_an_unnamed_official_named_in_an_appositive_speaks():
    text = "A senior Estonian defence official, Mart Kask, dismissed the warning on Monday."
    found, _ = claims(text)
    assert found == [("dismissed the warning", "mart_kask", "reported", "name")]


def test_an_age_goes_to_the_latest_person_not_to_a_description_holding_year():
    text = (
        "Karl Mertens, a Belgian who became trade commissioner last year, said the rules were out of date.\n\n"
        "The Irish trade minister, Siobhan Keane, disagreed. \u201cWe are not there yet,\u201d she said.\n\n"
        "The 48-year-old said Dublin would not sign the deal this spring."
    )
    found, _ = claims(text)
    assert found[2] == ("Dublin would not sign the deal this spring", "siobhan_keane", "reported", "description")


def test_a_hyphenated_first_name_is_one_person():
    text = (
        "\u201cPrices will fall by the summer,\u201d said Jan-Willem Dekker, who grows onions in Flevoland.\n\n"
        "Dekker said the new seed rules were overdue."
    )
    found, att = claims(text)
    assert [s.name for s in att.speakers] == ["Jan-Willem Dekker"]
    assert [speaker for _, speaker, _, _ in found] == ["jan_willem_dekker", "jan_willem_dekker"]


def test_a_surname_ner_cut_from_its_first_name_is_still_a_person():
    # NER tags "Zielińska" alone as a place; "she" must still find her.
    text = (
        "Ewa Zieli\u0144ska told reporters in Katowice that the closure dates would not move.\n\n"
        "\u201cMiners deserve to know the date,\u201d she said."
    )
    found, att = claims(text)
    assert found[1] == ("Miners deserve to know the date", "ewa_zielinska", "direct", "pronoun")
    assert [(s.name, s.kind) for s in att.speakers] == [("Ewa Zieli\u0144ska", "person")]


def test_a_spokeswoman_for_an_organisation_is_the_organisation():
    text = (
        "The Nordic Farmers Council rejected the plan on Monday. "
        "A spokeswoman for the council said farmers would rather be consulted than ordered."
    )
    found, _ = claims(text)
    assert found[1] == (
        "farmers would rather be consulted than ordered",
        "nordic_farmers_council",
        "reported",
        "description",
    )


def test_a_clause_joined_after_a_parenthetical_he_said_is_his_too():
    text = (
        "Carl Brandt, an economist in Kiel, was sceptical of both camps. Raising the retirement age again would "
        "be a mistake, he said, but a shared European pension fund made more sense than national schemes."
    )
    found, _ = claims(text)
    assert found == [
        ("Raising the retirement age again would be a mistake", "carl_brandt", "reported", "pronoun"),
        ("a shared European pension fund made more sense than national schemes", "carl_brandt", "reported", "pronoun"),
    ]


def test_a_but_phrase_after_the_that_clause_is_part_of_it():
    text = "Dana Miller, the state treasurer, said she wanted wages to rise too, but through growth, not a mandate."
    found, _ = claims(text)
    assert found == [
        ("she wanted wages to rise too, but through growth, not a mandate", "dana_miller", "reported", "name")
    ]


def test_a_whose_clause_describes_the_speaker_and_is_no_claim():
    text = (
        "Lars Holm, whose Nordic Alliance party has campaigned against the plan for years, "
        "called the proposal a costly mistake."
    )
    found, att = claims(text)
    assert found == [("called the proposal a costly mistake", "lars_holm", "reported", "name")]
    assert [s.name for s in att.speakers] == ["Lars Holm"]


def test_a_date_between_the_position_verb_and_the_position():
    text = (
        "Poland\u2019s deputy foreign minister called on Tuesday for France to extend its nuclear umbrella over "
        "Poland. Tomasz Wierzba spoke at the Vistula Security Forum."
    )
    found, _ = claims(text)
    assert found == [
        (
            "Poland\u2019s deputy foreign minister called on Tuesday for France to extend its nuclear umbrella over "
            "Poland",
            "tomasz_wierzba",
            "reported",
            "description",
        )
    ]


def test_a_surname_with_a_particle_opening_a_sentence_is_the_same_person():
    text = "Sanne de Wit, the Dutch defence minister, said the plan was sound. De Wit said the navy would take part."
    found, att = claims(text)
    assert [s.name for s in att.speakers] == ["Sanne de Wit"]
    assert [speaker for _, speaker, _, _ in found] == ["sanne_de_wit", "sanne_de_wit"]


def test_a_passive_clause_the_tagger_calls_an_adjective_is_still_content():
    text = "Ukraine\u2019s deputy prime minister, Taras Melnychuk, said the farm argument was being exaggerated."
    found, _ = claims(text)
    assert found == [("the farm argument was being exaggerated", "taras_melnychuk", "reported", "name")]


def test_a_city_ner_takes_for_a_person_does_not_catch_the_next_he():
    text = (
        "\u201cTourists keep coming back to Budapest every year.\u201d\n\n"
        "G\u00e1bor Szalai, the Hungarian health minister, spoke last. Szalai said Budapest would take no lessons "
        "on pandemics from the World Health Organization.\n\n"
        "\u201cWe managed the last pandemic on our own,\u201d he said."
    )
    found, att = claims(text)
    assert found[2] == ("We managed the last pandemic on our own", "gabor_szalai", "direct", "pronoun")
    assert [s.name for s in att.speakers] == ["G\u00e1bor Szalai"]


def test_an_acronym_in_brackets_is_not_part_of_the_name():
    text = "The Confederation of Portuguese Business (CIP) said tourism could not function without foreign workers."
    _, att = claims(text)
    assert [(s.id, s.name) for s in att.speakers] == [
        ("confederation_of_portuguese_business", "Confederation of Portuguese Business")
    ]


def test_a_place_before_based_is_not_a_person():
    text = (
        "We spoke to Helena Brandt, director of the Leuven-based Centre for Fiscal Studies.\n\n"
        "\u201cEurope cannot rearm on separate credit cards,\u201d she said."
    )
    found, _ = claims(text)
    assert found == [("Europe cannot rearm on separate credit cards", "helena_brandt", "direct", "pronoun")]


def test_framing_between_the_object_and_the_position_does_not_end_it():
    found, _ = claims(
        "Anna Lindqvist urged finance ministers on Friday to stop \u00abfighting over the paperwork\u00bb and "
        "approve the new fund."
    )
    assert found == [
        (
            "Anna Lindqvist urged finance ministers on Friday to stop \u00abfighting over the paperwork\u00bb and "
            "approve the new fund",
            "anna_lindqvist",
            "reported",
            "name",
        )
    ]
    found, _ = claims('Geert Dekker accused the other parties on Wednesday of "ignoring" millions of voters.')
    assert found == [
        (
            'Geert Dekker accused the other parties on Wednesday of "ignoring" millions of voters',
            "geert_dekker",
            "reported",
            "name",
        )
    ]


def test_a_surname_in_the_headline_and_the_full_name_below_are_one_person():
    text = (
        "MEPs divided as von der Leyen urges speed on defence\n\n"
        "STRASBOURG \u2014 Ursula von der Leyen said on Tuesday that Europe must produce more ammunition at home."
    )
    found, att = claims(text)
    assert [s.name for s in att.speakers] == ["Ursula von der Leyen"]
    assert [speaker for _, speaker, _, _ in found] == ["ursula_von_der_leyen", "ursula_von_der_leyen"]


def test_a_name_the_article_calls_an_association_is_an_organisation():
    text = (
        "Foro Nuclear, the industry association, called the conditions \u201ca closure order in disguise\u201d.\n\n"
        "\u201cWithout the plant, this town has no future,\u201d said Antonio Cruz, the mayor. "
        "\u201cHalf the families here live from it,\u201d he added."
    )
    found, att = claims(text)
    assert [(s.name, s.kind) for s in att.speakers] == [("Antonio Cruz", "person"), ("Foro Nuclear", "org")]
    assert found[0] == (
        "called the conditions \u201ca closure order in disguise\u201d",
        "foro_nuclear",
        "reported",
        "name",
    )


def test_a_clause_the_parser_takes_for_an_object_is_content_when_it_holds_a_quote():
    found, _ = claims("Oxfam said such deals \u201cexport responsibility and human suffering\u201d.")
    assert found == [("such deals \u201cexport responsibility and human suffering\u201d", "oxfam", "reported", "name")]


def test_one_clause_split_into_two_by_the_parser_is_one_claim():
    # The parser makes both "sent" and "treated" clauses of "said" here (the sentence is the corpus's own).
    text = (
        "The charity Care4Calais said people sent back were being treated "
        '"as bargaining chips between two governments".'
    )
    found, _ = claims(text)
    assert found == [
        (
            'people sent back were being treated "as bargaining chips between two governments"',
            "care4calais",
            "reported",
            "name",
        )
    ]


def test_the_verb_that_attributes_a_quote_can_report_a_clause_too():
    text = (
        "\u201cClose the plant early and you close the whole valley.\u201d The union leader, Petar Ivanov, insisted "
        "that no closure date should be set before new jobs existed."
    )
    found, _ = claims(text)
    assert found == [
        ("Close the plant early and you close the whole valley.", "petar_ivanov", "direct", "name"),
        ("no closure date should be set before new jobs existed", "petar_ivanov", "reported", "name"),
    ]


def test_who_in_the_past_tense_is_the_person_it_describes_which_in_the_present_is_background():
    found, _ = claims(
        "The row began with a speech by Jan Peeters, a Vlaams Belang member of parliament, who urged the other "
        "parties to \u00abstop hiding behind a wall\u00bb."
    )
    assert found == [
        ("urged the other parties to \u00abstop hiding behind a wall\u00bb", "jan_peeters", "reported", "name")
    ]
    found, _ = claims("Hungary, which has refused to implement the pact, sent a junior official.")
    assert found == []


def test_a_quoted_object_runs_to_its_closing_mark_without_that():
    text = (
        "Matthias Brenner, an economist, was unimpressed. He added that the EU\u2019s extra duties on Chinese "
        "electric cars \u201ebuy time, but they also buy higher prices\u201c."
    )
    found, _ = claims(text)
    assert found == [
        (
            "the EU\u2019s extra duties on Chinese electric cars \u201ebuy time, but they also buy higher prices\u201c",
            "matthias_brenner",
            "reported",
            "pronoun",
        )
    ]


def test_words_before_an_honorific_are_not_part_of_the_name():
    _, att = claims("Green MP Sophie Lacaze said national levies were not enough.")
    assert [(s.id, s.name) for s in att.speakers] == [("sophie_lacaze", "Sophie Lacaze")]


def test_an_embassy_is_named_with_its_city():
    found, att = claims(
        "The Chinese Embassy in Washington said arms sales to Taiwan \u201cseriously violate\u201d the policy."
    )
    assert [s.name for s in att.speakers] == ["Chinese Embassy in Washington"]
    assert found[0][1] == "chinese_embassy_in_washington"


def test_a_phrase_before_a_comma_is_not_part_of_the_speaker():
    found, _ = claims(
        "Opening for the Left, Swedish MEP Sara Lindgren called for a European tax on billionaires to cover the bill."
    )
    assert found == [
        (
            "Swedish MEP Sara Lindgren called for a European tax on billionaires to cover the bill",
            "sara_lindgren",
            "reported",
            "name",
        )
    ]


def test_a_clause_before_a_quoted_fragment_is_reported_speech_too():
    text = (
        "Anke Brenner, the SPD's finance spokeswoman, spoke next. \u201eWe will not block it,\u201c she said. Brenner "
        "said the SPD wanted a reform that allowed more borrowing for investment, \u201enot a free pass\u201c."
    )
    found, _ = claims(text)
    assert found[1] == (
        "the SPD wanted a reform that allowed more borrowing for investment",
        "anke_brenner",
        "reported",
        "name",
    )


def test_a_colon_hands_the_quote_to_the_subject_of_the_clause_before_it():
    text = (
        "\u201cThis is not confiscation,\u201d Anna Virtanen, the budget commissioner, told me last month.\n\n"
        "The alternative is worse. Pieter de Groot, a Dutch lawmaker who sits on the finance committee, put it "
        "bluntly: \u201cMy voters will not accept eurobonds.\u201d"
    )
    found, _ = claims(text)
    assert found[1] == ("My voters will not accept eurobonds.", "pieter_de_groot", "direct", "name")


def test_a_name_followed_by_who_is_a_person_whatever_ner_says():
    text = (
        "Prime Minister Mette Frederiksen defended the plan on Monday.\n\n"
        "Signe Holm Dalsgaard, who speaks on refugees for the left-wing Red-Green Alliance, is blunter. "
        "She called the scheme \u201cmoral outsourcing with a price tag\u201d."
    )
    found, att = claims(text)
    assert found[1] == (
        "She called the scheme \u201cmoral outsourcing with a price tag\u201d",
        "signe_holm_dalsgaard",
        "reported",
        "pronoun",
    )
    assert [(s.name, s.kind) for s in att.speakers][1] == ("Signe Holm Dalsgaard", "person")


def test_a_name_of_an_organisation_is_a_member_of_it():
    text = (
        "Marta Olivares, a Spanish MEP, voted against the pact.\n\n"
        "On the far right of the chamber, Thibault Marchand of the French National Rally welcomed the result.\n\n"
        "\u201cNow they vote for our ideas,\u201d the 34-year-old said."
    )
    found, _ = claims(text)
    assert found[-1] == ("Now they vote for our ideas", "thibault_marchand", "direct", "description")


def test_a_name_the_parser_hangs_deep_in_the_title_is_still_the_speaker():
    text = (
        "Hanneke Bosman defended the checks in The Hague.\n\n"
        "Across the border, the mayor of the Belgian town of Hamont-Achel, Jef Vanhoof, said local firms were "
        "losing customers."
    )
    found, _ = claims(text)
    assert found[-1] == ("local firms were losing customers", "jef_vanhoof", "reported", "name")


def test_a_description_goes_to_the_person_the_paragraph_just_named():
    text = (
        "Ant\u00f3nio Costa, the European Council president, said the summit would decide in June.\n\n"
        "Volodymyr Zelensky, for his part, has grown impatient. \u00abEurope cannot keep Ukraine waiting at the "
        "door\u00bb, the Ukrainian president said."
    )
    found, _ = claims(text)
    assert found[-1] == (
        "Europe cannot keep Ukraine waiting at the door",
        "volodymyr_zelensky",
        "direct",
        "description",
    )


def test_asked_after_a_quote_attributes_it():
    text = (
        "Dirk Hollmann called for an end to arms deliveries.\n\n"
        "\u201cWhere was this courage two years ago?\u201d asked Lea Sommer, the Greens\u2019 spokeswoman."
    )
    found, _ = claims(text)
    assert found[-1] == ("Where was this courage two years ago?", "lea_sommer", "direct", "name")


def test_a_lower_case_quote_after_a_comma_stays_in_the_reported_clause():
    text = (
        "Zbigniew Nowak, who leads the miners' union, was unmoved. Nowak argued that closing Polish mines would "
        "simply mean importing coal from Colombia, \u201cwhich is a strange way to save the planet\u201d."
    )
    found, _ = claims(text)
    assert found == [
        (
            "closing Polish mines would simply mean importing coal from Colombia, \u201cwhich is a strange way to "
            "save the planet\u201d",
            "zbigniew_nowak",
            "reported",
            "name",
        )
    ]
    # ... unless it resumes a quote that the attribution broke.
    found, _ = claims("Anna Berg spoke last. \u201cThe plan,\u201d she said, \u201cis dead.\u201d")
    assert [text for text, *_ in found] == ["The plan", "is dead."]


def test_quotes_between_two_apostrophes_are_attributed_like_any_other():
    text = (
        "''It's anti-reform,'' said Ryan Ellis, a tax consultant. ''She's layering on new taxes.''\n\n"
        "''There's no evidence this would work,'' Mr. Ellis said."
    )
    found, _ = claims(text)
    assert [(t, s, m) for t, s, m, _ in found] == [
        ("It's anti-reform", "ryan_ellis", "direct"),
        ("She's layering on new taxes.", "ryan_ellis", "direct"),
        ("There's no evidence this would work", "ryan_ellis", "direct"),
    ]


def test_an_attribution_set_off_by_commas_inside_the_clause_it_reports():
    text = (
        "Mayor Jane Doe spoke on Monday. But to prevent delays, she said, the council should vote this week.\n\n"
        "If the vote fails, Ms. Doe argues, there are other ways to fund the bridge."
    )
    found, _ = claims(text)
    assert found == [
        ("But to prevent delays, she said, the council should vote this week", "jane_doe", "reported", "pronoun"),
        ("If the vote fails, Ms. Doe argues, there are other ways to fund the bridge", "jane_doe", "reported", "name"),
    ]


def test_a_time_phrase_between_the_verb_and_its_clause():
    text = "Mayor Jane Doe spoke on Monday. Doe said after the meeting the bridge would open in May."
    found, _ = claims(text)
    assert found == [("the bridge would open in May", "jane_doe", "reported", "name")]


def test_a_name_opening_the_paragraph_after_a_headline_and_a_name_ending_in_a_place():
    text = (
        "Denmark’s farm minister on gene editing, livestock taxes and the CAP\n\n"
        "Mette Kjær steered the deal on edited crops over the line during Denmark’s presidency last year. "
        "“It took Europe twenty years to admit that an edited plant is not a monster,” the Danish agriculture "
        "minister said.\n\n"
        "Organic Denmark was less enthusiastic. “We are not against research,” it said."
    )
    found, _ = claims(text)
    assert [(t[:20], s, how) for t, s, _, how in found] == [
        ("It took Europe twent", "mette_kjaer", "description"),  # the parser keeps "Mette" with "Kjær"
        ("We are not against r", "organic_denmark", "pronoun"),  # an organisation: "it" stands for it
    ]


def test_a_but_that_opens_a_quotation_is_still_part_of_the_reported_clause():
    text = (
        "Mette Kjær spoke on Monday. She said farming could not be left out of the climate target, "
        "“but it cannot be hit with the same tools as a power station either”."
    )
    found, _ = claims(text)
    assert found == [
        (
            "farming could not be left out of the climate target, “but it cannot be hit with the same tools as a "
            "power station either”",
            "mette_kjaer",
            "reported",
            "pronoun",
        )
    ]


def test_an_object_pronoun_says_nothing_of_the_subjects_gender():
    text = (
        "Jan-Hendrik Vogt, a German MEP, told the chamber that the tariffs had failed.\n\n"
        "Claire Dufresne, a French liberal, accused him of speaking for three boardrooms.\n\n"
        "“My colleague would have us believe that the problem is the duties,” she said."
    )
    found, _ = claims(text)
    assert found[-1] == (
        "My colleague would have us believe that the problem is the duties",
        "claire_dufresne",
        "direct",
        "pronoun",
    )


def test_a_description_heading_the_sentence_before_is_who_the_pronoun_means():
    text = (
        "Jan-Hendrik Vogt, a German lawmaker, told the chamber that the tariffs had failed.\n\n"
        "Claire Dufresne, a French liberal, called for a joint fund financed by common borrowing.\n\n"
        "The German lawmaker was having none of it. “Another pot of common debt,” he said."
    )
    found, _ = claims(text)
    assert found[-1] == ("Another pot of common debt", "jan_hendrik_vogt", "direct", "pronoun")


def test_a_name_with_particles_right_after_the_date_header():
    text = (
        " date 2025-12-04 Ursula von der Leyen on Wednesday urged governments to back the loan.\n\n"
        "The Commission president said the loan was “the most effective way to keep Ukraine standing”."
    )
    found, _ = claims(text)
    assert [(s, how) for _, s, _, how in found] == [
        ("ursula_von_der_leyen", "name"),
        ("ursula_von_der_leyen", "description"),
    ]


def test_a_member_of_parliament_in_apposition_is_a_person_whatever_ner_says():
    text = (
        "The cordon sanitaire around Vlaams Belang is once again the subject of open debate.\n\n"
        "The trigger was a speech by Kris Verstraete, a Vlaams Belang member of the federal parliament, who urged "
        "the N-VA to «stop hiding behind a wall».\n\n"
        "«Together we have a majority in Flanders,» he said.\n\n"
        "Liesbeth Claes said her party had «no intention» of governing with Vlaams Belang."
    )
    found, _ = claims(text)
    assert [(t[:24], s, how) for t, s, _, how in found] == [
        ("urged the N-VA to «stop ", "kris_verstraete", "name"),
        ("Together we have a major", "kris_verstraete", "pronoun"),
        ("her party had «no intent", "liesbeth_claes", "name"),
    ]


def test_he_after_a_paragraph_that_names_one_person_not_as_subject():
    text = (
        "Teresa Ribera, the energy minister, said the plant would close on schedule.\n\n"
        "For Pedro Lucas, the mayor of Garoña, the issue is simpler. “Four hundred jobs go with it,” he said."
    )
    found, _ = claims(text)
    assert found[-1] == ("Four hundred jobs go with it", "pedro_lucas", "direct", "pronoun")


def test_pressing_mocking_floating_and_shrugging_off_take_positions():
    text = (
        "Ana Lopes, the environment minister, spoke first.\n\n"
        "Lopes also pressed for a treaty that caps production.\n\n"
        "Rui Matos, the opposition leader, mocked the idea.\n\n"
        "Marta Sousa has floated allowing a vote by qualified majority.\n\n"
        "Lopes shrugged off the criticism."
    )
    found, _ = claims(text)
    assert [(t, s) for t, s, _, _ in found] == [
        ("Lopes also pressed for a treaty that caps production", "ana_lopes"),
        ("mocked the idea", "rui_matos"),
        ("Marta Sousa has floated allowing a vote by qualified majority", "marta_sousa"),
        ("Lopes shrugged off the criticism", "ana_lopes"),
    ]


def test_pressing_ahead_or_pressing_someone_on_a_question_takes_no_position():
    text = (
        "Ana Lopes pressed ahead with the vote. Rui Matos pushed on with the plan.\n\n"
        "Marta Sousa used her question to press the government on Taiwan.\n\n"
        "Pressed on whether she backed a ceasefire, Sousa said it was not her decision."
    )
    found, _ = claims(text)
    assert [(t, s) for t, s, _, _ in found] == [("it was not her decision", "marta_sousa")]


def test_a_that_clause_after_a_date_the_parser_reads_as_relative():
    text = (
        "Marta Sousa, the enlargement commissioner, said on a visit to Skopje in the spring that the country "
        "belonged in the union.\n\nRui Matos said in a speech that he gave at the forum that the talks were over."
    )
    found, _ = claims(text)
    # The first clause is what was said; "that he gave at the forum" is a relative clause (its own clause follows).
    assert found[0] == ("the country belonged in the union", "marta_sousa", "reported", "name")
    assert not any(t.startswith("he gave") for t, _, _, _ in found)


def test_an_organisation_named_with_its_appositive_before_the_verb():
    text = (
        "Consumer groups welcomed the fines. BEUC, the European consumer organisation, called on the Commission to "
        "move faster.\n\n"
        "The Fédération nationale des pêcheurs, the main fishermen’s union, condemned the quota as «a gift to the "
        "trawlers»."
    )
    found, _ = claims(text)
    assert [(t, s, how) for t, s, _, how in found] == [
        ("called on the Commission to move faster", "beuc", "name"),
        ("condemned the quota as «a gift to the trawlers»", "federation_nationale_des_pecheurs", "name"),
    ]


def test_a_plural_opening_the_sentence_is_no_name_whatever_ner_says():
    text = (
        "Farmers, the backbone of the union, called for a strike.\n\n"
        "Geert Wilders spoke next. Wilders said the plan would fail."
    )
    found, _ = claims(text)
    assert found == [("the plan would fail", "geert_wilders", "reported", "name")]


def test_telling_an_audience_that_the_parser_reads_as_relative():
    text = (
        "Rui Matos on Tuesday renewed his call for a ban on phones in schools, telling a conference on child "
        "safety that Portugal would act alone if Brussels waited."
    )
    found, _ = claims(text)
    assert [(t, s) for t, s, _, _ in found] == [
        ("Rui Matos on Tuesday renewed his call for a ban on phones in schools", "rui_matos"),
        ("Portugal would act alone if Brussels waited", "rui_matos"),
    ]


def test_a_quoted_but_the_parser_makes_a_clause_of_its_own():
    text = (
        "Søren Holm is the Danish farm minister.\n\n"
        "He said agriculture could not be left out of the EU’s 2040 climate target, “but it cannot be hit with the "
        "same tools as a coal plant either”."
    )
    found, _ = claims(text)
    assert [t for t, _, _, _ in found] == [
        "agriculture could not be left out of the EU’s 2040 climate target, “but it cannot be hit with the same tools "
        "as a coal plant either”"
    ]


def test_an_object_noun_the_parser_takes_for_the_verb_of_the_sentence():
    text = "Mette Kjær is the Danish farm minister. On the budget, Kjær backed Commission plans to cut farm payments."
    found, _ = claims(text)
    assert found == [("Kjær backed Commission plans to cut farm payments", "mette_kjaer", "reported", "name")]


def test_a_quotation_of_its_own_ends_the_reported_clause_before_it():
    text = (
        "Hristijan Mickoski spoke last. Mickoski said candidates were the wrong people to ask, before adding: “I will "
        "say only this. A system where one says no is not easy to explain.”"
    )
    found, _ = claims(text)
    assert [(t, mode) for t, _, mode, _ in found] == [
        ("candidates were the wrong people to ask", "reported"),
        ("I will say only this.", "direct"),
        ("A system where one says no is not easy to explain.", "direct"),
    ]


def test_asked_set_off_by_commas_between_the_speaker_and_said_only_that():
    text = (
        "Rui Matos is the finance minister. Matos, asked about the budget, said only that the cabinet would decide in "
        "May."
    )
    found, _ = claims(text)
    assert found == [("the cabinet would decide in May", "rui_matos", "reported", "name")]


def test_a_common_word_opening_a_sentence_is_no_person_whatever_ner_says():
    text = (
        "Marek Zieliński, the deputy energy minister, spoke in Katowice about the exit from coal.\n\n"
        "Coal still generates more than half of Poland’s electricity.\n\n"
        "The 47-year-old also signalled that Warsaw could accept the 2040 goal."
    )
    found, _ = claims(text)
    assert found == [("Warsaw could accept the 2040 goal", "marek_zielinski", "reported", "description")]


def test_a_condition_after_but_is_part_of_what_was_said():
    text = (
        "Ewa Nowak spoke. Nowak signalled that Warsaw could accept the goal, but only if nuclear power counted "
        "towards it and households were shielded from higher prices."
    )
    found, _ = claims(text)
    assert [t for t, _, _, _ in found] == [
        "Warsaw could accept the goal, but only if nuclear power counted towards it and households were shielded "
        "from higher prices"
    ]


def test_who_reminds_speaks_and_who_is_reminded_listens():
    text = (
        "Nikos Petrou, the deputy minister, spoke for the presidency. He reminded MEPs that unanimity would be "
        "required for any new tax.\n\n"
        "Rui Matos, a Portuguese liberal, spoke next. He was reminded that Sen. Ana Lopes, a Socialist from Porto, "
        "has proposed raising the levy to 2 percent."
    )
    found, _ = claims(text)
    assert [(t, s) for t, s, _, _ in found] == [
        ("unanimity would be required for any new tax", "nikos_petrou"),
        ("has proposed raising the levy to 2 percent", "ana_lopes"),
    ]


def test_an_organisation_name_runs_on_through_of_where_ner_cut_it():
    text = (
        'Gina Rossi, who runs a bakery in Scranton, Pennsylvania, said she already paid her staff $16. "I was '
        'scared of it at first," she said.\n\n'
        "The U.S. Chamber of Commerce has opposed the bill, warning that a $17 floor would force small firms to cut "
        "hours."
    )
    found, _ = claims(text)
    assert [s for _, s, _, _ in found][-2:] == ["u_s_chamber_of_commerce", "u_s_chamber_of_commerce"]


def test_a_charity_named_with_its_kind_is_who_it_stands_for_and_a_place_phrase_is_no_speaker():
    text = (
        "Rachel Ainsworth, a Conservative member of the home affairs committee, spoke.\n\n"
        'The charity Care4Calais said people sent back were being treated "as bargaining chips". It also condemned '
        "calls to revive offshoring.\n\n"
        "Outside Parliament, the Refugee Council said offshoring schemes were “cruel, costly and unworkable”."
    )
    found, _ = claims(text)
    assert [s for _, s, _, _ in found] == ["care4calais", "care4calais", "refugee_council"]


def test_a_name_ending_in_a_place_named_before_is_the_group():
    text = (
        "Teresa Ribera said Spain had closed its coal plants.\n\n"
        "Foro Nuclear, the industry association, called the conditions “a closure order”.\n\n"
        "Greenpeace Spain urged the government to hold firm. “The companies signed the calendar themselves,” the "
        "group said."
    )
    found, _ = claims(text)
    assert [s for _, s, _, _ in found][-2:] == ["greenpeace_spain", "greenpeace_spain"]


def test_responding_by_saying_and_a_campaign_that_speaks():
    text = (
        "Senator Ana Lopes answered a nurse on Wednesday night by saying her refusal to back the levy was a "
        "“manufactured” issue.\n\n"
        "Rui Matos released an advert. The Matos campaign says the advert will air on national television."
    )
    found, _ = claims(text)
    assert [(t, s) for t, s, _, _ in found] == [
        ("her refusal to back the levy was a “manufactured” issue", "ana_lopes"),
        ("the advert will air on national television", "rui_matos"),
    ]


def test_a_colon_at_a_paragraph_end_hands_the_next_paragraphs_quote_to_its_subject():
    text = (
        "Fewer than a third of the donors gave less than 200 euros.\n\n"
        "The Irish Times reports:\n\n"
        "\u201cJust 24 percent of the contributors have given 200 euros or less.\u201d"
    )
    found, _ = claims(text)
    assert found == [
        ("Just 24 percent of the contributors have given 200 euros or less.", "irish_times", "direct", "name")
    ]


def test_a_paragraph_after_x_added_colon_is_a_block_quote_without_marks():
    text = (
        "Talk-show host Rhys Corbett mocked the debate rules on Monday.\n\n"
        "Corbett added:\n\n"
        "This reeks of fear. She cannot win without rigging it.\n\n"
        "The campaign did not reply."
    )
    found, _ = claims(text)
    assert found[1:] == [
        ("This reeks of fear.", "rhys_corbett", "direct", "name"),
        ("She cannot win without rigging it.", "rhys_corbett", "direct", "name"),
    ]


def test_a_colon_that_introduces_a_list_makes_no_block_quote():
    text = "Rhys Corbett listed three flaws:\n\nThe plan costs too much and helps too few."
    found, _ = claims(text)
    assert found == []


def test_a_reported_clause_that_goes_on_after_its_attribution_is_one_claim():
    text = "Owen Clarke runs the mine. The old pit was profitable, Mr. Clarke said, until the steel price fell in 2015."
    found, _ = claims(text)
    assert found == [
        (
            "The old pit was profitable, Mr. Clarke said, until the steel price fell in 2015",
            "owen_clarke",
            "reported",
            "name",
        )
    ]


def test_a_second_clause_after_the_attribution_is_a_second_claim():
    text = "Owen Clarke runs the mine. The old pit was profitable, he said, but the new one would never pay."
    found, _ = claims(text)
    assert found == [
        ("The old pit was profitable", "owen_clarke", "reported", "pronoun"),
        ("the new one would never pay", "owen_clarke", "reported", "pronoun"),
    ]


def test_a_past_tense_verb_after_a_would_clause_is_the_speakers_second_act():
    text = "Ana Ruiz said the levy would hurt small farms and called for a review of the whole scheme."
    found, _ = claims(text)
    assert found == [
        ("the levy would hurt small farms", "ana_ruiz", "reported", "name"),
        ("called for a review of the whole scheme", "ana_ruiz", "reported", "name"),
    ]


def test_a_verb_that_shares_the_reported_clauses_would_stays_in_it():
    text = "Ana Ruiz said the minister would resign and call an election."
    found, _ = claims(text)
    assert found == [("the minister would resign and call an election", "ana_ruiz", "reported", "name")]


def test_examples_after_including_belong_to_the_position():
    text = "Ana Ruiz called for new routes around the veto, including a coalition of willing states."
    found, _ = claims(text)
    assert found == [
        (
            "Ana Ruiz called for new routes around the veto, including a coalition of willing states",
            "ana_ruiz",
            "reported",
            "name",
        )
    ]


def test_said_that_a_and_that_b_is_two_claims():
    text = "Ana Ruiz said the toll had failed, and that the city should scrap it before the summer."
    found, _ = claims(text)
    assert found == [
        ("the toll had failed", "ana_ruiz", "reported", "name"),
        ("the city should scrap it before the summer", "ana_ruiz", "reported", "name"),
    ]


def test_a_participle_of_saying_after_the_reported_clause_is_a_claim_of_its_own():
    text = "Ana Ruiz argued that most parts should come from Europe, noting that local makers were now the best."
    found, _ = claims(text)
    assert found == [
        ("most parts should come from Europe", "ana_ruiz", "reported", "name"),
        ("local makers were now the best", "ana_ruiz", "reported", "name"),
    ]


def test_the_second_that_clause_runs_to_the_end_the_parser_hung_on_the_first():
    text = (
        "Senator Bill Harrow defended the withdrawal. He said the WHO had \u201ccovered for Beijing\u201d during COVID "
        "and that America should not sign any deal that gave a foreign body a say over its health policy."
    )
    found, _ = claims(text)
    assert found[1:] == [
        ("the WHO had \u201ccovered for Beijing\u201d during COVID", "bill_harrow", "reported", "pronoun"),
        (
            "America should not sign any deal that gave a foreign body a say over its health policy",
            "bill_harrow",
            "reported",
            "pronoun",
        ),
    ]


def test_but_that_b_after_the_reported_clause_is_a_second_claim():
    text = (
        "The Commission spoke on Monday. Asked whether the bloc would retaliate, it said it would not speculate, "
        'but that all options remained "on the table" in any trade dispute.'
    )
    found, _ = claims(text)
    assert found == [
        ("it would not speculate", "commission", "reported", "pronoun"),
        ('all options remained "on the table" in any trade dispute', "commission", "reported", "pronoun"),
    ]


def test_a_position_verb_joined_to_the_reported_clause_is_the_speakers_own_claim():
    text = "Ana Ruiz said the toll had failed and called for a review, and she urged the council to wait."
    found, _ = claims(text)
    assert found == [
        ("the toll had failed", "ana_ruiz", "reported", "name"),
        ("called for a review", "ana_ruiz", "reported", "name"),
        ("she urged the council to wait", "ana_ruiz", "reported", "pronoun"),
    ]


def test_a_participle_after_the_reported_clause_starts_its_own_claim():
    text = "Ana Ruiz said Madrid would keep the toll, pointing to a fall in traffic on the old road."
    found, _ = claims(text)
    assert found == [
        ("Madrid would keep the toll", "ana_ruiz", "reported", "name"),
        ("pointing to a fall in traffic on the old road", "ana_ruiz", "reported", "name"),
    ]


def test_a_reported_clause_keeps_the_closing_mark_of_its_quoted_fragment():
    text = "Ana Ruiz said the toll was \u201ca tax on the poor\u201d and called for a review."
    found, _ = claims(text)
    assert found[0] == ("the toll was \u201ca tax on the poor\u201d", "ana_ruiz", "reported", "name")


def test_a_position_ends_at_its_quoted_fragment_before_a_second_verb():
    text = (
        "Jean Marchand dismissed the pact as \u201ca machine for moving migrants\u201d and said his group would resist."
    )
    found, _ = claims(text)
    assert found == [
        (
            "Jean Marchand dismissed the pact as \u201ca machine for moving migrants\u201d",
            "jean_marchand",
            "reported",
            "name",
        ),
        ("his group would resist", "jean_marchand", "reported", "name"),
    ]


def test_a_second_act_the_parser_hangs_deep_in_the_reported_clause():
    text = (
        "Lenz also warned that the filters the proposal relies on would flood investigators with false alarms, "
        "and called for binding rules on testing."
    )
    found, _ = claims(text)
    assert found == [
        ("the filters the proposal relies on would flood investigators with false alarms", "lenz", "reported", "name"),
        ("called for binding rules on testing", "lenz", "reported", "name"),
    ]


def test_while_warning_that_after_a_reported_clause_is_a_claim_of_its_own():
    text = "Ana Ruiz said Madrid would keep the toll, while warning that the old road was unsafe."
    found, _ = claims(text)
    assert found == [
        ("Madrid would keep the toll", "ana_ruiz", "reported", "name"),
        ("the old road was unsafe", "ana_ruiz", "reported", "name"),
    ]


def test_that_before_a_plural_opens_the_reported_clause():
    found, _ = claims(
        "Mira Schulte, the Greens\u2019 farm spokeswoman, told the Bundestag that voluntary pledges had failed."
    )
    assert found == [("voluntary pledges had failed", "mira_schulte", "reported", "name")]


def test_the_scene_after_a_reported_clause_is_the_journalists():
    text = (
        "Ana Ruiz said Madrid would keep the toll, even as Brussels stepped up pressure on it. "
        "Luis Ortega said Europe had to use the frozen assets to finance Ukraine, "
        "in a heated debate ahead of the summit."
    )
    found, _ = claims(text)
    assert found == [
        ("Madrid would keep the toll", "ana_ruiz", "reported", "name"),
        ("Europe had to use the frozen assets to finance Ukraine", "luis_ortega", "reported", "name"),
    ]


def test_a_condition_without_a_subject_stays_in_the_reported_clause():
    found, _ = claims("Ana Ruiz said the deficit had to fall below 3 percent, as required under EU rules.")
    assert found == [
        ("the deficit had to fall below 3 percent, as required under EU rules", "ana_ruiz", "reported", "name")
    ]


def test_a_plural_title_is_an_unnamed_group():
    found, _ = claims("Several Socialist MEPs said privately that they were open to a compromise.")
    assert found == []


def test_a_second_that_clause_the_parser_hung_deep_inside_the_first_is_a_second_claim():
    text = (
        "Ana Ruiz said the tax was based on what doctors recommend and that obesity had fallen wherever such taxes "
        "were used."
    )
    found, _ = claims(text)
    assert found == [
        ("the tax was based on what doctors recommend", "ana_ruiz", "reported", "name"),
        ("obesity had fallen wherever such taxes were used", "ana_ruiz", "reported", "name"),
    ]


def test_a_second_that_clause_after_a_quoted_fragment_with_its_own_relative_clause():
    text = (
        "Health Minister Tom Hale spoke on Friday. He said on Friday that the deal was \u201ca bargain that only "
        "holds if it is kept in full\u201d and that every request would be judged on the facts."
    )
    found, _ = claims(text)
    assert found == [
        ("the deal was \u201ca bargain that only holds if it is kept in full\u201d", "tom_hale", "reported", "pronoun"),
        ("every request would be judged on the facts", "tom_hale", "reported", "pronoun"),
    ]


def test_two_that_clauses_under_a_belief_stay_one_claim_of_what_was_said():
    text = "Ana Ruiz said that she believed that the levy worked and that it should stay."
    found, _ = claims(text)
    assert found == [("she believed that the levy worked and that it should stay", "ana_ruiz", "reported", "name")]


def test_which_she_said_after_a_position_is_a_claim_of_its_own():
    text = (
        "Anna Lind proposed a tax on fortunes above one billion pesos, which she said would touch fewer than 300 "
        "families."
    )
    found, _ = claims(text)
    assert found == [
        ("Anna Lind proposed a tax on fortunes above one billion pesos", "anna_lind", "reported", "name"),
        ("would touch fewer than 300 families", "anna_lind", "reported", "pronoun"),
    ]


def test_where_a_position_was_stated_is_not_part_of_it_when_the_parser_hangs_it_on_the_object():
    text = "Farm Minister Lena Brandt rejected the proposal in a radio interview on Sunday."
    found, _ = claims(text)
    assert found == [("Farm Minister Lena Brandt rejected the proposal", "lena_brandt", "reported", "name")]


def test_a_concession_after_the_reported_clause_is_not_part_of_it():
    text = (
        "Admiral Tom Reed said he favored a permanent task force in the North Sea, though he conceded it would need "
        "help for years."
    )
    found, _ = claims(text)
    assert found == [
        ("he favored a permanent task force in the North Sea", "tom_reed", "reported", "name"),
        ("it would need help for years", "tom_reed", "reported", "pronoun"),
    ]


def test_the_that_clause_of_a_position_verb_is_the_claim():
    text = "Ana Ruiz demanded that the county pay for the bridge. Her deputy agreed that the old one was unsafe."
    found, _ = claims(text)
    assert [claim[0] for claim in found] == ["the county pay for the bridge", "the old one was unsafe"]
    assert found[0][1] == "ana_ruiz"


def test_that_before_the_subject_of_the_clause_is_no_determiner():
    text = "Ana Ruiz said that alignment with the bloc\u2019s farm policy was \u201cnot a menu\u201d."
    found, _ = claims(text)
    assert found == [
        ("alignment with the bloc\u2019s farm policy was \u201cnot a menu\u201d", "ana_ruiz", "reported", "name")
    ]


def test_the_day_between_the_verb_and_its_clause_is_not_what_was_said():
    text = "Ana Ruiz said on Thursday she was ready to meet the union leaders."
    found, _ = claims(text)
    assert found == [("she was ready to meet the union leaders", "ana_ruiz", "reported", "name")]


def test_a_second_position_joined_by_but_is_its_own_claim_from_its_verb():
    text = "Ana Ruiz welcomed the new rules but called them \u201ctoo little, too late\u201d."
    found, _ = claims(text)
    assert found == [
        ("Ana Ruiz welcomed the new rules", "ana_ruiz", "reported", "name"),
        ("called them \u201ctoo little, too late\u201d", "ana_ruiz", "reported", "name"),
    ]


def test_a_second_act_after_said_in_a_statement_that_is_its_own_claim():
    # The parser hangs this that-clause on "statement"; the second act is still the union's own claim.
    text = (
        "The Farmers' Union of Portugal (FUP) said in a statement that dairy, fruit and wine \u201ccannot function "
        "without seasonal workers\u201d and called for permits to be issued faster."
    )
    found, _ = claims(text)
    assert [claim[0] for claim in found] == [
        "dairy, fruit and wine \u201ccannot function without seasonal workers\u201d",
        "called for permits to be issued faster",
    ]
    assert found[0][1] == found[1][1] is not None


def test_a_comma_set_adverb_between_subject_and_position_is_no_appositive():
    text = "Lacombe, however, rejected any suggestion that the alliance would mean accepting the rules."
    found, _ = claims(text)
    assert found == [
        (
            "Lacombe, however, rejected any suggestion that the alliance would mean accepting the rules",
            "lacombe",
            "reported",
            "name",
        )
    ]


def test_the_subject_of_a_clause_without_that_the_parser_takes_for_an_object():
    text = (
        "Petrenko, 44, a former trade negotiator, insisted Ukraine was ready to open the first cluster the moment "
        "Hungary lifted its veto."
    )
    found, _ = claims(text)
    assert [claim[0] for claim in found] == [
        "Ukraine was ready to open the first cluster the moment Hungary lifted its veto"
    ]
