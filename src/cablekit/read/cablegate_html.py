"""The Cablegate site's own cable pages (``cable/2009/06/09MOSCOW1488.html``).

Each page has a metadata table (Reference ID, Created, Released, Classification,
Origin) and two ``<pre>`` blocks, the routing header and the body, with
``&#x000A;`` line breaks, TAGS as links and ``¶`` anchors before paragraph numbers.
The table is the site's own record, so it is trusted as the document's metadata;
the anchors are page furniture and are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from cablekit.model import Document
from cablekit.read.jsonl import cable_document, iso_created

_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_CABLE_TABLE = re.compile(r"<table[^>]*class\s*=\s*['\"]cable['\"]", re.IGNORECASE)
_COLUMNS = {
    "reference id": "reference_id",
    "created": "created",
    "released": "released",
    "classification": "classification",
    "origin": "origin",
}


def looks_like_cablegate_html(html: str) -> bool:
    """Whether a page carries the site's cable table and a ``<pre>`` block."""
    return _CABLE_TABLE.search(html) is not None and "<pre" in html.lower()


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """Parse a page leniently; ``None`` when lxml can make nothing of it."""
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding decl
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def _pre_text(pre: lxml.html.HtmlElement) -> str:
    """The text of a ``<pre>`` without the ``¶`` paragraph anchors the site added."""
    for a in pre.iter("a"):
        href = a.get("href") or ""
        if (a.text or "").strip() == "¶" and href.startswith("#"):
            a.text = ""
    return pre.text_content().replace("\r\n", "\n")


def cablegate_document(html: str, path: str | None = None) -> Document | None:
    """The document of a Cablegate page; ``None`` when the page is not one."""
    root = parse_html(html)
    if root is None:
        return None
    tables = root.xpath("//table[contains(concat(' ', normalize-space(@class), ' '), ' cable ')]")
    if not tables:
        return None
    table = tables[0]
    names = [" ".join(th.text_content().split()).lower() for th in table.iter("th")]
    row = None
    for tr in table.iter("tr"):
        tds = tr.findall("td")
        if tds:
            row = tds
            break
    if row is None:
        return None
    fields: dict[str, str | None] = {}
    for name, td in zip(names, row, strict=False):
        key = _COLUMNS.get(name)
        if key:
            value = " ".join(td.text_content().split())
            fields[key] = value or None
    if not fields.get("reference_id"):
        return None
    for key in ("created", "released"):
        if fields.get(key):
            fields[key] = iso_created(fields[key]) or fields[key]
    pres = [pre for pre in root.iter("pre") if _after(pre, table)]
    if not pres:
        return None
    header = _pre_text(pres[0]) if len(pres) > 1 else ""
    body = _pre_text(pres[-1])
    start_line = pres[0].sourceline or 1
    return cable_document(
        header=header,
        body=body,
        path=path,
        fmt="cablegate-html",
        start_line=start_line,
        fields=fields,
    )


def _after(element: lxml.html.HtmlElement, anchor: lxml.html.HtmlElement) -> bool:
    """Whether ``element`` comes after ``anchor`` in the document (source line order)."""
    a, b = anchor.sourceline, element.sourceline
    return a is None or b is None or b >= a


def read_cablegate_html(html: str, path: str | None = None) -> Iterator[Document]:
    """The one document of a Cablegate page (nothing if it is not one)."""
    document = cablegate_document(html, path)
    if document is not None:
        yield document
