"""Word lists the rule-based segmenter and attributor rely on. Lemmas, lower case."""

# Verbs of saying whose content is a clause ("X said that ...", "..., X warned").
SAY_VERBS = frozenset(
    """say tell state add insist warn argue note stress emphasise emphasize claim acknowledge admit predict
    explain declare announce assert maintain suggest contend reply respond answer write tweet post remark
    observe caution concede confirm deny recall reiterate repeat signal indicate estimate believe think
    hint vow pledge promise complain lament point_out told""".split()
)

# Verbs whose object is the position itself ("X rejected the plan", "X called for talks").
POSITION_VERBS = frozenset(
    """reject dismiss oppose back support welcome criticise criticize condemn urge disagree agree praise
    defend endorse propose demand refuse slam blast attack accuse question favour favor advocate applaud
    champion embrace resist veto block push call point refer dispute challenge decry denounce hail
    rule pledge vow threaten seek plead appeal lobby campaign argue""".split()
)

# Prepositions that carry the position after a position verb ("called for", "pointed to", "argued against").
POSITION_PREPS = frozenset("for to with against of on about into toward towards over out".split())

# Head nouns of descriptions that stand for one person ("the chancellor", "the NATO chief").
TITLE_NOUNS = frozenset(
    """president chancellor minister secretary general chief head leader spokesman spokeswoman spokesperson
    commissioner premier mayor governor senator ambassador envoy chairman chairwoman chair director ceo
    executive economist mep lawmaker deputy prosecutor judge king queen pope founder boss candidate
    rapporteur representative negotiator chairperson lawyer politician veteran official diplomat adviser
    advisor strategist general admiral commander analyst researcher professor scientist author activist
    campaigner founder owner farmer banker governor-general prime taoiseach speaker whip""".split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
UNNAMED_DETERMINERS = frozenset({"a", "an", "one", "another", "some", "several", "many", "two", "three"})

# Prepositional adjuncts that frame a statement rather than carry it ("in an interview", "on Thursday").
FRAMING_PREPS = frozenset("despite during after before at ahead amid following since while".split())
VENUE_NOUNS = frozenset(
    """interview statement speech meeting conference letter post article address briefing debate session summit
    visit broadcast podcast programme program show radio television newspaper paper op-ed column hearing
    event rally forum congress ceremony week day month year morning afternoon evening night""".split()
)
