"""Identity resolution: which mentions across all documents are one person (or one organisation).

Two steps. At store time each quote's speaker is cleaned (markup, captions, credits out) and given a provisional
id from its own name. After an ingest (and after a merge or split) `resolve` re-reads every mention in the base
and decides the identities afresh, so the result never depends on the order documents arrived in:

1. person or organisation: by votes over every mention of the name, and a single word that is some quoted
   person's surname is a person ("Trump" is never an organisation);
2. full names cluster on (formal first name, surname, suffix): nicknames (Chuck = Charles), middle initials
   (Donald J. Trump) and one-letter slips in a long first name or surname (Kirstjen Neilsen) join, different
   first names never do (Laura Bush and George W. Bush), nor different middle initials (George H. W. Bush);
3. a bare surname or title + surname ("Trump", "President Trump") in one document joins the person with that
   surname whom its evidence fits: initial, gender (Ms. is never Mike), title, and when several fit, the one
   quoted most around the document's date if they hold `dominance` of those quotes; otherwise it stays apart;
4. the user's overrides (merge two entries, split an alias off) are applied last, and are kept across re-ingests.
"""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kb.ids import speaker_id, speaker_key
from kb.models import Document, Quote, Speaker, SpeakerRef
from kb.names import (
    clean_text,
    NICKNAMES,
    edit_distance,
    fold,
    is_group,
    junk_organization,
    junk_person_name,
    given_name_gender,
    name_gender,
    names_an_organisation,
    office_and_person,
    office_holder,
    parse_person,
    PersonName,
    proper_name,
    white_house,
)


@dataclass(frozen=True)
class ResolutionConfig:
    """Thresholds of identity resolution, in one place."""

    dominance: float = 0.75  # share of the fitting people's quotes one needs to take a bare surname (3 to 1 of two)
    window_days: int = 730  # a bare surname is read against people quoted within this many days of its document
    first_name_slip_min: int = 5  # shortest first name in which a one-letter slip is forgiven ("Kristjen")
    surname_slip_min: int = 6  # shortest surname in which a one-letter slip is forgiven ("Neilsen")


@dataclass
class Mention:
    """One name as one document used it, with what the document says about its bearer."""

    document_id: str
    name: str
    is_organization: bool = False
    quotes: int = 1
    published: str | None = None
    genders: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    organizations: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Identity:
    """A canonical speaker: its id, the name shown, and whether it is an organisation."""

    id: str
    name: str
    is_organization: bool


@dataclass(frozen=True)
class Override:
    """A user's correction: `merge` keeps entry `name` and moves entry `other` into it; `split` sets alias `name` apart."""

    kind: str  # "merge" | "split"
    name: str
    other: str | None = None


# -- store time ----------------------------------------------------------------------------------
def name_described_speakers(quotes: list[Quote], doc: Document | None = None) -> None:
    """Speakers the extractor only described, when the description is a name: "Nielsen", "the Department of Homeland
    Security" (a person or an organisation by how the document wrote it); `THE VICE PRESIDENT` of a White House
    transcript whose title names nobody: the office holder on the document's date."""
    from_white_house = doc is not None and white_house(doc.publisher)
    for q in quotes:
        ref = q.speaker
        if ref.name:
            continue
        if ref.resolution == "nominal" and ref.description and (named := proper_name(ref.description)):
            ref.name, ref.is_organization, ref.description = named[0], named[1], None
        elif ref.resolution == "label" and ref.title and from_white_house and doc is not None:
            if holder := office_holder(ref.title, doc.published):
                ref.name, ref.description = holder, None
        elif ref.resolution == "nominal" and doc is not None:
            # "The Vice President reaffirmed …" in a readout, "The President said yesterday that …" passed on in a
            # briefing: in the White House's own documents, the office holder on the day; elsewhere, the holder on
            # the day when the document names him ("Donald Trump has stuck to … On Saturday, the president tweeted")
            office = re.sub(r"(?i)^the\s+", "", (ref.description or "").strip())
            if office.lower() in ("president", "vice president") and (holder := office_holder(office, doc.published)):
                if from_white_house or _names_only_holder(doc.text, office, holder):
                    ref.name, ref.title, ref.description = holder, ref.title or office, None
    if doc is not None:
        _title_office_holders(quotes, doc.published)


