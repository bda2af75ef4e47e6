"""Issue 17 on the screen: notices stay clear of the status lines and the Footer, focus shows
in the agreement form without colour, and the small wording points read right."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Footer, OptionList, Static
from textual.widgets._toast import Toast

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.model.rules import NO_BOARD
from dialoogspel.table import Launch, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.widgets.fieldlabel import FieldLabel
from tests.tui.test_resize import DECK
from tests.tui.waits import setup_built

PEOPLE = [("Anna", "slb'er"), ("An", "docent"), ("Bert", "teammanager")]


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


def app_for(mode: Mode = Mode.PIONNEN, people: list[tuple[str, str]] = PEOPLE) -> DialoogspelApp:
    setup = SessionSetup("Klas 3B", "klas", (DECK,), mode, assign_letters(people))
    return DialoogspelApp(Launch(session=Session(setup)))


def status(app: DialoogspelApp) -> str:
    content = app.screen.query_one("#status", Static).content
    return content.plain if isinstance(content, Text) else str(content)


def screen_text(app: DialoogspelApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_notice_covers_neither_the_status_lines_nor_the_footer() -> None:
    app = app_for()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("a", *"bellen", "enter", *"Anna", "enter", "enter")
        app.notify("Een tweede melding, lang genoeg om over twee regels te lopen op dit scherm.")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 2
        kept_clear = [app.screen.query_one("#status").region, app.screen.query_one(Footer).region]
        for toast in toasts:
            for region in kept_clear:
                assert not toast.region.overlaps(region), (toast.region, region)
        assert "Afspraak gemaakt voor Anna." in screen_text(app)
        assert "Aan de beurt:" in screen_text(app)


async def test_the_agreement_form_marks_the_field_with_focus_without_colour() -> None:
    app = app_for(Mode.SAMEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AgreementScreen)

        def marked() -> list[str]:
            return [
                str(label.content)
                for label in app.screen.query(FieldLabel)
                if "> " in str(label.content)
            ]

        assert marked() == ["> Wat"]
        await pilot.press("tab")
        assert marked() == ["> Wie"]
        assert app.screen.query_one(FieldLabel).has_class("-focus") is False
        await pilot.press("shift+tab", "shift+tab")
        assert marked() == ["> Soort"]
        assert "> Soort" in screen_text(app)


async def test_enter_on_a_contested_card_does_not_repeat_the_prompt() -> None:
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "2", "4", "enter")
        said = status(app)
        assert said.count("De pionnen staan verschillend") == 1
        assert "Enter gaat pas verder als de kaart ligt." in said


async def test_1_to_4_in_vragen_get_an_answer() -> None:
    app = app_for(Mode.VRAGEN, [])
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "14":
            await pilot.press(key)
            assert NO_BOARD in status(app)
        assert app.session is not None and app.session.settled_count == 0
        await pilot.press("enter")
        assert app.session.settled_count == 1


async def test_help_lists_key_1_and_says_enter_works_like_the_arrow() -> None:
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        assert any("  1  " in line and "1 Belangrijk & urgent" in line for line in lines)
        assert not any("1–4" in line and "Belangrijk & urgent" in line for line in lines)
        assert any("enter / →" in line and "Enter doet hetzelfde als →" in line for line in lines)


async def test_setup_says_why_an_gets_another_letter_than_a(decks) -> None:
    defaults = SetupDefaults(casus="Klas 3B", participants=PEOPLE[:2])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults))
    async with app.run_test(size=(100, 40)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        people = app.screen.query_one("#people", OptionList)
        shown = [str(people.get_option_at_index(n).prompt) for n in range(people.option_count)]
        assert shown[0].endswith("Anna (slb'er)")
        assert shown[1].endswith("An (docent): letter N, want A is al van Anna")


@pytest.mark.parametrize("ascii_mode", [False, True])
async def test_setup_shows_focus_by_shape_without_colour(
    decks, monkeypatch: pytest.MonkeyPatch, ascii_mode: bool
) -> None:
    """Under NO_COLOR a focused field's frame differs in shape from an unfocused one's."""
    from textual.widgets import Input, RadioSet

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("DIALOOGSPEL_ASCII", "1" if ascii_mode else "0")
    defaults = SetupDefaults(participants=[("Anna", "docent")])
    app = DialoogspelApp(Launch(decks=decks, defaults=defaults, ascii=ascii_mode))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.pause()
        casus = app.screen.query_one("#casus", Input)
        niveau = app.screen.query_one("#niveau", RadioSet)
        casus.focus()
        await pilot.pause()
        focused, unfocused = casus.styles.border_top[0], niveau.styles.border_top[0]
        assert focused != unfocused
        niveau.focus()
        await pilot.pause()
        assert niveau.styles.border_top[0] == focused
        assert casus.styles.border_top[0] == unfocused
