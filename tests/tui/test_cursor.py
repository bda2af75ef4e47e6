"""The terminal cursor follows the focused thing on every screen (braille displays, magnifiers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, RadioButton, SelectionList, Static

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.table import Launch, list_earlier, terugblik_items
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.cursor import cursor_spot
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.ask import ConfirmScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.notes import NotesScreen
from dialoogspel.tui.screens.privacy import PrivacyScreen
from dialoogspel.tui.screens.terugblik import TerugblikScreen
from dialoogspel.tui.screens.terugblikkeuze import EarlierScreen
from dialoogspel.tui.widgets.board import Board
from tests.tui.test_play import DECK
from tests.tui.test_terugblik import TODAY, earlier_file, type_text

PEOPLE = [("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]


def make_app(mode: Mode = Mode.SAMEN, output_dir: Path | None = None) -> DialoogspelApp:
    """An app on the first card of a fresh session."""
    setup = SessionSetup("Klas 3B", "klas", (DECK,), mode, assign_letters(PEOPLE))
    launch = Launch(session=Session(setup))
    app = DialoogspelApp(launch if output_dir is None else replace(launch, output_dir=output_dir))
    app.today = lambda: date(2026, 11, 22)
    return app


def under_cursor(app: DialoogspelApp) -> Widget:
    """The widget drawn where the terminal cursor stands."""
    widget, _ = app.screen.get_widget_at(*app.cursor_position)
    return widget


def row_at_cursor(options: OptionList, app: DialoogspelApp) -> str:
    """The text of the list's line the cursor stands on, as drawn."""
    cursor = app.cursor_position
    assert options.content_region.contains_point(cursor)
    return options.render_line(cursor.y - options.content_region.y).text


def highlighted_text(options: OptionList) -> str:
    """The first line of the highlighted option's text."""
    assert options.highlighted is not None
    prompt = options.get_option_at_index(options.highlighted).prompt
    return str(getattr(prompt, "plain", prompt)).strip().splitlines()[0]


async def assert_follows_the_highlight(pilot: Pilot, options: OptionList, moves: int) -> None:
    """The cursor stands on the highlighted row, and moves with it, down and back up."""
    app = pilot.app
    assert isinstance(app, DialoogspelApp)
    await pilot.pause()
    assert app.screen.focused is options
    rows = []
    for key in ["down"] * moves + ["up"] * moves:
        assert highlighted_text(options) in row_at_cursor(options, app)
        rows.append(app.cursor_position.y)
        await pilot.press(key)
        await pilot.pause()
    assert highlighted_text(options) in row_at_cursor(options, app)
    assert len(set(rows)) == moves + 1, "each highlighted row has its own line"


async def test_the_afspraken_list_and_tab_move_the_cursor(tmp_path: Path) -> None:
    app = make_app(output_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "enter", "1", "enter")
        for what in ("bellen", "mailen"):
            await pilot.press("e", "a", *what, "enter", *"Anna", "enter", "enter", "escape")
        await pilot.press("e")
        assert isinstance(app.screen, AfsprakenScreen)
        listing = app.screen.query_one("#agreements", OptionList)
        await assert_follows_the_highlight(pilot, listing, 2)
        await pilot.press("tab")
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and focused is not listing
        assert app.cursor_position == focused.content_region.offset
        assert focused.region.contains_point(app.cursor_position)


async def test_the_agreement_form_puts_the_cursor_in_the_focused_field(tmp_path: Path) -> None:
    app = make_app(output_dir=tmp_path)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("1", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AgreementScreen)
        what = form.query_one("#what", Input)
        assert app.cursor_position == what.cursor_screen_offset
        await pilot.press(*"bel")
        await pilot.pause()
        assert app.cursor_position == what.cursor_screen_offset
        assert what.value.endswith("bel") and app.cursor_position.x > what.content_region.x
        print(repr(what.value))
        await pilot.press("tab")
        await pilot.pause()
        who = form.query_one("#who", Input)
        assert form.focused is who and under_cursor(app) is who
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        kinds = form.query_one("#kind")
        assert form.focused is kinds
        first = under_cursor(app)
        assert isinstance(first, RadioButton) and first.value
        await pilot.press("down")  # the arrow chooses the other kind: the cursor goes along
        await pilot.pause()
        second = under_cursor(app)
        assert isinstance(second, RadioButton) and second.value and second is not first


