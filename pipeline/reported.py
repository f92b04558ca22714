"""Reported speech: "X said (that) ...", "X rejected the plan", "According to X, ...".

Rules over spaCy's dependency parse; the subject of the verb of saying is the claim's source mention.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from pipeline.lexicon import FRAMING_PREPS, POSITION_PREPS, POSITION_VERBS, SAY_VERBS, SPEECH_EVENTS, VENUE_NOUNS
from pipeline.quotes import OPENERS, Quote
from pipeline.speech import QUOTE_MARKS, Draft, mention_span, second_act, speaking_subject, subject_of, trimmed

OPENING_MARKS = frozenset(OPENERS) - {'"'}  # the marks that tell an opening from a closing one
CLOSING_MARKS = frozenset("”»")

# Verbs of saying that also take their position as an object: "warned against the plan".
WARNING_VERBS = {"warn", "caution", "argue", "complain"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}  # "Loosening the brake would be a mistake, he said"
MOVING_ON = {"ahead", "forward", "on"}
CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "dative", "attr", "oprd", "prt", "acomp"}


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _cut_framing(tokens: list[Token]) -> list[Token]:
    """Drop trailing framing the journalist adds: ", according to ..."."""
    for n, tok in enumerate(tokens):
        if tok.lower_ == "according" and n + 1 < len(tokens) and tokens[n + 1].lower_ == "to":
            return tokens[:n]
    return tokens


def clause_content(verb: Token) -> list[Token] | None:
    """Tokens of the content clause of a verb of saying, without "that"."""
    clauses = (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and not _bare_adjective(c))
    clause = next(clauses, None) or _venue_clause(verb)
    if clause is None:
        framed = _framed_clause(verb)
        if framed is not None:
            return framed
    if clause is not None and clause.lower_ == "clear":  # "made clear that ...": the clause under "clear"
        clause = next((c for c in clause.children if c.dep_ in {"ccomp", "advcl"}), None)
    if clause is None:
        return None
    # "said people sent back were being treated as ...": the parser can split one clause into two ccomps.
    last = max((c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i), key=lambda c: c.i, default=clause)
    first = _clause_start(verb, clause)
    tokens = [
        t for t in verb.doc[first : last.right_edge.i + 1] if not (t.dep_ == "mark" and t.i == clause.left_edge.i)
    ]
    second = _cuts(last)
    if second:  # the clause ends before the second act, or the second "that", and its "and"
        tokens = _without_joins([t for t in tokens if t.i < second[0].left_edge.i])
    return _cut_framing(_without_scene(tokens, last) + _but_tail(verb, last))


def _clause_start(verb: Token, clause: Token) -> int:
    """Where what was said begins: after "that", also when a word of the verb's comes before it ("said only that
    ...")."""
    that = next((c for c in clause.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
    first = that.i + 1 if that is not None else clause.left_edge.i
    # "insisted Ukraine was ready": the parser can take the subject of a clause without "that" for the verb's object.
    taken = [c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i]
    if that is None and taken and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        first = taken[0].left_edge.i
    # "a tax, which he said would be unlawful": the relative pronoun is the clause's subject; what was said follows.
    first = max(first, verb.i + 1)
    # "told the Bundestag that voluntary pledges had failed": a "that" before a plural is no determiner. Nor is one
    # right after the verb before a subject with words of its own ("said that aid to Ukraine would continue");
    # "said that argument ignored the winter" points back to an argument.
    opening = verb.doc[first]
    subject = opening.head
    fresh = subject.dep_ in SUBJECT_DEPS and subject.head == clause and first == verb.i + 1 and any(subject.rights)
    if opening.lower_ == "that" and opening.dep_ == "det" and (subject.tag_ in {"NNS", "NNPS"} or fresh):
        first += 1
    # "said on Thursday he was ready": the day is when it was said, though the parser hangs it on the clause.
    opening = verb.doc[first]
    if opening.dep_ == "prep" and opening.head == clause and _dated(opening) and opening.right_edge.i < clause.i:
        first = opening.right_edge.i + 1
    return first


def _that_clause(verb: Token) -> bool:
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _dated(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in prep.children)


def _without_scene(tokens: list[Token], clause: Token) -> list[Token]:
    """Without the scene the journalist sets after a comma at the clause's end: ", in a heated debate ahead of the
    summit", ", even as Brussels stepped up pressure", ", hours after leaders agreed", ", though he conceded ..."
    (what he concedes there is a claim of its own); not ", as required by law" (no subject of its own: still what
    was said)."""
    spine = [clause]  # "had to use the assets, in a debate": the scene may hang on the clause's xcomp
    while (xcomp := next((c for c in spine[-1].rights if c.dep_ == "xcomp"), None)) is not None:
        spine.append(xcomp)
    rights = (c for verb in spine for c in verb.rights if c.i > verb.i and c.doc[c.left_edge.i - 1].text == ",")
    for child in sorted(rights, key=lambda c: c.i):
        if _odd_marks(t for t in tokens if t.i < child.i):  # inside a quoted fragment
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
        scene = (child.dep_ == "advcl" and own_subject and marks & {"as", "after", "while", "though", "although"}) or (
            child.dep_ == "prep" and _is_framing(child)
        )
        if scene:
            return _without_joins([t for t in tokens if t.i < child.left_edge.i])
    return tokens


def _odd_marks(tokens: Iterable[Token]) -> bool:
    """An odd number of quotation marks: what follows is inside a quoted fragment."""
    return sum(t.text in QUOTE_MARKS for t in tokens) % 2 == 1


def _that_again(clause: Token) -> bool:
    """ "said Russia had moved submarines, and that China's presence was a question": a second clause of what was
    said, its own claim."""
    return clause.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def further_clauses(verb: Token) -> list[list[Token]]:
    """The second "that"-clauses of the verb's reported clause, each without its "that" and up to the next one (or
    the end of the whole clause: the parser may hang the end of the second on the first)."""
    parts = []
    venue = _venue_clause(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i] or ([venue] if venue else [])
    # "said it would not speculate, but that all options remained open": the parser may join the second to the verb.
    parts += [_without_joins(_without_that(conj)) for conj in verb.children if conj.i > verb.i and _that_again(conj)]
    for clause in clauses:
        cuts = _cuts(clause)
        for n, conj in enumerate(cuts):
            if not _that_again(conj):
                continue
            end = cuts[n + 1].left_edge.i if n + 1 < len(cuts) else clause.right_edge.i + 1
            parts.append(_without_joins(_without_that(conj, end)))
    return parts


def split_again(part: list[Token]) -> list[list[Token]]:
    """A reported clause cut at each second "that"-clause the parser joined to a word deep inside the first (the
    WHO "recommends and that consumption had fallen") or to a misparsed first one: each its own claim."""
    pieces = []
    while (conj := _deep_that(part)) is not None:
        pieces.append(_without_joins([t for t in part if t.i < conj.left_edge.i]))
        part = [t for t in part if t.i >= conj.left_edge.i and not (t.head == conj and t.dep_ == "mark")]
    return [*pieces, part]


def _deep_that(part: list[Token]) -> Token | None:
    inside = {t.i for t in part}
    for t in part:
        if not _that_again(t) or t.head.i not in inside or t.left_edge.i not in inside:
            continue
        # Under a "that"-clause of its own, the pair is a lower level's ("believed that A and that B").
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.head.children):
            continue
        if not _odd_marks(x for x in part if x.i < t.i):
            return t
    return None


def _says_of_it(tok: Token) -> bool:
    """ "opposed the tax, which he said would be unlawful": a relative clause in which the speaker says something
    of the position's object is a claim of its own (the verb's), so the position ends before it."""
    return (
        tok.dep_ == "relcl"
        and tok.lemma_.lower() in SAY_VERBS
        and any(c.dep_ in SUBJECT_DEPS and c.tag_ not in {"WDT", "WP"} for c in tok.children)
    )


def _misplaced_venue(verb: Token, prep: Token) -> bool:
    """ "rejected the criticism in a television interview": where it was said, hung by the parser on the object
    rather than on the verb; it ends the position all the same (outside a quoted fragment)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in {"in", "at", "during"}
        and prep.head.i > verb.i
        and any(o.dep_ == "pobj" and o.lemma_.lower() in SPEECH_EVENTS for o in prep.children)
        and not _odd_marks(verb.doc[verb.i + 1 : prep.i])
    )


def _cuts(clause: Token) -> list[Token]:
    """Where a reported clause ends: at the speaker's second act or at a second "that", in text order."""
    inside = (t for t in clause.subtree if t.i > clause.i)
    return sorted((t for t in inside if second_act(t) or (t.head == clause and _that_again(t))), key=lambda t: t.i)


def _without_that(conj: Token, end: int | None = None) -> list[Token]:
    """The clause from its left edge up to `end` (its own end by default), without its "that"."""
    stop = conj.right_edge.i + 1 if end is None else end
    return [t for t in conj.doc[conj.left_edge.i : stop] if not (t.head == conj and t.dep_ == "mark")]


def _without_joins(tokens: list[Token]) -> list[Token]:
    """Without the trailing "and" or comma that joined the next clause."""
    while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].text == ","):
        tokens = tokens[:-1]
    return tokens


