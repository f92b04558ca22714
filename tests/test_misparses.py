"""Rules for parses spaCy's small English model gets wrong, on the wrong parse itself.

The model's mistakes depend on the whole article around a sentence, so a test sentence rarely reproduces them; here
each parse is written out token by token, as the model produced it in a real article, and the rule is run on it.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.people import after_a_place
from pipeline.reported import according_claims, parenthetical_content
from pipeline.speech import subject_of

VOCAB = spacy.blank("en").vocab


def parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A Doc from (word, pos, tag, dep, head index, entity IOB tag) rows."""
    words, pos, tags, deps, heads, ents = (list(column) for column in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads, ents=ents)


def test_a_gerund_the_parser_makes_the_subject_gives_way_to_the_name_before_the_verb():
    # "Opening for the Left, Swedish MEP Sara Lindgren called for a tax."
    doc = parsed(
        [
            ("Opening", "NOUN", "NN", "nsubj", 9, "O"),
            ("for", "ADP", "IN", "prep", 0, "O"),
            ("the", "DET", "DT", "det", 3, "O"),
            ("Left", "PROPN", "NNP", "nmod", 8, "O"),
            (",", "PUNCT", ",", "punct", 3, "O"),
            ("Swedish", "ADJ", "JJ", "amod", 6, "B-NORP"),
            ("MEP", "PROPN", "NNP", "appos", 3, "O"),
            ("Sara", "PROPN", "NNP", "compound", 8, "B-PERSON"),
            ("Lindgren", "PROPN", "NNP", "pobj", 1, "I-PERSON"),
            ("called", "VERB", "VBD", "ROOT", 9, "O"),
            ("for", "ADP", "IN", "prep", 9, "O"),
            ("a", "DET", "DT", "det", 12, "O"),
            ("tax", "NOUN", "NN", "pobj", 10, "O"),
            (".", "PUNCT", ".", "punct", 9, "O"),
        ]
    )
    assert subject_of(doc[9]).text == "Lindgren"


def test_a_surname_the_parser_takes_for_an_adverb_is_the_subject():
    # "Mark Tolliver spoke. Tolliver urged the administration to act."
    doc = parsed(
        [
            ("Mark", "PROPN", "NNP", "compound", 1, "B-PERSON"),
            ("Tolliver", "PROPN", "NNP", "nsubj", 2, "I-PERSON"),
            ("spoke", "VERB", "VBD", "ROOT", 2, "O"),
            (".", "PUNCT", ".", "punct", 2, "O"),
            ("Tolliver", "ADV", "RB", "advmod", 5, "O"),
            ("urged", "VERB", "VBD", "ROOT", 5, "O"),
            ("the", "DET", "DT", "det", 7, "O"),
            ("administration", "NOUN", "NN", "dobj", 5, "O"),
            ("to", "PART", "TO", "aux", 9, "O"),
            ("act", "VERB", "VB", "xcomp", 5, "O"),
            (".", "PUNCT", ".", "punct", 5, "O"),
        ]
    )
    assert subject_of(doc[5]).i == 4


def test_a_surname_ner_took_for_a_place_only_as_a_modifier_makes_no_organisation():
    # "Zucman tax divides France. The author, Gabriel Zucman, argues." NER took the headline's "Zucman" for a place.
    rows = [
        ("Zucman", "PROPN", "NNP", "compound", 1, "B-GPE"),
        ("tax", "NOUN", "NN", "nsubj", 2, "O"),
        ("divides", "VERB", "VBZ", "ROOT", 2, "O"),
        ("France", "PROPN", "NNP", "dobj", 2, "B-GPE"),
        (".", "PUNCT", ".", "punct", 2, "O"),
        ("The", "DET", "DT", "det", 6, "O"),
        ("author", "NOUN", "NN", "nsubj", 11, "O"),
        (",", "PUNCT", ",", "punct", 6, "O"),
        ("Gabriel", "PROPN", "NNP", "compound", 9, "B-PERSON"),
        ("Zucman", "PROPN", "NNP", "appos", 6, "I-PERSON"),
        (",", "PUNCT", ",", "punct", 6, "O"),
        ("argues", "VERB", "VBZ", "ROOT", 11, "O"),
        (".", "PUNCT", ".", "punct", 11, "O"),
    ]
    assert not after_a_place(parsed(rows)[8:10])
    # The same name after "France" on its own, as a subject, would be an organisation's ("Organic France").
    rows[0] = ("France", "PROPN", "NNP", "nsubj", 2, "B-GPE")
    rows[9] = ("France", "PROPN", "NNP", "appos", 6, "I-PERSON")
    assert after_a_place(parsed(rows)[8:10])


