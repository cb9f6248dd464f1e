"""The search query language: a small hand-written parser from a query string to an AST.

Grammar (``OR`` binds looser than the implicit ``AND``)::

    query   := or_expr EOF
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= unary (["AND"] unary)*
    unary   := ("-" | "NOT") unary | primary
    primary := "(" or_expr ")" | '"phrase"' | field ":" value | word

Words are tokenised exactly as the index tokenises text (split on every character that
is not alphanumeric, lowercase), so ``U.S.`` becomes the phrase "u s" and a word made
only of punctuation (``&``, a lone ``-``) is skipped. ``AND`` is accepted as an explicit,
optional conjunction. Every error is a ``QuerySyntaxError`` whose ``str()`` is one line
naming what is wrong and the 0-based position in the query.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from cablekit.errors import CablekitError
from cablekit.parse.reference_id import canonical_reference_id

__all__ = [
    "FIELDS",
    "And",
    "DateRange",
    "Filter",
    "MatchAll",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "QuerySyntaxError",
    "Word",
    "parse_query",
    "tokenize",
]

FIELDS = (
    "classification",
    "from",
    "id",
    "org",
    "origin",
    "person",
    "place",
    "subject",
    "tag",
    "to",
)
_WORD_FIELDS = ("subject", "person", "org", "place")  # words of a text field, not exact values
MAX_DEPTH = 64  # nesting of parentheses / negations; deeper input is an error, not a RecursionError

_TOKEN_RE = re.compile(r"[^\W_]+")
_FIELD_NAME_RE = re.compile(r"[A-Za-z_]+")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_SPECIAL = frozenset('()"')


class QuerySyntaxError(CablekitError):
    """A query that cannot be parsed; ``str()`` is one line: what is wrong and where."""

    def __init__(self, message: str, position: int) -> None:
        self.message = " ".join(str(message).split())
        self.position = position  # 0-based character offset in the query
        super().__init__(self.message)

    def __reduce__(self):  # picklable despite the two-argument constructor
        return (QuerySyntaxError, (self.message, self.position))


# --- AST -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One index token (lowercase); ``prefix=True`` matches every token starting with it."""

    text: str
    field: str = "text"  # "text" (subject + body), "subject", or an entity's: "person", ...
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Consecutive index tokens."""

    words: tuple[str, ...]
    field: str = "text"


@dataclass(frozen=True, slots=True)
class Filter:
    """An exact (case-insensitive) metadata match: origin, tag, classification or id."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class DateRange:
    """Creation date between ``start`` and ``end`` (ISO dates, both inclusive, None = open)."""

    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class MatchAll:
    """The empty query: every cable."""


Node = Word | Phrase | Filter | DateRange | And | Or | Not | MatchAll


def tokenize(text: str) -> list[str]:
    """The index's tokens of ``text``: alphanumeric runs, lowercased (long ones are kept)."""
    return _TOKEN_RE.findall(text.lower())


# --- lexer -----------------------------------------------------------------------------------

# Token kinds
_LPAREN, _RPAREN, _QUOTED, _WORD, _FIELD, _OR, _AND, _NOT, _MINUS, _EOF = range(10)
_KEYWORDS = {"OR": _OR, "AND": _AND, "NOT": _NOT}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: int
    pos: int
    text: str = ""  # word text, phrase contents, or field value
    name: str = ""  # field name for _FIELD
    value_pos: int = 0  # where a field value starts
    quoted: bool = False  # field value was quoted


def _read_quoted(query: str, i: int) -> tuple[str, int]:
    """Contents of the quote opening at ``i`` and the index after the closing quote."""
    end = query.find('"', i + 1)
    if end < 0:
        raise QuerySyntaxError(f"unclosed quote at position {i}", i)
    return query[i + 1 : end], end + 1


