"""People: names after titles, full names, the signer and the classifying official.

Cable grammar: a title (``FM``, ``Israeli DCM``, ``former Foreign Minister``) or an
honorific (``Mr.``) comes before the name; a full name (``Yuval Fuchs``) is given once,
then the surname alone (``Fuchs``), in capitals in the SUBJECT line (``LIEBERMAN``),
inside compounds (``Lavrov-Lieberman``) and with ``'s`` / ``,s`` possessives. A name
is accepted on one of these signals, then every later surname mention is joined to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from cablekit.extract import wordinfo as wi
from cablekit.extract.acronyms import _GOX
from cablekit.extract.lexicon import english_words, fold, lexicon
from cablekit.extract.titles import (
    HEADS,
    LOWER_MODS,
    MODIFIERS,
    QUALIFIERS,
    STRONG_LOWER_HEADS,
    UNIT_NOUNS,
    US_TITLES,
    expand,
    singular,
)
from cablekit.extract.zone import Tokens
from cablekit.parse.posts import KNOWN_STATIONS, canonical_station
from cablekit.parse.tags import SUBJECT_CODES

ORG_HEADS: Final = frozenset(
    {
        "Fund",
        "Committee",
        "Commission",
        "Council",
        "Bank",
        "Agency",
        "Division",
        "Department",
        "Directorate",
        "Office",
        "Bureau",
        "Ministry",
        "Court",
        "Assembly",
        "Party",
        "Institute",
        "Service",
        "Unit",
        "Exchange",  # "Deputy Chairman of the Egyptian Stock Exchange"
    }
)
RANKS: Final = frozenset(
    {
        "Ambassador",
        "General",
        "Brigadier",
        "Colonel",
        "Admiral",
        "Judge",
        "Sheikh",
        "Shaikh",
        "Professor",
        "Captain",
        "Lieutenant",
        "Dr",
        "Amb",
        "Commodore",
        "Sheik",
        "Academician",
    }
)
PARTICLES: Final = frozenset(
    {
        "al",
        "bin",
        "ibn",
        "de",
        "da",
        "del",
        "della",
        "la",
        "van",
        "von",
        "di",
        "du",
        "el",
        "dos",
        "das",
        "le",
        "y",
        "der",
        "den",
        "ben",
        "abu",
        "Al",
        "El",
        "Bin",
        "Abu",
        "Ibn",
        "De",  # inside a name: "Julio De Vido", "Karel De Gucht" (not a name's first word)
        "Abdul",
        "Abd",
        "ould",  # "son of" in Mauritanian and Malian Arab names: "Baba ould Sidi Elmoctar"
        "ag",  # and in Tuareg names: "Attaher ag Intallah"
        "ur",  # the Arabic article in South Asian names: "Zaki-ur-Rehman", "Zia-ul-Haq"
        "ul",
        "ud",
    }
)
STOP: Final = frozenset(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Summary Comment End Note Begin Text Subject Ref Classified
    Reason Reasons Septel Reftel God Allah Islam Islamic Christian Christians Muslim Muslims
    Jewish Jews Catholic Catholics Orthodox Sunni Sunnis Shia Shiite Shiites Shi'a Shi'ite
    Shi'ites Shi'i Kurdish Kurds Econ Intern Interns
    Arab Arabs Western Eastern Northern Southern North South East West New Old Embassy
    Mission Post Department Government Ministry Congress Parliament Senate Court Cabinet
    Presidency Republic Democratic Party Union United Nations State States Council
    Assembly Committee Commission Agency Bank Forces Army Navy Police Office Bureau The
    Mr Mrs Ms Dr Sir Madam His Her Their Our Your My We They He She It Its I You
    Excellency Majesty Highness Holiness Ambassadors Ministers Officials Members Leaders
    Also Although However Meanwhile Moreover Nevertheless Thus Therefore Finally Instead
    Per Via Re AKA Aka Post's Embassy's Charge's Ambassador's Deputy Chief Director Secretary
    International National Federal Regional Provincial Central Supreme Special Foreign
    Defense Interior Finance Justice Affairs Security Cooperation Development Human Rights
    Peace Process Agreement Treaty Conference Summit Law Act Plan Program Programme
    Initiative Strategy Dialogue Talks Group Organization Movement Front Alliance Coalition
    Reactor Fleet Air Base Farms Convention Phase Protocol Accord Declaration Resolution
    Station Port Airport Field Camp Project Pipeline Dam Bridge Highway Road Street Avenue
    Square Palace House Hall Building Tower Center Centre Hotel Park River Lake Mountain
    Mountains Valley Island Islands Sea Bay Strait Canal Province District Region City Town
    Village County Municipality Marxist Leninist Communist Socialist Islamist Maoist Energy
    Title Relays Division Unit Working Pushback Update Readout Overview Outlook Way Forward
    Next Steps Visit Meeting Meetings Latin Persian Arabic Slavic Turkic Anglo Hispanic
    Asian African European Fund War Wars Cup Olympics Games Revolution Day Era Internet Web
    Google Facebook Twitter Cablegate Wikileaks XXXXXXXXXXXX People Peoples Corps Dear
    Caucasian Balkan Baltic Scandinavian Nordic Mediterranean Caribbean Andean Levantine
    """.split()
)
# Head words that make the capitalised words before them the name of a thing, not of a
# person: facilities, firms, systems (a person's name is not followed by "Road");
# agreements, laws, regions and events ("Free Trade Area", "Nile Basin", "Penal Code",
# "Universal Periodic Review", "Pan Am Games"); parties named by their members ("the
# Liberal Democrats", "the Lib Dems") and newspapers ("Gulf Times"). Not the heads that
# often follow a person's name used as a modifier, which names the person ("the McCain
# Amendment", "the John Kerry Initiative", "the Varela Project": Act, Plan, Prize ...),
# nor words that are also surnames ("Anthony Lake", "Bernard Law", "Park", "Van Dam").
NAMED_THINGS: Final = frozenset(
    """
    Road Street Avenue Boulevard Blvd Ave Highway Bridge Square Airport Port Station Stadium
    Parkway Pkwy Avenida Rua Rodovia Aeroporto Aeropuerto Centro Transportes
    Hospital Center Centre
    University College School Institute Foundation Database System Company Co Corporation
    Corp Ltd Limited Inc Group Holdings Industries Enterprise Enterprises Trading Lines
    Airlines Airways Bank Hotel Mosque Church Temple Pagoda Cathedral Market Mall Refinery
    Plant Factory Prison
    Agreement Agreements Accord Accords Treaty Convention Protocol Code Regulations Directive
    Rights Review Process Mechanism Framework Dialogue Strategy Area Areas Zone Basin
    Peninsula Valley Mountains Sea Gulf Island Islands Desert Corridor Strait Canal Pipeline
    Stream
    Games Cup Festival Forum Summit Conference Blog Website Prize Award Institutes
    Bloc Team Squad Cartel Battalion Brigade Regiment Force Kits Tunnel
    Democrats Republicans Socialists Communists Conservatives Liberals Dems Tories
    Nationalists Islamists Maoists Unionists Loyalists Peronists Sandinistas Chavistas
    Times Post Herald Tribune Journal Gazette Magazine Newspaper Gazeta Zeitung Jornal
    Diario Economico Mercantil Pravda Izvestia Izvestiya Vedomosti
    Labs Laboratories Pharmaceuticals Pharma Mining Mines Minerals Petroleum Oil Motors Telecom
    Engineering Electronics Communications Aviation Aerospace Logistics Shipping Consulting
    Technologies
    Club Troika Republic
    Chapter Article Section Annex Paragraph Clause
    Index Empire Substances Frontier Zones Departments
    Democrat Dem Republican Greens Civil Dei Trinity Adentro
    Masjid Shrine Ashram Sabha Dargah Gurdwara Mandir Madrassa Madrasa Seminary Monastery
    Basilica Synagogue Mausoleum Museum Pact Ocean Glacier Channel Laboratory Sciences Metro
    Hoteles Delta Tech
    """.split()
)
# a street's first word: a title after it is the street's name ("Avenida Presidente Wilson")
_STREET_WORDS: Final = frozenset(
    "Avenida Rua Calle Plaza Praca Estrada Rodovia Alameda Paseo Carrera Avenue Boulevard"
    " Street".split()
)
# a thing's last word that is also a surname: "Fernando de la Rua", "Frank Church"
_THING_SURNAMES: Final = frozenset({"Rua", "Church", "Temple", "Post", "Plant"})
_BODY_WORDS: Final = NAMED_THINGS | ORG_HEADS  # a name's next word that makes it a body's
_SAINTS: Final = frozenset({"San", "Santa", "Santo", "Sao", "SAN", "SANTA", "SANTO", "SAO"})
# Countries whose people bear a father's and a mother's surname ("Honorato Lopez Isla",
# later "Lopez"); see _called
_IBERIAN_NAMES: Final = frozenset(
    """Spain Mexico Guatemala Honduras Nicaragua Panama Cuba Colombia Venezuela Ecuador
    Peru Bolivia Chile Argentina Uruguay Paraguay Brazil Portugal""".split()
    + ["El Salvador", "Costa Rica", "Dominican Republic"]
)
# Countries whose posts report in Spanish names ("El Tiempo" is a paper, not a name).
_SPANISH_SPEAKING: Final = frozenset(
    """Spain Mexico Guatemala Honduras Nicaragua Panama Cuba Colombia Venezuela Ecuador
    Peru Bolivia Chile Argentina Uruguay Paraguay""".split()
    + ["El Salvador", "Costa Rica", "Dominican Republic"]
)
# Lower-case nouns after a name that make it a place's ("the Dar Al Salaam area", "the
# Nile Delta region", "Entre Rios province")
_PLACE_NOUNS: Final = frozenset(
    "area district neighborhood neighbourhood suburb governorate municipality township region"
    " province island port county valley village town".split()
)
# a building's or a site's noun after a name ("Juan Santamaria airport", "the Lal mosque")
_FACILITY_NOUNS: Final = frozenset(
    "airport mosque shrine temple church cathedral stadium hospital prison camp hotel"
    " refinery bridge highway dam".split()
)
# What a place is called, before "of" and its name ("the village of Jid Hafs")
_PLACE_KINDS: Final = frozenset(
    "village town city province district governorate region area neighborhood neighbourhood"
    " suburb state island port municipality county".split()
)
# The legal form of a firm, also after a comma ("Brinkley Africa, Ltd.").
_FIRM_SUFFIXES: Final = frozenset("Ltd Limited Inc Incorporated LLC PLC Plc Corp GmbH".split())
# Words that make the capitalised words after them the name of a thing, not of a person:
# parts of a text ("Article IV", "Chapter VII"), operations, exercises and storms
# ("Operation Enduring Freedom", "Hurricane Katrina"), and the heads of Spanish and
# Portuguese names of parties, bodies, places and newspapers ("Partido Popular", "Casa
# Civil", "Folha de Sao Paulo"): as the first word of a name, or (THING_BEFORE) just
# before it. "... with the Hague Tribunal Rasim Ljajic": "Tribunal" is no THING_BEFORE.
THING_BEFORE: Final = frozenset(
    "Article Articles Chapter Annex Operation Hurricane Hurricanes Cyclone Typhoon Exercise San"
    " Santa Santo Sao Super".split()
)
# Words for a paper, a firm or a group before its name ("the Egyptian newspaper Al Masry Al
# Youm", "the daily Clarin", "the British law firm Mishcon de Reya"), unless another name
# comes first: "Al-Wasat newspaper Mansour Al-Jamri" is its editor
_FIRM_NOUNS: Final = frozenset(
    "firm company bank newspaper daily magazine weekly airline brewery NGO network channel"
    " station website agency consultancy hotel restaurant corporation conglomerate"
    " manufacturer carrier insurer outlet tabloid paper publication organization group".split()
)
THING_FIRST: Final = THING_BEFORE | frozenset(
    """
    Section Paragraph Clause Partido Partida Casa Fuerza Fuerzas Frente Movimiento Polo
    Banco Consejo Ministerio Tribunal Corte Sala Asamblea Congreso Instituto Fundacion
    Universidad Plaza Avenida Calle Estado Folha Jornal Diario Revista Grupo Empresa
    Secretaria Procuraduria Fiscalia Policia Ejercito Comision Comite Protocolo Acuerdo
    Tratado Ley Pacto Declaracion Programa Proyecto Camara Senado Sindicato Confederacion
    Federacion Asociacion Compania Sociedad Upper Lower Consulate Consulates Congen
    Centro Fondo Agencia Organizacion Fundacao Companhia Corporacion Universidade Coalicion
    Alianza Direccion Servicio Oficina Comando Prefeitura Governo Conselho Associacao
    Confederacao Federacao
    Rua Rodovia Carrera Aeroporto Aeropuerto Andar Edificio Vila Estrada Embassies
    La Le Les Los Las
    Ansar Jamaat Jamaa Jama'at Jammat Jamiat Markaz Tehrik Tehreek Ittihad Ikhwan Ikhawan
    Lashkar Sipah Tanzeem Majlis Anjuman Shura Jaish Harakat Hizb Shatt Shat Borg Burj Jebel
    Jabal Wadi Souk Audiencia
    Renta Bono Armeria Deportes
    Aguas Caja Isla Islas Cordillera Sierra Defensor Defensoria Correo Complexo Foz Autopistas
    Brigada Cidade Ciudad Circulo Clinica Derechos Desarrollo Empresas Unidad Unidades Aduanas
    Bahia Puerto Laguna Cerro Valle Barrio Esteros Cultivo Encuesta Carta Controle Heroes
    Tier Phase Stage Round Title Category Tranche Schedule
    Eid
    Parti Fondation Reseau Conseil Assemblee Ministere Mouvement Rassemblement Societe
    Banque Caisse Agence Institut Syndicat Confederation Federation Groupe Compagnie
    Universite Ecole Chambre Partito Fondazione Movimento Banca Associazione Consiglio
    Ministero Comitato Istituto Universita Societa Compagnia Unione Federazione Agenzia
    Gruppo Partei Stiftung Verband Gesellschaft Zentrum Verein Kammer Ministerium Partij
    Stichting Vereniging Ministerie Obshchestvo Partiya Soyuz Dvizheniye
    Cayo Playa Punta Lago Solidaridad Accion Cambio Convergencia Renovacion Seguros Boletin
    Lei Forca Lega Patria
    """.split()
)
# A descriptive role after "a"/"an" ("Migi, an accountant,"): its last word names a person.
ROLE_NOUNS: Final = frozenset(
    """
    judge lawyer chief head member leader expert official analyst activist journalist
    diplomat cleric candidate adviser advisor deputy aide envoy student professor doctor
    priest imam mullah bishop businessman businesswoman spokesman spokeswoman politician
    academic economist scientist engineer commander officer magistrate prosecutor
    missionary nun pastor counsel
    """.split()
)
_ROLE_ENDINGS: Final = ("er", "or", "ist", "ant", "ent", "ian", "ive", "man", "woman", "ee")
_NOT_ROLES: Final = frozenset(
    "number matter letter paper order water center quarter event moment statement document"
    " comment point percent content element incident agreement government movement"
    " alternative initiative objective incentive man woman later earlier other another"
    " former latter after never ever however rather further together whether under over"
    " either neither longer greater lower higher upper inner outer"
    # kin: a relation to someone, not a role ("the brother of ...")
    " brother father mother sister daughter son wife husband".split()
)
# lower-case words that can follow the title of an apposition ("Lebedov, Second Secretary
# in the MFA"); any other ("..., the DCM met with") makes the title a new clause's subject
_AFTER_APPOSITION: Final = frozenset(
    "in at of for with to from on and or who whose since until under during designate elect"
    " emeritus nominee ad interim".split()
)
# Small words a topic's name does not have in Title Case, a headline's do: "Cooperation
# with PPP Requires Action Against Governor Taseer", "to Washington And Secretary Clinton"
_HEADLINE_WORDS: Final = frozenset(
    "a an and against as at by for from in into of on or over the to under with".split()
)

# Months' names that are also given names ("Gretar Mar Sigurdsson", "May Otaibi")
_MONTH_NAMES: Final = frozenset("Mar May June April".split())
_PREPOSITIONS: Final = frozenset("with to by from for of about".split())
# ... and with no article before it, none of these words either (a clause's)
_BARE_NOT: Final = frozenset(
    """
    a an his her him their its whose he she they it we our my your them another other this
    these those some any each every no both all were was is are had has have been be will
    would could should may might did does do went also still now then always often never
    not though although unlike like just even once
    """.split()
)
_ROLE_BREAKS: Final = frozenset("the to in on and or who whom which that is was".split())
# an apposition's title runs on past its chain only if it is of or for something ...
_OF_WORDS: Final = frozenset("of for at with".split())
# lower-case words that end a role after "of" ("chief of staff", "head of government")
_ROLE_OF_ENDS: Final = frozenset("staff state government mission station".split())
# endings of nouns (a plural, "-tion", "-ment"...): "Joint Commitments", "Energy Efficiency"
_NOUN_ENDS: Final = ("s", "tion", "ment", "ity", "ance", "ence", "ness", "ship", "ics", "ism")
# ... and over none of these words (a clause, a list, another person)
_TAIL_BREAKS: Final = frozenset(
    "and or but who whom whose which that is was are were has had have will would said says"
    " told also as by when where while since after before than now then currently".split()
)
_NOT_TAIL_NAME: Final = wi.ORGHEAD | wi.PLACE1 | wi.KNOWN | wi.ORGACR
_QUOTES: Final = '"\u201c\u201d'
# a line that ends with one of these goes on on the next
_GOES_ON: Final = (" and", " the", " of", " to", " for", " with", " by", " in", " or")
# small words inside a body's name that its initials may leave out
_SMALL_WORDS: Final = frozenset("of for and the a an on in de del la y des du et".split())
_PLURAL_ACRONYM: Final = re.compile(r"[A-Z]{2,}s").fullmatch  # "IDPs", "NGOs": never a name's word
_UNIT_ACRONYM: Final = re.compile(r"[A-Z]{2,5}").fullmatch  # "PSO" in "PSO commander"
# a body's name may begin with these ("National Frontier Service (SENAFRONT)")
_NAME_MODS: Final = frozenset({"national", "federal", "general", "state", "central"})
# a body's initials in brackets after its name: "National Frontier Service (SENAFRONT)"
_BODY_INITIALS: Final = re.compile(r"[A-Z]{2,9}").fullmatch
_REDACTED: Final = re.compile(r"[Xx]{3,}").fullmatch
_POSSESSIVE: Final = frozenset({"'s", "\u2019s"})
# a name's verb before a title it is given: "is the Ambassador", "was appointed Director"
_COPULAS: Final = frozenset("is was became remains".split())
_MADE: Final = frozenset("appointed named elected promoted".split())
# lower-case words a Title Case headline keeps ("Ambassador Discusses Trade with the FM")
_HEADLINE_SMALL: Final = frozenset(
    "a an and as at by for from in into of on or over the to with -- - :".split()
)
# what a hyphen can add to a title's head: "President-elect", "Minister-equivalent"
_HEAD_SUFFIXES: Final = frozenset(
    {"elect", "designate", "equivalent", "nominee", "ELECT", "DESIGNATE", "NOMINEE"}
)
GIVEN_OK: Final = frozenset(
    {
        "Mark",
        "Bill",
        "Rose",
        "Grace",
        "Hope",
        "Faith",
        "Frank",
        "Dean",
        "Victor",
        "Don",
        "Guy",
        "Ray",
        "Bob",
        "Gene",
        "Pat",
        "Rich",
        "Art",
        "Chase",
        "Hunter",
        "Chance",
        "Young",
        "King",
        "Long",
        "Black",
        "White",
        "Brown",
        "Green",
        "Gray",
        "Grant",
        "Price",
        "Rice",
        "Burns",
        "Bush",
        "Powell",
        "Wells",
        "Hill",
        "Carter",
        "Abbas",
        "Singh",
        "Jordan",
        "Ali",
        "Bishop",
        "Sharif",
        "Strong",
        "Page",
        "Cook",
        "Marshall",
    }
)
# Endings of Slavic, Caucasian and Persian surnames: a lone "Medvedev" is a person.
SURNAME_ENDINGS = (
    "ov",
    "ev",
    "in",
    "sky",
    "ski",
    "skiy",
    "enko",
    "yan",
    "ian",
    "dze",
    "shvili",
    "vich",
    "ovic",
    "evic",
    "nejad",
    "zadeh",
    "yev",
    "yeva",
    "ova",
    "eva",
    "ina",
    "uk",
    "chuk",
)
# Presidents and Secretaries of State of the cables' years: a title alone would say "host".
US_LEADERS: Final = frozenset(
    {
        "Obama",
        "Bush",
        "Clinton",
        "Reagan",
        "Carter",
        "Ford",
        "Nixon",
        "Johnson",
        "Kennedy",
        "Rice",
        "Powell",
        "Albright",
        "Christopher",
        "Baker",
        "Shultz",
        "Kissinger",
        "Rusk",
        "Vance",
        "Haig",
        "Rogers",
        "Biden",
        "Cheney",
        "Gates",
        "Rumsfeld",
        "Eagleburger",
        "Gore",
    }
)
SPEECH: Final = frozenset(
    """
    said told stated noted explained added asked stressed commented emphasized emphasised
    argued agreed insisted claimed warned replied responded described believes believed
    thinks thought suggested urged complained acknowledged confirmed reported admitted
    announced expressed opined observed underscored highlighted cautioned remarked
    recalled predicted promised pledged lamented indicated assured conceded questioned
    countered offered proposed reiterated added says notes tells
    """.split()
)


@dataclass(slots=True)
class Cand:
    """A person as gathered from the text."""

    tokens: list[str]  # name tokens in mixed case
    titles: list[tuple[str, str]] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    first: int = 0  # offset of the first mention

    @property
    def surname(self) -> str:
        return _last_name(self.tokens)


_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _last_name(tokens: list[str]) -> str:
    """The surname of a name's words: its last, but before a suffix ("Eduardo Aguirre, Jr.")."""
    if not tokens or len(tokens[-1]) > 4:
        return tokens[-1] if tokens else ""  # no suffix is that long: the common case, fast
    for t in reversed(tokens):
        word = t.strip(",.")
        if word.casefold() not in _SUFFIXES:
            return word
    return tokens[-1] if tokens else ""


def country_named(tok: str) -> str | None:
    """The country a word names ("U.S.", "Russia"), else None."""
    e = lexicon().places.get(tok.casefold())
    return e.name if e is not None and e.kind == "country" else None


def noun_or_verb(word: str) -> bool:
    """Whether a word has the shape of an English plural or verb form rather than a name:
    "-ies", "-ing" ("Technologies", "Sensing"), or a common word with an -s
    ("Contributes")."""
    low = word.lower()
    if low.endswith(("ies", "ing")):
        return True
    common = lexicon().common
    return any(low.endswith(end) and low[: -len(end)] in common for end in ("es", "s"))


def _given_word(tok: str) -> bool:
    """A given name as lists write it after "SURNAME, ": a capital, then lower case."""
    return len(tok) > 1 and tok[0].isupper() and tok[1:].islower() and tok.isalpha()


def _mixed(tok: str) -> str:
    """A token in mixed case: LIEBERMAN -> Lieberman, AL-ASAD stays split by the caller."""
    if tok.isupper() and len(tok) > 1:
        if "'" in tok:
            return "'".join(p.capitalize() for p in tok.split("'"))
        return tok.capitalize()
    return tok