def _framed_clause(verb: Token) -> list[Token] | None:
    """ "Trump said after the convention he would not accept the endorsement": with a time or place phrase
    between the verb and its clause the parser makes the clause an adverbial one; a finite clause with a subject of
    its own and no conjunction ("if", "because") is still what was said, from its subject on."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i):
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), None)
        finite = clause.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(c.dep_ == "aux" for c in clause.children)
        if subject is None or not finite or any(c.dep_ == "mark" for c in clause.children):
            continue
        return _cut_framing(list(verb.doc[subject.left_edge.i : clause.right_edge.i + 1]))
    return _misread_relative(verb)


def _misread_relative(verb: Token) -> list[Token] | None:
    """ "said on a visit in the spring that North Macedonia belonged in the EU", "telling a conference that France
    would go it alone": the parser reads the clause as a relative one on the noun before it. It is what was said
    when "that" is tagged a conjunction, or when the noun is a date or an occasion and "that" is no subject of the
    clause, which has one of its own."""
    for child in (c for c in verb.children if c.dep_ in {"prep", "dobj", "dative"} and c.i > verb.i):
        for clause in (t for t in child.subtree if t.dep_ == "relcl"):
            that = clause.left_edge
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), None)
            # Not "said in a speech that she gave at the forum that ...": a clause of its own makes it relative.
            nested = any(c.dep_ == "ccomp" for c in clause.children)
            if that.lower_ != "that" or subject in (None, that) or nested:
                continue
            if that.dep_ == "mark" or (_date_or_venue(clause.head) and that.dep_ not in SUBJECT_DEPS):
                return _cut_framing(list(verb.doc[that.i + 1 : clause.right_edge.i + 1]))
    return None


def _date_or_venue(noun: Token) -> bool:
    return noun.ent_type_ in {"DATE", "TIME"} or noun.lemma_.lower() in VENUE_NOUNS


def _but_tail(verb: Token, clause: Token) -> list[Token]:
    """ "said she wanted wages to rise, but through growth, not a mandate": the parser hangs the "but ..." on
    the verb of saying, yet it is still what was said (a verb after "but" would be a new clause)."""
    rights = [c for c in verb.rights if c.i > clause.right_edge.i and not c.is_punct]
    # A "but" that opens a quotation ("..., “but it cannot be hit with the same tools”") is still hers, also when
    # the parser hangs it on a clause of its own, joined to the verb of saying.
    if len(rights) == 1 and rights[0].dep_ == "conj" and rights[0].left_edge.lower_ == "but":
        but = rights[0].left_edge
        if verb.doc[but.i - 1].text in OPENING_MARKS:
            return list(verb.doc[clause.right_edge.i + 1 : rights[0].right_edge.i + 1])
    if len(rights) < 2 or rights[0].lower_ != "but" or rights[0].dep_ != "cc":
        return []
    quoted = verb.doc[rights[0].i - 1].text in OPENING_MARKS
    # "..., but only if nuclear power counted": a condition on what was said, not a new clause.
    condition = any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for r in rights[1:] for c in r.children)
    if not (quoted or condition) and any(c.pos_ in {"VERB", "AUX"} for c in rights[1:]):
        return []
    end = max(t.i for t in rights[-1].subtree)
    return list(verb.doc[clause.right_edge.i + 1 : end + 1])


def continued_clause(verb: Token) -> list[Token] | None:
    """ "Joint debt was a door we closed, she said, and the assets were the place to start": the clause joined
    after a parenthetical "she said" is hers too."""
    if verb.dep_ != "parataxis" or verb.head.i > verb.i:
        return None
    siblings = list(verb.head.children)
    for conj in (c for c in siblings if c.dep_ == "conj" and c.i > verb.i):
        joined = any(c.dep_ == "cc" and c.lower_ in {"and", "but"} and verb.i < c.i < conj.i for c in siblings)
        if joined and any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            return list(conj.subtree)
    return None


def _bare_adjective(clause: Token) -> bool:
    """The bare "clear" of "made clear that ...", not "the argument was being exaggerated" (tagged ADJ too)."""
    return clause.pos_ == "ADJ" and not clause.n_rights and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def preposed_content(verb: Token, subj: Token) -> list[Token] | None:
    """The content before the attribution: "ANO would not govern with them, he said" (the parser makes the
    clause the verb's ccomp), and "Latvia will double its intake, the head of the command said Thursday" (the
    parser makes the verb hang on the clause's root, or on the speaker's noun)."""
    before = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < subj.i), None)
    if before is not None:
        # A clause with a subject of its own; not the journalist's "Asked whether ..., she did not deny it".
        if not any(c.dep_ in SUBJECT_DEPS for c in before.children):
            return None
        return _cut_framing(
            _without_dateline([t for t in before.subtree if not t.is_punct or t.i < before.right_edge.i])
        )
    sent = verb.sent
    comma = subj.left_edge.i - 1
    if verb.dep_ not in {"conj", "acl", "ccomp", "parataxis"} or verb.head.i > verb.i or comma <= sent.start:
        return None
    root = verb.head if verb.head != subj else sent.root
    # The clause must be a statement with a subject: not the journalist's "Asked whether ..., she did not deny it".
    if root != sent.root or not any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return None
    if verb.doc[comma].text != "," or not any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[sent.start : comma]):
        return None
    return _cut_framing(_without_dateline(list(verb.doc[sent.start : comma])))


def parenthetical_content(verb: Token, subj: Token) -> list[Token] | None:
    """ "The latest test, North Korea said, was its biggest yet": an attribution set off by commas inside the
    clause it reports (the parser hangs it on the clause's root as parataxis), and "Lenox was a juggernaut, he
    said, until it went bankrupt", whose clause goes on after it. The claim is the whole sentence, its
    attribution inside, as with a quote the attribution interrupts."""
    sent, doc = verb.sent, verb.doc
    inside_out = _inside_out(verb)
    if verb.dep_ != "parataxis" and not inside_out:
        return None
    clause = {t.i for c in verb.children if inside_out and c.dep_ == "conj" for t in c.subtree}
    # From the speaker to the verb's last word on its right ("she told reporters on Friday"); the parser may hang
    # the commas, or even the clause's own opening "If ...", on the verb.
    right_words = [t for t in verb.subtree if t.i >= verb.i and not t.is_punct and t.i not in clause]
    left, right = subj.left_edge.i - 1, right_words[-1].i + 1
    if left <= sent.start or right >= sent.end or doc[left].text != "," or doc[right].text != ",":
        return None
    # After the attribution, the clause must go on ("until ..."); "..., he said, but B" is a second claim.
    tail = [c for c in verb.head.children if c.i > right and not c.is_punct]
    if verb.head.i < verb.i and (not tail or any(c.dep_ in {"cc", "conj"} for c in tail)):
        return None
    # The reported clause is a statement with a subject, not "Asked whether ..., she said, ...".
    if not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in sent.root.children):
        return None
    return _cut_framing(_without_dateline([t for t in sent if not (t.is_punct and t.i == sent.end - 1)]))


def _inside_out(verb: Token) -> bool:
    """ "These employees, Stumpf explained, were well paid": the parser makes the attribution the root, the
    clause's subject a modifier before it and the clause's verb a conjunct after it, without a subject."""
    before = any(c.dep_ in {"npadvmod", "dep"} and c.pos_ in {"NOUN", "PROPN"} and c.i < verb.i for c in verb.children)
    after = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and c.pos_ in {"VERB", "AUX"}]
    return (
        verb.dep_ == "ROOT"
        and before
        and len(after) == 1
        and not any(c.dep_ in SUBJECT_DEPS for c in after[0].children)
        and not any(c.dep_ == "cc" for c in verb.children)
    )


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """ "LONDON - Britain and France are ready ...": the dateline is not part of what was said."""
    for n, tok in enumerate(tokens[:4]):
        if tok.text in {"-", "—", "–"} and n and all(t.is_upper for t in tokens[:n]):
            return tokens[n + 1 :]
    return tokens


def _venue_clause(verb: Token) -> Token | None:
    """ "said in a statement that ...", "warned from the start that ...": the parser hangs the that-clause on
    the preposition's noun, not on the verb."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for venue in (o for o in prep.children if o.dep_ == "pobj"):
            for clause in venue.children:
                marked = clause.dep_ in {"acl", "ccomp"} and clause.left_edge.dep_ == "mark"
                if marked and (venue.lemma_.lower() in VENUE_NOUNS or clause.left_edge.lower_ == "that"):
                    return clause
    return None


def _is_for_clause(child: Token) -> bool:
    """ "called for the EU to lead talks": the parser makes the "for ... to" clause an adverbial clause, and a
    second one ("... and for the EU to keep its duties") a conjunct; so too "urged MEPs on Tuesday to stop"."""
    return child.dep_ in {"advcl", "conj"} and child.left_edge.lower_ in {"for", "to"}


def _is_framing(child: Token) -> bool:
    """Adjuncts the journalist adds: "in an interview", "on Thursday", "despite calls", "after the summit"."""
    # "described the vote as a dark day": what "as" introduces is the position, whatever noun it holds.
    if _is_for_clause(child) or (child.dep_ == "prep" and child.lower_ == "as"):
        return False
    if child.dep_ in {"npadvmod", "advcl", "punct", "cc", "conj", "mark", "relcl"}:
        return True
    if child.dep_ != "prep":
        return False
    if child.lower_ in FRAMING_PREPS:
        return True
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return any(o.lemma_.lower() in VENUE_NOUNS or o.ent_type_ in {"DATE", "TIME"} for o in objects)


def position_content(verb: Token, subj: Token) -> list[Token] | None:
    """Subject (when next to the verb), the verb and what follows it, up to the journalist's framing."""
    objects = [
        c
        for c in verb.children
        if c.i > verb.i
        and (c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ in POSITION_PREPS) or _is_for_clause(c))
    ]
    if not objects or _moving_on(verb) or _pressed_on(verb):
        return None
    right = verb.i
    rights = list(verb.rights)
    for n, child in enumerate(rights):
        # "calling for the ban to go and for the EU to ...": the "and" joins two positions, not a new clause.
        if child.dep_ == "cc" and n + 1 < len(rights) and _is_for_clause(rights[n + 1]):
            continue
        # "urged ministers to stop fighting and approve the fund": a bare verb shares the "to" of the position.
        if child.dep_ == "cc" and n + 1 < len(rights) and _shares_to(verb, rights[n + 1]):
            continue
        if _shares_to(verb, child):
            right = max(t.i for t in child.subtree)
            continue
        # "called for ways around the veto, including coalitions of the willing": examples of the position.
        if child.text == "," and n + 1 < len(rights) and rights[n + 1].lower_ == "including":
            continue
        # A quoted fragment is the position itself ("called the report “a shopping list”"), not framing.
        if child.text in QUOTE_MARKS:
            right = max(right, child.i)
            continue
        # Inside the fragment while the marks since the verb are odd; its opening mark may hang elsewhere.
        in_fragment = _odd_marks(verb.doc[verb.i + 1 : child.i])
        if _is_framing(child) and not in_fragment:
            # "called on Tuesday for France to ...", "urged MEPs on Tuesday to back ...": framing with more of the
            # position after it does not end it.
            if child.dep_ in {"prep", "npadvmod"} and any(o.i > child.i for o in objects):
                continue
            break
        right = max(t.i for t in child.subtree)
    span = verb.doc[verb.i : right + 1]
    right = min([right, *(t.left_edge.i - 1 for t in span if _says_of_it(t) or _misplaced_venue(verb, t))])
    # An appositive between subject and verb ("Weber, head of the EPP, had called for") starts it at the verb.
    # So does a second act after a reported clause ("said she would ... and warned against").
    # "... and called for", not "... and he called for"; "welcomed the changes but called them ...", as GUIDELINES 2.2.
    coordinated = verb.dep_ == "conj" and verb.head.lemma_.lower() in SAY_VERBS | POSITION_VERBS
    borrowed = (second_act(verb) or coordinated) and subj.head != verb
    # A comma-set adverb is no appositive: "Ferrand, however, rejected", "She did, however, defend".
    between = verb.doc[subj.i + 1 : verb.i]
    aside = any(t.dep_ == "advmod" for t in between) and all(
        t.is_punct or t.dep_ in {"advmod", "aux", "neg"} for t in between
    )
    adjacent = subj.i < verb.i and (aside or not any(t.is_punct for t in between)) and not borrowed
    # (From after the last comma in the subject's phrase: not "Opening for the Left, [Swedish MEP Sara Lindgren]".)
    commas = [t.i for t in verb.doc[subj.left_edge.i : subj.i] if t.text == ","]
    start = (
        (commas[-1] + 1 if commas else subj.left_edge.i)
        if adjacent
        else min([verb.i, *(c.i for c in verb.lefts if c.dep_ in {"aux", "neg"})])
    )
    # "Kjær backed Commission plans to shift ...": the parser can take the object's noun for the verb of the
    # sentence, of which the position verb is then the subject; the object runs on through it.
    head = verb.head
    if verb.dep_ == "csubj" and head.i == right + 1 and head.tag_ == "VBZ" and head.text.endswith("s"):
        right = max(t.i for t in head.subtree if not t.is_punct)
    return _cut_framing(list(verb.doc[start : right + 1]))


