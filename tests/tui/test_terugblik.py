"""Pilot flows through the terugblik: earlier files chosen in setup, every answer before the
first card, the new outcome, and the earlier file untouched."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Button, Input, SelectionList, Static

from dialoogspel.model import Agreement, AgreementKind, Held, Mode, Session, Status
from dialoogspel.outcome import read_outcome, render
from dialoogspel.table import Launch, SetupDefaults, terugblik_items
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.terugblik import TerugblikScreen
from dialoogspel.tui.screens.terugblikkeuze import EarlierScreen
from tests.factories import make_session
from tests.outcome_sessions import played
from tests.tui.waits import setup_built

TODAY = date(2026, 12, 4)
EARLIER = "2026-11-01_uitval_klas-3b.md"
HOSTILE = "[@click=app.quit]x[/] \x1b]0;x\x07"


def earlier_file(folder: Path) -> Path:
    """Anna's uitzoek-afspraak (1 December: late on TODAY), Team's, Bram's with a vermoeden."""
    session = played(Mode.SAMEN)
    session.add_agreement(
        Agreement(AgreementKind.UITZOEKEN, "rooster nakijken", "Bram", vermoeden="te vol")
    )
    path = folder / EARLIER
    path.write_bytes(render(session, date(2026, 11, 1)).encode("utf-8"))
    return path


def shown(app: DialoogspelApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def answer_all(pilot: Pilot, app: DialoogspelApp) -> None:
    """Anna: loopt nog, a note, carried to 15-1; Team: vervalt; Bram: niet gelukt, vermoeden
    nee, not carried."""
    await pilot.press("2")
    await type_text(pilot, "cijfers vrijdag")
    await pilot.press("enter")
    await type_text(pilot, "15-1-2027")
    await pilot.press("enter", "4", "enter", "3", "enter", "2", "enter")
    await pilot.pause()


async def test_every_open_agreement_is_answered_before_the_first_card(tmp_path: Path) -> None:
    path = earlier_file(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    session = make_session(Mode.SAMEN)
    session.terugblik, _ = terugblik_items([path])
    saved: list[int] = []
    app = DialoogspelApp(
        Launch(session=session, output_dir=tmp_path),
        saver=lambda s: saved.append(s.revision),
    )
    app.today = lambda: TODAY
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TerugblikScreen)
        assert shown(app, "#where") == f"Afspraak 1 van 3, uit {EARLIER}:"
        assert "vóór dinsdag 1 december 2026 (te laat)" in shown(app, "#item")
        await pilot.press("7")  # not an answer: nothing happens
        assert session.terugblik[0].status is None
        await answer_all(pilot, app)
        assert isinstance(app.screen, PlayScreen)
    items = session.terugblik
    assert [i.status for i in items] == [Status.LOOPT_NOG, Status.VERVALT, Status.NIET_GELUKT]
    assert [i.notitie for i in items] == ["cijfers vrijdag", None, None]
    assert items[2].vermoeden_held is Held.NEE and items[0].carried and not items[2].carried
    assert session.agreements[0].deadline == date(2027, 1, 15)
    assert len(saved) >= 4  # every answer was autosaved
    data = read_outcome(render(session, TODAY))
    assert [t["status"] for t in data.front_matter["terugblik"]] == [
        "loopt nog",
        "vervalt",
        "niet gelukt",
    ]
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


async def test_a_wrong_date_is_explained_and_a_hostile_note_stays_text(tmp_path: Path) -> None:
    session: Session = make_session(Mode.SAMEN)
    session.terugblik, _ = terugblik_items([earlier_file(tmp_path)])
    app = DialoogspelApp(Launch(session=session, output_dir=tmp_path))
    app.today = lambda: TODAY
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        app.screen.query_one("#answer", Input).value = HOSTILE
        await pilot.press("enter")
        await type_text(pilot, "31-2")
        await pilot.press("enter")
        assert "bestaat niet als datum" in shown(app, "#problem")
        assert session.terugblik[0].notitie == HOSTILE.strip()
        app.screen.query_one("#answer", Input).value = ""
        await pilot.press("enter")
        assert shown(app, "#where").startswith("Afspraak 2 van 3")
        assert not session.agreements


async def open_earlier(app: DialoogspelApp, pilot) -> None:
    """Press the setup's terugblik button and wait for the folder to be read off the UI thread."""
    app.screen.query_one("#terugblik", Button).press()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_folder_that_does_not_answer_warns_and_keeps_the_setup(
    tmp_path: Path, decks, monkeypatch
) -> None:
    from dialoogspel.table import NO_ANSWER, EarlierFiles
    from dialoogspel.table import terugblik as listing
    from dialoogspel.tui.screens.setup import SetupScreen

    monkeypatch.setattr(listing, "_list_now", lambda folder: EarlierFiles([], [], hung=True))
    defaults = SetupDefaults(casus="Klas 3B", participants=[("Anna", "docent")])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults, output_dir=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_earlier(app, pilot)
        assert isinstance(app.screen, SetupScreen)
        assert [n.message for n in app._notifications] == [NO_ANSWER]


async def test_setup_lists_the_folder_and_the_choice_leads_to_the_terugblik(
    tmp_path: Path, decks
) -> None:
    earlier_file(tmp_path)
    (tmp_path / "kapot.md").write_bytes(b"---\nspel: dialoogspel\n")
    defaults = SetupDefaults(casus="Klas 3B", mode=Mode.SAMEN, participants=[("Anna", "docent")])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults, output_dir=tmp_path))
    app.today = lambda: TODAY
    async with app.run_test(size=(100, 40)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_earlier(app, pilot)
        assert isinstance(app.screen, EarlierScreen)
        options = app.screen.query_one("#earlier", SelectionList)
        assert str(options.get_option_at_index(0).prompt).endswith("3 open afspraken")
        hint = [str(s.content) for s in app.screen.query(".hint")]
        assert any("kapot.md" in line and "niet afgesloten" in line for line in hint)
        options.focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert "1 gekozen" in str(app.screen.query_one("#terugblik", Button).label)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TerugblikScreen)
        assert app.session is not None and len(app.session.terugblik) == 3