# lower-case words a hyphenated compound after a name ends in ("Annan-led"): no syllable
# of a given name ("Kim Jong-il")
_COMPOUND_ENDS: Final = frozenset(
    """led run era born based style type like made owned free wide level class elect
    year old law to on up off out down over ist ite ism wing might may will""".split()
)
# a form's answers, after a title and a colon: no name
_ANSWERS: Final = frozenset("Yes No None Unknown Unavailable TBD".split())
# lower-case nouns a thing's name comes before ("the Patriot Angel exercises"), and the
# words that may follow them there (not a verb's object: "Barack Obama exercises his veto")
_EVENT_NOUNS: Final = frozenset({"exercise", "exercises", "maneuvers", "drills"})
_AFTER_NOUN: Final = frozenset(
    "in with at on of for from to near off and or that this next last scheduled planned"
    " held will would were was are is began begin ended end".split()
)
_RANK_ABBR_DOT: Final = frozenset(
    {
        "Amb",
        "Gen",
        "Col",
        "Sen",
        "Rep",
        "Lt",
        "Maj",
        "Capt",
        "Adm",
        "Sgt",
        "Gov",
        "Pres",
        "Sec",
        "Dir",
        "Min",
        "Dep",
        "Asst",
        "Brig",
        "Cmdr",
        "Rev",
        "Msgr",
    }
)
# "Ambassador to the U.S.", "Minister of Defense"
_EXT_WORDS: Final = frozenset({"of", "for", "to", "in", "at"})
# what a unit after "in the" or "at the" ends on: a body ("Minister at the Bavarian State
# Chancery", "Second Secretary at the British Embassy", "Officer in the Economic Section")
_AT_ENDS: Final = (
    ORG_HEADS
    | UNIT_NOUNS
    | frozenset(
        "Embassy Consulate Mission Section Chancery Secretariat Government Presidency Cabinet"
        " Parliament Senate Team Group Center Centre".split()
    )
)
# Last words of units' names besides the heads of bodies ("Center for Middle East
# Studies", "Task Force", "the KDNP Caucus"): a title's unit can end on them
_UNIT_ENDS: Final = frozenset("Studies Research Caucus Force Group Team Affairs".split())
_RANK_PREFIX: Final = frozenset(
    {"Brigadier", "Major", "Lieutenant", "Lt", "Maj", "Brig", "Rear", "Vice"}
)
# words an apposition may say of a title's holder before the title ("Safwat El Sherif, the
# powerful secretary-general of ..."): no part of it
_DESCRIPTIVE: Final = frozenset(
    """powerful influential prominent outspoken respected popular veteran longtime
    long-time controversial charismatic well-known hardline hard-line moderate reformist
    ambitious articulate energetic affable savvy seasoned capable experienced elderly aging
    ailing embattled beleaguered""".split()
)
# a form's name line and the title line under it (the title may wrap onto a line with no
# label of its own)
_FORM_NAME_TITLE: Final = re.compile(
    r"(?im)^[ \t]*(?:-+[ \t]*)?(?:full[ \t]+)?name[ \t]*:[ \t]*(?P<name>\S[^\n]*?)[ \t]*\n"
    r"[ \t]*(?:-+[ \t]*)?(?:title|position|current[ \t]+position)[ \t]*:[ \t]*"
    r"(?P<title>\S[^\n]*(?:\n(?![ \t]*\n)(?![^\n:]{0,40}:)[^\n]*)?)"
)
_BRACKETED: Final = re.compile(r"\([^()]*\)")
# where a form's title line goes on to another title: a semicolon, or a comma before a
# title's first word ("Member of Parliament, Vice Chairman of the Independence Party"; not
# "Minister of Education, Science and Culture")
_FORM_TITLE_BREAK: Final = re.compile(
    r";|,(?= (?:Vice|Deputy|Assistant|Acting|Former|Senior|Special|Permanent|Member|Minister"
    r"|Chairman|Chairwoman|Chair|President|Director|Head|Secretary|Ambassador|Advisor"
    r"|Adviser)\b)"
)
# heads a "General" after is a rank's, no office's "X General" ("Armed Forces Commander
# General Freddy Padilla", "Army Chief General Deepak Kapoor"; not "Attorney General")
_HEADS_BEFORE_RANK: Final = frozenset({"Commander", "Chief"})
# capitalised words that do not name a title's body ("On Monday President Lula")
_NOT_PREFIX: Final = frozenset(
    """January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Summary Comment End
    Note Begin Text Subject Ref Reason Septel Reftel The This That These Those Both Then
    When While After Before During Since Until Under Over Consulate Mission Post
    Department Excellency Excellencies Majesty Highness Holiness Eminence""".split()
)
# words that join the end of an earlier name to the words before a title ("Head of State
# General Abubakar"), and the particles inside a place's name ("Rio de Janeiro Governor")
_JOINS: Final = frozenset({"of", "for", "and", "&"})
_CHARGE: Final = frozenset({"Charge", "CHARGE", "Charg"})
_AFFAIRES: Final = frozenset({"Affaires", "AFFAIRES", "affaires", "Affairs", "AFFAIRS", "affairs"})
# a source's protection marked after the name: "Gough (strictly protect throughout),"
_PROTECT: Final = frozenset({"protect", "strictly", "protected"})
# words before a field's that make it another title's ("Minister of Defense and King
# Abdullah"), and a title's words of rank, not of a field ("Finance and Prime Minister")
_AND_TOPIC_NOT_AFTER: Final = frozenset({"of", "for", "to", "in", "&", "on"})
_RANK_MODIFIERS: Final = frozenset(
    "Prime Vice Deputy Senior First Second Third Assistant Chief Executive Special Principal"
    " Acting Under Associate Lead Permanent Private Personal Junior Grand Supreme Interim"
    " Co General".split()
)
_PRONOUNS: Final = frozenset("she he they we it both his her their our its this that".split())
# an article or determiner in capitals, which begins a sentence, not a title's field
# a rank's word joined to a title by a hyphen, not a title alone
_HYPHEN_RANKS: Final = frozenset({"vice", "Sub", "sub", "SUB"})
# a form's field labels, before their colon ("DOB: 08 MAY 1959", "SERVICE: INDIAN POLICE")
_FORM_LABELS: Final = frozenset(
    """
    Service Date Dob Name Rank Unit Gender Sex Position Title Nationality Address Phone
    Telephone Fax Email Course Passport Occupation Citizenship Born Agency
    """.split()
)
_STOPISH: Final = frozenset("the a an these those all each every some any".split())
# the first words of a unit's or its officer's title that two regions may come before
# ("Middle East and North Africa Director"), and the directions a region's name may drop
# ("East and Central Africa")
_REGION_DESK_HEADS: Final = UNIT_NOUNS | {"Director", "Deputy", "Head", "Officer", "Coordinator"}
_DIRECTIONS: Final = frozenset({"East", "West", "North", "South", "Central"})
# a post's word before its place and a title: "Embassy Vatican DCM" (the place is the post's;
# "Consulate" names no title's body, _NOT_PREFIX)
_POST_WORDS: Final = frozenset({"Embassy"})
_PEERS: Final = frozenset({"Lord", "Baroness", "Lady", "Viscount"})
# what may come before a name at the start of a line: a list letter or number, a paragraph
# mark, a portion marking ("A.  (U)  ", "¶3. ", "(SBU) ", "- ")
_LINE_MARKER: Final = re.compile(
    r"\s*(?:\u00b6?[A-Z0-9]{1,2}[.)]\s*)?(?:\([A-Z/]{1,6}\)\s*)?(?:-\s*)?"
)
_PLACE_PARTICLES: Final = frozenset({"de", "do", "da", "del", "di", "dos", "das"})
# words that open a list of names in a cable in capitals: "(I.E. GENARO GARCIA LUNA, ..."
_LIST_OPENERS: Final = frozenset({"I.E.", "E.G.", "INCLUDING", "NAMELY"})
# buildings and sites, often named for a person: a name with one of these is none
_FACILITIES: Final = frozenset(
    """Library Airfield Airbase AirBase Airstrip Airport Museum Hospital University College
    Terminal Stadium Hotel Palace Cathedral Mosque Barracks Seaport Harbour Harbor Memorial
    Mausoleum Bridge Highway Avenue Street Boulevard Square Academy Facility Theater Theatre
    Industry Industries Institute School Seminary Centre""".split()
)
# words that open a street's name in Portuguese and Spanish ("Rua Oslo", "Avenida
# Constituyentes"); later in a name they are surnames ("Fernando de la Rua")
_STREET_FIRST: Final = frozenset({"Rua", "Avenida", "Calle", "Praca"})
# the second of two particles inside a name: "de la Cueva", "de los Santos", "van der Berg"
_SECOND_PARTICLES: Final = frozenset({"la", "las", "los", "der", "den"})
# Styles of rulers and clerics: after an office a second title ("Foreign Minister Shaykh
# Abdullah", "Assistant Minister of Defense and Aviation Prince Khaled")
# the first words of a second title after "and" ("Minister of Economics and Deputy Minister
# President"), not a unit's ("for Disarmament and Nonproliferation Ambassador X")
_SECOND_TITLE_FIRST: Final = frozenset(
    "Deputy Vice Assistant Acting Senior Chief Head Secretary Director Chairman Chair".split()
)
_STYLES: Final = frozenset(
    "Shaykh Sheikh Shaikh Prince Princess King Queen Emir Amir Sultan Ayatollah Lord Lady"
    " Baroness Viscount".split()
)
_CONSULATE: Final = frozenset({"Consulate", "CONSULATE", "ConGen", "CONGEN"})
# a verb's -es after a hissing sound or "o" ("Pushes", "Goes"); "Payes" is a name
_ES_STEMS: Final = ("ses", "shes", "ches", "xes", "zes", "oes")
# styles of rank that name no office: a given name with one is still the same person
_COURTESY: Final = frozenset("Shaykh Sheikh Shaikh Prince Princess Lord Lady".split())
# ... of which these are family names too, after a given name and before no other name
_STYLE_SURNAMES: Final = frozenset({"Sheikh", "Shaikh"})
# Between a title and its name: "(German Chancellor) Merkel", "the 'Foreign Minister' Lavrov"
_TITLE_NAME_GAPS: Final = frozenset({"", ")", '"', "'", '")', "')"})
_NAME_GAPS: Final = frozenset({" ", "  ", "-", " \n", "\n", " \n ", "\n "})
_TITLE_WORD: Final = wi.DEM | wi.QUALL | wi.ABBR | wi.HEAD | wi.MOD | wi.ORGACR
# PeopleFinder.scan skips a candidate without _STEP_SELF (a nationality, qualifier,
# modifier, acronym or name word) whose next token has none of _STEP_NEXT (after a name
# word _STEP_NEXT_N, after a qualifier also PLACE1): no title head or name can follow, so
# _step would return i + 1. These mirror title_chain and _step: a new rule there that can
# start at such a token, or read such a next token, needs its bit here.
_STEP_SELF: Final = wi.HON | wi.ABBR | wi.HEAD | wi.SURN
_STEP_NEXT: Final = wi.QUALL | wi.ABBR | wi.HEAD | wi.MOD | wi.ORGACR | wi.DEM | wi.OFFOR
_STEP_NEXT_N: Final = _STEP_NEXT | wi.NAME_T | wi.PART | wi.SPEECH


def _space(gap: str) -> bool:
    """A gap of white space inside one paragraph."""
    return gap.strip() == "" and "\n\n" not in gap and len(gap) < 6


# a person's own title nouns: an organisation's name before a title never holds one
# ("Diplomatic Advisor Frederic Mondoloni Foreign Minister ...", "Political Officer
# Congress"), where "General Assembly", "Council of Ministers", "Lord's" may
_TITLE_NOUNS: Final = STRONG_LOWER_HEADS | frozenset(
    "officer secretary counselor counsellor deputy undersecretary".split()
)


