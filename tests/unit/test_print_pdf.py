"""The printable file in a real browser: headless Chromium prints it to PDF, poppler reads it back.

One Chromium run for the whole module. Outside CI the test is skipped when Chromium or poppler
is missing; in CI (`CI` set) it fails instead, so a missing tool can never hide a broken print.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.decks import find_decks, load_deck
from dialoogspel.model import DEFAULT_ROLES, Deck, Quadrant

A4_PORTRAIT = (595.0, 842.0)
"""A4 in PostScript points, as pdfinfo reports it (rounded)."""


class Printed(NamedTuple):
    """The PDF of every built-in deck, and what poppler says about it."""

    decks: list[Deck]
    pages: int
    sizes: list[tuple[float, float]]
    text: str


def browser() -> str | None:
    """The Chromium binary, under either of its Debian names."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def tools_or_skip() -> str:
    """Chromium's path; skip without the tools, except in CI where that is a failure."""
    chromium = browser()
    missing = [
        name
        for name, path in (
            ("chromium", chromium),
            ("pdfinfo", shutil.which("pdfinfo")),
            ("pdftotext", shutil.which("pdftotext")),
        )
        if path is None
    ]
    if missing:
        message = (
            f"niet geïnstalleerd: {', '.join(missing)} (apt-get install chromium poppler-utils)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert chromium is not None
    return chromium


def words(text: str) -> str:
    """Text with white space made one space, to compare across line breaks (also after a dash)."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    chromium = tools_or_skip()
    folder = tmp_path_factory.mktemp("print")
    page = folder / "kaarten.html"
    result = CliRunner().invoke(main, ["print", "--uit", str(page)])
    assert result.exit_code == 0, result.output
    pdf = folder / "kaarten.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profiel'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    ]
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    decks = [d for d in (load_deck(ref.path).deck for ref in find_decks()) if d is not None]
    return Printed(decks, pages, sizes, words(text))


def test_every_page_is_a4_and_only_board_and_form_lie_down(printed: Printed) -> None:
    assert printed.pages == len(printed.sizes) == 35  # 31 pages of cards, rules, board, pawns, form
    rounded = [(round(w), round(h)) for w, h in printed.sizes]
    landscape = [n for n, size in enumerate(rounded, 1) if size == A4_PORTRAIT[::-1]]
    assert landscape == [33, 35]
    assert all(size == A4_PORTRAIT for n, size in enumerate(rounded, 1) if n not in landscape)


def test_every_question_and_source_reaches_the_paper(printed: Printed) -> None:
    missing = [
        f"{deck.name} {card.id}: {part}"
        for deck in printed.decks
        for card in deck.cards
        for part in [card.question, card.id]
        + [source.name for source in card.data_sources]
        + [source.explanation for source in card.data_sources]
        if words(part) not in printed.text
    ]
    assert missing == []


def test_board_pawns_rules_and_form_reach_the_paper(printed: Printed) -> None:
    for quadrant in Quadrant:
        assert quadrant.label in printed.text
    for role in DEFAULT_ROLES:
        assert role in printed.text
    for heading in ("Dialoogspel: de spelregels", "Verdekt stemmen op papier", "Afspraken"):
        assert heading in printed.text
    assert "Zo print je dit bestand" not in printed.text  # the on-screen help is not printed
