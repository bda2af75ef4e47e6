"""--ascii: every screen and dialog, Textual's own widgets included, draws only ASCII and Latin-1.

The old Windows console (cp437/cp1252) has no half blocks, triangles, emoji or "…"; Dutch
letters (é, ó, ë) are fine there and stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.color import Color
from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import Checkbox, RadioButton, Select, SelectionList

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Mode,
    Session,
    SessionSetup,
    assign_letters,
)
from dialoogspel.table import Launch, ResumeOffer, SetupDefaults, terugblik_items
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.palette import ActionPalette
from dialoogspel.tui.plainwidgets import (
    TEXTUAL_SELECTION_LINE,
    CutMarkFilter,
    PlainScrollBarRender,
)
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.ask import ConfirmScreen, FolderScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.note import NoteScreen
from dialoogspel.tui.screens.notes import NotesScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.privacy import PrivacyScreen
from dialoogspel.tui.screens.setup import SetupScreen
from dialoogspel.tui.screens.terugblik import TerugblikScreen
from dialoogspel.tui.screens.terugblikkeuze import EarlierScreen
from tests.factories import make_session
from tests.tui.test_resize import DECK
from tests.tui.test_terugblik import earlier_file, open_earlier
from tests.tui.waits import setup_built

PEOPLE = [("Anna", "slb'er"), ("Ahmed", "docent"), ("Bert", "teammanager")]


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outcome copies go to tmp_path, not to the real data folder."""
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


