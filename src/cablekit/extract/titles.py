"""Titles and roles as cables write them before (or after) a name.

``FM`` -> Foreign Minister, ``U/S`` -> Under Secretary, ``AMBASSADOR`` -> Ambassador:
a title is a chain of title words (heads such as Minister, qualifiers such as Foreign,
``former``) and abbreviations from the glossary, ending next to the name.
"""

from __future__ import annotations

from typing import Final

from cablekit.extract.lexicon import lexicon

# Words that can end a title chain (the head of the title).
HEADS: Final = frozenset(
    """
    President Minister Ambassador Secretary Undersecretary Under-Secretary Subsecretary
    Subdirector Director Chairman
    Chairwoman Chair Chairperson Senator Governor King Queen Prince Princess Sheikh Shaikh Shaykh
    Emir Amir Sultan Judge Justice Advisor Adviser Spokesman Spokeswoman Spokesperson
    Counselor Counsellor Consul Officer Envoy Representative Commander Head Leader Mayor
    Speaker Archbishop Cardinal Monsignor Bishop Father Pope Professor Colonel Brigadier
    General Major Captain Lieutenant Admiral Marshal Attache Secretary-General Chief
    Coordinator Deputy Prosecutor Attorney Congressman Congresswoman Councilor Councillor Member
    Delegate Commissioner Superintendent Inspector Editor Rabbi Imam Ayatollah Mullah
    Patriarch Premier Chancellor Lord Economist Analyst Journalist Correspondent Activist
    Lawyer Businessman President-elect Vice-President Vice-Minister Viceminister Candidate
    Senator-elect Governor-elect Mayor-elect Legislator Deputy-Minister Ombudsman Auditor
    Administrator Manager Owner Founder Secretary-general Rector Dean Sergeant Colonel
    Charge Counselor Adjutant Magistrate Clerk Consul-General Undersecretary-General Nuncio
    Archimandrite Reverend Pastor Cleric Cmdr Commandant Warlord Vicar Abbot Assemblyman
    Minister-Counselor Lieutenant-General Major-General Brigadier-General Commander-in-Chief
    Counsel Parliamentarian Mufti Lady Baroness Viscount
    Specialist Negotiator Scientist Rapporteur Consultant Treasurer Comptroller Researcher
    Investigator Registrar Mediator Prefect Commodore Academician Corporal Columnist Whip
    Sheik Agent Guide Prophet Baron Minster Scholar Planner Strategist Laureate
    Secretario Brigadeiro Diputado Diputada Senador Senadora Capitan
    Comandante Coronel Teniente Presidente Presidenta Ministro Ministra Embajador Embajadora
    Embaixador Embaixadora Gobernador Governador Prefeito Vereador
    Almirante Canciller Subsecretario Procurador Desembargador Intendente Tenente
    """.split()
)
# Words that qualify a head inside a chain ("Deputy Foreign Minister", "Political M/C").
MODIFIERS: Final = frozenset(
    """
    Deputy Vice Assistant Under Acting Special Permanent Principal Senior Executive Chief
    Crown Diplomatic Chancellery Agency Ministry
    Foreign Defense Defence Interior Finance Justice Economy Economic Trade Health Education
    Political Military Commercial Consular Public Affairs International National Security
    Cooperation Prime First Second Third Regional General Presidential Parliamentary
    Provincial State Federal Foreign-Affairs Labor Labour Energy Agriculture Environment
    Culture Information Communications Transport Transportation Industry Commerce Tourism
    Planning Development Human Rights Legal Press Protocol Desk Affairs Multilateral Bilateral
    Strategic Planning Arms Control Nonproliferation Counterterrorism Intelligence Police
    Army Navy Naval Air Force Forces Staff Joint Minority Majority Opposition Party Committee
    Commission Council Department Division Directorate Office Bureau Section Unit Duma
    Defense-Committee Supreme Grand Interim Transitional Caretaker Associate Managing Elder
    Auxiliary Honorary Ministerial Americas Europe European Asia Asian Africa African
    Western Eastern Northern Southern Central Middle East Near Multilateral Relations
    High Mission Staff Planning Export Budget Operations Programs Program Policy
    Secretariat Territorial Administration d'Affaires D'Affaires d'affaires Desk-Officer
    Armed Cabinet Home Internal External Exterior Social Public Urban Rural Water Oil
    Petroleum Mines Mining Housing Sports Youth Family Religious Tax Customs Immigration
    Treasury Civil Aviation Maritime Fisheries Science Technology Medical Electoral
    Constitutional Judicial Legislative Administrative Personnel Logistics Nuclear Atomic
    Emergency Refugee Migration Telecommunications Statistics Audit Anti-Corruption
    Coast Guard Marine Marines Border Customs Investigation Investigative Prosecution
    Protection Welfare Resources Works Services Integration Reform Reconstruction Solidarity
    Country Team
    Infrastructure Heritage Equality Employment Investment Privatization Innovation
    Decentralization Veterans Minerals Forestry Irrigation Livestock Gender Coordination
    Governance Ecology Ecumenical Apostolic Papal Islamic Commanding Presiding
    """.split()
)
# Lower-case roles cables write before a name as its label ("Chilean judge Orlando
# Alvarez", "AQ leader Ayman al-Zawahiri", "presidential advisor Jose Obdulio Gaviria"),
# or after it in an apposition ("X, head of the FTAA Coordinating Office").
LOWER_HEADS: Final = frozenset(
    """
    leader chief head member president chairman chairwoman chair chairperson advisor
    adviser activist minister officer spokesman spokeswoman spokesperson
    journalist reporter correspondent editor commander director judge attorney lawyer
    prosecutor soldier candidate businessman businesswoman economist analyst governor
    mayor senator ambassador diplomat professor cleric imam sheikh bishop priest
    dissident blogger writer negotiator envoy representative coordinator founder owner
    manager executive entrepreneur politician legislator parliamentarian deputy
    councilor councillor commissioner counselor counsellor ombudsman rector dean
    secretary general colonel captain lieutenant sergeant admiral vice-president justice
    counsel dealer trafficker financier bomber murderer assassin hijacker kidnapper
    smuggler dictator warlord kingpin boss tycoon magnate
    scholar historian academic filmmaker novelist poet singer artist missionary nun
    columnist magistrate intellectual strongman defendant emissary scientist
    pastor distributor publisher vice-minister vice-president-elect president-elect
    governor-elect mayor-elect
    researcher painter investigator engineer inspector clerk accountant administrator
    philosopher consultant physician doctor surgeon teacher lecturer architect banker
    lobbyist campaigner photographer commentator preacher rabbi mullah ayatollah monk
    archbishop detective informant defector hostage prisoner detainee inmate fugitive
    militant guerrilla lawmaker congressman congresswoman assemblyman assemblywoman
    delegate councilman councilwoman auditor comptroller treasurer chancellor specialist
    technician protester facilitator playwright composer musician actor actress speaker
    cameraman
    """.split()
)
# Lower-case roles that label a person named by the surname alone ("leader Nasrallah");
# the others need a fuller name ("member Betty Amores", not "member States").
STRONG_LOWER_HEADS: Final = frozenset(
    """
    leader president minister judge attorney lawyer prosecutor spokesman spokeswoman
    journalist activist senator governor mayor ambassador commander director chairman
    candidate advisor adviser chief
    """.split()
)
# Lower-case words that qualify such a role ("presidential advisor", "opposition leader").
LOWER_MODS: Final = frozenset(
    """
    deputy vice assistant acting senior chief executive foreign defense defence interior
    finance justice economy economic trade health education political military commercial
    consular presidential parliamentary provincial federal regional national security
    opposition party union labor labour energy agriculture oil police army intelligence
    opposition municipal local state tribal religious spiritual civic opposition legal
    campaign general prime press communications human rights student youth women's
    film movie music television radio newspaper media arms drug narcotics counter-narcotics
    counternarcotics counter anti crime militia rebel insurgent terrorist traditional illicit
    business Islamic Catholic Orthodox Coptic Anglican Evangelical Muslim Christian Jewish
    Buddhist Shia Shiite Shi'a Shi'ite Sunni Druze Maronite
    policy team junta paramilitary faction bloc delegation cell country investigating
    strategic affairs international diplomatic nuclear environmental cultural
    investigative independent constitutional
    famous prominent leading noted veteran renowned popular influential convicted democracy
    auxiliary wealthy climate
    jailed imprisoned exiled dissident wealthy powerful longtime career floor company firm
    desk action
    """.split()
)
# Sub-unit nouns: an organisation acronym before a title holding one is part of the title
# ("UN Division Head", "MFA Afghan Desk Officer"), else the person's affiliation ("NSC
# Director", "USEU Political M/C").
UNIT_NOUNS: Final = frozenset(
    {"Desk", "Division", "Department", "Office", "Bureau", "Section", "Unit", "Directorate", "Team"}
)
# the unit nouns a body's initials before them name a unit with ("MFA NATO Office")
_UNIT_BODY_NOUNS: Final = UNIT_NOUNS - {"Desk"}
QUALIFIERS: Final = frozenset(
    {
        "former",
        "acting",
        "then",
        "late",
        "retired",
        "outgoing",
        "incoming",
        "new",
        "newly",
        "interim",
        "previous",
        "de-facto",
        "then-",
        "ex",
        "ex-",
    }
)
_LOWER_QUALIFIERS: Final = frozenset({"former", "then", "late", "retired", "outgoing", "incoming"})
HONORIFICS: Final = frozenset(
    {
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "H.E.",
        "Sir",
        "Dame",
        "Messrs",
        "Madame",
        "Mme",
        "Mssrs",
        "Herr",
        "Senor",
        "Sra",
        "Sr",
        "Don",
        "Dona",
        "Engineer",  # "Engineer Amirzai Sangin": in Afghan and Arab usage, as "Dr."
        # a congressional or staff delegation by the name of who leads it ("Codel Pingree",
        # "STAFFDEL ANDERSON"): the name is the member's, the delegation no title of theirs
        "Codel",
        "CoDel",
        "Staffdel",
        "StaffDel",
    }
)