class PeopleFinder:
    """Runs over the zone's tokens once; see the module docstring for the signals.

    Word classes come from :mod:`wordinfo` (one bit mask per token); the scan visits only
    the tokens that can start a title, an honorific or a name.
    """

    def __init__(
        self,
        text: str,
        toks: Tokens,
        caps: bool,
        claimed: list[bool],
        host: str | None,
        info: list[int] | None = None,
        scan_at: list[int] | None = None,
    ) -> None:
        self.text = text
        self.words = toks.words
        self.starts = toks.starts
        self.ends = toks.ends
        self.gaps = toks.gaps
        # around titles, line continuations are white space ("Vice President \\\nFrancisco")
        self.tgaps = [g.replace("\\", " ") for g in toks.gaps] if "\\" in text else toks.gaps
        self.caps = caps
        self.claimed = claimed  # per token: already an organisation or place
        # tokens where a known organisation of several words starts ("White House"): a
        # name never runs into one ("the Obama White House")
        self.org_starts: set[int] = set()
        # the organisations found before people, by the offset where each ends: the token
        # where it starts, and whether it is a known name ("American Airlines")
        self.org_ends: dict[int, tuple[int, bool]] = {}
        # the acronyms the cable defines in brackets ("(SSIS)")
        self.defined: dict[str, str] = {}
        # names the text calls a place's or a firm's ("the village of Jid Hafs"): nobody's
        self.cued: set[tuple[str, ...]] = set()
        # token ranges of streets named for a title and a name: no place's ("Faria Lima")
        self.streets: list[tuple[int, int]] = []
        self.host = host
        self.info = info if info is not None else wi.classify(toks.words, caps)
        # the tokens with wi.SCAN, when the caller has them
        self.scan_at = scan_at if scan_at is not None else wi.where(self.info, wi.SCAN)
        self.lex = lexicon()
        self.cands: list[Cand] = []
        self._headings: dict[int, bool] = {}  # line start -> a Title Case heading line
        self._extended = False  # the last title chain read "of/for <unit>"
        self._list_title = False  # the last apposition was a list's ("X and Y, advisors")
        self._appos_at = -1  # where the title of the last apposition read began
        self._prefix_from = 0  # where the words the last _title_prefix gave begin
        self._pending_at = -1  # where the title waiting for the next one begins

    # -- token classes -------------------------------------------------------------
    def _word(self, tok: str) -> str:
        return tok.capitalize() if self.caps or tok.isupper() else tok

    def demonym(self, tok: str) -> str | None:
        return self.lex.demonyms.get(self._word(tok))

    def nameish(self, i: int, after_title: bool) -> bool:
        if not after_title and self.claimed[i]:
            return False
        f = self.info[i]
        if not f & (wi.NAME_T if after_title else wi.NAME_F):
            return False
        if f & wi.INIT:  # an initial: "Alice G. Wells"
            e = self.ends[i]
            return self.text[e : e + 1] == "."
        return True

    def gap(self, i: int) -> str:
        """Text between token i and token i + 1."""
        return self.gaps[i]

    def _name_gap_ok(self, i: int) -> bool:
        g = self.gaps[i]
        if g in _NAME_GAPS:
            return True
        if g.strip() == "":
            # up to five blanks across a line break, but not a table's column gap
            # ("Cacique Nutibara Bloc    La Ceja")
            return len(g) < 6 and ("\n" in g or len(g) < 3)
        return g.strip() == "." and len(self.words[i]) == 1

    def name_at(self, i: int, after_title: bool) -> int:
        """Index past the name starting at token i (i when there is none)."""
        j = i
        words = self.words
        info = self.info
        n = len(words)
        if (
            after_title
            and i + 2 < n
            and not info[i] & wi.NAME_T
            and info[i] & wi.UP0
            and words[i].isalpha()
            and len(words[i]) < 6
            and _space(self.tgaps[i])
            and info[i + 1] & wi.NAME_T
            and self._syllable_after(i + 2)
        ):
            return i + 3  # "Secretary General Ban Ki-moon": a common word as a surname
        if (
            after_title
            and words[i] == "Jan"
            and i + 1 < n
            and _space(self.tgaps[i])
            and info[i + 1] & wi.NAME_T
        ):
            j = i + 1  # "Prime Minister Jan Peter Balkenende": a given name, not January
        while j < n and j - i < 5:
            if (
                info[j] & wi.PART
                # a particle begins a name only after a title: "PM al Maliki" (one particle,
                # a name's word after it: not "Contraloria General de la Republica")
                and (
                    j > i
                    or (
                        after_title
                        and words[j].islower()
                        and j + 1 < n
                        and words[j + 1] not in _SECOND_PARTICLES
                        and words[j + 1].lower() != "affaires"  # "Charge de Affaires"
                    )
                )
                and j + 1 < n
                and self._name_gap_ok(j)
            ):
                # "Tariq Bin Daineh", "Abu al-Fatah": a particle inside a name
                if self.nameish(j + 1, True) or words[j + 1][:1].isupper():
                    j += 1
                    continue
                if (
                    words[j + 1] in _SECOND_PARTICLES
                    and j + 2 < n
                    and self._name_gap_ok(j + 1)
                    and self.nameish(j + 2, True)
                ):
                    j += 2  # "Javier de la Cueva", "Rudi van der Berg": two particles
                    continue
                break
            if (
                not self.nameish(j, after_title or j > i)
                and not (
                    # a capitalised word joined to a particle: "Saif al-Islam", "Nasr al-Din"
                    j > i
                    and info[j - 1] & wi.PART
                    and self.tgaps[j - 1] == "-"
                    and info[j] & wi.UP0
                    and words[j].isalpha()
                    and not info[j] & (wi.HEAD | wi.ORGHEAD | wi.ABBR)
                )
                # a month's name between two of a name's words: "Gretar Mar Sigurdsson", or
                # first after a title or an honorific: "Dr. May Otaibi"
                and not (
                    (j > i or after_title)
                    and words[j] in _MONTH_NAMES
                    and j + 1 < n
                    and _space(self.tgaps[j])
                    and self.nameish(j + 1, True)
                )
            ):
                break
            if j > i and (j in self.org_starts or words[j] in self.defined):
                break  # "Stork SSIS' role": an acronym the cable defines is no name's word
            if self.gaps[j][:1] == ":" and words[j].capitalize() in _FORM_LABELS:
                break  # a form's next label: "RANK: INSPECTOR GENERAL SERVICE: INDIAN ..."
            j += 1
            if j < n and not self._name_gap_ok(j - 1):
                break
            if j < n and "\n" in self.gaps[j - 1] and self.gaps[j][:1] == ":":
                break  # the next line's field label: "ALAA AFIFY ALY \n DOB: 10/29/1983"
        while (
            j - 1 > i
            and j < n
            and info[j - 1] & wi.MOD
            and info[j] & (wi.HEAD | wi.MOD)
            and _space(self.tgaps[j - 1])
        ):
            # a title's first word that the next line or clause goes on with: "Ambassador
            # William Wood \nAssistant Secretary Thomas Shannon", "appointed Ramzan Kadyrov
            # Prime Minister"
            j -= 1
        while j > i and (
            info[j - 1] & wi.PART
            or len(words[j - 1]) == 1
            # a second particle after a first: "Fernandez De La" before a place's "Vega"
            or (j - 2 > i and words[j - 1].lower() in _SECOND_PARTICLES and info[j - 2] & wi.PART)
        ):
            j -= 1  # never end on a particle or an initial
        if j - i >= 2 and j < n and self._syllable_after(j):
            j += 1  # "Kim Jong-il", "Ban Ki-moon": a given name's second syllable
        elif (
            j - i >= 2
            and j < n
            and words[j] in _STYLE_SURNAMES
            and _space(self.tgaps[j - 1])
            and not (j + 1 < n and _space(self.tgaps[j]) and self.nameish(j + 1, True))
        ):
            j += 1  # "Omar Saeed Sheikh, the ...": a style as the family name, no name after
        return j

    def _syllable_after(self, j: int) -> bool:
        """Whether token j is the lower-case second syllable of a hyphenated given name
        ("Jong-il", "Myung-bak", "Ying-jeou"): short, after a short capitalised syllable,
        and no English word such compounds end in ("Annan-led", "Jong-based")."""
        w = self.words[j]
        low = w.lower()
        return (
            self.tgaps[j - 1] == "-"
            and 1 < len(w) < 6
            and w.isalpha()
            and (w.islower() or (self.caps and w.isupper()))
            and len(self.words[j - 1]) < 6
            and low not in _COMPOUND_ENDS
            and not low.endswith("ed")
        )

    # -- passes --------------------------------------------------------------------
    def title_chain(self, i: int) -> tuple[int, list[str], str | None]:
        """Read a title chain forward from token i: (index after it, words, affiliation).

        The words are as written, hyphenated parts joined ("Minister-Counselor") and rank
        abbreviations with their dot ("Amb."); a nationality before the title (or between
        a qualifier and it: "former Peruvian President") is the affiliation, not a word.
        """
        toks = self.words
        info = self.info
        gaps = self.tgaps
        n = len(toks)
        if i >= n:
            return i, [], None
        if i and toks[i - 1][-1:].isdigit() and toks[i].replace(".", "").upper() in ("PM", "AM"):
            return i, [], None  # "12:30 P.M. EST": a time, not a Prime Minister
        lead_aff = None
        lead: list[int] = []  # a party's or group's acronym before the title: part of it
        if not info[i] & _TITLE_WORD and not (info[i] & wi.PLACE and self._two_word_country(i)):
            # "FMLN General Coordinator": a party or group the glossary does not know;
            # "PML-N Finance Secretary": one whose name has a hyphenated part
            t = toks[i]
            part = toks[i + 1] if i + 1 < n and self.tgaps[i] == "-" else ""
            joined = 0 < len(part) < 4 and part.isupper() and part.isalpha()
            if joined:
                t = f"{t}-{part}"
                i += 1
            if (
                self.caps
                or not (1 < len(t) < (9 if joined else 7) and t.isupper())
                or not t.replace("-", "").isalpha()
                or i + 1 >= n
                or not info[i + 1] & (wi.MOD | wi.HEAD | wi.ABBR)
                or not _space(self.tgaps[i])
            ):
                return i, [], None
            acr = self.lex.acronyms.get(t)
            lead_aff = acr[0] if acr and acr[1] in ("org", "gorg") else t
            lead = [i - 1, i] if joined else [i]
            i += 1
        idx: list[int] = []  # token indices of the title's words
        aff = None
        self._extended = False
        j = i
        if (
            info[i] & wi.QUALL
            and i + 2 < n
            and (
                info[i + 1] & wi.DEM
                or self._country(toks[i + 1])
                or self._two_word_country(i + 1)  # "former South Korean President"
            )
            and gaps[i].strip() in ("", "-")
            and gaps[i + 1].strip() == ""
        ):
            idx.append(i)  # "former Peruvian President Fujimori", "the new U.S. Ambassador"
            j = i + 1
        two = (
            self._two_word_country(j)
            if j + 2 < n and info[j] & (wi.DEM | wi.PLACE | wi.QUALL)
            else None
        )
        if two and gaps[j + 1].strip() == "":
            aff = two  # "Saudi Arabia Prime Minister", "New Zealand Foreign Minister"
            j += 2
        elif (
            j == i
            and i > 0
            and j + 1 < n
            and info[i - 1] & wi.PLACE
            and gaps[j].strip() == ""
            and (two := self._two_word_country(i - 1))
        ):
            aff = two  # "South African President": the scan starts at its second word
            j += 1
        elif (
            j == i
            and i > 0
            and info[i - 1] & wi.PLACE1
            and gaps[i - 1] == " "
            and len(toks[i - 1]) < 6
            and toks[i - 1].replace(".", "").isupper()
            and (c := self._country(toks[i - 1]))
            and c.casefold() != toks[i - 1].casefold()  # not "IRAQ AMBASSADOR": to Iraq
        ):
            aff = c  # "PRC Premier", "UK Ambassador": a country's initials are its people's
        elif (info[j] & wi.DEM or idx) and j + 1 < n and gaps[j].strip() == "":
            dem = self.demonym(toks[j]) if info[j] & wi.DEM else self._country(toks[j])
            if dem:
                aff = dem
                j += 1
            elif idx:
                return i, [], None
        elif idx:
            idx.clear()
            j = i
        start = j
        last_head = -1
        while j < n and j - start < 8:
            tok = toks[j]
            f = info[j]
            if f & wi.QUALL and not idx:
                idx.append(j)
            elif f & (wi.ABBR | wi.HEAD):
                if self._extended:
                    break  # "CHIEF OF NATIONAL POLICE LTG JAFFARQOLI SADRI": two titles
                if (
                    last_head == len(idx)
                    and idx
                    and (
                        f & wi.RANK
                        and (
                            self._word(tok) != "General"
                            or self._word(toks[idx[-1]]) in _HEADS_BEFORE_RANK
                        )
                        and self._word(toks[idx[-1]]) not in _RANK_PREFIX
                        or info[idx[-1]] & wi.LOWH
                        and f & wi.UP0
                        or self._word(tok) in _STYLES
                    )
                ):
                    break  # "Deputy Assistant Secretary Ambassador Kaidanow": two titles
                if (
                    last_head == len(idx)
                    and idx
                    and gaps[j][:1] == "."
                    and tok + "." in self.lex.titles
                    and tok not in self.lex.titles
                ):
                    break  # "Special Envoy Sen. George Mitchell": the stop's title is another
                idx.append(j)
                last_head = len(idx)
                if (
                    tok in _CHARGE
                    and j + 2 < n
                    and toks[j + 1] in ("d", "D", "de", "De")
                    and toks[j + 2] in _AFFAIRES
                    and gaps[j + 1].strip() in ("", "'", "\u2019")
                ):
                    # one title, misspelt or split: "Charge d' Affaires", "Charge de Affairs"
                    idx += [j + 1, j + 2]
                    last_head = len(idx)
                    j += 2
                if f & wi.PLURAL:
                    break  # "Political Counselors Mr. Pang and Mr. Xin": names follow
            elif idx and last_head == len(idx) and gaps[j - 1] == "-" and tok in _HEAD_SUFFIXES:
                idx.append(j)  # "President-elect", "Ambassador-designate"
                last_head = len(idx)
            elif idx and last_head == len(idx) and gaps[j - 1] == " " and tok in ("a.i.", "A.I."):
                idx.append(j)  # "Charge d'Affaires a.i.": ad interim
                last_head = len(idx)
            elif (
                idx
                and last_head == len(idx)
                and tok in ("Responsible", "RESPONSIBLE")
                and j + 1 < n
                and toks[j + 1].lower() == "for"
                and _space(gaps[j - 1])
                and _space(gaps[j])
            ):
                idx.append(j)  # "Minister Responsible for Foreign Affairs" (Oman's title)
                last_head = len(idx)
            elif idx and last_head == len(idx) and tok.lower() in _EXT_WORDS and j + 1 < n:
                # "Minister of Economic Development", "Director for United Nations Division"
                ext = self._extension(j)
                if not ext:
                    break
                self._extended = True
                idx.extend(ext)
                last_head = len(idx)
                j = ext[-1] + 1
                if gaps[j - 1].strip() not in ("", "-"):
                    break
                continue
            elif f & (wi.MOD | wi.ORGACR) or (
                idx and tok.lower() in ("of", "for") and j + 1 < n and info[j + 1] & wi.MOD
            ):
                idx.append(j)
            elif (
                idx
                and last_head != len(idx)
                and j + 1 < n
                and info[j + 1] & (wi.MOD | wi.HEAD)
                and (
                    f & wi.DEM  # "MFA Afghan Desk Officer"
                    # "Assistant U.S. Trade Representative": a country's initials
                    or (f & wi.PLACE1 and tok.replace(".", "").isupper() and self._country(tok))
                )
            ):
                idx.append(j)
            else:
                break
            g = gaps[j]
            j += 1
            gs = g.strip()
            if gs not in ("", "-", "."):
                break
            if gs == "." and self._word(tok) not in _RANK_ABBR_DOT:  # "Gen.", "GEN."
                break
        if last_head < 0:
            return i, [], None
        aff = aff or lead_aff
        idx = idx[:last_head]
        idx = lead + idx  # "FMLN General Coordinator"
        end = idx[-1] + 1
        acr = self.lex.acronyms.get(toks[idx[0]])
        if acr and acr[0].startswith("Bureau of ") and len(idx) > 1:
            # "WHA Assistant Secretary": a State Department bureau (expand() says which)
            return end, self._words(idx), aff or "United States"
        if (
            acr
            and acr[1] == "org"
            and len(idx) > 1
            and not any(toks[k] in UNIT_NOUNS or self._word(toks[k]) in UNIT_NOUNS for k in idx)
        ):
            # "USEU Political M/C", "NSC Director": the body is the affiliation, and it
            # stays in the title as written ("MFA Security Policy Director")
            return end, self._words(idx), aff or acr[0]
        return end, self._words(idx), aff

    def _place_ending(self, end: int) -> int:
        """Where a place of one to three words ending at token ``end`` starts, or -1."""
        toks, gaps = self.words, self.gaps
        for n in (3, 2, 1):
            a = end - n + 1
            if a < 0 or any(gaps[m] != " " for m in range(a, end)):
                continue
            if " ".join(toks[a : end + 1]).casefold() in self.lex.places:
                return a
        return -1

    def _regions_before(self, i: int) -> list[str]:
        """Two places joined by "and" just before a unit's title at token i, with a body's
        initials before them: "FCO Middle East and North Africa Director", "Colombia and
        Venezuela Desk Officer", "East and Central Africa Deputy Head". Only before a
        unit's or its officer's title (not "Egypt and Special Envoy Gration", "Syria and
        Lebanon President"), after a word not capitalised, an article or the initials."""
        toks, info, gaps = self.words, self.info, self.gaps
        h = i  # the title's head: the title may hold the second place ("Africa Director")
        while h < min(i + 2, len(toks) - 1) and toks[h] not in _REGION_DESK_HEADS:
            h += 1
        if toks[h] not in _REGION_DESK_HEADS or i < 3:
            return []
        e = h - 1
        if toks[e] in UNIT_NOUNS:
            e -= 1  # "Mexico and Central America Division Director"
        b = self._place_ending(e)
        if b > 0 and toks[b - 1] in _DIRECTIONS and gaps[b - 1] == " ":
            b -= 1  # "Central Africa"
        if not 2 <= b <= i or toks[b - 1] != "and" or gaps[b - 1] != " " or gaps[b - 2] != " ":
            return []
        a = self._place_ending(b - 2)
        if a < 0 and toks[b - 2] in _DIRECTIONS:
            a = b - 2  # "East and Central Africa": East Africa
        if a < 0 or any(gaps[m] != " " for m in range(a, h)):
            return []  # not over a sentence's end: "Tokyo and Athens. Deputy Foreign Minister"
        if a > 0 and info[a - 1] & wi.ORGACR and gaps[a - 1] == " ":
            a -= 1
        elif a > 0 and info[a - 1] & wi.UP0 and toks[a - 1].lower() not in _STOPISH:
            return []
        self._prefix_from = a
        return self._words(list(range(a, i)))

    def _cued_topic(self, k: int) -> bool:
        """Token k ends a run of two or three words in Title Case that a lower-case word or
        a body's initials come just before (a topic's words, not a sentence's first)."""
        toks, gaps = self.words, self.gaps
        m = k
        while k - m < 3 and m > 0 and gaps[m - 1] == " ":
            word = toks[m]
            if (
                not (word[1:].islower() and word.isalpha())
                or word.lower() in _HEADLINE_WORDS  # "PPP Requires Action Against Governor X"
                or word in self.lex.known_surnames
            ):
                return False
            before = toks[m - 1]
            if m < k and (before.islower() or self.info[m - 1] & wi.ORGACR):
                return True
            m -= 1
        return False

    def _with_prefix(
        self, i: int, words: list[str], aff: str | None
    ) -> tuple[list[str], str | None]:
        """A title at token i with the words before it that name its body or place, and
        the affiliation they give."""
        toks = self.words
        prefix = self._title_prefix(i)
        if prefix and aff and toks[i - 1] in _POST_WORDS and self.info[i] & wi.PLACE:
            # "Embassy Vatican DCM": the place names a US post, not whom the officer serves
            # (another country's post has its nationality)
            place = i + (2 if self._two_word_country(i) else 1)
            prefix = [*prefix, *self._words(list(range(i, place)))]
            aff = self._demonym_before() or "United States"
        elif prefix:
            self._drop_name_of(prefix, self.ends[i - 1])
            aff = aff or self._demonym_before()
            prefix = self._party_people(prefix, words[0])
        return prefix + words, aff

    def _title_prefix(self, i: int, lower: bool = False) -> list[str]:
        """Capitalised words just before a title at token i that name its body or place:
        "New York Governor", "Generalitat President", "Bundestag member" (``lower``: the
        title is a lower-case role). Not a nationality or country (the affiliation), a
        name, a title, or a common word."""
        toks, info, gaps = self.words, self.info, self.gaps
        if self.caps or not (lower or info[i] & wi.UP0):
            return []  # not before "former": "Islamist former P.M."
        bracketed = self._bracketed_body(i) or self._quoted_body_before(i)
        if bracketed:
            return bracketed
        body = self._org_before(i)
        if body:
            return body
        regions = self._regions_before(i)
        if regions:
            return regions
        if i > 0 and info[i - 1] & wi.PLACE and self._two_word_country(i - 1):
            return []  # "South African President": the affiliation
        last = self.cands[-1] if self.cands else None
        if (
            last is not None
            and last.titles
            and i
            and last.mentions[-1][1] == self.ends[i - 1]
            and not self.gaps[i - 1].strip()
        ):
            # right after a titled person's name, none of it ("Head of Transatlantic Relations
            # Jonas Daniliauskas Defense Attache Colonel Antanas Jurgaitis": a list of names)
            return []
        k = i - 1
        # three words, or four from a body's initials ("FCO Great Lakes Team Leader"); a
        # body's initials may own the rest ("IOM's Middle East regional representative")
        while (
            k >= 0
            and (i - k <= 3 or (i - k == 4 and info[k] & wi.ORGACR))
            and (
                _space(gaps[k])
                or (
                    gaps[k][:2] in _POSSESSIVE
                    and _space(gaps[k][2:])
                    # a body's initials, the glossary's or the cable's: "the NOC's Chairman"
                    and (info[k] & wi.ORGACR or toks[k] in self.defined)
                )
            )
        ):
            if "\n" in gaps[k] and self.ends[k] - self.text.rfind("\n", 0, self.starts[k]) < 45:
                break  # a short line before: a heading ("Import Division/Keelung Office")
            if toks[k] in _PLACE_PARTICLES and k > 0 and info[k - 1] & wi.UP0:
                k -= 1  # "Rio de Janeiro Governor"
                continue
            if (
                k > 0
                and toks[k - 1] == "St"
                and gaps[k - 1] == ". "
                and self._multiword_place(k - 1, k + 1)
            ):
                k -= 2  # "St. Petersburg CG": the saint's stop is no sentence's end
                continue
            if k + 1 < i and info[k] & wi.QUALL and info[k] & wi.UP0 and self._place_goes_on(k + 1):
                k -= 1  # "New York Governor": a qualifier's word begins the place
                continue
            if toks[k + 1] in UNIT_NOUNS and self._country(toks[k]):
                k -= 1  # "Afghanistan Desk Officer", "U.S.-Canada Division Chief": a unit's
                continue
            if (
                k > 0
                and info[k - 1] & wi.ORGACR
                and _space(gaps[k - 1])
                and not toks[k].replace(".", "").isupper()  # "FCO UK Special Envoy": its own
                and self._country(toks[k])
            ):
                k -= 1  # "FCO Somalia Research Analyst": a body's country desk, no nationality
                continue
            if not (
                info[k] & wi.UP0
                and len(toks[k]) > 1
                and toks[k].isalpha()
                and not info[k] & (wi.DEM | wi.HEAD | wi.ABBR | wi.HON | wi.QUALL | wi.RANK)
                and toks[k] not in _NOT_PREFIX
                and not (  # "Quoting Minister", "Skewering former prime minister"
                    toks[k].endswith("ing")
                    and not info[k] & (wi.PLACE | wi.KNOWN)  # not "Beijing", "Boeing"
                    and (k == 0 or gaps[k - 1].strip()[-1:] in (".", ":", ";", ")"))
                )
                and not self._country(toks[k])
                and not _GOX.fullmatch(toks[k])  # "GoH Foreign Minister": like a nationality
                and not self.demonym(toks[k].removesuffix("s"))  # "the Afghans Mullah Omar"
                and not toks[k].startswith("XX")  # a redaction
                and not (k and self._country_or_demonym(f"{toks[k - 1]} {toks[k]}"))
                and (
                    info[k] & (wi.PLACE1 | wi.ORGHEAD)
                    or self._place_goes_on(k)
                    or not (
                        toks[k].lower() in self.lex.common or toks[k] in self.lex.known_surnames
                    )
                    # a topic's common word after a lower-case one, so not a sentence's
                    # first word: "met Sanctions Officer Otway"
                    or (
                        k > 0
                        and toks[k - 1].islower()
                        and gaps[k - 1] == " "
                        and toks[k] not in self.lex.known_surnames
                    )
                    # or in Title Case after a body's initials: "FCO Sanctions Officer"
                    # (not "APEC BY PRESIDENT")
                    # (or initials no glossary knows, not a place's or a title's: "CBRN
                    # Terrorism Desk Officer")
                    or (
                        k > 0
                        and (
                            info[k - 1] & wi.ORGACR
                            or (
                                _UNIT_ACRONYM(toks[k - 1])
                                and not info[k - 1] & (wi.PLACE1 | wi.ABBR | wi.HEAD)
                            )
                        )
                        and gaps[k - 1] == " "
                        and toks[k][1:].islower()
                    )
                    # or the last of two or three such words: "for Nuclear Issues Team
                    # Leader", "FCO Counter Proliferation Officer"
                    or self._cued_topic(k)
                )
            ):
                break
            k -= 1
        compound = False
        if k >= 0 and k + 1 < i and gaps[k] == "-" and toks[k].lower() not in QUALIFIERS:
            # the first word taken ends a hyphenated name: all of it or nothing
            # ("Jaish-e-Muhammad chief", "anti-Mafia prosecutor", not "Muhammad chief";
            # but "ex-PAC member", "then-HHS Secretary": a qualifier stays out)
            m = k
            while m > 0 and gaps[m - 1] == "-" and toks[m - 1].lower() not in QUALIFIERS:
                m -= 1
            if not all(
                (toks[x].isalpha() and (info[x] & wi.UP0 or len(toks[x]) <= 4))
                or (toks[i] in UNIT_NOUNS and self._country(toks[x]))  # "U.S.-Canada Division"
                for x in range(m, k + 1)
            ):
                return []
            k = m - 1
            compound = True
        if k >= 0 and toks[k] == "and" and not compound:
            # "Energy and Industry Minister", "Work and Pensions Secretary"
            start = self._and_topic(k, i)
            if start >= 0:
                self._prefix_from = start
                return self._words(list(range(start, i)))
        if (
            k == i - 1
            or toks[k + 1] in _PLACE_PARTICLES
            or (k >= 0 and self._place_goes_on(k + 1))
            or (k >= 0 and self._country_or_demonym(f"{toks[k]} {toks[k + 1]}"))
        ):
            return []  # nothing, or half of a two-word place ("Saudi" of "Saudi Arabia")
        j = k - 1 if k > 0 and toks[k] == "the" else k  # "for the Americas Ambassador"
        if (
            k >= 0
            and not compound
            and (
                (info[k] & (wi.HEAD | wi.ABBR) and _space(gaps[k]))
                # (not before a body's initials, "Hall and FCO Sanctions Officer", nor "and"
                # after the name just found, "Corcoran and Moscow Representative Yusufov")
                or (
                    toks[j] in _JOINS
                    and j > 0
                    and info[j - 1] & wi.UP0
                    and not info[k + 1] & wi.ORGACR
                    # (a visit "to Bahrain of Hamas political director ...": no name's end)
                    and not (toks[j] == "of" and self._country(toks[j - 1]))
                    and not (
                        toks[j] == "and"
                        and self.cands
                        and self.cands[-1].mentions[-1][1] == self.ends[j - 1]
                    )
                )
            )
        ):
            return []  # the end of a name before: "Head of State General", "Chief of Staff"
        self._prefix_from = k + 1
        out = self._words(list(range(k + 1, i)))
        if gaps[i - 1][:2] in _POSSESSIVE:
            out[-1] += gaps[i - 1][:2]  # the owner as written: "the NOC's Chairman"
        return out

    def _and_topic(self, k: int, i: int) -> int:
        """Where a field joined by "and" at token k to the title's first words (tokens k+1
        to i) starts, or -1: "Energy and Industry Minister", "Economic and Commercial
        Officer", "Work and Pensions Secretary", "National State Television and Radio
        Company Chairman". The words before are a title's modifiers or common words in
        capitals, one to three of them, after a word not capitalised, a body's initials
        ("BP Production and Exploration Head") or a nationality; not a name, a title, a
        place, or the end of the name just found ("Brown and Foreign Secretary David
        Miliband")."""
        toks, info, gaps = self.words, self.info, self.gaps
        x = k - 1
        if x < 0 or not (_space(gaps[x]) and _space(gaps[k])) or gaps[x] != " ":
            return -1
        if x > 0 and toks[x - 1] in _AND_TOPIC_NOT_AFTER:
            return -1  # another's field: "Minister of Finance and Prime Minister"
        if (
            k + 1 >= len(toks)
            or info[k + 1] & (wi.HEAD | wi.HON)
            or toks[k + 1] in _RANK_MODIFIERS
            or not (
                info[k + 1] & wi.MOD
                or toks[k + 1].lower() in self.lex.common
                or toks[k + 1].lower() in english_words()  # "Pensions"
            )
            or not all(info[m] & wi.UP0 for m in range(k + 1, max(i, k + 2)))
        ):
            return -1  # a second title: "former Finance and Prime Minister Benbitour"
        if not self._field_word(x):
            return -1
        if self.cands and self.cands[-1].mentions[-1][1] == self.ends[x]:
            return -1
        # more words of the field: "National State Television and Radio Company Chairman"
        while x > 0 and k - x < 3 and gaps[x - 1] == " " and self._field_word(x - 1):
            x -= 1
        if x > 0 and toks[x - 1] in _AND_TOPIC_NOT_AFTER and x < k - 1:
            return -1  # "Minister of Economy, Trade and Industry"
        if x > 0 and info[x - 1] & wi.ORGACR:
            # the body's initials too: "FCO Civil Society and Freedoms Officer"
            return x - 1 if gaps[x - 1] == " " else x
        if (
            x == 0
            or not info[x - 1] & wi.UP0
            or info[x - 1] & wi.DEM
            or toks[x - 1].lower() in _STOPISH  # "The Energy and Industry Minister"
            or (x < k - 1 and self._country(toks[x - 1]))
        ):
            return x
        return -1

    def _field_word(self, x: int) -> bool:
        """Whether token x may be a word of a title's field before "and": a title's
        modifier or a common word in capitals, not a name, title, place or pronoun."""
        tok, f = self.words[x], self.info[x]
        return not (
            tok.lower() in _PRONOUNS
            or tok.lower() in _STOPISH
            or not f & wi.UP0
            or not tok.isalpha()
            or len(tok) < 3
            or f
            & (wi.HEAD | wi.HON | wi.ABBR | wi.NAME_F | wi.PLACE | wi.DEM | wi.ORGACR | wi.SPEECH)
            or tok in self.lex.known_surnames
            or not (f & wi.MOD or tok.lower() in self.lex.common)
        )

    def _org_before(self, i: int) -> list[str]:
        """All of an organisation's name that ends just before a title at token i (or in
        its first words, which the title chain read as well), as the organisation pass
        found it: "International Criminal Court Prosecutor", "Lord's Resistance Army
        leader", "Royal Jordanian Airlines senior executive" (the look-back word by word
        stops at a common word or a nationality). Not a nationality or country that opens
        a name no list knows ("Russian Foreign Ministry spokesman", "Venezuela's Central
        Bank": the affiliation), a sentence's first word ("Convicted Hofstad Group
        member"), nor a name holding a title ("Political Officer Congress")."""
        info, toks, gaps = self.info, self.words, self.gaps
        if i == 0 or not self.org_ends or not _space(gaps[i - 1]):
            return []
        found = None
        for j in range(i - 1, min(i + 3, len(self.ends))):
            found = self.org_ends.get(self.ends[j])
            if found is not None:
                if j >= i and not info[i - 1] & wi.UP0:
                    return []  # "Office of the President": the title is the name's end
                break
        if found is None or found[0] >= i:
            return []
        m, known = found
        while m < i - 1:
            w = toks[m]
            if not known and gaps[m] == " " and self._country_or_demonym(f"{w} {toks[m + 1]}"):
                m += 2  # "Costa Rican"
            elif not known and (
                info[m] & wi.DEM or (info[m] & wi.PLACE and gaps[m][:2] in _POSSESSIVE)
            ):
                m += 1
            elif (
                not known
                and "\n" in gaps[m]
                and info[m] & wi.PLACE
                and m > 0
                and not gaps[m - 1][-1:].isspace()
            ):
                m += 1  # a table's cell ends the line before: "D/POB:1968,Taiwan \n Central"
            elif gaps[m] == "-" and toks[m + 1].islower():
                m += 2  # "Mid-level", "London-based"
            elif (
                w.lower() in self.lex.common
                and not info[m] & (wi.MOD | wi.PLACE | wi.KNOWN | wi.ORGHEAD | wi.QUALL)
                and (m == 0 or any(c in gaps[m - 1] for c in ".:;)"))
            ):
                m += 1  # a sentence's first word: "Influential", "Another", "Instead"
            else:
                break
        if (
            m >= i - 1
            or i - m > 8
            or any(
                (toks[x].lower() in _TITLE_NOUNS and gaps[x][:2] not in _POSSESSIVE)
                or info[x] & wi.ABBR  # "Poloff Congress MP"
                or (x < i - 1 and "." in gaps[x])  # "Blake, Jr. \n Embassy Political ..."
                for x in range(m, i)
            )
            or "\n\n" in self.text[self.starts[m] : self.starts[i]]
            # the title opens a line after one of capitalised words alone: a heading or a
            # table's cell ("Police University Detective and Forensic Research Center \n
            # Director WANG, Sheng Meng;"), not wrapped prose
            or ("\n" in gaps[i - 1] and self._heading_line(m))
        ):
            return []  # the look-back word by word decides
        self._prefix_from = m
        return self._words(list(range(m, i)))

    def _heading_line(self, k: int) -> bool:
        """Whether the line of token k, up to it, holds capitalised words and joins alone."""
        a = self.text.rfind("\n", 0, self.starts[k]) + 1
        return all(w[:1].isupper() or w in _JOINS for w in self.text[a : self.starts[k]].split())

    def _demonym_before(self) -> str | None:
        """The country of a nationality just before the body the last ``_title_prefix``
        gave ("Italian Embassy First Secretary": Italy)."""
        k = self._prefix_from
        if k > 0 and self.info[k - 1] & wi.DEM and _space(self.gaps[k - 1]):
            return self.demonym(self.words[k - 1])
        return None

    def _title_before_comma(self, a: int, b: int) -> list[str]:
        """A title written before the name (tokens a..b) and closed by a comma, the name
        closed by another mark: "the head of the Vatican Gendarmerie, Domenico Giani, has",
        "met the Minister of Culture, Mohamed Elmoctar." The title begins a phrase (after
        "the", "a" or a mark) and runs, chain and tail, to the comma."""
        toks, info, gaps, n = self.words, self.info, self.gaps, len(self.words)
        if a > 2 and _space(gaps[a - 1]) and self.demonym(toks[a - 1]):
            a -= 1  # "the current Secretary General, Qatari Abdul Rahman Al Attiyah."
        elif a > 2 and info[a - 1] & wi.HON and _space(gaps[a - 1].lstrip(".")):
            a -= 1  # "the head of the resort's ... consortium, Mr. Bernardino Rojas,"
        if self.caps or a < 2 or "\n\n" in gaps[a - 1]:
            return []
        if gaps[a - 1].strip() == "),":
            # a bracket between the title and the comma: the body's initials or a gloss
            # ("Department of Disarmament and Sensitive Technologies (DDS), Luis Galvao",
            # "Nature Conservation Association (an anti-whaling NGO), Arni Finsson")
            for k in range(a - 1, max(0, a - 7), -1):
                g = gaps[k - 1].strip()
                if g == "(":
                    a = k
                    break
                if g:
                    return []
            else:
                return []
        elif gaps[a - 1].strip() != ",":
            return []
        if b < n and gaps[b - 1].strip()[:1] not in (",", ".", ";"):
            return []
        for h in range(a - 1, max(-1, a - 12), -1):
            if h < a - 1 and gaps[h].strip() not in ("", "-") and gaps[h][:2] not in _POSSESSIVE:
                return []  # another mark: no title runs over it to the comma
            if not info[h] & (wi.HEAD | wi.LOWH) or info[h] & (wi.HON | wi.PLURAL):
                continue  # not "the attorneys, Javier Cueva,": many people's
            s = h
            while s > 0 and info[s - 1] & (wi.MOD | wi.QUALL) and _space(gaps[s - 1]):
                s -= 1  # "Deputy Minister", "former head"
            before = toks[s - 1] if s > 0 else ""
            if before in ("current", "present") and s > 1:
                before = toks[s - 2]  # "the current Secretary General, ...": no qualifier
            if (
                s > 0
                and before not in ("the", "The", "a", "an", "A", "An")
                and gaps[s - 1].strip()[-1:] not in (".", ":", ";", ",", "(")
            ):
                continue
            end, words, _aff = self.title_chain(s)
            if not words:
                continue
            if end < a:
                tail = self._appos_tail(s, end)
                words = self._run_on(words, end, tail)
                end = tail
            return words if end == a and len(words) < 12 else []
        return []

    def _predicate_title(self, b: int) -> list[str]:
        """A title the sentence gives the name (tokens before b) as its complement: "Harold
        Rivas is the Ambassador.", "Juan Perez was appointed Director of the National
        Police". Only a capitalised title, closed by a mark or a word in lower case (not
        "is the Ambassador's contact", not another name after it)."""
        toks, info, gaps, n = self.words, self.info, self.gaps, len(self.words)
        if self.caps or b + 2 >= n or not _space(gaps[b - 1]) or toks[b] not in _COPULAS:
            return []
        k = b + 1
        if toks[k] == "re" and gaps[k] == "-":
            k += 1  # "re-elected"
        if toks[k] in _MADE and _space(gaps[k - 1]):
            k += 1
            if k < n and toks[k] == "as":
                k += 1
        elif toks[b] not in ("is", "was"):
            return []
        if k < n and toks[k] == "the":
            k += 1
        if k >= n or not _space(gaps[k - 1]) or not info[k] & wi.UP0:
            return []
        end, words, _aff = self.title_chain(k)
        if not words or not info[k] & (wi.HEAD | wi.ABBR | wi.MOD):
            return []
        if end < n:
            tail = self._appos_tail(k, end)
            words = self._run_on(words, end, tail)
            end = tail
        if end < n:
            g = gaps[end - 1]
            if g[:2] in _POSSESSIVE or (_space(g) and info[end] & wi.UP0):
                return []
        return words if len(words) < 12 else []

    def _quoted_body(self, end: int) -> int:
        """The end of "of <a few words> "<Name>"" after a title chain ending at ``end``, when
        a name follows the closing quote: 'The editor-in-chief of the regional independent
        daily "Courier from Vitebsk" Vladimir Bazan'. The quotes close the body's name,
        so the person's begins after them; else ``end``."""
        toks, gaps, n = self.words, self.gaps, len(self.words)
        if self.caps or end + 2 >= n or toks[end] not in _OF_WORDS or not _space(gaps[end - 1]):
            return end
        opened = False
        for k in range(end, min(n - 1, end + 10)):
            t, g = toks[k], gaps[k]
            if not t.isalpha() or t in _TAIL_BREAKS:
                return end
            core = g.strip()
            if not core:
                continue
            if core.strip(_QUOTES + "-"):
                return end  # another mark: a clause goes on
            if not opened and g[:1].isspace() and core[0] in _QUOTES:
                opened = True  # ' "Courier ...'
            elif opened and core[-1] in _QUOTES:
                # the quote closed: a name (two words or more) must follow it at once
                nxt = k + 1
                two = self.nameish(nxt, True) and self.name_at(nxt, True) > nxt + 1
                return nxt if two else end
        return end

    def _bracketed_unit(self, end: int) -> tuple[int, str]:
        """A title's unit in brackets between it and the name, as Indian ministries write
        it: "Joint Secretary (Americas) Gaitri Kumar", "Director (Europe - I) Dammu". Returns
        the token after the bracket and the bracket as written, else ``(end, "")``; a
        gloss of the title in brackets is passed over, the name follows it: ``(after,
        "")`` ("Acting Middle East Director (Assistant-Secretary equivalent) Jean-Christophe
        Paucelle")."""
        toks, gaps, n = self.words, self.gaps, len(self.words)
        if self.caps or not 0 < end < n or gaps[end - 1] != " (" or not toks[end][:1].isupper():
            return end, ""
        k = end
        while True:
            if k >= n or k - end >= 6:
                return end, ""
            t, f = toks[k], self.info[k]
            # a region, a subject or a unit's words; not a gloss of the title ("Prosecutor
            # General (Fiscal General)", "Senator (First Lady)", "Acting President (AgP)")
            if not (
                t in ("and", "of", "for", "the", "I", "II", "III", "IV")
                or f & (wi.PLACE1 | wi.ORGACR)
                or (
                    t[:1].isupper()
                    and t[1:].islower()
                    and (f & wi.MOD or t.lower() in self.lex.common)
                    and not f & (wi.HEAD | wi.ABBR | wi.RANK | wi.HON)
                )
            ):
                return self._after_gloss(end), ""
            g = gaps[k].strip()
            if g[:1] == ")":
                break
            if g not in ("", ",", "-", "&", "/"):
                return end, ""
            k += 1
        if k + 1 >= n or not _space(gaps[k][1:]) or not self.info[k + 1] & (wi.NAME_T | wi.HON):
            return end, ""
        written = " ".join(self.text[self.starts[end] : self.ends[k]].split())
        return k + 1, f"({written})"

    def _title_line_under(self, k: int) -> tuple[list[str], str | None]:
        """A letter's address: the name ends its line (token k begins the next) and the
        next line is a title and nothing else ("His Excellency Mr. George W. Bush \n
        President \n United States of America")."""
        n = len(self.words)
        if k >= n or "\n" not in self.gaps[k - 1] or self.gaps[k - 1].strip():
            return [], None
        end, words, aff = self.title_chain(k)
        if not words or (end < n and "\n" not in self.gaps[end - 1]):
            return [], None
        if any("\n" in self.gaps[x] for x in range(k, end - 1)):
            return [], None  # the title on one line: "Secretary of State \n U.S. Department"
        return words, aff

    def _after_gloss(self, end: int) -> int:
        """The token after a short bracket opened before token ``end`` when a name follows
        it on the line, else ``end``."""
        gaps, n = self.gaps, len(self.words)
        for k in range(end, min(end + 6, n - 1)):
            g = gaps[k].strip()
            if g[:1] == ")":
                if gaps[k][1:] == " " and self.nameish(k + 1, True):
                    return k + 1
                return end
            if g not in ("", ",", "-", "/"):
                return end
        return end

    def _bracketed_body(self, i: int) -> list[str]:
        """An organisation's name with its initials in brackets just before the title at
        token i: "Ministry of External Affairs (MEA) Joint Secretary", "Middle East
        Technology University (METU) professor". The name is the words before the bracket
        whose initials spell it (small words may be skipped: "Union for a Popular Movement
        (UMP)"), else the organisation the organisation pass found there, of two words or
        more ("Socialist Party (PS)"). The initials stay in the title as written ("(MEA)")
        and ``expand`` leaves them out."""
        toks, gaps = self.words, self.gaps
        a = i - 1
        if a < 1 or not (
            gaps[a][:1] == ")"
            and _space(gaps[a][1:])
            and gaps[a - 1].strip() == "("
            and _BODY_INITIALS(toks[a])
        ):
            return []
        k = self._initials_start(a) if _space(gaps[a - 1][:-1] or " ") else -1
        if k < 0:
            k = a - 1
            while (
                k > 0
                and self.claimed[k - 1]
                and (_space(gaps[k - 1]) or gaps[k - 1][:2] in _POSSESSIVE)
                and a - k < 8
            ):
                k -= 1
            while k < a and (
                self.info[k] & wi.DEM
                or (toks[k].lower() in LOWER_MODS and toks[k].lower() not in _NAME_MODS)
            ):
                # "Spanish Socialist Party (PSOE)", "Opposition Republican People's Party
                # (CHP)": the nationality or the party's standing is not its name
                k += 1
            if a - k < 2 or not all(self.claimed[x] for x in range(k, a)):
                return []
        info = self.info
        if not toks[k][:1].isupper():
            return []
        if not info[a - 1] & wi.ORGHEAD and (
            info[k] & (wi.HEAD | wi.ABBR)
            or any(info[x] & wi.HEAD and not info[x] & wi.MOD for x in range(k, a))
        ):
            # a title, then the next one: "Chief of the Army Staff (COAS) General Kayani",
            # "Special Representative for Afghanistan and Pakistan (SRAP) Ambassador"; not
            # "Justice and Equality Movement (JEM) leader"
            return []
        self._prefix_from = k
        return [*self._words(list(range(k, a))), f"({toks[a]})"]

    def _quoted_body_before(self, i: int) -> list[str]:
        """A body's name in quotes just before the title at token i: '"UzbekSavdo"
        chairman Zafar Faiyziev' -> ['"UzbekSavdo"'] (at most three capitalised words)."""
        gaps, toks = self.gaps, self.words
        if i < 1 or gaps[i - 1] not in ('" ', "\u201d "):
            return []
        for k in range(i - 1, max(i - 4, 0), -1):
            if not toks[k][:1].isupper():
                return []
            g = gaps[k - 1]
            if g[-1:] in ('"', "\u201c") and (k < 2 or g[:-1].strip() in ("", ",")):
                self._prefix_from = k
                return [f'"{" ".join(toks[k:i])}"']
            if g != " ":
                return []
        return []

    def _initials_start(self, a: int) -> int:
        """The first token of the words before the bracket at token a whose initials spell
        token a ("National Oceanic and Atmospheric Administration (NOAA)"), or -1."""
        toks, gaps = self.words, self.gaps
        letters = toks[a]
        # initials in another language's order: "Union for a Popular Movement (UMP)"
        caps = [x for x in range(max(0, a - 8), a) if toks[x][:1].isupper()][-len(letters) :]
        if (
            len(caps) == len(letters)
            and sorted(toks[x][0] for x in caps) == sorted(letters)
            and all(_space(gaps[x]) or toks[x + 1] in _SMALL_WORDS for x in caps[:-1])
            and all(toks[x] in _SMALL_WORDS for x in range(caps[0], a) if x not in caps)
        ):
            return caps[0]
        j = len(letters) - 1
        k = a - 1
        while k >= 0 and a - k <= 12:
            t = toks[k]
            if k < a - 1:
                g = gaps[k]
                if not (_space(g) or (g[:2] in _POSSESSIVE and _space(g[2:])) or g == "' "):
                    return -1  # "People's Liberation Army", "Workers' Party"
            if k > 0 and gaps[k - 1] == "-":
                k -= 1  # "Co-operation": one word, its first part's initial
                continue
            if t[:1].isupper():
                if t[0] != letters[j]:
                    return -1
                j -= 1
            elif t in _SMALL_WORDS:
                if t[0].upper() == letters[j] and j > 0:
                    j -= 1  # "Ministry of Foreign Affairs (MOFA)"
            else:
                return -1
            if j < 0:
                return k
            k -= 1
        return -1

    def _country_before_title(self, i: int) -> bool:
        """Whether a two-word country or its people, at token i or after a qualifier there,
        come before a title word ("Saudi Arabia Prime Minister", "former South Korean
        President"): the scan starts a title chain there."""
        info = self.info
        n = len(self.words)
        for k in (i, i + 1) if info[i] & wi.QUALL else (i,):
            if k + 2 < n and info[k + 2] & (wi.MOD | wi.HEAD | wi.ABBR):
                if self._two_word_country(k):
                    return True
        return False

    def _two_word_country(self, k: int) -> str | None:
        """The country tokens k and k + 1 name together, or whose people they name ("Saudi
        Arabia", "New Zealand", "South African"), else None."""
        if (
            k + 1 >= len(self.words)
            or self.gaps[k] != " "
            # its first word starts a place's name, as "South" in "South African" does
            or not self.info[k] & wi.PLACE
            or not self.info[k + 1] & wi.UP0
        ):
            return None
        a, b = self._word(self.words[k]), self._word(self.words[k + 1])
        return self._country(f"{a} {b}") or self.lex.demonyms.get(f"{a} {b}")

    def _country_or_demonym(self, words: str) -> bool:
        """Whether two words name a country or its people ("Costa Rica", "Costa Rican")."""
        return bool(self._country(words) or self.lex.demonyms.get(words))

    def _extension(self, j: int) -> list[int]:
        """Indices of "of/for [the] <unit name>" after a title head at token j ("of")."""
        toks = self.words
        info = self.info
        gaps = self.tgaps
        n = len(toks)
        k = j + 1
        ext = [j]
        bare_to = toks[j].lower() == "to"
        in_at = toks[j].lower() in ("in", "at")
        list_end = -1  # the last word of a list of fields, which ends the unit
        if toks[k] in ("the", "The", "THE") and k + 1 < n:
            ext.append(k)
            k += 1
            bare_to = False
        elif in_at:
            return []  # "Minister in Kabul", "Ambassador at large": no unit's name
        if bare_to:
            # "Ambassador to Iceland", but not "Advisor to Prime Minister Brown"
            if info[k] & wi.PLACE1 and not info[k] & wi.NAME_T:
                return [j, k, k + 1] if self._place_goes_on(k + 1) else [j, k]
            if (
                info[k] & wi.ORGACR
                and not info[k] & wi.ABBR
                and not (k + 1 < n and info[k + 1] & (wi.HEAD | wi.ABBR | wi.MOD))
            ):
                # "Permanent Representative to NATO", not "Chief of Staff to MFA Secretary
                # for African Affairs Ali Treiki": another's title
                return [j, k]
            return []
        while k < n and len(ext) < 9:
            t2 = toks[k]
            f2 = info[k]
            if len(ext) > 1 and self._place_goes_on(k):
                ext.append(k)  # "of Saudi Arabia": a place's second word is no name
                k += 1
                g = gaps[k - 1].strip()
                if g in _POSSESSIVE and k < n and info[k] & wi.UP0 and not info[k] & wi.NAME_T:
                    continue  # "of Costa Rica's National Civil Registry"
                if g not in ("", "'"):
                    break
                continue
            if (
                f2 & wi.UP0
                # (after "of", "for", "to", "the" or "and": not "President of the Republic \nSan
                # Jose, Costa Rica", a letter's address)
                and toks[k - 1].lower() in ("of", "for", "to", "the", "and")
                and self._place_goes_on(k + 1)
                # after "the", a country ("Ambassador to the Holy See Francis Campbell"),
                # or another place where the unit's known words go on: "of the Sao Paulo
                # State Sugar Industry Association", not "of the Sao Paulo Associao
                # Comercial", whose words could be a name's
                and (
                    toks[k - 1].lower() != "the"
                    or self._two_word_country(k) is not None
                    or k + 2 >= n
                    or not info[k + 2] & wi.UP0
                    or info[k + 2] & (wi.MOD | wi.HEAD | wi.ORGHEAD)
                    or gaps[k + 1].strip() in _POSSESSIVE
                )
            ):
                # a two-word place whose first word could begin a name: "Governor of
                # Buenos Aires Daniel Scioli", "Chief Minister of Tamil Nadu"
                ext.append(k)
                k += 1
                continue
            if f2 & wi.RANK and toks[k - 1].lower() != "the":
                break  # "Director of Foreign Policy Amb. Jose Chaverri"
            if t2 in _STYLES and len(ext) > 1 and k + 1 < n and info[k + 1] & wi.NAME_T:
                break  # "Minister for Africa Lord Malloch-Brown": his style, then his name
            if (
                f2 & wi.HEAD
                and not f2 & wi.MOD  # not "Minister of Justice Bjarnason"
                and len(ext) == 1
                and k + 1 < n
                and info[k + 1] & wi.NAME_T
                and not info[k + 1] & (wi.MOD | wi.HEAD | wi.ORGHEAD)
            ):
                break  # "Head of Minister Frattini's Private Office": another's title
            if (
                len(ext) == 1
                and f2 & wi.MOD
                and not f2 & wi.HEAD
                and k + 2 < n
                and info[k + 1] & wi.HEAD
                and not info[k + 1] & (wi.MOD | wi.RANK)
                and toks[k + 1] not in _STYLES
                and _space(gaps[k + 1])
                and info[k + 2] & wi.NAME_T
                and not info[k + 2] & (wi.MOD | wi.HEAD | wi.ORGHEAD)
                and toks[j - 1] not in ("candidate", "nominee")  # the office itself
                and (
                    toks[j - 1].islower()
                    or gaps[max(k + 2, self.name_at(k + 2, True) - 1)][:2] in _POSSESSIVE
                )
            ):
                # "member of Prime Minister Nazif's trusted circle", "spokesman for Prime
                # Minister Reinfeldt": a role's "of", then another's title and name (not
                # "Minister of Finance Sheikh Ahmed", "Chief of Naval Staff Admiral Prakash")
                break
            if (
                not self.caps
                and t2 in ("for", "of")
                and k + 2 < n
                and toks[k - 1] in ORG_HEADS
                and (toks[k + 1] == "the" or toks[k + 1][:1].isupper())
            ):
                # "Office for the Boycott of Israel": the unit's own name goes on
                ext.append(k)
                k += 1
                continue
            if (
                t2 in ("and", "AND")
                and len(ext) > 1
                and k + 1 < n
                and toks[k + 1] in _SECOND_TITLE_FIRST
                and info[ext[-1]] & wi.UP0
                and self._lower_word_in_unit(ext[-1])
                # (not "of Government and Justice", "of Defense and Aviation Prince Khaled")
                and len(second := self.title_chain(k + 1)[1]) > 1
                and second[-1] not in _STYLES
            ):
                break  # a second title: "Minister of Economics and Deputy Minister President"
            if (
                t2 in ("and", "AND")
                # "for Europe and the Middle East": a second place with its article
                or (
                    t2 in ("the", "THE")
                    and toks[k - 1] in ("and", "AND")
                    and k + 1 < n
                    and info[k - 2] & (wi.PLACE | wi.PLACE1)
                    and info[k + 1] & (wi.PLACE | wi.PLACE1)
                )
                or (f2 & (wi.MOD | wi.HEAD | wi.ORGACR) and (f2 & wi.UP0 or self.caps))
                or t2 in ORG_HEADS
                or self._unit_acronym(k)  # "Commissioner to the IWC"
                or (f2 & wi.UP0 and self._names_a_unit(k))  # "of the Far Seas Fisheries Division"
                # a name-like word before a unit's word: "Director of Transatlantic
                # Cooperation" (a capitalised title's: not "head of Raiffeisen Investment AG")
                or (
                    f2 & wi.UP0
                    and toks[j - 1][:1].isupper()
                    and k + 2 < n
                    and gaps[k] == " "
                    and info[k + 1] & wi.MOD
                    and info[k + 1] & wi.UP0
                    and not info[k + 1] & (wi.NAME_T | wi.HEAD)
                    and self._unit_goes_on(k + 2)
                )
                or (
                    f2 & wi.UP0
                    and not f2 & wi.NAME_T
                    and len(t2) > 1
                    and (not self.caps or f2 & wi.PLACE1)
                )
                # a word English writes only in lower case, no one's name: "for Security
                # and Public Safety"
                or self._lower_word_in_unit(k)
            ):
                ext.append(k)
                k += 1
                g = gaps[k - 1].strip()
                if g in _POSSESSIVE and k < n and info[k] & wi.UP0 and not info[k] & wi.NAME_T:
                    continue  # "of the Foreign Ministry's Disarmament Division"
                if g == "," and len(ext) <= 4 and (last := self._unit_list(k)) > k:
                    # a list of fields: "Minister of Development, Industry, and Trade"
                    ext.extend(range(k, last + 1))
                    list_end = last
                    break
                if g not in ("", "'") and not (
                    g == "-"
                    and k < n
                    and info[k] & wi.UP0
                    and f"{toks[k - 2]} {t2}".casefold() not in self.lex.places
                ):
                    # "of Sub-Saharan Africa Assistance" goes on over the hyphen, but not
                    # "for the Dominican Republic-Central American Free Trade Agreement"
                    break
            else:
                break
        # end on a word that can end a unit's name ("of the Far" is no title); after "Office
        # of" a capitalised common word can ("Office of Sub-Saharan Africa Assistance")
        unit_of = any(toks[m] in ORG_HEADS and toks[m + 1] in ("of", "for") for m in ext[1:-1])
        while (
            len(ext) > 1
            and ext[-1] != list_end
            and not (
                info[ext[-1]] & (wi.MOD | wi.HEAD | wi.ORGACR | wi.PLACE1 | wi.ORGHEAD)
                or self._lower_word_in_unit(ext[-1])
                or toks[ext[-1]] in ORG_HEADS
                or toks[ext[-1]] in _UNIT_ENDS
                # a list's label, its name after the colon: "-- Minister of the Canal: Romulo
                # de Roux;"
                or (
                    gaps[ext[-1]].strip()[:1] == ":"
                    and info[ext[-1]] & wi.UP0
                    and not info[ext[-1]] & wi.NAME_T
                    and not any("\n" in gaps[m] for m in ext[:-1])
                    and toks[ext[-1]].lower() != "by"
                )
                or self._unit_acronym(ext[-1])
                or self._place_goes_on(ext[-1])
                # a capitalised common noun after a unit's word: "for Joint Commitments" (not a
                # rank, "Chief of Staff General", nor a name: "Affairs June Tancredi")
                or (
                    len(ext) > 2
                    and info[ext[-2]] & wi.MOD
                    and info[ext[-1]] & wi.UP0
                    and not info[ext[-1]] & (wi.NAME_T | wi.NAME_F | wi.HEAD | wi.ABBR | wi.RANK)
                    and toks[ext[-1]].lower() in self.lex.common
                    and toks[ext[-1]].endswith(_NOUN_ENDS)
                )
                or (
                    unit_of
                    and info[ext[-1]] & wi.UP0
                    and not info[ext[-1]] & wi.NAME_T
                    and toks[ext[-1]] not in _NOT_PREFIX
                    and not (  # the unit's name goes on: "Sensitive Technologies"
                        ext[-1] + 1 < n
                        and gaps[ext[-1]] == " "
                        and info[ext[-1] + 1] & wi.UP0
                        and (not info[ext[-1] + 1] & wi.NAME_T or noun_or_verb(toks[ext[-1] + 1]))
                    )
                )
            )
        ):
            ext.pop()
        while ext and toks[ext[-1]].lower() in ("and", "the", "of", "for", "to"):
            ext.pop()
        if (
            in_at
            and ext
            and not (self._word(toks[ext[-1]]) in _AT_ENDS or info[ext[-1]] & wi.ORGHEAD)
        ):
            return []
        return ext if len(ext) > 1 else []

    def _lower_word_in_unit(self, k: int) -> bool:
        """Whether token k, in Title Case, is a word English writes only in lower case, a
        unit's and no one's name ("for Security and Public Safety", "of Agriculture and
        Land Reclamation"): not a verb of speech ("Minister of Interior Said Abu Ali"),
        not half of a compound ("the Follow-up Department"), not the reasons of a
        classifier's line ("ASD/ISA for Reasons 1.4"), not a place's or a body's word
        before the rest of its name."""
        toks, info, gaps, n = self.words, self.info, self.tgaps, len(self.words)
        tok = toks[k]
        if not (
            not self.caps
            and tok[:1].isupper()
            and tok[1:].islower()
            and not info[k] & (wi.SPEECH | wi.HEAD | wi.RANK | wi.HON | wi.ABBR)
            and tok not in self.lex.titles  # "Commodore", "Academician"
            and gaps[k].strip() != "-"
            and tok not in ("Reason", "Reasons", "Said")
            and tok.lower() in english_words()
        ):
            return False
        m = k + 1
        if m < n and _space(gaps[k]) and info[m] & wi.UP0:
            if info[k] & wi.PLACE and info[m] & wi.PLACE1:
                return False  # a place's word: "Mayor of Greater Caracas"
            nxt = toks[m]
            if self.name_at(m, True) == m + 1 and not (
                nxt[1:].islower() and nxt.lower() in english_words()
            ):
                # one name's word after it, which is no unit's ("of the Gulf Cartel,"): the
                # word is a given name ("for Acquisition Ash Carter") or a body's ("for
                # Operation Westbridge and", "the Liberal Democrats,"); not "the Exchequer
                # Darling said"
                return toks[k - 1] in ("the", "The") and gaps[m].strip()[:1] not in (
                    ",",
                    ")",
                    ";",
                    ".",
                )
        return True

    def _unit_list(self, k: int) -> int:
        """The last token of a list of a unit's fields that goes on at token k, after a
        comma, or -1: "Development, | Industry, and Trade", "Economy, | Trade and
        Industry", "Economic, | Energy, and Agricultural Affairs". Each field is one to
        three capitalised words of a body's or a topic's (no name, title or rank), and the
        last comes after "and"; the list ends there."""
        toks, info, gaps, n = self.words, self.info, self.tgaps, len(self.words)
        m, fields = k, 0
        while m < n and fields < 6:
            last = toks[m] in ("and", "&")
            if last:
                if not fields:
                    return -1  # two joined by ", and": "Special Envoy for X, and Special ..."
                m += 1
            e = m
            while e < n and e - m < 3 and self._field_of_list(e):
                e += 1
                if e < n and not _space(gaps[e - 1]):
                    break
            if e == m:
                return -1
            if last:
                # the list closes: no more of a unit's or a name's capitals after it
                nxt = gaps[e - 1].strip() if e < n else ""
                if (
                    nxt in ("-", "'", "\u2019")
                    or (e < n and info[e] & (wi.HEAD | wi.ABBR | wi.ORGHEAD | wi.MOD))
                    or self.title_chain(m)[1]  # a title of its own
                ):
                    return -1  # not "Minister of Defense, and Armed Forces Commander"
                return e - 1
            fields += 1
            g = gaps[e - 1].strip()
            if g == "," and e < n:
                m = e  # another field, or ", and" the last
            elif g == "" and e < n and toks[e] in ("and", "&"):
                m = e
            else:
                return -1
        return -1

    def _field_of_list(self, k: int) -> bool:
        """Whether token k may be a word of a field in a unit's list: capitalised, a body's,
        a place's or a common word, not a name, title or rank."""
        tok, f = self.words[k], self.info[k]
        return bool(
            f & wi.UP0
            and tok.isalpha()
            and not f & (wi.HEAD | wi.ABBR | wi.HON | wi.RANK | wi.DEM)
            and tok not in self.lex.known_surnames
            and (
                bool(f & (wi.MOD | wi.ORGHEAD))
                or tok.lower() in english_words()  # "Enterprise", "Sport"
                # or a place or common word, not a given name: "and Commerce Miguel
                # Sebastian"
                or (
                    not f & wi.NAME_F
                    and (f & (wi.PLACE | wi.PLACE1) or tok.lower() in self.lex.common)
                )
            )
        )

    def _unit_goes_on(self, k: int) -> bool:
        """After a unit's word, token k goes on with the unit ("and Security Policy", a
        unit's word or place) or begins the holder's name (a name word the sentence goes on
        after), rather than being the last word of the unit's name ("Yabloko Regional
        Branch," in an apposition)."""
        toks, info, gaps = self.words, self.info, self.tgaps
        if toks[k] in ("and", "AND") or info[k] & (wi.MOD | wi.ORGHEAD | wi.PLACE1):
            return True
        return bool(
            info[k] & wi.NAME_T
            and k + 1 < len(toks)
            and (_space(gaps[k]) or gaps[k][:2] in _POSSESSIVE)
        )

    def _unit_acronym(self, k: int) -> bool:
        """Whether token k, after "the" in a mixed-case cable, is a body's acronym the
        glossary lacks ("to the IWC", "of the CGEA"): in capitals, 2-5 letters."""
        t = self.words[k]
        return (
            not self.caps
            and 1 < len(t) < 6
            and t.isalpha()
            and t.isupper()
            and self.words[k - 1] in ("the", "The")
        )

    def _names_a_unit(self, k: int) -> bool:
        """Whether the capitalised words from token k run into the head of a body's name
        within a few words ("the Far Seas Fisheries Division", "Pliva Pharmaceuticals"):
        words of a unit's name, even ones that could be a person's."""
        toks, info, gaps = self.words, self.info, self.tgaps
        # after "Office of" the name can end in a topic: "Sub-Saharan Africa Assistance"
        s = k
        while s > k - 4 and s > 0 and info[s - 1] & wi.UP0 and gaps[s - 1] in (" ", "-"):
            s -= 1
        topic = s > 1 and toks[s - 1] in ("of", "for") and toks[s - 2] in ORG_HEADS
        for m in range(k, min(k + 4, len(toks))):
            if toks[m] in _AT_ENDS or toks[m] in _UNIT_ENDS or info[m] & wi.ORGHEAD:
                return True
            if (
                topic
                and m > k
                and info[m] & wi.UP0
                # (not a name's: "for Foreign Affairs Gretar Mar Sigurdsson")
                and not info[m] & (wi.NAME_T | wi.NAME_F | wi.PLACE)
            ):
                return True
            if not info[m] & wi.UP0 or gaps[m].strip() not in ("", "-"):
                return False
        return False

    def _place_goes_on(self, k: int) -> bool:
        """Whether token k ends a two-word place begun at k - 1 ("Saudi Arabia")."""
        return (
            0 < k < len(self.words)
            # a space, or a wrapped line's end: "Director of Costa \nRica's Counter Drug Police"
            and (self.gaps[k - 1] == " " or ("\n" in self.gaps[k - 1] and _space(self.gaps[k - 1])))
            and self.gaps[k] != "-"  # "Dominican Republic-Central American ...": a name's
            and f"{self.words[k - 1]} {self.words[k]}".casefold() in self.lex.places
        )

    def _words(self, idx: list[int]) -> list[str]:
        """Title words of token indices: hyphenated parts joined, rank abbreviations dotted."""
        toks = self.words
        gaps = self.gaps
        out: list[str] = []
        prev = -2
        for k in idx:
            w = toks[k]
            if gaps[k][:1] == "." and (self._word(w) in _RANK_ABBR_DOT or w == "St"):
                w += "."  # "Brig. Gen.", "St. Petersburg"
            elif k != idx[-1] and gaps[k][:2] in _POSSESSIVE:
                w += gaps[k][:2]  # "Ministry's" inside a title
            elif k != idx[-1] and gaps[k].strip() == ",":
                w += ","  # a list of fields: "Minister of Development, Industry, and Trade"
            elif w in ("d", "D") and gaps[k][:1] in ("'", "\u2019"):
                w += gaps[k][:1]  # "Charge d' Affaires": the elided article
            if out and prev == k - 1 and gaps[prev] == "-" and out[-1].lower() not in QUALIFIERS:
                out[-1] += "-" + w
            else:
                out.append(w)
            prev = k
        return out

    def scan(self) -> None:
        toks = self.words
        n = len(toks)
        cand = self.scan_at
        nc = len(cand)
        ci = 0
        pending: tuple[list[str], str | None] | None = None
        pending_at = -1
        info = self.info
        while ci < nc:
            i = cand[ci]
            f = info[i]
            if (
                not f & _STEP_SELF
                and (
                    i + 1 == n
                    or not info[i + 1]
                    & (
                        (_STEP_NEXT_N if f & wi.NAME_F else _STEP_NEXT)
                        # "former Peru President", "Assistant U.S. Trade Representative"
                        | (wi.PLACE1 if f & (wi.QUALL | wi.MOD) else 0)
                    )
                )
                and not (f & (wi.DEM | wi.PLACE | wi.QUALL) and self._country_before_title(i))
            ):
                # a lone nationality, qualifier, modifier or name word: _step would find
                # nothing (no title chain can reach a head, no name goes on, no one-word
                # name rule holds)
                ci += 1
                continue
            step = self._step(i, n, pending if pending_at == i else None)
            nxt: int
            if isinstance(step, tuple):
                nxt, pending, pending_at = step
            else:
                nxt = step
            # the next candidate at or after nxt (tokens between them start nothing); a
            # typed walk, as bisect_left(cand, nxt, ci + 1) finds it (most steps skip a
            # few candidates, and the call boxed its arguments)
            ci += 1
            while ci < nc and cand[ci] < nxt:
                ci += 1
        if self.cued:  # "the village of Jid Hafs", then "in Jid Hafs": a place
            self.cands = [c for c in self.cands if c.titles or tuple(c.tokens) not in self.cued]

    def _step(
        self, i: int, n: int, pending: tuple[list[str], str | None] | None
    ) -> int | tuple[int, tuple[list[str], str | None], int]:
        """One step of the scan at candidate token i: the next index (and a new pending)."""
        toks = self.words
        tok = toks[i]
        # honorific: "Mr. Fuchs", "Dr. Ahmed Ali"
        if self.info[i] & wi.HON:
            k = self.name_at(i + 1, True)
            for j in range(i + 2, k):
                if self._headline_verb(j, inner=True):
                    k = j  # "SUBJECT: CODEL CARDIN DISCUSSES ...": the name ends before it
                    break
            if tok.lower() in _DELEGATIONS:
                k = self._delegation_name_end(i, k)
            if k > i + 1:
                under = self._title_line_under(k)
                self.add(i + 1, k, under[0], under[1])
                return k
        info = self.info
        if i and toks[i - 1] in _STREET_WORDS and self.gaps[i - 1] == " ":
            # "Avenida Presidente Wilson", "Avenida Brigadeiro Faria Lima": a street named for
            # a title and a name
            end = max(self.name_at(i + 1, True), i + 1)
            self.streets.append((i, end))
            return end
        if (
            info[i] & _TITLE_WORD
            or (i + 1 < n and info[i + 1] & (wi.MOD | wi.HEAD | wi.ABBR) and not self.caps)
            or (info[i] & wi.PLACE and self._country_before_title(i))
            # "Assistant U.S. Trade Representative": a country's initials inside
            or (
                info[i] & wi.MOD
                and i + 2 < n
                and info[i + 1] & wi.PLACE1
                and info[i + 2] & (wi.MOD | wi.HEAD)
            )
        ):
            end, words, aff = self.title_chain(i)
        else:
            words = []  # title_chain would find nothing: save the call
        if words:
            lower = bool(self.info[i] & wi.LOWH)
            if lower:
                words, aff = self._lower_role(i, words, aff)
            elif (
                i > 0
                and toks[i - 1] in _HYPHEN_RANKS
                and self.gaps[i - 1] == "-"
                and words[0] == tok
            ):
                # "vice-Minister of Foreign Affairs", "Sub-Director General"
                words = [f"{toks[i - 1]}-{tok}", *words[1:]]
            if self.info[end - 1] & wi.PLURAL:
                return self._name_list(end, words, aff)
            unit_end, unit = self._bracketed_unit(end)
            if unit:
                words = [*words, unit]  # "Joint Secretary (Americas) Gaitri Kumar"
            end = unit_end
            quoted = self._quoted_body(end)
            if quoted > end:
                words = [*words, *self._words(list(range(end, quoted)))]
                end = quoted
            a, k = self._name_after_title(end)
            if k > a and self._headline_verb(a):
                k = end  # "SUBJECT: AMBASSADOR DISCUSSES TRADE": a verb, not a name
            if k > a and self._place_as_name(a, k, words):
                k = end  # "RSO Peshawar", "Charge d'Affaires La Paz": a post, not a name
            for j in range(a + 1, k):
                if self._headline_verb(j, inner=True):
                    k = j  # "SUBJECT: NSA JONES DISCUSSES ...": the name ends before it
                    break
            if (
                k == a + 1
                and k < n
                and not self.caps
                and 1 < len(toks[a]) < 4
                and toks[a].isupper()
                and _space(self.gaps[a])
                and self.info[k] & (wi.HEAD | wi.ABBR | wi.MOD)
            ):
                k = end  # "PM FP Advisor Ushakov", "Deputy TGS Chief": an office's initials
            if k > end and self._extended and self.claimed[a]:
                k = end  # "Director of the Bahrain Human Rights Watch": an organisation
            if k == a + 1 and self._extended and self.info[a] & (wi.MOD | wi.PLACE1 | wi.ORGHEAD):
                k = end  # "Minister of Development, Industry and Trade": the unit goes on
            if (
                k > end
                and toks[k - 1] in NAMED_THINGS
                and toks[k - 1] not in _THING_SURNAMES
                and toks[k - 1] not in self.lex.known_surnames
            ):
                k = end  # "Barri Imam Shrine", "CEO Forum", "General Penal Code": a thing's
            if (
                k > end
                and k < n
                and self.gaps[k - 1] == " "
                and (
                    toks[k] in NAMED_THINGS
                    # in capitals, also a body's head: "DEPUTY CHAIR, PLANNING COMMISSION"
                    or (self.caps and toks[k].capitalize() in _BODY_WORDS)
                )
            ):
                k = end  # "the Egyptian General Petroleum Corporation": a firm's name
            if k > end and lower and k - a < 2 and toks[i] not in STRONG_LOWER_HEADS:
                k = end  # "member States"
            if k > end and lower and self._place_not_person(a, k, toks[i]):
                k = end  # "in general Costa Rica is in agreement": a place, not a general
            if k > end and i == self._appos_at and self.tgaps[end - 1].strip() == ",":
                # "Laurent Stokvis, Director of the Department, Anton Schellekens, Desk
                # Officer": the title was the apposition of the name before it
                k = end
            if k > end:
                # (no prefix after a title just read: "Undersecretary for Multilateral
                # Affairs Prince Turki" has no "Affairs Prince")
                if not lower and pending is None:
                    words, aff = self._with_prefix(i, words, aff)
                elif pending is not None and self._pending_at >= 0:
                    pending = self._with_prefix(self._pending_at, *pending)  # "TGS Chief General"
                self.add(a, k, words, aff, pending=pending)
                return k
            if _space(self.gaps[end - 1]) and not (
                lower
                and self._extended
                and end < n
                and (toks[end].islower() or self.info[end - 1] & wi.DEM)
            ):
                # "DAS Ambassador Kaidanow", "leader of the Junbesh Party General Dostum";
                # not a role of whom the next title's holder is the object: "the convicted
                # murderer of U.S. journalist Daniel Pearl", "advisor to Brazilian President"
                # its body's words before it are read once a name follows the next title
                self._pending_at = -1 if lower or pending is not None else i
                return max(end, i + 1), (words, aff), end
            return max(end, i + 1)
        if not self.caps and self.nameish(i, False):
            k = self.name_at(i, False)
            if k <= i + 1:
                # one word (or none): a name only by the rules below, so the place and
                # heading test (which can only say no) is made when one of them holds
                if (
                    k == i + 1
                    and (
                        (
                            tok in self.lex.known_surnames  # "talks with Musharraf"
                            and not self._place_or_heading(i, min(n, i + 2))  # "Costa Rican"
                        )
                        or (
                            tok.endswith(SURNAME_ENDINGS)
                            and len(tok) > 4
                            # alone, a word in "-ian" is an adjective ("Bolivarian", "Calabrian",
                            # "Orwellian": 123 dev cables), an Armenian surname only with a
                            # title, a given name or a verb of speech ("Kocharian said")
                            and not tok.endswith("ian")
                            and i
                            and (toks[i - 1][:1].islower() or toks[i - 1] in ("and", "with"))
                            and not self._not_a_name_alone(i)
                        )
                        or (
                            k < n
                            and toks[k] in SPEECH
                            and self.gaps[i].strip() == ""
                            and (i == 0 or toks[i - 1] not in ("the", "The"))
                            and not self.demonym(toks[i - 1] if i else "")
                        )
                    )
                    and not self._place_or_heading(i, k)
                ):
                    self.add(i, k, [], None)
                    return k
                return i + 1
            if self._place_or_heading(i, k):
                return max(k, i + 1)
            real = [t for t in toks[i:k] if t not in PARTICLES and len(t) > 1]
            if k + 1 < n and self.gaps[k - 1] == "-" and toks[k] in ("e", "i"):
                return k  # "Jamiat Ulema-i-Islam", "Muttahida Majlis-e-Amal": a party's name
            hyphen_pair = len(real) == 2 and k == i + 2 and self.gaps[i] == "-"
            if len(real) >= 2 and not hyphen_pair:
                self.add(i, k, [], None, apposition=True)
                return k
            if hyphen_pair and self._named_before(toks[i], toks[i + 1]):
                self.add(i, i + 2, [], None)  # "Llewellyn-Jones" after "Ben Llewellyn-Jones"
                return k
            if hyphen_pair and all(
                self.info[j] & wi.SURN and not self.info[j] & (wi.DEM | wi.PLACE1)
                for j in (i, i + 1)
            ):
                # "the Obama-Medvedev meeting": two names a cable gives alone (not
                # "Franco-German", "Lockheed-Martin")
                self.add(i, i + 1, [], None)
                self.add(i + 1, i + 2, [], None)
                return k
        return i + 1

    def _noun_at(self, k: int) -> bool:
        """Whether token k reads as a noun ending its phrase, not a verb before its object:
        a mark or the text's end after it, or a preposition or auxiliary."""
        if k + 1 >= len(self.words) or self.gaps[k].strip():
            return True
        return self.words[k + 1].lower() in _AFTER_NOUN

    def _place_not_person(self, a: int, b: int, role: str) -> bool:
        """Whether the name [a, b) after a lower-case role is a place: a country, or a
        city after a weak role ("member Hong Kong"); "presidential candidate Toledo" is a
        man."""
        place = self.lex.places.get(" ".join(self.words[a:b]).casefold())
        if place is None:
            return False
        return place.kind == "country" or role not in STRONG_LOWER_HEADS

    def _named_before(self, first: str, second: str) -> bool:
        """Whether a person found earlier has these two words in a row in the name: a
        double-barrelled surname, one person, not two ("the Obama-Medvedev meeting")."""
        for c in self.cands:
            t = c.tokens
            for x in range(len(t) - 1):
                if t[x] == first and t[x + 1] == second:
                    return True
            if f"{first}-{second}" in t:
                return True
        return False

    def _not_a_name_alone(self, i: int) -> bool:
        """Whether the lone word i is in quotes (a paper's or a thing's name: 'sources such
        as "Qurina" (print)') or a town before its country ("based in Futian, China")."""
        before, after = self.gaps[i - 1], self.gaps[i]
        if before[-1:] in ('"', "\u201c") and after[:1] in ('"', "\u201d"):
            return True
        return (
            self.words[i - 1] in ("in", "near")
            and after == ", "
            and i + 1 < len(self.words)
            and self._country(self.words[i + 1]) is not None
        )

    def caps_lists(self) -> None:
        """In a cable in capitals, the other entries of a list one of whose entries is a
        person found by a title: "(I.E. GENARO GARCIA LUNA, EDUARDO MEDINA MORA, GEN.
        GUILLERMO GALVAN, ADM. FRANCISCO SAYNEZ, FERNANDO GOMEZ MONT, AND JORGE TELLO
        PEON)". Alone, a run of capitalised words in such a cable is no evidence of a name;
        beside a titled name, in a list, it is. Each entry is two to four name words and
        nothing else: no title, place, body or common word."""
        if not self.caps:
            return
        starts, n = self.starts, len(self.words)
        found = sorted(
            (bisect_left(starts, s), bisect_left(starts, e))
            for c in self.cands
            if c.titles
            for s, e in c.mentions
        )
        taken = {k for a, b in found for k in range(a, b)}
        for a, b in found:
            k = b  # rightwards: ", NAME", ", AND NAME", " AND NAME"
            while k < n:
                g = self.tgaps[k - 1].strip()
                m = k + 1 if g in (",", "") and self.words[k] == "AND" else k
                if m == k and g != ",":
                    break
                e = self._caps_entry(m)
                if e <= m or taken.intersection(range(m, e)):
                    break
                self.add(m, e, [], None, listed=True)
                taken.update(range(m, e))
                k = e
            s = a  # leftwards: past the entry's title, then "NAME, " before it
            while s > 0 and self.info[s - 1] & (_TITLE_WORD | wi.RANK):
                s -= 1
            while s > 1 and self.tgaps[s - 1].strip() == ",":
                m = s
                while m > 0 and s - m < 4 and self._caps_word(m - 1):
                    if m < s and not _space(self.tgaps[m - 1]):
                        break
                    m -= 1
                if (
                    s - m < 2
                    or self._caps_entry(m) != s
                    or taken.intersection(range(m, s))
                    or (
                        m > 0
                        and self.tgaps[m - 1].strip()[-1:] not in (",", "(", ":", ".", ";")
                        and self.words[m - 1] not in _LIST_OPENERS
                    )
                ):
                    break
                self.add(m, s, [], None, listed=True)
                taken.update(range(m, s))
                s = m

    def _caps_word(self, k: int, places: bool = False) -> bool:
        """A word that can be part of a list entry's name in a cable in capitals (``places``:
        also a place's name, "ANAND SHARMA", where the line's shape says it is a name)."""
        t = self.words[k]
        return (
            len(t) > 1
            and t.isalpha()
            and not self.claimed[k]
            and bool(self.info[k] & wi.NAME_T)
            and not self.info[k]
            & (_TITLE_WORD | wi.ORGHEAD | wi.RANK | wi.HON | (0 if places else wi.PLACE1))
            and t.lower() not in self.lex.common
        )

    def caps_headings(self) -> None:
        """In a cable in capitals, a line that is a name and, after a comma, the title that
        ends the line: "A. (U) PRANAB MUKHERJEE, MINISTER OF FINANCE" (the people a
        tasking cable asks about). The name alone is no evidence; the line's shape is."""
        if not self.caps:
            return
        gaps, n, text = self.tgaps, len(self.words), self.text
        taken = {
            k
            for c in self.cands
            for s, e in c.mentions
            for k in range(bisect_left(self.starts, s), bisect_left(self.starts, e))
        }
        for s in range(2, n - 1):
            if gaps[s - 1].strip() != "," or "\n" in gaps[s - 1]:
                continue
            m = s - 1  # the name's last word, then back over the words before it
            while m > 0 and s - m < 4 and self._caps_word(m - 1, True) and _space(gaps[m - 1]):
                m -= 1
            line = text.rfind("\n", 0, self.starts[m]) + 1
            if (
                s - m < 2
                or self._caps_entry(m, True) != s
                or taken.intersection(range(m, s))
                or not _LINE_MARKER.fullmatch(text[line : self.starts[m]])
            ):
                continue
            end, words, aff = self.title_chain(s)
            if not words or (end < n and "\n" not in gaps[end - 1]):
                continue  # the title must end the line
            self.add(m, s, words, aff)
            taken.update(range(m, s))

    def rulers(self) -> None:
        """A name alone before "administration", "government" or "regime", after "the":
        the one who heads it ("the Bush administration", "the Lula government"), a
        person's mention as GUIDELINES section 3 counts a name used as a modifier."""
        toks, gaps, starts = self.words, self.gaps, self.starts
        for j in range(2, len(toks)):
            if toks[j] not in _RULED_FORMS:
                continue
            i = j - 1
            s = starts[i]
            if (
                toks[i - 1] in ("the", "The")
                and gaps[i - 1] == " "
                and gaps[i] == " "
                and not self.claimed[i]
                and (ruler_name(toks[i]) or far_town_ruler(toks[i], self.text, self.host))
                and not any(a <= s < b for c in self.cands for a, b in c.mentions)
            ):
                self.cands.append(Cand([toks[i]], mentions=[(s, self.ends[i])], first=s))

    def _caps_entry(self, m: int, places: bool = False) -> int:
        """The end of a list entry of two to four name words from token m, closed by a comma,
        a bracket, a stop or "AND"; else m."""
        n = len(self.words)
        e = m
        while e < n and e - m < 4 and self._caps_word(e, places):
            e += 1
            if e < n and not _space(self.tgaps[e - 1]):
                break
        if e - m < 2 or (self._multiword_place(m, e) if places else self._place_or_heading(m, e)):
            return m
        g = self.tgaps[e - 1].strip()[:1] if e <= n else ""
        if e < n and not (g in (",", ")", ".", ";") or (g == "" and self.words[e] == "AND")):
            return m
        return e

    def _party_people(self, prefix: list[str], head: str) -> list[str]:
        """``prefix`` (what ``_title_prefix`` gave), with the nationality before it when
        they name a party (``head``, the word after them, is "Party") in two words or
        more: such a name begins with its people ("Belarusian Social Democratic Party
        leader"); with one word, the nationality is the affiliation ("British
        Conservative Party leader")."""
        f = self._prefix_from
        if (
            head == "Party"
            and len(prefix) > 1
            and f > 0
            and self.info[f - 1] & wi.DEM
            and self.gaps[f - 1] == " "
        ):
            return [self.words[f - 1], *prefix]
        return prefix

    def _drop_name_of(self, prefix: list[str], end: int) -> None:
        """Drop the name just found when it is the body a title's prefix names: "Nord
        Stream" of "Nord Stream CFO Paul Corcoran" (the scan met it first)."""
        c = self.cands[-1] if self.cands else None
        if (
            c is not None
            and not c.titles
            and len(c.mentions) == 1
            and c.mentions[0][1] == end
            and set(c.tokens) <= set(prefix)
        ):
            self.cands.pop()

    def _place_as_name(self, a: int, k: int, title: list[str]) -> bool:
        """Whether the "name" [a, k) after a title is a place's: one of several words
        ("Charge d'Affaires La Paz", "Consul General Sao Paulo"), a region or a country
        ("Chief Minister Punjab", "Head Europe"), or the city of a US post after a mission's
        office ("RSO Peshawar", "Consul General Barcelona"); not a surname a city shares
        ("President Lagos", "Defense Minister Santos", "President Bush")."""
        name = " ".join(self.words[a:k])
        place = self.lex.places.get(name.casefold())
        if place is None or name in wi.NAMES_LIKE_CITIES or name in self.lex.known_surnames:
            return False
        if k - a > 1 or place.kind in ("country", "region"):
            return True
        station = canonical_station(name)
        return (
            station is not None
            and station in KNOWN_STATIONS
            and any(w in _MISSION_OFFICES for w in title)
        )

    def _delegation_name_end(self, i: int, k: int) -> int:
        """Where the name after "Codel" at token i ends (``k``: as an honorific's would).
        No name when the delegation is a noun of the sentence ("told the Codel. MI-6 ...",
        "STAFFDEL's UNVIE program", "expressed to the Codel HMG's gratitude"), and none of
        a headline's words after it ("CODEL NELSON SCENESETTER")."""
        toks = self.words
        if not _space(self.gaps[i]) or (toks[i + 1].isupper() and not toks[i].isupper()):
            return i + 1
        for j in range(i + 1, k):
            if toks[j].upper() in _AFTER_NAME or toks[j].upper() == "SCENESETTER":
                return j
        return k

    def _headline_verb(self, i: int, inner: bool = False) -> bool:
        """Token i is a verb of a headline (the SUBJECT line, a heading in capitals or Title
        Case): a common word with an -s ("Discusses", "BRIEFS") and not followed by one
        ("President Morales Visits Spain"). ``inner``: the token would go on a name ("NSA
        JONES DISCUSSES"), so only in capitals or on the SUBJECT line, and not a surname the
        cables give ("Morales", "Wells" in "Ambassador Carlos Morales, MFA Acting Director")."""
        toks = self.words
        if not self._verb_s(toks[i]):
            return False
        if inner and (self._word(toks[i]) in self.lex.known_surnames or len(toks[i - 1]) == 1):
            return False  # a surname, or the word after an initial ("Alice G. Wells")
        if i + 1 < len(toks) and self.gaps[i].strip() == "" and self._verb_s(toks[i + 1]):
            return False
        text = self.text
        s0 = self.starts[i]
        a = text.rfind("\n", 0, s0) + 1
        b = text.find("\n", s0)
        line = text[a : b if b >= 0 else len(text)].strip()
        if line[:8].upper() == "SUBJECT:":
            return True
        if inner and not toks[i].isupper():
            return False
        words = line.split()
        return all(w[:1].isupper() or w in _HEADLINE_SMALL for w in words)

    def _verb_s(self, word: str) -> bool:
        """A common word with an -s or -es ("Discusses", "BRIEFS"): a headline's verb."""
        low = word.lower()
        common = self.lex.common
        return (
            len(low) > 3
            and low.endswith("s")
            and (low[:-1] in common or (low.endswith(_ES_STEMS) and low[:-2] in common))
        )

    def _multiword_place(self, i: int, k: int) -> bool:
        """Tokens from i (to at most k) begin a multi-word place or demonym ("Costa Rica",
        "La Paz")."""
        text = self.text
        s0 = self.starts[i]
        for j in range(min(k, i + 4), i + 1, -1):
            key = " ".join(text[s0 : self.ends[j - 1]].split()).casefold()
            if (
                key in self.lex.places
                or key.title() in self.lex.demonyms
                or (key.endswith("s") and key[:-1].title() in self.lex.demonyms)
            ):
                return True
        return False

    def _place_or_heading(self, i: int, k: int) -> bool:
        """A multi-word place or demonym ("Costa Rica", "La Paz"), or a Title Case heading."""
        if self._multiword_place(i, k):
            return True
        text = self.text
        s0 = self.starts[i]
        # the first token alone, unless a given name before a name's word ("Vladimir
        # Davydov"; not "Lima Peru", "Salvador da Bahia", "Concepcion Departments")
        if (
            k > i
            and self.info[i] & wi.PLACE1
            and not (
                self.words[i] in wi.NAMES_LIKE_CITIES
                and self.info[i + 1] & wi.NAME_F
                and not self.info[i + 1] & (wi.MOD | wi.HEAD | wi.ORGHEAD | wi.PLACE1 | wi.PART)
            )
        ):
            return True
        a = text.rfind("\n", 0, s0) + 1
        heading = self._headings.get(a)
        if heading is None:
            b = text.find("\n", s0)
            # a heading's underline on its own line's end: "EITI Good In a Prioritized MONUC
            # Mandate -----"
            line = text[a : b if b >= 0 else len(text)].strip().rstrip("- ")
            # at most 11 words: a heading has 10 at most, and a paragraph's line can be
            # long (a whole split of it cost 1 % of extraction)
            words = line.split(None, 10)
            # a line that goes on from a sentence is no heading: "Vice Minister of Foreign
            # Trade (COMEX), \nMelissa Delgado, Advisor to the Minister, and Ronald"
            before = text[max(0, a - 40) : a].rstrip()
            heading = self._headings[a] = bool(
                1 < len(words) <= 10
                and not line.endswith((".", ",", ";", ":"))
                and not before.endswith((",", ";"))
                and not before.endswith(_GOES_ON)
                and all(
                    w[:1].isupper() or w in ("of", "and", "the", "in", "on", "for", "to", "a", "-")
                    for w in words
                )
            )
        return heading

    def _bracket_closes(self, end: int) -> bool:
        """Whether a bracket opens after token ``end - 1`` and the apposition closes after
        it: "at the Foreign and Commonwealth Office (FCO), on"; not "Institute Director
        (IDAC) Jose Tomas Perez", the next one's title."""
        if self.gaps[end - 1].strip() != "(":
            return False
        close = self.text.find(")", self.ends[end - 1], self.ends[end - 1] + 40)
        return close > 0 and self.text[close + 1 : close + 2] in (",", ".", ";")

    def _bracket_tail(self, k: int) -> int:
        """Where a bracketed apposition's title ends (its closing bracket after the token
        before it) when it goes on at token k after a comma with a unit's or a body's
        capitalised words, or -1: "Nuclear Affairs and Non-Proliferation Division, MFA)"."""
        toks, info, gaps, n = self.words, self.info, self.tgaps, len(self.words)
        for m in range(k, min(k + 12, n)):
            tok, g = toks[m], gaps[m].strip()
            if not (
                (info[m] & (wi.UP0 | wi.ORGACR) and tok[:1].isupper() and not info[m] & wi.NAME_F)
                or (tok in ("and", "of", "for", "the") and m > k)
            ):
                return -1
            if g[:1] == ")":
                return m + 1 if tok not in ("and", "of", "for", "the") else -1
            if g not in ("", ",", "-"):
                return -1
        return -1

    def _topic_then_title(self, j: int) -> tuple[list[str], int, str | None]:
        """An apposition's title after a topic of common words in capitals, at token j:
        "Zoe Smith, Nuclear Issues Desk Officers at the FCO" -> (words, end, affiliation),
        or ([], j, None)."""
        info, toks = self.info, self.words
        h = j
        # or a body the organisation pass found: "the Communist Party chief of Foreign
        # Relations"
        for e in range(j + 2, min(j + 7, len(toks))):
            found = self.org_ends.get(self.ends[e - 1])
            if found is not None and found[0] == j and _space(self.gaps[e - 1]):
                h = e
                break
        joined = False  # "and" between two of the words: "Nuclear and Radiological Security"
        while (
            h < min(j + 3 + joined, len(toks) - 1)
            and info[h] & wi.UP0
            and not info[h] & (wi.HEAD | wi.ABBR | wi.HON | wi.NAME_F | wi.PLACE | wi.SPEECH)
            and toks[h].isalpha()
            and toks[h].lower() not in SPEECH
            and not toks[h].endswith("ed")  # a verb: "Told Charge d'Affaires ...
            and toks[h].lower() in self.lex.common
            and _space(self.gaps[h])  # (a line may break inside: "Government \nRelations")
        ):
            h += 1
            if not joined and toks[h] == "and" and _space(self.gaps[h]) and h + 1 < len(toks):
                joined = True
                h += 1
        if toks[h - 1] == "and":
            h -= 1  # (no such word after it: no title)
        if h == j:
            return [], j, None
        end, words, aff = self.title_chain(h)
        if not words or any(info[x] & wi.NAME_F for x in range(h, end)):
            return [], j, None
        # the apposition closes, or its body follows with an article ("at the FCO"); not
        # a unit's name that could run on to the next person's ("Coordinating Minister
        # for Production Susana Cabeza de Vaca,")
        if not (
            end >= len(toks)
            or self.gaps[end - 1].strip()[:1] in (",", ".", ";", ")")
            or self._bracket_closes(end)
            or (
                toks[end].lower() in _EXT_WORDS
                and end + 1 < len(toks)
                and toks[end + 1] in ("the", "The")
            )
            # or where the holder comes from: "Government Relations Advisor seconded from
            # the Dutch Foreign Ministry"
            or (
                toks[end].islower()
                and toks[end].endswith("ed")
                and end + 1 < len(toks)
                and toks[end + 1] in ("from", "to", "by")
            )
        ):
            return [], j, None
        return [*toks[j:h], *words], end, aff

    def _prefixed_title(self, j: int) -> tuple[list[str], int, str | None]:
        """An apposition's title whose first words name its body or place, as
        ``_title_prefix`` reads them before a name: "Jim Bob, Colombia Desk Officer,",
        "the MFA's Colombia Desk Officer" -> (words, end, affiliation), or ([], j, None).
        The chain must close the apposition."""
        info, n = self.info, len(self.words)
        for h in range(j + 1, min(j + 5, n)):
            if not _space(self.gaps[h - 1]):
                break
            if not info[h] & (wi.HEAD | wi.ABBR):
                if not info[h] & (wi.UP0 | wi.ORGACR):
                    break  # capitalised words alone: not "Office of the Legal Adviser"
                continue
            end, words, aff = self.title_chain(h)
            if not words:
                continue
            self._prefix_from = n
            # (it may begin at the owner before: "MFA's Colombia Desk Officer")
            if not self._title_prefix(h) or self._prefix_from > j:
                break
            if (
                end < n
                and self.gaps[end - 1].strip()[:1] not in (",", ".", ";", ")", "(")
                # (or the body it is of: "CBRN Terrorism Desk Officer in the
                # Counter-Proliferation Department of the Foreign and Commonwealth Office")
                and not (_space(self.gaps[end - 1]) and self.words[end] in ("of", "in", "at"))
            ):
                break
            return [*self._words(list(range(j, h))), *words], end, aff
        return [], j, None

    def apposition(self, k: int, a: int = -1) -> tuple[list[str], str | None]:
        """'Dmitri Lebedov, Second Secretary in the MFA' -> the title after the comma
        (``a``: where the name starts)."""
        n = len(self.words)
        if k >= n:
            return [], None
        g = self.tgaps[k - 1].strip()
        if g == "(" and self.words[k].lower() in _PROTECT:
            # a source's marking, then the apposition: "Judith Gough (strictly protect),
            # Deputy Head of ..."
            m = k
            while m + 1 < n and m - k < 3 and self.tgaps[m].strip()[:1] != ")":
                m += 1
            if m + 1 >= n or self.tgaps[m].replace(" ", "")[:2] != "),":
                return [], None
            k, g = m + 1, ","
        if g == "(":
            # "Maulvi Abdul Hadi Shinwari (former chief justice)"
            end, words, aff = self.title_chain(k)
            if words and self.tgaps[end - 1].strip()[:1] == ")":
                return words, aff
            if words and self.tgaps[end - 1].strip() == ",":
                # its unit and body after commas, to the bracket's close: "Ceta Noland
                # (Senior Policy Advisor, Nuclear Affairs and Non-Proliferation Division,
                # MFA)"
                close = self._bracket_tail(end)
                if close == end + 1:
                    # the body's initials alone, as a gloss: "(Director for Defense at the
                    # Foreign and Commonwealth Office, FCO)"
                    short = self.words[end]
                    known = self.lex.acronyms.get(short)
                    long = self.defined.get(short) or (known[0] if known else "")
                    if long and long in " ".join(words):
                        return words, aff
                if close > end:
                    return self._words(list(range(k, close))), aff
            return [], None
        if g != ",":
            return [], None
        j = k
        if self.words[j] == "who" and j + 1 < n and self.words[j + 1] in ("is", "was"):
            j += 2  # "Ahmed Ezz, who is Chairman of the Planning and Budget Committee"
            if j < n and self.words[j] in ("also", "now", "currently", "still"):
                j += 1  # "Alejandra Liriano, who is also a Deputy Foreign Minister,"
        article = self.words[j] if j < n else ""
        if article in ("the", "a", "an", "The") and j + 1 < n:
            j += 1
            if self.words[j] == "current" and j + 1 < n and self.info[j + 1] & wi.UP0:
                j += 1  # no qualifier of the title (section 3): "the current President of"
            elif (
                self.words[j] in _DESCRIPTIVE
                and j + 1 < n
                and _space(self.gaps[j])
                and self.info[j + 1] & (wi.HEAD | wi.MOD | wi.LOWH)
            ):
                j += 1  # how the cable sees the holder, no part of the title: "the powerful
                # secretary-general of the ruling National Democratic Party"
        if j >= n:
            return [], None
        body = ""
        # a body, place or person owning the title: "the MFA's UNSC Desk Officer",
        # "Gazprom's Deputy Chairman", "Human Rights Watch's Deputy Director"
        h = j
        owner = False  # an organisation the organisation pass found owns it
        for e in range(j + 2, min(j + 8, n)):
            found = self.org_ends.get(self.ends[e - 1])
            if found is not None and found[0] == j:
                if self.gaps[e - 1][:2] in _POSSESSIVE:
                    h, owner = e - 1, True  # "the Foreign and Commonwealth Office's"
                break
        while (
            not owner
            and h < min(j + 3, n - 1)
            and self.info[h] & wi.UP0
            and not self.info[h] & (wi.HEAD | wi.ABBR | wi.HON)
            and self.gaps[h][:2] not in _POSSESSIVE
            and _space(self.gaps[h])
        ):
            h += 1
        prefixed: tuple[list[str], int, str | None] = ([], j, None)
        if (
            h + 1 < n
            and self.info[h] & (wi.UP0 | wi.ORGACR)
            and (owner or not self.info[h] & (wi.HEAD | wi.ABBR | wi.HON))
            and self.gaps[h][:2] in _POSSESSIVE
            and _space(self.gaps[h][2:])
            and (
                self.info[h + 1] & (wi.HEAD | wi.MOD | wi.ABBR | wi.ORGACR)
                # or a desk's place or a unit before the title: "Colombia Desk Officer"
                or (prefixed := self._prefixed_title(h + 1))[0]
            )
        ):
            body = " ".join(self.words[j : h + 1]) + self.gaps[h][:2]
            j = h + 1
        if prefixed[0]:
            words, end, aff = prefixed
        else:
            end, words, aff = self.title_chain(j)
        if not words and not body:
            words, end, aff = self._topic_then_title(j)
        if not words and not body:
            words, end, aff = self._prefixed_title(j)
        if body:
            if not words:
                return [], None
            words = [body, *words]
        if words and self.info[end - 1] & wi.PLURAL and not self._extended:
            # "Palocci, members of the opposition": not one's title; but the list's own
            # after its last name: "X and Maria Solanas Cardin, advisors to the ..."
            single = singular(words[-1])
            if a < 1 or self.words[a - 1] != "and" or not single:
                return [], None
            words = [*words[:-1], single]
            self._list_title = True
            if end + 1 < n and self.words[end].lower() in _EXT_WORDS and _space(self.gaps[end - 1]):
                ext = self._extension(end)  # "advisors to the Council": the chain stopped
                if ext:
                    words = words + self._words(ext)
                    end = ext[-1] + 1
        if not words and article in ("a", "an", "the"):
            # "Migi, an accountant, organizes ...", "Steven Spielberg, the film director,"
            return self._role(j), None
        if not words and not body and j == k and article.islower() and a >= 0:
            # no article: "Sanne Kaasjager, lead national negotiator from the Foreign
            # Ministry,", "Joseph Babits, in-house counsel, also attended"
            return self._role(j, bare=True), None
        after = self.gaps[end - 1] if end < n else ""
        if after[:1] == "." and self._word(self.words[end - 1]) in _RANK_ABBR_DOT:
            after = after[1:]  # "MORA, GEN. GUILLERMO GALVAN"
        if not words or (
            end < n
            and _space(after)
            and (self.nameish(end, True) or self.info[end] & (wi.HEAD | wi.ABBR | wi.HON))
        ):
            # "Kaidanow, NSC Director Bridget Brink", "King Abdullah, Foreign Minister Prince
            # Saud": the next one's title
            return [], None
        if self.gaps[end - 1][:1] in ("'", "\u2019"):
            # "Ali Gashut, Secretary of Libya's Atomic Energy Establishment,": a body of a
            # country or organisation, read to the closing comma; not "Gulnora Karimova,
            # the President's daughter"
            tail = self._appos_tail(j, end) if self.gaps[end - 1][:2] in _POSSESSIVE else end
            if tail <= end or self.info[end - 1] & (wi.HEAD | wi.ABBR):
                return [], None
            self._appos_at = j
            return self._words(list(range(j, tail))), aff
        if (
            article not in ("the", "The", "a", "an")
            and end == j + 1
            and self.info[j] & wi.ABBR
            and end < n
            and _space(self.gaps[end - 1])
            and self.words[end].islower()
            and len(self.words[end]) > 2  # (not "Charge d'Affaires" misspelt)
            and self.words[end] not in _AFTER_APPOSITION
        ):
            return [], None  # "related to Fujimori, D/Polcouns spoke with ...": a subject
        if (
            article in ("the", "The")  # not "Bayona, an UNAIM prosecutor suspected of",
            # "Roser Clavell, Secretary General of Foreign Affairs told CG"
            and end < n
            and _space(self.gaps[end - 1])
            and self.words[end].islower()
            and self.words[end] not in _AFTER_APPOSITION
            # not a body's name the chain stopped in: "Ximena Castillo, the PDI's Director
            # of the National Office of Crimes Against the Family,"
            and (self.words[end] != "the" or self._appos_tail(j, end) == end)
        ):
            return [], None  # "Minister Akamatsu, the DCM met ...": a new clause's subject
        tail = self._appos_tail(j, end)
        if (
            body
            and tail < n
            and self.gaps[tail - 1].strip()[:1] not in (",", ";", ")", "(", ".", ":")
            and self.words[tail] not in ("who", "whose", "which")
            and not (  # "and" a second role: "..., Chile's Ambassador to Argentina and a",
                # "the MFA's head of International Organizations and Murillo's boss"
                self.words[tail] == "and"
                and tail + 1 < n
                and (self.words[tail + 1].islower() or self.gaps[tail + 1][:2] in _POSSESSIVE)
            )
            and not self.info[tail] & wi.SPEECH
        ):
            # an owner's title must close the apposition: not "France's chief climate
            # negotiator" read to "chief", nor the next entry's title in a list
            return [], None
        self._appos_at = j
        if tail > end:
            words = self._run_on(words, end, tail)
        return words, aff

    def _run_on(self, words: list[str], end: int, tail: int) -> list[str]:
        """A chain's ``words`` (its last token at end - 1) run on to token ``tail``, with
        the possessive between them as written ("President of Canada's Verenex Energy")."""
        g = self.gaps[end - 1][:2]
        if words and g in _POSSESSIVE and tail > end:
            words = [*words[:-1], words[-1] + g]
        return words + self._words(list(range(end, tail)))

    def _appos_tail(self, j: int, end: int) -> int:
        """Where an apposition's title ends when it runs on past its chain to the comma:
        "Patrick Zelnik, CEO of French independent label Naove, which ...", "al Ajami, head
        of the Syrian Regional Office for the Boycott of Israel,". Only a title that is of
        or for a body (a preposition in or just after the chain), over a few words without
        a verb or clause word, the last a name's (capitalised) and then the closing mark;
        else ``end``."""
        toks, info, gaps, n = self.words, self.info, self.tgaps, len(self.words)
        if self.caps or end >= n:
            return end
        if not (
            _space(gaps[end - 1])
            or (gaps[end - 1][:2] in _POSSESSIVE and _space(gaps[end - 1][2:]))
        ):
            return end
        if not any(t in _OF_WORDS for t in toks[j : end + 1]):
            return end
        # "chief of staff", "head of state": one role in lower case, whatever follows it
        # ("chief of staff to President Lula")
        if end + 2 <= n and toks[end] == "of" and toks[end + 1] in _ROLE_OF_ENDS:
            role_end = end + 2 if _space(gaps[end]) else end
        else:
            role_end = end
        k = end
        words = 0
        while True:
            if k >= n or words >= 7:
                return role_end
            t = toks[k]
            f = info[k]
            if f & wi.SPEECH and words and toks[k - 1][:1].isupper() and _space(gaps[k - 1]):
                break  # the comma left out before the verb: "..., the PDI's Director of
                # the National Office of Crimes Against the Family explained"
            if (
                t == "and"
                and words
                and toks[k - 1][:1].isupper()
                and k + 1 < n
                and (toks[k + 1].islower() or gaps[k + 1][:2] in _POSSESSIVE)
            ):
                break  # a second role: "head of International Organizations and Murillo's boss"
            if (
                not t.replace("'", "").isalpha()
                or t in _TAIL_BREAKS
                or f & (wi.HON | wi.SPEECH | wi.RANK)
                # another one's title: "Head of Delegation Colonel X", "Secretary of State
                # and Secretary of Homeland Security Michael Chertoff"
                or (
                    f & (wi.HEAD | wi.ABBR)
                    and f & wi.UP0
                    and not f & wi.ORGHEAD
                    and k + 1 < n
                    and info[k + 1] & wi.NAME_T
                    and _space(gaps[k].lstrip("."))  # "Col. Andreiy Kuts"
                )
                # a clause: "of the MFA to verify Kosovo's recognition"
                or (t == "to" and k + 1 < n and toks[k + 1].islower() and toks[k + 1] != "the")
            ):
                return role_end
            g = gaps[k].strip().strip(_QUOTES)  # 'daily "Courier from Vitebsk",'
            k += 1
            if g == "-":
                continue  # "quasi-governmental": one word
            words += 1
            if g == "" or g in _POSSESSIVE:
                continue  # "Libya's"
            if g[:1] in (",", ";", ")"):
                break
            if g == "." and (len(t) > 3 or t.isupper()) and gaps[k - 1][1:2].isspace():
                break  # a full stop, not an abbreviation's ("the mayor of St.Andre")
            return role_end
        last = toks[k - 1]
        if k == role_end:
            return k
        if last in _GROUP_NOUNS and k - 1 > end:
            return k  # "Deputy Chairman of the Sunni Al-Asala bloc, Ibrahim Bu Sandal,"
        if not last[:1].isupper() or last in self.lex.known_surnames:
            return role_end
        # the next one's name ends the list entry, not a body's: "Mayor of Greater Caracas
        # Antonio Ledezma", "Vice President for upstream activity Boumediene Belkacem"
        second = k - 1
        while second > end and gaps[second - 1] == "-":
            second -= 1  # "Takht-Ravanchi": one word
        first = second - 1
        while first > end and gaps[first - 1] == "-":
            first -= 1
        if (
            first > end
            and all(
                info[m] & wi.NAME_T
                and not info[m] & _NOT_TAIL_NAME
                and toks[m].lower() not in self.lex.common  # "Economic Research Forum"
                for m in (first, second)
            )
            and toks[first - 1] not in _OF_WORDS
            and toks[first - 1] not in ("the", "in")
        ):
            return role_end
        return k

    def _role(self, j: int, bare: bool = False) -> list[str]:
        """A descriptive role in an apposition after "a"/"an"/"the", as the cable labels the
        person: a few lower-case words ending in a noun for a person ("an independent
        magistrate", "a sales representative for Kayra"), closed by a comma or a stop; else
        nothing. After "the", a comma and "and" close a list, not an apposition ("Sgrena,
        the driver, and the Station Chief"). ``bare``: no article came before, so at least
        two words, and "from" a body in capitals may close it, outside the title
        ("lead national negotiator from the Foreign Ministry,")."""
        toks, gaps, n = self.words, self.gaps, len(self.words)
        k = j
        joined = 0  # hyphens inside words: four words, not four tokens
        while k < n and k - j - joined < 4 and toks[k].isalpha() and toks[k].islower():
            if toks[k] in ("for", "of", "at", "with") or (bare and toks[k] == "from"):
                break  # the organisation part, read below
            if toks[k] in _ROLE_BREAKS and gaps[k] != "-":  # (not "in-house counsel")
                return []
            if gaps[k] == "-" and k + 1 < n and toks[k + 1].islower():
                k += 1  # "a part-time business associate", "the center-left mayor"
                joined += 1
                continue
            if gaps[k].strip():
                k += 1
                break
            k += 1
        head = toks[k - 1] if k > j and not (k - 1 > j and gaps[k - 2] == "-") else ""
        if not (head in ROLE_NOUNS or (head.endswith(_ROLE_ENDINGS) and head not in _NOT_ROLES)):
            return []
        if (
            bare
            and (
                k - j < 2
                or len(toks[j]) < 2  # "Arias's predecessor"
                or toks[j].endswith(("ed", "ing"))  # "followed by", "considering him"
                or any(t in _BARE_NOT or t.endswith("ly") for t in toks[j:k])
            )
        ):
            return []  # a clause, not a role: "Tremonti, often supports protectionist"
        end = k
        closing_at = k
        if bare and gaps[k - 1].strip() == "" and k < n and toks[k] == "from":
            m = k + 2 if k + 1 < n and toks[k + 1] == "the" else k + 1
            first = m
            while m < n and m - first < 4 and toks[m][:1].isupper():
                m += 1
                if gaps[m - 1].strip():
                    break
            if m == first:
                return []
            closing_at = m
        elif gaps[k - 1].strip() == "" and k < n and toks[k] in ("for", "of", "at", "with"):
            m = k + 1  # "for Kayra": the organisation it works for, in capitals
            while m < n and m - k <= 4 and toks[m][:1].isupper():
                m += 1
                if gaps[m - 1].strip():
                    break
            if m == k + 1 and toks[k] == "of":
                # or a ministry's field in lower case: "the new minister of labor"
                while m < n and m - k <= 3 and toks[m].islower():
                    if toks[m].capitalize() not in MODIFIERS:
                        m = k + 1
                        break
                    m += 1
                    if gaps[m - 1].strip():
                        break
            if any(self.info[x] & (wi.HEAD | wi.ABBR | wi.HON) for x in range(k + 1, m)):
                return []  # "a collaborator of Prime Minister Berlusconi": another's title
            if m > k + 1:
                end = m
            if gaps[end - 1][:1] == "." and len(toks[end - 1]) <= 3:
                return []  # "the mayor of St.Andre": an abbreviation, not the name's end
        closing = gaps[max(end, closing_at) - 1].strip()
        if closing[:1] not in (",", ".", ";", ")", "("):
            return []
        if closing[:1] == "(" and not bare:
            return []
        if (
            toks[j - 1] in ("the", "The")
            and closing == ","
            and end + 1 < n
            and toks[end] in ("and", "or")
            # the next entry of a list ("and the Station Chief"), not a verb ("and cited")
            and (toks[end + 1] in ("the", "a", "an") or toks[end + 1][:1].isupper())
        ):
            return []
        return self._words(list(range(j, end)))

    def form_titles(self, people: list[Cand]) -> None:
        """A form's title line under its name line ("Name: Vigdis Finnbogadottir" then
        "Title: Former President of Iceland (1980-1996)"): the person's titles, one per
        part between semicolons or commas before a title's first word, a line that wraps
        read on, bracketed years left out."""
        text = self.text
        if "ame:" not in text and "AME:" not in text:
            return
        for m in _FORM_NAME_TITLE.finditer(text):
            a, b = m.span("name")
            person = next((p for p in people if any(a <= s < b for s, _e in p.mentions)), None)
            if person is None:
                continue
            title = _BRACKETED.sub("", " ".join(m.group("title").split()))
            for part in _FORM_TITLE_BREAK.split(title):
                words = part.strip(" ,.").split()
                if not words or len(words) > 14:
                    continue
                written = " ".join(words)
                if all(t[0] != written for t in person.titles):
                    person.titles.append((written, expand(words, self.caps)))

    def roles_after_mentions(self, people: list[Cand]) -> None:
        """A person's descriptive role given after any of its mentions: "Guldane Migi ...
        Migi, an accountant, organizes" (a bare surname is linked after the scan)."""
        starts = self.starts
        for p in people:
            for _s, e in p.mentions:
                k = bisect_left(starts, e)  # the token after the mention
                if not (0 < k < len(starts)) or self.tgaps[k - 1].strip() != ",":
                    continue
                if self.words[k] not in ("a", "an", "the") or k + 1 >= len(starts):
                    continue
                role = self._role(k + 1)
                if role:
                    written = " ".join(role)
                    if all(t[0] != written for t in p.titles):
                        # a fuller form of a title found before replaces it ("former
                        # minister" -> "former minister of foreign affairs")
                        p.titles = [t for t in p.titles if not written.startswith(t[0] + " ")]
                        p.titles.append((written, expand(role, self.caps)))

    def add(
        self,
        a: int,
        b: int,
        words: list[str],
        aff: str | None,
        apposition: bool = False,
        pending: tuple[list[str], str | None] | None = None,
        listed: bool = False,
    ) -> None:
        name_toks = [_mixed(t) for t in self.words[a:b]]
        if not name_toks or not (words or pending or self._personal(a, b)):
            return
        if len(name_toks) > 1 and all(t.upper() in SUBJECT_CODES for t in name_toks):
            return  # "TAGS: EMIN PGOV SNAR" run on to a line of the text: no "EMIN Pgov Snar"
        if not _FACILITIES.isdisjoint(name_toks) or name_toks[0] in _STREET_FIRST:
            return  # "Dag Hammarskjold Library", "Hospital Aleman": a place named for one
        if b - a >= 3 and self._syllable_after(b - 1):
            # "Kim Jong-il" is Kim + Jong-il, not Kim Jong + il: "Kim Yong-il" is another
            name_toks[-2:] = [f"{name_toks[-2]}-{name_toks[-1]}"]
        if all(_REDACTED(t) for t in name_toks):
            return  # "The tribal chief XXXXXXXXXXXX": a name withheld is nobody's
        if (
            b == a + 1
            and not self.caps
            and len(self.words[a]) <= 3
            and self.words[a].isupper()
            and b < len(self.words)
            and self.words[b][:1].isdigit()
            and self.gaps[a] == " "
        ):
            return  # "fined the journalist LE 40,000": a currency's initials, no name
        if (
            words
            and words[-1].capitalize() == "General"
            and (
                words[0].capitalize() == "Consul"
                # the word before a one-word title: "Consulate General Munich"
                or (len(words) == 1 and a > 1 and self.words[a - 2] in _CONSULATE)
            )
            and b - a <= 2
            and self.lex.places.get(" ".join(self.words[a:b]).casefold()) is not None
            and name_toks[-1] not in self.lex.known_surnames
        ):
            return  # "Consulate General Munich", "Consul General Dubai": a post, no name
        if (
            words
            and words[-1] in _PEERS
            and b - a == 1
            and b + 1 < len(self.words)
            and self.words[b] == "of"
            and _space(self.gaps[b - 1])
            and _space(self.gaps[b])
            and self.info[b + 1] & wi.NAME_T
        ):
            b += 2  # "Baroness Morgan of Drefelin": a peer is named for a place
            name_toks = [*name_toks, "of", self.words[b - 1]]
            self.claimed[b - 2] = self.claimed[b - 1] = True
        given = self._given_after_comma(a, b)
        if given > b:  # "Forensic Sec. Chief YEH, Jia Yu;": the given names follow
            name_toks = [_mixed(t) for t in self.words[b:given]] + name_toks
            for k in range(b, given):
                self.claimed[k] = True
            b = given
        self._list_title = False
        w2, a2 = self.apposition(b, a)
        if not (words or pending or w2):
            words = self._title_before_comma(a, b) or self._predicate_title(b)
        start, end = self.starts[a], self.ends[b - 1]
        titles = []
        if words:
            titles.append((" ".join(words), expand(words, self.caps)))
        if w2 and w2 != words:  # (the same: caps_headings gives the apposition's title)
            # "NDP member Ahmed Ezz, who is Chairman of ...": both are his titles
            aff = aff or a2
            titles.append((" ".join(w2), expand(w2, self.caps)))
            words = words or w2
        if pending:
            titles.insert(0, (" ".join(pending[0]), expand(pending[0], self.caps)))
            aff = aff or pending[1] or self._affiliation(pending[0])
        if aff is None and words:
            aff = self._affiliation(words)
            if listed and aff == self.host:
                aff = None  # "Presidents Lukashenko and Medvedev" in a Vilnius cable
        if name_toks[-1] in US_LEADERS:
            aff = "United States"
        if w2 and self._list_title:
            self._share_list_title(a, titles[-1])
        self.cands.append(Cand(name_toks, titles, aff, [(start, end)], None, start))

    def _share_list_title(self, a: int, title: tuple[str, str]) -> None:
        """The title of a list's apposition for the names before its last (at token a):
        "Delphine Hournau and Zoe Smith, Nuclear Issues Desk Officers at the FCO"."""
        k = a - 1  # the list's "and" (not "Min. Mourao, and Alves, Officers")
        for c in reversed(self.cands[-3:]):
            if k < 1 or c.mentions[-1][1] != self.ends[k - 1] or self.tgaps[k - 1] != " ":
                return
            if title not in c.titles:
                c.titles.append(title)
            # before it, "A, B and C": a comma and the name before
            s = bisect_left(self.starts, c.mentions[-1][0])
            if s < 2 or self.tgaps[s - 1].strip() != ",":
                return
            k = s

    def _firm_cue(self, a: int) -> bool:
        """Whether a firm's, paper's or group's noun right before token a says its name
        follows: "the British law firm Mishcon de Reya", "Spanish daily El Pais"; not
        after a name ("Al-Wasat newspaper Mansour Al-Jamri": its editor)."""
        if a < 2 or not _space(self.gaps[a - 1]) or self.words[a - 1] not in _FIRM_NOUNS:
            return False
        before = self.words[a - 2]
        return not (
            before[:1].isupper()
            and before not in ("The", "A", "An")
            and self.demonym(before) is None
            and _space(self.gaps[a - 2])
        )

    def _place_cue(self, a: int) -> bool:
        """Whether the two words before token a say a place's name follows: "the town of",
        "the province of", "the Embassy in"."""
        if a < 2 or not (_space(self.gaps[a - 1]) and _space(self.gaps[a - 2])):
            return False
        noun, prep = self.words[a - 2].lower(), self.words[a - 1].lower()
        return (prep == "of" and noun in _PLACE_KINDS) or (
            prep == "in" and noun in ("embassy", "consulate")
        )

    def _given_after_comma(self, a: int, b: int) -> int:
        """The end of the given names of a list entry written "SURNAME, Given Names;" (as
        vetting requests and participant lists write them), else ``b``: one surname in
        capitals in a mixed-case cable, a comma, one to three given names closed by ";",
        "(", or the line's end."""
        toks, gaps = self.words, self.gaps
        if (
            self.caps
            or b != a + 1
            or not (toks[a].isupper() and len(toks[a]) > 1)
            or gaps[a] not in (", ", ",")
        ):
            return b
        k = b
        n = len(toks)
        # each given name in mixed case, no title word ("KIMMITT, COMMERCE MINISTER")
        while k < n and k - b < 3 and _given_word(toks[k]) and not self.info[k] & _TITLE_WORD:
            g = gaps[k]
            if g[:1] in (";", "(") or g.lstrip(" ")[:1] == "\n" or g.strip()[:1] == ";":
                return k + 1
            if g != " " and g != "-":
                return b
            k += 1
        return b

    def _personal(self, a: int, b: int) -> bool:
        """Whether an untitled name at tokens [a, b) can be a person's: not when it is the
        start of a facility's, firm's or system's name ("Sule Pagoda Road", "Yunnan
        Minmetals Trading Co.", "Consolidated Consular Database", "Myanmar Ruby
        Enterprise") or the rest of a thing's name ("Article IV", "Operation Enduring
        Freedom": ``THING_FIRST``, ``THING_BEFORE``), nor when a word of it is a plural
        acronym ("Tamil IDPs")."""
        toks = self.words
        if any(_PLURAL_ACRONYM(t) for t in toks[a:b]):
            return False
        thing = (
            (toks[a].capitalize() in THING_FIRST and b - a > 1)
            or (a > 0 and toks[a - 1].capitalize() in THING_BEFORE and self.gaps[a - 1] in " \n")
            or (a > 0 and self.gaps[a - 1].strip() == "&")  # "Heckler & Koch", a firm
            # "Smith & Wesson", "Marks & Spencer" (not a garbled quote: "Fridman &long")
            or (self.gaps[b - 1] == " & " and b < len(toks) and toks[b][:1].isupper())
            # Spanish's article: "El Mundo", "El Tiempo" (in Arabic names "El" is a particle:
            # "El Baradei")
            or (
                self.host in _SPANISH_SPEAKING
                and (
                    (a > 0 and toks[a - 1] == "El" and self.gaps[a - 1] == " ")
                    or (toks[a] == "El" and b - a > 1)
                )
            )
            # "Al Masry Al Youm", "Al Sharq al Awsat": a paper's or a body's name
            or (b - a > 3 and toks[a] in ("Al", "El") and toks[a + 2] in ("Al", "al", "El", "el"))
        )
        if not thing and (self._place_cue(a) or self._firm_cue(a)):
            # "the village of Jid Hafs", "the British law firm Mishcon de Reya": and the
            # name alone elsewhere in the cable ("in Jid Hafs")
            self.cued.add(tuple(_mixed(t) for t in toks[a:b]))
            return False
        # a thing's name running on into the next word ("Ortega Bloc Cajibio": a table's
        # next column)
        thing = thing or any(t in NAMED_THINGS for t in toks[a + 1 : b - 1])
        if not thing and toks[b - 1] not in NAMED_THINGS:
            after = toks[b] if b < len(toks) else ""
            gap = self.gaps[b - 1]
            if not (
                (after in NAMED_THINGS and gap in " \n")
                # "Juan Santamaria International Airport"
                or (
                    after in ("International", "National", "Memorial")
                    and b + 1 < len(toks)
                    and toks[b + 1] in NAMED_THINGS
                )
                # "the Mubarak Peace Bridge", "the Kennedy Space Center"
                or (
                    after[:1].isupper()
                    and gap == " "
                    and b + 1 < len(toks)
                    and self.gaps[b] == " "
                    and toks[b + 1] in _FACILITIES
                )
                or (
                    after in _FIRM_SUFFIXES and gap in (", ", ",", ",\n")
                )  # "Brinkley Africa, Ltd."
                # a place's: "Cairo's low-income Dar Al Salaam area"
                or ((after in _PLACE_NOUNS or after in _FACILITY_NOUNS) and gap in " \n")
                or (after in _EVENT_NOUNS and gap in " \n" and self._noun_at(b))
                # a ship's, a flight's, a model's: "the Kang Nam 1 affair", "Pan Am 103
                # bomber"
                or (
                    after.isdigit()
                    and gap == " "
                    and b + 1 < len(toks)
                    and toks[b + 1][:1].islower()
                    and self.gaps[b] == " "
                )
            ):
                return True
            b += 1
        for k in range(a, b):  # the thing's name: not a place's either ("Enterprise")
            self.claimed[k] = True
        return False

    def _country(self, tok: str) -> str | None:
        return country_named(tok)

    def _skip_hon(self, k: int) -> int:
        """Token k, or the one after it when k is an honorific ("Mr.", "Dr.")."""
        return k + 1 if k < len(self.words) and self.info[k] & wi.HON else k

    def _name_after_title(self, end: int) -> tuple[int, int]:
        """(start, end) of the name a title at [.., end) introduces ((end, end) if none).

        "FM Lavrov", "Political Counselor Mr. Pang", "Acting President (AgP) Dr. Goodluck
        Jonathan", "the Minister (Chakib Benmoussa)", and in an apposition that closes after
        the name, "DIRECTOR FOR ASIA, DOMINIQUE GIRARD, IS ...".
        """
        n = len(self.words)
        none = (end, end)
        if end >= n:
            return none
        lowh = bool(self.info[end - 1] & wi.LOWH)
        if (
            end + 2 < n
            and self.words[end] in ("in", "at")
            and self.info[end + 1] & wi.PLACE1
            and not self.info[end + 1] & wi.NAME_T
            and self.tgaps[end + 1].strip() == ","
        ):
            end += 2  # "Fujimori's attorney in Chile, Gabriel Zaliasanik, cautioned"
        if (
            self.words[end - 1] == "POC"
            and end + 1 < n
            and self.words[end] == "is"
            and _space(self.tgaps[end - 1])
            and _space(self.tgaps[end])
        ):
            # a contact named as a form names one: "POC is Kyle M. Ballard, Phone: ..."
            a = self._skip_hon(end + 1)
            k = self.name_at(a, True)
            return (a, k) if k > a else none
        g = self.tgaps[end - 1].strip()
        if g == "(" and len(self.words[end]) == 1 and self.tgaps[end].strip()[:1] == ")":
            return none  # a list's next item: "GOVERNOR OF SAO PAULO \n(B) SAO PAULO 278"
        if (
            g == "("
            and end + 1 < n
            and self.tgaps[end].replace(" ", "") == "),"
            and self.words[end].isupper()
            and len(self.words[end]) > 1
            and not self.caps
            # after a body's name, not a title's word ("Representatives King (IA), Issa")
            and not self.info[end - 1] & (wi.HEAD | wi.ABBR)
            # and before a name in mixed case ("Office (MLO), MILGRP;" names an office)
            and self.words[end + 1][:1].isupper()
            and not self.words[end + 1].isupper()
        ):
            # the body's initials, then the name: "Resident Representative of the World
            # Bank (WB), Dr. Saad Elmedani Ahmed"
            end += 1
            g = ","
        if g in _TITLE_NAME_GAPS or (
            g == "." and self._word(self.words[end - 1]) in _RANK_ABBR_DOT
        ):
            a = self._skip_hon(end)
            if a > end and self.tgaps[end].strip() not in ("", "."):
                return none
            k = self.name_at(a, True)
            return (a, k) if k > a else none
        if g == "(" and end + 1 < n and self.tgaps[end].strip() == ")":
            a = self._skip_hon(end + 1)
            k = self.name_at(a, True)
            return (a, k) if k > a else none
        if g in (",", "(", ":", "-", "--"):
            a = self._skip_hon(end)
            k = self.name_at(a, True)
            if k <= a:
                return none
            w = self.words[a]
            if k == a + 1 and (w in _ANSWERS or (not self.caps and w.isupper() and len(w) <= 3)):
                # a form's answer ("Attendance of the Foreign Minister: Yes.") or a grade
                # ("1 Public Affairs Officer, FS 3, promotes ...", "Deputy Chief of
                # Mission, OC, engages ...")
                return none
            close = self.tgaps[k - 1].strip()[:1] if k < n else ""
            if g == "(":
                # "the actual Minister (Chakib Benmoussa)"; but "Chairman of the Islamic
                # Renaissance Party of Tajikistan (IRPT)" gives the body's acronym, also in
                # mixed case ("the Union for the Mediterranean (UfM)", "(ProGenericos)")
                one = self.words[a]
                acronym = one.isupper() or sum(map(str.isupper, one)) >= 2
                ok = close == ")" and (self.caps or k > a + 1 or not acronym)
            elif g == ",":
                # "Minister of Defense, Carme Chacon."; a lower-case role only in a closed
                # apposition: "opposition MP, Jasim Husain (from ...)"
                ok = not lowh or close in (",", "(", ";")
                if ok and end >= 2 and self.info[end - 1] & wi.ABBR:
                    # "In a meeting with Poloff, Mario Cortes, head of CONE, stated", "with
                    # DCM, Saygun raised": a staff title after a preposition ends the
                    # sentence's opening phrase; its subject, another, follows
                    ok = self.words[end - 2] not in _PREPOSITIONS
                elif (
                    ok
                    and end >= 3
                    and self.words[end - 2] in ("a", "an")
                    and self.words[end - 3] in _PREPOSITIONS
                    and k < n
                    and _space(self.tgaps[k - 1])
                    and self.words[k].islower()
                ):
                    ok = False  # "represented by an Ambassador, Paucelle said"
                if ok and k == a + 1 and k < n and _space(self.tgaps[k - 1]):
                    # "DCM, Econ Chief, and visiting EUR/NB Desk Officer": titles listed
                    ok = not self.info[k] & (wi.HEAD | wi.ABBR) or bool(self.info[k] & wi.NAME_T)
            else:
                # "Minister of Communications: Kristjan Moller (SDA)"; a dash opening the
                # next line is a list bullet ("Vice Minister of Energy \n- Paola Arias")
                ok = g == ":" or "\n" not in self.tgaps[end - 1]
            if ok:
                return a, k
        return none

    def _name_list(
        self, end: int, words: list[str], aff: str | None
    ) -> int | tuple[int, tuple[list[str], str | None], int]:
        """A plural title and the names it introduces: "Political Counselors Mr. Pang Hz
        and Mr. Xin Ma" gives each of them the title in the singular. After a comma, only
        a list that ends with "and" and a name: "two Spanish attorneys, Javier de la Cueva
        and David Bravo"."""
        single = singular(words[-1])
        if not single:
            return end
        words = [*words[:-1], single]
        n = len(self.words)
        k = end
        names: list[tuple[int, int]] = []
        comma = self.tgaps[end - 1].strip() == ","
        if not (_space(self.tgaps[end - 1]) or (comma and _space(self.tgaps[end - 1][1:]))):
            return end
        after_and = last_after_and = False  # the next name, the last one: after "and"
        while k < n and len(names) < 6:
            a = self._skip_hon(k)
            b = self.name_at(a, True)
            # a bare surname only in a list ("Presidents Lukashenko and Medvedev") or when
            # it reads as one ("Ministers Lavrov"): alone, "Counselors Pang" could be a unit
            listed = bool(names) or (b < n and self.words[b].lower() == "and")
            if b <= a or (a == k and b - a < 2 and not (listed or self.info[a] & wi.SURN)):
                break
            if self.gaps[b - 1][:1] == " " and self.gaps[b - 1].strip()[:1] in ('"', "\u201c"):
                break  # a nickname inside the name: 'Geraldo "Bispo Ge" Tenuta'
            names.append((a, b))
            last_after_and = after_and
            k = b
            g = self.gaps[k - 1].strip()
            if g == "(":
                # a gloss after the name: "Dorine Wytema (Israel, Peace Process), Michael
                # Thijssen (Palestine), and David Zeverijn"
                m = k
                while m < n and m - k < 8 and ")" not in self.tgaps[m]:
                    m += 1
                if m >= n - 1 or m - k >= 8:
                    break
                g = self.gaps[m].strip().lstrip(")").strip()
                k = m + 1
            after_and = k < n and self.words[k].lower() == "and" and g in ("", ",")
            if after_and:
                k += 1
            elif g != ",":
                break
        if not names:
            return end
        if comma:
            b = names[-1][1]
            # not "In their meetings with Brazilian leaders, Tauscher and Carter,s message"
            # (a possessive with its apostrophe garbled): the list is no apposition there
            possessive = b < n and self.words[b] == "s" and not _space(self.tgaps[b - 1])
            if not (len(names) > 1 and last_after_and) or possessive:
                return end
        for a, b in names:
            self.add(a, b, words, aff, listed=True)
        return names[-1][1]

    def _lower_role(
        self, i: int, words: list[str], aff: str | None
    ) -> tuple[list[str], str | None]:
        """A lower-case role with the words before it that qualify it: "former security
        minister", "presidential advisor"; a nationality or organisation acronym before
        them is the affiliation ("Chilean judge", "IDF soldier")."""
        toks = self.words
        k = i - 1
        pre: list[str] = []
        while k >= 0 and len(pre) < 3 and (self.gaps[k] == "-" or _space(self.gaps[k])):
            t = toks[k]
            if self.gaps[k] == "-" and t.isalpha() and t.islower() and t not in QUALIFIERS:
                # a hyphenated role: "editor-in-chief", "commander-in-chief"
                if pre:
                    pre[0] = f"{t}-{pre[0]}"
                else:
                    words = [f"{t}-{words[0]}", *words[1:]]
                k -= 1
                continue
            if t in LOWER_MODS or t in QUALIFIERS:
                pre.insert(0, t)
                k -= 1
                continue
            break
        if k >= 0 and self.gaps[k][:1] == ")" and not self.caps:
            # "Middle East Technology University (METU) professor"
            pre[:0] = self._bracketed_body(k + 1)
        elif k >= 0 and self.gaps[k] in ('" ', "\u201d ") and not self.caps:
            pre[:0] = self._quoted_body_before(k + 1)  # '"UzbekSavdo" chairman'
        elif (
            k >= 0
            and self.gaps[k][:2] in _POSSESSIVE
            and _space(self.gaps[k][2:])
            and not self.caps
            and _UNIT_ACRONYM(toks[k])
            and not self.info[k] & (wi.PLACE1 | wi.ABBR)
            and (self.info[k] & wi.ORGACR or toks[k] in self.defined)
        ):
            # the body's initials own the role: "the NOC's chairman", "the IOM's regional
            # representative"
            pre.insert(0, toks[k] + self.gaps[k][:2])
            acr = self.lex.acronyms.get(toks[k])
            aff = aff or (acr[0] if acr and self.info[k] & wi.ORGACR else None)
        elif k >= 0 and _space(self.gaps[k]):
            t = toks[k]
            if self.info[k] & wi.DEM:
                aff = aff or self.demonym(t)
            elif (
                _UNIT_ACRONYM(t)
                and not self.caps
                and not self.info[k] & (wi.PLACE1 | wi.ABBR)
                and (k == 0 or self.gaps[k - 1][-1:] in (" ", "\n"))
            ):
                # "PSO commander", "IDF soldier": the unit is part of the title (expanded
                # with the cable's own definition, if any), and known bodies affiliate
                pre.insert(0, t)
                acr = self.lex.acronyms.get(t)
                aff = aff or (acr[0] if acr and self.info[k] & wi.ORGACR else None)
                if k > 0 and toks[k - 1].lower() in QUALIFIERS and _space(self.gaps[k - 1]):
                    pre.insert(0, toks[k - 1])  # "Former LIFG member", "former IDF soldier"
            elif self.info[k] & wi.ORGACR:
                acr = self.lex.acronyms.get(t)
                aff = aff or (acr[0] if acr else None)
            else:
                body = self._title_prefix(k + 1, lower=True)  # "Bundestag member"
                if body and not self._names_someone(body, i + 1):
                    pre[:0] = self._party_people(body, body[-1])
        return [*pre, *words], aff

    def _names_someone(self, words: list[str], k: int) -> bool:
        """Whether words before a role name a person: the name at token k after it
        ("Drummond owner Gary Drummond") or one found before with a title ("Fethullah
        Gulen" for "Gulen attorney"); not a name made of these words alone."""
        if set(words).intersection(self.words[k : self.name_at(k, True)]):
            return True
        return any(
            c.titles
            and len(c.tokens) > 1
            and c.tokens[-1] in words
            and not set(c.tokens) <= set(words)
            for c in self.cands
        )

    def _affiliation(self, words: list[str]) -> str | None:
        core = [w for w in words if w.lower() not in QUALIFIERS]
        joined = " ".join(core)
        if joined in US_TITLES or (
            core
            and core[-1] in US_TITLES
            and len(core) <= 2
            and core[-1] not in ("Secretary", "Consul", "Ambassador")
        ):
            return "United States"
        if any(
            self._word(w) in ("Minister", "President", "Premier")
            or w in ("FM", "DFM", "PM", "VFM", "AFM", "DPM", "MP")
            for w in core
        ):
            return self.host
        return None


