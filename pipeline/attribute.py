"""Claim drafts → claims with speakers: names clustered to one canonical person, titles and descriptions tied to
the person the article gives them, pronouns to the latest person, unattributed quotes to the previous speaker."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.lexicon import GROUP_PRONOUNS, PERSON_PRONOUNS, TITLE_NOUNS
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
    subject_positions: list[int] = field(default_factory=list)  # ... of those that are a clause's subject
    gender_votes: dict[str, int] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)  # countries and nationalities in their descriptions

    def could_be_from(self, places: AbstractSet[str]) -> bool:
        """False only when both the description and this person's own descriptions name places, all different."""
        return not (places and self.places and not places & self.places)

    @property
    def gender(self) -> str | None:
        """ "m" or "f" when the article says so (Mr/Ms, spokeswoman, "Merz said his ..."), else None."""
        if not self.gender_votes:
            return None
        best = max(self.gender_votes, key=lambda g: self.gender_votes[g])
        return best if self.gender_votes[best] > sum(self.gender_votes.values()) / 2 else None


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


DEMONYM_STEMS = {"fre": "fra", "dut": "net", "dan": "den", "ame": "uni", "us": "uni", "usa": "uni", "uk": "bri"}


def _places(tokens: Iterable[Token]) -> set[str]:
    """Countries and nationalities by their first three letters, so that "Poland" and "Polish" compare equal;
    the pairs that differ there ("France" / "French") are mapped."""
    stems = {t.lower_.replace(".", "")[:3] for t in tokens if t.ent_type_ in {"GPE", "NORP"}}
    return {DEMONYM_STEMS.get(stem, stem) for stem in stems}


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


MALE = {"he", "him", "his", "himself", "mr", "mr.", "spokesman", "chairman", "congressman", "businessman"}
FEMALE = {
    "she",
    "her",
    "hers",
    "herself",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
}


