"""Command line: a thin click group over the library (filled in per command)."""

from __future__ import annotations

import click

from dialoogspel import __version__


@click.group(invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="dialoogspel", message="%(prog)s %(version)s")
def main() -> None:
    """Dialoogspel voor onderwijsteams."""