def _compatible(a: list[str], b: list[str]) -> bool:
    """Same person? Surnames equal and first names, where both are given, agree."""
    ca, cb = [t.casefold() for t in a], [t.casefold() for t in b]
    if len(ca) >= 2 and len(cb) >= 2 and (ca[: len(cb)] == cb or cb[: len(ca)] == ca):
        return True  # "Gilda Motta Santos" and "Gilda Motta Santos Neves"
    if not a or not b or _last_name(a).casefold() != _last_name(b).casefold():
        return False
    if len(ca) >= 2 and len(cb) >= 2 and (ca[-len(cb) :] == cb or cb[-len(ca) :] == ca):
        return True  # "Di Gangi" and "John Di Gangi": the surname with its particle
    fa = [t.casefold() for t in a[:-1] if len(t) > 1 and t not in PARTICLES]
    fb = [t.casefold() for t in b[:-1] if len(t) > 1 and t not in PARTICLES]
    if not fa or not fb:
        return True
    if len(fa) >= 2 and len(fb) >= 2 and fa[0] == fb[0]:
        # two full names that part after the first given name are two people ("Ahmed
        # Moharam Tawfik Ahmed", "Ahmed Magdy Abdelwahid Khedr Ahmed" on one vetting list),
        # unless one spells the other's part short ("Abdul Aziz", "Abdulaziz") or with a
        # letter more or another ("Nassif", "Nasif"; "Hussein", "Hossein")
        x, y = fa[1], fb[1]
        return x.startswith(y) or y.startswith(x) or x in fb or y in fa or _one_edit(x, y)
    return fa[0] == fb[0]


