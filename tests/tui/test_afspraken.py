"""Pilot flows for agreements: the form, the afspraken screen, and writing the outcome file."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.outcomefile import OutcomeSave, OutcomeWrite
from dialoogspel.table import Launch, exporter
from dialoogspel.tui.app import DialoogspelApp, ExportFinished
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.ask import ConfirmScreen, FolderScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.notes import NotesScreen
from dialoogspel.tui.screens.play import PlayScreen

DECK = Deck(
    name="uitval",
    theme="Uitval",
    colour="#E69F00",
    cards=tuple(
        Card(f"U0{n}", f"Welke signalen zien we bij vraag {n}?", (DataSource("JOB-monitor"),))
        for n in range(1, 6)
    ),
)
PEOPLE = [("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The local data folder (where a copy goes when a folder fails) lives in tmp_path."""
    home = tmp_path / "data"
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(home))
    return home


def make_app(output_dir: Path, mode: Mode = Mode.PIONNEN) -> tuple[DialoogspelApp, list[int]]:
    """An app on the first card, today fixed, recording every autosave's revision."""
    setup = SessionSetup("Klas 3B", "klas", (DECK,), mode, assign_letters(PEOPLE))
    saved: list[int] = []
    session = Session(setup, session_id="afspraken01")
    app = DialoogspelApp(
        Launch(session=session, output_dir=output_dir), saver=lambda s: saved.append(s.revision)
    )
    app.today = lambda: TODAY
    return app, saved


async def play_three_cards(pilot: Pilot) -> None:
    """U01 all in 1; U02 contested (A→1, H→3, B→1), discussed → 1, with a note; U03 all in 2."""
    await pilot.press("1", "1", "1", "enter")
    await pilot.press("1", "3", "1", "1", "n", *"na de stage", "enter", "enter")
    await pilot.press("2", "2", "2")


def plain(content: object) -> str:
    """The text of a renderable made of Text, Padding and Group."""
    if isinstance(content, Group):
        return "\n".join(plain(part) for part in content.renderables)
    if isinstance(content, Padding):
        return plain(content.renderable)
    return content.plain if isinstance(content, Text) else str(content)


def text_of(app: DialoogspelApp, selector: str) -> str:
    """The plain text a Static shows."""
    return plain(app.screen.query_one(selector, Static).content)


def list_lines(app: DialoogspelApp) -> list[str]:
    """The lines of the agreements list, as plain text."""
    return [plain(option.prompt) for option in app.screen.query_one(OptionList).options]


def highlighted_line(app: DialoogspelApp) -> str:
    listing = app.screen.query_one("#agreements", OptionList)
    assert listing.highlighted is not None
    return list_lines(app)[listing.highlighted]


async def fill_form(pilot: Pilot, what: str, who: str, deadline: str = "") -> None:
    """Type into an open agreement form the way a team does: enter moves on, then saves."""
    assert isinstance(pilot.app.screen, AgreementScreen)
    await pilot.press(*what, "enter", *who, "enter", *deadline, "enter")
    await pilot.pause()


async def finish_writing(pilot: Pilot) -> None:
    """Wait for the outcome worker and the message it sends back."""
    for _ in range(500):
        if not pilot.app.exporter.busy:  # type: ignore[attr-defined]
            break
        await pilot.pause(0.02)
    await pilot.pause()
    await pilot.pause()


async def test_a_during_play_adds_an_agreement_linked_to_the_current_card(tmp_path: Path) -> None:
    app, saved = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AgreementScreen)
        await fill_form(pilot, "gesprek plannen", "An", "01-12-2026")
        assert isinstance(app.screen, PlayScreen)
        assert app.session.agreements == [
            Agreement(
                kind=AgreementKind.UITZOEKEN,  # U03 lies in quadrant 2
                what="gesprek plannen",
                who="Anna",  # enter took the suggested name
                deadline=date(2026, 12, 1),
                card_key="uitval:U03",
            )
        ]
        assert saved[-1] == app.session.revision


async def test_the_form_asks_for_what_and_who_and_esc_cancels(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "a")
        form = app.screen
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "Vul in wat" in text_of(app, "#problem")
        await pilot.press(*"bellen", "ctrl+s")
        assert "Vul in wie" in text_of(app, "#problem")
        assert app.focused is form.query_one("#who")
        await pilot.press("escape")
        assert isinstance(app.screen, PlayScreen)
        assert app.session.agreements == []


async def test_a_card_in_quadrant_one_defaults_to_aan_de_slag(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "a")
        await fill_form(pilot, "mentor belt", "Ahmed")
        [agreement] = app.session.agreements
        assert agreement.kind is AgreementKind.AAN_DE_SLAG
        assert agreement.card_key == "uitval:U01"
        assert agreement.deadline is None


