"""The ``cablekit`` command line: a thin layer over the library.

Every command's help ends with an example; ``tests/test_cli_docs.py`` fails
when a command has none or is missing from the README.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from cablekit.api import cables_in
from cablekit.errors import CablekitError, ReadError
from cablekit.model import Cable
from cablekit.parse.reference_id import canonical_reference_id
from cablekit.read.sources import read_documents
from cablekit.render import (
    cable_as_text,
    render_entities,
    render_entity,
    render_entity_list,
    render_record,
    render_results,
    render_stats,
)
from cablekit.search.query import parse_query
from cablekit.store import Library
from cablekit.store.export import write_csv, write_jsonl, write_parquet
from cablekit.store.export_entities import write_ftm, write_gexf


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cablekit")
def cli() -> None:
    """cablekit: turn US diplomatic cables, wherever they turn up, into complete records."""


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default="json",
    show_default=True,
    help="json: one array of records; jsonl: one record per line; text: a summary for people.",
)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def parse(fmt: str, paths: tuple[str, ...]) -> None:
    """Find and parse every cable in PATH... (files, directories, or - for standard input).

    Reads plain text, the Cablegate site's HTML pages, the 2011 cables.csv,
    cablekit's JSON Lines corpus, other web pages, and .gz of any of them.
    A file with no cable in it gives a warning; a file that cannot be read
    gives one line on stderr and a non-zero exit, and the others are still read.

    \b
    Example:
        cablekit parse --format text samples/republished-page.txt
        cablekit parse --format jsonl cables/ > cables.jsonl
    """
    failures = 0

    def report(error: ReadError) -> None:
        nonlocal failures
        failures += 1
        click.echo(f"cablekit: error: {error}", err=True)

    out = sys.stdout
    first = True
    if fmt == "json":
        out.write("[")
    for path in paths:
        for cable in _cables(path, report):
            if fmt == "jsonl":
                out.write(cable.to_json().decode() + "\n")
            elif fmt == "json":
                out.write(("\n" if first else ",\n") + _pretty(cable))
            else:
                out.write(("" if first else "\n") + cable_as_text(cable) + "\n")
            first = False
    if fmt == "json":
        out.write("\n]\n" if not first else "]\n")
    out.flush()
    if failures:
        sys.exit(1)


def _cables(path: str, report: Callable[[ReadError], None]) -> Iterator[Cable]:
    """The cables of one command-line path; read errors go to ``report``, never up."""
    found: dict[str, int] = {}
    try:
        for document in read_documents(path, on_error=report):
            n = 0
            for cable in cables_in(document):
                n += 1
                yield cable
            key = document.path or path
            found[key] = found.get(key, 0) + n
    except ReadError as error:
        report(error)
        return
    except CablekitError as error:  # pragma: no cover - defensive: one line, never a traceback
        report(ReadError(path, str(error)))
        return
    for name, n in found.items():
        if n == 0:
            click.echo(f"cablekit: warning: {name}: no cable found", err=True)


_DB = click.option(
    "--db",
    required=True,
    type=click.Path(dir_okay=False),
    help="The library: one SQLite file (its search index lives in DB-search/ beside it).",
)
_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="text: for people; json: for programs.",
)


def _fail(message: str) -> NoReturn:
    click.echo(f"cablekit: error: {message}", err=True)
    sys.exit(1)


def _emit(value: Any, fmt: str, render: Callable[[Any], str]) -> None:
    """``value`` as indented JSON (``--format json``) or as ``render`` writes it for people."""
    if fmt == "json":
        click.echo(json.dumps(value, ensure_ascii=False, indent=2))
    else:
        click.echo(render(value))


def _open(db: str, *, create: bool = False) -> Library:
    try:
        return Library.open(db, create=create)
    except CablekitError as error:
        _fail(str(error))


@cli.command()
@_DB
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: only when stderr is a terminal).",
)
@click.option("--reindex", is_flag=True, help="Rebuild the search index from the stored cables.")
@click.option(
    "--entities/--no-entities",
    default=True,
    show_default=True,
    help="Extract people, organisations and places (--no-entities: faster; the next"
    " ingest with them extracts what is missing).",
)
@click.argument("sources", nargs=-1, metavar="SOURCE...")
def ingest(
    db: str, sources: tuple[str, ...], progress: bool | None, reindex: bool, entities: bool
) -> None:
    """Read every cable in SOURCE... into the library DB (created when missing).

    Takes everything `cablekit parse` reads: text, the Cablegate site's pages,
    cables.csv, JSON Lines, web pages, directories, .gz. Ingesting the same
    input twice adds nothing; a changed text of a known cable adds a version.
    Cables are committed in batches: an interrupted ingest keeps every batch
    done, and running it again completes the rest. A bad file is reported on
    stderr and skipped (the exit status is then 1). People, organisations and
    places are extracted as cables are stored (see cablekit people).

    \b
    Example:
        cablekit ingest --db cables.db ../shared/corpus/cables-dev.jsonl.gz
        cablekit ingest --db cables.db cables.csv pages/
    """
    if not sources and not reindex:
        _fail("no SOURCE given (a file, a directory or -)")
    failures = 0

    def report(error: ReadError) -> None:
        nonlocal failures
        failures += 1
        click.echo(f"cablekit: error: {error}", err=True)

    def warn(message: str) -> None:
        click.echo(f"cablekit: warning: {message}", err=True)

    with _open(db, create=True) as library:
        try:
            if reindex:
                n = library.reindex()
                click.echo(f"search index rebuilt: {n:,} cables")
            if sources:
                summary = library.ingest(
                    sources,
                    progress=progress,
                    on_error=report,
                    on_warning=warn,
                    entities=entities,
                )
                click.echo(summary.as_line())
        except CablekitError as error:
            _fail(str(error))
    if failures:
        sys.exit(1)


# Queries hold words like -nuclear: options click does not know are words of the query.
_QUERY_COMMAND = {"ignore_unknown_options": True}


@cli.command(context_settings=_QUERY_COMMAND)
@_DB
@_FORMAT
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=0))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0))
@click.option(
    "--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.argument("query", nargs=-1, required=True, type=click.UNPROCESSED)
def search(db: str, fmt: str, limit: int, offset: int, sort: str, query: tuple[str, ...]) -> None:
    """Search the library: the newest version of each cable that matches QUERY.

    \b
    The query language:
      Lavrov Medvedev          both words (words are ANDed; case does not matter)
      "missile defense"        an exact phrase
      Lavrov OR Medvedev       either
      Iran -nuclear            Iran, without nuclear (also: NOT nuclear)
      (Iran OR Syria) sanctions   parentheses group
      privati*                 words that begin with privati
      origin:"Embassy Moscow"  the sending post, as the Cablegate site names it
      tag:PREL                 a TAG
      classification:SECRET    a level: SECRET and SECRET//NOFORN
      from:2009-01-01 to:2009-12-31   created in that range (from:2009 works too)
      id:09MOSCOW1488          one cable
      subject:Gazprom          a word (or "phrase") of the subject
      person:Lavrov            a person named in the cable (also person:"Sergey Lavrov")
      org:Gazprom              an organisation named in the cable
      place:Tbilisi            a place named in the cable
    Totals and facet counts are exact. --format json prints {"total", "results": [...],
    "facets": {"origin", "year", "month", "classification", "tag", "person", "org", "place"}}.

    \b
    Example:
        cablekit search --db cables.db Lavrov tag:PREL from:2009
        cablekit search --db cables.db --format json --sort date '"missile defense" -Iran'
    """
    text = " ".join(query)
    with _open(db) as library:
        try:
            found = library.search(text, limit=limit, offset=offset, sort=sort)
        except CablekitError as error:
            _fail(str(error))
        lag = library.unindexed()
    if lag:
        click.echo(
            f"cablekit: warning: {lag:,} stored versions are not searchable yet"
            " (an ingest is running or was interrupted: run cablekit ingest again)",
            err=True,
        )
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    click.echo(render_results(found, text, offset=offset, sort=sort))


@cli.command()
@_DB
@_FORMAT
@click.option("--version", "version", type=click.IntRange(min=1), help="Show this version.")
@click.argument("reference_id")
def show(db: str, fmt: str, version: int | None, reference_id: str) -> None:
    """Show one cable of the library: its newest version (or --version N) and its versions.

    \b
    Example:
        cablekit show --db cables.db 09MOSCOW1488
        cablekit show --db cables.db --format json --version 1 09MOSCOW1488
    """
    ref = canonical_reference_id(reference_id) or reference_id
    with _open(db) as library:
        record = library.cable(ref, version)
        if record is None:
            numbers = [v["number"] for v in library.versions(ref)]
            if numbers:
                _fail(f"{ref}: no version {version} (versions: {', '.join(map(str, numbers))})")
            _fail(f"{ref}: no such cable in the library")
    _emit(record, fmt, render_record)


@cli.command()
@_DB
@_FORMAT
@click.argument("reference_id")
def entities(db: str, fmt: str, reference_id: str) -> None:
    """Who, what and where in one cable: people with their titles, organisations,
    places (with coordinates), acronyms with their expansions, and quotations.

    \b
    Example:
        cablekit entities --db cables.db 09MOSCOW1488
        cablekit entities --db cables.db --format json 10BAKU134
    """
    ref = canonical_reference_id(reference_id) or reference_id
    with _open(db) as library:
        found = library.entities(ref)
    if found is None:
        _fail(f"{ref}: no such cable in the library")
    _emit(found, fmt, render_entities)


@cli.command(context_settings=_QUERY_COMMAND)
@_DB
@_FORMAT
@click.option(
    "--kind",
    type=click.Choice(["person", "organization", "place"]),
    default="person",
    show_default=True,
    help="Which entities to list.",
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0))
@click.option("--id", "entity_id", type=click.IntRange(min=1), help="Show this one entity.")
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
def people(
    db: str,
    fmt: str,
    kind: str,
    limit: int,
    offset: int,
    entity_id: int | None,
    query: tuple[str, ...],
) -> None:
    """People across the library, most often named first; QUERY keeps those whose name
    has words beginning so (any order). One entry stands for one person: "Lavrov" in one
    cable and "FM Sergey Lavrov" in another are joined when the library knows one Lavrov
    only; a surname it cannot place stays apart ("Clinton" while Bill and Hillary are both
    known). --id N shows one entity: titles, dates, who it is named with, its cables.

    \b
    Example:
        cablekit people --db cables.db lavrov
        cablekit people --db cables.db --kind organization --limit 20
        cablekit people --db cables.db --id 31394 --format json
    """
    with _open(db) as library:
        try:
            if entity_id is not None:
                found = library.entity(entity_id)
                if found is None:
                    _fail(f"no entity {entity_id} in the library")
                _emit(found, fmt, render_entity)
                return
            listed = library.entity_list(kind, " ".join(query), limit=limit, offset=offset)
        except CablekitError as error:
            _fail(str(error))
    _emit(listed, fmt, lambda found: render_entity_list(found, offset=offset))


@cli.command()
@_DB
@click.option("--from", "old", type=click.IntRange(min=1), help="Older version (default: N-1).")
@click.option("--to", "new", type=click.IntRange(min=1), help="Newer version (default: newest).")
@click.argument("reference_id")
def diff(db: str, old: int | None, new: int | None, reference_id: str) -> None:
    """What changed between two versions of a cable, as a unified diff of their texts.

    \b
    Example:
        cablekit diff --db cables.db 09MOSCOW1488
        cablekit diff --db cables.db --from 1 --to 3 09MOSCOW1488
    """
    ref = canonical_reference_id(reference_id) or reference_id
    with _open(db) as library:
        try:
            versions = library.versions(ref)
            if len(versions) == 1 and old is None and new is None:
                click.echo(f"{ref} has one version only: nothing to compare")
                return
            text = library.diff(ref, old, new)
        except CablekitError as error:
            _fail(str(error))
    click.echo(text or "the two versions have the same text", nl=not text)


@cli.command()
@_DB
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True
)
def stats(db: str, fmt: str) -> None:
    """Counts: cables, versions, and cables per origin, year and classification.

    \b
    Example:
        cablekit stats --db cables.db
        cablekit stats --db cables.db --format json
    """
    with _open(db) as library:
        figures = library.stats()
    _emit(figures, fmt, render_stats)


@cli.command(context_settings=_QUERY_COMMAND)
@_DB
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "ftm", "gexf"]),
    default="jsonl",
    show_default=True,
    help="jsonl: whole records; csv / parquet: one flat row per cable; ftm: FollowTheMoney"
    " entities (JSON Lines, for Aleph); gexf: the people network, for Gephi.",
)
@click.option(
    "--max-nodes",
    default=5000,
    show_default=True,
    type=click.IntRange(min=1),
    help="gexf: keep the people named in most cables, this many.",
)
@click.option(
    "--min-shared",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="gexf: link two people named together in at least this many cables.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write here instead of standard output (parquet needs a file).",
)
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
def export(
    db: str,
    fmt: str,
    max_nodes: int,
    min_shared: int,
    output: str | None,
    query: tuple[str, ...],
) -> None:
    """Export the cables a QUERY selects (all by default), newest version of each.

    The query language is that of `cablekit search`. Output is streamed. --format ftm
    writes FollowTheMoney entities (a Document per cable, the people, organisations and
    places it names, and Mention links) for Aleph's tools; --format gexf the network of
    the people named together in those cables, for Gephi.

    \b
    Example:
        cablekit export --db cables.db --format csv tag:PREL from:2009 > prel-2009.csv
        cablekit export --db cables.db --format parquet -o cables.parquet
        cablekit export --db cables.db --format ftm place:Tbilisi > tbilisi.ftm.json
        cablekit export --db cables.db --format gexf -o people.gexf tag:RS
    """
    if fmt == "parquet" and not output:
        _fail("--format parquet needs --output FILE (Parquet is not written to a pipe)")
    text = " ".join(query)
    with _open(db) as library:
        try:
            if text.strip():
                parse_query(text)  # a malformed query fails before any output
            records = library.records(text)
            if fmt == "gexf":
                with (
                    open(output, "wb")
                    if output
                    else contextlib.nullcontext(sys.stdout.buffer) as handle
                ):
                    nodes, edges = write_gexf(
                        library, handle, text or None, min_shared=min_shared, max_nodes=max_nodes
                    )
                click.echo(f"exported {nodes:,} people and {edges:,} links", err=True)
                return
            if fmt == "ftm":
                with (
                    open(output, "w", encoding="utf-8")
                    if output
                    else contextlib.nullcontext(sys.stdout)
                ) as handle:
                    lines = write_ftm(library, handle, text or None)
                click.echo(f"exported {lines:,} FollowTheMoney entities", err=True)
                return
            if fmt == "parquet":
                with open(output, "wb") as handle:
                    n = write_parquet(records, handle)
            else:
                with (
                    open(output, "w", encoding="utf-8", newline="")
                    if output
                    else contextlib.nullcontext(sys.stdout)
                ) as handle:
                    n = (write_csv if fmt == "csv" else write_jsonl)(records, handle)
        except CablekitError as error:
            _fail(str(error))
        except BrokenPipeError:  # `| head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except OSError as error:
            _fail(f"{output}: {error.strerror or error}")
    click.echo(f"exported {n:,} cables", err=True)


@cli.command()
@_DB
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text", "html"]),
    default="text",
    show_default=True,
    help="text: for people; json: one array; jsonl: one object per input; html: a report.",
)
@click.option(
    "--restore", is_flag=True, help="Print each matched cable in full, the copy's losses marked."
)
@click.argument("paths", nargs=-1, required=True, metavar="FILE...")
def identify(db: str, fmt: str, restore: bool, paths: tuple[str, ...]) -> None:
    """Which cables of the library does each FILE reproduce, and what did the copy lose?

    FILE is a page as text or HTML (- for standard input). For each, the cables
    it reproduces in page order: where they are on the page, how much of each
    the copy holds, every line of the original it lost, what it added or
    changed, the cable's metadata, and the parts of the page that match no cable.

    \b
    Example:
        cablekit identify --db cables.db samples/republished-page.txt
        cablekit identify --db cables.db --format html page.html > report.html
        cablekit identify --db cables.db --restore page.txt
    """
    from cablekit.identify import identify as identify_page
    from cablekit.identify.report import as_html, as_text, restored

    failures = 0

    def report(error: ReadError) -> None:
        nonlocal failures
        failures += 1
        click.echo(f"cablekit: error: {error}", err=True)

    results = []
    texts = []
    with _open(db) as library:

        def original(reference_id: str) -> list[str]:
            record = library.cable(reference_id) or {}
            return (record.get("text") or "").split("\n")

        try:
            for path in paths:
                try:
                    for document in read_documents(path, on_error=report):
                        result = identify_page(library, document.text, source=document.path or path)
                        if fmt == "jsonl":
                            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
                        elif fmt == "text" and not restore:
                            click.echo(as_text(result) + "\n")
                        elif restore:
                            click.echo(restored(result, original))
                        results.append(result)
                        texts.append(document.text)
                except ReadError as error:
                    report(error)
        except CablekitError as error:
            _fail(str(error))
        if fmt == "json" and not restore:
            click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        elif fmt == "html":
            click.echo(as_html(results, texts, original))
    if failures:
        sys.exit(1)


@cli.command()
@_DB
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes: more serve more requests at once (one per core is a good start).",
)
def serve(db: str, host: str, port: int, workers: int) -> None:
    """Serve the library over HTTP: the web app and the JSON API (schema at /openapi.json).

    \b
    Endpoints:
      GET /api/search?q=&limit=&offset=&sort=   as cablekit search --format json
      GET /api/cables/{id}                      a record (404 when unknown)
      GET /api/cables/{id}/versions             its versions
      GET /api/stats                            as cablekit stats --format json

    \b
    Example:
        cablekit serve --db cables.db --port 8000
        cablekit serve --db cables.db --workers 2
    """
    import uvicorn

    from cablekit.web.app import DB_ENV, create_app

    try:
        app = create_app(db)  # also checks the library and brings its schema up to date
    except CablekitError as error:
        _fail(str(error))
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[DB_ENV] = str(Path(db).resolve())
    uvicorn.run(
        "cablekit.web.app:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
    )


def _pretty(cable: Cable) -> str:
    return json.dumps(cable.to_dict(), indent=2, ensure_ascii=False)


def main() -> None:
    cli(prog_name="cablekit")
