"""Claim drafts → claims with speakers: names clustered to one canonical person, titles and descriptions tied to
the person the article gives them, pronouns to the latest person, unattributed quotes to the previous speaker."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.lexicon import GROUP_PRONOUNS, ORG_NOUNS, ORG_PRONOUNS, PERSON_PRONOUNS, TITLE_NOUNS
from pipeline.people import (
    MALE,
    Person,
    Registry,
    after_a_place,
    clean_name,
    content_words,
    full_name,
    is_person,
    org_name,
    places_in,
    slug,
)
from pipeline.records import Article, Attribution, Claim, Mode, Speaker, SpeakerMethod
from pipeline.records import Span as CharSpan
from pipeline.speech import Draft, called_an_organisation, spoken_for


def _mention(doc: Doc, source: tuple[int, int]) -> Span:
    span = doc.char_span(*source, alignment_mode="expand")
    assert span is not None
    return span


def resolve(registry: Registry, doc: Doc, source: tuple[int, int]) -> tuple[Person | None, SpeakerMethod]:
    """Who a source mention refers to, and how that was decided."""
    span = _mention(doc, source)
    root = span.root
    lower = root.lower_
    paragraph = doc.text.rfind("\n", 0, source[0]) + 1  # where the mention's paragraph starts
    if root.pos_ == "PRON" and lower in PERSON_PRONOUNS | GROUP_PRONOUNS | ORG_PRONOUNS:
        described = _described_subject(registry, doc, lower, source[0], paragraph) if lower in PERSON_PRONOUNS else None
        return described or _pronoun(registry, lower, source[0], paragraph), SpeakerMethod.PRONOUN
    named = _person_named(registry, doc, span, source[0])
    if named is not None:
        return named, SpeakerMethod.NAME
    # "A spokeswoman for the council said": the organisation speaks.
    organisation = spoken_for(root)
    if organisation is not None:
        return _organisation(registry, doc, doc[organisation.left_edge.i : organisation.i + 1], source[0])
    if root.ent_type_ in {"ORG", "GPE", "NORP"} or (root.pos_ == "PROPN" and not span.ents):
        ents = [e for e in span.ents if root in e]
        name = org_name(ents[0].text if ents else span.text) + _seat(root)
        # "The charity Care4Calais said": the noun before the name says what it is.
        before = doc[span.start - 1] if span.start > 0 else None
        introduced = before is not None and before.lemma_.lower() in ORG_NOUNS
        kind = "person" if root.pos_ == "PROPN" and not ents and not introduced else "org"
        return registry.add(name, kind, source[0]), SpeakerMethod.NAME
    if root.pos_ == "PROPN":
        return _proper_name(registry, root, source[0]), SpeakerMethod.NAME
    # A surname the tagger took for a common noun ("Kjær, a Social Democrat, argued").
    known = registry.find(root.text) if root.is_title else None
    if known is not None and known.kind == "person":
        known.subject_positions.append(source[0])
        return known, SpeakerMethod.NAME
    if root.lemma_.lower() in ORG_NOUNS:
        return _organisation(registry, doc, span, source[0])
    if called_an_organisation(root):
        name = org_name(doc[root.left_edge.i : root.i + 1].text)
        return registry.add(name, "org", source[0]), SpeakerMethod.NAME
    person = registry.by_description(content_words(span), source[0], places_in(span), paragraph)
    if person is not None:
        person.positions.append(source[0])
        person.subject_positions.append(source[0])
    return person, SpeakerMethod.DESCRIPTION


def _described_subject(registry: Registry, doc: Doc, lower: str, offset: int, paragraph: int) -> Person | None:
    """ "The German lawmaker was having none of it. “...,” he said.": a description heading the sentence before,
    in the same paragraph (from `paragraph` on), is who the pronoun picks up (its gender permitting)."""
    before = [s for s in doc.sents if s.start_char >= paragraph and s.end_char <= offset]
    if not before:
        return None
    subject = next((c for c in before[-1].root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in TITLE_NOUNS:
        return None
    # Only a bare description: "The new president, Karol Nawrocki," is named, and the name decides.
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) or any(
        c.dep_ == "appos" for c in subject.children
    ):
        return None
    words = doc[subject.left_edge.i : subject.i + 1]
    person = registry.by_description(content_words(words), subject.idx, places_in(words), paragraph)
    gender = "m" if lower in MALE else "f"
    return person if person is not None and person.gender in (None, gender) else None


def _pronoun(registry: Registry, lower: str, offset: int, paragraph: int) -> Person | None:
    if lower in PERSON_PRONOUNS:
        gender = "m" if lower in MALE else "f"
        return (
            registry.latest_subject(paragraph, offset, gender)
            or registry.only_named_in(paragraph, offset, gender)
            or registry.latest_subject(0, offset, gender)
            or registry.latest_before(offset)
        )
    if lower in GROUP_PRONOUNS:
        return registry.latest_before(offset, kind="org") or registry.latest_before(offset)
    return registry.organisation(offset)


def _person_named(registry: Registry, doc: Doc, span: Span, offset: int) -> Person | None:
    """The person a mention names, in it or in an appositive to it ("Poland's deputy defence minister, Tomasz
    Wierzbicki, said"), also when the parser hangs that name deeper ("the mayor of the town of Hamont-Achel, Jef
    Vanhoof, called") or NER took it for something else ("..., Taras Melnychuk, said" as a nationality)."""
    root = span.root
    titled = root.lower_ in TITLE_NOUNS
    persons = [e for e in span.ents if is_person(e)]
    persons += [e for e in doc.ents if is_person(e) and e.root.dep_ == "appos" and e.root.head == root]
    if not persons and titled:
        persons = [e for e in doc.ents if is_person(e) and e.root.dep_ == "appos" and root in e.root.head.ancestors]
    if persons:
        named = registry.add(clean_name(full_name(persons[-1]).text), "person", offset)
        named.subject_positions.append(offset)
        return named
    appositive = (
        c
        for c in root.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title and doc[c.left_edge.i - 1].text == ","
    )
    proper = next(appositive, None)
    return _proper_name(registry, proper, offset) if proper is not None and titled else None


def _seat(root: Token) -> str:
    """ "The Chinese Embassy in Manila": an embassy is named with its city."""
    if root.lemma_.lower() not in {"embassy", "consulate", "mission", "delegation"}:
        return ""
    prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    city = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"), None) if prep else None
    return f" in {city.text}" if city is not None else ""


def _of_name(root: Token) -> str:
    """ "The U.S. Chamber of Commerce", "the Bank of England": an organisation's name runs on through "of"."""
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of else None
    if name is None or not all(t.pos_ == "PROPN" or t.dep_ == "det" for t in name.subtree):
        return ""
    return " of " + root.doc[name.left_edge.i : name.right_edge.i + 1].text


def _proper_name(registry: Registry, root: Token, offset: int) -> Person:
    """A name NER labelled as something else ("Teresa Ribera" as a work of art) or left out of the entity beside
    it ("Albania's Edi Rama"): the proper nouns that end at the subject."""
    first = root.i
    while first > 0 and root.doc[first - 1].pos_ == "PROPN" and root.doc[first - 1].dep_ == "compound":
        first -= 1
    # "Foro Nuclear, the industry association,": the appositive says what it is.
    described = [root, *(c for c in root.children if c.dep_ == "appos")]
    # "Greenpeace Spain": a name ending in a place the article named before is an organisation's.
    after_place = first < root.i and after_a_place(root.doc[first : root.i + 1])
    kind = "org" if after_place or any(d.lemma_.lower() in ORG_NOUNS for d in described) else "person"
    tail = (_seat(root) or _of_name(root)) if kind == "org" else ""
    named = registry.add(clean_name(root.doc[first : root.i + 1].text) + tail, kind, offset)
    named.subject_positions.append(offset)
    return named


def _organisation(registry: Registry, doc: Doc, span: Span, offset: int) -> tuple[Person | None, SpeakerMethod]:
    """ "The environment ministry, Semarnat," names it; "India's trade ministry" is a name of its own; "the group"
    is the latest organisation of that kind."""
    # (NER may call the name a person's: "Semarnat" is one here all the same.)
    named = [
        e for e in doc.ents if e.label_ in {"ORG", "PERSON"} and e.root.dep_ == "appos" and e.root.head == span.root
    ]
    if named:
        return registry.add(org_name(named[0].text), "org", offset), SpeakerMethod.NAME
    if any(t.ent_type_ in {"ORG", "GPE", "NORP"} for t in span):
        return registry.add(org_name(span.text), "org", offset), SpeakerMethod.NAME
    return registry.organisation(offset, span.root.lemma_.lower()), SpeakerMethod.DESCRIPTION


def attribute(article: Article, doc: Doc, drafts: list[Draft], warnings: list[str]) -> Attribution:
    """Resolve every draft's source to a speaker and build the Claim and Speaker records."""
    in_quote = [False] * (len(doc.text) + 1)
    for d in drafts:
        if d.mode == "direct":
            for i in range(d.start, d.end):
                in_quote[i] = True
    registry = Registry(doc, in_quote)
    resolved: list[tuple[Draft, Person | None, SpeakerMethod]] = []
    forms: dict[int, list[str]] = {}  # id(person) -> surface forms that named them as a source
    previous: Person | None = None
    previous_end = 0
    for draft in drafts:
        if draft.source is None:
            # A quote with no attribution continues the previous speaker, unless the narration since then
            # has named someone else as the subject ("Weber, a veteran MEP, spoke next.").
            named = registry.latest_subject(previous_end, draft.start)
            person, method = named or previous, SpeakerMethod.CONTINUATION
        else:
            person, method = resolve(registry, doc, draft.source)
            if person is not None:
                forms.setdefault(id(person), []).append(doc.text[draft.source[0] : draft.source[1]])
        previous = person or previous
        previous_end = draft.end
        resolved.append((draft, person, method))
    # Ids come from the final canonical names, known only once every mention has been seen.
    claims = tuple(_claim(article, n, d, p, m) for n, (d, p, m) in enumerate(resolved, start=1))
    speaking = {id(p) for _, p, _ in resolved if p is not None}
    speakers = tuple(
        Speaker(
            id=slug(p.name),
            name=p.name,
            kind="org" if p.kind == "org" else "person",
            mentions=tuple(dict.fromkeys([*p.forms, *forms.get(id(p), [])])),
        )
        for p in registry.people
        if id(p) in speaking
    )
    return Attribution(article=article, claims=claims, speakers=speakers, warnings=tuple(warnings))


def _claim(article: Article, number: int, draft: Draft, person: Person | None, method: SpeakerMethod) -> Claim:
    return Claim(
        id=f"c{number:02d}",
        start=draft.start,
        end=draft.end,
        text=article.text[draft.start : draft.end],
        mode=Mode(draft.mode),
        speaker=slug(person.name) if person else None,
        speaker_method=method if person else None,
        source=CharSpan(start=draft.source[0], end=draft.source[1]) if draft.source else None,
        cue=CharSpan(start=draft.cue[0], end=draft.cue[1]) if draft.cue else None,
        warning=draft.warning,
    )
