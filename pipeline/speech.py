"""The parts of a sentence that report speech: who is speaking (the subject of a verb of saying, and the
mention that names them), and the claim drafts the segmenter builds from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.lexicon import (
    GROUP_PRONOUNS,
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    POSITION_VERBS,
    SAY_VERBS,
    SPOKESPEOPLE,
    TITLE_NOUNS,
    UNNAMED_DETERMINERS,
)

TRIM = " \t\r\n,;:–—-"
QUOTE_MARKS = frozenset(['"', "“", "”", "„", "«", "»", "‘", "’", "''"])  # "''": two apostrophes as one mark (quotes.py)


@dataclass(frozen=True)
class Draft:
    """A claim before attribution."""

    start: int
    end: int
    mode: str  # "direct" | "reported"
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    quote: int | None = None  # index of the quote a direct claim comes from
    warning: str | None = None


def trimmed(text: str, start: int, end: int, trailing: str = "") -> tuple[int, int]:
    """Without surrounding spaces and joining punctuation (and `trailing`, e.g. a reported clause's period)."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM + trailing:
        end -= 1
    return start, end


def mention_span(token: Token) -> tuple[int, int]:
    """The noun phrase a subject token heads, without appositives, clauses or trailing punctuation."""
    left = token.left_edge
    first = left.i
    while first < token.i and token.doc[first].dep_ in {"punct", "cc"}:
        first += 1
    last = token.i
    if token.ent_type_ in {"ORG", "PERSON"}:  # the whole name: "the Confederation of Swedish Enterprise"
        last = max(last, next(e.end - 1 for e in token.doc.ents if e.start <= token.i < e.end))
    return token.doc[first].idx, token.doc[last].idx + len(token.doc[last])


PLACE_PREPS = frozenset(["outside", "inside", "across", "beyond", "within", "in", "at"])


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a participle or conjunct ("..., saying", "and added") its head's."""
    for _ in range(3):
        # A verb is a misparse ("Opening for the Left, MEP Sara Lindgren called for").
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ not in {"PUNCT", "VERB"}]
        if subjects:
            return _nearest_subject(verb, subjects)
        # "Jens Vestergaard, whose party has pushed for it, called ...": the parser joins the verb to the
        # relative clause; the speaker is the noun that clause describes.
        relative = verb.head
        if verb.dep_ == "conj" and relative.dep_ == "relcl" and verb.doc[verb.i - 1].text == ",":
            return relative.head if relative.head.pos_ in {"PROPN", "NOUN"} else None
        governing = _governing_verb(verb)
        if governing is None:
            break
        verb = governing
    # "The 58-year-old added": the parser sometimes leaves a description as a modifier of the verb.
    # (Not when the climb ended on a noun: "minister" in "Poland's deputy foreign minister called" has its
    # adjective there.)
    left = [c for c in verb.lefts if c.dep_ in {"amod", "npadvmod", "nmod", "dep"} and c.right_edge.i == verb.i - 1]
    left = left if verb.pos_ in {"VERB", "AUX"} else []
    return left[0] if left else _asked_subject(verb) or _name_before(verb)


def _nearest_subject(verb: Token, subjects: list[Token]) -> Token | None:
    """The subject nearest the verb ("STRASBOURG — Ursula von der Leyen urged" can come with two), past the
    parser's mistakes."""
    nearest = min(subjects, key=lambda c: abs(c.i - verb.i))
    if nearest.lower_ == "who":
        return _described_by_who(verb)
    # "Opening for the Left, Swedish MEP Sara Lindgren called for": the gerund is no subject; the name is.
    if nearest.tag_ == "VBG" or (nearest.tag_ == "NN" and nearest.lower_.endswith("ing")):
        return _name_before(verb) or nearest
    return _unclosed_appositive(verb, _past_a_place_phrase(nearest))


def _unclosed_appositive(verb: Token, subject: Token) -> Token:
    """ "To understand the real Dred Scott, Chief Justice Roberts said, one should ...": the parser makes the
    speaker an appositive of the noun before the comma. A true appositive is closed by a comma before the verb;
    a name running right up to the verb is its subject."""
    doc = verb.doc
    return next(
        (
            c
            for c in subject.children
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and doc[c.left_edge.i - 1].text == ","
            and c.right_edge.i == verb.i - 1
        ),
        subject,
    )


