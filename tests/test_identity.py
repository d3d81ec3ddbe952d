"""Identity resolution across documents: names cleaned, one person one entry, never two people in one."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import httpx
import pytest
from conftest import API_KEY, ingest_paths

from ingest.dates import parse_date
from ingest.extract.people import clean_name, parse_title_and_name
from ingest.pipeline import Ingestor
from kb.errors import InvalidInput
from kb.knowledge import KnowledgeBase
from kb.names import given_name_gender, junk_organization, junk_person_name
from kb.speakers import Mention, Override, resolve


AUTH = {"Authorization": f"Bearer {API_KEY}"}


def mention(doc: str, name: str, quotes: int = 1, *, org: bool = False, published: str | None = None,
            gender: str | None = None, title: str | None = None) -> Mention:
    return Mention(doc, name, org, quotes, published, Counter([gender] if gender else []),
                   Counter([title] if title else []), Counter())


def names(mentions: list[Mention], overrides: list[Override] | None = None) -> dict[tuple[str, str], str]:
    return {k: v.name for k, v in resolve(mentions, overrides or []).items()}


@pytest.mark.parametrize(("raw", "clean"), [
    ("• Obama", "Obama"), ("Kevin] McCarthy", "Kevin McCarthy"), ("Mr. Obama", "Obama"), ("Sen. Chuck Schumer", "Chuck Schumer"),
    # seen as entries of their own on the staff corpus: link text after a name, a weekday, a question word before it
    ("Trump MORE", "Trump"), ("Donald Trump on Sunday", "Donald Trump"), ("What Trump", "Trump"), ("Bill Moore", "Bill Moore"),
    ("Norwich Meadows Farm\u2019s Zaid Kurdieh", "Zaid Kurdieh"),
])
def test_names_lose_markup_bullets_and_honorifics(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize("junk", ["John TrumpKamala Harris", "Joshua Lott/Reuters", "READ NEXT", "KABUL", "Jim Watson Getty Images",
                                  "Trump\u2019s Twitter", "Sessions's Trump"])
def test_furniture_is_no_ones_name(junk: str) -> None:
    assert junk_person_name(clean_name(junk))


@pytest.mark.parametrize("name", ["Kevin McCarthy", "Ron DeSantis", "Beto O'Rourke", "Karine Jean-Pierre", "Ray LaHood", "Ben Ray Luján",
                                  "Kirstjen Nielsen", "Mark Sessions", "AshLee Vance", "JoAnn Pike", "MaryAnn Cole",
                                  "Zakaria al-Sabri", "Omar el-Hadi"])
def test_real_names_are_kept(name: str) -> None:
    assert not junk_person_name(clean_name(name))


@pytest.mark.parametrize("org", ["Mr.", "Mrs.", "Jim Watson Getty Images", "AFP Image caption", "Related Video"])
def test_honorifics_and_captions_are_no_organisation(org: str) -> None:
    assert junk_organization(org)
    assert not junk_organization("Department of Homeland Security")


@pytest.mark.parametrize(
    ("first", "gender"),
    [
        ("graciela", "female"), ("rigoberto", "male"),  # in the census lists only
        ("karoline", "female"),  # in the hand list
        ("dana", None),  # the hand list gives it to both sexes: the census's lean to women does not overrule it
        ("casey", None), ("robin", None),  # the census gives both sexes a real share
        ("nicola", None),  # women's list only, but too rare there to rule out men (an Italian man's name)
        ("major", None), ("dean", None),  # more often a title before a name
        ("zzyzx", None),
    ],
)
def test_a_first_names_gender_comes_from_the_hand_list_then_the_census(first: str, gender: str | None) -> None:
    assert given_name_gender(first) == gender


def test_headline_words_end_a_name_from_a_title() -> None:
    assert parse_title_and_name("President Trump Before Cabinet")[2] == "Trump"
    assert parse_title_and_name("White House Press Secretary Karine Jean-Pierre") == ("Press Secretary", "White House", "Karine Jean-Pierre")
    assert parse_title_and_name("PRESIDENT-ELECT DANA WHITFIELD") == ("PRESIDENT-ELECT", None, "DANA WHITFIELD")  # not an organisation


@pytest.mark.parametrize(
    ("issuer", "parsed"),
    [
        # a statement's issuer as the White House titles it: the whole office, the body it is held in, the name alone
        ("Secretary of Education Dana Whitfield", ("Secretary of Education", None, "Dana Whitfield")),  # was "Education Dana Whitfield"
        ("Council of Economic Advisers Member Dana Whitfield", ("Member", "Council of Economic Advisers", "Dana Whitfield")),
        ("Director of the National Economic Council Dana Whitfield", ("Director", "National Economic Council", "Dana Whitfield")),
        ("National Security Advisor Dana Whitfield", ("National Security Advisor", None, "Dana Whitfield")),  # not at "National Security"
        ("Deputy National Security Advisor for Cyber and Emerging Technology Dana Whitfield",
         ("Deputy National Security Advisor for Cyber and Emerging Technology", None, "Dana Whitfield")),
        ("President Paul Brandt and First Lady Dana Brandt", ("First Lady", None, "Dana Brandt")),
        ("Secretary of State Dana F. Whitfield", ("Secretary of State", None, "Dana F. Whitfield")),
        ("Rep. Dana Wasserman Whitfield", ("Rep.", None, "Dana Wasserman Whitfield")),  # after a title, every word is the name
    ],
)
def test_an_issuers_office_is_read_whole(issuer: str, parsed: tuple[str | None, str | None, str]) -> None:
    assert parse_title_and_name(issuer) == parsed


def test_placeholder_and_partial_dates_are_no_dates() -> None:
    assert parse_date("0001-11-30") is None  # a placeholder in the AllSides data: was shown as "first seen"
    assert parse_date("2050-09-30") is None
    assert parse_date("Nov 30") is None  # no year: not this year's
    assert parse_date("\ufeff03.01.2019") == "2019-03-01"
    assert parse_date("7/23/17") == "2017-07-23"


CORPUS = [
    mention("d1", "Donald Trump", 5, published="2018-01-01"), mention("d2", "Trump", 9, org=True, published="2018-02-01"),
    mention("d3", "Donald J. Trump", 2), mention("d4", "Melania Trump", 1, gender="female"),
    mention("d5", "Trump", 1, gender="female"), mention("d6", "George W. Bush", 4, published="2018-06-01"),
    mention("d7", "Laura Bush", 2, gender="female", published="2018-06-01"), mention("d8", "Jeb Bush", 5, published="2015-06-01"),
    mention("d9", "Bush", 1, published="2015-07-01"), mention("d10", "Bush", 1, gender="female", published="2018-06-01"),
    mention("d12", "Chuck Schumer", 3), mention("d13", "Charles E. Schumer", 2),
    mention("d14", "Kirstjen Nielsen", 4), mention("d15", "Kirstjen Neilsen", 1), mention("d16", "Kristjen Nielsen", 1),
    mention("d17", "Mike Leavitt", 3, published="2008-01-01"), mention("d18", "Karoline Leavitt", 3, published="2025-02-01"),
    mention("d19", "Leavitt", 4, gender="female", published="2025-03-01"),
    mention("d20", "Bill Clinton", 3), mention("d21", "Hillary Clinton", 3), mention("d22", "Clinton", 1),
    mention("d23", "George H. W. Bush", 2), mention("d26", "White House", 2, org=True), mention("d27", "The White House", 1, org=True),
]


def test_one_person_one_entry() -> None:
    got = names(CORPUS)
    assert {got[("d1", "Donald Trump")], got[("d2", "Trump")], got[("d3", "Donald J. Trump")]} == {"Donald Trump"}
    assert got[("d12", "Chuck Schumer")] == got[("d13", "Charles E. Schumer")]  # nickname and middle initial
    assert {got[("d14", "Kirstjen Nielsen")], got[("d15", "Kirstjen Neilsen")], got[("d16", "Kristjen Nielsen")]} == {"Kirstjen Nielsen"}
    assert got[("d26", "White House")] == got[("d27", "The White House")]


def test_a_surname_flagged_as_organisation_is_the_person() -> None:
    identity = resolve(CORPUS)[("d2", "Trump")]
    assert identity.name == "Donald Trump" and not identity.is_organization


def test_different_first_names_are_never_merged() -> None:
    got = names(CORPUS)
    bushes = {got[("d6", "George W. Bush")], got[("d7", "Laura Bush")], got[("d8", "Jeb Bush")], got[("d23", "George H. W. Bush")]}
    assert len(bushes) == 4
    assert got[("d20", "Bill Clinton")] != got[("d21", "Hillary Clinton")]
    assert got[("d17", "Mike Leavitt")] != got[("d18", "Karoline Leavitt")]


def test_a_bare_surname_follows_the_evidence() -> None:
    got = names(CORPUS)
    assert got[("d19", "Leavitt")] == "Karoline Leavitt"  # Ms. Leavitt: never Mike
    assert got[("d5", "Trump")] == "Melania Trump"  # she
    assert got[("d10", "Bush")] == "Laura Bush"
    assert got[("d9", "Bush")] == "Jeb Bush"  # 2015: the Bush quoted then
    assert got[("d22", "Clinton")] == "Clinton"  # Bill or Hillary: nothing says which, so it stays apart


def test_a_bare_surname_is_never_someone_quoted_only_years_away() -> None:
    """'Morales says she makes a special "green smoothie"' in a 2013 story about a couple was filed under Jimmy Morales,
    Guatemala's president, whom the store quoted only from 2018 (invented names)."""
    got = names([mention("d1", "Dana Fuentes", 3, published="2018-10-22"), mention("d2", "Fuentes", 4, published="2013-06-06"),
                 mention("d3", "Fuentes", 2, published="2018-12-01"), mention("d4", "Fuentes", 1)])
    assert got[("d2", "Fuentes")] == "Fuentes"  # five years before anyone called Dana Fuentes is quoted
    assert got[("d3", "Fuentes")] == "Dana Fuentes"  # weeks after
    assert got[("d4", "Fuentes")] == "Dana Fuentes"  # undated: nothing says otherwise


