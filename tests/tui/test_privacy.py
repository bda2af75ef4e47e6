"""Pilot flows for the privacy check in the screen face: q and ctrl+c ask before the outcome
goes to the output folder (aanpassen, toch opslaan, or stop without the folder), once per
finding; the stop afterwards writes or keeps the outcome on this computer."""

from __future__ import annotations

from pathlib import Path

from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.notes import NotesScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.privacy import StopPrivacyScreen
from tests.tui.test_afspraken import data_home, finish_writing, make_app, text_of

__all__ = ["data_home"]  # the autouse fixture: the local copy goes to tmp_path

HOSTILE = "[/] [bold]x[/bold] [@click=app.quit]x[/]"


def _outcome_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _stopped(app: DialoogspelApp) -> bool:
    return app.return_code is not None


async def test_q_with_a_finding_asks_and_aanpassen_opens_the_notes(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "n", *f"bel 06-12345678 {HOSTILE}", "enter")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StopPrivacyScreen) and not _stopped(app)
        assert text_of(app, "#findings") == (
            "- In de notitie bij U01 staat iets dat op een telefoonnummer lijkt: 06-12345678."
        )
        await pilot.press("a")  # aanpassen: back to the card's notes, nothing lost
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen) and not _stopped(app)
        await pilot.press("delete")  # the team removes the note
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("q")  # nothing left to ask about: stops at once
        await pilot.pause()
        assert _stopped(app)
    assert app.table is not None
    app.table.stop(wait=5)
    (written,) = (tmp_path).glob("*.md")
    assert "06-12345678" not in written.read_text(encoding="utf-8")


async def test_q_then_toch_opslaan_stops_and_writes_to_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    app, _ = make_app(out)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "n", *"BSN 123456782", "enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, StopPrivacyScreen)
        await pilot.press("o")
        await pilot.pause()
        assert _stopped(app)
    assert app.table is not None and app.table.session.privacy_allowed
    lines = app.table.stop(wait=5)
    assert _outcome_files(out) == ["2026-11-22_uitval_klas-3b.md"]
    assert not any("niet naar de map" in line for line in lines)


async def test_s_and_a_second_ctrl_c_stop_without_the_folder(tmp_path: Path) -> None:
    for keys in (("ctrl+c", "s"), ("ctrl+c", "ctrl+c")):
        out = tmp_path / "-".join(keys)
        out.mkdir()
        app, _ = make_app(out)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1", "1", "1", "n", *"mail j.jansen@school.nl", "enter")
            await pilot.press(keys[0])
            await pilot.pause()
            assert isinstance(app.screen, StopPrivacyScreen)
            await pilot.press(keys[1])
            await pilot.pause()
            assert _stopped(app)
        assert app.table is not None
        lines = app.table.stop(wait=5)
        assert _outcome_files(out) == [], keys
        assert any(
            line.startswith("Toch naar de map schrijven: dialoogspel export") for line in lines
        )
        assert app.table.session.outcome_local is not None, "a copy stays on this computer"


async def test_toch_opslaan_at_ctrl_s_is_not_asked_again_at_q(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "n", *"bel 06-12345678", "enter", "e", "ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await finish_writing(pilot)
        await pilot.press("escape", "1", "1", "1")  # a change: the outcome must be written again
        await pilot.press("q")
        await pilot.pause()
        assert _stopped(app), "the same finding is not asked about twice"


async def test_aanpassen_for_an_agreement_opens_the_afspraken_with_it_chosen(
    tmp_path: Path,
) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "a")
        await pilot.pause()
        await pilot.press(*"studentnummer 4567 nabellen", "enter", *"Anna", "enter", "enter")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StopPrivacyScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AfsprakenScreen) and not _stopped(app)
        listing = app.screen.query_one("#agreements")
        assert listing.chosen == "afspraak:0"  # type: ignore[attr-defined]
