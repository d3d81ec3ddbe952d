"""People's names: cleaning page furniture out of them, and reading first name, initials, surname and suffix."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady rev hon".split())
FEMALE_HONORIFICS = frozenset("mrs ms miss dame lady".split())
MALE_HONORIFICS = frozenset("mr sir lord".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
# Lower-case words that belong inside a surname ("Beto de la Cruz", "Ludwig van Beethoven").
SURNAME_PARTICLES = frozenset("de la le da di del della der den van von bin al el ten ter du st".split())
# Words that open a surname written in two ("Mac Donald", "Van Hollen", "St. John"): never a first name there.
SURNAME_PREFIXES = SURNAME_PARTICLES | {"mac", "mc", "o'", "fitz"}
# Capitalised prefixes inside one word ("McCarthy", "DeSantis", "LaHood"): not two words run together.
_INNER_CAPITAL_PREFIXES = ("mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o'", "d'", "st", "fitz")

# Nicknames and short forms -> the formal first name they stand for ("Chuck Schumer" is "Charles E. Schumer").
NICKNAMES: dict[str, str] = {
    "chuck": "charles", "charlie": "charles", "chas": "charles", "bill": "william", "billy": "william", "will": "william",
    "willie": "william", "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert",
    "jim": "james", "jimmy": "james", "jamie": "james", "mike": "michael", "mick": "michael",
    "mickey": "michael", "joe": "joseph", "joey": "joseph", "tom": "thomas", "tommy": "thomas", "dick": "richard",
    "rick": "richard", "ricky": "richard", "rich": "richard", "richie": "richard", "ted": "edward", "ed": "edward",
    "eddie": "edward", "ned": "edward", "teddy": "edward", "dan": "daniel", "danny": "daniel", "dave": "david",
    "davey": "david", "steve": "steven", "stephen": "steven", "tony": "anthony", "andy": "andrew", "matt": "matthew", "nick": "nicholas", "nate": "nathan", "sam": "samuel", "ben": "benjamin", "benji": "benjamin",
    "pete": "peter", "greg": "gregory", "jerry": "gerald", "jeff": "jeffrey", "geoff": "jeffrey", "ken": "kenneth",
    "kenny": "kenneth", "larry": "lawrence", "ron": "ronald", "ronnie": "ronald", "don": "donald", "donnie": "donald",
    "doug": "douglas", "fred": "frederick", "freddie": "frederick", "johnny": "john", "jon": "jonathan", "josh": "joshua", "chris": "christopher", "pat": "patrick", "patty": "patricia", "trish": "patricia", "tim": "timothy", "timmy": "timothy", "alex": "alexander", "phil": "philip", "gene": "eugene", "walt": "walter",
    "wally": "walter", "vince": "vincent", "zach": "zachary", "zack": "zachary", "mitch": "mitchell", "newt": "newton",
    "beto": "robert", "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "betty": "elizabeth",
    "eliza": "elizabeth", "kathy": "katherine", "kate": "katherine", "katie": "katherine",
    "cathy": "catherine", "sue": "susan", "susie": "susan", "jenny": "jennifer", "jen": "jennifer", "meg": "margaret",
    "peggy": "margaret", "maggie": "margaret", "barb": "barbara", "debbie": "deborah", "deb": "deborah",
    "annie": "ann", "anne": "ann", "cindy": "cynthia", "val": "valerie", "becky": "rebecca", "mandy": "amanda", "abby": "abigail", "terry": "terence", "tammy": "tamara", "ginny": "virginia", }

# First names whose gender is near certain, for telling Karoline Leavitt (a Ms.) from Mike Leavitt.
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
    kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
    angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine
    maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea
    cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia
    grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla
    alexis lori hillary kamala karine karoline melania ivanka michelle nikki kirstjen kristjen nancy elizabeth kellyanne
    sarah jen jennifer susan tulsi ilhan alexandria rashida ayanna pramila dianne kirsten amy tammy maxine
    condoleezza madeleine hope kristi janet gina lynn liz ruth sonia elena neomi loretta sally kristen stephanie
    mazie patty marsha shelley jeanne debbie cathy lisa heidi claire jacky jackie val valerie betsy nikki sheila
    jill jen meghan megan ivana tiffany hope dana marcia jane joni cindy tina shalanda kiran anita ketanji
    chelsea elise kyrsten oprah penny
    """.split()
)
MALE_NAMES = frozenset(
    """
    james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark donald
    steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
    jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry
    gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie
    alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack mike mitch chuck bernie
    ted marco rand jeb mitt newt bill hunter beto pete jake antony lloyd alejandro merrick rudy rudolph
    kevin jim tim tom dick rick ron ken steve doug chris mick jared eric reince sean anthony stephen jeff jerome xavier
    hakeem al don jerrold rahm rex
    dana lynn jean
    """.split()  # the last line: given to men and women alike (Judge Dana Sabraw), so listed in both and no gender
)

