"""The overview keeps deck and typed text as text: questions and roles in every output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from dialoogspel.cli import main
from dialoogspel.model import Card, Deck, Mode
from dialoogspel.outcome import render
from tests.outcome_sessions import played
from tests.unit.test_overview_counts import _overview_of
from tests.unit.test_overview_scan import HOSTILE, NAMES


def test_hostile_question_stays_text(tmp_path: Path) -> None:
    order = (HOSTILE[3], HOSTILE[4], HOSTILE[1], HOSTILE[0], HOSTILE[2])
    cards = tuple(Card(id=f"H{n}", question=f"vraag {bad} — echt?") for n, bad in enumerate(order))
    hostile = Deck(name="boos", theme="Boos", colour="#000000", cards=cards)
    for mode in (Mode.SAMEN, Mode.VRAGEN):
        session = played(mode, people=NAMES, decks=(hostile,))
        session.id = f"hostile{mode.value}"
        (tmp_path / f"{mode.value}.md").write_text(render(session, date(2026, 11, 2)), "utf-8")
    overview, terminal, text, page = _overview_of(tmp_path)
    asked = {c.kaart: c.vraag for c in overview.kaarten.values()}  # type: ignore[attr-defined]
    assert asked["boos/H1"] == "vraag <script>x</script> — echt?"
    assert asked["boos/H2"] == "vraag [bold]x[/bold] — echt?"
    assert "H2 vraag [bold]x[/bold]" in terminal and "<script>x" in text
    assert asked["boos/H0"].startswith("vraag ") and "\x07" not in asked["boos/H0"]
    assert "\x1b" not in terminal + text + page and "<script>" not in page
    result = CliRunner().invoke(main, ["overview", str(tmp_path)])
    assert result.exit_code == 0 and "\x1b]0;x" not in result.output


def test_hostile_roles_stay_text(tmp_path: Path) -> None:
    for n, bad in enumerate(HOSTILE):
        session = played(Mode.PIONNEN, people=(("Zwanhilde", bad), ("Quirijntje", "slb")))
        session.id = f"boosrol0000{n}"
        (tmp_path / f"{n}.md").write_text(render(session, date(2026, 11, 2)), encoding="utf-8")
    _, terminal, text, page = _overview_of(tmp_path)
    assert "[bold]x[/bold]" in terminal and "[@click=app.quit]x[/]" in terminal
    assert "\x1b" not in terminal + text + page and "<script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    result = CliRunner().invoke(main, ["overview", str(tmp_path)])
    assert result.exit_code == 0 and "\x1b]0;x" not in result.output
