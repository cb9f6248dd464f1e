"""US diplomatic posts: station codes, FM-line names and the origin names of the Cablegate site.

The site names a cable's origin after its sending post: ``Embassy Moscow``,
``Consulate Dubai``, ``Secretary of State``, ``USEU Brussels``. A post shows up in
three spellings: the FM line (``AMEMBASSY THE HAGUE``), the classification line or
page-break line (``THE HAGUE``) and the reference id (``THEHAGUE``). The tables
below are domain knowledge (the list of US posts), not facts learnt from a corpus;
unknown posts fall back to the naming grammar (``AMEMBASSY X`` -> ``Embassy X``).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Capitals (and a few other cities) that host a US embassy, as the site spells them.
_EMBASSIES = """
Abidjan|Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Almaty|Amman|Ankara|Antananarivo|Apia|
Ashgabat|Asmara|Astana|Asuncion|Athens|Baghdad|Baku|Bamako|Bandar Seri Begawan|Bangkok|
Bangui|Banjul|Beijing|Beirut|Belgrade|Belmopan|Berlin|Bern|Bishkek|Bogota|Bonn|Brasilia|
Bratislava|Brazzaville|Bridgetown|Brussels|Bucharest|Budapest|Buenos Aires|Bujumbura|Cairo|
Canberra|Caracas|Chisinau|Colombo|Conakry|Copenhagen|Cotonou|Dakar|Damascus|Dar Es Salaam|
Dhaka|Dili|Djibouti|Doha|Dublin|Dushanbe|Freetown|Gaborone|Georgetown|Guatemala|Hanoi|
Harare|Helsinki|Islamabad|Jakarta|Kabul|Kampala|Kathmandu|Khartoum|Kigali|Kingston|
Kinshasa|Kolonia|Koror|Kuala Lumpur|Kuwait|Kyiv|La Paz|Libreville|Lilongwe|Lima|Lisbon|
Ljubljana|Lome|London|Luanda|Lusaka|Luxembourg|Madrid|Majuro|Malabo|Managua|Manama|Manila|
Maputo|Maseru|Mbabane|Mexico|Minsk|Mogadishu|Monrovia|Montevideo|Moscow|Muscat|Nairobi|Nassau|
Ndjamena|New Delhi|Niamey|Nicosia|Nouakchott|Oslo|Ottawa|Ouagadougou|Panama|Paramaribo|
Paris|Phnom Penh|Podgorica|Port Au Prince|Port Louis|Port Moresby|Port Of Spain|Prague|
Praia|Pretoria|Pristina|Quito|Rabat|Rangoon|Reykjavik|Riga|Riyadh|Rome|San Jose|
San Salvador|Sanaa|Santiago|Santo Domingo|Sarajevo|Seoul|Singapore|Skopje|Sofia|Stockholm|
Suva|Tallinn|Tashkent|Tbilisi|Tegucigalpa|Tehran|Tel Aviv|The Hague|Tirana|Tokyo|Tripoli|
Tunis|Ulaanbaatar|Valletta|Vatican|Vienna|Vientiane|Vilnius|Warsaw|Wellington|Windhoek|
Yaounde|Yerevan|Zagreb
"""

# Cities that host a US consulate (general) but no embassy.
_CONSULATES = """
Adana|Alexandria|Amsterdam|Auckland|Barcelona|Belfast|Calgary|Cape Town|Casablanca|
Chengdu|Chennai|Chiang Mai|Ciudad Juarez|Curacao|Dhahran|Dubai|Durban|Dusseldorf|Florence|
Frankfurt|Fukuoka|Guadalajara|Guangzhou|Guayaquil|Halifax|Hamburg|Hamilton|Hermosillo|
Ho Chi Minh City|Hong Kong|Hyderabad|Istanbul|Jeddah|Jerusalem|Johannesburg|Karachi|
Kolkata|Krakow|Lagos|Lahore|Leipzig|Lyon|Marseille|Matamoros|Melbourne|Merida|Milan|
Monterrey|Montreal|Mumbai|Munich|Naha|Naples|Nogales|Nuevo Laredo|Osaka Kobe|Perth|
Peshawar|Ponta Delgada|Quebec|Recife|Rio De Janeiro|Sao Paulo|Sapporo|Shanghai|Shenyang|
St Petersburg|Strasbourg|Surabaya|Sydney|Thessaloniki|Tijuana|Toronto|Vancouver|Vladivostok|Wuhan|
Winnipeg|Yekaterinburg
"""

# Posts whose origin is not "Embassy/Consulate <City>". Keys are id station codes.
SPECIAL_ORIGINS: dict[str, str] = {
    "STATE": "Secretary of State",
    "SECDEF": "Secretary of Defense",
    "USNATO": "Mission USNATO",
    "USOSCE": "Mission USOSCE",
    "USEUBRUSSELS": "USEU Brussels",
    "USUNNEWYORK": "USUN New York",
    "UNROME": "UN Rome",
    "UNVIEVIENNA": "UNVIE",
    "UNESCOPARISFR": "Mission UNESCO",
    "USCDGENEVA": "US Mission CD Geneva",
    "GENEVA": "US Mission Geneva",
    "HAVANA": "US Interests Section Havana",
    "AITTAIPEI": "American Institute Taiwan, Taipei",
    "TAIPEI": "American Institute Taiwan, Taipei",
    "RPODUBAI": "Iran RPO Dubai",
    "IRANRPODUBAI": "Iran RPO Dubai",
    "PARTO": "US Delegation, Secretary",
    "SECTO": "US Delegation, Secretary",
    "BASRAH": "REO Basrah",
    "HILLAH": "REO Hillah",
    "KIRKUK": "REO Kirkuk",
    "MOSUL": "REO Mosul",
    "USOFFICEHONGKONG": "Consulate Hong Kong",
    "USDOC": "Department of Commerce",
    "USCBP": "US Customs and Border Protection",
    "USDAFAS": "USDA Foreign Agricultural Service",
    "CDCATLANTAGA": "Centers for Disease Control",
    "CHARLESTON": "Consular Center Charleston",
}

# Older or variant station codes -> the code the site's tables are keyed on.
CODE_ALIASES: dict[str, str] = {
    "SECSTATE": "STATE",
    "SECSTATEWASHDC": "STATE",
    "STATEWASHDC": "STATE",
    "USUN": "USUNNEWYORK",
    "USUNNY": "USUNNEWYORK",
    "USUNNEWYORKNY": "USUNNEWYORK",
    "USEU": "USEUBRUSSELS",
    "UNVIE": "UNVIEVIENNA",
    "USUNVIE": "UNVIEVIENNA",
    "USUNROME": "UNROME",
    "USMISSIONGENEVA": "GENEVA",
    "USMISSIONUSNATO": "USNATO",
    "USMISSIONUSOSCE": "USOSCE",
    "USUNESCOPARISFR": "UNESCOPARISFR",
    "UNESCOPARIS": "UNESCOPARISFR",
    "PARISFR": "UNESCOPARISFR",
    "MEXICOCITY": "MEXICO",
    "GUATEMALACITY": "GUATEMALA",
    "KUWAITCITY": "KUWAIT",
    "PANAMACITY": "PANAMA",
    "HAGUE": "THEHAGUE",
    "RIO": "RIODEJANEIRO",
    "PAP": "PORTAUPRINCE",
    "PAUP": "PORTAUPRINCE",
    "BKK": "BANGKOK",
    "BA": "BUENOSAIRES",
    "VAT": "VATICAN",
    "HOLYSEE": "VATICAN",
    "BRAZIL": "BRASILIA",
    "USDA": "USDAFAS",
    "CDCATLANTA": "CDCATLANTAGA",
    "USCUSTOMS": "USCBP",
    "USCUSTOMSA": "USCBP",
    "SAIGON": "HOCHIMINHCITY",
    "HCMC": "HOCHIMINHCITY",
    "NDJAMENA": "NDJAMENA",
    "STPETERSBURG": "STPETERSBURG",
    "SAINTPETERSBURG": "STPETERSBURG",
    "LENINGRAD": "STPETERSBURG",
}


# Former city names: ids keep them as written (06KIEV1531, 06CALCUTTA389), but the
# site names the origin by the current name (Embassy Kyiv, Consulate Kolkata).
NAME_ALIASES: dict[str, str] = {
    "KIEV": "KYIV",
    "CALCUTTA": "KOLKATA",
    "MADRAS": "CHENNAI",
    "BOMBAY": "MUMBAI",
}


def _code(name: str) -> str:
    """Station code of a post name: upper-case letters only (``Port-au-Prince`` -> PORTAUPRINCE)."""
    return "".join(ch for ch in name.upper() if "A" <= ch <= "Z")


def _names(block: str) -> dict[str, str]:
    return {_code(n): n.strip() for n in block.replace("\n", "").split("|") if n.strip()}


EMBASSIES: dict[str, str] = _names(_EMBASSIES)
CONSULATES: dict[str, str] = _names(_CONSULATES)

# Every station code an id can carry: the posts plus non-post senders seen in ids.
KNOWN_STATIONS: frozenset[str] = frozenset(
    set(EMBASSIES)
    | set(CONSULATES)
    | set(SPECIAL_ORIGINS)
    | set(NAME_ALIASES)
    | {"USOFFICEPRISTINA"}
)

# Words that can trail a city name on an FM or classification line without being part of it.
_TRAILERS = frozenset({"WASHDC", "WASHINGTON", "DC"})

_SPACE_RE = re.compile(r"\s+")
_LAST_DIGIT_RE = re.compile(r"^.*\d")
_COUNTRY_SUFFIX_RE = re.compile(r"\s[A-Z]{2}$")


def canonical_station(post: str) -> str | None:
    """Station code for a post as written (``THE HAGUE``, ``Kiev``, ``USUN NEW YORK``)."""
    if not isinstance(post, str):
        return None
    code = _code(post)
    if not code:
        return None
    code = CODE_ALIASES.get(code, code)
    if code in KNOWN_STATIONS:
        return code
    # "TRIPOLI LY", "MADRID SP": a trailing two-letter country code.
    text = _SPACE_RE.sub(" ", post.strip().upper())
    if _COUNTRY_SUFFIX_RE.search(text):
        short = CODE_ALIASES.get(_code(text[:-3]), _code(text[:-3]))
        if short in KNOWN_STATIONS:
            return short
    return code


def display_name(post: str) -> str:
    """City name as the site prints it: ``THE HAGUE`` -> ``The Hague``, ``KIEV`` -> ``Kyiv``."""
    code = canonical_station(post) or ""
    code = NAME_ALIASES.get(code, code)
    name = EMBASSIES.get(code) or CONSULATES.get(code)
    if name:
        return name
    text = _SPACE_RE.sub(" ", post.replace("-", " ").strip())
    if _COUNTRY_SUFFIX_RE.search(text.upper()) and len(text) > 4:
        text = text[:-3]
    return text.title()


def origin_for_post(post: object) -> str | None:
    """Site origin for a post as written in a classification line or id (``THEHAGUE``).

    Used when a cable has no routing header: the post alone must tell embassy
    from consulate, hence the tables.
    """
    return _origin_for_post(post) if isinstance(post, str) else None


@lru_cache(maxsize=2048)  # a few hundred posts write most cables
def _origin_for_post(post: str) -> str | None:
    try:
        code = canonical_station(post)
        if not code:
            return None
        if code not in KNOWN_STATIONS:
            # A damaged post ("SECTION 02 OF 03QRIPOLI", "SOIA"): repair as in ids.
            from cablekit.parse.reference_id import canonical_station_code

            tail = _code(_LAST_DIGIT_RE.sub("", post.upper()))
            repaired = canonical_station_code(tail) if tail else ""
            if repaired in KNOWN_STATIONS:
                code = repaired
            elif tail != code or len(set(code)) <= 2:
                return None
        code = NAME_ALIASES.get(code, code)
        if code in SPECIAL_ORIGINS:
            return SPECIAL_ORIGINS[code]
        if code in EMBASSIES:
            return "Embassy " + EMBASSIES[code]
        if code in CONSULATES:
            return "Consulate " + CONSULATES[code]
        if code == "USOFFICEPRISTINA":
            return "Embassy Pristina"
        return "Embassy " + display_name(post)
    except Exception:  # noqa: BLE001 - never raise on odd input
        return None


# FM-line prefix -> how the site names the post it introduces.
_FM_RE = re.compile(r"^(?:[A-Z0-9]{4,8}/)?\s*([A-Z]+)\b\s*(.*)$")
_SLASHES_RE = re.compile(r"//.*$")


def origin_for_fm(fm: object) -> str | None:
    """Site origin for an FM line value: ``AMEMBASSY MOSCOW`` -> ``Embassy Moscow``.

    The grammar: the first word names the kind of post (AMEMBASSY, AMCONSUL,
    USMISSION, USEU, USINT, AIT, USLO, REO, USDEL ...), the rest the city.
    """
    return _origin_for_fm(fm) if isinstance(fm, str) else None


@lru_cache(maxsize=2048)  # a few hundred FM lines send most cables
def _origin_for_fm(fm: str) -> str | None:
    try:
        text = _SPACE_RE.sub(" ", fm.upper().strip())
        text = _SLASHES_RE.sub("", text).strip()
        m = _FM_RE.match(text)
        if not m:
            return None
        kind, rest = m.group(1), m.group(2).strip()
        words = rest.split()
        while words and words[-1] in _TRAILERS and kind not in ("SECSTATE", "SECDEF"):
            words.pop()
        rest = " ".join(words)
        if kind in ("SECSTATE", "STATE"):
            return "Secretary of State"
        if kind == "SECDEF":
            return "Secretary of Defense"
        if not rest:
            return origin_for_post(kind) if kind in KNOWN_STATIONS else None
        code = canonical_station(rest) or ""
        code = NAME_ALIASES.get(code, code)
        if kind in ("AMEMBASSY", "EMBASSY", "USLO"):
            if code in SPECIAL_ORIGINS and code not in ("HAVANA", "TAIPEI", "GENEVA"):
                return SPECIAL_ORIGINS[code]
            return "Embassy " + display_name(rest)
        if kind in ("AMCONSUL", "CONSUL", "AMCONGEN", "CONGEN"):
            return "Consulate " + display_name(rest)
        if kind == "USINT":
            return "US Interests Section " + display_name(rest)
        if kind == "AIT":
            return "American Institute Taiwan, " + display_name(rest)
        if kind == "USEU":
            return "USEU " + display_name(rest)
        if kind == "USOFFICE":
            if code in CONSULATES:
                return "Consulate " + CONSULATES[code]
            return "Embassy " + display_name(rest)
        if kind == "REO":
            return "REO " + display_name(rest)
        if kind in ("IRAN", "RPO"):
            return "Iran RPO " + display_name(words[-1]) if words else None
        if kind == "USDEL":
            if words and words[0] == "SECRETARY":
                return "US Delegation, Secretary"
            return "US Delegation " + display_name(rest)
        if kind in ("USMISSION", "USMISSIONS"):
            if code in SPECIAL_ORIGINS:
                return SPECIAL_ORIGINS[code]
            if words and words[0].startswith("US"):
                return "Mission " + words[0]
            return "US Mission " + display_name(rest)
        if kind == "USUN":
            key = CODE_ALIASES.get("USUN" + code, "USUN" + code)
            return SPECIAL_ORIGINS.get(key, "USUN " + display_name(rest))
        if kind in ("USNATO", "USOSCE"):
            return SPECIAL_ORIGINS[kind]
        return origin_for_post(text) if _code(text) in KNOWN_STATIONS else None
    except Exception:  # noqa: BLE001 - never raise on odd input
        return None