def _is_subject(ent: Span) -> bool:
    """Named within a clause's subject: "Merz said", "the mayor of Słubice, Mariusz Olejnik, said"."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return root.dep_ == "appos" and any(t.dep_ in {"nsubj", "nsubjpass"} for t in root.ancestors)


def _missed_people(doc: Doc) -> list[Span]:
    """Names of people that NER missed or mislabelled, told apart by their place in the sentence:
    two proper nouns heading a subject ("Igor Pavlovs went further"), or a name in apposition with a title
    ("the defence minister, Anders Bjerregaard,", "Anders Bjerregaard, the minister,")."""
    names = []
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "PROPN" or token.ent_type_:
            continue
        parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == token.i - 1]
        if parts and token.text[:1].isupper() and parts[0].text[:1].isupper():
            names.append(doc[parts[0].i : token.i + 1])
    for ent in doc.ents:
        root = ent.root
        titled = (root.dep_ == "appos" and root.head.lower_ in TITLE_NOUNS) or any(
            c.dep_ == "appos" and c.lower_ in TITLE_NOUNS for c in root.children
        )
        if ent.label_ != "PERSON" and titled and 2 <= len(ent) <= 4 and all(t.is_title for t in ent):
            names.append(ent)
    return names


def _gender_cues(ent: Span, in_quote: list[bool]) -> list[str]:
    """Gender words tied to a name: an honorific or title before it, the first pronoun after it in its sentence."""
    cues = [t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start] if t.lower_ in MALE | FEMALE]
    if _is_subject(ent):
        after = [t.lower_ for t in ent.doc[ent.end : ent.sent.end] if not in_quote[t.idx]]
        cues += [w for w in after if w in MALE | FEMALE][:1]
    return ["m" if c in MALE else "f" for c in cues]


class Registry:
    """People and organisations of one article, found from entities and from claim sources."""

    def __init__(self, doc: Doc, in_quote: list[bool]) -> None:
        self.people: list[Person] = []
        for ent in sorted(
            [*(e for e in doc.ents if e.label_ == "PERSON"), *_missed_people(doc)], key=lambda e: e.start
        ):
            if not in_quote[ent.start_char]:
                person = self.add(_clean(ent.text), "person", ent.start_char)
                describing = _describing_tokens(ent)
                person.title_words |= _content_words(describing)
                person.places |= _places(describing)
                if _is_subject(ent):
                    person.subject_positions.append(ent.start_char)
                for cue in _gender_cues(ent, in_quote):
                    person.gender_votes[cue] = person.gender_votes.get(cue, 0) + 1

    def latest_subject(self, start: int, end: int, gender: str | None = None) -> Person | None:
        """The person last named as a subject in [start, end) whose gender does not contradict `gender`."""
        people = [p for p in self.people if p.kind == "person" and (not gender or p.gender in (None, gender))]
        return _last_named(people, start, end, subjects=True)

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

    def latest_before(
        self, offset: int, kind: str | None = "person", places: AbstractSet[str] = frozenset()
    ) -> Person | None:
        people = [p for p in self.people if (not kind or p.kind == kind) and p.could_be_from(places)]
        return _last_named(people, 0, offset)

    def by_description(self, words: set[str], offset: int, places: AbstractSet[str] = frozenset()) -> Person | None:
        """Who "the NATO chief" or "the 58-year-old" at `offset` refers to.

        Among the people already named: the one whose descriptions share most words with it (the latest on a
        tie), else the latest named. A description that comes before every name (a lede: "NATO's secretary
        general dismissed ...") refers to the first person named after it. A description naming a country or
        nationality ("the Hungarian prime minister") never goes to a person the article ties to another one.
        """
        fits = [p for p in self.people if p.kind == "person" and p.could_be_from(places)]
        earlier = [p for p in fits if any(pos < offset for pos in p.positions)]
        if not earlier:
            later = [(min(pos for pos in p.positions if pos > offset), p) for p in fits if p.positions]
            return min(later, key=lambda pair: pair[0])[1] if later else None
        top = max(len(words & p.title_words) for p in earlier)
        if top == 0:
            return self.latest_before(offset, places=places)
        return _last_named([p for p in earlier if len(words & p.title_words) == top], 0, offset)


def _last_named(people: list[Person], start: int, end: int, subjects: bool = False) -> Person | None:
    """Of these people, the one named last in [start, end) (only where they are a clause's subject, if asked)."""
    named = [
        (pos, p) for p in people for pos in (p.subject_positions if subjects else p.positions) if start <= pos < end
    ]
    return max(named, key=lambda pair: pair[0])[1] if named else None


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
            gender = "m" if lower in MALE else "f"
            found = registry.latest_subject(0, source[0], gender) or registry.latest_before(source[0])
            return found, SpeakerMethod.PRONOUN
        if lower in GROUP_PRONOUNS:
            org = registry.latest_before(source[0], kind="org")
            return org or registry.latest_before(source[0]), SpeakerMethod.PRONOUN
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    # "Poland's deputy defence minister, Tomasz Wierzbicki, said": the name is an appositive of the subject.
    persons += [e for e in doc.ents if e.label_ == "PERSON" and e.root.dep_ == "appos" and e.root.head == root]
    if persons:
        named = registry.add(_clean(persons[-1].text), "person", source[0])
        named.subject_positions.append(source[0])
        return named, SpeakerMethod.NAME
    if root.ent_type_ in {"ORG", "GPE", "NORP"} or (root.pos_ == "PROPN" and not span.ents):
        ents = [e for e in span.ents if root in e]
        name = _clean(ents[0].text) if ents else _clean(span.text)
        name = re.sub(r"^(the|The)\s+", "", name)
        kind = "person" if root.pos_ == "PROPN" and not ents else "org"
        return registry.add(name, kind, source[0]), SpeakerMethod.NAME
    person = registry.by_description(_content_words(span), source[0], _places(span))
    if person is not None:
        person.positions.append(source[0])
        person.subject_positions.append(source[0])
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
