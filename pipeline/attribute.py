"""Claim drafts → claims with speakers: names clustered to one canonical person, titles and descriptions tied to
the person the article gives them, pronouns to the latest person, unattributed quotes to the previous speaker."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.lexicon import GROUP_PRONOUNS, PERSON_PRONOUNS
from pipeline.records import Article, Attribution, Claim, Mode, Speaker, SpeakerMethod
from pipeline.records import Span as CharSpan
from pipeline.segment import Draft

STOP = frozenset(
    ["the", "a", "an", "of", "and", "for", "its", "his", "her", "their", "to", "in", "on", "at", "with", "'s", "’s"]
)


@dataclass
class Person:
    """One speaker candidate: every name form, and the words the article uses to describe them."""

    name: str
    kind: str = "person"
    forms: list[str] = field(default_factory=list)
    title_words: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)  # offsets of mentions outside quotes


ASCII = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i", "œ": "oe"})
HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|MEP|MP|Senator|Sen|Rep|President|Minister)\.?\s+)+")


def slug(name: str) -> str:
    """An id from a name: "Radosław Sikorski" -> "radoslaw_sikorski"."""
    ascii_name = unicodedata.normalize("NFKD", name.lower().translate(ASCII)).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "_", ascii_name).strip("_") or "speaker"


def _clean(name: str) -> str:
    """A name without a possessive before or after it ("the Greens’ Lukas Behrendt") or a leading title."""
    name = re.sub(r"(’s|'s)$", "", name.strip())
    name = re.split(r"(?:’s?|'s?)\s+", name)[-1]
    return HONORIFICS.sub("", name).strip() or name


def _content_words(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and t.lower_ not in STOP and not t.is_stop}


def _describing_tokens(ent: Span) -> list[Token]:
    """Words tied to a name: "NATO Secretary General [Mark Rutte]", "[Weber], head of the EPP", "the
    chancellor, [Friedrich Merz]"."""
    root = ent.root
    words = [t for t in root.subtree if t.i < ent.start or t.i >= ent.end]
    if root.dep_ == "appos":
        words += [t for t in root.head.subtree if t.i < ent.start and t.i >= root.head.left_edge.i]
    for child in root.children:
        if child.dep_ in {"relcl", "acl"}:
            words = [w for w in words if w not in set(child.subtree)]
    return words


class Registry:
    """People and organisations of one article, found from entities and from claim sources."""

    def __init__(self, doc: Doc, in_quote: list[bool]) -> None:
        self.people: list[Person] = []
        self.in_quote = in_quote
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not in_quote[ent.start_char]:
                person = self.add(_clean(ent.text), "person", ent.start_char)
                person.title_words |= _content_words(_describing_tokens(ent))

    def find(self, name: str) -> Person | None:
        parts = name.split()
        for person in self.people:
            full = person.name.split()
            if name in person.forms or parts == full[-len(parts) :] or parts == full[: len(parts)]:
                return person
        return None

    def add(self, name: str, kind: str, position: int | None) -> Person:
        person = self.find(name)
        if person is None:
            person = Person(name, kind)
            self.people.append(person)
        if len(name.split()) > len(person.name.split()):
            person.name = name  # canonical name: the fullest form in the article
        if name not in person.forms:
            person.forms.append(name)
        if position is not None:
            person.positions.append(position)
        return person

    def latest_before(self, offset: int, kind: str | None = "person") -> Person | None:
        best, best_at = None, -1
        for person in self.people:
            if kind and person.kind != kind:
                continue
            for pos in person.positions:
                if best_at < pos < offset:
                    best, best_at = person, pos
        return best

    def by_description(self, words: set[str], offset: int) -> Person | None:
        """The person whose descriptions share most words with this one; the latest mentioned on a tie."""
        scored = [(len(words & p.title_words), p) for p in self.people if p.kind == "person"]
        top = max((score for score, _ in scored), default=0)
        if top == 0:
            return None
        tied = [p for score, p in scored if score == top]
        before = [p for p in tied if any(pos < offset for pos in p.positions)]
        return (
            self.latest_before(offset)
            if len(before) > 1 and self.latest_before(offset) in before
            else (before[-1] if before else tied[0])
        )


def _mention(doc: Doc, source: tuple[int, int]) -> Span:
    span = doc.char_span(*source, alignment_mode="expand")
    assert span is not None
    return span


def resolve(registry: Registry, doc: Doc, source: tuple[int, int]) -> tuple[Person | None, SpeakerMethod]:
    """Who a source mention refers to, and how that was decided."""
    span = _mention(doc, source)
    root = span.root
    lower = root.lower_
    if root.pos_ == "PRON":
        if lower in PERSON_PRONOUNS:
            return registry.latest_before(source[0]), SpeakerMethod.PRONOUN
        if lower in GROUP_PRONOUNS:
            org = registry.latest_before(source[0], kind="org")
            return org or registry.latest_before(source[0]), SpeakerMethod.PRONOUN
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    if persons:
        return registry.add(_clean(persons[-1].text), "person", source[0]), SpeakerMethod.NAME
    if root.ent_type_ in {"ORG", "GPE", "NORP"} or (root.pos_ == "PROPN" and not span.ents):
        ents = [e for e in span.ents if root in e]
        name = _clean(ents[0].text) if ents else _clean(span.text)
        name = re.sub(r"^(the|The)\s+", "", name)
        kind = "person" if root.pos_ == "PROPN" and not ents else "org"
        return registry.add(name, kind, source[0]), SpeakerMethod.NAME
    person = registry.by_description(_content_words(span), source[0]) or registry.latest_before(source[0])
    if person is None:
        following = [p for p in registry.people if p.kind == "person"]
        person = following[0] if following else None
    if person is not None:
        person.positions.append(source[0])
    return person, SpeakerMethod.DESCRIPTION


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
    for draft in drafts:
        if draft.source is None:  # a quote with no attribution continues the previous speaker
            person, method = previous, SpeakerMethod.CONTINUATION
        else:
            person, method = resolve(registry, doc, draft.source)
            if person is not None:
                forms.setdefault(id(person), []).append(doc.text[draft.source[0] : draft.source[1]])
        previous = person or previous
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
