"""What the plain-line face says reads well aloud: symbols and short forms in Dutch words."""

from __future__ import annotations

import io

import pytest

from dialoogspel.line.console import Console
from dialoogspel.line.speech import spoken
from tests.line.helpers import HOSTILE


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        ("De kaart ligt in 1 Belangrijk & urgent.", "De kaart ligt in 1 Belangrijk en urgent."),
        ("Praat erover en kies samen 1–4.", "Praat erover en kies samen 1 tot en met 4."),
        (
            "Tijd: nog 28 min · ± 7 min per kaart.",
            "Tijd: nog 28 minuten, ongeveer 7 minuten per kaart.",
        ),
        ("Tijd: nog 1 min.", "Tijd: nog 1 minuut."),
        ("Geparkeerd / niet besproken: 2 kaarten.", "Geparkeerd of niet besproken: 2 kaarten."),
        ("Weet ik niet / pas: een ?-pion.", "Weet ik niet of pas: een vraagteken-pion."),
        (
            "Klas 3B — Uitval, pionnen, 1/21 kaarten, opgeslagen 04-12-2026 14:32",
            "Klas 3B — Uitval, pionnen, 1 van de 21 kaarten, opgeslagen 4 december 2026 om"
            " 14.32 uur",
        ),
        (
            "1. 1-11-2026 · Uitval · Klas 3B · 2 open afspraken",
            "1. 1 november 2026, Uitval, Klas 3B, 2 open afspraken",
        ),
        ("Anna: bellen — kaart uitval/U01", "Anna: bellen — kaart uitval U01"),
    ],
)
def test_symbols_are_said_in_words(shown: str, said: str) -> None:
    assert spoken(shown) == said


@pytest.mark.parametrize(
    "kept",
    [
        "De uitkomst staat in /tmp/uit/2026-11-01_uitval_klas-3b.md.",  # a path and a file name
        "Vóór welke datum? Bijvoorbeeld 1-12.",  # no year: not a full date
        "Wat is 13-13-2026?",  # no real date
        "R&D en A/B: zo getypt",  # no spaces around: not our symbols
        "Kies 1, 2, 3 of 4, of 0: weet ik niet.",
        "U01: Vraag U01? (geparkeerd)",
    ],
)
def test_what_is_no_symbol_of_ours_stays(kept: str) -> None:
    assert spoken(kept) == kept


def test_the_console_says_it_in_words_and_echoes_typed_lines_as_typed() -> None:
    out = io.StringIO()
    console = Console(io.StringIO("1 & 2 · ± 3 min\n"), out, echo=True)
    console.say("a: nieuw · ? (vraagteken): alle toetsen")
    assert console.ask("Hoe ging het? 1–4") == "1 & 2 · ± 3 min"
    assert out.getvalue().splitlines() == [
        "a: nieuw, ? (vraagteken): alle toetsen",
        "Hoe ging het? 1 tot en met 4",
        "> 1 & 2 · ± 3 min",
    ]


def test_hostile_text_stays_visible_text() -> None:
    out = io.StringIO()
    Console(io.StringIO(), out).say(*(f"Notitie: {text} · 1-12-2026" for text in HOSTILE))
    said = out.getvalue()
    assert "\x1b" not in said and "\x07" not in said
    assert "Notitie: [@click=app.quit]x[/], 1 december 2026" in said
    assert "[bold]x[/bold]" in said


def test_a_code_page_console_gets_the_words_too() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp437")
    Console(io.StringIO(), stream).say("Kies samen 1–4 · ± 2 min — of → later")
    stream.flush()
    raw = stream.buffer.getvalue().decode("cp437")  # type: ignore[attr-defined]
    assert raw == "Kies samen 1 tot en met 4, ongeveer 2 minuten - of -> later\n"