def _read_bare(query: str, i: int) -> int:
    """Index after the bare run starting at ``i`` (ends at whitespace, a parenthesis, a quote)."""
    n = len(query)
    while i < n and not query[i].isspace() and query[i] not in _SPECIAL:
        i += 1
    return i


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c == "(":
            toks.append(_Tok(_LPAREN, i))
            i += 1
        elif c == ")":
            toks.append(_Tok(_RPAREN, i))
            i += 1
        elif c == '"':
            text, j = _read_quoted(query, i)
            toks.append(_Tok(_QUOTED, i, text))
            i = j
        elif c == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] != ")":
            toks.append(_Tok(_MINUS, i))
            i += 1
        else:
            j = _read_bare(query, i)
            run = query[i:j]
            m = _FIELD_NAME_RE.match(run)
            if m and run[m.end() : m.end() + 1] == ":":
                tok = _lex_field(query, i, m.group(0), i + m.end() + 1)
                toks.append(tok)
                i = _field_end(query, tok)
                continue
            toks.append(_Tok(_KEYWORDS.get(run, _WORD), i, run))
            i = j
    toks.append(_Tok(_EOF, n))
    return toks


def _lex_field(query: str, pos: int, name: str, vpos: int) -> _Tok:
    key = name.lower()
    if key not in FIELDS:
        known = ", ".join(FIELDS)
        raise QuerySyntaxError(f"unknown field '{name}' at position {pos} (known: {known})", pos)
    if vpos < len(query) and query[vpos] == '"':
        text, _ = _read_quoted(query, vpos)
        quoted = True
    else:
        text = query[vpos : _read_bare(query, vpos)]
        quoted = False
    if not text.strip():
        raise QuerySyntaxError(f"empty value for field '{key}' at position {pos}", pos)
    return _Tok(_FIELD, pos, text, key, vpos, quoted)


def _field_end(query: str, tok: _Tok) -> int:
    if tok.quoted:
        return query.find('"', tok.value_pos + 1) + 1
    return _read_bare(query, tok.value_pos)


# --- parser ----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.toks = _lex(query)
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        if self.peek().kind == _EOF:
            return MatchAll()
        node = self.or_expr()
        tok = self.peek()
        if tok.kind == _RPAREN:
            raise QuerySyntaxError(f"unmatched ')' at position {tok.pos}", tok.pos)
        if node is None:
            raise QuerySyntaxError("nothing to search for: no letters or digits at position 0", 0)
        return node

    def or_expr(self) -> Node | None:
        children = [self.and_expr()]
        while self.peek().kind == _OR:
            op = self.take()
            if self.peek().kind in (_OR, _AND, _RPAREN, _EOF):
                raise QuerySyntaxError(f"OR at position {op.pos} has nothing after it", op.pos)
            children.append(self.and_expr())
        kept = [c for c in children if c is not None]
        if not kept:
            return None
        if len(kept) == 1:
            return kept[0]
        flat: list[Node] = []
        for c in kept:
            flat.extend(c.children if isinstance(c, Or) else (c,))
        return Or(tuple(flat))

    def and_expr(self) -> Node | None:
        tok = self.peek()
        if tok.kind in (_OR, _AND):
            kw = "OR" if tok.kind == _OR else "AND"
            raise QuerySyntaxError(f"{kw} at position {tok.pos} has nothing before it", tok.pos)
        children: list[Node] = []
        while True:
            tok = self.peek()
            if tok.kind in (_OR, _RPAREN, _EOF):
                break
            if tok.kind == _AND:
                self.take()
                if self.peek().kind in (_OR, _AND, _RPAREN, _EOF):
                    raise QuerySyntaxError(
                        f"AND at position {tok.pos} has nothing after it", tok.pos
                    )
                continue
            node = self.unary()
            if node is not None:
                children.extend(node.children if isinstance(node, And) else (node,))
        if not children:
            return None
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node | None:
        tok = self.peek()
        if tok.kind not in (_NOT, _MINUS):
            return self.primary()
        self.take()
        if self.peek().kind in (_OR, _AND, _RPAREN, _EOF):
            what = "NOT" if tok.kind == _NOT else "'-'"
            raise QuerySyntaxError(f"{what} at position {tok.pos} has nothing to negate", tok.pos)
        self._enter(tok.pos)
        child = self.unary()
        self.depth -= 1
        return None if child is None else Not(child)

    def _enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError(f"query nested too deeply at position {pos}", pos)

    def primary(self) -> Node | None:
        tok = self.take()
        if tok.kind == _LPAREN:
            self._enter(tok.pos)
            node = self.or_expr()
            self.depth -= 1
            close = self.take()
            if close.kind != _RPAREN:
                raise QuerySyntaxError(f"unclosed parenthesis at position {tok.pos}", tok.pos)
            if node is None:
                raise QuerySyntaxError(f"empty parentheses at position {tok.pos}", tok.pos)
            return node
        if tok.kind == _QUOTED:
            words = tokenize(tok.text)
            if not words:
                raise QuerySyntaxError(f"empty phrase at position {tok.pos}", tok.pos)
            return _words_node(words, "text")
        if tok.kind == _FIELD:
            return self.field(tok)
        if tok.kind == _WORD:
            return _bare_word(tok.text, "text", tok.pos)
        raise QuerySyntaxError(f"unexpected token at position {tok.pos}", tok.pos)  # unreachable

    def field(self, tok: _Tok) -> Node:
        name, value, vpos = tok.name, tok.text, tok.value_pos
        if name in _WORD_FIELDS:
            if tok.quoted:
                words = tokenize(value)
                if not words:
                    raise QuerySyntaxError(f"empty phrase at position {vpos}", vpos)
                return _words_node(words, name)
            node = _bare_word(value, name, vpos)
            if node is None:
                raise QuerySyntaxError(
                    f"empty value for field '{name}' at position {tok.pos}", tok.pos
                )
            return node
        if name in ("from", "to"):
            return _date_range(name, value.strip(), vpos)
        value = " ".join(value.split())
        if name == "id":
            value = canonical_reference_id(value) or value.upper()
        elif name == "classification":
            value = "//".join(part.strip() for part in value.split("//"))
        return Filter(name, value)