def screen_text(app: DialoogspelApp) -> str:
    """Every character the screen shows, the screen below a dialog and notifications included."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_plain(app: DialoogspelApp, where: str) -> str:
    """Only ASCII and Latin-1 on screen; the text, for further checks."""
    text = screen_text(app)
    wrong = sorted({ch for ch in text if ord(ch) > 0xFF})
    assert not wrong, f"{where}: {wrong!r} in\n{text}"
    return text


async def assert_plain_all_over(app: DialoogspelApp, pilot: Pilot, where: str) -> str:
    """As assert_plain, for every part of the screen: each scrolling box from top to bottom."""
    seen = [assert_plain(app, where)]
    for box in app.screen.query(ScrollableContainer):
        if not box.max_scroll_y:
            continue
        box.scroll_home(animate=False)
        await pilot.pause()
        while True:
            seen.append(assert_plain(app, f"{where} ({box.id} at {box.scroll_y})"))
            if box.scroll_y >= box.max_scroll_y:
                break
            box.scroll_page_down(animate=False)
            await pilot.pause()
    return "\n".join(seen)


def ascii_app(session: Session, output_dir: Path | None = None) -> DialoogspelApp:
    launch = Launch(session=session, ascii=True)
    if output_dir is not None:
        launch.output_dir = output_dir
    return DialoogspelApp(launch)


def pionnen(hidden: bool = False) -> Session:
    setup = SessionSetup(
        "Klas 3B", "klas", (DECK,), Mode.PIONNEN, assign_letters(PEOPLE), hidden_voting=hidden
    )
    session = Session(setup)
    session.add_agreement(Agreement(AgreementKind.UITZOEKEN, "bellen met de stage", "Anna"))
    return session


ROUTES: dict[str, tuple[tuple[str, ...], type]] = {
    "vote": ((), PlayScreen),
    "contested": (("1", "3", "4"), PlayScreen),
    "settled": (("1", "1", "1"), PlayScreen),
    "board": (("1", "1", "1", "enter", "s", "b"), BoardScreen),
    "help": (("question_mark",), HelpScreen),
    "palette": (("ctrl+p",), ActionPalette),
    "note": (("n",), NoteScreen),
    "notes": (("n", *"na de stage", "enter", "n"), NotesScreen),
    "agreement": (("a",), AgreementScreen),
    "card-choice": (("a", "shift+tab", "shift+tab", "enter"), AgreementScreen),
    "afspraken": (("e",), AfsprakenScreen),
    "afspraken-help": (("e", "question_mark"), HelpScreen),
    "confirm": (("e", "down", "delete"), ConfirmScreen),
    "folder": (("e", "m"), FolderScreen),
    "privacy": (("n", *"bel 0612345678", "enter", "e", "ctrl+s"), PrivacyScreen),
}
"""Keys from the first card of a pionnen session to each screen and dialog."""


@pytest.mark.parametrize("name", list(ROUTES))
async def test_every_screen_and_dialog_draws_ascii(name: str, tmp_path: Path) -> None:
    keys, kind = ROUTES[name]
    app = ascii_app(pionnen(), tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, kind)
        if name == "card-choice":
            assert app.screen.query_one(Select).expanded, "the list of cards is open"
            assert_plain(app, name)
        else:
            await assert_plain_all_over(app, pilot, name)


async def test_the_hand_over_view_and_notifications_draw_ascii() -> None:
    app = ascii_app(pionnen(hidden=True))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert "Geef de laptop aan" in assert_plain(app, "hand-over")
        app.notify("Een melding…", title="Let op — nu", severity="warning")
        app.notify("Het opslaan lukte niet.", severity="error")
        await pilot.pause()
        text = assert_plain(app, "notifications")
        assert "Let op - nu" in text and "Een melding..." in text
        assert "Het opslaan lukte niet." in text


async def test_an_agreement_notice_draws_ascii_and_names_no_key_of_another_screen() -> None:
    app = ascii_app(pionnen())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("a", *"bellen", "enter", *"Anna", "enter", "enter")
        await pilot.pause()
        text = assert_plain(app, "agreement notice")
        assert "Afspraak gemaakt voor Anna." in text
        assert "e: alle afspraken" not in text


async def test_the_setup_screen_and_its_terugblik_choice_draw_ascii(tmp_path: Path, decks) -> None:
    earlier_file(tmp_path)
    defaults = SetupDefaults(casus="Klas 3B", participants=PEOPLE, deck_names=["verzuim"])
    offer = ResumeOffer("abc", "Klas 2A — Uitval, pionnen, 3 van 18 kaarten, opgeslagen 01-12")
    launch = Launch(
        decks=decks, defaults=defaults, resume_offer=offer, ascii=True, output_dir=tmp_path
    )
    app = DialoogspelApp(launch)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        text = await assert_plain_all_over(app, pilot, "setup")
        assert "Verder met het vorige spel: Klas 2A - Uitval" in text
        # A theme's check box says whether it is chosen without colour.
        themes = [line for line in text.splitlines() if "kaarten" in line and "[" in line]
        assert any("[X]" in line and "Verzuim" in line for line in themes), themes
        assert any("[ ]" in line and "Uitval" in line for line in themes), themes
        await open_earlier(app, pilot)
        assert isinstance(app.screen, EarlierScreen)
        await assert_plain_all_over(app, pilot, "terugblik choice")


async def test_the_terugblik_and_vragen_draw_ascii(tmp_path: Path) -> None:
    session = make_session(Mode.VRAGEN)
    session.terugblik, _ = terugblik_items([earlier_file(tmp_path)])
    app = ascii_app(session)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TerugblikScreen)
        assert_plain(app, "terugblik")
        await pilot.press("2")  # the note input
        assert_plain(app, "terugblik note")


async def test_dutch_letters_stay_in_ascii_mode() -> None:
    setup = SessionSetup("Zorgcoördinatie vóór één", "klas", (DECK,), Mode.SAMEN, ())
    app = ascii_app(Session(setup))
    async with app.run_test(size=(80, 24), notifications=True):
        assert "Zorgcoördinatie vóór één" in assert_plain(app, "play")


async def test_textual_widgets_draw_their_own_glyphs_again_without_ascii() -> None:
    app = DialoogspelApp(Launch(session=pionnen(), ascii=True))
    async with app.run_test(size=(80, 24), notifications=True):
        assert ScrollBar.renderer is PlainScrollBarRender
        assert (Checkbox.BUTTON_LEFT, RadioButton.BUTTON_RIGHT) == ("[", ")")
    app = DialoogspelApp(Launch(session=pionnen()))
    async with app.run_test(size=(80, 24), notifications=True):
        assert ScrollBar.renderer is ScrollBarRender
        assert SelectionList.render_line is TEXTUAL_SELECTION_LINE
        assert (Checkbox.BUTTON_LEFT, RadioButton.BUTTON_INNER) == ("▐", "●")


async def test_a_check_box_says_on_or_off_without_colour_in_ascii() -> None:
    box = Checkbox("Verdekt stemmen", value=False)
    app = ascii_app(pionnen())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.screen.mount(box)
        await pilot.pause()
        assert box.render().plain.startswith("[ ]")
        box.value = True
        assert box.render().plain.startswith("[X]")


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_titles_cut_short_in_a_small_window_draw_ascii(size: tuple[int, int]) -> None:
    app = ascii_app(pionnen())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = assert_plain(app, f"play at {size}")
        assert "…" not in text
        await pilot.press("e")
        assert_plain(app, f"afspraken at {size}")


def test_textuals_cut_mark_becomes_a_tilde_of_the_same_width() -> None:
    segments = [Segment("+- 1 Belangrij… "), Segment("-+")]
    out = CutMarkFilter().apply(segments, Color(0, 0, 0))
    assert "".join(s.text for s in out) == "+- 1 Belangrij~ -+"
    unchanged = [Segment("Vóór één")]
    assert CutMarkFilter().apply(unchanged, Color(0, 0, 0)) is unchanged