_DESCENT: Final = frozenset({"bin", "ibn", "bint", "al", "el"})
# A group's noun in lower case, which can end the name of the body a title is of ("head
# of the ruling party", "Deputy Chairman of the Al-Wifaq parliamentary bloc")
_GROUP_NOUNS: Final = frozenset(
    "bloc party faction caucus coalition movement group committee council society union"
    " association federation alliance front"
    # a body in lower case: "the Director of another major polling firm, Manuel Mora y
    # Araujo,", "the head of the resort's ecological development consortium, Mr. Rojas,"
    " firm company consortium corporation organization agency institute foundation bank"
    " newspaper daily network".split()
)
# "son of", "daughter of" before the father's name: [the word] as ``tokens[-2:-1]`` gives it
_DESCENT_WORDS: Final = (["bin"], ["ibn"], ["bint"], ["Bin"], ["Ibn"], ["BIN"], ["IBN"])
_PORTUGUESE_PARTICLES: Final = frozenset({"da", "do", "dos", "das"})
# Family names of China, Korea and Vietnam, whose names cables write family name first
# ("Zheng Zeguang", "Kim Jong-il", "Nguyen Tan Dung"): the name alone is the person
# ("Zheng noted") where the cable names one such person in full
_FAMILY_FIRST: Final = frozenset(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Gao Lin Luo Zheng
    Liang Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Jiang Cai Jia Ding Wei
    Xue Ye Yan Lu Du Dai Xia Zhong Wen Fu Shen Ren Yao Qian Hou Qin Kong Bai Cui Mao Qiu
    Shi Gu Shao Meng Duan Lei Yin Wong Chan Cheung Lau Tsai Hsieh Chiang Chou Hsu Kim Park
    Choi Jung Kang Cho Yoon Jang Lim Shin Kwon Hwang Ahn Yoo Hong Jeon Moon Bae Baek Roh Ban
    Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong
    """.split()
)


def _called(tokens: list[str], iberian: bool = False) -> frozenset[str]:
    """The words (casefolded) by which a Portuguese or Spanish name calls its bearer: a
    middle name before the particle ("Lula" of "Luiz Inacio Lula da Silva"), the father's
    surname before the mother's ("Fleitas" of "Abel Fleitas Ortiz de Rozas"; where the
    post reports in Spanish or Portuguese names, ``iberian``, also without a particle:
    "Lopez" of "Honorato Lopez Isla")."""
    if len(tokens) < 3:
        return _NONE
    particles = any(t in _PORTUGUESE_PARTICLES or t in ("de", "del", "y") for t in tokens)
    last = len(tokens) - 2
    if len(tokens) == 3 and tokens[1] in _PORTUGUESE_PARTICLES and len(tokens[0]) > 2:
        return frozenset({tokens[0].casefold()})  # "Lula" of "Lula da Silva"
    return frozenset(
        t.casefold()
        for k, (t, nxt) in enumerate(zip(tokens[1:-1], tokens[2:], strict=True), 1)
        if len(t) > 2
        and (
            nxt in _PORTUGUESE_PARTICLES
            or (particles and k == 1 and nxt[:1].isupper())
            or (
                iberian
                and not particles
                and k == last
                and t.isalpha()
                and nxt.isalpha()
                and nxt.lower() not in lexicon().common  # not "Ricardo Toledo Swimming"
                # nor a place's name ("Melchor Lima Hancco", "Walker San Miguel"): alone,
                # the word is the place
                and t.casefold() not in lexicon().places
                and t not in _SAINTS
            )
        )
    )


_NONE: Final = frozenset[str]()


def _same_office(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> bool:
    """Whether two lists of titles may be one person's: either is empty, or they share a
    head's word ("Commander of the Fourth Brigade" and "Army Commander")."""
    if not a or not b:
        return True
    heads = [{w.capitalize() for w in x.split()} & HEADS for _, x in a]
    return any(h & {w.capitalize() for w in x.split()} for h in heads for _, x in b)