# Capitalised words that open a sentence and get caught before a name ("Earlier Trump said").
SENTENCE_OPENERS = frozenset(
    "earlier later then now also meanwhile today yesterday still but and so when after before while what why how whether".split())
_LINK_TAILS = frozenset("more watch video photos live".split())  # link text in capitals run on after a name ("Trump MORE")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_POSSESSIVE = re.compile(r"['’]s$")
GROUP_WORDS = frozenset(
    "democrat democrats republican republicans gop liberals conservatives progressives lawmakers critics officials analysts"
    " experts advocates activists attorneys lawyers sources aides protesters residents witnesses authorities researchers"
    " leaders members voters"
    " others many some several most both all few"  # 'Others said …', 'Many say …': pronouns of a crowd, capitalised by the sentence
    .split()
)
# Words of an office or a common noun: a description made only of these ("The Vice President") names nobody.
_OFFICE_WORDS = frozenset(
    "the a an of and for on president vice secretary first lady attorney general press spokesman spokeswoman senator"
    " governor mayor chief director administrator official officials administration department government".split()
)
_PERSONAL_OFFICES = frozenset("president vice secretary senator governor mayor lady spokesman spokeswoman".split())
# Last words of an organisation's name: "Obama White House", "Trump Administration", "Biden Campaign" are no person.
ORG_HEADS = frozenset(
    "house administration department campaign committee office agency council commission bureau ministry"
    " university institute foundation association party union court senate congress".split()
)
_CONNECTORS = frozenset("of and for on the de la du".split())
# US presidents and vice presidents with the day their term began: who THE PRESIDENT of a White House transcript is.
US_OFFICE_HOLDERS: dict[str, tuple[tuple[str, str], ...]] = {
    "president": (("1993-01-20", "Bill Clinton"), ("2001-01-20", "George W. Bush"), ("2009-01-20", "Barack Obama"),
                  ("2017-01-20", "Donald Trump"), ("2021-01-20", "Joe Biden"), ("2025-01-20", "Donald Trump")),
    "vice president": (("1993-01-20", "Al Gore"), ("2001-01-20", "Dick Cheney"), ("2009-01-20", "Joe Biden"),
                       ("2017-01-20", "Mike Pence"), ("2021-01-20", "Kamala Harris"), ("2025-01-20", "JD Vance")),
}

# Page furniture that lands where a name should be: captions, photo credits, link text, headline words.
_FURNITURE = re.compile(
    r"\b(?:getty images?|image caption|file photo|ap photo|afp photo|reuters photo|photo credit|related video|related"
    r"|read next|read more|click here|sign up|subscribe|advertisement|caption|copyright|newsletter|breaking news"
    r"|associated press photo|pool photo|shutterstock|getty|contact|media contact|press contact)\b",
    re.I,
)
_MARKUP = re.compile(r"[\[\]{}()<>*_|#`•·▪►■◆●~^=+\\@]")
_LEADING_JUNK = re.compile(r"^[^\w]+", re.U)
_FUSED = re.compile(r"([a-z])([A-Z][a-z])")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_PARTICLE_JOINED = re.compile(r"(?:al|el|ad|as|ash|at|an|ben|bin|ibn|abu|d)[-’'][A-Z]")  # "Zakaria al-Saghir", "d'Estaing"


@lru_cache(maxsize=100_000)  # the same names come back for every mention of them
def fold(text: str) -> str:
    """Lower-case, accents removed, only letters and digits: the key a name part is compared by."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]+", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def is_furniture(text: str) -> bool:
    """A caption, credit or link text rather than anybody's name ("Jim Watson Getty Images", "READ NEXT")."""
    return bool(_FURNITURE.search(text)) or "/" in text


