"""Article → claims: each quoted sentence, and each reported-speech clause, with its cue and source mention.

Rules over spaCy's sentences and dependency parse. Speakers are resolved afterwards (attribute.py); here a
claim only carries the span of the mention that names its source, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.lexicon import (
    FRAMING_PREPS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    POSITION_PREPS,
    POSITION_VERBS,
    SAY_VERBS,
    TITLE_NOUNS,
    UNNAMED_DETERMINERS,
    VENUE_NOUNS,
)
from pipeline.quotes import Quote, find_quotes, paragraphs

TRIM = " \t\r\n,;:–—-"
QUOTE_MARKS = frozenset('"“”„«»‘’')
INTERVIEWER = re.compile(r"(?:Q|Question)\s*[:.]\s")
# Verbs of saying that also take their position as an object: "warned against the plan".
WARNING_VERBS = {"warn", "caution", "argue", "complain"}
CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "dative", "attr", "oprd", "prt", "acomp"}


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


# --- direct quotes -----------------------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int, trailing: str = "") -> tuple[int, int]:
    """Without surrounding spaces and joining punctuation (and `trailing`, e.g. a reported clause's period)."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM + trailing:
        end -= 1
    return start, end


def is_claim_quote(text: str, q: Quote) -> bool:
    """Quoted speech standing as its own sentence(s), as opposed to a quoted fragment inside a sentence of
    the journalist's ("called the plan “a fantasy”"), which stays part of that reported clause."""
    if q.close_at is None or q.continues:
        return True
    before = text[: q.open_at].rstrip(" \t")
    return not before or before[-1] in "\n:,.!?…;—–-("


def quote_sentences(doc: Doc, q: Quote) -> list[tuple[int, int]]:
    """Split a quote at spaCy's sentence starts inside it; trailing commas and dashes dropped."""
    text = doc.text
    cuts = [t.idx for t in doc if t.is_sent_start and q.start < t.idx < q.end]
    edges = [q.start, *cuts, q.end]
    pieces = [_trimmed(text, a, b) for a, b in zip(edges, edges[1:], strict=False)]
    return [(a, b) for a, b in pieces if any(ch.isalnum() for ch in text[a:b])]


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if start <= t.idx and t.idx + len(t) <= end]


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


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a participle or conjunct ("..., saying", "and added") its head's."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and not child.is_punct:
                return child
        if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and verb.head is not verb:
            verb = verb.head
        else:
            break
    # "The 58-year-old added": the parser sometimes leaves a description as a modifier of the verb.
    left = [c for c in verb.lefts if c.dep_ in {"amod", "npadvmod", "nmod", "dep"} and c.right_edge.i == verb.i - 1]
    return left[0] if left else None


def speaking_subject(subj: Token) -> bool:
    """Can this subject be a speaker? Named people and organisations, titles, he/she/they; not groups."""
    lower = subj.lower_
    if subj.pos_ == "PRON":
        return lower in PERSON_PRONOUNS | GROUP_PRONOUNS
    dets = {c.lower_ for c in subj.children if c.dep_ in {"det", "nummod"}}
    if dets & UNNAMED_DETERMINERS:
        return False
    if subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or subj.pos_ == "PROPN":
        return True
    if subj.tag_ in {"NNS", "NNPS"}:
        return False
    phrase = subj.doc[subj.left_edge.i : subj.i + 1].text.lower()
    return (
        lower in TITLE_NOUNS
        or phrase.endswith("year-old")
        or any(c.ent_type_ in {"ORG", "GPE", "NORP"} for c in subj.children if c.dep_ in {"compound", "amod", "poss"})
    )


def quote_cue(doc: Doc, q: Quote, quotes: list[Quote]) -> tuple[Token, Token] | None:
    """(verb, subject) of the attribution around a quote: trailing first, then leading ("X said: “...”")."""
    if q.close_at is not None:
        nxt = min((o.open_at for o in quotes if o.open_at > q.close_at), default=len(doc.text))
        after = _tokens_between(doc, q.close_at + 1, nxt)
        if after:
            sent_end = after[0].sent.end_char
            for tok in after:
                if tok.idx >= sent_end:
                    break
                found = _say_with_subject(tok)
                if found:
                    return found
    prev = max((o.close_at or o.end for o in quotes if o.end <= q.open_at), default=0)
    before = _tokens_between(doc, prev, q.open_at)
    if before and doc.text[before[-1].idx : q.open_at].strip()[-1:] in {":", ","}:
        for tok in reversed(before):
            found = _say_with_subject(tok)
            if found:
                return found
    return None


def _say_with_subject(tok: Token) -> tuple[Token, Token] | None:
    if tok.lemma_.lower() not in SAY_VERBS or tok.pos_ not in {"VERB", "AUX"}:
        return None
    subj = subject_of(tok)
    return (tok, subj) if subj is not None and speaking_subject(subj) else None


def quote_chains(quotes: list[Quote]) -> list[list[int]]:
    """Indices of quotes that form one quotation over several paragraphs."""
    chains: list[list[int]] = []
    for index, q in enumerate(quotes):
        if q.continues and chains and quotes[chains[-1][-1]].continued:
            chains[-1].append(index)
        else:
            chains.append([index])
    return chains