def _shares_to(verb: Token, conj: Token) -> bool:
    """A bare verb joined to a position verb of another form, with no subject or "that" of its own."""
    own = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in conj.children)
    return conj.dep_ == "conj" and conj.tag_ == "VB" and verb.tag_ != "VB" and not own


def _moving_on(verb: Token) -> bool:
    """ "pressed ahead with the vote", "pushed on with the plan": getting on with something takes no position (the
    word right after the verb only: "called the pact a step forward" is a position)."""
    after = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.lower_ in MOVING_ON and after.dep_ in {"advmod", "prt"}


def _listener(verb: Token, subj: Token) -> bool:
    """ "He was reminded that ...", "she was told that ...": the subject of the passive is who heard it."""
    return subj.dep_ == "nsubjpass" and subj.head == verb


def _asked_or_supposed(verb: Token) -> bool:
    """ "Asked whether she backed a ceasefire", "if he supports the plan": a question or a condition, not a claim."""
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in verb.children)


def _pressed_on(verb: Token) -> bool:
    """ "Pressed on whether she supported it", "pressed the minister on Taiwan": questioning, not a position."""
    return verb.lemma_.lower() == "press" and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)


def _made_clear(verb: Token) -> bool:
    """ "She made clear that ...": a verb of saying in two words."""
    return verb.lemma_.lower() == "make" and any(c.lower_ == "clear" and c.i == verb.i + 1 for c in verb.children)


