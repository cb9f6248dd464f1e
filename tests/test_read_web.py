"""Other web pages: trafilatura finds the main text, every cable line in it is kept."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from cablekit.read.sources import read_documents, read_documents_from_text
from cablekit.read.web import html_lines, main_span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "republished-page.txt"

SHORT_CABLE = """C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488

E.O. 12958: DECL: 06/05/2019

Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d).

1. (C) Summary: Israeli FM Lieberman's June 2-3 visit to
Russia appears not to have broken new ground diplomatically,
but cemented Moscow's impression that the Russian-speaking
Lieberman is one of their own.  End summary.

MOSCOW 00001488  002 OF 002

13. (C) Lavrov raised Russian concern with "historical
revisionism" regarding the Soviet Era and Second World War.
"""


def wordpress_page(text: str, title: str) -> str:
    """A realistic WordPress post page: nav, sidebar, post text in <p>/<br>, comment form."""
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    paras = "\n".join(
        "<p>" + "<br />\n".join(html.escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
    )
    nav = "".join(
        f'<li class="menu-item"><a href="/c/{i}">{w}</a></li>'
        for i, w in enumerate(["Home", "About", "Georgia", "Russia", "Archives", "Contact"])
    )
    side = "".join(
        f'<li><a href="/p/{i}">Recent post {i}: Tbilisi news roundup for the week</a></li>'
        for i in range(8)
    )
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{html.escape(title)} | Georgia Watch</title>
<link rel='stylesheet' href='/wp-content/themes/twentyten/style.css' />
<script>var wp = {{"ajax": "/wp-admin/admin-ajax.php"}};</script></head>
<body class="single single-post">
<div id="wrapper"><div id="header"><div id="site-title"><a href="/">Georgia Watch</a></div>
<div id="site-description">News and analysis from the Caucasus</div>
<div id="access" role="navigation"><ul class="menu">{nav}</ul></div></div>
<div id="main"><div id="container"><div id="content" role="main">
<div class="navigation">
<div class="nav-previous"><a href="/prev">&larr; Previous post</a></div></div>
<article id="post-1488" class="post type-post status-publish">
<h1 class="entry-title">{html.escape(title)}</h1>
<div class="entry-meta">Posted on
<a href="/2011/03/"><span class="entry-date">March 3, 2011</span></a>
by <a href="/author/admin">admin</a></div>
<div class="entry-content">
{paras}
</div>
<div class="entry-utility">This entry was posted in <a href="/cat/russia">Russia</a>.
Bookmark the <a href="/p" rel="bookmark">permalink</a>.</div>
</article>
<div id="comments">
<h3 id="reply-title">Leave a Reply <small><a href="#respond">Cancel reply</a></small></h3>
<form action="/wp-comments-post.php" method="post" id="commentform">
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p class="comment-form-author"><label for="author">Name</label>
<input id="author" name="author" /></p>
<p class="comment-form-email"><label for="email">Email</label> <input id="email" name="email" /></p>
<p class="comment-form-comment"><label for="comment">Comment</label>
<textarea id="comment"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" value="Post Comment" /></p>
</form></div>
</div></div>
<div id="primary" class="widget-area" role="complementary"><ul class="xoxo">
<li class="widget-container"><h3 class="widget-title">Recent Posts</h3><ul>{side}</ul></li>
<li class="widget-container"><h3 class="widget-title">Archives</h3>
<ul><li><a href="/2011/03/">March 2011</a></li>
<li><a href="/2011/02/">February 2011</a></li></ul></li>
</ul></div>
</div><div id="footer" role="contentinfo"><div id="site-info"><a href="/">Georgia Watch</a>
&copy; 2011. Proudly powered by WordPress.</div></div></div>
</body></html>"""


CHROME = ["Leave a Reply", "Recent post 3", "Previous post", "Proudly powered", "Post Comment"]


def _nonblank(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def test_short_cable_page_keeps_every_cable_line(tmp_path: Path) -> None:
    path = tmp_path / "post.html"
    path.write_text(wordpress_page(SHORT_CABLE, "Wikileaks: Lieberman in Moscow"), "utf-8")
    (doc,) = read_documents(path)
    assert doc.format == "web"
    assert _nonblank(doc.text) == _nonblank(SHORT_CABLE)
    for chrome in CHROME:
        assert chrome not in doc.text


def test_seed_page_in_wordpress_keeps_all_cable_lines() -> None:
    if not SEED.exists():
        pytest.skip("shared data absent")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if "ASD Vershbow has cleared this cable" in line)
    cable_text = "\n".join(lines[2 : last + 1])
    page = wordpress_page(cable_text, lines[0].strip())
    (doc,) = read_documents_from_text(page, "page.html")
    assert doc.format == "web"
    got = _nonblank(doc.text)
    assert got == _nonblank(cable_text)  # nothing lost (page breaks included), nothing added
    assert "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488" in got
    assert "MOSCOW 00001488 002 OF 002" in got
    assert "E.O. 12958: DECL: 06/05/2019" in got
    for chrome in CHROME:
        assert chrome not in doc.text


def test_pre_block_is_kept_verbatim() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Cable</h1>"
        f"<pre>{html.escape(SHORT_CABLE)}</pre></article></body></html>"
    )
    lines = html_lines(page)
    assert "MOSCOW 00001488  002 OF 002" in lines
    assert "1. (C) Summary: Israeli FM Lieberman's June 2-3 visit to" in lines


def test_html_lines_breaks() -> None:
    page = "<html><body><p>a <b>b</b><br>\n  c</p><script>x()</script><div>q</div>r</body></html>"
    assert html_lines(page) == ["a b", "c", "", "q", "", "r"]
    assert html_lines("") == []


def test_main_span_falls_back_to_whole_page() -> None:
    lines = ["one", "two", "three"]
    assert main_span(lines, None) == (0, 3)
    assert main_span(lines, "not on the page") == (0, 3)
    assert main_span(lines, "two") == (1, 2)