def _governing_verb(verb: Token) -> Token | None:
    """The verb whose subject this one shares: a participle's, a conjunct's ("..., saying", "and added"), the verb
    "by" hangs on ("Obama responded by saying ..."), and "asked" where the parser hangs "said" on it ("Pimentel,
    asked about the agreement, said only that ...")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
        return verb.head.head
    if second_act(verb):
        clause = reported_clause(verb)
        if clause is None:
            return None
        return clause.head if clause.dep_ == "ccomp" else clause.head.head.head  # past the venue: the verb
    asked = verb.dep_ == "dep" and verb.head.lemma_ == "ask" and verb.doc[verb.i - 1].text == ","
    if (verb.dep_ in {"advcl", "xcomp", "conj", "acl"} or asked) and verb.head is not verb:
        return verb.head
    return None


def second_act(verb: Token) -> bool:
    """What the parser joins to a reported clause though the speaker did it: "Ruiz said the plan was dead and
    called for talks", "... and he called for ...", "..., pointing to new frigates" (a past tense or a participle
    of saying or taking a position, coordinated or after a comma, anywhere in the clause's tree)."""
    # The cheap tests first: this runs for every verb whose subject is sought.
    if verb.lemma_.lower() not in SAY_VERBS | POSITION_VERBS or any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children
    ):
        return False
    clause = reported_clause(verb)
    if clause is None or verb.i < clause.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # ", noting that ...", ", while warning that ..."
        before = verb.doc[verb.i - 2 : verb.i]
        return not subjects and (before[-1].text == "," or [t.lower_ for t in before] == [",", "while"])
    # Its own subject only when it is he or she: "..., and he called for ...".
    own = all(s.lower_ in {"he", "she"} for s in subjects)
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and own


def reported_clause(token: Token) -> Token | None:
    """The head of the reported clause the token sits in: its nearest ancestor that is a verb of saying's ccomp
    (or its that-clause hung on a venue: "said in a statement that ...")."""
    return next((a for a in token.ancestors if _reports(a)), None)


def _reports(clause: Token) -> bool:
    if clause.dep_ == "ccomp":
        return clause.head.lemma_.lower() in SAY_VERBS
    # "said in a statement that ...": the parser hangs the clause on the noun of the venue.
    venue, prep = clause.head, clause.head.head
    return (
        clause.dep_ == "acl"
        and clause.left_edge.lower_ == "that"
        and venue.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.lemma_.lower() in SAY_VERBS
    )


def _past_a_place_phrase(subject: Token) -> Token:
    """ "Outside Parliament, the Refugee Council said": the parser takes the opening phrase for the subject and
    the speaker for its appositive."""
    if subject.left_edge.lower_ not in PLACE_PREPS:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), subject)


def _described_by_who(verb: Token) -> Token | None:
    """ "a speech by Kris Verstraete, an MP, who urged ...": "who" stands for the noun (past the appositive). Only
    an event in the past tense: "X, who has long argued ..." is the journalist's background."""
    if verb.dep_ != "relcl" or verb.tag_ != "VBD" or verb.head.pos_ not in {"PROPN", "NOUN"}:
        return None
    return verb.head.head if verb.head.dep_ == "appos" else verb.head


def _asked_subject(verb: Token) -> Token | None:
    """ "Mokoena, asked about the annex, said ...": the parser gives the subject to the participle."""
    for clause in (c for c in verb.lefts if c.dep_ in {"ccomp", "advcl"} and c.lower_ == "asked"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subject is not None:
            return subject
    return None


def _name_before(verb: Token) -> Token | None:
    """ "Back in Brussels, Piotr Nowacki, a Polish MEP, dismissed ...": the parser hung the name on the place.
    The last person named before the verb in its sentence, with no other verb in between."""
    names = [e for e in verb.doc.ents if e.label_ == "PERSON" and verb.sent.start <= e.start and e.end <= verb.i]
    if not names or any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[names[-1].end : verb.i]):
        return _surname_before(verb)
    return names[-1].root