def _title_office_holders(quotes: list[Quote], day: str | None) -> None:
    """A named speaker the document gives no title who held the US presidency or vice presidency on its date ('Trump
    said' in a 2018 article that never writes "President Trump"): that office, as a staffer would cite him."""
    holders = {office: holder for office in ("President", "Vice President") if (holder := office_holder(office, day))}
    for q in quotes:
        ref = q.speaker
        if ref.name and not ref.title and not ref.is_organization:
            ref.title = next((office for office, holder in holders.items() if _names_holder(ref, holder)), None)


def _names_holder(ref: SpeakerRef, holder: str) -> bool:
    """'Donald Trump', 'Donald J. Trump', or a bare 'Trump' the document gives no woman's marks, for Donald Trump."""
    words, theirs = ref.name.split() if ref.name else [], holder.split()
    if not words or words[-1] != theirs[-1]:
        return False
    return words[0] == theirs[0] if len(words) > 1 else ref.gender != "female"


def _names_only_holder(text: str, office: str, holder: str) -> bool:
    """The text names the office holder, and gives the office to nobody else ("Mexican President Andrés Manuel López
    Obrador" makes "the president" anyone's)."""
    surname = holder.split()[-1]
    if re.search(rf"\b{re.escape(surname)}\b", text) is None:
        return False
    before = "" if office.lower().startswith("vice") else r"(?<!Vice )"
    titled = re.finditer(rf"{before}\b{re.escape(office.title())}\s+((?:[A-Z][\w’'.-]*\s?){{1,4}})", text)
    return all(surname in m.group(1) for m in titled)


def clean_speaker_refs(quotes: list[Quote]) -> None:
    """Names cleaned of markup and furniture; a name that is not one (a credit, a dateline) is dropped."""
    for q in quotes:
        ref = q.speaker
        if ref.organization is not None and junk_organization(clean_text(ref.organization)):
            ref.organization = None
        elif ref.organization is not None:
            ref.organization = clean_text(ref.organization)
        if not ref.name:
            continue
        name = clean_text(ref.name)
        if is_group(name):  # "Democrats said": who, described, not an entry of its own
            ref.description, ref.name, ref.is_organization = ref.description or name, None, False
            continue
        if fused := office_and_person(name):  # "Homeland Security Kirstjen Nielsen", tagged as one organisation
            ref.organization = ref.organization or fused[0]
            name, ref.is_organization = fused[1], False
        elif names_an_organisation(name):  # "Obama White House", tagged as a person
            ref.is_organization = True
        junk = junk_organization(name) if ref.is_organization else junk_person_name(name)
        if junk:
            ref.name = None
        else:
            ref.name = name
        ref.aliases = [a for a in (clean_text(a) for a in ref.aliases) if a and not junk_person_name(a)]


def canonical_speakers(quotes: list[Quote], doc: Document | None = None) -> list[Speaker]:
    """Clean each quote's speaker and give it a provisional id from its own name; return the speakers to upsert.

    The name stays as the document gave it: `resolve`, run after each ingest, decides whose it is.
    """
    name_described_speakers(quotes, doc)
    clean_speaker_refs(quotes)
    speakers: dict[str, Speaker] = {}
    for q in quotes:
        ref = q.speaker
        if not ref.name:
            ref.id = None
            continue
        sid = speaker_id(ref.name)
        ref.id = sid
        speaker = speakers.setdefault(sid, Speaker(id=sid, name=ref.name, is_organization=ref.is_organization))
        for alias in ref.aliases:
            if speaker_key(alias) and alias not in speaker.aliases and alias != ref.name:
                speaker.aliases.append(alias)
    return list(speakers.values())


# -- resolution over the whole base --------------------------------------------------------------
@dataclass
class IdentityUpdate:
    """What a catalogue writes after resolution: changed quotes, and the speakers and aliases rebuilt."""

    quotes: list[tuple[str | None, str, int, str, str]]  # (speaker id, shown name, is organisation, quote id, keyword text)
    changed: dict[str, str]  # quote id -> new speaker id ('' for none), for the vector store
    speakers: list[tuple[str, str, int]]  # (id, name, is organisation)
    aliases: list[tuple[str, str, str]]  # (speaker id, alias, alias key)
    ids: list[tuple[str, str]] = field(default_factory=list)  # (id ever given, the entry it stands for now)


