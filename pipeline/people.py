"""The people and organisations of one article: every name form clustered to one canonical person, with the
descriptions, gender and places the article ties to them, and where they were named."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.lexicon import ORG_NOUNS, TITLE_NOUNS

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
# With up to two words before it: "Green MP Sophie Lacaze", "Vice President Kamala Harris".
HONORIFICS = re.compile(
    r"^(?:[A-Z][\w'-]*\s+){0,2}?(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|MEP|MP|Senator|Sen|Rep|President|Minister)\.?\s+)+"
)


def slug(name: str) -> str:
    """An id from a name: "Radosław Sikorski" -> "radoslaw_sikorski"."""
    ascii_name = unicodedata.normalize("NFKD", name.lower().translate(ASCII)).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "_", ascii_name).strip("_") or "speaker"


def clean_name(name: str) -> str:
    """A name without a possessive before or after it ("the Greens’ Lukas Behrendt"), a leading title or a
    trailing acronym ("Confederation of Portuguese Business (CIP)")."""
    name = re.sub(r"\s*\([^()]*\)?$", "", name.strip())
    name = re.sub(r"(’s|'s)$", "", name)
    name = re.split(r"(?:’s?|'s?)\s+", name)[-1]
    return HONORIFICS.sub("", name).strip() or name


def org_name(name: str) -> str:
    """An organisation's name as it speaks: cleaned, and without a leading "the" ("the Refugee Council")."""
    return re.sub(r"^(the|The)\s+", "", clean_name(name))


def content_words(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and t.lower_ not in STOP and not t.is_stop}


DEMONYM_STEMS = {"fre": "fra", "dut": "net", "dan": "den", "ame": "uni", "us": "uni", "usa": "uni", "uk": "bri"}


def places_in(tokens: Iterable[Token]) -> set[str]:
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
    names = [span for span in _proper_subjects(doc) if not after_a_place(span)]
    for ent in doc.ents:
        root = ent.root
        titled = (root.dep_ == "appos" and root.head.lower_ in TITLE_NOUNS) or any(
            c.dep_ == "appos" and c.lower_ in TITLE_NOUNS for c in root.children
        )
        # "Signe Holm Dalsgaard, who speaks on refugees for ...": "who" says it is a person, whatever NER said.
        who = any(
            c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ == "nsubj" for g in c.children)
            for c in root.children
        )
        # "Thibault Marchand of the French National Rally welcomed ...": a member of an organisation.
        member = _is_subject(ent) and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.ent_type_ == "ORG" for o in c.children)
            for c in root.children
        )
        person_like = titled or who or member
        if ent.label_ != "PERSON" and person_like and 2 <= len(ent) <= 4 and all(t.is_title for t in ent):
            names.append(ent)
    return names


def _proper_subjects(doc: Doc) -> list[Span]:
    """Two proper nouns heading a subject that NER left unnamed (or cut): "Igor Pavlovs went further"."""
    spans = []
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "PROPN" or not _unnamed_by_ner(token):
            continue
        parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == token.i - 1]
        if parts and token.text[:1].isupper() and parts[0].text[:1].isupper():
            spans.append(doc[parts[0].i : token.i + 1])
    return spans


def after_a_place(span: Span) -> bool:
    """ "Organic Denmark was less enthusiastic": a name ending in a place the article has already named on its own
    is an organisation's. A surname NER takes for a place ("Maroš [Šefčovič]") is named in full first, or only
    as a modifier ("Zucman tax divides France")."""
    last = span[-1]
    places = (e for e in span.doc.ents if e.label_ in {"GPE", "LOC"} and len(e) == 1 and e.root.dep_ != "compound")
    return any(e.text == last.text and e.start < last.i for e in places)


def is_person(ent: Span) -> bool:
    """A PERSON entity that is no mistake of NER's: not a one-word name tagged as a place elsewhere in the article
    ("Szalai said Budapest would ..."), followed by "-based" or written in lower case elsewhere ("Coal still ..."),
    not a name ending in a place named before ("Organic Denmark"), not a name the article calls an organisation
    ("Foro Nuclear, the industry association,")."""
    if ent.label_ != "PERSON" or (len(ent) > 1 and after_a_place(ent)):
        return False
    doc, root = ent.doc, ent.root
    if len(ent) == 1:
        based = ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based"
        if based or any(e.text == ent.text and e.label_ in {"GPE", "LOC"} for e in doc.ents):
            return False
        # "Coal still generates half of Poland’s power": a word the article also writes in lower case is no name.
        if ent.start == ent.sent.start and any(t.text == ent.text.lower() for t in doc):
            return False
    described = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return not any(d.lemma_.lower() in ORG_NOUNS for d in described)


