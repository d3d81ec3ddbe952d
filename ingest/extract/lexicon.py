"""Word lists the extractor relies on: speech cues, titles, anonymous sources, pronouns."""

from __future__ import annotations

# Lemmas of verbs that introduce what someone said or wrote (not beliefs or perceptions).
SPEECH_VERBS = frozenset(
    """
    say tell add state note claim argue insist assert declare announce explain warn caution acknowledge admit concede
    confirm deny dispute reply respond answer retort counter ask question wonder press urge demand call suggest propose
    recommend predict promise pledge vow vouch threaten boast brag complain lament grumble protest object criticize
    criticise slam blast attack accuse charge allege praise laud hail thank applaud welcome defend stress emphasize
    emphasise underscore reiterate repeat recall recount describe report write tweet post comment remark observe mention
    point indicate signal suggest testify swear maintain contend reason speculate estimate joke quip muse shout yell scream
    cry exclaim whisper mutter sigh concur agree disagree advise counsel inform assure reassure reveal disclose divulge
    acknowledge recount characterize characterise dismiss decry denounce condemn chide rebuke scold blame credit
    conclude summarize summarise continue begin open close finish tell notify brief caution forecast project
    declare proclaim insist affirm reaffirm clarify specify elaborate stipulate instruct order direct
    voice herald brand dub label exhort liken
    drawl chuckle murmur gush fume scoff bellow interject deadpan intone
    """.split()
)

# Forms of the verbs by which one source passes on another's words ("police officials shot back: ..., sources told
# ABC News"): a speech cue inside what they govern is a nested source, not part of the outer source's statement.
REPORTING_CUES = frozenset(
    "say says said saying tell tells told telling add adds added adding report reports reported reporting "
    "write writes wrote writing recount recounts recounted recall recalls recalled confirm confirms confirmed".split()
)

# Particle verbs whose particle makes them speech ("point out", "lash out").
SPEECH_PHRASAL = {("point", "out"), ("lash", "out"), ("spell", "out"), ("shoot", "back"), ("fire", "back"), ("hit", "back"), ("weigh", "in"), ("chime", "in"), ("speak", "out"), ("tap", "dance"), ("sum", "up"), ("put", "it")}

# Nouns that carry what their possessor said: "Trump's claim that ...", "her warning that ...".
CLAIM_NOUNS = frozenset(
    "claim assertion statement warning promise pledge vow argument suggestion accusation allegation insistence "
    "contention admission denial prediction charge complaint remark comment announcement declaration threat".split()
)

# 'Sanders made the following comment:' introduces the next paragraph as his words
INTRODUCING_VERBS = frozenset("make release issue offer post give".split())
STATEMENT_NOUNS = frozenset("comment statement remark message word tweet post note".split())
# What someone said or wrote, named by its owner before a colon: 'Her statement continued: "…"', 'His answer: "…"';
# never "Editor's Note:", a page's own furniture.
OWNED_WORDS = STATEMENT_NOUNS - {"note"} | {"response", "answer", "reply", "retort", "letter"}
# What someone issues in writing, standing for its issuer as a source: "her statement added", "the advisory said".
DOCUMENT_NOUNS = frozenset("statement release advisory memo memorandum letter fact-sheet factsheet sheet readout tweet post email ruling".split())
# Where words were said or written: 'said in a letter that …', 'told CNN in an interview that …'.
MEDIUM_NOUNS = DOCUMENT_NOUNS | frozenset({
    "interview", "speech", "address", "remark", "op-ed", "editorial", "column", "essay", "article", "filing", "report",
    "briefing", "testimony", "message", "note", "video", "podcast", "call", "conversation", "appearance", "hearing",
    "twitter", "facebook", "instagram",  # 'thanked Trump on Twitter': where, even where the tagger calls the platform a person
})
# What someone writes or compiles, cited by its author ("a report by the Government Accountability Office", "the
# estimates by Ms. Arias", "data from the Census Bureau"): the author's words.
AUTHORED_NOUNS = DOCUMENT_NOUNS | frozenset({
    "report", "study", "estimate", "analysis", "survey", "poll", "data", "figure", "review", "audit", "projection",
    "forecast", "finding", "investigation", "paper", "research", "tally", "count", "calculation", "assessment",
})
# What a government body makes and publishes, cited as a source ("according to a new rule published in the Federal
# Register"): its maker's words, when the document named the maker announcing it.
RULE_NOUNS = frozenset("rule regulation guidance directive".split())
# Cues by which a source issues what later sentences cite ("the Departments … announced Monday that …").
ISSUING_CUES = frozenset("announce unveil issue publish release propose".split())
# What "according to" may be followed by without naming a source: 'goes according to plan', 'according to schedule'.
ACCORDING_TO_IDIOMS = frozenset({"plan", "schedule", "script", "tradition", "custom"})
# A piece of writing that speaks with its author's words when the text says who wrote it ('The op-ed, published … by
# law professor Zephyr Teachout, claims …'; 'Chief Justice John Roberts wrote the opinion, which states …').
WRITTEN_NOUNS = frozenset({"opinion", "dissent", "op-ed", "column", "essay", "piece"})
WRITING_VERBS = frozenset({"write", "pen", "author", "draft", "sign"})