def _styled(titles: list[tuple[str, str]]) -> bool:
    """Whether a title is a ruler's or a cleric's style ("Shaykh", "King", "PRINCE")."""
    return any(w.capitalize() in _STYLES for written, _ in titles for w in written.split())


def _arabic_particle(tok: str) -> bool:
    """A particle of an Arabic name ("bin", "Al", "al-Faisal"): its bearer is called by
    the given name alone ("Prince Saud" for Saud al-Faisal)."""
    low = tok.casefold()
    return low in _DESCENT or low.startswith(("al-", "el-"))


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) of ``text`` stands alone: no capitalised word
    right before or after it on its line ("Zheng noted", not "LIANG, Wu Chen")."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 2]
    if before.endswith(" ") and not before.endswith("  "):
        words = before.split()
        if words and words[-1][:1].isupper() and words[-1][-1:].isalpha():
            return False
    return not (after[:1] == " " and after[1:2].isupper())


def merge(cands: list[Cand], text: str = "", host: str | None = None) -> list[Cand]:
    """One entry per person: join mentions of compatible names in order of appearance
    (``text``, the zone, tells a family name alone from one inside a name; ``host``, the
    post's country, whether names are Spanish or Portuguese ones)."""
    iberian = host in _IBERIAN_NAMES
    out: list[Cand] = []
    # (first, last) casefolded tokens of each entry: _compatible needs one of them equal
    # (and the words by which the name calls its bearer, ``_called``)
    keys: list[tuple[str, str, bool, frozenset[str]]] = []
    for c in sorted(cands, key=lambda c: c.first):
        toks = c.tokens
        cf = toks[0].casefold() if toks else ""
        cl = _last_name(toks).casefold()
        c2 = len(toks) >= 2
        cc = _called(toks, iberian)
        for n in range(len(out) - 1, -1, -1):
            pf, pl, p2, pc = keys[n]
            # "Shaykh Abdullah" after "Abdullah bin Zayed Al Nahyan": a given name alone is
            # the short form of an Arabic name (bin, ibn, al-: "Prince Saud" for Saud
            # al-Faisal), unless its titles say another office ("King Abdullah" beside FM
            # "Abdullah bin Zayed"); a courtesy style is no office ("Sheikh Khalid" after
            # "Foreign Minister Khalid bin Ahmed Al Khalifa")
            # (either first: "SUBJECT: KING HAMAD'S ..." before "King Hamad bin Isa Al
            # Khalifa"; a title in capitals the same as in mixed case)
            short, full_p = (c, out[n]) if p2 else (out[n], c)
            given = (
                c2 != p2
                and pf == cf
                and any(_arabic_particle(t) for t in full_p.tokens)
                and all(
                    t[1].casefold() in {f[1].casefold() for f in full_p.titles} or t[1] in _COURTESY
                    for t in short.titles
                )
            )
            # "Zheng" after "Zheng Zeguang": a family name written first, alone
            given = given or (
                not c2
                and p2
                and pf == cf
                and len(out[n].tokens) <= 3
                and out[n].tokens[0] in _FAMILY_FIRST
                and not c.titles
                and all(_alone(text, a, b) for a, b in c.mentions)
            )
            # "Lula" after "Luiz Inacio Lula da Silva": the name by which a Portuguese name
            # calls its bearer stands before its particle
            called = c2 != p2 and (pf in cc if c2 else cf in pc)
            if called and iberian and not _same_office(short.titles, full_p.titles):
                called = False  # "President Garcia" is not FM Jose Garcia Belaunde
            if (
                called
                and iberian
                and not c2
                and (any(k[1] == cf for k in keys) or sum(cf in k[3] for k in keys) > 1)
            ):
                # "Garcia" alone is the one so called, not Garcia Belaunde; and "Calderon"
                # beside Calderon Fournier and Calderon Guardia is either
                called = False
            given = given or called
            # "Skarphedinnsson" beside "Skarphedinsson": a long surname mistyped
            typo = not given and pl != cl and not (c2 and p2) and _one_typo(pl, cl)
            # "the Cstro government" beside "Castro": a surname alone mistyped once, with
            # no title, beside the same alone ("President Sleiman" is not "Mohammed
            # Suleiman"; "Academician Nikolay Laverov" is not FM Lavrov)
            dropped = (
                not given
                and not typo  # (a long one: "Skarphedinsson" stays as first written)
                and not (c2 or p2)
                and _dropped_letter(pl, cl)
                and any(len(x.mentions) == 1 and not x.titles for x in (c, out[n]))
            )
            typo = typo or dropped
            # "Kamal ZOUGAN" after "Kamal ZOUGAM": a full name given again, its surname
            # mistyped (one letter changed, or two swapped)
            typo = typo or (
                c2
                and p2
                and pl != cl
                and len(c.tokens) == len(out[n].tokens)
                and out[n].tokens[0] not in _FAMILY_FIRST
                and len(out[n].tokens[0]) > 2
                and [t.casefold() for t in c.tokens[:-1]]
                == [t.casefold() for t in out[n].tokens[:-1]]
                and _one_slip(pl, cl)
            )
            if pl != cl and not (c2 and p2 and pf == cf) and not given and not typo:
                continue
            p = out[n]
            if (
                not given
                and c2 != p2
                and (p if p2 else c).tokens[-2:-1] in _DESCENT_WORDS
                and _styled((c if p2 else p).titles)
            ):
                continue  # "Shaykh Zayid" is the father of "Hamdan bin Zayid", not he
            full = p.tokens if p2 else c.tokens
            if (
                c2 != p2
                and not given
                and len(full) >= 5
                and full[1] in ("al", "el", "Al", "El")
                and full[3] in ("al", "el", "Al", "El")
            ):
                # "Qadhafi" beside "Saif al-Islam al-Qadhafi": a son known by his compound
                # given name; the family name alone is the father's (GUIDELINES 3)
                continue
            if given or typo or _compatible(p.tokens, c.tokens):
                # (of two spellings alone, the one without the dropped letter: "Castro")
                if len(c.tokens) > len(p.tokens) or (dropped and len(cl) > len(pl)):
                    p.tokens = c.tokens
                    keys[n] = (cf, cl, c2, cc)
                for t in c.titles:
                    if t not in p.titles:
                        p.titles.append(t)
                p.affiliation = p.affiliation or c.affiliation
                p.mentions.extend(c.mentions)
                if c.role:
                    p.role = c.role if not p.role or p.role == c.role else "signer+classified_by"
                break
        else:
            out.append(c)
            keys.append((cf, cl, c2, cc))
    return out