async def test_the_deadline_says_what_it_understood(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("e", "a")
        form = app.screen
        assert isinstance(form, AgreementScreen)
        await pilot.press(*"cijfers", "tab", *"Bert", "tab")
        assert app.focused is form.query_one("#deadline")
        assert "Geen datum" in text_of(app, "#understood")
        await pilot.press(*"1-12")
        assert "dinsdag 1 december 2026" in text_of(app, "#understood")
        await pilot.press("ctrl+u", *"31-2")
        assert "bestaat niet als datum" in text_of(app, "#understood")
        await pilot.press("enter")
        assert app.screen is form, "a wrong date is not saved"
        assert "Kijk de datum na" in text_of(app, "#problem")
        await pilot.press("ctrl+u", *"morgen")
        assert "'morgen' is geen datum" in text_of(app, "#understood")
        await pilot.press("ctrl+u", *"2026-12-01")
        assert "dinsdag 1 december 2026" in text_of(app, "#understood")
        await pilot.press("ctrl+u", *"1-11")
        assert "zondag 1 november 2026" not in text_of(app, "#understood")
        assert "maandag 1 november 2027" in text_of(app, "#understood"), "the coming 1-11"
        await pilot.press("enter")
        assert isinstance(app.screen, AfsprakenScreen)
        assert app.session.agreements[0].deadline == date(2027, 11, 1)


async def test_afspraken_screen_shows_the_board_in_words(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, AfsprakenScreen)
        cards = text_of(app, "#cards-text")
        assert cards.index("1 Belangrijk & urgent") < cards.index("2 Belangrijk, maar niet")
        assert cards.index("U01") < cards.index("U02") < cards.index("U03")
        assert "pionnen: A→1, H→3, B→1; besproken → 1" in cards
        assert "notitie: na de stage" in cards
        assert "3 Niet belangrijk, wel urgent: geen kaarten" in cards
        pile = cards[cards.index("Geparkeerd / niet besproken") :]
        assert "U04" in pile and "U05" in pile
        assert "ctrl+s" in text_of(app, "#export") and str(tmp_path) in text_of(app, "#export")
        await pilot.press("escape")
        assert isinstance(app.screen, PlayScreen)


async def test_add_edit_and_delete_by_keyboard(tmp_path: Path) -> None:
    app, saved = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("e", "a")
        await fill_form(pilot, "verzuim opvragen", "Bert", "1-12")
        assert isinstance(app.screen, AfsprakenScreen)
        assert app.session.agreements[0].card_key is None, "a on the screen links no card"
        assert "Bert: verzuim opvragen · vóór dinsdag 1 december 2026" in highlighted_line(app)
        assert saved[-1] == app.session.revision

        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, AgreementScreen)
        assert form.query_one("#what", Input).value == "verzuim opvragen"
        await pilot.press(*" per week", "ctrl+s")  # the text stays; typing adds at the end
        assert app.session.agreements[0].what == "verzuim opvragen per week"
        assert len(app.session.agreements) == 1

        await pilot.press("backspace")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("backspace", "enter", "x")
        assert isinstance(app.screen, ConfirmScreen), "only j wipes; stray keys do nothing"
        await pilot.press("n")
        assert len(app.session.agreements) == 1
        await pilot.press("delete", "escape")
        assert len(app.session.agreements) == 1
        await pilot.press("delete", "j")
        assert isinstance(app.screen, AfsprakenScreen)
        assert app.session.agreements == []
        assert saved[-1] == app.session.revision
        assert "  nog geen" in list_lines(app)