# Professions an article introduces before naming ("A Phoenix attorney said …" then "attorney Jane Roe"); offices and
# officials are not among them (an unnamed official stays a description).
INTRODUCED_ROLES = frozenset(
    """attorney lawyer professor economist analyst doctor researcher nurse physician scientist scholar historian teacher
    pastor activist advocate consultant operative lobbyist pollster columnist commentator journalist host speechwriter expert
    lawmaker producer anchor student farmer worker priest rabbi imam bishop pilot""".split()
)  # not "author" or "writer": what they are "of" is a book, not a body
# "the newspaper noted": a news outlet the document quoted before.
MEDIA_NOUNS = frozenset("newspaper paper outlet publication magazine network broadcaster".split())
# Words in a news outlet's name ("The New York Times", "The Daily Caller").
MEDIA_NAME_WORDS = frozenset("times post journal news herald tribune gazette press daily globe chronicle telegraph guardian caller magazine reuters".split())
# "the department said": the one organisation with this word in its name the document named before.
ORGANIZATION_HEADS = frozenset(
    "department agency ministry committee commission bureau council board company corporation foundation institute center centre"
    " university college school bank".split()
)
# "the group said": a word any body may go by, so where no body named has it in its name, the one a recent clause had for
# its subject ('A government watchdog, the Center for Constitutional Rights, condemned …' is "the group" after it).
GENERIC_ORGANIZATION_HEADS = frozenset({
    "group", "company", "organization", "organisation", "league", "firm", "union", "coalition", "nonprofit", "association", "agency",
})
# Words in the name of a part of government: "the agency" is one of these ("Immigration and Customs Enforcement", "CDC"),
# "the group" or "the company" never ("the House", "the State Department", "the Trump White House").
GOVERNMENT_NAME_WORDS = frozenset({
    "agency", "administration", "service", "services", "bureau", "department", "commission", "office", "enforcement", "protection",
    "security", "patrol", "congress", "house", "senate", "court", "ministry", "government", "centers",
})
# ... of them, those of an executive body, which "the agency" may be (not Congress, a court or "the government").
AGENCY_NAME_WORDS = GOVERNMENT_NAME_WORDS - {"congress", "house", "senate", "court", "government"}