def _one_typo(a: str, b: str) -> bool:
    """Whether two long surnames differ by one letter inside them, added, dropped or
    changed ("Skarphedinsson", "Skarphedinnsson"); not at either end ("Karimov",
    "Karimova" are two people)."""
    if min(len(a), len(b)) < 8 or abs(len(a) - len(b)) > 1:
        return False
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    q = 0
    while q < len(a) - p and q < len(b) - p and a[-1 - q] == b[-1 - q]:
        q += 1
    return p >= 2 and q >= 2 and p + q >= max(len(a), len(b)) - 1


def _dropped_letter(a: str, b: str) -> bool:
    """Whether one of two names of five letters or more is the other with one letter
    dropped after its first and before its last two ("Cstro", "Castro"; "Mevedev",
    "Medvedev"). Two spellings of a name do this as well ("Sleiman", "Suleiman"), so the
    caller asks more of it."""
    short, full = (a, b) if len(a) < len(b) else (b, a)
    if len(full) - len(short) != 1 or len(short) < 5:
        return False
    k = next((x for x in range(len(short)) if short[x] != full[x]), len(short))
    return 1 <= k <= len(short) - 2 and short[k:] == full[k + 1 :]


def _one_edit(a: str, b: str) -> bool:
    """Whether two names with one first letter differ by one letter added, dropped or
    changed after it ("Nassif", "Nasif"; "Muhammad", "Muhammed")."""
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or len(a) < 4 or len(b) < 4:
        return False
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    return a[p + (len(a) >= len(b)) :] == b[p + (len(b) >= len(a)) :]


def _one_slip(a: str, b: str) -> bool:
    """Whether two surnames of five letters or more and of one length differ by one
    letter changed or two neighbours swapped ("Zougam", "Zougan"; "Kholy", "Kohly")."""
    if len(a) != len(b) or len(a) < 5:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


_ALIAS_AFTER: Final = re.compile(r"[ \t]{0,2}\(([A-Z][A-Za-z]{1,4})\)")