def _fused(word: str) -> bool:
    """'TrumpKamala': two capitalised words run together (link texts side by side), unlike 'McCarthy', 'DeSantis' or a
    given name written with an inner capital ('AshLee', 'JoAnn', 'MaryAnn'): both words at least four letters long."""
    for m in _FUSED.finditer(word):
        head = word[: m.start() + 1].lower()
        if head.endswith(_INNER_CAPITAL_PREFIXES) and len(head) <= 4:
            continue
        tail = _CAPITALISED.match(word, m.start() + 1)
        if len(head) >= 4 and tail is not None and len(tail.group()) >= 4:
            return True
    return False


def clean_text(text: str) -> str:
    """Markup, bullets, stray brackets, sentence openers and run-on link text or weekdays out: '• Obama' -> 'Obama',
    'Earlier Trump' -> 'Trump', 'Trump MORE' -> 'Trump', 'Trump on Sunday' -> 'Trump'."""
    text = _MARKUP.sub(" ", text.replace("\n", " "))
    text = _LEADING_JUNK.sub("", text)
    words = text.split()
    while len(words) > 1 and words[0].lower().strip(",") in SENTENCE_OPENERS:
        words = words[1:]
    owner = max((i for i, w in enumerate(words[:-2]) if _POSSESSIVE.search(w)), default=None)
    if owner is not None:  # "Norwich Meadows Farm’s Zaid Kurdieh": the name after the owner (one word after it is junk)
        words = words[owner + 1 :]
    while len(words) > 1 and words[-1].isupper() and words[-1].lower() in _LINK_TAILS:
        words = words[:-1]
    if len(words) > 2 and words[-2].lower() in ("on", "last", "this") and words[-1].lower().strip(",.") in WEEKDAYS:
        words = words[:-2]  # "Trump on Sunday": the time of the saying, taken into the name
    text = " ".join(words).strip(" ,.;:-–—\"'“”‘’")
    return text + "." if _INITIALISM_END.search(text) and text + "." in " ".join(words) else text  # "U.S.", "D.C." keep their stop


_INITIALISM_END = re.compile(r"(?:^|\s)(?:[A-Za-z]\.)+[A-Za-z]$")


def is_group(name: str) -> bool:
    """A party or camp speaking ("Democrats", "Republican"): a description of who, never one identity."""
    return fold(name) in GROUP_WORDS


