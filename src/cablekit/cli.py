"""The ``cablekit`` command line: a thin layer over the library.

Every command's help ends with an example; ``tests/test_cli_docs.py`` fails
when a command has none or is missing from the README.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator

import click

from cablekit.api import cables_in
from cablekit.errors import CablekitError, ReadError
from cablekit.model import Cable
from cablekit.read.sources import read_documents
from cablekit.render import cable_as_text


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


def _pretty(cable: Cable) -> str:
    return json.dumps(cable.to_dict(), indent=2, ensure_ascii=False)


def main() -> None:
    cli(prog_name="cablekit")