def link_initials(people: list[Cand], text: str, toks: Tokens) -> list[Cand]:
    """Join to a person the short form the cable coins in brackets after the name from
    its initials ("Abdullah bin Zayed Al Nahyan (AbZ)", "Mohammed bin Rashid (MbR)"):
    every token so written is a mention of that person, and no person of its own."""
    coined: dict[str, Cand] = {}
    for p in people:
        for s, e in p.mentions:
            m = _ALIAS_AFTER.match(text, e)
            if m is None:
                continue
            short = m.group(1)
            initials = "".join(w[0] for w in re.split(r"[\s-]+", text[s:e]) if w)
            if len(initials) > 1 and initials.startswith(short):
                coined[short] = p
    if not coined:
        return people
    out = [p for p in people if not (len(p.tokens) == 1 and p.tokens[0] in coined)]
    taken = {m for p in out for m in p.mentions}
    for k, w in enumerate(toks.words):
        person = coined.get(w)
        if person is not None and (toks.starts[k], toks.ends[k]) not in taken:
            person.mentions.append((toks.starts[k], toks.ends[k]))
    return out


# a quoted alias: 'Eder Veloza, AKA "Hernan Hernandez"', 'Rodrigo Mercado (aka "Cadena")'
_ALIAS: Final = re.compile(
    r"\b(?:aka|AKA|Aka|a\.k\.a\.|alias|Alias|ALIAS)[,:]?\s+[\"\u201c]"
    r"((?:[A-Z][\w'-]*|de|del|la|el)(?: (?:[A-Z][\w'-]*|de|del|la|el)){0,4})[,.]?[\"\u201d]"
)


# a table's label before aliases alone: 'Leader: AKA "Don Berna," AKA "Orion"'
_ALIAS_LABEL: Final = re.compile(
    r"\s*(?:\d+\)\s*)?([A-Z][a-z]+):\s*"
    r"(?:(?:aka|AKA|Aka|a\.k\.a\.|alias|Alias|ALIAS)[,:]?\s+\"[^\"\n]*\"[,\s]*(?:and\s+)?)*$"
)


_ALIAS_CUES: Final[tuple[str, ...]] = ("aka", "AKA", "Aka", "a.k.a.", "alias", "Alias", "ALIAS")


def _alias_matches(text: str) -> list[re.Match[str]]:
    """``list(_ALIAS.finditer(text))``, the pattern tried only where one of its cue words
    starts (a match starts at one). Why: the pattern opens with ``\\b``, so the engine tried
    it at every position of the text (each text 0.5 ms where a cue was, 1.5 % of
    extraction with the tests for the cues); a C search finds the cues."""
    at: set[int] = set()
    for cue in _ALIAS_CUES:
        k = text.find(cue)
        while k >= 0:
            at.add(k)
            k = text.find(cue, k + 1)
    out: list[re.Match[str]] = []
    end = 0
    for k in sorted(at):
        if k >= end:
            m = _ALIAS.match(text, k)  # (``\\b`` reads the character before k)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def link_aliases(people: list[Cand], text: str) -> list[Cand]:
    """A quoted alias after "AKA" or "alias" is a mention of the person named just before
    it ('Eder Veloza, AKA "Hernan Hernandez"', 'Rodrigo Mercado (AKA "Cadena")'), or, with
    no one there, a person of its own ('Leader: AKA "Don Berna"'); never a second person."""
    matches = _alias_matches(text)
    if not matches:
        return people
    for m in matches:
        alias = m.group(1)
        if not any(c.islower() for c in alias) or alias.split()[-1] in ("de", "del", "la", "el"):
            continue  # an acronym ("MK") or a cut name
        s, e = m.span(1)
        inside = [p for p in people if p.mentions and all(s <= a and b <= e for a, b in p.mentions)]
        before = None
        for p in people:
            if p in inside:
                continue
            if any(
                m.start() - 4 <= b <= m.start()
                and text[b : m.start()].replace(" ", "") in ("", ",", "(", ",(")
                for _, b in p.mentions
            ):
                before = p
                break
        prev = text[max(0, m.start() - 12) : m.start()].rstrip(" (,").split()
        if before is None and prev and prev[-1].isupper() and len(prev[-1]) > 1:
            continue  # a body's other name: 'MRE (AKA "Itamaraty")'
        people = [p for p in people if p not in inside]
        if before is not None:
            before.mentions.append((s, e))
        else:
            words = alias.split()
            cand = Cand(words, mentions=[(s, e)], first=s)
            if len(words) > 1 and words[0] in HEADS:  # 'alias "Commander Mojeno"'
                s += alias.index(words[1], len(words[0]))
                cand = Cand(words[1:], [(words[0], words[0])], mentions=[(s, e)], first=s)
            label = _ALIAS_LABEL.match(text, text.rfind("\n", 0, m.start()) + 1, m.start())
            if label and (label.group(1) in HEADS or singular(label.group(1)) in HEADS):
                cand.titles.append((label.group(1), label.group(1)))  # a table's "Leader:"
            for p in inside:  # "Don Berna" found as "Berna": its titles stay
                cand.titles.extend(t for t in p.titles if t not in cand.titles)
                cand.affiliation = cand.affiliation or p.affiliation
            people.append(cand)
    return people


def link_bracketed_names(people: list[Cand], text: str) -> list[Cand]:
    """A person's other spelling in brackets just after the name is a mention of that
    person, not a second person: "Omar Amer Taher Dghis (Omar A. Deghays - ISN 727)", as
    lists of detainees and vetting requests write transliterations."""
    if "(" not in text:
        return people
    ends: dict[int, Cand] = {}
    for p in people:
        for _, b in p.mentions:
            ends[b] = p
    out: list[Cand] = []
    into: dict[int, Cand] = {}  # id of a person joined to another -> that other
    for c in people:
        if not c.mentions:
            out.append(c)
            continue
        s, e = min(c.mentions)
        j = s - 2
        while j >= 0 and text[j] == " ":
            j -= 1
        owner = ends.get(j + 1) if text[s - 1 : s] == "(" else None
        while owner is not None and id(owner) in into:
            owner = into[id(owner)]  # "A (A') (A'')": all to the first
        if (
            owner is not None
            and owner is not c
            and not c.titles
            # a spelling of the same name: a word in common ("Omar"), not a party's name
            # after its leader ("Berlusconi (Forza Italia)")
            and {t.casefold() for t in c.tokens} & {t.casefold() for t in owner.tokens}
            and text[e : e + 1] in (")", " ", ",")
            and text[e : e + 3].strip()[:1] in (")", "-", ",")
        ):
            owner.mentions.extend(c.mentions)
            into[id(c)] = owner
            continue
        out.append(c)
    return out


def _subject_line(text: str) -> tuple[int, int] | None:
    """The span of the first line that starts with "SUBJECT:" (without its newline).

    Why C searches: a ``^SUBJECT:`` pattern was tried at every position before it."""
    s = text.find("SUBJECT:")
    while s > 0 and text[s - 1] != "\n":
        s = text.find("SUBJECT:", s + 1)
    if s < 0:
        return None
    e = text.find("\n", s)
    return s, e if e >= 0 else len(text)


def drop_verb_openers(cands: list[Cand], text: str) -> list[Cand]:
    """Names without a first word that is a verb's -ing form English writes only in lower
    case: a clause's opening ("Echoing Simoes, Lula said", "Thanking Brennan, the
    minister ..."). Such a word may end a name ("Charles Twining", "Jean Ping") or be one
    alone ("Gelling said"). What is left is a name only if it is more than a word or a
    place, or titled, or a surname the cables give alone."""
    english = english_words()
    lex = lexicon()
    out: list[Cand] = []
    for c in cands:
        out.append(c)
        first = c.tokens[0] if c.tokens else ""
        if not (
            len(c.tokens) > 1
            and first[1:].islower()
            and first.endswith("ing")
            and first.lower() in english
        ):
            continue
        mentions = []
        for a, b in c.mentions:
            if text[a : a + len(first)].lower() == first.lower():
                a += len(first)
                while a < b and text[a].isspace():
                    a += 1
            mentions.append((a, b))
        c.tokens = c.tokens[1:]
        c.mentions = mentions
        c.first = min(a for a, _ in mentions)
        rest = " ".join(c.tokens)
        if rest.casefold() in lex.places or (
            len(c.tokens) == 1 and not c.titles and rest not in lex.known_surnames
        ):
            out.pop()  # no name once the verb is gone: "Touting Costa Rica", "Eyeing Petro"
    return out


def drop_headline_verbs(people: list[Cand], text: str) -> list[Cand]:
    """Without the one-word "people" seen only on the SUBJECT line that end in -S and are
    no surname the cables give alone: the verb of a headline after a title ("SUBJECT: NATO
    AMBASSADOR DECRIES ...", "AMBASSADOR LAUDS ..."), which the common-word test misses.
    Someone named there is named again in the body. So is a verb in capitals on another
    line that English writes only in lower case."""
    line = _subject_line(text)
    s, e = line if line is not None else (-1, -1)
    lex = lexicon()
    english = english_words()
    return [
        p
        for p in people
        if not (
            len(p.tokens) == 1
            and p.tokens[0][-1:] in ("s", "S")
            and p.tokens[0].capitalize() not in lex.known_surnames
            and (
                all(s <= a and b <= e for a, b in p.mentions)
                # or a verb English writes only in lower case, in capitals wherever it is
                # ("KOUNTA LEADER \nILLUMINATES POLITICAL FISSURES", "LEGAL ADVISOR
                # CONCEDES DISTINCTION")
                or (
                    p.tokens[0].lower() in english
                    and all(text[a:b].isupper() for a, b in p.mentions)
                )
            )
            and all(_verb_goes_on(text, b) for _, b in p.mentions)
        )
    ]


# a party's or a movement's word before "government" or "regime" ("the Labour
# government", "the Nazi regime")
_PARTY_WORDS: Final = frozenset({"labour", "labor", "nazi", "tory", "baath", "derg"})
# the nouns a head of government's name goes before: "the Bush administration"
_RULED_FORMS: Final = frozenset(
    f(w) for w in ("administration", "government", "regime") for f in (str.lower, str.title)
)


_CAPITALISED: Final = re.compile(r"\b[A-Z][A-Za-z.]+")


def ruler_name(tok: str, places: bool = True) -> bool:
    """Whether a capitalised word before "administration", "government" or "regime" (after
    "the") can be the name of the one who heads it ("the Lula government", "the Obama
    Administration"): one word in mixed case that is no English word, no place (a capital
    stands for its state: "the Tehran government"), no nationality, party or adjective
    ("the Kurdish administration", "the State administration", "the Labour government",
    "the Sandinista government"). A surname the cables give alone always is.
    ``places=False``: a place's name may be one (``PeopleFinder._city_of_elsewhere``)."""
    low = tok.lower()
    if not (len(tok) > 2 and tok.isalpha() and tok[0].isupper() and tok[1:].islower()):
        return False
    lex = lexicon()
    if tok in lex.known_surnames:
        return True
    return not (
        low in lex.common
        or low in english_words()
        or (places and low in lex.places)  # "the Tehran government": the capital for the state
        or tok in lex.demonyms
        or low.endswith(("ish", "ese", "ian", "ean", "ic", "al", "ist", "ista", "ism"))
        or low in QUALIFIERS
        or low in _PARTY_WORDS
    )


def far_town_ruler(tok: str, text: str, host: str | None) -> bool:
    """Whether a word that would be a ruler's name but for a town of the gazetteer
    ("Bush", Egypt; "Toledo", the United States) names a town, no capital, of a country
    the cable neither comes from nor names: "the Bush administration" in a cable from La
    Paz; not "the Tehran government" (a capital stands for its state), nor "the Dubai
    government" in a cable that names the UAE."""
    lex = lexicon()
    place = lex.places.get(tok.casefold())
    if place is None or place.kind != "city" or not place.country:
        return False
    country = place.country
    state = lex.countries.get(country)
    if state is None or (state.lat, state.lon) == (place.lat, place.lon):
        return False  # a country's entry has its capital's coordinates
    if country == host or country in text:
        return False
    # or by a word of its own: "Iranian", "UAE"
    iso = lex.iso.get(fold(country).casefold())
    if any(lex.iso.get(w.casefold()) == iso for w in set(_CAPITALISED.findall(text))):
        return False
    return ruler_name(tok, places=False)


_EPONYM_THING: Final = re.compile(r"\s+(?:cocktails?|rifles?)\b")
_IN_BEFORE: Final = re.compile(r"\b(?:in|near|at)\s+\Z")
_POSSESSIVE_AFTER: Final = re.compile(r"(?:'s|\u2019s|,s)\b|\S*'")


# a law, amendment, vetting, doctrine or plan named for a person ("Leahy vetting", "the
# Lautenberg amendment", "the Ahtisaari plan", "the Goldstone report"): the name is a
# mention of that person (GUIDELINES section 3: names used as modifiers count)
_NOT_EPONYMS: Final = frozenset(
    "Act Bill Law Treaty Accord Shia Shiite Sunni Catholic Muslim Christian Jewish Islamic"
    " Orthodox Protestant Buddhist Hindu January February March April May June July August"
    " September October November December".split()
)
# the name just before a word for what is named for it, at the end of a short window
_EPONYM_BEFORE = re.compile(r"(?<![\w'-])([A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)[^\S\n]+\Z")
_EPONYM_THE_BEFORE = re.compile(r"\bthe[^\S\n]+([A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)[^\S\n]+\Z")
# the words for what is named for a person, and whether "the" must come before the name;
# "plan" in lower case only: a "Plan" in capitals is a programme's name ("the Marshall
# Plan", "Plan Colombia")
EPONYM_CUES: Final = {
    "vetting": False,
    "Vetting": False,
    "amendment": False,
    "Amendment": False,
    "doctrine": False,
    "Doctrine": False,
    "plan": True,
    "report": True,
    "Report": True,
}


def _eponym_names(
    text: str, words: list[str], starts: list[int], cue_at: list[int]
) -> list[re.Match[str]]:
    """The names before the cue words (``cue_at``: the tokens wordinfo marks ``CUE``) that
    follow a capitalised word, each matched in the few characters before the cue (a
    pattern tried at every position of the text took 0.3 ms a cable)."""
    out: list[re.Match[str]] = []
    for i in cue_at:
        the = EPONYM_CUES.get(words[i])
        if the is not None and i and words[i - 1][:1].isupper():
            w = starts[i]
            pattern = _EPONYM_THE_BEFORE if the else _EPONYM_BEFORE
            m = pattern.search(text, max(0, w - 40), w)
            if m is not None:
                out.append(m)
    return out


def eponyms(
    people: list[Cand],
    text: str,
    toks: Tokens,
    cue_at: list[int],
    claimed_at: Callable[[int, int], bool],
) -> None:
    """People named only in what is named for them: a name before "vetting", "amendment"
    or "doctrine", or after "the" before "plan" or "report", unclaimed, no English word,
    place, nationality or initials; a mention of the person of that surname if the cable
    names one, else a person of its own."""
    lex = lexicon()
    english = english_words()
    by_surname = {p.surname: p for p in people if p.tokens}
    for m in _eponym_names(text, toks.words, toks.starts, cue_at):
        for part in re.finditer(r"[A-Z][a-z]+", m.group(1)):
            word = part.group()
            s, e = m.start(1) + part.start(), m.start(1) + part.end()
            if (
                word.lower() in english
                or word.lower() in lex.common
                or word.casefold() in lex.places
                or word in lex.demonyms
                or word[:-1] in lex.demonyms  # "the Egyptians plan"
                or word.lower() in _PEOPLES
                or word in _NOT_EPONYMS
                or word.endswith(("ist", "ists"))  # "the Gulenist plan"
                or word in lex.acronyms
                or claimed_at(s, e)
                # a name already read there: "Patrick Leahy vetting"
                or any(a < e and s < b for p in people for a, b in p.mentions)
            ):
                continue
            person = by_surname.get(word)
            if person is None:
                person = by_surname[word] = Cand([word], mentions=[], first=s)
                people.append(person)
            if (s, e) not in person.mentions:
                person.mentions.append((s, e))


def drop_things_by_context(people: list[Cand], text: str) -> list[Cand]:
    """Without the untitled "people" of two or more words named only after "in", "near" or
    "at": places the gazetteer lacks ("in Lashkar Gah", "near Spin Boldak", "at Diego
    Garcia", "at Fort Leavenworth").
    Not a name with a possessive after it ("in Jose Serra's campaign"), nor a surname the
    cables give alone. Nor an untitled word only ever before the thing named for it
    ("Molotov cocktails", "Kalashnikov rifles")."""
    known = lexicon().known_surnames
    out: list[Cand] = []
    for p in people:
        if (
            len(p.tokens) == 1
            and not p.titles
            and p.role is None
            and all(_EPONYM_THING.match(text, b) for _, b in p.mentions)
        ):
            continue
        if (
            len(p.tokens) > 1
            and not p.titles
            and p.role is None
            and p.tokens[-1] not in known
            and all(
                _IN_BEFORE.search(text, max(0, a - 8), a) and not _POSSESSIVE_AFTER.match(text, b)
                for a, b in p.mentions
            )
        ):
            continue
        if (
            not p.titles
            and p.role is None
            and all(_firm_form_after(text, b) for _, b in p.mentions)
        ):
            continue  # a firm's name, its legal form after a comma: "Fuego de Indios, S.A."
        out.append(p)
    return out


# a company's legal form, which ends a firm's name and no one's
_FIRM_FORMS: Final = frozenset("sa ltda llc gmbh sarl plc ag inc ltd bv nv spa srl sas cia".split())
# the word after a comma, which may be a firm's legal form ("Fuego de Indios, S.A.")
_WORD_AFTER_COMMA: Final = re.compile(r",[^\S\n]*([A-Za-z][A-Za-z.]*)")


def _firm_form_after(text: str, end: int) -> bool:
    """Whether a comma and a firm's legal form (``_FIRM_FORMS``) follow offset ``end``; not
    initials the glossary knows ("DNI Blair, CIA Director")."""
    m = _WORD_AFTER_COMMA.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word.replace(".", "").lower() in _FIRM_FORMS and word not in lexicon().acronyms


# peoples and faiths, which name a group and no one ("Sinai Bedouin", "the Kalenjin",
# "Tamil Diaspora", "Young Chechens"); none of them a common surname ("Zulu", "Baloch",
# "Zaidi", "Ahmadi" and "Pashtun" are)
_PEOPLES: Final = frozenset(
    "bedouin bedouins kalenjin kikuyu luo maasai tamil tamils mayan mayans mapuche aymara"
    " quechua garifuna miskito uighur uighurs uyghur uyghurs tuareg tuaregs berber berbers"
    " amazigh druze alawite alawites maronite maronites copt copts coptic yazidi yazidis"
    " houthi houthis pashtuns tajiks uzbeks hazaras kurds chechens ossetians"
    " circassian circassians tatars rohingya hutu hutus tutsi tutsis fulani oromo amhara"
    " tigrayan janjaweed wahhabi deobandi barelvi salafi salafis sufis bahai baha'i afro"
    " sikhs shiites sunnis".split()
)


def drop_word_phrases(people: list[Cand]) -> list[Cand]:
    """Without the untitled "people" of two or more words that English writes only in
    lower case ("Plastic Sheeting", "Animal Husbandry", "Blue Lantern", "Occupational
    Safety", "Addressee Posts"): a thing's, a programme's or a heading's words in Title
    Case. A given name or surname that is also a word ("Bill Burns", "Rice") is written
    capitalised in the dictionary too, so it is not in ``english_words``; a name's
    particle keeps a name ("Bin Laden"), and so does a surname the cables give alone. Nor
    a firm's name ending in its legal form ("S.A.", "Ltda", "GmbH"), nor such a word after
    a title's modifier alone ("General Electric", "Chief Executive", "Deputy Assistant")."""
    english = english_words()
    known = lexicon().known_surnames
    out: list[Cand] = []
    for p in people:
        if len(p.tokens) > 1 and p.tokens[-1].replace(".", "").lower() in _FIRM_FORMS:
            continue  # a firm's name: "Electromecanica Pablo Murillo S.A.", "Zeromax GmbH"
        if (
            len(p.tokens) == 1
            and p.role is None
            and p.tokens[0].lower() in english
            and p.tokens[0] not in known  # "General Pasha"
            and p.titles
            and all(a.capitalize() in MODIFIERS for a, _ in p.titles)
        ):
            continue  # a title word's compound: "General Motors", "Chief Executive"
        if (
            len(p.tokens) == 1
            and p.role is None
            and not p.titles
            and "-" not in p.tokens[0]
            and p.tokens[0].lower() in english
            and p.tokens[0] not in known
            and not p.tokens[0].endswith("ing")  # a surname like a verb's: "Gelling said"
        ):
            continue  # a word alone: "the Guardian", "Libertarian candidate", "Avian flu"
        if len(p.tokens) > 1 and not p.titles and p.role is None:
            words = [w for t in p.tokens for w in t.split("-") if w]
            if all(
                w.lower() in english and w.lower() not in PARTICLES and w.capitalize() not in known
                for w in words
            ):
                continue
        if not p.titles and p.role is None:
            folded = [w.lower() for t in p.tokens for w in t.split("-") if w]
            if any(w in _PEOPLES for w in folded) and all(
                w in _PEOPLES or (w in english and w.capitalize() not in known) for w in folded
            ):
                continue  # a people or a faith: "Bedouin", "Tamil Diaspora", "Young Chechens"
            if len(folded) > 1 and folded[-1] in _PEOPLES and p.tokens[0] not in known:
                continue  # a clan or tribe of a people: "Imghad Tuareg", "Fawakhria Bedouin"
        out.append(p)
    return out


_NEXT_WORD: Final = re.compile(r" +[\"\u201c]?([A-Za-z]+)")
# a mission's offices, named with their post's city ("RSO Peshawar", "CG Barcelona")
_MISSION_OFFICES: Final = frozenset(
    "RSO Officer Consul Consulate Consulates CG ConGen Charge Affaires DCM Post".split()
)
# a delegation named by who leads it ("Codel Pingree"): in titles.HONORIFICS
_DELEGATIONS: Final = frozenset({"codel", "staffdel"})
# words after a name in a headline: "FM KUBIS ON", "U/S HORMATS MEETING WITH"
_AFTER_NAME: Final = frozenset(
    "ON MEETING MEETINGS MEETS VISIT VISITS TRIP TALKS ISSUES AND IN AT TO FOR".split()
)


def _verb_goes_on(text: str, end: int) -> bool:
    """Whether a word ending at ``end`` goes on as a verb does, to its object ("DECRIES
    RUSSIAN ..."): not before a possessive or a colon ("SECRETARY GATES' VISIT", "FM
    KUBIS:") nor before the words that follow a name in a headline ("PM GODMANIS ON")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).upper() not in _AFTER_NAME


def link_surnames(
    people: list[Cand], toks: Tokens, caps: bool, up0_at: list[int], host: str | None = None
) -> None:
    """Give each person every bare surname mention (LIEBERMAN, Lavrov-, Aliyev,s).

    ``up0_at``: the indices of the tokens that start with a capital (``wordinfo.UP0``),
    the only ones that can be such a mention; ``host``, the post's country (a Spanish or
    Portuguese name's father's surname alone is its bearer's: "Holguin" of "Carlos
    Holguin Sardi").
    """
    by_surname: dict[str, list[Cand]] = {}
    called: dict[str, str] = {}  # a father's surname (casefolded) -> as written
    taken: set[int] = set()
    iberian = host in _IBERIAN_NAMES
    common = lexicon().common
    for p in people:
        if p.surname and len(p.surname) > 1:
            by_surname.setdefault(p.surname.casefold(), []).append(p)
        if 2 <= len(p.tokens) <= 3 and p.tokens[0] in _FAMILY_FIRST:
            by_surname.setdefault(p.tokens[0].casefold(), []).append(p)  # "Zheng" Zeguang
        for s, _e in p.mentions:
            taken.add(s)
    if iberian:
        fathers: dict[str, list[Cand]] = {}
        for p in people:
            for w in _called(p.tokens, True):
                fathers.setdefault(w, []).append(p)
        for w, ps in fathers.items():
            # (a surname of its own first: "Garcia" alone; and none two names share:
            # "Rafael Angel Calderon Fournier" and "Rafael Angel Calderon Guardia")
            if w not in by_surname and len(ps) == 1:
                by_surname[w] = ps
                called[w] = next(t for t in ps[0].tokens if t.casefold() == w)
    covered = sorted((s, e) for p in people for s, e in p.mentions)
    if not by_surname:
        return
    starts = [s for s, _ in covered]
    words = toks.words
    tok_starts = toks.starts
    tok_ends = toks.ends
    # a token (ASCII) folds to a surname of its own length, or of two less with "'s":
    # fits[size] (a list, not a set of lengths: no int boxed per token)
    longest = max(len(name) for name in by_surname) + 2
    fits = [False] * (longest + 1)
    for name in by_surname:
        fits[len(name)] = fits[len(name) + 2] = True
    for i in up0_at:
        tok = words[i]
        size = len(tok)
        if size > longest or not fits[size]:
            continue
        # only the tokens that fold to a known surname can be a mention
        possessive = tok.endswith("'s") or tok.endswith("'S")  # (no tuple made per token)
        key = (tok[:-2] if possessive else tok).casefold()
        if key not in by_surname:
            continue
        start, end = tok_starts[i], tok_ends[i]
        base = tok
        if possessive:
            base = tok[:-2]
            end -= 2
        group = by_surname[key]
        if start in taken:
            continue
        if not (base.isupper() or base[0].isupper()):
            continue
        if (
            not caps
            and not base.isupper()
            and base not in (group[0].surname, group[0].tokens[0])
            and base != called.get(key)
        ):
            continue
        # the capitalised words beside it (a father's surname: across a line's end too,
        # "Costa \nRica")
        father = key in called
        near = [
            w
            for w, g in (
                (words[i - 1] if i > 0 else "", toks.gaps[i - 1] if i > 0 else "."),
                (words[i + 1] if i + 1 < len(words) else "", toks.gaps[i]),
            )
            if w[:1].isupper() and (g == " " or (father and g and not g.strip()))
        ]
        if near and not (father and all(w.lower() in common for w in near)):
            # inside another name ("LIANG, Wu Chen"): a surname, but no family name alone
            # (nor a father's surname, but beside common words: "JUSTICE HOLGUIN")
            group = [p for p in group if p.surname.casefold() == key]
            if not group:
                continue
        k = bisect_right(starts, start) - 1
        if k >= 0 and covered[k][1] > start:
            continue  # inside a longer mention
        # the nearest person of that surname mentioned before, else the first
        best = group[0]
        for p in group:
            if p.first <= start:
                best = p
        best.mentions.append((start, end))
        taken.add(start)
