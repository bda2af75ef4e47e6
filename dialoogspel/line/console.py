"""Lines in, lines out: the plain-line face's only contact with the terminal.

Every line written goes through `visible` (no control character, so no escape code, reaches
the terminal) and ends with a newline; nothing is ever redrawn. A stream in a Windows code page
(cp437, cp1252) replaces what it cannot encode instead of raising.
"""

from __future__ import annotations

import contextlib
import getpass
import io
from typing import TextIO

from dialoogspel.textsafe import visible

FALLBACK = str.maketrans({"–": "-", "—": "-", "→": "->", "←": "<-", "…": "...", "•": "-"})
"""What a console in a Windows code page gets for the few typographic characters of our texts."""
PROMPT = "> "
HIDDEN = "(verdekt)"
"""Shown in a transcript instead of a hidden vote."""
"""Shown where the team types; a screen reader says it once, a script ignores it."""


def tolerant(stream: TextIO) -> TextIO:
    """The stream, set to replace what its encoding cannot hold (never a UnicodeError)."""
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):  # closed or detached: leave it
            stream.reconfigure(errors="replace")
    return stream


class Console:
    """Says lines and reads answers; both streams are injected so tests drive it with text."""

    def __init__(
        self, stdin: TextIO, stdout: TextIO, *, echo: bool = False, terminal: bool = False
    ) -> None:
        self.stdin = tolerant(stdin)
        """Where the team's lines come from."""
        self.stdout = tolerant(stdout)
        """Where every sentence goes."""
        self.echo = echo
        """Repeat each line read after the prompt: input from a file then reads as a transcript."""
        self.terminal = terminal
        """The input is a person at a terminal (so the echo can be switched off)."""
        self.ended = False
        """The input has ended (end of file, or ctrl+D)."""
        encoding = (getattr(self.stdout, "encoding", None) or "utf-8").replace("_", "-").lower()
        self.unicode = encoding.startswith("utf")
        """The output holds every character; else dashes and arrows are written in ASCII."""

    def say(self, *lines: str) -> None:
        """Write each line as it is, control characters made visible."""
        for line in lines:
            for part in line.split("\n"):
                self._write(visible(part, allow="\t") + "\n")
        self.stdout.flush()

    def ask(self, question: str = "", *, secret: bool = False) -> str | None:
        """Say the question (if any), show the prompt, read one line; None at end of input.

        `secret` (hidden voting): a terminal does not show what is typed, and a transcript
        shows HIDDEN instead, so the next voter cannot read the choice back.
        """
        if question:
            self.say(question)
        if self.ended:
            return None
        if secret and self.terminal:
            return self._ask_unseen()
        self._write(PROMPT)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.ended = True
            self._write("\n")
            self.stdout.flush()
            return None
        answer = line.rstrip("\r\n")
        if self.echo:
            self._write(HIDDEN if secret and answer.strip() else visible(answer, allow="\t"))
        self._write("\n" if self.echo else "")
        self.stdout.flush()
        return answer

    def _ask_unseen(self) -> str | None:
        """Read a line from the terminal with its echo off."""
        try:
            return getpass.getpass(PROMPT, stream=self.stdout)
        except EOFError:
            self.ended = True
            self._write("\n")
            return None

    def _write(self, text: str) -> None:
        if not self.unicode:
            text = text.translate(FALLBACK)
        try:
            self.stdout.write(text)
        except UnicodeEncodeError:  # a stream that could not be set to replace
            encoding = getattr(self.stdout, "encoding", None) or "ascii"
            self.stdout.write(text.encode(encoding, "replace").decode(encoding))
