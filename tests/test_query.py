"""The query language: every construct parses to the agreed AST, every error is one clear line."""

from __future__ import annotations

import pickle

import pytest

from cablekit.errors import CablekitError
from cablekit.search.query import (
    And,
    DateRange,
    Filter,
    MatchAll,
    Not,
    Or,
    Phrase,
    QuerySyntaxError,
    Word,
    parse_query,
    tokenize,
)


def W(text: str, field: str = "text", prefix: bool = False) -> Word:
    return Word(text, field, prefix)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # words, ANDed; tokenised like the index (lowercase, split on punctuation)
        ("Lavrov", W("lavrov")),
        ("Lavrov Medvedev", And((W("lavrov"), W("medvedev")))),
        ("U.S.", Phrase(("u", "s"))),
        ("al-Qaeda", Phrase(("al", "qaeda"))),
        ("Aliyev,s", Phrase(("aliyev", "s"))),
        ("12958", W("12958")),
        ("Russia - Georgia", And((W("russia"), W("georgia")))),  # a lone dash is punctuation
        ("& Lavrov", W("lavrov")),
        ("", MatchAll()),
        ("   \t ", MatchAll()),
        # phrases
        ('"nuclear weapons"', Phrase(("nuclear", "weapons"))),
        ('"Lavrov"', W("lavrov")),
        ('"U.S.-Russia relations"', Phrase(("u", "s", "russia", "relations"))),
        ('Putin "prime minister"', And((W("putin"), Phrase(("prime", "minister"))))),
        # OR, with lower precedence than AND
        ("Lavrov OR Medvedev", Or((W("lavrov"), W("medvedev")))),
        ("a b OR c", Or((And((W("a"), W("b"))), W("c")))),
        ("a OR b c", Or((W("a"), And((W("b"), W("c")))))),
        ("a OR b OR c", Or((W("a"), W("b"), W("c")))),
        ("a or b", And((W("a"), W("or"), W("b")))),  # only uppercase OR is the keyword
        ("a AND b", And((W("a"), W("b")))),
        # negation
        ("Lavrov -Medvedev", And((W("lavrov"), Not(W("medvedev"))))),
        ("Lavrov NOT Medvedev", And((W("lavrov"), Not(W("medvedev"))))),
        ('Iran -"nuclear weapons"', And((W("iran"), Not(Phrase(("nuclear", "weapons")))))),
        ("nuclear -tag:PREL", And((W("nuclear"), Not(Filter("tag", "PREL"))))),
        ("a -(b OR c)", And((W("a"), Not(Or((W("b"), W("c"))))))),
        ("a OR -b", Or((W("a"), Not(W("b"))))),
        ("NOT NOT a", Not(Not(W("a")))),
        ("a --b", And((W("a"), Not(Not(W("b")))))),  # each dash negates
        # parentheses
        ("(a OR b) c", And((Or((W("a"), W("b"))), W("c")))),
        ("((a))", W("a")),
        ("(a b) (c)", And((W("a"), W("b"), W("c")))),
        # field filters
        ('origin:"Embassy Moscow"', Filter("origin", "Embassy Moscow")),
        ('origin:"  Embassy   Moscow "', Filter("origin", "Embassy Moscow")),
        ("tag:PREL", Filter("tag", "PREL")),
        ("TAG:prel", Filter("tag", "prel")),
        ("classification:SECRET", Filter("classification", "SECRET")),
        ("classification:secret//noforn", Filter("classification", "secret//noforn")),
        ('classification:"SECRET // NOFORN"', Filter("classification", "SECRET//NOFORN")),
        ("id:09MOSCOW1488", Filter("id", "09MOSCOW1488")),
        ("id:09MOSCOW001488", Filter("id", "09MOSCOW1488")),
        ("id:09moscow1488", Filter("id", "09MOSCOW1488")),
        ("from:2009-01-01", DateRange("2009-01-01", None)),
        ("to:2009-12-31", DateRange(None, "2009-12-31")),
        ("from:2009", DateRange("2009-01-01", None)),
        ("to:2009", DateRange(None, "2009-12-31")),
        ("from:2009-03", DateRange("2009-03-01", None)),
        ("to:2008-02", DateRange(None, "2008-02-29")),
        ("to:2009-2-3", DateRange(None, "2009-02-03")),
        ("subject:Iran", W("iran", "subject")),
        ('subject:"nuclear program"', Phrase(("nuclear", "program"), "subject")),
        ("subject:U.S.", Phrase(("u", "s"), "subject")),
        ("subject:privati*", W("privati", "subject", prefix=True)),
        (
            'Lavrov origin:"Embassy Moscow" from:2009',
            And((W("lavrov"), Filter("origin", "Embassy Moscow"), DateRange("2009-01-01", None))),
        ),
        ("10:30", Phrase(("10", "30"))),  # not a field name: digits
        # prefix
        ("privati*", W("privati", prefix=True)),
        ("Privati**", W("privati", prefix=True)),
        ("nu*", W("nu", prefix=True)),
        ("-privati* nuclear", And((Not(W("privati", prefix=True)), W("nuclear")))),
    ],
)
def test_constructs(query: str, expected: object) -> None:
    assert parse_query(query) == expected


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ('Lavrov "nuclear', "unclosed quote at position 7", 7),
        ('origin:"Embassy', "unclosed quote at position 7", 7),
        ("(a OR b", "unclosed parenthesis at position 0", 0),
        ("a (b (c)", "unclosed parenthesis at position 2", 2),
        ("a b)", "unmatched ')' at position 3", 3),
        ("()", "empty parentheses at position 0", 0),
        ('""', "empty phrase at position 0", 0),
        ('a "..."', "empty phrase at position 2", 2),
        (
            "foo:bar",
            "unknown field 'foo' at position 0 "
            "(known: classification, from, id, org, origin, person, place, subject, tag, to)",
            0,
        ),
        ("Lavrov date:2009", "unknown field 'date' at position 7", 7),
        ("tag:", "empty value for field 'tag' at position 0", 0),
        ('a origin:""', "empty value for field 'origin' at position 2", 2),
        ("from: 2009", "empty value for field 'from' at position 0", 0),
        ("tag:(PREL)", "empty value for field 'tag' at position 0", 0),
        ("subject:&", "empty value for field 'subject' at position 0", 0),
        ("from:2009-13", "bad date '2009-13' for from: at position 5", 5),
        ("to:2009-02-30", "bad date '2009-02-30' for to: at position 3", 3),
        ("from:yesterday", "bad date 'yesterday' for from: at position 5", 5),
        ("from:09", "bad date '09' for from: at position 5", 5),
        ("-Lavrov", "a query needs at least one positive term", 0),
        ("NOT Lavrov", "a query needs at least one positive term", 0),
        ("-a -b", "a query needs at least one positive term", 0),
        ("-(a OR b)", "a query needs at least one positive term", 0),
        ("(-a) OR (-b)", "a query needs at least one positive term", 1),
        ("Lavrov OR", "OR at position 7 has nothing after it", 7),
        ("OR Lavrov", "OR at position 0 has nothing before it", 0),
        ("a OR OR b", "OR at position 2 has nothing after it", 2),
        ("(a OR) b", "OR at position 3 has nothing after it", 3),
        ("a AND", "AND at position 2 has nothing after it", 2),
        ("AND a", "AND at position 0 has nothing before it", 0),
        ("Lavrov NOT", "NOT at position 7 has nothing to negate", 7),
        ("NOT", "NOT at position 0 has nothing to negate", 0),
        ("a NOT OR b", "NOT at position 2 has nothing to negate", 2),
        ("a*", "a prefix needs at least 2 letters before '*' at position 0", 0),
        ("x *", "a prefix needs at least 2 letters before '*' at position 2", 2),
        ("U.S*", "a prefix must be a single word ('U.S*' at position 0)", 0),
        ("&", "nothing to search for", 0),
        ("(" * 100 + "a" + ")" * 100, "nested too deeply", 64),
        ("-" + "NOT " * 100 + "a", "nested too deeply", 0),
    ],
)
def test_errors(query: str, message: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    err = info.value
    assert message in str(err)
    assert "\n" not in str(err)
    if not message.startswith("nested"):  # deep nesting: wherever the limit is hit
        assert err.position == position
    assert isinstance(err, CablekitError)


def test_only_negative_message_names_position() -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query("  -Lavrov")
    assert info.value.position == 2
    assert "position 2" in str(info.value)


def test_error_pickles() -> None:
    err = QuerySyntaxError("unclosed quote at position 3", 3)
    back = pickle.loads(pickle.dumps(err))
    assert (str(back), back.position) == (str(err), 3)


def test_tokenize_matches_index_rule() -> None:
    assert tokenize("U.S.-Russia: 'Lavrov's' snake_case 12958") == [
        "u",
        "s",
        "russia",
        "lavrov",
        "s",
        "snake",
        "case",
        "12958",
    ]
    assert tokenize("Ünïcode ÇA") == ["ünïcode", "ça"]


@pytest.mark.parametrize("garbage", ["\x00\x01", "(((", ")))", '"' * 5, ":::", "-" * 50, "a:b:c"])
def test_never_raises_anything_but_syntax_errors(garbage: str) -> None:
    try:
        parse_query(garbage)
    except QuerySyntaxError as err:
        assert 0 <= err.position <= len(garbage)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("person:Lavrov", Word("lavrov", "person")),
        ('person:"Sergey Lavrov"', Phrase(("sergey", "lavrov"), "person")),
        ("org:gaz*", Word("gaz", "org", prefix=True)),
        ("place:Tbilisi -place:Moscow", None),
    ],
)
def test_entity_fields(query, expected):
    node = parse_query(query)
    if expected is not None:
        assert node == expected
    else:
        assert node == And((Word("tbilisi", "place"), Not(Word("moscow", "place"))))