def direct_claims(doc: Doc, quotes: list[Quote], speech: set[int]) -> tuple[list[Draft], set[int]]:
    """Drafts for every quoted sentence, and the token indices of the cues they used.

    A quotation over several paragraphs shares one attribution, wherever in it the cue stands.
    """
    drafts: list[Draft] = []
    used: set[int] = set()
    for chain in quote_chains(quotes):
        members = [i for i in chain if i in speech]
        cues = {i: quote_cue(doc, quotes[i], quotes) for i in members}
        shared = next((c for c in cues.values() if c), None)
        for index in members:
            q = quotes[index]
            cue = cues[index] or shared
            cue_span = source = None
            if cue:
                verb, subj = cue
                used.add(verb.i)
                cue_span, source = (verb.idx, verb.idx + len(verb)), mention_span(subj)
            unbalanced = q.close_at is None and not q.continued
            warning = "quote closed at paragraph end" if unbalanced else None
            for start, end in quote_sentences(doc, q):
                drafts.append(Draft(start, end, "direct", cue_span, source, index, warning))
    return drafts, used


# --- reported speech ---------------------------------------------------------------------------------------


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
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.i == child.left_edge.i)]
            return _cut_framing(tokens)
    return None


def _is_for_clause(child: Token) -> bool:
    """ "called for the EU to lead talks": the parser makes the "for ... to" clause an adverbial clause."""
    return child.dep_ == "advcl" and child.left_edge.lower_ == "for"


def _is_framing(child: Token) -> bool:
    """Adjuncts the journalist adds: "in an interview", "on Thursday", "despite calls", "after the summit"."""
    if _is_for_clause(child):
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
    if not objects:
        return None
    right, in_fragment = verb.i, False
    for child in verb.rights:
        # A quoted fragment is the position itself ("called the report “a shopping list”"), not framing.
        if child.text in QUOTE_MARKS:
            right, in_fragment = max(right, child.i), not in_fragment
            continue
        if _is_framing(child) and not in_fragment:
            break
        right = max(t.i for t in child.subtree)
    # An appositive between subject and verb ("Weber, head of the EPP, had called for") starts it at the verb.
    adjacent = subj.i < verb.i and not any(t.is_punct for t in verb.doc[subj.i + 1 : verb.i])
    start = subj.left_edge.i if adjacent else min([verb.i, *(c.i for c in verb.lefts if c.dep_ in {"aux", "neg"})])
    return _cut_framing(list(verb.doc[start : right + 1]))


def reported_claims(doc: Doc, used_cues: set[int], quotes: list[Quote]) -> list[Draft]:
    in_quote = [False] * (len(doc.text) + 1)
    for q in quotes:
        for i in range(q.open_at, min(q.end + 1, len(doc.text))):
            in_quote[i] = True
    drafts = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.i in used_cues or tok.pos_ != "VERB" or in_quote[tok.idx]:
            continue
        if lemma not in SAY_VERBS and lemma not in POSITION_VERBS:
            continue
        subj = subject_of(tok)
        if subj is None or in_quote[subj.idx] or not speaking_subject(subj):
            continue
        content = clause_content(tok) if lemma in SAY_VERBS else None
        if content is None and (lemma in POSITION_VERBS or lemma in WARNING_VERBS):
            content = position_content(tok, subj)
        if not content:
            continue
        start, end = _trimmed(doc.text, *_span_chars(content), trailing=".")
        if end - start < 8 or sum(in_quote[start:end]) > (end - start) / 2:
            continue
        drafts.append(Draft(start, end, "reported", (tok.idx, tok.idx + len(tok)), mention_span(subj)))
    return drafts


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
        if not rest:
            continue
        start, end = _trimmed(doc.text, *_span_chars(rest), trailing=".")
        if end - start >= 8:
            drafts.append(Draft(start, end, "reported", (tok.idx, to.idx + len(to)), mention_span(source)))
    return drafts


# --- putting it together -----------------------------------------------------------------------------------


def _without_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Direct quotes win over reported clauses; among reported ones, the outer (longer) clause wins."""
    ordered = sorted(drafts, key=lambda d: (d.mode != "direct", -(d.end - d.start), d.start))
    kept: list[Draft] = []
    for draft in ordered:
        if all(draft.end <= k.start or draft.start >= k.end for k in kept):
            kept.append(draft)
    return sorted(kept, key=lambda d: d.start)


def segment(doc: Doc) -> tuple[list[Draft], list[Quote], list[str]]:
    """Claim drafts in text order, the quotes they came from, and warnings about the text."""
    quotes, warnings = find_quotes(doc.text)
    # Quoted fragments are not speech of their own: reported clauses may contain them.
    speech = {i for i, q in enumerate(quotes) if is_claim_quote(doc.text, q)}
    direct, used = direct_claims(doc, quotes, speech)
    spoken = [quotes[i] for i in sorted(speech)]
    drafts = _without_overlaps(direct + reported_claims(doc, used, spoken) + according_claims(doc, spoken))
    questions = interviewer_paragraphs(doc.text)
    return [d for d in drafts if not any(a <= d.start < b for a, b in questions)], quotes, warnings


def interviewer_paragraphs(text: str) -> list[tuple[int, int]]:
    """The "Q: ..." paragraphs of an interview write-up: the journalist asking, nobody's claim."""
    return [(a, b) for a, b in paragraphs(text) if INTERVIEWER.match(text, a)]