@lru_cache(maxsize=100_000)  # the same names come back for every mention of them
def junk_person_name(name: str) -> bool:
    """Not a person's name at all: furniture, fused link texts, datelines in capitals, digits, sentence fragments."""
    if not name or is_furniture(name) or any(ch.isdigit() for ch in name):
        return True
    words = name.split()
    if len(words) > 5 or any(_fused(w) for w in words):
        return True
    if any(_POSSESSIVE.search(w) for w in words[:-1]):
        return True  # "Trump’s Twitter", "Sessions’s Trump": a thing of someone's, or two names run together
    letters = [c for c in name if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True  # "KABUL", "READ NEXT": datelines and headline words, never a person in running text
    return any(w[:1].islower() and w.lower() not in SURNAME_PARTICLES and not _PARTICLE_JOINED.match(w) for w in words)


def office_and_person(name: str) -> tuple[str, str] | None:
    """'Homeland Security Kirstjen Nielsen' -> ('Homeland Security', 'Kirstjen Nielsen'): an office fused to a name.

    Only when a known given name starts the last two words and none starts the name ("John Paul Jones" stays).
    """
    words = name.split()
    if len(words) < 3 or name_gender(fold(words[0])) or not name_gender(fold(words[-2])) or not words[-1][:1].isupper():
        return None
    return " ".join(words[:-2]), " ".join(words[-2:])


@lru_cache(maxsize=100_000)  # the same names come back for every mention of them
def junk_organization(org: str | None) -> bool:
    """An organisation that is an honorific, a credit or a caption ("Mr.", "AFP Image caption", "Related Video")."""
    if not org:
        return True
    words = [fold(w) for w in org.split()]
    if all(w in HONORIFICS or not w for w in words):
        return True
    return is_furniture(org) or any(_fused(w) for w in org.split())


@dataclass(frozen=True)
class PersonName:
    """A person's name read into parts, each folded; `first` is '' for a bare surname."""

    first: str
    middles: str  # initials of the middle names: "Donald J. Trump" -> "j"
    last: str
    suffix: str = ""

    @property
    def formal_first(self) -> str:
        return NICKNAMES.get(self.first, self.first)

    @property
    def is_initial(self) -> bool:
        return len(self.first) == 1

    @property
    def is_full(self) -> bool:
        return len(self.first) > 1


@lru_cache(maxsize=100_000)  # the same names come back for every mention of them
def parse_person(name: str) -> PersonName | None:
    """'Charles E. Schumer' -> (charles, e, schumer); 'President Trump' is cleaned upstream to 'Trump' -> ('', '', trump)."""
    words = [w for w in name.replace(",", " ").split() if fold(w) not in HONORIFICS or len(name.split()) == 1]
    suffix = ""
    while words and fold(words[-1]) in SUFFIXES and len(words) > 1:
        suffix = suffix or fold(words[-1])
        words = words[:-1]
    folded = [fold(w) for w in words]
    if not folded or not all(folded):
        return None
    if len(folded) == 1:
        return PersonName("", "", folded[0], suffix)
    # A surname keeps its particles: "Beto O'Rourke", "Chris Van Hollen" -> van hollen.
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in SURNAME_PARTICLES | {"van", "von", "de"}:
        cut -= 1
    last = "".join(folded[cut:])
    middles = "".join(w[0] for w in folded[1:cut])
    return PersonName(folded[0], middles, last, suffix)


def name_gender(first: str) -> str | None:
    """'female' / 'male' for a first name that nearly always is; None when unsure."""
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "female"
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "male"
    return None


# US Census 1990 first names (kb/data/census_first_names.tsv): a name listed for both sexes has a gender when one of
# them carries at least this share of it ("Carmen", not "Kelly" or "Jordan") ...
CENSUS_SURE_SHARE = 0.95
# ... and a name listed for one sex only when it is at least this many times as frequent as the rarest name the other
# sex's list keeps ("Gabriela": 0.018 per cent of women, the rarest man's name 0.004): a name the other list may have
# left out only for rarity has no gender ("Nicola", 0.004 per cent of women, is a man's name in Italy).
CENSUS_OVER_UNLISTED = 2
_CENSUS_FILE = Path(__file__).resolve().parent / "data" / "census_first_names.tsv"
_TITLE_FIRST_NAMES = frozenset({"major", "dean"})  # first names that are more often a title before a name


@lru_cache(maxsize=1)
def _census_genders() -> dict[str, str]:
    """Each census first name that is nearly always one sex's -> 'female' / 'male'."""
    rows = [line.split("\t") for line in _CENSUS_FILE.read_text(encoding="utf-8").splitlines() if line[:1].isalpha()][1:]
    shares = {name: (float(f) if f else None, float(m) if m else None) for name, f, m in rows}
    rarest = (min(f for f, _ in shares.values() if f), min(m for _, m in shares.values() if m))
    genders = {}
    for name, (female, male) in shares.items():
        for gender, own, other, other_rarest in (("female", female, male, rarest[1]), ("male", male, female, rarest[0])):
            if own is not None and own >= (CENSUS_OVER_UNLISTED * other_rarest if other is None else CENSUS_SURE_SHARE * (own + other)):
                genders[name] = gender
    return genders


def census_gender(first: str) -> str | None:
    """'female' / 'male' for a first name the US Census 1990 lists as nearly always one sex's; None when unsure."""
    return None if first in _TITLE_FIRST_NAMES else _census_genders().get(first)


def given_name_gender(first: str) -> str | None:
    """The gender a first name tells, for agreeing with "he" or "she": the hand list first (it leaves the names it
    gives both sexes, "Dana", without one), then the census."""
    if first in FEMALE_NAMES or first in MALE_NAMES:
        return name_gender(first)
    return census_gender(first)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of two letters counts once), stopped early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def names_an_organisation(name: str) -> bool:
    """'Obama White House', 'Trump Administration': a name ending in an organisation's head word."""
    words = name.split()
    return len(words) >= 2 and fold(words[-1]) in ORG_HEADS and name_gender(fold(words[0])) is None