def stable_ids(
    rows: list[Mapping[str, Any]], identities: dict[tuple[str, str], Identity], known: Mapping[str, str]
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Each entry keeps the id it had, whatever its name becomes: an entry takes the id most of its quotes carried
    (one id per entry; a split leaves it to the larger part), a new entry gets one from its name, and an id no entry
    keeps (merged away, renamed) goes on standing for the entry that took most of its quotes.

    `known` holds every id ever given (id -> the id it stands for now). Returns the provisional id (from the name)
    -> stable id, and the rows of the id table.
    """
    def current(sid: str) -> str | None:
        seen = set()
        while sid in known and known[sid] != sid and sid not in seen:
            seen.add(sid)
            sid = known[sid]
        return sid if sid in known else None

    votes: dict[str, Counter[str]] = defaultdict(Counter)  # provisional entry id -> established id -> quotes
    went: dict[str, Counter[str]] = defaultdict(Counter)  # established id -> provisional entry id -> quotes
    for r in rows:
        who = identities.get((r["document_id"], r["surface"]))
        old = current(r["speaker_id"]) if r["speaker_id"] else None
        if who is not None and old is not None:
            votes[who.id][old] += 1
            went[old][who.id] += 1
    entries = sorted({i.id for i in identities.values()})
    final: dict[str, str] = {}
    # Ids of entries these rows do not hold (the rest of the base, in an incremental pass) stay theirs.
    taken: set[str] = {sid for sid, now in known.items() if now == sid and sid not in went}
    for n, entry, old in sorted((-n, e, o) for e, c in votes.items() for o, n in c.items()):
        if entry not in final and old not in taken:
            final[entry] = old
            taken.add(old)
    for entry in entries:
        if entry in final:
            continue
        sid, k = entry, 1
        while sid in taken or (current(sid) not in (None, sid) and current(sid) in taken):  # taken holds every id given
            k += 1
            sid = speaker_id(f"{entry} {k}")
        final[entry] = sid
        taken.add(sid)
    table = {sid: sid for sid in final.values()}
    for old, targets in went.items():  # ids no entry kept: they stand for where most of their quotes went
        if old not in table:
            table[old] = final[min(targets, key=lambda e: (-targets[e], e))]
    for sid in known:
        if sid not in table and (now := current(sid)) in table:
            table[sid] = table[now]
    return final, sorted((sid, now) for sid, now in table.items() if known.get(sid) != now)


def plan_identity_update(
    rows: Iterable[Mapping[str, Any]], identities: dict[tuple[str, str], Identity], old_aliases: Iterable[tuple[str, str]],
    known: Mapping[str, str] | None = None,
) -> IdentityUpdate:
    """From the quotes' current speaker columns (id, document_id, surface, speaker_id, speaker_name,
    speaker_is_organization, speaker_title, speaker_organization), the identities decided and the ids given before
    (`known`: id -> the id it stands for now), what to write; entries keep their ids (see `stable_ids`)."""
    rows = list(rows)
    final, id_table = stable_ids(rows, identities, known or {})
    identities = {k: Identity(final[v.id], v.name, v.is_organization) for k, v in identities.items()}
    changed: dict[str, str] = {}
    moved: dict[str, Counter[str]] = defaultdict(Counter)
    updates: list[tuple[str | None, str, int, str, str]] = []
    for r in rows:
        who = identities.get((r["document_id"], r["surface"]))
        new_id, name, is_org = (who.id, who.name, int(who.is_organization)) if who else (None, r["surface"], int(r["speaker_is_organization"]))
        if r["speaker_id"]:
            moved[r["speaker_id"]][new_id or ""] += 1
        if (new_id, name, is_org) != (r["speaker_id"], r["speaker_name"], int(r["speaker_is_organization"])):
            surface = r["surface"] if r["surface"] != name else None
            updates.append((new_id, name, is_org, r["id"], " ".join(filter(None, [name, surface, r["speaker_title"], r["speaker_organization"]]))))
        if new_id != r["speaker_id"]:
            changed[r["id"]] = new_id or ""
    people = sorted({(i.id, i.name, int(i.is_organization)) for i in identities.values()})
    aliases = {(who.id, surface) for (_, surface), who in identities.items()} | {(i, n) for i, n, _ in people}
    surfaces = {speaker_key(surface) for _, surface in identities} | {speaker_key(n) for _, n, _ in people}
    for old_id, alias in old_aliases:  # other spellings a document gave ("Champage" for Champagne) follow their speaker
        targets = moved.get(old_id)
        if speaker_key(alias) in surfaces:
            continue  # a name quotes carry: it belongs where resolution put those quotes, nowhere else
        if targets and (target := targets.most_common(1)[0][0]):
            aliases.add((target, alias))
    alias_rows = sorted({(i, a, speaker_key(a)) for i, a in aliases if speaker_key(a)})
    seen: set[tuple[str, str]] = set()
    unique = [row for row in alias_rows if (row[0], row[2]) not in seen and not seen.add((row[0], row[2]))]  # type: ignore[func-returns-value]
    return IdentityUpdate(updates, changed, people, unique, id_table)


def _partial_first(name: str) -> str | None:
    """The formal first name a partial name reads its document's full names by: "Chuck", "Charles E."."""
    parsed = parse_person(name)
    if parsed is None or (parsed.is_full and len(parsed.last) > 1):
        return None
    return parsed.formal_first if parsed.is_full else NICKNAMES.get(parsed.last, parsed.last)