async def test_the_board_overview_puts_the_cursor_on_the_board_or_the_parked_card() -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("1", "enter", "b")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and app.screen.focused is None
        assert app.screen.query_one(Board).region.contains_point(app.cursor_position)
        await pilot.press("escape", "s", "enter", "s", "enter", "s", "b")
        listing = app.screen.query_one("#parked", OptionList)
        assert listing.option_count == 3
        await assert_follows_the_highlight(pilot, listing, 2)


async def test_the_notes_list_follows_the_chosen_note() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"eerste", "enter")
        await pilot.pause()
        assert app.table is not None
        app.table.act(lambda: app.session.add_note("tweede"))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await assert_follows_the_highlight(pilot, app.screen.query_one(OptionList), 2)


async def test_the_terugblik_puts_the_cursor_in_the_answer(tmp_path: Path) -> None:
    session = Session(SessionSetup("Klas 3B", "klas", (DECK,), Mode.SAMEN, assign_letters(PEOPLE)))
    session.terugblik, _ = terugblik_items([earlier_file(tmp_path)])
    app = DialoogspelApp(Launch(session=session, output_dir=tmp_path))
    app.today = lambda: TODAY
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TerugblikScreen) and app.screen.focused is None
        where = app.screen.query_one("#where", Static)
        assert app.cursor_position == where.content_region.offset, "on the item asked about"
        await pilot.press("2")
        await pilot.pause()
        answer = app.screen.query_one("#answer", Input)
        assert under_cursor(app) is answer
        await type_text(pilot, "vrijdag")
        await pilot.pause()
        answer = app.screen.query_one("#answer", Input)
        assert app.cursor_position == answer.cursor_screen_offset
        assert app.cursor_position.x > answer.content_region.x


async def test_the_choice_of_earlier_files_follows_the_highlight(tmp_path: Path) -> None:
    for day in ("08", "15", "01"):  # the file is written as the 1st: that one last
        earlier_file(tmp_path).rename(tmp_path / f"2026-11-{day}_uitval_klas-3b.md")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(EarlierScreen(list_earlier(tmp_path), []))
        await pilot.pause()
        listing = app.screen.query_one(SelectionList)
        assert listing.option_count == 3
        await assert_follows_the_highlight(pilot, listing, 2)


async def test_dialogs_without_a_field_put_the_cursor_on_their_question() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for dialog in (
            ConfirmScreen("Afspraak wissen?", "Anna: bellen"),
            PrivacyScreen(["In de notitie bij U01 staat iets dat op een telefoonnummer lijkt."]),
            HelpScreen("spelen", (), "Lees de kaart voor."),
        ):
            app.push_screen(dialog)
            await pilot.pause()
            title = dialog.query_one(".title", Static)
            assert title.region.contains_point(app.cursor_position), type(dialog).__name__
            dialog.dismiss(None)
            await pilot.pause()
        question = app.screen.query_one("#card")
        assert app.cursor_position == question.content_region.offset, "back on the question"


async def test_the_cursor_stays_on_the_chosen_row_after_a_resize(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("1", "enter", *(["s", "enter"] * 3), "b")
        listing = app.screen.query_one("#parked", OptionList)
        await pilot.press("down", "down")
        for size in ((60, 20), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert highlighted_text(listing) in row_at_cursor(listing, app)


async def test_a_screen_without_a_spot_keeps_what_a_widget_set() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        spot = cursor_spot(app.screen)
        assert spot is not None and app.cursor_position == spot
        app.cursor_position = Offset(3, 4)  # what Textual's Input does; the spot wins
        assert app.cursor_position == spot