# Titles that, with no nationality before them, mark a US official in a US cable.
US_TITLES: Final = frozenset(
    {
        "U/S",
        "A/S",
        "DAS",
        "PDAS",
        "ASD",
        "DASD",
        "ASD/ISA",
        "S/E",
        "DCM",
        "Ambassador",
        "Amb.",
        "Amb",
        "Charge",
        "CDA",
        "PolCouns",
        "POLCOUNS",
        "PolMC",
        "POLMC",
        "M/C",
        "Secretary",
        "Senator",
        "Congressman",
        "Congresswoman",
        "Consul General",
        "CG",
        "DATT",
        "PolOff",
        "Poloff",
        "POLOFF",
        "EconOff",
        "Econoff",
        "EmbOff",
        "Emboff",
        "ConOff",
        "Conoff",
        "SRAP",
        "Rep.",
        "Sen.",
        "SecDef",
        "SecState",
        "Under Secretary",
        "Assistant Secretary",
        "Deputy Assistant Secretary",
        "Special Envoy",
        "Political Counselor",
        "Economic Counselor",
        "Consul",
        "Deputy Secretary",
        "Minister-Counselor",
        "Political Minister-Counselor",
        "Economic Minister-Counselor",
    }
)


def is_title_abbr(tok: str, caps: bool) -> bool:
    lex = lexicon()
    if tok in lex.titles:
        return True
    return caps and tok.upper() in lex.titles_upper and len(tok) > 2