async def test_suggestions_for_urgent_cards_without_agreement(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("e")
        lines = list_lines(app)
        assert highlighted_line(app).startswith("Nog geen afspraak: U01"), "ready for enter"
        assert "Nog geen afspraak: U01 Welke signalen zien we bij vraag 1?" in lines
        assert "Nog geen afspraak: U02 Welke signalen zien we bij vraag 2?" in lines
        assert not any("U03" in line for line in lines), "U03 lies in quadrant 2"
        await pilot.press("g")
        form = app.screen
        assert isinstance(form, AgreementScreen)
        assert form.query_one("#card").value == "uitval:U01"
        await fill_form(pilot, "ouders bellen", "Ahmed")
        assert app.session.agreements[0].kind is AgreementKind.AAN_DE_SLAG
        assert app.session.agreements[0].card_key == "uitval:U01"
        lines = list_lines(app)
        assert not any(line.startswith("Nog geen afspraak: U01") for line in lines)
        assert any(line.startswith("Nog geen afspraak: U02") for line in lines)

        # enter on a suggestion line makes an agreement for that card
        listing = app.screen.query_one("#agreements", OptionList)
        listing.highlighted = lines.index(next(x for x in lines if "U02" in x))
        await pilot.press("enter")
        assert app.screen.query_one("#card").value == "uitval:U02"
        await fill_form(pilot, "mentor vraagt door", "Anna")
        assert not any(line.startswith("Nog geen afspraak") for line in list_lines(app))
        await pilot.press("g")
        assert isinstance(app.screen, AfsprakenScreen), "nothing left to suggest"


async def test_ctrl_s_writes_the_outcome_and_shows_the_full_path(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    app, saved = make_app(out)
    messages: list[object] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await play_three_cards(pilot)
        await pilot.press("a")
        await fill_form(pilot, "twijfel [uitzoeken]", "Ahmed", "01-12-2026")
        await pilot.press("e", "g")
        await fill_form(pilot, "ouders bellen", "Bert")
        await pilot.press("ctrl+s")
        await finish_writing(pilot)
        first = out / "2026-11-22_uitval_klas-3b.md"
        assert first.is_file()
        assert f"Opgeslagen als: {first}" in text_of(app, "#export")
        assert app.session.exported == [str(first)], "marked once, on the real session"
        assert saved[-1] == app.session.revision, "the export is saved with the session"
        assert any(isinstance(m, ExportFinished) for m in messages)

        await pilot.press("ctrl+s")
        await finish_writing(pilot)
        assert sorted(p.name for p in out.iterdir()) == [first.name], "one file per session"
        assert str(first) in text_of(app, "#export")
        assert app.session.outcome_file is not None
        assert app.session.outcome_file.path == str(first)

    tokens = MarkdownIt("commonmark").parse(first.read_text(encoding="utf-8"))
    items = [t.content for t in tokens if t.type == "inline"]
    assert (
        "[ ] **Ahmed** (docent): twijfel \\[uitzoeken\\] — vóór dinsdag 1 december 2026 — kaart U03"
    ) in items
    assert "[ ] **Bert** (teammanager): ouders bellen — kaart U01" in items
    headings = [t.content for t in tokens if t.type == "inline"]
    assert headings.index("Uitzoeken") < headings.index("Aan de slag")


async def test_an_unwritable_folder_keeps_a_copy_and_offers_another(
    tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    blocker = tmp_path / "file.txt"
    blocker.write_text("geen map")
    good = tmp_path / "goed"
    good.mkdir()
    app, _ = make_app(blocker / "sub")
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("a")
        await fill_form(pilot, "cijfers", "Anna")
        await pilot.press("e", "ctrl+s")
        await finish_writing(pilot)
        assert isinstance(app.screen, FolderScreen)
        problem = text_of(app, "#problem")
        assert "is geen map" in problem
        copies = list((data_home).rglob("*.md"))
        assert len(copies) == 1 and str(copies[0]) in problem
        assert app.session.exported == [] and len(app.session.agreements) == 1
        folder_input = app.screen.query_one(Input)
        assert folder_input.value == str(blocker / "sub")
        await pilot.press("escape")
        assert isinstance(app.screen, AfsprakenScreen)
        shown = text_of(app, "#export")
        assert "is geen map" in shown and str(copies[0]) in shown and "m: andere map" in shown

        await pilot.press("m")
        assert isinstance(app.screen, FolderScreen)
        await pilot.press(*"goed", "enter")  # the old text is selected: typing replaces it
        await finish_writing(pilot)
        written = good / "2026-11-22_uitval_klas-3b.md"
        assert written.is_file()
        assert str(written) in text_of(app, "#export")

        before = written.read_text(encoding="utf-8")
        await pilot.press("a")
        await fill_form(pilot, "ouders bellen", "Anna")
        await pilot.press("e", "ctrl+s")  # the next save goes to the folder that worked
        await finish_writing(pilot)
        assert sorted(p.name for p in good.iterdir()) == [written.name], "kept current, one file"
        after = written.read_text(encoding="utf-8")
        assert after != before and "ouders bellen" in after


def hang_outcome_writes(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """Outcome writes hang like a dead network share until the event is set; the list records
    the thread each write ran in."""
    release = threading.Event()
    threads: list[str] = []

    def slow_save(text: str, folder: Path, name: str, **places: object) -> OutcomeSave:
        threads.append(threading.current_thread().name)
        release.wait(timeout=10)
        path = folder / "uitkomst.md"
        return OutcomeSave(OutcomeWrite(path, "0" * 64, "nieuw", "klaar"), None, "klaar")

    monkeypatch.setattr(exporter, "save_outcome_text", slow_save)
    return release, threads


async def test_writing_happens_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hung network share: the screen says it is busy and keeps answering keys."""
    release, threads = hang_outcome_writes(monkeypatch)
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "e", "ctrl+s")
        await pilot.pause()
        assert "Bezig met opslaan" in text_of(app, "#export")
        await pilot.press("ctrl+s")
        await pilot.press("a")
        assert isinstance(app.screen, AgreementScreen), "keys still work"
        await fill_form(pilot, "bellen", "Anna")
        release.set()
        await finish_writing(pilot)
        assert threads and threads[0] != threading.main_thread().name
        assert len(threads) == 1, "a second ctrl+s while busy starts nothing"
        export = text_of(app, "#export")
        assert f"Opgeslagen als: {tmp_path / 'uitkomst.md'}" in export
        assert "Daarna is er iets veranderd" in export, "the agreement came after the copy"
        assert app.session.exported == [str(tmp_path / "uitkomst.md")]


async def test_leaving_while_writing_keeps_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hung share must not trap the team on this screen: esc leaves, the app reports later."""
    release, _ = hang_outcome_writes(monkeypatch)
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "e", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, PlayScreen), "esc leaves even while writing"
        release.set()
        await finish_writing(pilot)
        assert app.session.exported == [str(tmp_path / "uitkomst.md")]
        assert app.exporter.folder == tmp_path


async def test_board_help_and_resizes_on_the_afspraken_screen(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("e", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        helps = " ".join(action.help for action in app.screen.actions)
        assert "Wis de gekozen afspraak" in helps and "uitkomst" in helps
        await pilot.press("escape", "b")
        assert app.screen.__class__.__name__ == "BoardScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, AfsprakenScreen)
        for width, height in ((40, 12), (120, 40), (80, 24)):
            await pilot.resize_terminal(width, height)
            await pilot.press("a")
            assert isinstance(app.screen, AgreementScreen)
            await pilot.press("escape")
        assert isinstance(app.screen, AfsprakenScreen)


async def test_last_card_points_at_the_afspraken(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path, Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(5):
            await pilot.press("2", "enter")
        assert "e voor de afspraken" in text_of(app, "#status")
        await pilot.press("e")
        assert isinstance(app.screen, AfsprakenScreen)


async def test_every_change_is_saved_once(tmp_path: Path) -> None:
    app, saved = make_app(tmp_path, Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "e", "g")
        before = len(saved)
        await fill_form(pilot, "bellen", "Anna")
        assert len(saved) == before + 1
        assert saved[-1] == app.session.revision


async def test_ctrl_s_asks_first_when_a_note_looks_like_personal_data(tmp_path: Path) -> None:
    from dialoogspel.tui.screens.privacy import PrivacyScreen

    out = tmp_path / "uit"
    out.mkdir()
    app, _ = make_app(out)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "n", *"bel 06-12345678 [/] [bold]x[/bold]", "enter")
        await pilot.press("e", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        findings = text_of(app, "#findings")
        assert findings == (
            "- In de notitie bij U01 staat iets dat op een telefoonnummer lijkt: 06-12345678."
        )
        await pilot.press("a")  # aanpassen: nothing is written; the card's notes open
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert not app.exporter.busy and list(out.iterdir()) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AfsprakenScreen)

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")  # toch opslaan
        await finish_writing(pilot)
        assert [p.name for p in out.iterdir()] == ["2026-11-22_uitval_klas-3b.md"]


async def test_ctrl_s_writes_at_once_when_nothing_looks_personal(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "1", "n", *"vóór 01-12-2026 om 10:30, 12 studenten", "enter")
        await pilot.press("e", "ctrl+s")
        await finish_writing(pilot)
        assert isinstance(app.screen, AfsprakenScreen)
        assert (tmp_path / "2026-11-22_uitval_klas-3b.md").is_file()


async def test_k_says_the_session_is_done_and_again_takes_it_back(tmp_path: Path) -> None:
    app, saved = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_three_cards(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, AfsprakenScreen)
        assert "k: het spel is klaar" in text_of(app, "#export")
        await pilot.press("k")
        assert app.session is not None and app.session.finished
        assert saved[-1] == app.session.revision, "saved at once, like every change"
        assert "Het spel is klaar (k: toch niet klaar)." in text_of(app, "#export")
        await pilot.press("k")
        assert not app.session.finished
        assert "k: het spel is klaar" in text_of(app, "#export")
