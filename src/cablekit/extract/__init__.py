"""Who, what and where in a cable: people, organisations, places, acronyms, quotations.

>>> from cablekit.extract import extract_entities
>>> extract_entities(cablekit.parse_cable(text)).to_dict()

Rule- and gazetteer-based, tuned to cable conventions (titles before names, surnames
joined to the full name given earlier, ALL-CAPS telegrams, GO<X> governments, acronyms
defined in the text). Offsets are into ``cable.text``; only the annotated zone is read
(SUBJECT line to the end, without REF blocks and page-break lines). Never raises.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from cablekit.extract import acronyms as acr_mod
from cablekit.extract import organizations as org_mod
from cablekit.extract import wordinfo as wi
from cablekit.extract.lexicon import Lexicon, english_words, lexicon
from cablekit.extract.model import (
    Acronym,
    Entities,
    Mention,
    Organization,
    Person,
    Place,
    Quote,
    Title,
)
from cablekit.extract.people import (
    Cand,
    PeopleFinder,
    country_named,
    drop_headline_verbs,
    drop_things_by_context,
    drop_verb_openers,
    drop_word_phrases,
    eponyms,
    far_town_ruler,
    link_aliases,
    link_bracketed_names,
    link_initials,
    link_surnames,
    merge,
    noun_or_verb,
    ruler_name,
)
from cablekit.extract.places import find_places
from cablekit.extract.quotes import find_quotes
from cablekit.extract.titles import HEADS as TITLE_HEADS
from cablekit.extract.titles import expand
from cablekit.extract.zone import Tokens, annotated_zone, tokenize
from cablekit.model import Cable
from cablekit.parse.preamble.classified_by import OFFICE_SYMBOL

__all__ = ["Entities", "extract_entities", "host_country"]

_ORIGIN_PREFIX = re.compile(
    r"^(?:Embassy|Consulate General|Consulate|Amembassy|Amconsul|US Office|American Embassy)\s+",
    re.I,
)
_MULTILATERAL = re.compile(r"^(?:USUN|USEU|Mission|UNVIE|US Mission|USOSCE|USNATO)", re.I)


def host_country(origin: str | None) -> str | None:
    """The country of the sending post: 'Embassy Moscow' -> Russia (None for State, USUN)."""
    if not origin or _MULTILATERAL.match(origin):
        return None
    city = _ORIGIN_PREFIX.sub("", origin).strip()
    if not city:
        return None
    places = lexicon().places
    # the city, else what follows a comma ("American Institute Taiwan, Taipei"), its first
    # word ("Iran RPO Dubai" reports on Iran) or its last ("US Interests Section Havana");
    # a US post is never at home
    for name in (city, city.rsplit(",", 1)[-1].strip(), city.split()[0], city.split()[-1]):
        e = places.get(name.casefold())
        if e is not None and e.country != "United States":
            return e.country
    return None


# the word classes whose token indices _extract reads (wordinfo.classify_where)
_BITS: Final = [wi.KNOWN, wi.ORGHEAD, wi.SCAN, wi.PLACE, wi.ACR | wi.ACRDEF, wi.UP0, wi.CUE]


def _claim(claimed: list[bool], starts: list[int], s: int, e: int) -> bool:
    """Mark tokens in [s, e) as taken; False when one already was."""
    i = bisect_left(starts, s)
    j = bisect_left(starts, e)
    for k in range(i, j):
        if claimed[k]:
            return False
    for k in range(i, j):
        claimed[k] = True
    return True


def _mention(text: str, s: int, e: int) -> Mention:
    return Mention(text=text[s:e], start=s, end=e)


def _person_holder(words: list[str], holder: str) -> bool:
    """Whether the words before a possessive's "'s" (``holder`` its last) name a person: a
    surname alone ("Sarkozy's"), or two names ("Igor Giorgadze's"), no word a dictionary
    has ("Rejects Rezai's Coalition Proposal", a heading)."""
    last = [w.removesuffix("'s") for w in words[-2:]]
    flags = wi.classify(last, False)
    if any(f & _NOT_NAME or not f & wi.NAME_F for f in flags):
        return False
    if any(w.lower() in english_words() for w in last):
        return False
    return bool(len(words) >= 2 or flags[-1] & wi.SURN)


def _owner_before(words: list[str], holder: str, lex: Lexicon) -> bool:
    """Whether the words before a possessive's "'s" name the owner of a body's name of two
    words or more after it, not a part of it: a place ("Bulgaria's Export Commission",
    "Iran's Supreme National Security Council"), a body's initials or head noun ("MFA's
    Security Policy Division", "Parliament's Committee on ..."), a title of two words
    ("Prime Minister's National Security Advisory Board"); not "People's", "Lord's"."""
    two = " ".join(w.removesuffix("'s") for w in words[-2:]).casefold()
    return bool(
        holder.casefold() in lex.places
        or (len(words) > 1 and two in lex.places)
        or (holder in TITLE_HEADS and len(words) > 1)  # not "Lord's", "King's College"
        or holder in org_mod.HEAD_WORDS
        or wi.classify([holder], False)[0] & wi.ORGACR
        or (holder.isupper() and acr_mod._GOX.fullmatch(holder) is not None)  # "GOCR's"
    )


def _as_written(title: str, expanded: str, text: str) -> tuple[str, str]:
    """A title read with straight apostrophes, with the curly ones the text has there
    ("Lord\u2019s Resistance Army leader"); so its expansion when it is the title itself
    (not a glossary's: "Charge d'Affaires")."""
    if "'" in title:
        curly = title.replace("'", "\u2019")
        if curly in text:
            known = expanded != title or title in lexicon().titles
            return curly, expanded if known else curly
    return title, expanded


def _person_name(text: str, c: Cand) -> str:
    """Fullest written form, mixed case: 'Yuval Fuchs', 'Beyrle' for BEYRLE."""
    # of the mentions with the surname: not an alias ('Eder Veloza, AKA "Hernan Hernandez"')
    last = c.tokens[-1].casefold() if c.tokens else ""
    named = [m for m in c.mentions if last in text[m[0] : m[1]].casefold()] or c.mentions
    # the longest, the first of those: max(named, key=lambda m: (m[1] - m[0], -m[0])) as
    # a typed loop (the key was a Python-level call and a tuple per mention)
    best = named[0]
    for m in named:
        size, best_size = m[1] - m[0], best[1] - best[0]
        if size > best_size or (size == best_size and m[0] < best[0]):
            best = m
    # white space runs as one space, without a regex call (as re.sub(r"\s+", " ", ...)
    # then .strip(): str.split's white space is the \s of a str pattern)
    raw = " ".join(text[best[0] : best[1]].split())
    if raw.endswith(("'s", "'S")):
        raw = raw[:-2]
    words = [w.casefold() for w in raw.split()]
    toks = [t.casefold() for t in c.tokens]
    if (
        len(raw.replace("-", " ").split()) < len(c.tokens)
        or "," in raw
        or (words != toks and sorted(words) == sorted(toks))
    ):
        raw = " ".join(c.tokens)  # "YEH, Jia Yu" -> "Jia Yu Yeh"; "Bodde Peter" reversed
    if raw.isupper() or any(w.isupper() and len(w) > 2 for w in raw.split()):
        raw = "-".join(
            " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in part.split())
            for part in raw.split("-")
        )
    return raw


def _signer_and_classifier(
    cable: Cable, zone_text: str, zone_start: int, caps: bool, cands: list[Cand]
) -> None:
    sig = (cable.signature or "").strip()
    signed = ""
    if sig and 1 < len(sig) < 60 and "XXXX" not in sig and sig.casefold() not in lexicon().places:
        pos = zone_text.rfind(sig)
        if pos >= zone_start:
            toks = [
                t.capitalize() if t.isupper() else t for t in _name_words(sig.replace(",", " "))
            ]
            signer = Cand(toks, [], "United States", [(pos, pos + len(sig))], "signer", pos)
            signed = toks[-1].casefold() if toks else ""
            _absorb(cands, signer)
            cands.append(signer)
    cb = cable.classified_by
    if cb is not None:
        for name in cb.names[:2]:
            name = name.strip()
            if not name or "XXXX" in name:
                continue
            pos = zone_text.find(name, zone_start)
            if pos < 0:
                continue
            titles = []
            bare = cb.title.strip() if cb.title else ""
            office_only = bool(OFFICE_SYMBOL.fullmatch(bare)) and (
                bare.upper() not in lexicon().titles_upper
            )
            # (not a title cut short: "DANA MURRAY, SENIOR WATCH OF..." in a line the
            # cable gives again in full; nor a bureau's office alone: "OES/OPA, Evan Bloom")
            if cb.title and not cb.title.endswith("..") and not office_only:
                # "Charge d'Affaires, a.i.", "DIRECTOR, INR/OPS": each part expanded, an
                # office symbol (bureau/office) from the office up: "Director, Office of
                # Intelligence Operations, Bureau of Intelligence and Research"
                upper = caps or cb.title.isupper()
                parts: list[str] = []
                for part in cb.title.split(","):
                    office = OFFICE_SYMBOL.fullmatch(part.strip()) if parts else None
                    if office:
                        acr = lexicon().acronyms.get(office.group())
                        long = ", ".join(reversed(acr[0].split(", "))) if acr else office.group()
                    else:
                        long = expand(part.split(), upper)
                    parts.append(long)
                titles.append((cb.title, ", ".join(p for p in parts if p)))
            toks = [t.capitalize() if t.isupper() and len(t) > 1 else t for t in _name_words(name)]
            if len(toks) == 2 and toks[0].casefold() == signed != toks[1].casefold():
                toks.reverse()  # "Classified By: Ambassador Bodde Peter", signed BODDE
            official = Cand(
                toks, titles, "United States", [(pos, pos + len(name))], "classified_by", pos
            )
            _absorb(cands, official)
            cands.append(official)


_INITIAL_RUN_ON: Final = re.compile(r"\b([A-Za-z]\.)(?=[A-Za-z]{2})")


def _name_words(name: str) -> list[str]:
    """The words of a name as the parser read it, an initial run into the surname split
    off ("C.GREENE" -> "C.", "GREENE"): the surname then joins its other mentions."""
    if "." not in name:
        return name.split()  # no initial (the regex's substitution costs ~10 us a call)
    return _INITIAL_RUN_ON.sub(r"\1 ", name).split()


def _absorb(cands: list[Cand], named: Cand) -> None:
    """Hand ``named`` (the signer or the classifying official, whose full name the parser
    read) every mention the text scan found inside its name, with that reading's titles.

    Why: the scan stops at a name word that is also a country or a common word ("DCM
    William Jordan", "Charge Richard Miles") and keeps the first name as a person of its
    own, which no merge joins to the full name (a first name is not a surname).
    """
    s0, e0 = named.mentions[0]
    for c in list(cands):
        inside = [m for m in c.mentions if s0 <= m[0] and m[1] <= e0]
        if not inside:
            continue
        known = {t[1].casefold() for t in named.titles}
        for t in c.titles:  # the scan's reading: "POLMC" beside the parser's "USEU POLMC"
            if t[1].casefold() not in known:
                named.titles.append(t)
                known.add(t[1].casefold())
        c.mentions = [m for m in c.mentions if m not in inside]
        if c.mentions:
            c.first = min(m[0] for m in c.mentions)
        else:
            cands.remove(c)


def _join_country_prefixed(orgs: dict[str, list[tuple[int, int]]]) -> None:
    """One organisation for "US Barr Labs" and "Barr Labs", "Chilean Supreme Court" and
    "Supreme Court" in one cable: a cable names a body with its country once, then without.
    Not a ministry: where the cable has a host, an unqualified one is already the host's;
    where it has none ("Israeli Ministry of Defense" in a Department cable), an unqualified
    one can be any country's."""
    lex = lexicon()
    for name in list(orgs):
        first, _, rest = name.partition(" ")
        if (
            rest in orgs
            and " " in rest
            and not rest.startswith("Ministry")
            and (
                first in ("US", "U.S.")
                or (first in lex.demonyms and first not in lex.regional)
                or country_named(first)
            )
        ):
            orgs[rest].extend(orgs.pop(name))


_MONTHS: Final = frozenset(
    "January February March April May June July August September October November December".split()
)


def _join_apostrophe_spellings(orgs: dict[str, list[tuple[int, int]]]) -> None:
    """One organisation for "Pakistan People's Party" and the glossary's "Pakistan Peoples
    Party" (its initials "PPP"): two names that differ only by apostrophes, under the
    text's."""
    by_key: dict[str, str] = {}
    for name in sorted(orgs, key=lambda n: -n.count("'")):
        key = name.replace("'", "")
        if key in by_key:
            orgs[by_key[key]].extend(orgs.pop(name))
        else:
            by_key[key] = name


def _join_own_post(orgs: dict[str, list[tuple[int, int]]], origin: str | None) -> None:
    """One organisation for "U.S. EMBASSY" and "EMBASSY BAGHDAD" in a cable from Embassy
    Baghdad: the embassy a post's cable names without a city is the post itself."""
    city = _ORIGIN_PREFIX.sub("", origin or "").strip()
    place = lexicon().places.get(city.casefold()) if city else None
    post = f"United States Embassy {place.name}" if place is not None else ""
    if post not in orgs:
        return
    for name in list(orgs):
        if name.casefold().replace(".", "") in ("us embassy", "american embassy"):
            orgs[post].extend(orgs.pop(name))


_TRANSLATION: Final = re.compile(
    r"[\"\u201d]?[^\S\n]*\([\"\u201c]([^\"\u201d()\n]{3,60})[\"\u201d]\)"
)


def _claimed_span(claimed: list[bool], starts: list[int], s: int, e: int) -> bool:
    """Whether a token from offset ``s`` to ``e`` is claimed (by an organisation)."""
    k = bisect_left(starts, s)
    return k < len(starts) and starts[k] == s and claimed[k]


def _join_translations(orgs: dict[str, list[tuple[int, int]]], text: str) -> None:
    """One organisation for a name and its translation in quotes and brackets just after
    it ('the magazine "Vysshee Obshchestvo" ("High Society")'), when the translation was
    found as an organisation of its own there and nowhere else."""
    if '("' not in text and "(\u201c" not in text:
        return
    where = {span: name for name, spans in orgs.items() for span in spans}
    for name, spans in list(orgs.items()):
        for _s, e in list(spans):
            m = _TRANSLATION.match(text, e)
            if m is None:
                continue
            other = where.get(m.span(1))
            if other is not None and other != name and len(orgs.get(other, [])) == 1:
                spans.extend(orgs.pop(other))


def _extract(cable: Cable) -> Entities:
    text = cable.text or ""
    ents = Entities(reference_id=cable.reference_id)
    if not text.strip():
        return ents
    lex = lexicon()
    zone = annotated_zone(text, cable.reference_id)
    # a curly apostrophe is read as a straight one, offsets kept ("O\u2019Brien", "Lord\u2019s
    # Resistance Army", "Yar\u2019Adua" in press-format cables); mentions, quotes and titles
    # as written still come from the text itself
    curly = "\u2019" in zone.text
    zt = zone.text.replace("\u2019", "'") if curly else zone.text
    caps = zone.caps
    host = host_country(cable.origin)
    host_adj = lex.country_demonym.get(host) if host else None
    own_mfa = host in _MINISTRY_FOR_FOREIGN_AFFAIRS
    toks = tokenize(zt)
    starts = toks.starts
    claimed = [False] * len(starts)
    info, at = wi.classify_where(toks.words, caps, _BITS)
    _dotted_titles(toks, info, at[2], lex.dotted_titles, caps)
    known_at, head_at, scan_at, place_at, acr_at, up0_at = at[0], at[1], at[2], at[3], at[4], at[5]
    cue_at = at[6]
    # a word joined to the one before by "_" is an identifier's or an address's, no name's
    # ("Portal:United_Kingdom" before a London cable's signature)
    glued: set[int] = (
        {k for k in scan_at if k and toks.gaps[k - 1][-1:] == "_"} if "_" in zt else set()
    )
    if glued:
        scan_at = [k for k in scan_at if k not in glued]
        for k in glued:
            claimed[k] = True

    # organisations: known names, then head-noun patterns, then governments
    orgs: dict[str, list[tuple[int, int]]] = {}
    found: list[tuple[int, int, str]] = []
    known_multi: list[int] = []  # where a known name of several words starts
    known_spans: set[tuple[int, int]] = set()
    for m in org_mod.find_known(zt, zone.start, starts, toks.words, known_at):
        form = m.group(1)
        if form == "State" and zt[m.end() : m.end() + 1] != "-":
            continue  # "State" is the Department only in "State-MFA exchanges"
        adj = host_adj
        prev = zt[max(0, m.start() - 20) : m.start()].split()
        if prev and prev[-1] in lex.demonyms and prev[-1] not in lex.regional:
            adj = prev[-1]
        found.append((m.start(), m.end(), org_mod.canonical_known(form, adj)))
        known_spans.add((m.start(), m.end()))
        if " " in form:
            known_multi.append(m.start())
    heads = [(starts[i], toks.ends[i]) for i in head_at]
    for m in org_mod.find_orgs(zt, zone.start, caps, heads):
        s, e = m.start(), m.end()
        words = zt[s:e].split()
        cut = org_mod.sentence_start(words)  # the end of the sentence before the name
        for w in words[:cut]:
            s = zt.index(w, s) + len(w)
        words = words[cut:]
        # drop sentence words and titles before the organisation's name
        while words and (
            words[0] in org_mod._LEAD_STOP or words[0].capitalize() in org_mod._LEAD_STOP
        ):
            s = zt.index(words[0], s) + len(words[0])
            words = words[1:]
        if len(words) > 3 and words[-2] == "on" and words[-1].rstrip(".,") in _MONTHS:
            # a date after the name: "the MFA's International Organizations Department on
            # December 2"
            e = zt.rindex(" on", s, e)
            words = words[:-2]
        # "Interior Minister Villepin's Cabinet": a title's holder, not the body's name
        # (not a title's or body's own: "Attorney General's Office", "General People's
        # Committee", "Consulate General Monterrey's ...")
        # nor a person's ("Jean-Marie LePen's National Front", "Sarkozy's Union for the
        # Mediterranean"; not "Lord's Resistance Army", "People's Bank"), nor an owner's
        # (``_owner_before``)
        s0 = s
        for hk in range(len(words) - 2, -1, -1):
            holder = words[hk][:-2]
            if words[hk].endswith("'s") and (
                (
                    hk > 0
                    and words[hk - 1] in TITLE_HEADS
                    and wi.classify([holder], caps)[0] & wi.NAME_F
                )
                or (not caps and _person_holder(words[: hk + 1], holder))
                or (len(words) - hk > 2 and _owner_before(words[: hk + 1], holder, lex))
            ):
                for w in words[: hk + 1]:
                    s = zt.index(w, s) + len(w)
                if hk > 0 and holder in org_mod.HEAD_WORDS:
                    # the owner is a body too: "Algerian Defense Ministry's Office of ..."
                    while zt[s0].isspace():
                        s0 += 1
                    owner = " ".join([*words[:hk], holder])
                    found.append((s0, s - 2, org_mod.normalise_org(owner, host_adj)))
                words = words[hk + 1 :]
                break
        if len(words) < 2 and words and words[0] not in ("Duma",):
            continue
        if (
            len(words) == 2
            and words[1] == "Administration"
            and (ruler_name(words[0]) or far_town_ruler(words[0], zt, host))
        ):
            continue  # "the Obama Administration": a man's (people.PeopleFinder.rulers)
        e = _name_after_org(s, e, toks, info)
        words = zt[s:e].split()
        while s < e and zt[s].isspace():
            s += 1
        name = " ".join(words)
        if name.casefold() in lex.places:
            continue  # "Soviet Union", "European Union" as a place name
        if caps:
            name = " ".join(
                w.capitalize() if w.lower() not in ("of", "for", "and", "the") else w.lower()
                for w in words
            )
        found.append((s, e, org_mod.normalise_org(name, host_adj)))
    for m in org_mod.find_govs(zt, zone.start):
        country = None
        if m.group(1) and m.group(1) not in lex.regional:  # not "the Scottish government"
            country = lex.demonyms.get(m.group(1))
        elif m.group(2):
            country = country_named(m.group(2))
        if country:
            found.append((m.start(), m.end(), org_mod.government_of(country)))
    found.extend(org_mod.find_posts(zt, zone.start))
    media = org_mod.find_media(zt, zone.start, toks.words, starts, cue_at) if not caps else []
    found.extend(media)
    # longest first, then in order
    spans: list[tuple[int, int, bool]] = []
    for s, e, name in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if _claim(claimed, starts, s, e):
            orgs.setdefault(name, []).append((s, e))
            spans.append((s, e, (s, e) in known_spans))
    _join_country_prefixed(orgs)
    for alias, name in org_mod.ALIASES.items():
        if alias in orgs:
            orgs.setdefault(name, []).extend(orgs.pop(alias))
    _join_apostrophe_spellings(orgs)
    _join_own_post(orgs, cable.origin)
    _join_translations(orgs, zt)

    # people
    finder = PeopleFinder(zt, toks, caps, claimed, host, info, scan_at)
    for s in known_multi:
        k = bisect_left(starts, s)
        if k < len(starts) and starts[k] == s and claimed[k]:
            finder.org_starts.add(k)
    for s, e, known in spans:
        k = bisect_left(starts, s)
        if k < len(starts) and starts[k] == s:
            finder.org_ends[e] = (k, known)
    defs = acr_mod.definitions(zt[zone.start :])
    if not caps and orgs:
        # initials no glossary knows and the cable never defines, of a body it names
        undefined: dict[str, list[int]] = {}
        for i in acr_at:
            t = toks.words[i]
            if (
                1 < len(t) < 6
                and toks.gaps[i][:1] != "-"  # not a part: "NTM-I", "AL-MEGRAHI"
                and t.isalpha()
                and t.isupper()
                and t not in defs
                and acr_mod.lookup(t, caps) is None
            ):
                undefined.setdefault(t, []).append(starts[i])
        if undefined:
            # (a heading's line is looked at only for the initials that spell a body)
            for t, long_form in acr_mod.by_initials(set(undefined), list(orgs)).items():
                if not all(_caps_line(zt, s) for s in undefined[t]):  # "AL QAEDA" heading
                    defs[t] = long_form
    finder.defined = defs
    finder.scan()
    finder.caps_lists()
    finder.caps_headings()
    finder.rulers()
    cands = finder.cands
    _signer_and_classifier(cable, zt, zone.start, caps, cands)
    people = merge(drop_verb_openers(cands, zt), zt, host)
    link_surnames(people, toks, caps, up0_at, host)
    people = link_initials(people, zt, toks)
    people = link_aliases(people, zt)
    people = link_bracketed_names(people, zt)
    people = drop_headline_verbs(people, zt)
    finder.roles_after_mentions(people)
    finder.form_titles(people)
    people = drop_things_by_context(drop_word_phrases(people), zt)
    eponyms(people, zt, toks, cue_at, lambda s, e: _claimed_span(claimed, starts, s, e))
    if media:
        # a paper named beside the word for it is no one where it stands alone ("Clarin's
        # December 16 edition"): a name no title comes with
        papers = {name for _, _, name in media}
        people = [p for p in people if p.titles or " ".join(p.tokens) not in papers]
    for p in people:
        for s, e in p.mentions:
            i = bisect_left(starts, s)
            j = bisect_left(starts, e)
            for k in range(i, j):
                claimed[k] = True
    for i, j in finder.streets:
        for k in range(i, j):
            claimed[k] = True

    # places
    place_hits = find_places(zt, toks, caps, claimed, info, place_at)
    places: dict[str, Place] = {}
    # mentions of each country, a plain dict (a Counter's methods run as Python code)
    country_mentions: dict[str, int] = {}
    for s, e, g, _i in place_hits:
        pl = places.get(g.name)
        if pl is None:
            pl = places[g.name] = Place(
                name=g.name, kind=g.kind, country=g.country, lat=g.lat, lon=g.lon
            )
        pl.mentions.append(_mention(text, s, e))
        if g.kind == "country":
            country_mentions[g.name] = country_mentions.get(g.name, 0) + 1
        elif g.country:
            country_mentions.setdefault(g.country, 0)

    # acronyms
    tag_countries = [lex.fips[t] for t in cable.tags if t in lex.fips]
    acrs: dict[str, Acronym] = {}
    words, ends = toks.words, toks.ends
    # a token the cable defines (acronyms._DEF) has two capitals or a slash: ACRDEF
    # (without definitions, an ACRDEF token that is no ACR is skipped below)
    gaps = toks.gaps
    joined = -1  # the second part of a hyphenated glossary entry, read with the first
    for i in acr_at:
        s, e, tok = starts[i], ends[i], words[i]
        if i == joined or len(tok) < 2 or not (tok[0].isupper() or info[i] & wi.ACR):
            continue  # (in lower case, only jargon: "reftel")
        if gaps[i] == "-" and i + 1 < len(words) and f"{tok}-{words[i + 1]}" in lex.acronyms:
            tok, e, joined = f"{tok}-{words[i + 1]}", ends[i + 1], i + 1  # "PML-N"
        if tok in defs:
            key, long_form, kind = tok, defs[tok], "defined"
        elif not info[i] & wi.ACR and joined != i + 1:
            continue
        else:
            # wordinfo gives ACR to "Amb" and else only to a token with two capitals, a
            # slash or a long jargon entry: only "Amb" is read as "Amb." (or not at all)
            if tok == "Amb":
                if zt[e : e + 1] != ".":
                    continue
                e += 1
                tok = "Amb."
            hit = acr_mod.lookup(tok, caps)
            if hit is None:
                gm = acr_mod._GOX.fullmatch(tok)
                if not gm:
                    continue
                country = acr_mod.resolve_gox(gm.group(1), host, country_mentions, tag_countries)
                if not country:
                    continue
                key, long_form, kind = tok.upper(), org_mod.government_of(country), "gov"
                s_e = (s, e)
                if _claim(claimed, starts, s, e):
                    orgs.setdefault(long_form, []).append(s_e)
                else:
                    orgs.setdefault(long_form, [])
            else:
                key, long_form, kind = hit
                single = lex.acronyms.get(key[:-1]) if key[-1:] in "sS" else None
                if single is not None and tok[-1:] in "sS" and _plural_of(long_form, single[0]):
                    # a plural the glossary also lists ("REFTELS", "MPs") is a mention of
                    # its singular's entry, spelt as the singular (GUIDELINES section 5)
                    key, long_form, kind = key[:-1], single[0], single[1]
                    tok = tok[:-1]
        a = acrs.get(key.upper())
        if a is None:
            if own_mfa and long_form == _MFA:
                long_form = _own_mfa(long_form)
            a = acrs[key.upper()] = Acronym(short=tok, long=long_form)
        a.mentions.append(_mention(text, s, e))
        if kind == "place":
            gz = lex.places.get(long_form.casefold())
            if gz and _claim(claimed, starts, s, e):
                pl = places.get(gz.name)
                if pl is None:
                    pl = places[gz.name] = Place(
                        name=gz.name, kind=gz.kind, country=gz.country, lat=gz.lat, lon=gz.lon
                    )
                pl.mentions.append(_mention(text, s, e))

    # a group's initials with its number ("G-8", "G20", "G77") are words of one token or
    # two the pass above does not read: the organisation found by its known name gives them
    for org_spans in orgs.values():
        for gs, ge in org_spans:
            if zt[gs] != "G" or ge - gs > 4:
                continue
            short = zt[gs:ge]
            group = lex.acronyms.get(short) if short[:1] == "G" and short[-1:].isdigit() else None
            if group is not None:
                key = short.upper().replace("-", "")  # "G8" and "G-8": one entry
                entry = acrs.get(key)
                if entry is None:
                    entry = acrs[key] = Acronym(short=short, long=group[0])
                entry.mentions.append(_mention(text, gs, ge))
                entry.mentions.sort(key=lambda m: m.start)
                entry.short = entry.mentions[0].text  # as first written

    # assemble
    out_people: list[Person] = []
    speaker_mentions: list[tuple[int, str]] = []
    for c in people:
        name = _person_name(zt, c)
        if defs:
            c.titles = [(a, _defined(a, b, defs)) for a, b in c.titles]
        if own_mfa:
            c.titles = [(a, _own_mfa(b) if "MFA" in a else b) for a, b in c.titles]
        if any(a.startswith(_NEW) for a, _ in c.titles):
            c.titles = _without_new(c.titles)
        ms = sorted(set(c.mentions))
        out_people.append(
            Person(
                name=name,
                titles=[
                    Title(as_written=a, expanded=b)
                    for a, b in (_as_written(a, b, text) if curly else (a, b) for a, b in c.titles)
                ],
                affiliation=c.affiliation,
                mentions=[_mention(text, s, e) for s, e in ms],
                role=c.role,
            )
        )
        speaker_mentions.extend((s, name) for s, _ in ms)
    speaker_mentions.sort()
    ents.people = out_people
    if own_mfa and f"{host_adj} {_MFA}" in orgs:
        # one organisation with the one the cable may spell out ("Ministry for ...")
        orgs.setdefault(_own_mfa(f"{host_adj} {_MFA}"), []).extend(orgs.pop(f"{host_adj} {_MFA}"))
    ents.organizations = [
        Organization(name=n, mentions=[_mention(text, s, e) for s, e in sorted(ms)])
        for n, ms in orgs.items()
        if ms
    ]
    for pl in places.values():
        pl.mentions.sort(key=lambda m: m.start)
    ents.places = list(places.values())
    ents.acronyms = list(acrs.values())
    ents.quotes = [
        Quote(speaker=sp, text=q, start=s, end=e)
        for sp, q, s, e in find_quotes(
            zone.text[zone.start :], [(s - zone.start, n) for s, n in speaker_mentions]
        )
    ]
    for q in ents.quotes:
        q.start += zone.start
        q.end += zone.start
    return ents


_NOT_NAME: Final = wi.MOD | wi.HEAD | wi.ORGHEAD | wi.PLACE1 | wi.ORGACR | wi.KNOWN


def _dotted_titles(
    toks: Tokens, info: list[int], scan_at: list[int], dotted: frozenset[str], caps: bool
) -> None:
    """Give "Sen" of "Sen. Chuck Hagel" the mask of the title "Sen." (the token has no
    stop, the lexicon's entry has): where a capitalised word follows the stop on the line
    or the next, and the word is not a name's last before a sentence ("Prime Minister Hun
    Sen. MM Lee dismissed ..."). Why over the scan's candidates, not a regex over the text:
    a third of a millisecond a cable less."""
    words, gaps = toks.words, toks.gaps
    last = len(words) - 1
    for k in scan_at:
        if k >= last or words[k] not in dotted:
            continue
        g = gaps[k]
        if g[:1] != "." or g.count("\n") > 1 or g[1:].strip() or not words[k + 1][:1].isupper():
            continue
        if (
            k > 0
            and info[k - 1] & wi.NAME_F
            and gaps[k - 1] == " "
            # (a name's word next, not initials: "Conservative Rep. Muriel ...")
            and not (info[k + 1] & wi.NAME_T and (caps or not words[k + 1].isupper()))
        ):
            continue
        info[k] = wi.classify([words[k] + "."], caps)[0]


def _name_after_org(s: int, e: int, toks: Tokens, info: list[int]) -> int:
    """The end of an organisation's name that ran on into a person's: "Department of Civil
    Aviation John Smith" ends at "Aviation" (after "of", a unit's word, then two name
    words)."""
    starts, ends = toks.starts, toks.ends
    a = bisect_left(starts, s)
    k = bisect_left(starts, e)  # one past the last token
    after_of = False
    # the name's second word may lie past the end: the pattern takes at most four words
    # after "of" ("Office of Sub-Saharan Africa Assistance Fabrizio" + "Nava")
    for j in range(a + 1, min(k, len(info) - 1)):
        after_of = after_of or bool(info[j - 1] & wi.OFFOR)
        if (
            after_of
            and info[j - 1] & wi.UP0
            and all(info[m] & wi.NAME_F and not info[m] & _NOT_NAME for m in (j, j + 1))
            and (j + 1 < k or starts[j + 1] == ends[j] + 1)
            and (
                info[j - 1] & (wi.MOD | wi.ORGHEAD | wi.PLACE1)
                # or another capitalised common word ("Sub-Saharan Africa Assistance"),
                # before two words no English noun or verb ("Sensitive Technologies")
                or (
                    not info[j - 1] & wi.NAME_F
                    and all(
                        info[m] & wi.NAME_T and not noun_or_verb(toks.words[m]) for m in (j, j + 1)
                    )
                )
            )
        ):
            return ends[j - 1]
    return e


# The countries whose foreign ministry's own English name is "Ministry for Foreign
# Affairs" (the glossary's MFA is "of"): the name their cables' readers know
_MINISTRY_FOR_FOREIGN_AFFAIRS: Final = frozenset({"Iceland", "Sweden", "Finland"})
_MFA: Final = "Ministry of Foreign Affairs"


def _own_mfa(name: str) -> str:
    """``name`` with the host's own name for its foreign ministry ("Icelandic Ministry
    for Foreign Affairs", "MFA Permanent Secretary" -> "Ministry for Foreign Affairs
    Permanent Secretary")."""
    return name.replace(_MFA, "Ministry for Foreign Affairs")


_NEW: Final = ("new ", "newly ")


def _without_new(titles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Titles without "new" before them: when the holder took it, not what it is ("the
    new Foreign Minister" holds "Foreign Minister"; GUIDELINES section 53)."""
    out: list[tuple[str, str]] = []
    for a, b in titles:
        for q in _NEW:
            if a.startswith(q) and len(a) > len(q):
                a = a[len(q) :]
                b = b[len(q) :] if b.startswith(q) else b
        if (a, b) not in out:
            out.append((a, b))
    return out


def _caps_line(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` is written in capitals (a heading or a
    subject line), by its words of three letters or more."""
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    words = [w for w in text[a : b if b >= 0 else len(text)].split() if len(w) > 2]
    return len(words) > 1 and sum(w.isupper() for w in words) * 5 >= len(words) * 4


def _plural_of(plural: str, single: str) -> bool:
    """Whether one long form is the other's plural, word by word ("Members of Parliament",
    "reference telegrams"): not two bodies that share initials ("PAS", "PA")."""
    a, b = plural.casefold().split(), single.casefold().split()
    return len(a) == len(b) and all(x == y or x == y + "s" for x, y in zip(a, b, strict=True))


def _defined(written: str, expanded: str, defs: dict[str, str]) -> str:
    """A title's expansion with the acronyms the cable defines spelt out ("PSO commander"
    -> "Preventive Security Organization commander"); the glossary's are already."""
    words = expanded.split(" ")
    shown = written.split()
    for i, w in enumerate(words):
        if w in defs and w in shown:
            words[i] = defs[w]
        elif w[-2:] in ("'s", "\u2019s") and w[:-2] in defs and w in shown:
            words[i] = defs[w[:-2]] + w[-2:]  # "NOC's" -> "National Oil Corporation's"
    out = " ".join(words)
    # the cable's own name for a body the glossary names otherwise: "MRE" a ministry, or
    # "DAS" before a title ("DAS Director": Colombia's Administrative Department of
    # Security); not a title's own abbreviation ("CDA Schofer" beside the CDA, a party)
    for w in shown:
        known = lexicon().acronyms.get(w) if w in defs else None
        if (
            known is not None
            and (known[1] in ("org", "gorg") or w != shown[-1])
            and known[0] != defs[w]
        ):
            out = out.replace(known[0], defs[w])
    return out


def extract_entities(cable: Cable) -> Entities:
    """People, organisations, places, acronyms and quotations of one parsed cable."""
    try:
        return _extract(cable)
    except Exception:  # noqa: BLE001 - extraction must never break ingest
        return Entities(reference_id=getattr(cable, "reference_id", None))