def singular(word: str) -> str | None:
    """The singular of a plural title head ("Counselors" -> "Counselor", "opposition
    leaders" -> "leader", "businessmen" -> "businessman"), else None."""
    if word.islower():
        if word.endswith("men"):
            base = word[:-3] + "man"
        elif word.endswith("ies"):
            base = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            base = word[:-1]
        else:
            return None
        # not "heads", "chairs": a verb as often ("Griffiths heads Charles Taylor's team")
        return base if base in LOWER_HEADS and base not in ("head", "chair") else None
    if len(word) < 5 or word[-1:] not in "sS" or word[-2:] in ("ss", "SS"):
        return None
    w = word.capitalize() if word.isupper() else word
    if w.endswith("ies") and w[:-3] + "y" in HEADS:
        base = word[:-3] + ("Y" if word.isupper() else "y")
        return base
    if w[:-1] in HEADS and w[:-1] not in ("Ministerial",):
        return word[:-1]
    return None


def expand_token(tok: str, caps: bool) -> str:
    """Expand one token of a title: an abbreviation, or a word in mixed case."""
    lex = lexicon()
    if tok in lex.titles:
        return lex.titles[tok]
    acr = lex.acronyms.get(tok) if "-" in tok else None
    if acr and acr[1] in ("org", "gorg"):
        return acr[0]  # "PML-N Finance Secretary": a body's acronym with a hyphen
    if "-" in tok.strip("-"):
        # "Econ-Political", "Minister-Counselor": each part on its own
        return "-".join(expand_token(p, caps) for p in tok.split("-"))
    part = lex.title_parts.get(tok) or (lex.title_parts.get(tok.capitalize()) if caps else None)
    if part:
        return part
    if tok in ("ex", "Ex", "EX", "ex-"):
        return "former"
    if tok.lower() in _LOWER_QUALIFIERS:
        return tok.lower()  # "FORMER KING" -> "former King" ("Acting" stays a title word)
    up = tok.upper()
    if up in lex.titles_upper and (caps or tok.isupper()):
        return lex.titles_upper[up]
    if tok.isupper() and len(tok) > 1:
        acr = lex.acronyms.get(tok)
        if acr and acr[1] in ("title", "org", "gorg"):
            return acr[0]
        if acr and acr[1] == "concept" and not caps:
            # what the role covers, spelt out as the body before a title is: "MEPP desk
            # officer", "anti-TIP activist", "WMD Controls Policy Section" (in a cable of
            # capitals a concept's initials may be a word: "START", "AIDS")
            return acr[0]
        if caps:
            return tok.capitalize()
    return tok