def test_a_speaker_the_parser_makes_the_appositive_of_the_noun_before_it_speaks():
    # "To understand the real Anna Berg, Judge Marsh said, one should read these letters."
    doc = parsed(
        [
            ("To", "PART", "TO", "aux", 1, "O"),
            ("understand", "VERB", "VB", "advcl", 9, "O"),
            ("the", "DET", "DT", "det", 5, "O"),
            ("real", "ADJ", "JJ", "amod", 5, "O"),
            ("Anna", "PROPN", "NNP", "compound", 5, "B-PERSON"),
            ("Berg", "PROPN", "NNP", "nsubj", 9, "I-PERSON"),
            (",", "PUNCT", ",", "punct", 5, "O"),
            ("Judge", "PROPN", "NNP", "compound", 8, "O"),
            ("Marsh", "PROPN", "NNP", "appos", 5, "B-PERSON"),
            ("said", "VERB", "VBD", "parataxis", 13, "O"),
            (",", "PUNCT", ",", "punct", 9, "O"),
            ("one", "PRON", "PRP", "nsubj", 13, "O"),
            ("should", "AUX", "MD", "aux", 13, "O"),
            ("read", "VERB", "VB", "ROOT", 13, "O"),
            ("these", "DET", "DT", "det", 15, "O"),
            ("letters", "NOUN", "NNS", "dobj", 13, "O"),
            (".", "PUNCT", ".", "punct", 13, "O"),
        ]
    )
    speaker = subject_of(doc[9])
    assert speaker.text == "Marsh"
    assert [t.i for t in parenthetical_content(doc[9], speaker)] == list(range(16))


def test_an_attribution_the_parser_makes_the_root_of_the_clause_it_interrupts():
    # "These clerks, Keller explained earlier in the hearing, were well paid."
    doc = parsed(
        [
            ("These", "DET", "DT", "det", 1, "O"),
            ("clerks", "NOUN", "NNS", "npadvmod", 4, "O"),
            (",", "PUNCT", ",", "punct", 4, "O"),
            ("Keller", "PROPN", "NNP", "nsubj", 4, "B-PERSON"),
            ("explained", "VERB", "VBD", "ROOT", 4, "O"),
            ("earlier", "ADV", "RBR", "advmod", 4, "O"),
            ("in", "ADP", "IN", "prep", 5, "O"),
            ("the", "DET", "DT", "det", 8, "O"),
            ("hearing", "NOUN", "NN", "pobj", 6, "O"),
            (",", "PUNCT", ",", "punct", 4, "O"),
            ("were", "AUX", "VBD", "conj", 4, "O"),
            ("well", "ADV", "RB", "advmod", 12, "O"),
            ("paid", "VERB", "VBN", "acomp", 10, "O"),
            (".", "PUNCT", ".", "punct", 4, "O"),
        ]
    )
    assert [t.i for t in parenthetical_content(doc[4], doc[3])] == list(range(13))


def test_according_to_x_keeps_the_subject_the_parser_hung_on_x():
    # "According to Brandt, the question of a shield is for the chancellor to settle."
    doc = parsed(
        [
            ("According", "VERB", "VBG", "prep", 9, "O"),
            ("to", "ADP", "IN", "prep", 0, "O"),
            ("Brandt", "PROPN", "NNP", "pobj", 1, "B-PERSON"),
            (",", "PUNCT", ",", "punct", 2, "O"),
            ("the", "DET", "DT", "det", 5, "O"),
            ("question", "NOUN", "NN", "appos", 2, "O"),
            ("of", "ADP", "IN", "prep", 5, "O"),
            ("a", "DET", "DT", "det", 8, "O"),
            ("shield", "NOUN", "NN", "pobj", 6, "O"),
            ("is", "AUX", "VBZ", "ROOT", 9, "O"),
            ("for", "SCONJ", "IN", "mark", 14, "O"),
            ("the", "DET", "DT", "det", 12, "O"),
            ("chancellor", "NOUN", "NN", "nsubj", 14, "O"),
            ("to", "PART", "TO", "aux", 14, "O"),
            ("settle", "VERB", "VB", "advcl", 9, "O"),
            (".", "PUNCT", ".", "punct", 9, "O"),
        ]
    )
    [draft] = according_claims(doc, [])
    assert doc.text[draft.start : draft.end] == "the question of a shield is for the chancellor to settle"