def mention_tokens(document_id: str, name: str, partial_firsts: set[tuple[str, str]] | None = None) -> list[str]:
    """What a mention's resolution can depend on: its name (votes, entries), its surname (people of that surname,
    a bare surname), and, where its document has a partial name ("Chuck", "Charles E."), the formal first name
    that partial reads the document's full names by. Mentions sharing a token, directly or through others, are
    resolved together."""
    words = name.split()
    tokens = [f"key:{speaker_key(name)}", f"org:{org_key(name)}", f"word:{fold(words[-1]) if words else ''}"]
    if len(words) == 2:
        tokens.append(f"last:{fold(words[0])}")  # 'Trump Donald' is read by 'Donald Trump' (_reversed_names_read_forward)
    parsed = parse_person(name)
    if parsed is not None:
        tokens.append(f"last:{parsed.last}")
        first = _partial_first(name) or parsed.formal_first
        if partial_firsts is None or (document_id, first) in partial_firsts:
            tokens.append(f"first:{document_id}:{first}")
    return tokens


def affected_mentions(
    surfaces: Iterable[tuple[str, str, str | None]], documents: Iterable[str], names: Iterable[str],
    overrides: Iterable[Override] = (), config: ResolutionConfig | None = None,
) -> set[tuple[str, str]]:
    """The (document, name) mentions whose identity can change when `documents` changed and `names` appeared or went,
    from every (document, name, speaker id now) of the base: everything linked to them through `mention_tokens`, the
    entries they are in now, one-letter surname slips and the user's merges. Resolving only these gives what a full
    pass gives them; every other mention keeps its identity."""
    config = config or ResolutionConfig()
    surfaces = list(surfaces)
    pairs = sorted({(doc, name) for doc, name, _ in surfaces})
    partials = {(doc, first) for doc, name in pairs if (first := _partial_first(name))}
    union = _Union()
    lasts: set[str] = set()
    for doc, name, sid in surfaces:
        tokens = mention_tokens(doc, name, partials) + ([f"id:{sid}"] if sid else [])
        for t in tokens[1:]:
            union.union(tokens[0], t)
        lasts.update(t[5:] for t in tokens if t.startswith(("last:", "word:")))
    for a, b in _near_pairs(sorted(lasts), min(config.surname_slip_min, config.first_name_slip_min)):
        for prefix_a in ("last:", "word:"):
            for prefix_b in ("last:", "word:"):
                union.union(prefix_a + a, prefix_b + b)
    for o in overrides:
        if o.kind == "merge" and o.other:
            union.union(f"key:{speaker_key(o.name)}", f"key:{speaker_key(o.other)}")
    documents, names = set(documents), set(names)
    seeds = {union.find(f"key:{speaker_key(n)}") for n in names}
    seeds |= {union.find(f"last:{p.last}") for n in names if (p := parse_person(n)) is not None}
    seeds |= {union.find(f"key:{speaker_key(name)}") for doc, name in pairs if doc in documents or name in names}
    return {(doc, name) for doc, name in pairs if union.find(f"key:{speaker_key(name)}") in seeds}