def _unnamed_by_ner(token: Token) -> bool:
    """No entity, or one NER cut out of a longer name ("Ewa [Zielińska]" as a place): the token is an entity of
    its own while the proper noun before it is none."""
    if not token.ent_type_:
        return True
    alone = token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return alone and token.ent_type_ != "PERSON" and token.i > 0 and not token.doc[token.i - 1].ent_type_


PARTICLES = frozenset(["von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "du", "le", "la", "ter"])


def full_name(ent: Span) -> Span:
    """The name NER cut short: a hyphenated first name ("Jan-[Willem Bakker]"), a surname after a particle
    ("[Ursula von der] Leyen")."""
    doc, start, end = ent.doc, ent.start, ent.end
    if end < len(doc) and doc[end - 1].lower_ in PARTICLES and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    hyphen = start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
    if hyphen and not doc[start - 2].whitespace_ and doc[start - 2].is_title:
        start -= 2
    return doc[start:end]


def _gender_cues(ent: Span, in_quote: list[bool]) -> list[str]:
    """Gender words tied to a name: an honorific or title before it, the first pronoun after it in its sentence."""
    cues = [t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start] if t.lower_ in MALE | FEMALE]
    if _is_subject(ent):
        # Not the object of the verb the name is the subject of: in "Dufresne accused him" "him" is someone else.
        verb = ent.root.head
        after = [
            t.lower_
            for t in ent.doc[ent.end : ent.sent.end]
            if not in_quote[t.idx] and not (t.dep_ in {"dobj", "dative"} and t.head == verb)
        ]
        cues += [w for w in after if w in MALE | FEMALE][:1]
    return ["m" if c in MALE else "f" for c in cues]


class Registry:
    """People and organisations of one article, found from entities and from claim sources."""

    def __init__(self, doc: Doc, in_quote: list[bool]) -> None:
        self.people: list[Person] = []
        people = [e for e in doc.ents if is_person(e)]
        for ent in sorted([*people, *_missed_people(doc)], key=lambda e: e.start):
            if not in_quote[ent.start_char]:
                person = self.add(clean_name(full_name(ent).text), "person", ent.start_char)
                describing = _describing_tokens(ent)
                person.title_words |= content_words(describing)
                person.places |= places_in(describing)
                if _is_subject(ent):
                    person.subject_positions.append(ent.start_char)
                for cue in _gender_cues(ent, in_quote):
                    person.gender_votes[cue] = person.gender_votes.get(cue, 0) + 1
        self._add_surnames(doc, in_quote)
        self.organisations = _named_organisations(doc, in_quote)

    def _add_surnames(self, doc: Doc, in_quote: list[bool]) -> None:
        """Someone named in full is then called by surname alone ("Harrell said"), a mention NER often misses or
        takes for an organisation; without it, the next "he" or "she" goes to whoever was named before."""
        surnames = {p.name.split()[-1]: p for p in self.people if len(p.name.split()) > 1}
        for token in doc:
            person = surnames.get(token.text)
            if person is None or in_quote[token.idx] or token.ent_type_ == "PERSON" or token.dep_ == "compound":
                continue
            person.positions.append(token.idx)
            if token.dep_ in {"nsubj", "nsubjpass"}:
                person.subject_positions.append(token.idx)

    def latest_subject(self, start: int, end: int, gender: str | None = None) -> Person | None:
        """The person last named as a subject in [start, end) whose gender does not contradict `gender`."""
        people = [p for p in self.people if p.kind == "person" and (not gender or p.gender in (None, gender))]
        return _last_named(people, start, end, subjects=True)

    def only_named_in(self, start: int, end: int, gender: str | None = None) -> Person | None:
        """The one person named in [start, end), in any role, whose gender does not contradict `gender`: "For
        Antonio Cruz, the mayor, the issue is simpler. “...,” he said." None when there are several. Only a full
        name: a lone word NER calls a person is too often a place ("... hostile to Kyiv")."""
        people = [
            p
            for p in self.people
            if p.kind == "person" and len(p.name.split()) > 1 and any(start <= pos < end for pos in p.positions)
        ]
        if len(people) != 1 or (gender and people[0].gender not in (None, gender)):
            return None
        return people[0]

    def organisation(self, offset: int, noun: str | None = None) -> Person | None:
        """Who "it" or "the group" at `offset` stands for. "The group": the latest organisation named before it
        whose name or description holds that noun, else the latest named. "It": the latest named as a subject,
        else the latest named (an organisation in an object is seldom what "it" picks up)."""
        # NER takes many a surname for an organisation ("Hoekstra said"): those are people.
        named = [o for o in self.organisations if getattr(self.find(o.name), "kind", "org") == "org"]
        named += [p for p in self.people if p.kind == "org"]
        if noun:
            fitting = [o for o in named if noun in o.title_words | {w.lower() for w in o.name.split()}]
            found = _last_named(fitting, 0, offset) or _last_named(named, 0, offset)
        else:
            found = _last_named(named, 0, offset, subjects=True) or _last_named(named, 0, offset)
        if found is None:
            return None
        speaking = self.add(found.name, "org", offset)
        speaking.subject_positions.append(offset)
        return speaking

    def find(self, name: str) -> Person | None:
        parts = name.lower().split()  # "De Wit" opening a sentence is "Sanne de Wit"
        for person in self.people:
            full = person.name.lower().split()
            if name in person.forms or parts == full[-len(parts) :] or parts == full[: len(parts)]:
                return person
        return None

    def _named_short_before(self, name: str) -> Person | None:
        """A person first named by surname alone (a headline's "von der Leyen urges speed") whom a full name
        ("Ursula von der Leyen") now completes."""
        parts = name.lower().split()
        for person in self.people:
            short = person.name.lower().split()
            if person.kind == "person" and len(short) < len(parts) and parts[-len(short) :] == short:
                return person
        return None

    def add(self, name: str, kind: str, position: int | None) -> Person:
        person = self.find(name) or (self._named_short_before(name) if kind == "person" else None)
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

    def by_description(
        self, words: set[str], offset: int, places: AbstractSet[str] = frozenset(), paragraph: int = 0
    ) -> Person | None:
        """Who "the NATO chief" or "the 58-year-old" at `offset` refers to.

        Among the people already named: the one whose descriptions share most words with it (the latest on a
        tie), else the latest named. A description that comes before every name (a lede: "NATO's secretary
        general dismissed ...") refers to the first person named after it. A description naming a country or
        nationality ("the Hungarian prime minister") never goes to a person the article ties to another one.
        A person the paragraph has just named as a subject, with no description of their own, is who it means
        ("Zelensky has grown impatient. «...», the Ukrainian president said").
        """
        # An age ("the 55-year-old") describes no role: it goes to the latest person, not to whoever's
        # description happens to hold "year".
        words = {w for w in words if not w.isdigit()} - {"year", "old"}
        fits = [p for p in self.people if p.kind == "person" and p.could_be_from(places)]
        earlier = [p for p in fits if any(pos < offset for pos in p.positions)]
        if not earlier:
            later = [(min(pos for pos in p.positions if pos > offset), p) for p in fits if p.positions]
            return min(later, key=lambda pair: pair[0])[1] if later else None
        recent = _last_named(earlier, paragraph, offset, subjects=True)
        if recent is not None and not recent.title_words:
            return recent
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


def _named_organisations(doc: Doc, in_quote: list[bool]) -> list[Person]:
    """Organisations the article names, apart from the people: until one speaks, only "it" or a description
    ("the group") can make it a speaker."""
    found: dict[str, Person] = {}
    named = [*_proper_subjects(doc), *(e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)]
    named_after_places = [span for span in named if after_a_place(span)]
    for ent in [*doc.ents, *named_after_places]:
        if (ent.label_ != "ORG" and ent not in named_after_places) or in_quote[ent.start_char]:
            continue
        name = org_name(ent.text)
        org = found.setdefault(name, Person(name, "org", [name]))
        org.positions.append(ent.start_char)
        if _is_subject(ent):
            org.subject_positions.append(ent.start_char)
        # "the BASIC group": the noun the name modifies describes it too.
        head = [ent.root.head] if ent.root.dep_ == "compound" else []
        org.title_words |= content_words([*ent, *_describing_tokens(ent), *head])
    return list(found.values())