def test_resolution_does_not_depend_on_order() -> None:
    expected = resolve(CORPUS)
    for seed in range(3):
        shuffled = CORPUS[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve(shuffled) == expected
    # "Trump" before anyone called Donald Trump was known: once he is, the bare surname is his.
    alone = resolve([mention("d2", "Trump", 9, org=True)])
    assert alone[("d2", "Trump")].name == "Trump"
    assert resolve([mention("d2", "Trump", 9, org=True), mention("d1", "Donald Trump", 5)])[("d2", "Trump")].name == "Donald Trump"


def test_overrides_merge_and_split() -> None:
    merged = names(CORPUS, [Override("merge", "Bill Clinton", "Clinton")])
    assert merged[("d22", "Clinton")] == "Bill Clinton"
    split = names(CORPUS, [Override("split", "Donald J. Trump")])
    assert split[("d3", "Donald J. Trump")] == "Donald J. Trump" and split[("d1", "Donald Trump")] == "Donald Trump"


# -- through the real pipeline: small documents, one knowledge base ------------------------------
def _record(title: str, text: str, published: str = "2018-06-20") -> dict[str, str]:
    return {"title": title, "text": text, "published": published, "kind": "article"}


def _ingest(ingestor: Ingestor, tmp_path: Path, name: str, *records: dict[str, str]) -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    ingest_paths(ingestor, path)


def _speaker_of(kb: KnowledgeBase, words: str) -> str | None:
    hits = [q for d in kb.catalogue.document_ids() for q in kb.catalogue.quotes_for_document(d) if words in q.text]
    assert hits, f"no stored quote holds {words!r}"
    sid = hits[0].speaker.id
    return kb.speaker(sid).name if sid else None


TRUMP_ALONE = _record("Wall", '"We will build the wall and Mexico will pay," Trump said at a rally on Tuesday.')
TRUMP_FULL = _record("Rally", '"The economy has never been stronger than it is today," Donald Trump said on Monday.')
NIELSEN = _record("Border", '"We will not apologize for enforcing the law at the border," Kirstjen Nielsen said on Monday. '
                  '"We have a crisis," Kirstjen Nielsen added.')
NEILSEN = _record("Policy", '"Families who cross illegally are breaking the law of the land," Kirstjen Neilsen said Friday.')
LAURA = _record("Op-ed", '"This zero-tolerance policy is cruel and immoral and it breaks my heart," Laura Bush wrote on Sunday.')
GEORGE = _record("Library", '"Our immigration system is broken and it needs to be fixed soon," George W. Bush said in Dallas.')


def test_a_bare_surname_ingested_first_ends_with_the_full_name(kb: KnowledgeBase, ingestor: Ingestor, tmp_path: Path) -> None:
    _ingest(ingestor, tmp_path, "first", TRUMP_ALONE)
    assert _speaker_of(kb, "Mexico will pay") == "Trump"
    first_id = kb.speakers("Trump")[0].id  # a link a user saved
    _ingest(ingestor, tmp_path, "second", TRUMP_FULL, NIELSEN, NEILSEN, LAURA, GEORGE)
    assert _speaker_of(kb, "Mexico will pay") == _speaker_of(kb, "never been stronger") == "Donald Trump"
    assert kb.speakers("Donald Trump")[0].id == first_id  # a better name, the same id
    assert [q.speaker.id for q, _ in kb.speaker_quotes(first_id, 10, 0)] == [first_id, first_id]
    assert _speaker_of(kb, "breaking the law of the land") == _speaker_of(kb, "not apologize") == "Kirstjen Nielsen"
    assert _speaker_of(kb, "breaks my heart") == "Laura Bush"
    assert _speaker_of(kb, "system is broken") == "George W. Bush"
    trump = kb.speakers("Donald Trump")[0]
    assert trump.alias_counts == {"Donald Trump": 1, "Trump": 1} and not trump.is_organization
    assert kb.speaker(trump.id).first_seen == "2018-06-20"


def test_merges_and_splits_are_kept_across_reingest(kb: KnowledgeBase, ingestor: Ingestor, tmp_path: Path) -> None:
    _ingest(ingestor, tmp_path, "all", TRUMP_ALONE, TRUMP_FULL, LAURA, GEORGE)
    laura, george = kb.speakers("Laura Bush")[0], kb.speakers("George W. Bush")[0]
    merged = kb.merge_speakers(george.id, laura.id)  # a user's decision, even against the evidence
    assert merged.name == "George W. Bush" and merged.quote_count == 2
    trump = kb.speakers("Donald Trump")[0]
    alone = kb.split_speaker(trump.id, "Trump")
    assert alone.name == "Trump" and alone.id != trump.id
    changed = [dict(r, text=r["text"] + " He left soon after.") for r in (TRUMP_ALONE, LAURA)]
    _ingest(ingestor, tmp_path, "again", *changed, TRUMP_FULL, GEORGE)
    assert _speaker_of(kb, "breaks my heart") == "George W. Bush"
    assert _speaker_of(kb, "Mexico will pay") == "Trump"
    with pytest.raises(InvalidInput):
        kb.split_speaker(kb.speakers("Donald Trump")[0].id, "Melania Trump")


def test_a_version_1_catalogue_is_migrated(tmp_path: Path) -> None:
    import re
    import sqlite3

    from kb.catalogue import SCHEMA_VERSION, SqliteCatalogue
    from kb.catalogue.sqlite import MIGRATIONS

    path = tmp_path / "catalogue.sqlite3"
    SqliteCatalogue(path).close()
    db = sqlite3.connect(path)  # undo every migration after 1: a catalogue as version 1 wrote it
    for statement in (s for version in sorted(MIGRATIONS, reverse=True) for s in MIGRATIONS[version] if isinstance(s, str)):
        if m := re.match(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", statement):
            db.execute(f"ALTER TABLE {m[1]} DROP COLUMN {m[2]}")
        elif m := re.match(r"CREATE TABLE IF NOT EXISTS (\w+)", statement):
            db.execute(f"DROP TABLE {m[1]}")
        elif m := re.match(r"CREATE TRIGGER (\w+)", statement):  # before the column it reads goes
            db.execute(f"DROP TRIGGER {m[1]}")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    store = SqliteCatalogue(path)
    assert store.schema_version() == SCHEMA_VERSION and store.speaker_mentions() == [] and store.speaker_overrides() == []
    store.close()


def test_merge_and_split_over_http(http: httpx.Client) -> None:
    """Keyed writes, like POST /v1/documents; the speaker page carries every name, title and organisation counted."""
    people = [s for s in http.get("/v1/speakers", params={"limit": 20}).json()["results"] if not s["is_organization"]]
    keep, other = people[0], people[1]
    champagne = http.get("/v1/speakers", params={"q": "Champagne"}).json()["results"][0]
    assert {"value": "Sheriff", "count": champagne["title_counts"][0]["count"]} in champagne["title_counts"]
    assert sum(c["count"] for c in champagne["alias_counts"]) == champagne["quote_count"]

    body = {"keep": keep["id"], "other": other["id"]}
    assert http.post("/v1/speakers/merge", json=body).status_code == 401
    r = http.post("/v1/speakers/merge", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    merged = r.json()
    assert merged["name"] == keep["name"] and merged["quote_count"] == keep["quote_count"] + other["quote_count"]
    old = http.get(f"/v1/speakers/{other['id']}")  # a saved link to the entry merged away leads to the merged entry
    assert old.status_code == 200 and old.json()["id"] == merged["id"] == keep["id"]
    filtered = http.get("/v1/search", params={"q": "border", "speaker": other["id"], "mode": "keyword"})
    assert filtered.status_code == 200 and {h["speaker"]["id"] for h in filtered.json()["results"]} <= {merged["id"]}

    bad = http.post(f"/v1/speakers/{merged['id']}/split", json={"alias": "Nobody Atall"}, headers=AUTH)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"
    r = http.post(f"/v1/speakers/{merged['id']}/split", json={"alias": other["name"]}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["name"] == other["name"] and r.json()["quote_count"] == other["quote_count"]
    assert http.post("/v1/speakers/merge", json={"keep": "spk_nope", "other": keep["id"]}, headers=AUTH).status_code == 404


def test_plural_titles_and_offices_before_a_name_are_not_the_name() -> None:
    assert clean_name("Congressmen José E. Serrano") == "José E. Serrano"
    assert clean_name("Representatives Carter") == "Carter"
    assert parse_title_and_name("Coordinator for Strategic Communications John Kirby")[2] == "John Kirby"
    assert junk_person_name("Contact")  # "Contact: Jane Doe, 202-555-0100" in a press release


def test_a_first_name_alone_joins_the_person_its_document_names() -> None:
    got = names([mention("d1", "Chuck Schumer", 2), mention("d1", "Chuck", 1), mention("d2", "Charles E. Schumer", 2),
                 mention("d2", "Charles E.", 1), mention("d3", "Chuck", 1)])
    assert got[("d1", "Chuck")] == got[("d2", "Charles E.")] == got[("d1", "Chuck Schumer")]
    assert got[("d3", "Chuck")] == "Chuck"  # nobody in that document: left apart


def test_an_office_fused_to_a_name_is_the_person_of_that_office() -> None:
    from kb.models import Quote, SpeakerRef
    from kb.speakers import clean_speaker_refs

    q = Quote("We will enforce the law.", 0, 24, "direct", SpeakerRef("Homeland Security Kirstjen Nielsen", "named", is_organization=True))
    clean_speaker_refs([q])
    assert (q.speaker.name, q.speaker.organization, q.speaker.is_organization) == ("Kirstjen Nielsen", "Homeland Security", False)
    kept = Quote("Sail on.", 0, 8, "direct", SpeakerRef("John Paul Jones", "named"))
    clean_speaker_refs([kept])
    assert kept.speaker.name == "John Paul Jones"


@pytest.mark.parametrize(("organization", "stored"), [("U.S.", "U.S."), ("D.C.", "D.C."), ("the U.N.", "the U.N."), ("Senate.", "Senate")])
def test_an_organisation_keeps_the_stop_of_its_initials(organization: str, stored: str) -> None:
    """A speaker's organisation is stored as the document spells it: "U.S." was "U.S", beside "US", on 28 quotes."""
    from kb.models import Quote, SpeakerRef
    from kb.speakers import clean_speaker_refs

    q = Quote("We will act.", 0, 12, "direct", SpeakerRef("Dana Whitfield", "named", title="Rep.", organization=organization))
    clean_speaker_refs([q])
    assert q.speaker.organization == stored


def _quote(ref: "SpeakerRef") -> "Quote":
    from kb.models import Quote, Span
    return Quote(text="We will act.", start=0, end=12, kind="direct", speaker=ref, cue=Span("said", 13, 17), confidence=0.9)


@pytest.mark.parametrize(("description", "name", "is_org"), [
    ("Nielsen", "Nielsen", False), ("the Department of Homeland Security", "The Department of Homeland Security", True),
    ("ICE", "ICE", True), ("the president", None, False), ("A Phoenix attorney", None, False), ("Analysts", None, False),
    ("The Vice President", None, False), ("Others", None, False), ("Many", None, False),  # 'Others said …': a crowd, no entry
    # a joint statement: two people, no entry holding both; an organisation named with "and" stays one
    ("Schumer and Pelosi", None, False), ("Chuck Schumer and Nancy Pelosi", None, False),
    # two people the extractor credits together: not the second alone, not one entry named "… and …" (invented names)
    ("Thom Tallis and James Lankton", None, False), ("Mr. Reed and Sen. Charles E. Shuman", None, False),
    ("House Speaker Nora Pellham and Senate Minority Leader Chad Schuyler", None, False),
    ("Immigration and Customs Enforcement", "Immigration and Customs Enforcement", True),
    ("Bill and Melinda Gates Foundation", "Bill and Melinda Gates Foundation", True),
])
def test_a_speaker_described_by_a_name_gets_that_name(description: str, name: str | None, is_org: bool) -> None:
    """The extractor described "Nielsen" or "the Department of Homeland Security" as a noun phrase: it is a name, an entry."""
    from kb.models import SpeakerRef
    from kb.speakers import canonical_speakers

    q = _quote(SpeakerRef(name=None, resolution="nominal", description=description))
    canonical_speakers([q])
    assert q.speaker.name == name
    assert q.speaker.is_organization == is_org
    assert (q.speaker.id is not None) == (name is not None)


def test_the_vice_president_of_a_white_house_transcript_is_the_office_holder_of_its_date() -> None:
    from kb.models import Document, SpeakerRef
    from kb.speakers import canonical_speakers

    doc = Document(id="doc_1", text="...", title="Remarks by President Trump Before Cabinet Meeting", published="2025-03-24",
                   publisher="The White House")
    vp = _quote(SpeakerRef(name=None, resolution="label", title="Vice President", description="the vice president"))
    canonical_speakers([vp], doc)
    assert vp.speaker.name == "JD Vance"
    older = _quote(SpeakerRef(name=None, resolution="label", title="Vice President", description="the vice president"))
    canonical_speakers([older], Document(id="doc_2", text="...", published="2014-05-01", publisher="The White House"))
    assert older.speaker.name == "Joe Biden"
    news = _quote(SpeakerRef(name=None, resolution="label", title="Vice President", description="the vice president"))
    canonical_speakers([news], Document(id="doc_3", text="...", published="2014-05-01", publisher="Daily Planet"))
    assert news.speaker.name is None  # another country's vice president, perhaps: left described


def test_the_president_in_a_white_house_document_is_the_office_holder_of_its_date() -> None:
    from kb.models import Document, SpeakerRef
    from kb.speakers import canonical_speakers

    doc = Document(id="doc_1", text="...", title="Press Briefing by Press Secretary Karine Jean-Pierre", published="2023-03-01",
                   publisher="The White House")
    passed_on = _quote(SpeakerRef(name=None, resolution="nominal", description="The President"))
    passed_on.reported_by = "a reporter"
    canonical_speakers([passed_on], doc)
    assert passed_on.speaker.name == "Joe Biden"
    readout = _quote(SpeakerRef(name=None, resolution="nominal", description="The Vice President"))
    canonical_speakers([readout], doc)
    assert readout.speaker.name == "Kamala Harris"
    narrated = _quote(SpeakerRef(name=None, resolution="nominal", description="The President"))
    canonical_speakers([narrated], Document(id="doc_2", text="...", published="2023-03-01", publisher="Daily Planet"))
    assert narrated.speaker.name is None  # a news article's "the president" may be any country's


def test_the_president_of_a_news_article_naming_the_holder_is_the_holder() -> None:
    from kb.models import Document, SpeakerRef
    from kb.speakers import canonical_speakers

    text = "Joe Biden spent the weekend in Delaware. On Saturday, the president wrote that the bill must pass."
    named = _quote(SpeakerRef(name=None, resolution="nominal", description="the president"))
    canonical_speakers([named], Document(id="doc_1", text=text, published="2022-06-04", publisher="Daily Planet"))
    assert named.speaker.name == "Joe Biden"
    both = "Biden met Colombian President Ana Ruiz. The president said trade would grow."
    other = _quote(SpeakerRef(name=None, resolution="nominal", description="the president"))
    canonical_speakers([other], Document(id="doc_2", text=both, published="2022-06-04", publisher="Daily Planet"))
    assert other.speaker.name is None  # another president named: "the president" may be hers


def test_an_administration_named_after_a_person_is_an_organisation() -> None:
    from kb.models import SpeakerRef
    from kb.speakers import canonical_speakers

    q = _quote(SpeakerRef(name="Obama White House", resolution="named"))
    canonical_speakers([q])
    assert q.speaker.is_organization
    person = _quote(SpeakerRef(name="Chris House", resolution="named"))
    canonical_speakers([person])
    assert not person.speaker.is_organization


def test_an_entry_keeps_its_id_through_renames_merges_and_splits() -> None:
    """Ids outlive names: the id table maps every id ever given to the entry it stands for now."""
    from kb.speakers import Identity, plan_identity_update

    def rows(*pairs: tuple[str, str, str | None]) -> list[dict[str, object]]:
        return [{"id": f"q{i}", "document_id": doc, "surface": surface, "speaker_id": sid, "speaker_name": surface,
                 "speaker_is_organization": 0, "speaker_title": None, "speaker_organization": None}
                for i, (doc, surface, sid) in enumerate(pairs)]

    # Two entries, "Trump" (spk_a, 2 quotes) and "Donald Trump" (spk_b, 1 quote), become one named "Donald Trump".
    one = Identity("spk_new", "Donald Trump", False)
    plan = plan_identity_update(rows(("d1", "Trump", "spk_a"), ("d2", "Trump", "spk_a"), ("d3", "Donald Trump", "spk_b")),
                                {("d1", "Trump"): one, ("d2", "Trump"): one, ("d3", "Donald Trump"): one}, [],
                                {"spk_a": "spk_a", "spk_b": "spk_b"})
    assert plan.speakers == [("spk_a", "Donald Trump", 0)]  # the id most of its quotes had
    assert plan.ids == [("spk_b", "spk_a")]  # the other id still leads there (only changed rows are written)
    known = {"spk_a": "spk_a", "spk_b": "spk_a"}
    # Split again: the larger part keeps the id, the other gets one from its name; nothing is lost.
    apart = Identity("spk_donald", "Donald Trump", False)
    plan = plan_identity_update(rows(("d1", "Trump", "spk_a"), ("d2", "Trump", "spk_a"), ("d3", "Donald Trump", "spk_a")),
                                {("d1", "Trump"): one, ("d2", "Trump"): one, ("d3", "Donald Trump"): apart}, [], known)
    assert sorted(plan.speakers) == [("spk_a", "Donald Trump", 0), ("spk_donald", "Donald Trump", 0)]
    assert plan.ids == [("spk_donald", "spk_donald")]
    # A fresh base (nothing known yet) keeps today's ids, from the names.
    assert plan_identity_update(rows(("d1", "Trump", "spk_x")), {("d1", "Trump"): one}, []).speakers == [("spk_new", "Donald Trump", 0)]


def test_a_name_tagged_as_organisation_is_a_person_when_its_document_quotes_the_surname() -> None:
    found = resolve([mention("d1", "Jarrod Burguan", org=True), mention("d1", "Burguan"),
                     mention("d2", "Trump Administration", org=True), mention("d2", "Trump")])
    assert found[("d1", "Burguan")] == found[("d1", "Jarrod Burguan")] and not found[("d1", "Burguan")].is_organization
    assert found[("d2", "Trump Administration")].is_organization


def _identities(kb: KnowledgeBase) -> dict[str, tuple[str | None, str | None]]:
    """Quote id -> (speaker id, shown name): the whole outcome of resolution."""
    return {q.id: (q.speaker.id, q.speaker.name) for d in kb.catalogue.document_ids() for q in kb.catalogue.quotes_for_document(d)}


def test_incremental_resolution_equals_a_full_pass(kb: KnowledgeBase, ingestor: Ingestor, tmp_path: Path) -> None:
    """An ingest re-reads only the mentions its documents can change, and ends where a full pass over the base ends."""
    _ingest(ingestor, tmp_path, "first", TRUMP_ALONE, LAURA, NEILSEN)
    _ingest(ingestor, tmp_path, "second", TRUMP_FULL, NIELSEN, GEORGE)
    _ingest(ingestor, tmp_path, "third", dict(TRUMP_ALONE, text=TRUMP_ALONE["text"].replace("Trump said", "Melania Trump said")))
    incremental = _identities(kb)
    assert _speaker_of(kb, "Mexico will pay") == "Melania Trump" and _speaker_of(kb, "never been stronger") == "Donald Trump"
    assert _speaker_of(kb, "breaking the law of the land") == "Kirstjen Nielsen"
    speakers = sorted((s.id, s.name, s.quote_count, tuple(sorted(s.alias_counts.items()))) for s in kb.speakers(limit=100))
    assert kb.resolve_speakers(full=True) == 0  # a full pass moves nothing
    assert _identities(kb) == incremental
    assert sorted((s.id, s.name, s.quote_count, tuple(sorted(s.alias_counts.items()))) for s in kb.speakers(limit=100)) == speakers


def test_an_incremental_resolution_reads_only_what_the_new_documents_touch() -> None:
    from kb.speakers import affected_mentions

    base = [("d1", "Donald Trump", "spk_t"), ("d2", "Trump", "spk_t"), ("d3", "Laura Bush", "spk_l"), ("d4", "George W. Bush", "spk_g"),
            ("d5", "Kirstjen Neilsen", "spk_n"), ("d5", "Chuck", "spk_s"), ("d5", "Chuck Schumer", "spk_s"), ("d6", "Charles Grassley", "spk_c")]
    new = [("d9", "Kirstjen Nielsen", "spk_new")]
    scope = affected_mentions(base + new, {"d9"}, {"Kirstjen Nielsen"})
    assert scope == {("d9", "Kirstjen Nielsen"), ("d5", "Kirstjen Neilsen")}  # a slip of her name; not Trump, Bush, Schumer
    assert affected_mentions(base + [("d9", "Bush", None)], {"d9"}, {"Bush"}) == {("d9", "Bush"), ("d3", "Laura Bush"), ("d4", "George W. Bush")}


def test_a_name_run_in_reverse_is_the_person_the_corpus_names_the_usual_way() -> None:
    # "President Trump Donald John TrumpKamala Harris …": a site's link text runs a name in reverse into the next one
    got = names([mention("d1", "Donald Trump", 50), mention("d2", "Trump Donald", 3), mention("d3", "Susan Ortiz", 2),
                 mention("d4", "Ortiz Susan", 5), mention("d5", "Pratt Owen", 1)])
    assert got[("d2", "Trump Donald")] == got[("d1", "Donald Trump")] == "Donald Trump"
    assert got[("d3", "Susan Ortiz")] == got[("d4", "Ortiz Susan")] == "Susan Ortiz"  # a first name opens a name
    assert got[("d5", "Pratt Owen")] == "Pratt Owen"  # no other reading in the corpus: left as it is


def test_a_speaker_who_held_the_presidency_on_the_documents_date_is_titled_so() -> None:
    from kb.models import Document, SpeakerRef
    from kb.speakers import canonical_speakers

    article = Document(id="doc_1", text="...", published="2018-06-22", publisher="Daily Planet")
    quotes = [
        _quote(SpeakerRef(name="Donald Trump", resolution="named")),
        _quote(SpeakerRef(name="Trump", resolution="named")),
        _quote(SpeakerRef(name="Trump", resolution="named", gender="female")),  # Melania, Ivanka: not the president
        _quote(SpeakerRef(name="Mike Pence", resolution="named")),
        _quote(SpeakerRef(name="Mitch McConnell", resolution="named", title="Majority Leader")),
    ]
    canonical_speakers(quotes, article)
    assert [q.speaker.title for q in quotes] == ["President", "President", None, "Vice President", "Majority Leader"]
    candidate = _quote(SpeakerRef(name="Donald Trump", resolution="named"))
    canonical_speakers([candidate], Document(id="doc_2", text="...", published="2016-03-01", publisher="Daily Planet"))
    assert candidate.speaker.title is None  # before he took office