def _names_a_unit(words: list[str], k: int) -> bool:
    """Whether the words from k, after a body's initials, go on to a unit's noun within a
    few capitalised words (or "and" another body): "UN Political Team", "NATO Office",
    "NATO and ESDP Department" name a unit; "UN Desk Officer" is a desk of the UN."""
    if k < len(words) and words[k] in ("and", "&"):
        return True
    for m in range(k, min(k + 3, len(words))):
        if words[m] in _UNIT_BODY_NOUNS:
            return True
        if not words[m][:1].isupper() or words[m] == "Desk":
            return False
    return False


# "Charge" and what follows it, lower-cased, apostrophes straight, spaces left out
_AFFAIRES_SPELT: Final = frozenset({"d'affairs", "deaffairs", "deaffaires", "d'affaires"})


def _charge_d_affaires(words: list[str], k: int) -> int:
    """How many words from k spell "Charge d'Affaires", also misspelt or split ("Charge
    d'Affairs", "Charge de Affairs", "Charge d' Affaires"); 0 if they do not."""
    if words[k].lower() != "charge":
        return 0
    for m in (2, 3):
        rest = "".join(words[k + 1 : k + m]).lower().replace("\u2019", "'")
        if k + m <= len(words) and rest in _AFFAIRES_SPELT:
            return m
    return 0