def _speaker_noun(verb: Token) -> Token | None:
    """ "..., the Dutch migration minister announced on Tuesday": the parser can hang the verb on its speaker
    as a participle (acl) of the noun right before it, or of a name and its appositive ("BEUC, the European
    consumer organisation, called on ...")."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in {"NOUN", "PROPN"} or head.i > verb.i:
        return None
    between = verb.doc[head.i + 1 : verb.i]
    set_off = len(between) > 2 and between[0].text == "," and between[-1].text == ","
    appositive = any(t.dep_ == "appos" and t.head == head for t in between)
    if set_off and appositive and all(head.is_ancestor(t) for t in between):
        return head
    return head if head.i == verb.i - 1 else None


def _own_clause(verb: Token, in_quote: list[bool]) -> bool:
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    return clause is not None and not in_quote[clause.left_edge.idx] and not in_quote[clause.idx]


def _quoted_object(verb: Token) -> list[Token] | None:
    """ "said such schemes “outsource responsibility”": the parser takes the clause for an object; a quotation
    mark inside it shows it is what was said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or not any(t.text in QUOTE_MARKS for t in obj.subtree):
        return None
    tokens = [t for t in obj.subtree if not (t.dep_ == "mark" and t.i == obj.left_edge.i)]
    # Up to the closing mark, which the parser may hang elsewhere: „buy time, but they also buy higher prices“.
    opened = sum(t.text in OPENING_MARKS for t in tokens) > sum(t.text in CLOSING_MARKS for t in tokens)
    rest = verb.doc[tokens[-1].i + 1 : verb.sent.end]
    close = next((t for t in rest if t.text in QUOTE_MARKS), None)
    if close is not None and (opened or close.i == tokens[-1].i + 1):
        tokens += list(verb.doc[tokens[-1].i + 1 : close.i + 1])
    return tokens