TITLE_WORDS = frozenset(
    """
    president vice secretary deputy assistant undersecretary under attorney general solicitor sheriff chief police officer
    alderman alderwoman assemblyman assemblywoman assemblymember selectman selectwoman treasurer comptroller auditor clerk
    coroner magistrate marshal supervisor trustee warden
    commissioner director administrator spokesman spokeswoman spokesperson press senator sen sec rep representative congressman
    congresswoman governor gov mayor lieutenant lt councilman councilwoman council member chairman chairwoman chair
    ceo founder executive manager advisor adviser counsel counselor ambassador minister prime premier leader speaker
    whip majority minority justice judge official officials aide strategist analyst professor dr doctor captain sgt sergeant
    commander general colonel col major admiral inspector superintendent acting former senior associate principal surgeon
    national legislative political liaison fellow contributor correspondent reporter editor economist lawyer attorney
    candidate nominee delegate campaign agent detective trooper deputy-secretary press-secretary staff coach chancellor provost head
    coordinator envoy organizer organiser
    """.split()
)

# Words that qualify a title and belong to it ("retired Vice Admiral", "top aide"); other words before one describe the
# person ("liberal icon Sen.").
TITLE_MODIFIERS = frozenset("retired top longtime veteran incoming outgoing".split())

# Words that only describe (party, modifiers) and belong to neither the title nor the organisation.
DESCRIPTIVE_WORDS = frozenset("republican democratic democrat independent gop the a an then now".split())

# Cues of belief, feeling and intention, which PolNeAR (and so the trained tagger) marks as attributions too: what
# someone thinks is not what they said.
BELIEF_VERBS = frozenset(
    "believe think feel want hope fear expect know suspect doubt wonder consider assume understand guess worry wish "
    "intend plan prefer seem appear like love hate need".split()
)

# Verbs by which a speaker calls what follows false ("Iran denies it seeks nuclear weapons"): what follows is no claim
# of theirs, so their quote keeps the verb.
GAINSAYING_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut", "dispute", "disavow", "contest"})

# A person's view or plan of their own, in the present ("Nadler sees some hope …, he said"): only they can report it.
OWN_VIEW_VERBS = frozenset({
    "see", "believe", "think", "feel", "want", "hope", "fear", "expect", "doubt", "worry", "wish", "intend", "plan", "prefer",
})

# Names the small tagger often calls PERSON that are platforms and outlets, never anyone's antecedent or speaker.
NOT_PEOPLE = frozenset(
    "twitter facebook instagram youtube tiktok snapchat linkedin reddit whatsapp telegram truth social "
    "truth-social x.com slideshow courtesy caption photo".split()  # and page furniture ("Slideshow (17 Images)")
)

# Plural nouns for people who speak as one: a "they said" after "Republican leaders …" or "Christian conservatives …" is theirs.
GROUP_HEADS = frozenset(
    """
    official lawmaker leader democrat republican critic advocate expert resident protester activist supporter opponent
    member senator representative legislator aide adviser advisor investigator prosecutor lawyer attorney authority
    officer agent economist analyst scientist researcher doctor parent teacher student worker voter organizer organiser
    conservative liberal progressive campaigner candidate governor mayor sheriff judge family immigrant migrant farmer
    owner executive employer union group organization organisation administration campaign commissioner spokesman
    spokeswoman spokespeople spokesperson diplomat minister economist witness survivor victim defender backer ally
    plaintiff defendant petitioner proponent skeptic sceptic detractor observer scholar historian journalist commentator
    pundit strategist consultant negotiator volunteer citizen hawk moderate educator nurse physician employee staffer
    donor delegate pollster lieutenant deputy
    """.split()
)

# Singular nouns for bodies that news prose calls "they" ("the administration won't say …, just as they didn't").
COLLECTIVE_HEADS = frozenset("administration campaign government committee party team agency department".split())