def mentions_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[Mention]:
    """Mentions from catalogue rows (doc, name, org, published, gender, title, affil, n): one per document and name."""
    found: dict[tuple[str, str], Mention] = {}
    org_votes: Counter[tuple[str, str]] = Counter()
    for r in rows:
        key = (r["doc"], r["name"])
        m = found.setdefault(key, Mention(r["doc"], r["name"], quotes=0, published=r["published"]))
        n = int(r["n"])
        m.quotes += n
        org_votes[key] += n if r["org"] else -n
        if r["gender"]:
            m.genders[r["gender"]] += n
        if r["title"]:
            m.titles[r["title"]] += n
        if r["affil"]:
            m.organizations[r["affil"]] += n
    for key, m in found.items():
        m.is_organization = org_votes[key] > 0
    return list(found.values())


def org_key(name: str) -> str:
    key = speaker_key(name)
    return key[4:] if key.startswith("the ") else key


@dataclass
class _Cluster:
    """People who are one person: the full-name keys in it and what their mentions say."""

    keys: set[str] = field(default_factory=set)
    names: list[PersonName] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict)  # filled once the cluster is complete

    def quotes(self) -> int:
        return sum(m.quotes for m in self.mentions)

    def gender(self) -> str | None:
        if "gender" not in self._cache:
            self._cache["gender"] = self._gender()
        return self._cache["gender"]

    def quotes_near(self, published: str | None, window_days: int) -> int:
        """Quotes under this person's full names in documents within `window_days` of `published`."""
        day = _day(published)
        if day is None:
            return 0
        if "days" not in self._cache:
            dated = sorted((d, m.quotes) for m in self.mentions if (d := _day(m.published)) is not None)
            sums = [0]
            for _, n in dated:
                sums.append(sums[-1] + n)
            self._cache["days"] = ([d for d, _ in dated], sums)
        days, sums = self._cache["days"]
        return sums[bisect_right(days, day + window_days)] - sums[bisect_left(days, day - window_days)]

    def quoted_only_far_from(self, published: str | None, window_days: int) -> bool:
        """Whether every dated quote of this person lies more than `window_days` from `published` (and some are dated)."""
        if _day(published) is None or self.quotes_near(published, window_days):
            return False
        return bool(self._cache["days"][0])

    def _gender(self) -> str | None:
        votes: Counter[str] = Counter()
        for m in self.mentions:
            votes.update(m.genders)
        from_names = {g for g in (given_name_gender(n.first) for n in self.names) if g}
        if len(from_names) == 1 and not votes:
            return from_names.pop()
        if votes:
            (top, n), *rest = votes.most_common()
            if not rest or n >= 3 * rest[0][1]:
                return top
        return from_names.pop() if len(from_names) == 1 else None

    def title_words(self) -> set[str]:
        if "titles" not in self._cache:
            self._cache["titles"] = {fold(w) for m in self.mentions for t in m.titles for w in t.split()} - {""}
        return self._cache["titles"]

    def display(self) -> str:
        counts: Counter[str] = Counter()
        for m in self.mentions:
            counts[m.name] += m.quotes
        return min(counts, key=lambda n: (-counts[n], -len(n), n))


class _Union:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)  # deterministic root