def _surname_before(verb: Token) -> Token | None:
    """ "Tolliver urged ...": a surname opening the sentence that the parser took for an adverb, of a person the
    article named in full before."""
    if verb.i == 0 or verb.i - 1 != verb.sent.start:
        return None
    word = verb.doc[verb.i - 1]
    return word if _surname_in(word, [e for e in word.doc.ents if e.end <= word.i]) else None


def _surname_in(word: Token, ents: Iterable[Span]) -> bool:
    """Is the word the surname of a person named in full among `ents`?"""
    return word.is_title and any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word.text for e in ents)


def spoken_for(subj: Token) -> Token | None:
    """The organisation a spokesperson speaks for: "a spokeswoman for [the council]", "a spokesman for [Airbus]"."""
    if subj.lower_ not in SPOKESPEOPLE:
        return None
    preps = (c for c in subj.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"})
    objects = (o for p in preps for o in p.children if o.dep_ == "pobj")
    return next((o for o in objects if o.ent_type_ in {"ORG", "GPE"} or o.lemma_.lower() in ORG_NOUNS), None)


def speaking_subject(subj: Token) -> bool:
    """Can this subject be a speaker? Named people and organisations, titles, "the group", he/she/they/it; not
    unnamed groups ("officials", "a spokesman")."""
    lower = subj.lower_
    if subj.pos_ == "PRON":
        return lower in PERSON_PRONOUNS | GROUP_PRONOUNS | ORG_PRONOUNS
    # "A senior Finnish defence official, Ville Koskinen, said": the appositive names who it is.
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children):
        return True
    # "The Union nationale de l’apiculture française, the main beekeepers’ union, ...": a name NER did not see,
    # which its appositive calls an organisation.
    if called_an_organisation(subj):
        return True
    if spoken_for(subj) is not None:
        return True
    dets = {c.lower_ for c in subj.children if c.dep_ in {"det", "nummod", "poss"}}
    # "Holm, whose party has campaigned against it, ...": the journalist describing Holm.
    if dets & UNNAMED_DETERMINERS or "whose" in dets:
        return False
    # "Farmers, ..., called for": NER takes a plural capitalised only because it opens the sentence for a name.
    if subj.tag_ == "NNS" and subj.i == subj.sent.start and subj.ent_iob_ in {"B", ""} and not _name_goes_on(subj):
        return False
    if _plural_title(subj) and subj.ent_type_ != "PERSON":
        return False
    if subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or subj.pos_ == "PROPN":
        return True
    # A surname the tagger took for a common noun ("Kjær, a Social Democrat, argued"), named in full elsewhere.
    if _surname_in(subj, subj.doc.ents):
        return True
    if subj.tag_ in {"NNS", "NNPS"}:
        return False
    phrase = subj.doc[subj.left_edge.i : subj.i + 1].text.lower()
    return (
        lower in TITLE_NOUNS
        or subj.lemma_.lower() in ORG_NOUNS
        or phrase.endswith("year-old")
        or any(c.ent_type_ in {"ORG", "GPE", "NORP"} for c in subj.children if c.dep_ in {"compound", "amod", "poss"})
    )


def _plural_title(subj: Token) -> bool:
    """ "Opposition MPs warned": a plural of a title, tagged a name, is a group."""
    lower = subj.lower_
    return lower.endswith("s") and lower[:-1] in TITLE_NOUNS


def called_an_organisation(subj: Token) -> bool:
    """A capitalised name whose appositive's head is an organisation noun ("..., the main beekeepers’ union,")."""
    named = any(t.is_title for t in subj.doc[subj.left_edge.i : subj.i + 1] if t.dep_ != "det")
    return named and any(c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS for c in subj.children)


def _name_goes_on(token: Token) -> bool:
    """Part of a longer name, or capitalised somewhere a sentence does not start ("Geert Wilders" ... "Wilders")."""
    doc = token.doc
    longer = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    return longer or any(t.text == token.text and not t.is_sent_start for t in doc)
