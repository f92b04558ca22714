"""Word lists the rule-based segmenter and attributor rely on. Lemmas, lower case."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying whose content is a clause ("X said that ...", "..., X warned").
SAY_VERBS = _words(
    """
    acknowledge add admit announce answer argue assert believe caution claim complain concede
    confirm contend declare deny emphasise emphasize estimate explain hint indicate insist lament
    maintain note observe pledge point_out post predict promise recall reiterate remark remind repeat reply
    respond retort counter quip reason shoot fire say signal state stress suggest tell think told tweet vow warn write
    """
)

# Verbs whose object is the position itself ("X rejected the plan", "X called for talks").
POSITION_VERBS = _words(
    """
    accuse advocate brand describe dub label repeat reiterate renew voice express invite distance
    agree appeal applaud argue attack back blast block call campaign challenge
    champion condemn criticise criticize decry defend demand denounce disagree dismiss dispute
    embrace endorse favor favour float hail lobby mock oppose plead pledge point praise press propose push question
    refer refuse reject resist rule seek shrug slam support threaten urge veto vow welcome
    """
)

# Prepositions that carry the position after a position verb ("called for", "pointed to", "argued against").
POSITION_PREPS = _words(
    """
    about against for into of on out over to toward towards with
    """
)

# Head nouns of descriptions that stand for one person ("the chancellor", "the NATO chief").
TITLE_NOUNS = _words(
    """
    activist admiral adviser advisor ambassador analyst author banker boss campaigner candidate ceo
    chair chairman chairperson chairwoman chancellor chief commander commissioner deputy diplomat
    director economist envoy executive farmer founder general governor governor-general head judge
    king lawmaker lawyer leader mayor member mep minister mp negotiator official owner politician pope premier
    president prime professor prosecutor queen rapporteur representative researcher scientist
    secretary senator speaker spokesman spokesperson spokeswoman strategist taoiseach veteran whip
    """
)

# Head nouns of descriptions that stand for one organisation ("the group said", "the ministry warned").
ORG_NOUNS = _words(
    """
    administration agency alliance association authority bank bloc board cabinet campaign charity chamber coalition
    commission committee company confederation council delegation department embassy federation firm forum foundation
    government group institute league lobby ministry movement network office organisation organization party
    regulator union utility watchdog
    """
)

# "It said": an organisation, never a person.
ORG_PRONOUNS = _words(
    """
    it
    """
)

PERSON_PRONOUNS = _words(
    """
    he her him she
    """
)

GROUP_PRONOUNS = _words(
    """
    them they
    """
)

# Who speaks for an organisation: "a spokeswoman for the council" is the council speaking.
SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson representative")

UNNAMED_DETERMINERS = _words(
    """
    a an another many one several some three two
    """
)

# Prepositional adjuncts that frame a statement rather than carry it ("in an interview", "on Thursday").
FRAMING_PREPS = _words(
    """
    after ahead amid at before despite during following since while
    """
)

# Occasions of speaking: "in an interview" is where something was said, never part of a position.
SPEECH_EVENTS = _words(
    """
    address briefing broadcast interview letter op-ed podcast speech statement
    """
)

VENUE_NOUNS = _words(
    """
    address afternoon article briefing broadcast ceremony column conference congress day debate
    evening event forum hearing interview letter meeting month morning newspaper night op-ed paper
    podcast post program programme radio rally session show speech statement summit television visit
    week year
    """
)