def resolve(
    mentions: Iterable[Mention], overrides: Iterable[Override] = (), config: ResolutionConfig | None = None
) -> dict[tuple[str, str], Identity]:
    """Each (document id, name) mention's identity; a pure function of the mentions and overrides (order-free)."""
    config = config or ResolutionConfig()
    mentions = sorted(mentions, key=lambda m: (m.document_id, m.name, m.is_organization))
    overrides = list(overrides)
    pinned = {speaker_key(o.name) for o in overrides if o.kind == "split"}
    out: dict[tuple[str, str], Identity] = {}

    people, orgs = _person_or_organisation(mentions)
    full: list[tuple[Mention, PersonName]] = []
    partial: list[tuple[Mention, PersonName]] = []
    apart: dict[str, list[Mention]] = defaultdict(list)  # entries set apart: pinned aliases, unresolved surnames
    for m in people:
        parsed = parse_person(m.name)
        if speaker_key(m.name) in pinned or parsed is None:
            apart[speaker_key(m.name)].append(m)
        elif parsed.is_full and len(parsed.last) > 1:
            full.append((m, parsed))
        else:
            partial.append((m, parsed))

    clusters = _cluster_full_names(_reversed_names_read_forward(full), config)
    by_surname: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        for last in sorted({n.last for n in c.names}):
            by_surname[last].append(c)
    in_document: dict[str, list[_Cluster]] = defaultdict(list)  # people a document names in full
    for c in clusters:
        for doc in sorted({m.document_id for m in c.mentions}):
            in_document[doc].append(c)
    chosen: dict[int, list[Mention]] = defaultdict(list)
    for m, parsed in partial:
        here = in_document.get(m.document_id, [])
        if parsed.is_full:  # "Charles E." (a name cut before the surname): whom this document names so
            given, initial = parsed.formal_first, parsed.last
            target = _only([c for c in here if any(n.formal_first == given and n.middles.startswith(initial) for n in c.names)])
            (chosen[id(target)] if target else apart[speaker_key(m.name)]).append(m)
            continue
        candidates = by_surname.get(parsed.last, [])
        if not candidates and not parsed.first:  # "Chuck" in a document that names Chuck Schumer
            candidates = [c for c in here if any(n.formal_first == NICKNAMES.get(parsed.last, parsed.last) for n in c.names)]
        named_here = [c for c in candidates if any(c is h for h in here)]
        target = _fit_partial(m, parsed, named_here or candidates, config)
        if target is None:
            apart[speaker_key(m.name)].append(m)
        else:
            chosen[id(target)].append(m)

    entries: list[_Entry] = []
    for c in clusters:
        entries.append(_Entry(c.mentions + chosen.get(id(c), []), False, set(c.keys)))
    for key in sorted(apart):
        entries.append(_Entry(apart[key], False, {key}))
    by_org: dict[str, list[Mention]] = defaultdict(list)
    for m in orgs:
        by_org[org_key(m.name)].append(m)
    for key in sorted(by_org):
        entries.append(_Entry(by_org[key], True, {key}))

    for entry in _apply_merges(entries, [o for o in overrides if o.kind == "merge"]):
        name = entry.shown()
        identity = Identity(speaker_id(name), name, entry.is_organization)
        for m in entry.mentions:
            out[(m.document_id, m.name)] = identity
    return out