ANONYMOUS_HEADS = frozenset("source sources person people insider insiders someone individual individuals".split())

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
# A party member named by party alone, "the Illinois Democrat said": news prose's stand-in for the person just named.
PARTY_NOUNS = frozenset({"democrat", "republican"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
NARRATOR_PRONOUNS = frozenset({"i", "we", "you"})  # an article's own persons: its author, and the reader it addresses
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady rev hon".split())

# Verbs whose plain object is not what was said ("said Monday", "added it", "wrote a book").
CLAUSAL_ONLY = frozenset(
    "say add note write report state explain reply respond answer continue begin conclude comment remark observe mention "
    "indicate announce declare confirm finish open close tell ask inform notify brief speculate wonder agree disagree concur "
    "maintain drawl chuckle murmur gush fume scoff bellow interject deadpan intone".split()  # "maintain good
    # relationships": to keep, not to assert; the ways of speaking only say what follows in marks or a clause ('scoffed at
    # the idea' says nothing); "laugh" is none of them: crowds and audiences laugh next to words others said
)
# Verbs whose object is the person addressed ("urged them", "told reporters").
ADDRESSEE_VERBS = frozenset("tell ask inform notify brief assure reassure remind thank advise counsel instruct order direct".split())
OBJECT_PREPOSITIONS = frozenset("for against as about of on".split())

# Transcript labels whose last word is a role, not a name: anonymous speakers of one document ("MODERATOR:").
ROLE_HEADS = frozenset(
    """
    moderator official officials participant participants audience member members aide aides operator child children
    staff staffer staffers crowd interpreter translator student students attendee attendees voice voices announcer
    narrator questioner protester protesters heckler hecklers unidentified
    """.split()
)
FEMALE_HONORIFICS = frozenset({"ms", "mrs", "miss", "madam", "lady", "dame"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
# Capitalised words in headlines and titles that end a name ("Remarks by President Trump Before Cabinet Meeting").
NAME_STOPWORDS = frozenset(
    """
    the a an and or but of to for from in on at by with without before after during aboard upon via following ahead
    prior about regarding into onto over under between among across against amid toward towards as than vs
    meeting arrival departure event remarks press joint conference call briefing roundtable statement visit tour
    trip summit address speech dinner reception ceremony rally session hearing interview gaggle luncheon breakfast
    """.split()
)
# How a press release refers to its own issuer ("the congressman said").
ISSUER_DESCRIPTIONS = frozenset(
    "the congressman;the congresswoman;the senator;the representative;the lawmaker;the member;the chairman;the chairwoman".split(";")
)
# Words that make a publisher an organisation rather than a person who issues their own statements.
ORGANIZATION_WORDS = frozenset(
    """
    the house white office department committee senate congress news times post party press inc llc agency council
    association foundation center centre university campaign administration democrats republicans caucus network media
    journal daily group institute ministry embassy government city county state republic union bureau service
    """.split()
)
_FEMALE_TITLES = frozenset("congresswoman chairwoman spokeswoman councilwoman businesswoman madam lady queen".split())  # "First Lady", never "First, President …"
_MALE_TITLES = frozenset("congressman chairman spokesman councilman businessman king".split())


def gender_of_title(title: str | None) -> str | None:
    """'Congresswoman' -> female, 'spokesman' -> male; most titles say nothing."""
    words = set((title or "").lower().replace(".", " ").split())
    if words & _FEMALE_TITLES:
        return "female"
    if words & _MALE_TITLES:
        return "male"
    return None

# Gendered nouns in apposition ("Laura Bush, wife of ...") and the relations that imply the other's gender.
FEMALE_NOUNS = frozenset(
    """wife mother daughter sister widow grandmother granddaughter girl woman lady actress congresswoman chairwoman
    spokeswoman businesswoman councilwoman queen princess niece aunt girlfriend fiancee mom""".split()
)
MALE_NOUNS = frozenset(
    """husband father son brother widower grandfather grandson boy man actor congressman chairman spokesman
    businessman councilman king prince nephew uncle boyfriend fiance dad""".split()
)
SPOUSE_NOUNS = frozenset("wife husband widow widower".split())
# Verbs that attribute the sentence they frame from an "as" clause ('as Lowe noted'); others there tell the time.
FRAMING_CUES = frozenset(
    "say note observe point explain write put report tell argue acknowledge warn predict suggest claim state remark mention add recall insist".split()
)
# Verbs whose object does what their infinitive says ('forced Stumpf to admit', 'pressed her to explain'), and the
# answers one is made to give ('asked the crowd to welcome the governor - "my new best friend"' stays the asker's).
MAKING_SPEAK = frozenset("force press pressure push urge ask compel get persuade prompt lead encourage challenge dare invite allow".split())
MADE_TO_SAY = frozenset(
    "admit acknowledge concede confirm deny explain say state testify answer respond clarify disclose reveal apologize retract justify".split()
)
# Participles by which a speaker backs what they said ('…, citing the strategic importance of …'): their next act,
# not more of the words reported, though no speech verb.
GROUNDING_VERBS = frozenset("cite quote invoke".split())

# Verbs of attitude whose object is a topic, not words said ('defended so-called "sanctuary cities"'): a short
# marked object of these is a scare quote; after "promised" or "proclaimed" it is the words themselves.
TOPIC_VERBS = frozenset(
    """defend criticize criticise slam blast attack praise laud hail applaud welcome dismiss decry denounce condemn
    chide rebuke scold blame credit thank accuse mock target oppose support protest ridicule tout""".split()
)

# A nation's adjective before an office ('Russian President', 'the Mexican government'): the state the office is of.
NATIONS = {
    "Afghan": "Afghanistan", "Algerian": "Algeria", "Argentine": "Argentina", "Australian": "Australia", "Austrian": "Austria",
    "Bahraini": "Bahrain", "Belarusian": "Belarus", "Belgian": "Belgium", "Brazilian": "Brazil", "British": "Britain",
    "Bulgarian": "Bulgaria", "Canadian": "Canada", "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia",
    "Croatian": "Croatia", "Cuban": "Cuba", "Czech": "Czech Republic", "Danish": "Denmark", "Dutch": "Netherlands",
    "Egyptian": "Egypt", "Emirati": "United Arab Emirates", "Estonian": "Estonia", "Ethiopian": "Ethiopia",
    "Filipino": "Philippines", "Finnish": "Finland", "French": "France", "German": "Germany", "Greek": "Greece",
    "Guatemalan": "Guatemala", "Haitian": "Haiti", "Honduran": "Honduras", "Hungarian": "Hungary", "Indian": "India",
    "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kenyan": "Kenya", "Kuwaiti": "Kuwait", "Latvian": "Latvia", "Lebanese": "Lebanon",
    "Libyan": "Libya", "Lithuanian": "Lithuania", "Malaysian": "Malaysia", "Mexican": "Mexico", "Moroccan": "Morocco",
    "Nicaraguan": "Nicaragua", "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan",
    "Peruvian": "Peru", "Polish": "Poland", "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania",
    "Russian": "Russia", "Salvadoran": "El Salvador", "Saudi": "Saudi Arabia", "Serbian": "Serbia", "Somali": "Somalia",
    "Spanish": "Spain", "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria", "Thai": "Thailand",
    "Tunisian": "Tunisia", "Turkish": "Turkey", "Ukrainian": "Ukraine", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam",
    "Yemeni": "Yemen",
}
# Offices and bodies of a state: with a nation's adjective they speak for that state ('Russian officials', 'the Thai navy');
# anyone else the adjective only describes ('a Russian lawyer', 'Honduran migrant').
STATE_ROLES = frozenset({
    "president", "prime", "premier", "minister", "chancellor", "leader", "official", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "king", "queen", "diplomat", "government", "authorities", "authority",
    "media", "forces", "force", "police", "navy", "army", "military", "lawmaker", "prosecutor", "regime", "officer",
    "general", "admiral", "commander", "ministry", "embassy", "intelligence", "parliament", "state",
})

# The one-word states a member of Congress sits for, by which prose owns them ("Wyoming's Enzi") whatever the tagger
# calls the word (it knows "New York" and the other two-word ones as places).
US_STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
    Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
    Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
    Wyoming""".split()  # noqa: SIM905
)
