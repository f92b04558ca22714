"""Article → claims: each quoted sentence, and each reported-speech clause, with its cue and source mention.

Rules over spaCy's sentences and dependency parse. Speakers are resolved afterwards (attribute.py); here a
claim only carries the span of the mention that names its source, if any.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.lexicon import SAY_VERBS
from pipeline.quotes import Quote, find_quotes, paragraphs
from pipeline.reported import according_claims, reported_claims
from pipeline.speech import QUOTE_MARKS, Draft, mention_span, speaking_subject, subject_of, trimmed

INTERVIEWER = re.compile(r"(?:Q|Question)\s*[:.]\s")


# --- direct quotes -----------------------------------------------------------------------------------------


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if start <= t.idx and t.idx + len(t) <= end]


def is_claim_quote(text: str, q: Quote) -> bool:
    """Quoted speech standing as its own sentence(s), as opposed to a quoted fragment inside a sentence of
    the journalist's ("called the plan “a fantasy”"), which stays part of that reported clause."""
    if q.close_at is None or q.continues:
        return True
    before = text[: q.open_at].rstrip(" \t")
    # A quote right after another that ended a sentence: ...policy." "Helping Ukraine is ...
    if before[-1:] in QUOTE_MARKS and before[:-1].rstrip()[-1:] in {".", "!", "?", "…"}:
        return True
    # ", “which is a strange way to save the planet”": a lower-case quote after a comma goes on the journalist's
    # sentence, unless it resumes a quote the attribution broke ("“The plan,” she said, “is dead.”").
    first = next((ch for ch in text[q.start : q.end] if ch.isalpha()), "")
    if before[-1:] == "," and first.islower() and not re.search(r",\s*[”\"»]", before[-80:]):
        return False
    return not before or before[-1] in "\n:,.!?…;—–-("


def quote_sentences(doc: Doc, q: Quote) -> list[tuple[int, int]]:
    """Split a quote at spaCy's sentence starts inside it; trailing commas and dashes dropped."""
    return [(a, b) for a, b in _sentence_pieces(doc, q.start, q.end) if any(ch.isalnum() for ch in doc.text[a:b])]


def _sentence_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The text from `start` to `end` cut at spaCy's sentence starts, each piece trimmed."""
    cuts = [t.idx for t in doc if t.is_sent_start and start < t.idx < end]
    edges = [start, *cuts, end]
    return [trimmed(doc.text, a, b) for a, b in zip(edges, edges[1:], strict=False)]


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
                # "“Where was this courage?” asked Lea Sommer": after a quote, "asked" attributes it.
                found = _say_with_subject(tok, also={"ask"})
                if found:
                    return found
    prev = max((o.close_at or o.end for o in quotes if o.end <= q.open_at), default=0)
    # Without the paragraph break: "The Times reports:\n\n“...”" introduces the quote as much as on one line.
    before = [t for t in _tokens_between(doc, prev, q.open_at) if not t.is_space]
    mark = doc.text[before[-1].idx : q.open_at].strip()[-1:] if before else ""
    # Only the sentence that leads into the quote: a "told" two sentences back is another attribution.
    before = [t for t in before if t.idx >= before[-1].sent.start_char] if before else []
    if mark in {":", ","}:
        for tok in reversed(before):
            found = _say_with_subject(tok)
            if found:
                return found
    if mark == ":":
        # "Marek Zieliński, head of a farmers' union, put it simply: “...”", "The minister was blunt: “...”": a
        # colon hands the quote to the subject of the clause before it.
        last = before[-2] if len(before) > 1 else before[-1]
        verb = next((t for t in [last, *last.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
        subj = subject_of(verb) if verb is not None else None
        if verb is not None and subj is not None and speaking_subject(subj):
            return verb, subj
    return None


def _say_with_subject(tok: Token, also: frozenset[str] | set[str] = frozenset()) -> tuple[Token, Token] | None:
    if tok.lemma_.lower() not in SAY_VERBS | also or tok.pos_ not in {"VERB", "AUX"}:
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


def block_quote_claims(doc: Doc, quotes: list[Quote]) -> list[Draft]:
    """ "Limbaugh added:" alone at a paragraph's end, and the next paragraph without quotation marks: a block
    quotation whose indentation the web page lost. Each sentence of that paragraph is the speaker's."""
    text, drafts = doc.text, []
    paras = paragraphs(text)
    for (_, intro_end), (start, end) in zip(paras, paras[1:], strict=False):
        if text[intro_end - 1] != ":" or any(start <= q.open_at < end for q in quotes):
            continue
        colon = doc.char_span(intro_end - 1, intro_end, alignment_mode="expand")
        cue = _bare_say(colon.sent) if colon is not None else None
        if cue is None:
            continue
        verb, subj = cue
        for a, b in _sentence_pieces(doc, start, end):
            drafts.append(Draft(a, b, "direct", (verb.idx, verb.idx + len(verb)), mention_span(subj)))
    return drafts


def _bare_say(sent: Span) -> tuple[Token, Token] | None:
    """(verb, subject) of a sentence that only says who speaks: "The governor added:", "He wrote on Twitter:";
    not "He made three points:" or "Critics listed the flaws:", whose object the colon goes on to spell out."""
    verb = sent.root
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr"} for c in verb.children):
        return None
    return _say_with_subject(verb, also={"continue"})


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
    drafts = _without_overlaps(
        direct + block_quote_claims(doc, quotes) + reported_claims(doc, used, spoken) + according_claims(doc, spoken)
    )
    questions = interviewer_paragraphs(doc.text)
    return [d for d in drafts if not any(a <= d.start < b for a, b in questions)], quotes, warnings


def interviewer_paragraphs(text: str) -> list[tuple[int, int]]:
    """The "Q: ..." paragraphs of an interview write-up: the journalist asking, nobody's claim."""
    return [(a, b) for a, b in paragraphs(text) if INTERVIEWER.match(text, a)]
