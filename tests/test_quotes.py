from pipeline.quotes import find_quotes, paragraphs


def spans(text):
    quotes, warnings = find_quotes(text)
    return [text[q.start : q.end] for q in quotes], warnings


def test_paragraph_offsets_are_trimmed():
    text = "  One.\n\nTwo.\n \n\nThree.  "
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_curly_straight_and_european_marks():
    text = (
        '\u201cA one,\u201d he said. "B two," she said. \u00abC three\u00bb, they said. \u201eD four\u201c, er sagte.'
    )
    assert spans(text) == (["A one,", "B two,", "C three", "D four"], [])


def test_quote_over_paragraphs_is_one_chain_without_warning():
    text = "\u201cFirst part.\n\n\u201cSecond part,\u201d she said."
    quotes, warnings = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["First part.", "Second part,"]
    assert quotes[0].continued and quotes[1].continues and warnings == []


def test_unbalanced_mark_closes_at_paragraph_end_with_a_warning():
    text = "Intro.\n\n\u201cWe must act, she said.\n\nNext paragraph."
    quotes, warnings = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["We must act, she said."]
    assert warnings == ["unbalanced quotation mark at offset 8: quote closed at paragraph end"]


def test_stray_closing_mark_is_ignored():
    assert spans("He left.\u201d Then nothing.") == ([], [])


def test_two_apostrophes_are_one_double_mark():
    # Some archives write double marks as two apostrophes; an apostrophe alone stays part of the word.
    text = "''It's anti-reform,'' he said. ''She's layering on taxes.''"
    assert spans(text) == (["It's anti-reform,", "She's layering on taxes."], [])


def test_a_straight_and_a_curly_mark_close_each_other_in_mixed_copy():
    text = 'He saw \u201cno evidence" yet, and it would take "more hours\u201d before details emerge.'
    assert spans(text) == (["no evidence", "more hours"], [])
