"""Pilot flows through the setup screen: the team fills the form and plays, or is told why not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, RadioSet, SelectionList, Static

from dialoogspel.model import Deck, Mode, Session, SessionSetup, assign_letters
from dialoogspel.model import canonical_role as known_role
from dialoogspel.table import Launch, ResumeOffer, SetupDefaults
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.help import HelpScreen
from dialoogspel.tui.screens.play import PlayScreen
from dialoogspel.tui.screens.setup import SetupScreen
from tests.tui.waits import setup_built

TWO_PEOPLE = [("Anna", "docent"), ("Ahmed", "slb'er")]


def make_app(
    decks: list[Deck],
    defaults: SetupDefaults | None = None,
    *,
    resume_offer: ResumeOffer | None = None,
    loader: Callable[[str], Session] | None = None,
    ascii: bool = False,
) -> tuple[DialoogspelApp, list[Session]]:
    """An app on the setup screen that records every autosaved session."""
    saved: list[Session] = []
    launch = Launch(
        decks=decks,
        defaults=defaults or SetupDefaults(),
        resume_offer=resume_offer,
        ascii=ascii,
    )
    return DialoogspelApp(launch, saver=saved.append, loader=loader), saved


async def type_text(pilot: Pilot, text: str) -> None:
    """Type like a person: one key per character."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def text_of(app: DialoogspelApp, selector: str) -> str:
    """The plain text a Static shows."""
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


def problem(app: DialoogspelApp, field: str) -> str:
    """The Dutch message shown under a field, or "" when none is shown."""
    widget = app.screen.query_one(f"#{field}-problem", Static)
    return text_of(app, f"#{field}-problem") if widget.display else ""


def started(app: DialoogspelApp, saved: list[Session]) -> SessionSetup:
    """Play has begun: the setup of the session the app saved."""
    assert isinstance(app.screen, PlayScreen)
    assert saved, "the new session is saved before the first card"
    return saved[0].setup