def white_house(publisher: str | None) -> bool:
    """A document the White House published: its unnamed "I" and "the President" are the office holder's."""
    return "white house" in (publisher or "").lower()


def office_holder(office: str, day: str | None) -> str | None:
    """Who held a US office ("President", "Vice President") on an ISO day, from 1993; None when unknown."""
    terms = US_OFFICE_HOLDERS.get(office.lower().strip())
    if not terms or not day or day < terms[0][0]:
        return None
    return [name for start, name in terms if start <= day[:10]][-1]


def _two_people(words: list[str]) -> bool:
    """'Schumer and Pelosi', 'Chuck Schumer and Nancy Pelosi', 'Mr. Reid and Sen. Charles E. Schumer', 'House Speaker
    Nancy Pelosi and Senate Minority Leader Charles Schumer': two surnames, two names opening with a first name, or one
    person plainly named (by a title or honorific, or a first name) and another name, joined by "and" ("Immigration and
    Customs Enforcement", "Johnson and Johnson", "Bill and Melinda Gates Foundation" are one name)."""
    lowered = [w.lower() for w in words]
    if lowered.count("and") != 1:
        return False
    cut = lowered.index("and")
    sides = (words[:cut], words[cut + 1 :])
    if sides[0] == sides[1] or not all(side and all(w[:1].isupper() for w in side) and fold(side[-1]) not in ORG_HEADS for side in sides):
        return False
    surnames = all(len(side) == 1 for side in sides)
    first_names = all(2 <= len(side) <= 3 and name_gender(fold(side[0])) is not None for side in sides)
    return surnames or first_names or any(_plainly_a_person(side) for side in sides) and all(len(side) <= 6 for side in sides)


def _plainly_a_person(side: list[str]) -> bool:
    """'Sen. Jeff Flake', 'Mr. Wong', 'Senate Minority Leader Charles Schumer', 'James Lankford': a name after a title or
    an honorific, or opening with a first name."""
    titled = len(side) >= 2 and any(fold(w) in HONORIFICS | _TITLE_ABBREVIATIONS for w in side[:-1])
    return titled or 2 <= len(side) <= 4 and any(name_gender(fold(w)) is not None for w in side[:-1])


# Titles written before a name ("Sen. Jeff Flake", "Minority Leader Schumer"), as `fold` spells them.
_TITLE_ABBREVIATIONS = frozenset({
    "sen", "senator", "rep", "representative", "gov", "governor", "leader", "speaker", "mayor", "secretary", "judge",
    "president", "congressman", "congresswoman", "chairman", "chairwoman", "gen", "adm", "lt", "col", "sgt", "prof",
})


def proper_name(description: str) -> tuple[str, bool] | None:
    """A description that is a proper name, as (name, is organisation): "Nielsen" (a surname), "the Department of
    Homeland Security", "ICE"; None for a description of somebody ("the president", "A Phoenix attorney")."""
    words = clean_text(description).split()
    if not words or len(words) > 7 or any(ch.isdigit() for ch in description) or is_furniture(description):
        return None
    if any(w[:1].islower() and w.lower() not in _CONNECTORS for w in words) or not words[-1][:1].isupper():
        return None
    content = [w for w in words if w.lower() not in _CONNECTORS]
    if not content or all(fold(w) in _OFFICE_WORDS for w in words) or is_group(" ".join(content)):
        return None
    if len(words) == 1:
        letters = [c for c in words[0] if c.isalpha()]
        return words[0], len(letters) <= 5 and all(c.isupper() for c in letters)  # "ICE", "FBI"; else a surname
    if _two_people(words):
        return None  # "Schumer and Pelosi", "Thom Tillis and James Lankford": two people, no one entry holds them both
    if fused := office_and_person(" ".join(words)):
        return fused[1], False  # "Department of Homeland Security Kristjen Nielsen"
    if any(fold(p) in _PERSONAL_OFFICES for w in words for p in w.split("-")):
        return None  # "The Vice President and President-elect Sheinbaum": people described by their offices
    if words[0].lower() == "the" or any(w.lower() in _CONNECTORS for w in words):
        return " ".join(["The", *words[1:]] if words[0] == "the" else words), True  # "the Department of Homeland Security", "The U.S. Holocaust Memorial Museum"
    return " ".join(words), name_gender(fold(words[0])) is None