def reported_claims(doc: Doc, used_cues: set[int], quotes: list[Quote]) -> list[Draft]:
    in_quote = [False] * (len(doc.text) + 1)
    for q in quotes:
        for i in range(q.open_at, min(q.end + 1, len(doc.text))):
            in_quote[i] = True
    drafts = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or in_quote[tok.idx]:
            continue
        # A verb that attributes the quote before it can still report a clause of its own after it ("“Close the
        # mines and you close the region.” The union leader insisted that no date be set before ...").
        if tok.i in used_cues and not _own_clause(tok, in_quote):
            continue
        if _made_clear(tok):
            lemma = "say"
        if (lemma not in SAY_VERBS and lemma not in POSITION_VERBS) or _asked_or_supposed(tok):
            continue
        subj = subject_of(tok) or _speaker_noun(tok)
        if subj is None or in_quote[subj.idx] or not speaking_subject(subj) or _listener(tok, subj):
            continue
        content = (
            (
                clause_content(tok)
                or parenthetical_content(tok, subj)
                or preposed_content(tok, subj)
                or _quoted_object(tok)
            )
            if lemma in SAY_VERBS
            else None
        )
        # "demanded that Austria stay out", "agreed that enforcement was slow": the that-clause is the position.
        # Not when negated: "did not question that Ukraine belonged" states a position by the act itself.
        if content is None and lemma in POSITION_VERBS and _that_clause(tok) and not _negated(tok):
            content = clause_content(tok)
        if content is None and (lemma in POSITION_VERBS or lemma in WARNING_VERBS):
            content = position_content(tok, subj)
        if not content:
            continue
        cue, source = (tok.idx, tok.idx + len(tok)), mention_span(subj)
        more = [continued_clause(tok), *further_clauses(tok)] if lemma in SAY_VERBS else []
        pieces = split_again(content) if lemma in SAY_VERBS else [content]
        for part in [*pieces, *more]:
            part = _before_quote(part, in_quote) if part else None
            if not part:
                continue
            part = _closing_mark(part)
            start, end = trimmed(doc.text, *_span_chars(part), trailing=".")
            if end - start >= 8 and sum(in_quote[start:end]) <= (end - start) / 2:
                drafts.append(Draft(start, end, "reported", cue, source))
    return drafts


