"""The afspraken list with many cards: every change updates only what changed, and correctly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
    describe_deadline,
)
from dialoogspel.table import Launch
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.screens.afspraken import AfsprakenScreen
from dialoogspel.tui.screens.agreement import AgreementScreen, KindChoice
from dialoogspel.tui.screens.agreementlist import AgreementList

CARDS = 120
TODAY = date(2026, 11, 22)
HOSTILE = ["[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07"]


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALOOGSPEL_HOME", str(tmp_path / "data"))


def played(cards: int = CARDS) -> Session:
    """Samen over `cards` cards, each laid in quadrant 1-4 in turn, an agreement on every 8th."""
    deck = Deck(
        "groot",
        "Groot",
        "#0072B2",
        tuple(Card(f"G{n:03}", f"Vraag {n}?", (DataSource("JOB-monitor"),)) for n in range(cards)),
    )
    people = assign_letters([("Anna", "docent"), ("Bert", "slb'er")])
    session = Session(SessionSetup("Klas 3B", "klas", (deck,), Mode.SAMEN, people))
    for index in range(cards):
        session.go_to(index)
        session.place(Quadrant(index % 4 + 1))
        if index % 8 == 0:
            kind = AgreementKind.UITZOEKEN if index % 16 else AgreementKind.AAN_DE_SLAG
            session.add_agreement(
                Agreement(kind, f"actie {index}", "Anna", None, session.current.key)
            )
    return session


def expected_lines(session: Session) -> list[str]:
    """What the list must show, worked out from the model alone."""
    lines: list[str] = []
    for kind in AgreementKind:
        mine = [a for a in session.agreements if a.kind is kind]
        lines.append(f"{kind.label} ({len(mine)})")
        for agreement in mine:
            line = f"{agreement.who}: {agreement.what}"
            if agreement.deadline:
                line += f" · vóór {describe_deadline(agreement.deadline)}"
            if agreement.card_key:
                line += f" · kaart {session.card_label(agreement.card_key)}"
            lines.append(line)
        if not mine:
            lines.append("  nog geen")
    linked = {a.card_key for a in session.agreements}
    for card in session.cards:
        state = session.states[card.key]
        if state.final is Quadrant.BELANGRIJK_URGENT and card.key not in linked:
            lines.append(f"Nog geen afspraak: {card.card.id} {card.card.question}")
    return lines


def make_app(session: Session) -> DialoogspelApp:
    app = DialoogspelApp(Launch(session=session, output_dir=Path(".")), saver=lambda s: None)
    app.today = lambda: TODAY
    return app


def listing(app: DialoogspelApp) -> AgreementList:
    return app.screen.query_one(AgreementList)


def shown(app: DialoogspelApp) -> list[str]:
    return [str(option.prompt) for option in listing(app).options]


def choose(app: DialoogspelApp, starts: str) -> None:
    """Highlight the first line that starts with `starts`."""
    lines = shown(app)
    listing(app).highlighted = next(i for i, line in enumerate(lines) if line.startswith(starts))


async def fill(pilot: Pilot, what: str | None = None, who: str | None = None) -> None:
    """Change the open form's fields (None keeps them) and save with ctrl+s."""
    form = pilot.app.screen
    assert isinstance(form, AgreementScreen)
    if what is not None:
        form.query_one("#what", Input).value = what
    if who is not None:
        form.query_one("#who", Input).value = who
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_list_follows_every_add_edit_and_wipe() -> None:
    session = played()
    app = make_app(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, AfsprakenScreen)
        assert shown(app) == expected_lines(session)
        first_suggestion = session.suggested_cards()[0]

        await pilot.press("g")  # an agreement for the first urgent card without one
        await fill(pilot, "ouders bellen", "Bert")
        assert session.agreements[-1].card_key == first_suggestion.key
        assert shown(app) == expected_lines(session)
        assert "Bert: ouders bellen" in str(listing(app).highlighted_option.prompt)

        choose(app, "Anna: actie 8 ")  # an uitzoeken agreement in the middle
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, AgreementScreen)
        form.query_one(KindChoice).choose(AgreementKind.AAN_DE_SLAG)  # was uitzoeken
        await fill(pilot, "actie 8 gewijzigd")
        changed = next(a for a in session.agreements if a.what == "actie 8 gewijzigd")
        assert changed.kind is AgreementKind.AAN_DE_SLAG
        assert shown(app) == expected_lines(session)
        assert str(listing(app).highlighted_option.prompt).startswith("Anna: actie 8 gewijzigd")

        choose(app, "Anna: actie 24 ")
        await pilot.press("delete", "j")
        assert not any(a.what == "actie 24" for a in session.agreements)
        assert shown(app) == expected_lines(session)

        # After the wipe the positions behind it moved up: enter still opens the right one.
        choose(app, "Anna: actie 40 ")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, AgreementScreen)
        assert form.query_one("#what", Input).value == "actie 40"
        await fill(pilot, "actie 40 nu", "Bert")
        assert [a.what for a in session.agreements].count("actie 40 nu") == 1
        assert "actie 40" not in [a.what for a in session.agreements]
        assert shown(app) == expected_lines(session)


async def test_a_change_lays_out_only_the_changed_line() -> None:
    session = played()
    app = make_app(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        board = app.screen.query_one("#cards-text", Static)
        board_before = board.content
        prompts = {str(o.prompt): o.prompt for o in listing(app).options if o.id}
        choose(app, "Anna: actie 16 ")
        await pilot.press("enter")
        await fill(pilot, "actie 16 anders")
        after = {str(o.prompt): o.prompt for o in listing(app).options if o.id}
        kept = [line for line in after if line in prompts]
        assert len(kept) == len(after) - 1, "one line is new"
        assert all(after[line] is prompts[line] for line in kept), "the others were kept"
        assert board.content is board_before, "an agreement does not redraw the board"


async def test_typed_text_in_an_agreement_is_shown_as_typed() -> None:
    session = played(16)
    app = make_app(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        for text in HOSTILE:
            await pilot.press("a")
            await fill(pilot, f"doe {text}", f"{text} wie")
        lines = shown(app)
        assert app.is_running
        for text in HOSTILE[:3]:
            assert f"{text} wie: doe {text}" in lines
        escaped = "\\x1b]0;x\\x07"
        assert f"{escaped} wie: doe {escaped}" in lines, "control characters are shown, not sent"
        assert not any("\x1b" in line for line in lines)