@dataclass
class _Entry:
    """One canonical speaker being built: its mentions, the names it holds, and a name a user chose by merging."""

    mentions: list[Mention]
    is_organization: bool
    keys: set[str]
    preferred: str | None = None

    def shown(self) -> str:
        """The user's choice; else, for a person, the full name spelt as most documents spell each part (a misspelling
        in one outlet never names the entry; of two readings of the same words, the one opening with a first name), then
        the most used; else the most quoted name."""
        if self.preferred:
            return self.preferred
        counts: Counter[str] = Counter()
        docs: dict[str, set[str]] = defaultdict(set)
        for m in self.mentions:
            counts[m.name] += m.quotes
            docs[m.name].add(m.document_id)
        parsed = {n: p for n in counts if not self.is_organization and (p := parse_person(n)) is not None}
        full = [n for n, p in parsed.items() if p.is_full]
        firsts: Counter[str] = Counter()
        lasts: Counter[str] = Counter()
        for n, p in parsed.items():
            lasts[p.last] += len(docs[n])
            if p.is_full:
                firsts[p.first] += len(docs[n])

        def agreement(name: str) -> int:
            p = parsed[name]
            return (firsts[p.first] == max(firsts.values())) + (lasts[p.last] == max(lasts.values()))

        if full:
            turned = {n for n in full if len(w := n.split()) == 2 and f"{w[1]} {w[0]}" in parsed and name_gender(fold(w[1])) is not None}
            full = [n for n in full if n not in turned or name_gender(fold(n.split()[0])) is not None] or full  # "Susan Ortiz", not "Ortiz Susan"
            return min(full, key=lambda n: (-agreement(n), -len(docs[n]), -counts[n], -len(n), n))
        return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _person_or_organisation(mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Votes over every mention of a name; a quoted person's surname, or a known first name + surname, is a person."""
    person_votes: Counter[str] = Counter()
    org_votes: Counter[str] = Counter()
    surnames: set[str] = set()
    keys = {m.name: speaker_key(m.name) for m in mentions}
    for m in mentions:
        key = keys[m.name]
        (org_votes if m.is_organization else person_votes)[key] += m.quotes
        if not m.is_organization and (p := parse_person(m.name)) is not None and p.is_full:
            surnames.add(p.last)
    # A document that quotes "Burguan" as a person makes its "Jarrod Burguan" a person, whatever the tagger said.
    bare_people = {(m.document_id, fold(m.name)) for m in mentions if not m.is_organization and " " not in keys[m.name]}
    people, orgs = [], []
    for m in mentions:
        key = keys[m.name]
        if is_group(m.name):
            continue
        if junk_organization(m.name) if m.is_organization else junk_person_name(m.name):
            continue
        is_surname = " " not in key and fold(key) in surnames
        parsed = parse_person(m.name) if " " in key else None
        first_named = parsed is not None and parsed.is_full and name_gender(parsed.first) is not None and key.count(" ") < 3
        surname_quoted = (" " in key and key.count(" ") < 3 and (m.document_id, fold(m.name.split()[-1])) in bare_people
                          and not names_an_organisation(m.name))
        is_person = is_surname or first_named or surname_quoted or person_votes[key] > org_votes[key]
        (people if is_person else orgs).append(m)
    return people, orgs


def _cluster_full_names(full: list[tuple[Mention, PersonName]], config: ResolutionConfig) -> list[_Cluster]:
    """Full names into people: same formal first name and surname, compatible middle initials, one-letter slips."""
    nodes: dict[tuple[str, str, str, int], _Cluster] = {}
    by_base: dict[tuple[str, str, str], list[tuple[Mention, PersonName]]] = defaultdict(list)
    for m, p in full:
        by_base[(p.formal_first, p.last, p.suffix)].append((m, p))
    for base, items in sorted(by_base.items()):
        weight: Counter[str] = Counter()
        for m, p in items:
            weight[p.middles] += m.quotes
        groups: list[str] = []  # representative middle initials of each person sharing this first and last name
        for middles in sorted((w for w in weight if w), key=lambda w: (-weight[w], w)):
            if not any(g.startswith(middles) or middles.startswith(g) for g in groups):
                groups.append(middles)
        for m, p in items:
            idx = next((i for i, g in enumerate(groups) if g.startswith(p.middles) or p.middles.startswith(g)), 0) if p.middles else 0
            node = nodes.setdefault((*base, idx), _Cluster())
            node.keys.add(speaker_key(m.name))
            node.names.append(p)
            node.mentions.append(m)

    union = _Union()
    keys = sorted(nodes)
    for k in keys:
        union.find(k)
    by_last: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
    by_first: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
    for k in keys:
        by_last[k[1]].append(k)
        by_first[k[0]].append(k)
    for bucket, part, minimum in ((by_last, 0, config.first_name_slip_min), (by_first, 1, config.surname_slip_min)):
        for group in bucket.values():
            having: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
            for k in group:
                having[k[part]].append(k)
            for x, y in _near_pairs(list(having), minimum):
                for a in having[x]:
                    for b in having[y]:
                        ga, gb = nodes[a].gender(), nodes[b].gender()
                        if a[2] == b[2] and not (ga and gb and ga != gb):
                            union.union(a, b)
    merged: dict[object, _Cluster] = {}
    for k in keys:
        target = merged.setdefault(union.find(k), _Cluster())
        target.keys |= nodes[k].keys
        target.names += nodes[k].names
        target.mentions += nodes[k].mentions
    return [merged[r] for r in sorted(merged, key=repr)]


def _reversed_names_read_forward(full: list[tuple[Mention, PersonName]]) -> list[tuple[Mention, PersonName]]:
    """'Trump Donald' (a link text run into a name) where the corpus also names 'Donald Trump': the same two words in
    the usual order. A two-word name only, turned only towards a reading the corpus has: the one opening with a known
    first name, else the one more quotes carry."""
    weight: Counter[tuple[str, str]] = Counter()
    for m, p in full:
        weight[(p.formal_first, p.last)] += m.quotes
    out = []
    for m, p in full:
        words = m.name.split()
        turned = parse_person(f"{words[1]} {words[0]}") if len(words) == 2 else None
        if turned is not None and turned.is_full and weight[(turned.formal_first, turned.last)]:
            known, turned_known = name_gender(p.formal_first) is not None, name_gender(turned.formal_first) is not None
            if turned_known > known or turned_known == known and weight[(turned.formal_first, turned.last)] > weight[(p.formal_first, p.last)]:
                p = turned
        out.append((m, p))
    return out


def _only(clusters: list[_Cluster]) -> _Cluster | None:
    return clusters[0] if len(clusters) == 1 else None


def _near_pairs(values: list[str], minimum: int) -> list[tuple[str, str]]:
    """Pairs one slip apart (a letter added, dropped, changed or two swapped), both at least `minimum` long.

    A slip leaves the first or the last letter in place, so only words sharing one of them are compared.
    """
    index: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    values = sorted(v for v in values if len(v) >= minimum)
    for v in values:
        index[(len(v), "first", v[0])].append(v)
        index[(len(v), "last", v[-1])].append(v)
    pairs: set[tuple[str, str]] = set()
    for v in values:
        for size in (len(v), len(v) + 1):
            for w in index.get((size, "first", v[0]), []) + index.get((size, "last", v[-1]), []):
                if w != v and (size > len(v) or w > v) and edit_distance(v, w, 1) <= 1:
                    pairs.add((v, w))
    return sorted(pairs)


def _fit_partial(m: Mention, parsed: PersonName, candidates: list[_Cluster], config: ResolutionConfig) -> _Cluster | None:
    """The one person a bare surname (or initial + surname) in this document can be, or None when unsure."""
    if parsed.first:  # "D. Trump": the initial must agree
        candidates = [c for c in candidates if any(n.first.startswith(parsed.first) for n in c.names)]
    # 'Morales' in a 2013 story is not the Jimmy Morales quoted from 2018: only people quoted near its date
    candidates = [c for c in candidates if not c.quoted_only_far_from(m.published, config.window_days)]
    gender = _mention_gender(m)
    if gender:
        candidates = [c for c in candidates if c.gender() in (None, gender)]
        known = [c for c in candidates if c.gender() == gender]
        candidates = known or candidates
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    words = {fold(w) for t in m.titles for w in t.split()} - {""}
    if words:
        titled = [c for c in candidates if c.title_words() & words]
        candidates = titled or candidates
        if len(candidates) == 1:
            return candidates[0]
    scores = [c.quotes_near(m.published, config.window_days) for c in candidates]
    if sum(scores) == 0:
        scores = [c.quotes() for c in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    total = sum(scores)
    return candidates[best] if total and scores[best] >= config.dominance * total else None


def _mention_gender(m: Mention) -> str | None:
    if not m.genders:
        return None
    (top, n), *rest = m.genders.most_common()
    return top if not rest or n > rest[0][1] else None


def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published).toordinal() if published else None
    except ValueError:
        return None


def _apply_merges(entries: list[_Entry], merges: list[Override]) -> list[_Entry]:
    """A user's merge moves every mention of one entry into the other, whose name is kept."""
    for o in merges:

        def holder(key: str) -> int | None:
            shown = [i for i, e in enumerate(entries) if speaker_key(e.shown()) == key]
            having = [i for i, e in enumerate(entries) if key in e.keys]
            return (shown or having or [None])[0]

        a, b = holder(speaker_key(o.name)), holder(speaker_key(o.other or ""))
        if a is None or b is None or a == b:
            continue
        keep, other = entries[a], entries[b]
        entries[a] = _Entry(keep.mentions + other.mentions, keep.is_organization, keep.keys | other.keys, keep.shown())
        entries.pop(b)
    return entries