async def test_both_terugblik_screens_survive_every_size(tmp_path: Path, decks) -> None:
    from tests.tui.test_resize import sweep

    session = make_session(Mode.SAMEN)
    session.terugblik, _ = terugblik_items([earlier_file(tmp_path)])
    app = DialoogspelApp(Launch(session=session, output_dir=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await pilot.press("2")  # the note input is shown
        await sweep(app, pilot, TerugblikScreen)
        await type_text(pilot, "ok")
        await pilot.press("enter")
        assert session.terugblik[0].notitie == "ok"
    defaults = SetupDefaults(casus="Klas 3B", participants=[("Anna", "docent")])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults, output_dir=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        await open_earlier(app, pilot)
        await sweep(app, pilot, EarlierScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, EarlierScreen)


async def test_the_agreement_form_asks_vermoeden_and_bron_for_uitzoeken_only() -> None:
    from dialoogspel.tui.screens.agreement import AgreementScreen

    session = make_session(Mode.SAMEN)
    app = DialoogspelApp(Launch(session=session))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")  # U01 in quadrant 2: uitzoeken
        assert isinstance(app.screen, AgreementScreen)
        form = app.screen
        assert all(row.display for row in form.query(".uitzoek"))
        await pilot.press(*"cijfers", "enter", *"Anna", "enter", "tab")
        form.query_one("#vermoeden", Input).value = HOSTILE
        await pilot.press("tab", *"SVS", "enter")
        await pilot.pause()
        [made] = session.agreements
        assert (made.kind, made.vermoeden, made.bron) == (AgreementKind.UITZOEKEN, HOSTILE, "SVS")
        await pilot.press("1", "a")  # U01 now in quadrant 1: aan de slag, no such fields
        assert not any(row.display for row in app.screen.query(".uitzoek"))
        await pilot.press(*"bellen", "enter", *"Anna", "enter", "enter")
        await pilot.pause()
        assert session.agreements[1].vermoeden is None and session.agreements[1].bron is None