def _words_node(words: list[str], field: str) -> Node:
    return Word(words[0], field) if len(words) == 1 else Phrase(tuple(words), field)


def _bare_word(text: str, field: str, pos: int) -> Node | None:
    """A bare word: a Word, a Phrase when punctuation splits it, None when nothing is left."""
    if text.endswith("*"):
        stem = text.rstrip("*")
        words = tokenize(stem)
        if len(words) > 1:
            raise QuerySyntaxError(
                f"a prefix must be a single word ('{text}' at position {pos})", pos
            )
        if not words or len(words[0]) < 2:
            raise QuerySyntaxError(
                f"a prefix needs at least 2 letters before '*' at position {pos}", pos
            )
        return Word(words[0], field, prefix=True)
    words = tokenize(text)
    if not words:
        return None
    return _words_node(words, field)


def _date_range(name: str, value: str, pos: int) -> DateRange:
    """``from:2009`` is 2009-01-01, ``to:2009`` 2009-12-31, ``to:2009-02`` 2009-02-28."""
    m = _DATE_RE.fullmatch(value)
    bad = QuerySyntaxError(
        f"bad date '{value}' for {name}: at position {pos} (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        pos,
    )
    if not m:
        raise bad
    year = int(m.group(1))
    start = name == "from"
    month = int(m.group(2)) if m.group(2) else (1 if start else 12)
    if not 1 <= year or not 1 <= month <= 12:
        raise bad
    if m.group(3):
        day = int(m.group(3))
    else:
        day = 1 if start else calendar.monthrange(year, month)[1]
    try:
        iso = _dt.date(year, month, day).isoformat()
    except ValueError:
        raise bad from None
    return DateRange(iso, None) if start else DateRange(None, iso)


def _has_positive(node: Node, negated: bool = False) -> bool:
    """True when some leaf sits under an even number of ``Not`` (``-(-a)`` is ``a``)."""
    if isinstance(node, Not):
        return _has_positive(node.child, not negated)
    if isinstance(node, And | Or):
        return any(_has_positive(c, negated) for c in node.children)
    return not negated


def _first_not_pos(query: str) -> int:
    m = re.search(r"(?:^|[\s(])(-|NOT\b)", query)
    return m.start(1) if m else 0


def parse_query(query: str) -> Node:
    """Parse ``query`` into an AST; an empty (or blank) query is ``MatchAll()``.

    Raises ``QuerySyntaxError`` (one-line message with the position) on bad input,
    including a query made only of exclusions, which would otherwise match almost
    everything by accident.
    """
    if not isinstance(query, str):
        raise QuerySyntaxError("the query must be text at position 0", 0)
    node = _Parser(query).parse()
    if not isinstance(node, MatchAll) and not _has_positive(node):
        pos = _first_not_pos(query)
        raise QuerySyntaxError(
            f"a query needs at least one positive term: the exclusion at position {pos} "
            "has nothing to exclude from",
            pos,
        )
    return node
