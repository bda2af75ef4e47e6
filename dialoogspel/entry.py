"""The `dialoogspel` command's entry point: start up without collecting garbage (see
`collector`). Nothing imports this module; it imports the command line, never the reverse."""

from __future__ import annotations

from dialoogspel.collector import pause_collector


def main() -> None:
    """Run the command line with the collector paused during start-up."""
    pause_collector()
    from dialoogspel.cli import main as command_line

    command_line()