async def test_default_path_by_keyboard_starts_play_with_the_chosen_setup(decks) -> None:
    app, saved = make_app(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        assert app.focused is app.screen.query_one("#casus", Input)
        await type_text(pilot, "Klas 3B verzuimt veel")
        await pilot.press("tab", "tab", "down", "space")  # niveau stays; tick verzuim after uitval
        await pilot.press("tab", "tab", "tab")  # mode stays pionnen, past hidden voting
        assert app.focused is app.screen.query_one("#name", Input)
        await type_text(pilot, "Anna")
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#role", Input)
        await type_text(pilot, "docent")
        await pilot.press("enter")
        await type_text(pilot, "Ahmed")
        await pilot.press("enter")
        await type_text(pilot, "slb")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        setup = started(app, saved)
    assert setup.casus == "Klas 3B verzuimt veel"
    assert setup.mode is Mode.PIONNEN
    assert setup.niveau == "opleiding"
    assert [deck.name for deck in setup.decks] == ["uitval", "verzuim"]
    assert [card.key for card in saved[0].cards] == [
        "uitval:U01",
        "uitval:U03",
        "verzuim:V01",
        "verzuim:V02",
    ]
    assert [(p.name, p.role, p.letter) for p in setup.participants] == [
        ("Anna", "docent", "A"),
        ("Ahmed", "slb'er", "H"),
    ]
    assert setup.hidden_voting is False


async def test_setup_is_the_base_screen_and_play_replaces_it(decks) -> None:
    """No empty screen under the form (it cost ~40 ms of start-up); its styles are there."""
    app, saved = make_app(decks, SetupDefaults(casus="Klas 3B", participants=TWO_PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        assert [type(screen) for screen in app.screen_stack] == [SetupScreen]
        assert app.screen.query(".field-label").first().styles.margin.top == 1  # setup.tcss
        assert app.screen.query_one("#form").max_scroll_y > 0, "the form scrolls at 80x24"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).casus == "Klas 3B"
        assert [type(screen) for screen in app.screen_stack] == [PlayScreen]


async def test_start_with_the_mouse(decks) -> None:
    defaults = SetupDefaults(casus="Klas 3B", participants=TWO_PEOPLE)
    app, saved = make_app(decks, defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        start = app.screen.query_one("#start")
        start.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
        assert started(app, saved).casus == "Klas 3B"


async def test_empty_form_says_what_is_missing_next_to_each_field(decks) -> None:
    app, saved = make_app(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert not saved
        assert "casus" in problem(app, "casus")
        assert "minstens 2 deelnemers" in problem(app, "person")
        assert problem(app, "deck") == ""  # the first deck is ticked already
        assert "Nog niet klaar" in problem(app, "start")
        assert app.focused is app.screen.query_one("#casus", Input)
        await type_text(pilot, "Klas 3B")
        assert problem(app, "casus") == ""


async def test_not_ready_message_goes_once_every_field_is_fixed(decks) -> None:
    app, _ = make_app(decks, SetupDefaults(participants=TWO_PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Nog niet klaar" in problem(app, "start")
        await type_text(pilot, "Klas")
        assert problem(app, "casus") == ""
        assert problem(app, "start") == ""


async def test_no_deck_chosen_is_refused(decks) -> None:
    app, saved = make_app(decks, SetupDefaults(casus="Klas 3B", participants=TWO_PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        app.screen.query_one("#deck-list", SelectionList).focus()
        await pilot.press("space")  # untick uitval
        assert "Nog geen thema" in text_of(app, "#deck-summary")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "minstens één thema" in problem(app, "deck")
        assert app.focused is app.screen.query_one("#deck-list", SelectionList)
        assert not saved


async def test_pionnen_needs_two_people_samen_needs_none(decks) -> None:
    app, saved = make_app(decks, SetupDefaults(casus="Klas 3B", participants=[("Anna", "docent")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Voeg er nog 1 toe" in problem(app, "person")
        assert not saved
        app.screen.query_one("#mode", RadioSet).focus()
        await pilot.press("right")  # pionnen -> samen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).mode is Mode.SAMEN


async def test_vragen_starts_without_participants(decks) -> None:
    app, saved = make_app(decks, SetupDefaults(casus="Klas 3B", mode=Mode.VRAGEN))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).participants == ()


async def test_niveau_without_cards_shows_the_model_refusal(decks) -> None:
    defaults = SetupDefaults(casus="Klas 3B", deck_names=["welzijn"], participants=TWO_PEOPLE)
    app, saved = make_app(decks, defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        assert "0 kaarten" in text_of(app, "#deck-summary")
        prompt = app.screen.query_one("#deck-list", SelectionList).get_option_at_index(2).prompt
        assert "geen kaarten bij dit niveau" in str(prompt)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "geen kaarten voor niveau 'opleiding'" in problem(app, "start")
        assert not saved
        app.screen.query_one("#niveau", RadioSet).focus()
        await pilot.press("right")  # opleiding -> team: the welzijn card fits
        assert "1 kaarten voor niveau team" in text_of(app, "#deck-summary")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).niveau == "team"


async def test_niveau_anders_takes_typed_text_and_must_not_be_empty(decks) -> None:
    defaults = SetupDefaults(casus="Klas 3B", participants=TWO_PEOPLE)
    app, saved = make_app(decks, defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        other = app.screen.query_one("#niveau-other", Input)
        assert not other.display
        app.screen.query_one("#niveau", RadioSet).focus()
        await pilot.press("left", "left")  # opleiding -> klas -> anders (wraps)
        assert other.display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Typ het niveau" in problem(app, "niveau")
        assert app.focused is other
        await type_text(pilot, "afdeling zorg")
        assert problem(app, "niveau") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        setup = started(app, saved)
    assert setup.niveau == "afdeling zorg"
    assert [card.key for card in saved[0].cards] == ["uitval:U01"]


async def test_remove_a_participant_with_delete_backspace_or_the_button(decks) -> None:
    people = [("Anna", "docent"), ("Ahmed", "slb'er"), ("Bert", "teammanager"), ("Cor", "docent")]
    app, _ = make_app(decks, SetupDefaults(participants=people))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        listing = screen.query_one("#people", OptionList)
        assert listing.option_count == 4
        listing.focus()
        await pilot.press("down", "delete")  # Ahmed
        assert [name for name, _ in screen.people] == ["Anna", "Bert", "Cor"]
        await pilot.press("backspace")  # Bert, now highlighted
        assert [name for name, _ in screen.people] == ["Anna", "Cor"]
        screen.query_one("#remove").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#remove")
        await pilot.pause()
        assert [name for name, _ in screen.people] == ["Anna"]
        assert listing.option_count == 1


async def test_backspace_elsewhere_does_not_remove_anyone(decks) -> None:
    app, _ = make_app(decks, SetupDefaults(casus="Klas", participants=TWO_PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#deck-list", SelectionList).focus()
        await pilot.press("backspace", "delete")
        assert len(screen.people) == 2


async def test_adding_needs_a_name_and_a_role_and_completes_known_roles(decks) -> None:
    app, _ = make_app(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#role", Input).focus()
        await pilot.press("enter")
        assert "naam" in problem(app, "person")
        assert app.focused is screen.query_one("#name", Input)
        await type_text(pilot, "Bram")
        await pilot.click("#add")
        assert "Welke rol heeft Bram" in problem(app, "person")
        await type_text(pilot, "zorgcoordinator")
        await pilot.press("enter")
        assert screen.people == [("Bram", "zorgcoördinator")]
        assert problem(app, "person") == ""


async def test_a_typed_but_not_added_person_is_added_on_start(decks) -> None:
    defaults = SetupDefaults(casus="Klas 3B", participants=[("Anna", "docent")])
    app, saved = make_app(decks, defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        app.screen.query_one("#name", Input).value = "Bert"
        app.screen.query_one("#role", Input).value = "teammanager"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [p.name for p in started(app, saved).participants] == ["Anna", "Bert"]


async def test_hidden_voting_reaches_the_setup_and_only_for_pionnen(decks) -> None:
    app, saved = make_app(decks, SetupDefaults(casus="Klas 3B", participants=TWO_PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        hidden = app.screen.query_one("#hidden", Checkbox)
        hidden.focus()
        await pilot.press("space")
        assert hidden.value
        assert "aan" in str(hidden.label)
        app.screen.query_one("#mode", RadioSet).focus()
        await pilot.press("right")  # samen: hidden voting has no meaning
        assert hidden.disabled
        await pilot.press("left")  # back to pionnen
        assert not hidden.disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).hidden_voting is True


async def test_hidden_voting_default_is_dropped_outside_pionnen(decks) -> None:
    defaults = SetupDefaults(casus="Klas 3B", mode=Mode.SAMEN, hidden_voting=True)
    app, saved = make_app(decks, defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).hidden_voting is False


async def test_defaults_prefill_every_field(decks) -> None:
    defaults = SetupDefaults(
        casus="Team zorg, najaar",
        niveau="team",
        deck_names=["welzijn", "uitval"],
        mode=Mode.SAMEN,
        participants=TWO_PEOPLE,
        hidden_voting=False,
    )
    app, saved = make_app(decks, defaults)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        screen = app.screen
        assert screen.query_one("#casus", Input).value == "Team zorg, najaar"
        assert str(screen.query_one("#niveau", RadioSet).pressed_button.label) == "team"
        assert str(screen.query_one("#mode", RadioSet).pressed_button.label) == "samen"
        assert screen.query_one("#deck-list", SelectionList).selected == [2, 0]
        assert "Welzijn → Uitval" in text_of(app, "#deck-summary")
        assert "Samen:" in text_of(app, "#mode-explanation")
        assert screen.query_one("#people", OptionList).option_count == 2
        assert app.focused is screen.query_one("#start")  # casus is filled: ready to go
        await pilot.press("enter")
        await pilot.pause()
        setup = started(app, saved)
    assert [deck.name for deck in setup.decks] == ["welzijn", "uitval"]
    assert [p.letter for p in setup.participants] == ["A", "H"]


async def test_free_text_niveau_default_opens_anders(decks) -> None:
    app, _ = make_app(decks, SetupDefaults(niveau="afdeling zorg"))
    async with app.run_test(size=(80, 24)):
        other = app.screen.query_one("#niveau-other", Input)
        assert other.display
        assert other.value == "afdeling zorg"
        assert "voor niveau afdeling zorg" in text_of(app, "#deck-summary")


async def test_resume_offer_posts_resume_chosen_and_the_app_loads_it(decks) -> None:
    setup = SessionSetup("Oud spel", "klas", (decks[0],), Mode.SAMEN, assign_letters([]))
    old = Session(setup, session_id="oud123")
    asked: list[str] = []

    def loader(session_id: str) -> Session:
        asked.append(session_id)
        return old

    offer = ResumeOffer("oud123", "Oud spel · Uitval · 1 van 3 kaarten")
    app, _ = make_app(decks, resume_offer=offer, loader=loader)
    messages: list[object] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await setup_built(pilot)
        assert "Verder met het vorige spel: Oud spel" in text_of(app, "#resume-text")
        await pilot.click("#resume")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.session is old
    assert asked == ["oud123"]
    # The hook sees a message at every node it bubbles through: count each message once.
    chosen = {id(m): m for m in messages if isinstance(m, SetupScreen.ResumeChosen)}
    assert [m.session_id for m in chosen.values()] == ["oud123"]


async def test_no_resume_row_without_an_offer(decks) -> None:
    app, _ = make_app(decks)
    async with app.run_test(size=(80, 24)):
        assert not app.screen.query("#resume")


async def test_no_decks_at_all_is_said_and_start_is_refused() -> None:
    app, saved = make_app([], SetupDefaults(casus="Klas 3B", mode=Mode.SAMEN))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        assert "geen kaartstapels" in text_of(app, "#deck-summary")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "minstens één thema" in problem(app, "deck")
        assert not saved


async def test_help_lists_the_setup_keys(decks) -> None:
    app, _ = make_app(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.title_text == "nieuw spel"
        await pilot.press("escape")
        assert isinstance(app.screen, SetupScreen)


@pytest.mark.parametrize("size", [(40, 12), (250, 80), (120, 40)])
async def test_survives_resizing(decks, size: tuple[int, int]) -> None:
    app, saved = make_app(decks, SetupDefaults(casus="Klas 3B", participants=TWO_PEOPLE))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert app.screen.has_class("-wide") is (size[0] >= 110)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started(app, saved).casus == "Klas 3B"


async def test_ascii_mode_draws_plain_characters(decks) -> None:
    app, _ = make_app(decks, SetupDefaults(deck_names=["uitval", "verzuim"]), ascii=True)
    async with app.run_test(size=(80, 24)):
        summary = text_of(app, "#deck-summary")
        assert "Uitval > Verzuim" in summary
        assert summary.isascii()


def test_known_role_completes_default_roles_and_keeps_others() -> None:
    assert known_role("slb") == "slb'er"
    assert known_role("Docent") == "docent"
    assert known_role("verzuimcoordinator") == "verzuimcoördinator"
    assert known_role("zorg") == "zorgcoördinator"
    assert known_role("decaan") == "decaan"
    assert known_role(" mentor ") == "mentor"


async def test_the_chosen_mode_reads_without_colour_also_while_focused(decks) -> None:
    """Bold and underlined, so the choice shows in NO_COLOR and to colour-blind players."""
    app, _ = make_app(decks, SetupDefaults(mode=Mode.SAMEN))
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        modes = app.screen.query_one("#mode", RadioSet)
        for focused in (False, True):
            if focused:
                modes.focus()
            await pilot.pause()
            chosen = modes.pressed_button
            assert chosen is not None and "samen" in str(chosen.label)
            style = chosen.get_component_rich_style("toggle--label")
            assert style.bold and style.underline, f"focused={focused}"


async def test_a_resume_offer_open_in_another_window_asks_before_taking_it_over(
    decks, tmp_path
) -> None:
    from dialoogspel.locks import SessionLock
    from dialoogspel.tui.screens.ask import ConfirmScreen

    setup = SessionSetup("Oud spel", "klas", (decks[0],), Mode.SAMEN, assign_letters([]))
    old = Session(setup, session_id="oud123")
    other_window = SessionLock.acquire(tmp_path, "oud123")
    offer = ResumeOffer("oud123", "Oud spel · Uitval · 1 van 3 kaarten")
    launch = Launch(decks=decks, defaults=SetupDefaults(), resume_offer=offer)
    app = DialoogspelApp(launch, saver=lambda s: None, loader=lambda i: old, home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await setup_built(pilot)
        await pilot.click("#resume")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "al open in een ander venster" in text_of(app, "#detail")
        await pilot.press("n")
        assert isinstance(app.screen, SetupScreen), "no: the other window keeps it"
        assert other_window.held()

        await pilot.click("#resume")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and app.session is old
        assert not other_window.held(), "this window took the session over"
        assert app.table is not None and app.table.lock is not None and app.table.lock.held()
        app.table.release()