def _closing_mark(part: list[Token]) -> list[Token]:
    """With the closing mark of a quoted fragment the part opens but does not close ("... as “a fantasy”"): the parser
    may hang that mark outside the clause."""
    doc, last = part[0].doc, part[-1]
    if last.i + 1 >= len(doc):
        return part
    marks = [t.text for t in part]
    # „German“ closes with the mark English opens with.
    openers, closers = ({"„"}, {"“", "”"}) if "„" in marks else ({"“", "«"}, {"”", "»"})
    opened = sum(m in openers for m in marks) > sum(m in closers for m in marks)
    after = doc[last.i + 1].text
    if (opened and after in closers) or (marks.count('"') % 2 and after == '"'):
        return [*part, doc[last.i + 1]]
    return part


def _before_quote(part: list[Token], in_quote: list[bool]) -> list[Token]:
    """ "said candidates were the wrong people to ask, before adding: “I will say only this.”": a quotation that is a
    claim of its own ends the clause before it, with the words that introduce it ("before adding")."""
    if in_quote[part[0].idx]:
        return part
    inside = next((n for n, t in enumerate(part) if in_quote[t.idx]), None)
    if inside is None:
        return part
    kept = part[:inside]
    commas = [n for n, t in enumerate(kept) if t.text == ","]
    if commas and any(t.pos_ == "VERB" for t in kept[commas[-1] :]):
        kept = kept[: commas[-1]]
    return kept


def according_claims(doc: Doc, quotes: list[Quote]) -> list[Draft]:
    """ "According to X, Y" and "Y, according to X": Y, said by X (when X can be a speaker)."""
    drafts = []
    for tok in doc:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if to is None or source is None or not speaking_subject(source):
            continue
        if any(q.open_at <= tok.idx < q.end for q in quotes):
            continue
        framing = {t.i for t in tok.subtree}
        rest = [t for t in tok.sent if t.i not in framing]
        # "According to Nowicka, a binding target would ...": the parser may hang Y's subject on the attribution (as
        # an appositive or a second object); Y without a subject then starts after the attribution's last comma.
        commas = [t.i for t in tok.subtree if t.text == "," and t.i > to.i]
        root = tok.sent.root
        if rest and commas and root.i not in framing and not any(c.dep_ in SUBJECT_DEPS for c in root.children):
            rest = [t for t in tok.sent if t.i not in framing or t.i > commas[-1]]
        if not rest:
            continue
        start, end = trimmed(doc.text, *_span_chars(rest), trailing=".")
        if end - start >= 8:
            drafts.append(Draft(start, end, "reported", (tok.idx, to.idx + len(to)), mention_span(source)))
    return drafts