def expand(words: list[str], caps: bool) -> str:
    """The expansion of a title chain, word by word.

    Two-word glossary entries first ("Charge d'Affaires"); a State Department bureau
    before the title is spelt out where it stands, as any body before a title is
    (GUIDELINES section 3: "WHA Assistant Secretary" -> "Western Hemisphere Affairs
    Assistant Secretary"). A body's acronym is spelt out where it stands ("former UN
    Secretary General", "MFA UN Desk Officer", "Director General for EU Affairs"), unless
    it begins a unit's name ("MFA NATO Office Director", "Head of the UN Political Team")
    or, after the first word, is a State Department bureau's ("MFA AF Assistant
    Secretary-equivalent": another ministry's).
    """
    lex = lexicon()
    # a body's initials in brackets after its name ("Ministry of External Affairs (MEA)
    # Joint Secretary"): the name says it already
    words = [w for w in words if not (w[:1] == "(" and w[-1:] == ")" and w[1:-1].isupper())]
    if len(words) > 1:
        acr = lex.acronyms.get(words[0])
        if acr and acr[0].startswith("Bureau of ") and words[0].isupper():
            return acr[0][len("Bureau of ") :] + " " + expand(words[1:], caps)
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        m = _charge_d_affaires(words, k)
        if m:
            out.append("Charge d'Affaires" if w[0].isupper() else "charge d'affaires")
            k += m
            continue
        if k + 1 < len(words):
            pair = f"{w} {words[k + 1]}"
            hit = lex.titles.get(pair) or (
                lex.titles_upper.get(pair.upper()) if caps or pair.isupper() else None
            )
            if hit:
                out.append(hit)
                k += 2
                continue
        country = (
            lex.places.get(w.casefold())
            if k == 0 and len(words) > 1 and w.isupper() and 1 < len(w) <= 4
            else None
        )
        if country is not None and country.kind == "country" and country.name != "United States":
            # a country's initials as the title's place: "UAE Foreign Minister" -> "United
            # Arab Emirates Foreign Minister", "UK PM" -> "United Kingdom Prime Minister"
            acr = lex.acronyms.get(w)
            out.append(acr[0] if acr and acr[1] == "place" else country.name)
            k += 1
            continue
        inside = k > 0 and not caps and any(x.lower() not in QUALIFIERS for x in words[:k])
        acr = lex.acronyms.get(w) if inside else None
        # the body a title is of or to, as its last word ("Ambassador to the UN"); one
        # that more words follow names a unit ("Director of the NATO and ESDP Department")
        after_join = (
            inside and k == len(words) - 1 and words[k - 1].lower() in ("the", "to", "of", "for")
        )
        place = lex.places.get(w.casefold()) if after_join and w.isupper() else None
        # a body's initials with a possessive after "the", or first, begin the unit or role
        # they own: "in the MFA's Israel Department" -> "in the Ministry of Foreign
        # Affairs' ...", "IOM's regional representative"
        owner = (
            lex.acronyms.get(w[:-2])
            if w.endswith(("'s", "\u2019s"))
            and (
                # (or after a nationality: "of the Libyan MFA's International Organizations
                # Office")
                (inside and (words[k - 1].lower() == "the" or words[k - 1] in lex.demonyms))
                or (k == 0 and len(words) > 1)
            )
            else None
        )
        if owner and owner[1] in ("org", "gorg"):
            mark = w[-2]
            out.append(owner[0] + (mark if owner[0].endswith("s") else mark + "s"))
        elif after_join and acr and acr[1] in ("org", "gorg"):
            # "Permanent Representative to NATO": to the North Atlantic Treaty Organization
            the = words[k - 1].lower() != "the" and not acr[0].startswith(("the ", "The "))
            out.append(f"the {acr[0]}" if the else acr[0])
        elif place is not None and place.kind == "country" and len(w) < 5:
            out.append(place.name)  # "Ambassador to the US": the United States
        elif (
            acr
            and acr[1] in ("org", "gorg")
            and w not in lex.titles
            # after an owner's possessive it is what the role covers: "MFA's UNSC Desk
            # Officer" -> "... United Nations Security Council Desk Officer"
            and not (k == 1 and words[0].endswith(("'s", "\u2019s")))
            # and so is a desk's body: "MFA UN Desk Officer", "FCO DRC Desk Officer"
            and _names_a_unit(words, k + 1)
        ):
            out.append(w)  # a body inside a unit's name stays: "MFA NATO Office Director"
        elif acr and acr[1] in ("org", "gorg") and w not in lex.titles:
            # "MFA UN Desk Officer", "Senior Policy Advisor at UK IPO"; a State bureau's
            # initials inside another's title stay ("MFA AF Assistant Secretary-equivalent")
            out.append(w if acr[0].startswith("Bureau of ") else acr[0])
        else:
            out.append(expand_token(w, caps))
        k += 1
    if caps:
        out = [w if w != w.upper() or len(w) < 2 else w.capitalize() for w in out]
        if out:
            out = [out[0]] + [
                w.lower() if w.lower() in ("of", "for", "the", "and") else w for w in out[1:]
            ]
    return " ".join(out)
