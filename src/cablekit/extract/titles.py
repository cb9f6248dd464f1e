"""Titles and roles as cables write them before (or after) a name.

``FM`` -> Foreign Minister, ``U/S`` -> Under Secretary, ``AMBASSADOR`` -> Ambassador:
a title is a chain of title words (heads such as Minister, qualifiers such as Foreign,
``former``) and abbreviations from the glossary, ending next to the name.
"""

from __future__ import annotations

from cablekit.extract.lexicon import lexicon

# Words that can end a title chain (the head of the title).
HEADS = frozenset(
    """
    President Minister Ambassador Secretary Undersecretary Under-Secretary Director Chairman
    Chairwoman Chair Chairperson Senator Governor King Queen Prince Princess Sheikh Shaikh
    Emir Amir Sultan Judge Justice Advisor Adviser Spokesman Spokeswoman Spokesperson
    Counselor Counsellor Consul Officer Envoy Representative Commander Head Leader Mayor
    Speaker Archbishop Cardinal Monsignor Bishop Father Pope Professor Colonel Brigadier
    General Major Captain Lieutenant Admiral Marshal Attache Secretary-General Chief
    Coordinator Deputy Prosecutor Attorney Congressman Congresswoman Councilor Councillor
    Delegate Commissioner Superintendent Inspector Editor Rabbi Imam Ayatollah Mullah
    Patriarch Premier Chancellor Lord Economist Analyst Journalist Correspondent Activist
    Lawyer Businessman President-elect Vice-President Vice-Minister Viceminister Candidate
    Senator-elect Governor-elect Mayor-elect Legislator Deputy-Minister Ombudsman Auditor
    Administrator Manager Owner Founder Secretary-general Rector Dean Sergeant Colonel
    Charge Counselor Adjutant Magistrate Clerk Consul-General Undersecretary-General Nuncio
    Archimandrite Reverend Pastor Cleric Cmdr Commandant Warlord Vicar Abbot Assemblyman
    Minister-Counselor Lieutenant-General Major-General Brigadier-General Commander-in-Chief
    """.split()
)
# Words that qualify a head inside a chain ("Deputy Foreign Minister", "Political M/C").
MODIFIERS = frozenset(
    """
    Deputy Vice Assistant Under Acting Special Permanent Principal Senior Executive Chief
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
    Secretariat Territorial Administration
    """.split()
)
QUALIFIERS = frozenset(
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
        "de-facto",
        "then-",
        "ex",
        "ex-",
    }
)
HONORIFICS = frozenset(
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
    }
)

# Titles that, with no nationality before them, mark a US official in a US cable.
US_TITLES = frozenset(
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


def expand_token(tok: str, caps: bool) -> str:
    """Expand one token of a title: an abbreviation, or a word in mixed case."""
    lex = lexicon()
    if tok in lex.titles:
        return lex.titles[tok]
    if tok in ("ex", "Ex", "EX", "ex-"):
        return "former"
    up = tok.upper()
    if up in lex.titles_upper and (caps or tok.isupper()):
        return lex.titles_upper[up]
    if tok.isupper() and len(tok) > 1:
        acr = lex.acronyms.get(tok)
        if acr and acr[1] in ("title",):
            return acr[0]
        if caps:
            return tok.capitalize()
    return tok


def expand(words: list[str], caps: bool) -> str:
    """The expansion of a title chain, word by word."""
    out = [expand_token(w, caps) for w in words]
    if caps:
        out = [w if w != w.upper() or len(w) < 2 else w.capitalize() for w in out]
        if out:
            out = [out[0]] + [
                w.lower() if w.lower() in ("of", "for", "the", "and") else w for w in out[1:]
            ]
    return " ".join(out)
